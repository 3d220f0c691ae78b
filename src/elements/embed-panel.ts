/** The Embed panel: the snippet, Copy, and "Start at current position". */
import { html, type ReactiveControllerHost } from 'lit';
import { fire } from '../events.js';

export interface EmbedCode {
  index: number;
  url: string;
  snippet: string;
}

export class EmbedPanel {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #code: (start: number | undefined) => EmbedCode;
  readonly #position: () => number;
  /** The position captured when "Start at current position" was checked. */
  #start: number | undefined;
  #status = '';
  #lastAnnounced = '';

  constructor(host: ReactiveControllerHost & HTMLElement, code: (start: number | undefined) => EmbedCode, position: () => number) {
    this.#host = host;
    this.#code = code;
    this.#position = position;
  }

  /** Tells the page the snippet, when the panel opens and whenever its options change. */
  announce(): void {
    const code = this.#code(this.#start);
    if (code.snippet === this.#lastAnnounced) return;
    this.#lastAnnounced = code.snippet;
    fire(this.#host, 'embed', code);
  }

  closed(): void {
    this.#lastAnnounced = '';
    this.#status = '';
  }

  render() {
    const { snippet } = this.#code(this.#start);
    return html`
      <label class="field-label" for="embed-code">Embed code</label>
      <textarea id="embed-code" part="embed-code" class="embed-code" readonly rows="3" spellcheck="false" .value=${snippet} @focus=${selectAll}></textarea>
      <div class="panel-row">
        <label class="check"><input type="checkbox" .checked=${this.#start !== undefined} @change=${this.#onToggle} /> Start at current position</label>
        <button part="button" type="button" class="action" @click=${this.#copy}>Copy embed code</button>
      </div>
      <p class="note" role="status">${this.#status}</p>
    `;
  }

  #onToggle = (event: Event) => {
    this.#start = (event.target as HTMLInputElement).checked ? this.#position() : undefined;
    this.#status = '';
    this.#host.requestUpdate();
    this.announce();
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
    this.#host.requestUpdate();
  };
}

function selectAll(event: Event): void {
  (event.target as HTMLTextAreaElement).select();
}
