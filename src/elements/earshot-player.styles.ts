import { css } from 'lit';

export const styles = css`
  /* The page around the player cannot skew it: nothing is inherited but the direction and visibility. */
  :host {
    all: initial;
    visibility: inherit;
    /* light-dark() picks by color-scheme, which the theme attribute sets. */
    --_accent: var(--earshot-accent, light-dark(#0b5cad, #7cb4ff));
    --_bg: var(--earshot-background, light-dark(#fff, #16191d));
    --_fg: var(--earshot-color, light-dark(#1a1a1a, #f2f4f7));
    --_muted: var(--earshot-muted-color, light-dark(#595959, #b4bcc6));
    --_border: var(--earshot-border-color, light-dark(#c9ced6, #3b424b));
    /* Edges that must be seen (the unplayed timeline, a text box): 3:1 against the background. */
    --_edge: var(--earshot-edge-color, light-dark(#80868f, #707883));
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
    /* The listener's own text size: 14 px at the default 16. */
    font-size: medium;
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
    max-height: 100%;
    font-size: 0.875em;
    padding: 12px;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--earshot-radius, 12px);
    container-type: inline-size;
    /* With large text or wide spacing the player scrolls inside itself rather than cut anything off. */
    overflow: hidden auto;
  }
  p {
    margin: 0;
  }
  .stage {
    position: relative;
    flex: none;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  /* What an open panel covers: laid out as if it were not there. */
  .under {
    display: contents;
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
    font-size: 0.857em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    margin-bottom: 4px;
  }
  .title {
    font-size: 1.143em;
    font-weight: 700;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .title a {
    color: inherit;
  }
  /* The clamp clips what is drawn inside the title: the link's focus ring goes round the whole title. */
  .title a:focus-visible {
    outline: 0;
  }
  .timeline-row {
    display: flex;
    align-items: center;
    gap: 10px;
  }
  /* The slider, and the chapter marks over it (controllers/chapters.ts). */
  .seek {
    display: flex;
    position: relative;
  }
  .seek,
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
    background: linear-gradient(to right, var(--_accent) var(--earshot-progress, 0%), var(--_edge) var(--earshot-progress, 0%));
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
    background: var(--_edge);
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
  .time {
    flex: none;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
    font-size: 0.929em;
  }
  /* Where the buttons do not fit in one row (a narrow player with Previous and Next, 44 px touch targets),
     Speed and Mute go together to a second one, on the right, rather than out of the player. */
  .controls,
  .settings {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  .controls {
    flex-wrap: wrap;
    min-width: 0;
  }
  .settings {
    margin-left: auto;
  }
  .spacer {
    flex: 1;
  }
  /* Buttons, and the Download link that looks like one. */
  button,
  .action {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-width: 36px;
    min-height: 36px;
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
  button:disabled,
  .timeline:disabled {
    opacity: 0.45;
    cursor: default;
  }
  button:focus-visible,
  .timeline:focus-visible,
  a:focus-visible,
  .title:has(a:focus-visible) {
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
  .play:hover {
    background: var(--_play);
    filter: brightness(1.1);
  }
  .speed {
    min-width: 52px;
    font-variant-numeric: tabular-nums;
    border: 1px solid var(--_border);
    min-height: 32px;
  }
  /* The seconds a skip button moves, inside its arrow. */
  .skip-by {
    position: absolute;
    top: 55%;
    left: 50%;
    transform: translate(-50%, -50%);
    font-size: 9.5px;
    font-weight: 800;
    line-height: 1;
  }
  .skip-back svg,
  .skip-forward svg {
    width: 28px;
    height: 28px;
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
  /* Under reduced motion it says "loading" without turning. */
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-style: dotted;
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
    font-size: 0.929em;
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
    min-height: 32px;
  }
  /* One row at any width with text of the usual size: narrow, the actions share it. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding-top: 8px;
    border-top: 1px solid var(--_border);
  }
  .action {
    min-width: 0;
    min-height: 32px;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: 16px;
    font-size: 0.929em;
    text-decoration: none;
  }
  .action svg {
    width: 18px;
    height: 18px;
  }
  @container (max-width: 330px) {
    .action {
      flex: 1 1 auto;
      padding: 0 6px;
    }
    .action svg {
      display: none;
    }
    .controls,
    .settings {
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
  /* Four actions (with Transcript) keep one row where their words would not fit: icons, the words still
     their names. */
  @container (max-width: 460px) {
    .actions:has(> :nth-child(4)) .action > span {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .actions:has(> :nth-child(4)) .action svg {
      display: block;
    }
  }
  /* On a touch screen every target is at least 44 × 44 px. */
  @media (pointer: coarse) {
    button,
    .speed,
    .retry,
    .action,
    .timeline {
      min-width: 44px;
      min-height: 44px;
    }
    .controls,
    .settings {
      gap: 0;
    }
  }
  /* Forced colours: the timeline and its progress keep showing. */
  @media (forced-colors: active) {
    .timeline {
      forced-color-adjust: none;
      --_accent: Highlight;
      --_edge: CanvasText;
      --_bg: Canvas;
    }
  }
`;
