/** The Playlist, Embed and Transcript panels, loaded when the listener first opens one. */
import { html, nothing } from 'lit';
import type { PanelContent, PanelName } from './player-template.js';

export { elementEmbedCode } from '../core/embed-code.js';
export { adoptStyles } from './adopt-styles.js';
export { EmbedPanel } from './embed-panel.js';
export { PlaylistPanel } from './playlist-panel.js';
export { TranscriptPanel } from './transcript-panel.js';
export { panelStyles } from './panels.styles.js';

/**
 * An open panel: in the compact layout it covers the controls, so it keeps Play/Pause (`play`) and the
 * title in a row of its own; its content scrolls, and its main action stays in view below.
 */
export function renderPanel(name: PanelName, content: PanelContent, now: { covering: boolean; play: unknown; title: string }) {
  return html`<div part="panel" class="panel" id="${name}-panel" role="region" aria-label="${name[0]!.toUpperCase()}${name.slice(1)} panel">
    ${now.covering ? html`<div class="panel-now">${now.play}<p class="panel-title">${now.title}</p></div>` : nothing}
    <div class="panel-body" tabindex=${content.bodyFocusable ? '0' : nothing}>${content.body}</div>
    <div class="panel-main">${content.main}</div>
  </div>`;
}
