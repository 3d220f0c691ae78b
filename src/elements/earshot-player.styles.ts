import { css } from 'lit';

export const styles = css`
  :host {
    /* light-dark() picks by color-scheme, which the theme attribute sets. */
    --_accent: var(--earshot-accent, light-dark(#0b5cad, #7cb4ff));
    --_bg: var(--earshot-background, light-dark(#fff, #16191d));
    --_fg: var(--earshot-color, light-dark(#1a1a1a, #f2f4f7));
    --_muted: var(--earshot-muted-color, light-dark(#595959, #b4bcc6));
    --_border: var(--earshot-border-color, light-dark(#c9ced6, #3b424b));
    --_surface: var(--earshot-surface, light-dark(#f1f3f6, #22272e));
    --_danger: var(--earshot-danger-color, light-dark(#a4161a, #ff9a9a));
    --_play: var(--earshot-play-color, var(--_accent));
    --_on-play: var(--earshot-on-play-color, light-dark(#fff, #0b1420));
    color-scheme: light dark;
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    min-width: 0;
    color: var(--_fg);
    font-family: var(--earshot-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: 14px;
    line-height: 1.35;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .player {
    display: flex;
    flex-direction: column;
    gap: 8px;
    height: 100%;
    padding: 12px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--earshot-radius, 12px);
    container-type: inline-size;
    overflow: hidden;
  }
  p {
    margin: 0;
  }
  /* In a frame taller than the player needs, the player sits in the middle of the room it has. */
  .stage {
    position: relative;
    flex: 1;
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 8px;
    min-height: 0;
  }
  .top {
    display: flex;
    gap: 12px;
    align-items: center;
    min-width: 0;
  }
  .artwork {
    flex: none;
    width: 56px;
    height: 56px;
    border-radius: 8px;
    object-fit: cover;
    background: var(--_surface);
  }
  .meta {
    min-width: 0;
  }
  .kicker {
    color: var(--_muted);
    font-size: 12px;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .title {
    font-size: 16px;
    font-weight: 700;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .title a {
    color: inherit;
    text-decoration-thickness: 1px;
    text-underline-offset: 2px;
  }
  .timeline-row {
    display: flex;
    align-items: center;
    gap: 10px;
  }
  .timeline {
    flex: 1;
    min-width: 0;
    margin: 0;
    height: 24px;
    background: transparent;
    appearance: none;
    -webkit-appearance: none;
    cursor: pointer;
  }
  .timeline::-webkit-slider-runnable-track {
    height: 6px;
    border-radius: 3px;
    background: linear-gradient(to right, var(--_accent) var(--earshot-progress, 0%), var(--_border) var(--earshot-progress, 0%));
  }
  .timeline::-webkit-slider-thumb {
    -webkit-appearance: none;
    width: 16px;
    height: 16px;
    margin-top: -5px;
    border-radius: 50%;
    background: var(--_accent);
    border: 2px solid var(--_bg);
  }
  .timeline::-moz-range-track {
    height: 6px;
    border-radius: 3px;
    background: var(--_border);
  }
  .timeline::-moz-range-progress {
    height: 6px;
    border-radius: 3px;
    background: var(--_accent);
  }
  .timeline::-moz-range-thumb {
    width: 14px;
    height: 14px;
    border-radius: 50%;
    background: var(--_accent);
    border: 2px solid var(--_bg);
  }
  .timeline:disabled {
    cursor: default;
    opacity: 0.5;
  }
  .time {
    flex: none;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
    font-size: 13px;
  }
  .controls {
    display: flex;
    align-items: center;
    gap: 4px;
    min-width: 0;
  }
  .spacer {
    flex: 1;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-width: 36px;
    height: 36px;
    padding: 0 6px;
    border: 0;
    border-radius: 8px;
    background: transparent;
    color: inherit;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--_surface);
  }
  button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  button:focus-visible,
  .timeline:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .play {
    width: 44px;
    height: 44px;
    min-width: 44px;
    border-radius: 50%;
    background: var(--_play);
    color: var(--_on-play);
  }
  .play:hover:not(:disabled) {
    background: var(--_play);
    filter: brightness(1.1);
  }
  /* The rate is shown, not named: the button's name stays "Playback speed". */
  .speed::after {
    content: attr(data-rate);
    content: attr(data-rate) / '';
  }
  .speed {
    min-width: 52px;
    font-variant-numeric: tabular-nums;
    border: 1px solid var(--_border);
    height: 32px;
  }
  .spinner {
    width: 20px;
    height: 20px;
    border-radius: 50%;
    border: 3px solid currentColor;
    border-right-color: transparent;
    animation: earshot-spin 0.8s linear infinite;
  }
  @keyframes earshot-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
  .status {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .resume {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    font-size: 13px;
  }
  .alert:empty {
    display: none;
  }
  .alert {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 8px;
    border-radius: 8px;
    border: 1px solid var(--_danger);
    color: var(--_danger);
    font-size: 13px;
    max-height: 72px;
    overflow: auto;
  }
  .alert-text {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .retry {
    flex: none;
    border: 1px solid currentColor;
    height: 32px;
  }
  .retry svg {
    width: 18px;
    height: 18px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    padding-top: 8px;
    border-top: 1px solid var(--_border);
  }
  .action {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    height: 32px;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: 16px;
    color: inherit;
    font: inherit;
    font-size: 13px;
    font-weight: 600;
    text-decoration: none;
    background: transparent;
    cursor: pointer;
  }
  .action svg {
    width: 18px;
    height: 18px;
  }
  .action[aria-expanded='true'],
  .action[aria-expanded='true']:hover {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-play);
  }
  .download-progress {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 13px;
    font-variant-numeric: tabular-nums;
  }
  .download-progress progress {
    width: 72px;
    accent-color: var(--_accent);
  }
  .action:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  @container (max-width: 330px) {
    .action {
      padding: 0 8px;
    }
    .controls {
      gap: 0;
    }
    button {
      min-width: 32px;
      padding: 0 4px;
    }
    .speed {
      min-width: 44px;
    }
    .artwork {
      width: 44px;
      height: 44px;
    }
  }
`;
