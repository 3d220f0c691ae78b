import { css } from 'lit';

export const panelStyles = css`
  /* Inline, the panel takes the room left below the controls and scrolls inside it if that is short. */
  :host([layout='expanded']) .panel {
    position: static;
    flex: 1 1 auto;
    min-height: 96px;
  }
  /* Panels cover the player above its action row and scroll inside themselves. */
  .panel {
    position: absolute;
    inset: 0;
    overflow: auto;
    overscroll-behavior: contain;
    background: var(--_bg);
    z-index: 1;
  }
  .field-label {
    font-size: 12px;
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
    font-size: 10px;
  }
  .remove {
    min-width: 32px;
    height: 32px;
    font-size: 18px;
  }
  .save {
    margin: 4px 0;
  }
  .note {
    font-size: 13px;
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
    font: 12px/1.4 ui-monospace, 'DejaVu Sans Mono', monospace;
    padding: 6px;
    border: 1px solid var(--_border);
    border-radius: 6px;
    background: var(--_surface);
    color: inherit;
  }
  .panel-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px 12px;
    margin-top: 8px;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    cursor: pointer;
  }
  .check input {
    width: 16px;
    height: 16px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .embed-code:focus-visible,
  .check input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
