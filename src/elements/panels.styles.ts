import { css } from 'lit';

export const panelStyles = css`
  /* The button of the open panel (a panel is open only once these styles are in). */
  .action[aria-expanded='true'],
  .action[aria-expanded='true']:hover {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-play);
  }
  @media (forced-colors: active) {
    .action[aria-expanded='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }

  /* A panel takes the room the player is given (a frame's height) and scrolls inside itself. */
  .has-panel {
    height: 100%;
  }
  .has-panel .stage {
    flex: 1;
    min-height: 0;
  }
  /* Inline, the panel takes the room left below the controls and scrolls inside it if that is short. */
  :host([layout='expanded']) .panel {
    position: static;
    flex: 1 1 auto;
    min-height: 96px;
  }
  /*
   * Covering, an open panel has at least the room of a few tracks or the whole Embed code box: on a page the
   * player has no set height and would otherwise squeeze it into the controls' 120 px. In a short frame it
   * keeps to the frame (vh is the frame's height there).
   */
  :host(:not([layout='expanded'])) .has-panel .stage {
    min-height: min(15em, calc(100vh - 5em));
  }
  /*
   * Panels cover the player above its action row: Play/Pause and the title in a row on top, the content
   * scrolling in the middle, the main action always in view at the bottom.
   */
  .panel {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    gap: 6px;
    /* Room for focus rings; and with very large text, the whole panel scrolls. */
    padding: 4px;
    overflow: auto;
    background: var(--_bg);
    z-index: 1;
  }
  .panel-now {
    display: flex;
    align-items: center;
    gap: 8px;
    min-width: 0;
  }
  .panel-now .play {
    flex: none;
  }
  .panel-title {
    font-weight: 700;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* Room inside the scroll box for focus rings. */
  .panel-body {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
    overscroll-behavior: contain;
    padding: 4px;
  }
  .panel-main {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
  }
  .panel-main .note {
    flex: 1 1 10em;
  }
  .whole-title {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  .field-label {
    font-size: 0.857em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_muted);
    margin: 8px 0 4px;
    display: block;
  }
  .field-label:first-child {
    margin-top: 0;
  }
  .track-list {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
  }
  .track-list li {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .track {
    flex: 1;
    justify-content: flex-start;
    min-width: 0;
    height: auto;
    min-height: 32px;
    padding: 4px 8px;
    text-align: left;
    font-weight: 500;
    overflow-wrap: anywhere;
  }
  .track[aria-current='true'] {
    font-weight: 700;
    color: var(--_accent);
  }
  .track[aria-current='true']::before {
    content: '▶';
    content: '▶' / '';
    font-size: 0.714em;
  }
  .remove {
    min-width: 32px;
    min-height: 32px;
    font-size: 1.286em;
  }
  .note {
    font-size: 0.929em;
    color: var(--_muted);
    margin: 4px 0;
  }
  .note:empty {
    display: none;
  }
  .embed-code {
    display: block;
    width: 100%;
    resize: none;
    font: 0.857em/1.4 ui-monospace, 'DejaVu Sans Mono', monospace;
    padding: 6px;
    border: 1px solid var(--_edge);
    border-radius: 6px;
    background: var(--_surface);
    color: inherit;
  }
  /* The label is the checkbox's target too. */
  .check {
    display: flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    margin-top: 4px;
    font-size: 0.929em;
    cursor: pointer;
  }
  /* The transcript: a time column, and the words, which can be selected. */
  .search {
    width: 100%;
  }
  .cues {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
  }
  .cues li {
    display: flex;
    gap: 8px;
    align-items: baseline;
  }
  .cue-time {
    flex: none;
    min-width: 3.2em;
    font-size: 0.857em;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }
  .cue {
    flex: 1;
    min-width: 0;
    padding: 2px 4px;
    border-radius: 4px;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .cue:hover {
    background: var(--_surface);
  }
  .cue[aria-current='true'] {
    font-weight: 700;
    color: var(--_accent);
    box-shadow: inset 3px 0 0 var(--_accent);
  }
  .cue mark {
    background: light-dark(#ffe066, #806600);
    color: inherit;
  }
  /* Clip start and Clip end, side by side where they fit. */
  .clip {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 12px;
    margin-top: 4px;
  }
  .clip-field {
    display: flex;
    align-items: center;
    gap: 6px;
    font-size: 0.929em;
  }
  /* The text fields: Search transcript, Clip start and Clip end. */
  .search,
  .clip-field input {
    min-height: 32px;
    padding: 2px 6px;
    font: inherit;
    border: 1px solid var(--_edge);
    border-radius: 6px;
    background: var(--_surface);
    color: inherit;
  }
  .clip-field input {
    width: 6.5em;
  }
  .clip-field input[aria-invalid='true'] {
    border-color: currentColor;
    border-width: 2px;
  }
  .problem::before {
    content: '⚠ ';
    content: '⚠ ' / '';
  }
  @media (pointer: coarse) {
    .clip-field input,
    .search,
    .check,
    .track,
    .remove {
      min-height: 44px;
      min-width: 44px;
    }
  }
  .check input {
    width: 16px;
    height: 16px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .panel-body:focus-visible,
  .embed-code:focus-visible,
  .clip-field input:focus-visible,
  .search:focus-visible,
  .cue:focus-visible,
  .check input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
