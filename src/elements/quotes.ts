/**
 * Quotes that play: an element of the page with `data-earshot-seek="1:23"` plays that moment of a player when
 * the reader clicks it or presses Enter or Space on it; with `data-earshot-end="1:45"`, only that part.
 * `data-earshot-for="ID"` names the player by its id; by default it is the page's first `<earshot-player>`.
 * Times count from the start of the player's current track (or segment), as `seek()` does.
 *
 * define.ts loads this module once the page has such an element. From then on it listens on the document
 * (so quotes that come later work too) and watches the page's changes to make new quotes reachable.
 */
import { formatTime, parseTime } from '../core/time.js';
import type { EarshotPlayer } from './earshot-player.js';

const QUOTE = '[data-earshot-seek]';
const PLAYER = 'earshot-player';
/** Controls of their own: a quote that is one keeps its role and keys; a click on one inside a quote is its own. */
const CONTROL = 'a[href], area[href], button, input, select, textarea, summary, label';
/** The player's events that end a quote's part: the listener (or the media) did something else. */
const ENDS_PART = ['earshot-pause', 'earshot-ended', 'earshot-trackchange', 'earshot-seeked', 'earshot-error'] as const;
/** Seconds of media before the end at which the part has ended (the player's own segments stop the same way). */
const END_TOLERANCE = 0.05;
/** The player ticks about four times a second: within this much of the end (ms), a timer stops it on time. */
const LAST_TICK_MS = 400;
/** A seek that lands this close to the quote's start (seconds) is the quote's own, not the listener's. */
const OWN_SEEK = 0.5;
const INTERACTIVE = 'a[href], button, input, select, textarea, [tabindex], [contenteditable], [role="button"], [role="link"]';

interface Part {
  start: number;
  end: number | undefined;
}

/** The page's players, as a live list: its length is cheap to read at every change of the page. */
let players: HTMLCollectionOf<Element> | undefined;
/** Quotes are controls only while the page has a player. */
let live = false;
let listening: Listening | undefined;
/** The attributes each quote was last warned about: one warning for each mistake, not one at each look. */
const warned = new WeakMap<Element, string>();
/** What this module changed on a quote (the role it had, and whether it added tabindex), to undo it. */
const changed = new WeakMap<Element, { role: string | null | undefined; tabindex: boolean }>();

/** Makes the quotes of `root` play, now and whenever more come; a second call does nothing. */
export function connectQuotes(root: Document = document): void {
  if (players) return;
  players = root.getElementsByTagName(PLAYER);
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKeydown);
  // Only the page's changes wake this up; nothing runs while the page is still.
  new MutationObserver((records) => onMutations(root, records)).observe(root, {
    childList: true,
    subtree: true,
    attributeFilter: ['data-earshot-seek', 'data-earshot-end'],
  });
  syncPlayers(root);
}

function onMutations(root: Document, records: MutationRecord[]): void {
  if (listening && !listening.player.isConnected) listening.stop();
  if (syncPlayers(root) || !live) return;
  for (const record of records) {
    if (record.type === 'attributes') {
      update(record.target as Element);
      continue;
    }
    for (const node of record.addedNodes) {
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      if ((node as Element).matches(QUOTE)) update(node as Element);
      for (const quote of (node as Element).querySelectorAll(QUOTE)) update(quote);
    }
  }
}

/** When the first player comes or the last one goes, looks at every quote again. True when it did. */
function syncPlayers(root: Document): boolean {
  const now = players!.length > 0;
  if (now === live) return false;
  live = now;
  if (!live) listening?.stop();
  for (const quote of root.querySelectorAll(QUOTE)) update(quote);
  return true;
}

