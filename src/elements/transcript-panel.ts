/**
 * The Transcript panel: the track's words, each cue a control that plays from its start. The cue being heard
 * is marked and kept in view (unless the listener is scrolling or searching); a search marks its matches and
 * says how many; selected words offer "Embed this part"; the words download as a .txt file. The transcript
 * and its parser load with the panel's first opening.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Cue, TranscriptResult } from '../core/captions.js';
import type { Playback } from '../core/playback.js';
import { formatTime } from '../core/time.js';
import { segmentStart, type Track } from '../core/track.js';
import type { EmbedPanel } from './embed-panel.js';
import type { PanelContent, PanelName } from './player-template.js';

/** After the listener scrolls the list, it stops following the sound for this long (ms). */
const FOLLOW_AFTER_SCROLL_MS = 4000;

interface Words {
  /** The track they are the words of (its part decides which cues, and their times). */
  track: Track;
  /** The cues within the track's part, times from the start of that part. */
  cues?: Cue[];
  message?: string;
  warning?: string;
}

/** The cues of `all` (file times) within `track`'s part, with times from its start. */
export function cuesOfPart(all: readonly Cue[], track: Track): Cue[] {
  const base = segmentStart(track);
  const end = track.end ?? Infinity;
  return all.filter((cue) => cue.end > base && cue.start < end).map((cue) => ({ text: cue.text, start: Math.max(0, cue.start - base), end: Math.min(end, cue.end) - base }));
}

/** The index of the cue being heard at `time`, or -1: the last that started, while it lasts. */
export function currentCue(cues: readonly Cue[], time: number): number {
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cues[mid]!.start <= time) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found >= 0 && time < cues[found]!.end ? found : -1;
}

