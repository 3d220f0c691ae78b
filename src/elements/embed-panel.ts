/** The Embed panel: the snippet, Copy, and "Start at current position". */
import { html, type ReactiveControllerHost } from 'lit';
import type { EmbedCode } from '../core/embed-code.js';
import type { Playback } from '../core/playback.js';
import type { PanelContent } from './player-template.js';

export class EmbedPanel {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: Playback;
  readonly #code: (start: number | undefined) => EmbedCode;
  /** The position captured when "Start at current position" was checked. */
  #start: number | undefined;
  #status = '';
  #announced = '';
  readonly #say: (news: string) => void;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: Playback, code: (start: number | undefined) => EmbedCode, say: (news: string) => void) {
    this.#host = host;
    this.#playback = playback;
    this.#code = code;
    this.#say = say;
  }

  /** The panel closed: the next opening is news again. */
  closed(): void {
    this.#announced = '';
    this.#status = '';
  }

  /** The snippet and its option, and the main action: copying it. */
  render(): PanelContent {
    const code = this.#code(this.#start);
    // The page hears the snippet when the panel opens and whenever what it embeds changes.
    if (code.snippet !== this.#announced) {
      this.#announced = code.snippet;
      queueMicrotask(() => this.#playback.announce('embed', code));
    }
    return {
      body: html`
        <label class="field-label" for="embed-code">Embed code</label>
        <textarea id="embed-code" part="embed-code" class="embed-code" readonly rows="3" spellcheck="false" .value=${code.snippet} @focus=${selectAll}></textarea>
        <label class="check"><input type="checkbox" .checked=${this.#start !== undefined} @change=${this.#onToggle} /> Start at current position</label>
      `,
      // What Copy did is shown here, and said in the player's live region.
      main: html`<button part="button" type="button" class="action" @click=${this.#copy}>Copy embed code</button>
        <p class="note">${this.#status}</p>`,
    };
  }

  #onToggle = (event: Event) => {
    this.#start = (event.target as HTMLInputElement).checked ? this.#playback.currentTime : undefined;
    this.#status = '';
    this.#host.requestUpdate();
  };

  #copy = async () => {
    const { snippet } = this.#code(this.#start);
    try {
      await navigator.clipboard.writeText(snippet);
      this.#status = 'Copied. Paste it into your page’s HTML.';
    } catch {
      // Clipboard refused (permissions policy, an old browser): select it for the listener to copy.
      const box = this.#host.shadowRoot?.querySelector<HTMLTextAreaElement>('#embed-code');
      box?.focus();
      box?.select();
      this.#status = `Copying was refused here. The code is selected: press ${/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'}+C to copy it.`;
    }
    this.#say(this.#status);
  };
}

function selectAll(event: Event): void {
  (event.target as HTMLTextAreaElement).select();
}
