/**
 * The host side of embedded players: finds the Earshot frames on a page, sizes them from their `resize`
 * messages (embed URL with `resize=1`), and drives them over the player.js protocol (README: "Control an
 * embedded player") with promises. No dependencies. As an ES module it is `earshot-player/host`; built as
 * the classic script dist/earshot-host.js (classic.ts) it offers the same API as `window.EarshotHost`.
 *
 *   import { attach } from 'earshot-player/host';
 *   const player = attach(document.querySelector('iframe'));
 *   await player.play();
 *   player.on('timeupdate', ({ seconds, duration }) => ...);
 *
 * However many copies of it a page loads (the classic script and a bundled module), one of them listens and
 * keeps the frames: the others hand out its API.
 */

import { FRAME_HEIGHT } from '../core/frame-height.js';
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

/** What `window.EarshotHost` (and this module) offers. */
export interface EarshotHostApi {
  /** The controller of `iframe` (made once, and found again on later calls). Throws for a frame from an origin that `allowOrigins` left out. */
  attach(iframe: HTMLIFrameElement): EarshotFrame;
  /** Every Earshot player on the page: those attached, and every iframe whose `src` names embed.html (from an allowed origin). */
  players(): EarshotFrame[];
  /**
   * Drives only frames from these exact origins (`https://player.example`), wherever their `src` or a
   * redirect leads; frames from any other origin are neither sized nor answered. Without a call, any frame the
   * page put there. Throws on a value that is not an exact origin.
   */
  allowOrigins(origins: readonly string[]): void;
}

type Handler = (value: any) => void;
interface Entry extends EarshotFrame {
  receive(message: PlayerMessage, origin: string): void;
}

const sourceOrigin = (iframe: HTMLIFrameElement) => {
  try {
    return new URL(iframe.src, location.href).origin;
  } catch {
    return 'null';
  }
};

const isExactOrigin = (origin: string) => {
  try {
    return new URL(origin).origin === origin && origin !== 'null';
  } catch {
    return false;
  }
};

function createHost(): EarshotHostApi {
  const frames = new Map<HTMLIFrameElement, Entry>();
  let allowed: ReadonlySet<string> | null = null;
  let ids = 0;
  const allows = (origin: string) => !allowed || allowed.has(origin);

  function attach(iframe: HTMLIFrameElement): EarshotFrame {
    const known = frames.get(iframe);
    if (known) return known;
    if (!allows(sourceOrigin(iframe))) throw new Error(`earshot-host: ${sourceOrigin(iframe)} is not one of the origins given to allowOrigins().`);
    const id = `earshot-host-${++ids}`;
    const handlers = new Map<string, Set<Handler>>();
    const answers = new Map<string, Handler>();
    let queue: Record<string, unknown>[] | null = [];
    // The origin the player answered from (a redirect may have moved it from its src's): commands go only there.
    // A sandboxed frame has an opaque origin, "null", which postMessage takes no target for: its own window
    // is then reached with "*" (it is that window's contentWindow; commands carry nothing secret).
    let origin = '';
    let target = '';
    let ready!: () => void;

    const post = (message: Record<string, unknown>, to = target) => iframe.contentWindow?.postMessage(encodeMessage(message), to);
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
      receive({ event, value: data, listener = '' }, from) {
        const value = data as any;
        if (event === 'ready') {
          // The frame's own window says where it lives now; a (re)loaded player knows no listeners: tell it again.
          origin = from;
          target = from === 'null' ? '*' : from;
          const waiting = queue ?? [];
          queue = null;
          for (const name of new Set(['resize', ...handlers.keys()])) if (name !== 'ready') post({ method: 'addEventListener', value: name, listener: id });
          for (const message of waiting) post(message);
          ready();
        } else if (from !== origin) return;
        if (event === 'resize' && listener === id && value && Number.isFinite(value.height)) {
          // Never below the smallest player, never above what the tallest needs (its panels scroll inside).
          iframe.style.height = `${Math.round(Math.min(Math.max(value.height, FRAME_HEIGHT.min), FRAME_HEIGHT.max))}px`;
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
    // Already loaded and ready, it answers this with `ready`; still loading, it posts `ready` when it is. The
    // question carries nothing, and goes to any origin: the frame may have been redirected.
    post({ method: 'addEventListener', value: 'ready', listener: id }, '*');
    return entry;
  }

  const found = () => [...document.querySelectorAll<HTMLIFrameElement>(SELECTOR)].filter((iframe) => allows(sourceOrigin(iframe)));

  function players(): EarshotFrame[] {
    found().forEach(attach);
    return [...frames.values()].filter((frame) => frame.iframe.isConnected);
  }

  function allowOrigins(origins: readonly string[]) {
    for (const origin of origins) {
      if (!isExactOrigin(origin)) throw new Error(`earshot-host: "${origin}" is not an exact origin (https://host[:port]).`);
    }
    allowed = new Set(origins);
    for (const iframe of frames.keys()) if (!allows(sourceOrigin(iframe))) frames.delete(iframe);
  }

  addEventListener('message', (event) => {
    const { source, origin } = event;
    const message = readPlayerMessage(event.data);
    if (!message || !source || !allows(origin)) return;
    // Only an iframe's own window. A player that became ready after this script ran (a lazy iframe, one added
    // later) says so first.
    const iframe = [...frames.keys()].find((i) => i.contentWindow === source) ?? found().find((i) => i.contentWindow === source);
    if (iframe) (frames.get(iframe) ?? (attach(iframe) as Entry)).receive(message, origin);
  });

  players();
  return { attach, players, allowOrigins };
}

// Stored under a symbol: an element named EarshotHost cannot hide it, and every copy of this code on the page
// (the classic script, a bundled module) finds the first one's. (Symbol.for is global: the first copy wins.)
const KEY = Symbol.for('earshot-host');
type Shared = Window & { [KEY]?: EarshotHostApi };
export const EarshotHost: EarshotHostApi = ((window as Shared)[KEY] ??= createHost());
export const { attach, players, allowOrigins } = EarshotHost;

declare global {
  interface Window {
    /** Set by the classic script dist/earshot-host.js. */
    EarshotHost?: EarshotHostApi;
  }
}
