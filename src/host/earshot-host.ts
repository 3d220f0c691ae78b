/**
 * earshot-host.js, for pages that embed Earshot players in iframes: finds them, sizes them from their
 * `resize` messages (embed URL with `resize=1`), and drives them over the player.js protocol (README: "Control an embedded player")
 * with promises. Dependency-free; load it with `<script type="module">`.
 *
 *   import { attach } from 'https://cdn.example.com/earshot/earshot-host.js';
 *   const player = attach(document.querySelector('iframe'));
 *   await player.play();
 *   player.on('timeupdate', ({ seconds, duration }) => ...);
 */

import { encodeMessage, readPlayerMessage, type PlayerMessage } from '../core/playerjs.js';

/** What each event carries. */
export interface EarshotHostEvents {
  ready: { src: string; events: string[]; methods: string[] };
  play: undefined;
  pause: undefined;
  ended: undefined;
  timeupdate: { seconds: number; duration: number };
  progress: { seconds: number; duration: number };
  seeked: { seconds: number; duration: number };
  error: { code: string; msg: string };
  resize: { height: number };
}
export type EarshotHostEvent = keyof EarshotHostEvents;

/** One embedded player, as the host page drives it. */
export interface EarshotFrame {
  readonly iframe: HTMLIFrameElement;
  /** Settles when the player can take commands; commands sent before wait for it. */
  readonly ready: Promise<void>;
  /** Starts playing (the browser lets it when the listener just clicked on the page and the iframe has `allow="autoplay"`). */
  play(): Promise<void>;
  pause(): Promise<void>;
  /** Seeks to `seconds` into the track (or segment). */
  seek(seconds: number): Promise<void>;
  getCurrentTime(): Promise<number>;
  getDuration(): Promise<number>;
  getPaused(): Promise<boolean>;
  /** Any method of the protocol (README: "Control an embedded player"): `call('setVolume', 50)`, `call('getTrack')`. Getters resolve with the answer, the rest once sent. */
  call<T = unknown>(method: string, value?: unknown): Promise<T>;
  on<K extends EarshotHostEvent>(event: K, handler: (value: EarshotHostEvents[K]) => void): void;
  off<K extends EarshotHostEvent>(event: K, handler?: (value: EarshotHostEvents[K]) => void): void;
}

/** The iframes found by themselves; others can be attached by hand. */
export const SELECTOR = 'iframe[src*="embed.html"]';
const MAX_HEIGHT = 10_000;

type Handler = (value: any) => void;
interface Entry extends EarshotFrame {
  receive(message: PlayerMessage): void;
}

const frames = new Map<HTMLIFrameElement, Entry>();
let ids = 0;

const originOf = (iframe: HTMLIFrameElement) => new URL(iframe.src, location.href).origin;

/** The controller of `iframe` (made once, and found again on later calls). */
export function attach(iframe: HTMLIFrameElement): EarshotFrame {
  const known = frames.get(iframe);
  if (known) return known;
  const id = `earshot-host-${++ids}`;
  const handlers = new Map<string, Set<Handler>>();
  const answers = new Map<string, Handler>();
  let queue: Record<string, unknown>[] | null = [];
  let ready!: () => void;

  const post = (message: Record<string, unknown>) => {
    try {
      iframe.contentWindow?.postMessage(encodeMessage(message), originOf(iframe));
    } catch {
      // an iframe without a usable src: nothing to tell
    }
  };
  const send = (method: string, value?: unknown, listener = id) => {
    const message = { method, value, listener };
    if (queue) queue.push(message);
    else post(message);
  };
  const call = (method: string, value?: unknown) =>
    new Promise<any>((resolve) => {
      if (!method.startsWith('get')) {
        send(method, value);
        return void entry.ready.then(resolve);
      }
      const listener = `${id}-${++ids}`;
      answers.set(listener, resolve);
      send(method, value, listener);
    });

  const entry: Entry = {
    iframe,
    ready: new Promise((resolve) => (ready = resolve)),
    play: () => call('play'),
    pause: () => call('pause'),
    seek: (seconds) => call('setCurrentTime', seconds),
    getCurrentTime: () => call('getCurrentTime'),
    getDuration: () => call('getDuration'),
    getPaused: () => call('getPaused'),
    call,
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set.add(handler));
      if (set.size === 1) send('addEventListener', event);
    },
    off(event, handler) {
      const set = handlers.get(event);
      if (!set) return;
      if (handler) set.delete(handler);
      else set.clear();
      if (set.size > 0) return;
      handlers.delete(event);
      send('removeEventListener', event);
    },
    receive({ event, value: data, listener = '' }) {
      const value = data as any;
      if (event === 'ready') {
        // A (re)loaded player knows no listeners: tell it again what this page listens to.
        const waiting = queue ?? [];
        queue = null;
        for (const name of new Set(['resize', ...handlers.keys()])) if (name !== 'ready') post({ method: 'addEventListener', value: name, listener: id });
        for (const message of waiting) post(message);
        ready();
      }
      if (event === 'resize' && listener === id && value && Number.isFinite(value.height)) {
        iframe.style.height = `${Math.min(Math.max(value.height, 0), MAX_HEIGHT)}px`;
      }
      const answer = answers.get(listener);
      if (answer) {
        answers.delete(listener);
        answer(value);
      } else if (listener === id) {
        // The page's handlers run on their own: one that throws is reported as usual and stops no other.
        for (const handler of handlers.get(event) ?? []) queueMicrotask(() => handler(value));
      }
    },
  };
  frames.set(iframe, entry);
  // Already loaded and ready, it answers this with `ready`; still loading, it posts `ready` when it is.
  post({ method: 'addEventListener', value: 'ready', listener: id });
  return entry;
}

/** Every Earshot player on the page: those attached, and every iframe whose src names embed.html. */
export function players(): EarshotFrame[] {
  document.querySelectorAll<HTMLIFrameElement>(SELECTOR).forEach(attach);
  return [...frames.values()].filter((frame) => frame.iframe.isConnected);
}

addEventListener('message', (event) => {
  try {
    const { source } = event;
    const message = readPlayerMessage(event.data);
    if (!message || !source) return;
    let frame: Entry | undefined;
    for (const entry of frames.values()) if (entry.iframe.contentWindow === source) frame = entry;
    // A player that became ready after this script ran (a lazy iframe, one added later) says so first.
    const iframe = frame?.iframe ?? [...document.querySelectorAll<HTMLIFrameElement>(SELECTOR)].find((i) => i.contentWindow === source);
    // Only the iframe's own window, from the origin its src names.
    if (!iframe || event.origin !== originOf(iframe)) return;
    (frame ?? (attach(iframe) as Entry)).receive(message);
  } catch {
    // not a message for us
  }
});

export const EarshotHost = { attach, players };
declare global {
  interface Window {
    EarshotHost?: typeof EarshotHost;
  }
}
// For scripts on the page that do not import it.
window.EarshotHost ??= EarshotHost;
players();