/** Makes a quote that can play a control reachable by keyboard, and one that no longer can, what it was. */
function update(quote: Element): void {
  const playable = live && quote.matches(QUOTE) && readPart(quote, true) !== null && !isEditable(quote);
  const before = changed.get(quote);
  if (!playable) {
    if (!before) return;
    changed.delete(quote);
    if (before.role !== undefined) {
      if (before.role === null) quote.removeAttribute('role');
      else quote.setAttribute('role', before.role);
    }
    if (before.tabindex) quote.removeAttribute('tabindex');
    return;
  }
  if (before || quote.matches(CONTROL)) return;
  const role = quote.getAttribute('role');
  // A link or a button (by its role) stays one; anything else becomes a button, named by its own text.
  const keepRole = role === 'link' || role === 'button';
  // A button's content is presentational: links or controls inside it would vanish for a screen reader.
  if (!keepRole && quote.querySelector(INTERACTIVE)) {
    if (!warned.has(quote)) {
      warned.set(quote, 'nested');
      console.warn(`Earshot: the quote "${excerpt(quote)}" holds a link or a control, so it cannot be a button itself: put data-earshot-seek on an element around its words alone.`);
    }
    return;
  }
  const tabindex = !quote.hasAttribute('tabindex');
  if (!keepRole) quote.setAttribute('role', 'button');
  if (tabindex) quote.setAttribute('tabindex', '0');
  changed.set(quote, { role: keepRole ? undefined : role, tabindex });
}

/** The quote's part, or null when its start is not a time. With `warn`, says once what is wrong with it. */
function readPart(quote: Element, warn: boolean): Part | null {
  const seek = quote.getAttribute('data-earshot-seek') ?? '';
  const endText = quote.getAttribute('data-earshot-end');
  const start = parseTime(seek);
  const end = endText === null ? undefined : parseTime(endText);
  const endUsable = end !== null && (end === undefined || start === null || end > start);
  if (warn && (start === null || !endUsable)) {
    const key = `${seek}\n${endText}`;
    if (warned.get(quote) !== key) {
      warned.set(quote, key);
      console.warn(
        start === null
          ? `Earshot: the quote "${excerpt(quote)}" does not play: data-earshot-seek="${seek}" is not a time (such as 83, 1:23 or 1m23s).`
          : `Earshot: the quote "${excerpt(quote)}" plays on from ${seek} without stopping: data-earshot-end="${endText}" is not a time after its data-earshot-seek.`,
      );
    }
  }
  if (start === null) return null;
  return { start, end: endUsable ? end : undefined };
}

