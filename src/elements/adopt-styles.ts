/** Styles that come with a part loaded later (a panel, Resume, a download's progress): added to the shadow root then. */
import type { CSSResult } from 'lit';

export function adoptStyles(host: object, styles: CSSResult): void {
  const root = (host as { renderRoot?: unknown }).renderRoot;
  const sheet = styles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
