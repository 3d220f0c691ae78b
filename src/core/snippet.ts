/** The `<iframe>` snippet a publisher's reader pastes: one element, every attribute escaped. */

export const EMBED_HEIGHT = 290;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function buildEmbedSnippet(url: string, title: string): string {
  const attributes: [string, string][] = [
    ['src', url],
    ['width', '100%'],
    ['height', String(EMBED_HEIGHT)],
    ['frameborder', '0'],
    ['scrolling', 'no'],
    ['title', `Embedded audio player: ${title}`],
    ['allow', 'autoplay'],
    ['loading', 'lazy'],
  ];
  return `<iframe ${attributes.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ')}></iframe>`;
}
