/** The `<iframe>` snippet a publisher's reader pastes: one element, every attribute escaped. */

export const EMBED_HEIGHT = 290;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes for a double-quoted attribute; control characters, which HTML does not keep, are dropped. */
export function escapeAttribute(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function buildEmbedSnippet(url: string, title: string): string {
  const attributes: [string, string][] = [
    ['src', url],
    ['width', '100%'],
    ['height', String(EMBED_HEIGHT)],
    ['frameborder', '0'],
    ['scrolling', 'no'],
    ['title', `Embedded audio player: ${title}`],
    ['allow', 'autoplay; clipboard-write'],
    ['loading', 'lazy'],
  ];
  return `<iframe ${attributes.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ')}></iframe>`;
}