/** `text` cut at each match of `query` (any case): odd pieces are the matches. */
export function splitMatches(text: string, query: string): string[] {
  if (query === '') return [text];
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  const pieces: string[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
    pieces.push(text.slice(from, at), text.slice(at, at + needle.length));
    from = at + needle.length;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** The words as a plain text file: the title, then each cue on its own line after its time. */
export function transcriptText(title: string, cues: readonly Cue[]): string {
  return `${title}\n\n${cues.map((cue) => `[${formatTime(cue.start)}] ${cue.text}`).join('\n')}\n`;
}

export class TranscriptPanel implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: Playback;
  readonly #embed: EmbedPanel;
  readonly #open: (name: PanelName) => void;
  #words: Words | undefined;
  #query = '';
  /** The cue that had the sound at the last render, and the one that keeps the list's Tab stop. */
  #current = -1;
  #tabStop = 0;
  /** When the listener last scrolled the list themselves, and where the panel last scrolled it to. */
  #scrolledAt = -Infinity;
  #followedTo = -1;
  #scroller: HTMLElement | undefined;
  #counted: [readonly Cue[], string, number] | undefined;
  /** The cues that selected words run across, [first, last]. */
  #selected: [number, number] | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: Playback, embed: EmbedPanel, open: (name: PanelName) => void) {
    this.#host = host;
    this.#playback = playback;
    this.#embed = embed;
    this.#open = open;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.#onSelection);
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this.#onSelection);
  }

  /** The panel opens (again): it shows the cue being heard, and asks again for words that could not be read. */
  open(): void {
    this.#scroller?.removeEventListener('scroll', this.#onScroll);
    this.#scroller = undefined;
    this.#current = -1;
    this.#followedTo = -1;
    this.#scrolledAt = -Infinity;
    if (this.#words && !this.#words.cues) this.#words = undefined;
  }

  /** Each transcript file read, by address (the cues in file times); one that failed is asked for again. */
  readonly #files = new Map<string, Promise<TranscriptResult>>();

  /** The current track's words: read once per file, cut to each track's part. */
  #load(track: Track | undefined): Words | undefined {
    const url = track?.transcript;
    if (!url || !track) return undefined;
    if (this.#words?.track === track) return this.#words;
    const words: Words = { track };
    this.#words = words;
    this.#query = '';
    this.#selected = null;
    this.#tabStop = 0;
    this.#current = -1;
    let file = this.#files.get(url);
    if (!file) {
      file = import('../core/captions-loader.js').then(
        ({ loadTranscript }) => loadTranscript(url),
        (): TranscriptResult => ({ ok: false, message: 'The transcript could not be loaded: the player could not load its code for it.' }),
      );
      this.#files.set(url, file);
    }
    void file.then(async (result) => {
      if (!result.ok) {
        words.message = result.message;
        this.#files.delete(url);
      } else {
        words.cues = cuesOfPart(result.cues, track);
        if (result.warning) words.warning = result.warning;
        if (words.cues.length === 0) words.message = 'This transcript has no words for this part of the audio.';
      }
      // Focus that the opening put on this panel while the words loaded goes on to its main action.
      const root = this.#host.shadowRoot;
      const waiting = root?.activeElement?.matches('#transcript-panel .panel-body');
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      if (waiting) root?.querySelector<HTMLElement>('#transcript-panel .panel-main button')?.focus();
    });
    return words;
  }

  render(): PanelContent {
    const track = this.#playback.track;
    const words = this.#load(track);
    const cues = words?.cues;
    if (!words || !cues) {
      return {
        body: html`<p class="note ${words?.message ? 'problem' : ''}">${words?.message ?? (words ? 'Loading the transcript…' : 'This track has no transcript.')}</p>`,
        main: nothing,
        bodyFocusable: true,
      };
    }
    const current = currentCue(cues, this.#playback.state.currentTime);
    if (current !== this.#current) {
      this.#current = current;
      if (current >= 0) {
        if (!this.#host.shadowRoot?.activeElement?.matches('.cue')) this.#tabStop = current;
        void this.#follow();
      }
    }
    const query = this.#query.trim();
    // (Counted once per search, not at every tick of the clock.)
    if (this.#counted?.[0] !== cues || this.#counted[1] !== query) {
      this.#counted = [cues, query, query === '' ? 0 : cues.reduce((count, cue) => count + (splitMatches(cue.text, query).length - 1) / 2, 0)];
    }
    const matches = this.#counted[2];
    return {
      body: html`
        <label class="field-label" for="transcript-search">Search transcript</label>
        <input
          id="transcript-search"
          class="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${query ? 'transcript-count' : nothing}
          .value=${this.#query}
          @input=${this.#onSearch}
        />
        ${query ? html`<p class="note" id="transcript-count">${matches === 0 ? 'No matches' : `${matches} ${matches === 1 ? 'match' : 'matches'}`}</p>` : nothing}
        ${words.warning ? html`<p class="note">${words.warning}</p>` : nothing}
        ${guard([cues, query, current, this.#tabStop], () => this.#list(cues, query, current))}
      `,
      main: html`${this.#selected
          ? html`<button part="button" type="button" class="action" @mousedown=${keepSelection} @click=${this.#embedPart}>Embed this part</button>`
          : nothing}
        <button part="button" type="button" class="action" @click=${() => this.#download(track!.title, cues)}>Download transcript</button>`,
    };
  }

  #list(cues: readonly Cue[], query: string, current: number) {
    return html`<ol class="cues" aria-label="Transcript" @keydown=${this.#onKey} @click=${this.#onClick}>
      ${cues.map(
        (cue, i) =>
          html`<li>
            <span class="cue-time">${formatTime(cue.start)}</span>
            <span role="button" class="cue" data-cue=${i} tabindex=${i === this.#tabStop ? '0' : '-1'} aria-current=${i === current ? 'true' : nothing}
              >${query ? splitMatches(cue.text, query).map((piece, at) => (at % 2 ? html`<mark>${piece}</mark>` : piece)) : cue.text}</span
            >
          </li>`,
      )}
    </ol>`;
  }

  /** Plays from cue `index`'s start. */
  #play(index: number): void {
    const cue = this.#words?.cues?.[index];
    if (!cue) return;
    this.#tabStop = index;
    this.#playback.seek(cue.start);
    if (this.#playback.paused) void this.#playback.play().catch(() => {});
  }

  #onClick = (event: MouseEvent) => {
    const cue = cueOf(event.target as Node);
    // Words being selected are not a click on their cue.
    if (cue === null || !isCollapsed(this.#host)) return;
    this.#play(cue);
  };

  #onKey = (event: KeyboardEvent) => {
    const cue = cueOf(event.target as Node);
    const count = this.#words?.cues?.length ?? 0;
    if (cue === null || count === 0) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#play(cue);
      return;
    }
    const next = ({ ArrowDown: cue + 1, ArrowUp: cue - 1, Home: 0, End: count - 1, PageDown: cue + 10, PageUp: cue - 10 } as Record<string, number>)[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#tabStop = Math.max(0, Math.min(count - 1, next));
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#cueElement(this.#tabStop)?.focus());
  };

  #onSearch = (event: Event) => {
    this.#query = (event.target as HTMLInputElement).value;
    this.#host.requestUpdate();
    // The first match comes into view.
    void this.#host.updateComplete.then(() => {
      const mark = this.#host.shadowRoot?.querySelector('.cues mark');
      if (mark) this.#reveal(mark as HTMLElement);
    });
  };

  #cueElement(index: number): HTMLElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLElement>(`.cue[data-cue="${index}"]`);
  }

  /** Keeps the cue being heard in view, unless the listener scrolled lately or is searching. */
  async #follow(): Promise<void> {
    await this.#host.updateComplete;
    // (Also seen here, not only from its scroll event: an engine may hold that event back until it paints.)
    this.#onScroll();
    if (this.#query.trim() !== '' || performance.now() - this.#scrolledAt < FOLLOW_AFTER_SCROLL_MS) return;
    const cue = this.#cueElement(this.#current);
    if (cue) this.#reveal(cue);
  }

  /** Scrolls the panel (never the page) so that `element` is in the middle of it, if it is out of view. */
  #reveal(element: HTMLElement): void {
    const scroller = element.closest<HTMLElement>('.panel-body');
    if (!scroller) return;
    if (scroller !== this.#scroller) {
      this.#scroller = scroller;
      scroller.addEventListener('scroll', this.#onScroll, { passive: true });
    }
    const box = scroller.getBoundingClientRect();
    const at = element.getBoundingClientRect();
    if (at.top >= box.top && at.bottom <= box.bottom) return;
    scroller.scrollTop += at.top - box.top - (box.height - at.height) / 2;
    this.#followedTo = scroller.scrollTop;
  }

  /** The list moved from where the panel put it: the listener scrolled it, and following pauses from now. */
  #onScroll = () => {
    const scroller = this.#scroller;
    if (!scroller || Math.abs(scroller.scrollTop - this.#followedTo) <= 1) return;
    this.#scrolledAt = performance.now();
    this.#followedTo = scroller.scrollTop;
  };

  #onSelection = () => {
    const root = this.#host.shadowRoot;
    const cues = this.#words?.cues;
    let selected: [number, number] | null = null;
    const range = root && cues ? selectedRange(root) : null;
    if (range && !range.collapsed) {
      const first = cueOf(range.startContainer);
      const last = cueOf(range.endContainer);
      // A selection that ends at the very start of the next cue does not take that cue.
      const end = last !== null && range.endOffset === 0 && range.endContainer.nodeType === Node.TEXT_NODE && last > (first ?? 0) ? last - 1 : last;
      if (first !== null && end !== null) selected = [Math.min(first, end), Math.max(first, end)];
      // Ends among the times, or on the list itself (a triple click, a drag past a line's end): the cues whose
      // words it takes.
      else selected = cuesWithin(root!, range);
    }
    if (selected?.[0] === this.#selected?.[0] && selected?.[1] === this.#selected?.[1]) return;
    this.#selected = selected;
    this.#host.requestUpdate();
  };

  #embedPart = () => {
    const cues = this.#words?.cues;
    if (!this.#selected || !cues) return;
    const [first, last] = this.#selected;
    this.#embed.setClip(cues[first]!.start, cues[last]!.end);
    this.#selected = null;
    this.#open('embed');
  };

  #download(title: string, cues: readonly Cue[]): void {
    const url = URL.createObjectURL(new Blob([transcriptText(title, cues)], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${fileName(title)} transcript.txt`;
    link.hidden = true;
    this.#host.shadowRoot?.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** A file name from a title: no characters that file systems refuse, and not too long. */
function fileName(title: string): string {
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || 'Audio';
}

/** The index of the cue that holds `node`, or null. */
function cueOf(node: Node | null): number | null {
  const element = node?.nodeType === Node.ELEMENT_NODE ? (node as Element) : node?.parentElement;
  const cue = element?.closest<HTMLElement>('[data-cue]');
  return cue ? Number(cue.dataset.cue) : null;
}

/** The first and last cue whose words `bounds` takes any of, or null. */
function cuesWithin(root: ShadowRoot, bounds: AbstractRange): [number, number] | null {
  const range = document.createRange();
  try {
    range.setStart(bounds.startContainer, bounds.startOffset);
    range.setEnd(bounds.endContainer, bounds.endOffset);
  } catch {
    return null;
  }
  const taken = [...root.querySelectorAll<HTMLElement>('.cue')].filter((cue) => range.intersectsNode(cue) && range.toString().trim() !== '');
  return taken.length > 0 ? [Number(taken[0]!.dataset.cue), Number(taken.at(-1)!.dataset.cue)] : null;
}

/** A mouse press on "Embed this part" leaves the selected words selected. */
function keepSelection(event: MouseEvent): void {
  event.preventDefault();
}

type ComposedSelection = Selection & { getComposedRanges?: (...args: unknown[]) => StaticRange[] };

/** The selected range, seen inside `root` (a shadow root's selection is reached differently in each engine). */
function selectedRange(root: ShadowRoot): AbstractRange | null {
  const selection = document.getSelection() as ComposedSelection | null;
  if (!selection) return null;
  if (selection.getComposedRanges) {
    try {
      return selection.getComposedRanges({ shadowRoots: [root] })[0] ?? null;
    } catch {
      // Safari 17 takes the roots themselves.
      return selection.getComposedRanges(root)[0] ?? null;
    }
  }
  const own = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? selection;
  return own.rangeCount > 0 ? own.getRangeAt(0) : null;
}

function isCollapsed(host: HTMLElement): boolean {
  const range = host.shadowRoot ? selectedRange(host.shadowRoot) : null;
  return !range || range.collapsed;
}
