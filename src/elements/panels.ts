/** The Playlist, Embed and Transcript panels, loaded when the listener first opens one. */
import { html, nothing, type LitElement } from 'lit';
import { elementEmbedCode, type EmbedCode } from '../core/embed-code.js';
import type { EmbedOptions } from '../core/embed-url.js';
import type { Playback } from '../core/playback.js';
import { adoptStyles } from './adopt-styles.js';
import { EmbedPanel } from './embed-panel.js';
import type { PanelContent, PanelName } from './player-template.js';
import { PlaylistPanel } from './playlist-panel.js';
import { panelStyles } from './panels.styles.js';
import { TranscriptPanel } from './transcript-panel.js';

export interface Panels {
  playlist: PlaylistPanel;
  embed: EmbedPanel;
  transcript: TranscriptPanel;
  render: typeof renderPanel;
  buildEmbedCode: typeof elementEmbedCode;
}

/** The panels of the player `host`, and their styles adopted into it. */
export function createPanels(
  host: LitElement,
  playback: Playback,
  embedCode: (options: EmbedOptions) => EmbedCode,
  say: (news: string) => void,
  open: (name: PanelName) => void,
): Panels {
  adoptStyles(host, panelStyles);
  const embed = new EmbedPanel(host, playback, embedCode, say);
  return {
    playlist: new PlaylistPanel(host, playback, say),
    embed,
    transcript: new TranscriptPanel(host, playback, embed, open),
    render: renderPanel,
    buildEmbedCode: elementEmbedCode,
  };
}

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
