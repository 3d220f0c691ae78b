/** Inline icons: decorative only, the buttons carry the names. */
import { html } from 'lit';

// One template for every icon, with its shape as the only part: Lit prepares it once, and a player's seven
// icons are seven small instances of it (an <svg> in html``: the HTML parser puts it in SVG's namespace).
const icon = (shape: string) =>
  html`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" fill="currentColor"><path d=${shape}></path></svg>`;

export const playIcon = icon('M8 5.14v13.72a1 1 0 0 0 1.52.85l10.6-6.86a1 1 0 0 0 0-1.7L9.52 4.29A1 1 0 0 0 8 5.14z');
export const pauseIcon = icon('M7 5h2a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm8 0h2a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1h-2a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z');
export const skipBackIcon = icon('M12 5V2L7 6l5 4V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z');
export const skipForwardIcon = icon('M12 5V2l5 4-5 4V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z');
export const previousIcon = icon('M6 5h2v14H6zm3 7 10-7v14z');
export const nextIcon = icon('M16 5h2v14h-2zM5 5l10 7-10 7z');
export const volumeIcon = icon('M4 9v6h4l5 4V5L8 9H4zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z');
export const mutedIcon = icon('M6 9v6h4l5 4V5l-5 4H6zm12.6 3 2.7-2.7-1.4-1.4-2.7 2.7-2.7-2.7-1.4 1.4 2.7 2.7-2.7 2.7 1.4 1.4 2.7-2.7 2.7 2.7 1.4-1.4z');
export const downloadIcon = icon('M11 4h2v9.2l3.3-3.3 1.4 1.4L12 17l-5.7-5.7 1.4-1.4 3.3 3.3zM5 18h14v2H5z');
export const playlistIcon = icon('M3 6h12v2H3zm0 5h12v2H3zm0 5h8v2H3zm14-2.8V6h4v2h-2v8a3 3 0 1 1-2-2.8z');
export const transcriptIcon = icon('M4 4h16v2H4zm0 5h16v2H4zm0 5h16v2H4zm0 5h10v2H4z');
export const embedIcon = icon('M8.6 16.6 4 12l4.6-4.6L7.2 6 1.2 12l6 6zm6.8 0L20 12l-4.6-4.6L16.8 6l6 6-6 6z');