function excerpt(quote: Element): string {
  const text = (quote.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** A story open in an editor (contenteditable) is being written, not read: its quotes stay text. */
function isEditable(element: Element): boolean {
  return (element as HTMLElement).isContentEditable === true;
}

// ——— The reader's actions ———

function onClick(event: MouseEvent): void {
  if (!live || event.defaultPrevented || event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = event.target;
  if (!(target instanceof Element)) return;
  const quote = target.closest(QUOTE);
  if (!quote || isEditable(quote)) return;
  const control = target.closest(CONTROL);
  if (control && control !== quote && quote.contains(control)) return;
  // A drag that selected words of the quote is reading, not a wish to listen (Enter on a link has detail 0).
  const selection = quote.ownerDocument.getSelection();
  if (event.detail > 0 && selection && !selection.isCollapsed && selection.containsNode(quote, true)) return;
  const part = readPart(quote, false);
  if (!part) return;
  // A quote that is also a link plays here instead of leaving; a click with a modifier still opens the link.
  event.preventDefault();
  play(quote, part);
}

function onKeydown(event: KeyboardEvent): void {
  if (!live || event.defaultPrevented || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
  const quote = event.target;
  // Links and buttons of their own turn Enter (and Space) into a click, which onClick hears.
  if (!(quote instanceof Element) || !quote.matches(QUOTE) || quote.matches(CONTROL) || isEditable(quote)) return;
  // Enter activates a button or a link; Space a button only (on a link, Space scrolls the page).
  if (event.key !== 'Enter' && !(event.key === ' ' && quote.getAttribute('role') !== 'link')) return;
  const part = readPart(quote, false);
  if (!part) return;
  event.preventDefault();
  play(quote, part);
}

function play(quote: Element, part: Part): void {
  const player = playerFor(quote);
  if (!player) return;
  listening?.stop();
  listening = new Listening(player, quote, part);
}

function playerFor(quote: Element): EarshotPlayer | null {
  const id = quote.getAttribute('data-earshot-for');
  const page = quote.ownerDocument;
  const player = id === null ? page.querySelector(PLAYER) : page.getElementById(id);
  if (player?.localName === PLAYER) return player as EarshotPlayer;
  console.warn(
    id === null
      ? `Earshot: the quote "${excerpt(quote)}" does not play: this page has no <earshot-player>.`
      : `Earshot: the quote "${excerpt(quote)}" does not play: data-earshot-for="${id}" names no <earshot-player id="${id}"> on this page.`,
  );
  return null;
}

/**
 * One quote's moment playing: the quote has `aria-current="true"` while the player plays it, and with an end
 * the player pauses there. Anything else the listener does with the player (Pause, a seek, another track,
 * another quote) lets it go: the player then plays on as the listener asked.
 */
class Listening {
  readonly player: EarshotPlayer;
  readonly quote: Element;
  readonly #part: Part;
  #stopped = false;
  #marked = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(player: EarshotPlayer, quote: Element, part: Part) {
    this.player = player;
    this.quote = quote;
    this.#part = part;
    void this.#start();
  }

  async #start(): Promise<void> {
    const { player } = this;
    const { start } = this.#part;
    // A manifest still on its way has no track to seek in yet.
    if (player.store.getState().loadingTracks) await tracksLoaded(player);
    if (this.#stopped) return;
    if (Number.isFinite(player.duration) && start >= player.duration) {
      console.warn(`Earshot: the quote "${excerpt(this.quote)}" does not play: ${formatTime(start)} is past the end of the track (${formatTime(player.duration)}).`);
      return this.stop();
    }
    player.seek(start);
    // The seek first, then play() a microtask later, still inside the reader's click or key press (when the
    // tracks were there): browsers want play() there. (Playing first and seeking while it starts stalls
    // WebKitGTK now and then.)
    await null;
    if (this.#stopped) return;
    try {
      await player.play();
    } catch {
      // The player says why itself (its alert and earshot-error).
      return this.stop();
    }
    if (this.#stopped) return;
    for (const type of ENDS_PART) player.addEventListener(type, this);
    if (this.#part.end !== undefined) player.addEventListener('earshot-timeupdate', this);
    // Marked once the player confirms it plays, not on the click's guess.
    if (!this.quote.hasAttribute('aria-current')) {
      this.quote.setAttribute('aria-current', 'true');
      this.#marked = true;
    }
  }

  handleEvent(event: Event): void {
    const detail = (event as CustomEvent<{ currentTime?: number; fatal?: boolean }>).detail;
    if (event.type === 'earshot-timeupdate') return this.#checkEnd(detail.currentTime!);
    // The quote's own seek may be heard after the sound started; a non-fatal error leaves it playing.
    if (event.type === 'earshot-seeked' && Math.abs(detail.currentTime! - this.#part.start) < OWN_SEEK) return;
    if (event.type === 'earshot-error' && !detail.fatal) return;
    this.stop();
  }

  #checkEnd(currentTime: number): void {
    clearTimeout(this.#timer);
    // Somewhere else than the quote's part (the listener moved the timeline before the sound came): not ours to stop.
    if (currentTime < this.#part.start - OWN_SEEK || currentTime > this.#part.end! + OWN_SEEK) return this.stop();
    const left = this.#part.end! - currentTime;
    if (left <= END_TOLERANCE) {
      this.stop();
      this.player.pause();
      return;
    }
    const wait = (left / this.player.playbackRate) * 1000;
    if (wait < LAST_TICK_MS) this.#timer = setTimeout(() => this.#checkEnd(this.player.currentTime), wait);
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    clearTimeout(this.#timer);
    for (const type of ENDS_PART) this.player.removeEventListener(type, this);
    this.player.removeEventListener('earshot-timeupdate', this);
    if (this.#marked) this.quote.removeAttribute('aria-current');
    if (listening === this) listening = undefined;
  }
}

function tracksLoaded(player: EarshotPlayer): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = player.store.subscribe((state) => {
      if (state.loadingTracks) return;
      unsubscribe();
      resolve();
    });
  });
}
