/**
 * The embed page's side of the player.js protocol (SPEC §6): the host page commands the player and hears
 * from it through postMessage. Only the parent window may command; with `origin=` only that origin, and
 * only that origin hears anything.
 */
import type { EmbedConfig } from '../core/params.js';
import { MAX_RATE, MIN_RATE } from '../core/playback.js';
import { MAX_TIME } from '../core/time.js';
import type { EarshotPlayer } from '../elements/earshot-player.js';

export const CONTEXT = 'player.js';
export const VERSION = '0.0.11';

/** SPEC §6's events; `resize` is added with `resize=1`. */
export const EVENTS = ['ready', 'play', 'pause', 'ended', 'timeupdate', 'progress', 'seeked', 'error'] as const;
export type HostEvent = (typeof EVENTS)[number] | 'resize';

/** SPEC §6's methods, the player.js ones then the extensions. */
export const METHODS = [
  'play',
  'pause',
  'getPaused',
  'mute',
  'unmute',
  'getMuted',
  'setVolume',
  'getVolume',
  'getDuration',
  'setCurrentTime',
  'getCurrentTime',
  'setLoop',
  'getLoop',
  'addEventListener',
  'removeEventListener',
  'setPlaybackRate',
  'getPlaybackRate',
  'next',
  'previous',
  'getTrack',
] as const;
export type HostMethod = (typeof METHODS)[number];

/** A command is a few hundred bytes; anything far longer is not one and is not even parsed. */
export const MAX_MESSAGE_LENGTH = 4096;
const MAX_LISTENER_LENGTH = 128;
/** Listener ids kept per event: a host that adds more is misbehaving, not listening harder. */
const MAX_LISTENERS = 32;

/** Error codes that are about playback; the others (download, storage) concern the listener alone. */
const PLAYBACK_ERRORS = new Set(['manifest', 'invalid-url', 'network', 'decode', 'autoplay-blocked']);

const KNOWN_METHODS: ReadonlySet<string> = new Set(METHODS);

export interface HostCommand {
  method: HostMethod;
  value: unknown;
  listener: string | null;
}

/** Reads one message's data into a command, or null for anything malformed, foreign or absurd. Never throws. */
export function readCommand(data: unknown): HostCommand | null {
  let message = data;
  if (typeof message === 'string') {
    if (message.length > MAX_MESSAGE_LENGTH || message[0] !== '{') return null;
    try {
      message = JSON.parse(message);
    } catch {
      return null;
    }
  }
  if (!isPlainObject(message) || own(message, 'context') !== CONTEXT) return null;
  const method = own(message, 'method');
  // A Set of names, never `handlers[method]`: "__proto__" or "constructor" name nothing here.
  if (typeof method !== 'string' || !KNOWN_METHODS.has(method)) return null;
  const listener = own(message, 'listener');
  if (listener !== undefined && listener !== null && !(typeof listener === 'string' && listener.length > 0 && listener.length <= MAX_LISTENER_LENGTH)) return null;
  return { method: method as HostMethod, value: own(message, 'value'), listener: typeof listener === 'string' ? listener : null };
}

/** A volume of 0–100, or null when `value` is not a number. */
export function readVolume(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? clamp(value, 0, 100) : null;
}

/** A playback rate of 0.25–4, or null when `value` is not a number. */
export function readRate(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? clamp(value, MIN_RATE, MAX_RATE) : null;
}

/** Seconds from 0 to `duration` (to MAX_TIME while it is unknown), or null when `value` is not a number. */
export function readTime(value: unknown, duration: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return clamp(value, 0, Number.isFinite(duration) && duration >= 0 ? duration : MAX_TIME);
}

/** true or false (1 and 0 too), or null. */
export function readFlag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  return value === 1 ? true : value === 0 ? false : null;
}

/**
 * Lets the parent window drive `player` and hear from it. Returns a function that disconnects it. Does
 * nothing when the page is not in a frame.
 */
export function connectHost(player: EarshotPlayer, config: EmbedConfig, win: Window = window): () => void {
  const parent = win.parent;
  if (!parent || parent === win) return () => {};
  const target = config.origin ?? '*';
  // Without origin= anyone may be the parent: it hears playback state and nothing else.
  const trusted = config.origin !== undefined;
  const events: readonly HostEvent[] = config.resize ? [...EVENTS, 'resize'] : EVENTS;
  const known: ReadonlySet<string> = new Set(events);
  const listeners = new Map<HostEvent, Set<string | null>>();
  let ready = false;
  let loop = false;
  let height = 0;

  const post = (event: string, value?: unknown, listener?: string | null) => {
    const message: Record<string, unknown> = { context: CONTEXT, version: VERSION, event };
    if (value !== undefined) message.value = value;
    if (listener !== undefined && listener !== null) message.listener = listener;
    try {
      parent.postMessage(JSON.stringify(message), target);
    } catch {
      // the parent is gone: nobody to tell
    }
  };
  /** Posts `event` once to each listener the parent added for it; to nobody when it added none. */
  const emit = (event: HostEvent, value?: unknown) => {
    for (const listener of listeners.get(event) ?? []) post(event, value, listener);
  };

  const duration = () => (Number.isFinite(player.duration) ? player.duration : 0);
  const position = () => ({ seconds: player.currentTime, duration: duration() });
  const readyValue = () => ({ src: win.location.href, events, methods: METHODS });
  const measure = () => Math.ceil(player.getBoundingClientRect().height);

  const getters = new Map<HostMethod, () => unknown>([
    ['getPaused', () => player.paused],
    ['getMuted', () => player.muted],
    ['getVolume', () => Math.round(player.volume * 100_000) / 1000],
    ['getDuration', duration],
    ['getCurrentTime', () => player.currentTime],
    ['getLoop', () => loop],
    ['getPlaybackRate', () => player.playbackRate],
    // The player's own tracks only (never the listener's saved playlist): what the embed URL names.
    ['getTrack', () => ({ index: player.currentIndex, title: player.currentTrack?.title ?? null })],
  ]);

  const actions = new Map<HostMethod, (value: unknown, listener: string | null) => void>([
    ['play', () => void player.play().catch(() => {})],
    ['pause', () => player.pause()],
    ['mute', () => (player.muted = true)],
    ['unmute', () => (player.muted = false)],
    ['setVolume', (value) => {
      const volume = readVolume(value);
      if (volume !== null) player.volume = volume / 100;
    }],
    ['setCurrentTime', (value) => {
      const seconds = readTime(value, player.duration);
      if (seconds !== null) player.seek(seconds);
    }],
    ['setLoop', (value) => {
      const flag = readFlag(value);
      if (flag !== null) loop = flag;
    }],
    ['setPlaybackRate', (value) => {
      const rate = readRate(value);
      if (rate !== null) player.playbackRate = rate;
    }],
    ['next', () => player.next()],
    ['previous', () => player.previous()],
    ['addEventListener', (value, listener) => {
      if (typeof value !== 'string' || !known.has(value)) return;
      const event = value as HostEvent;
      const set = listeners.get(event) ?? new Set();
      if (!set.has(listener) && set.size >= MAX_LISTENERS) return;
      set.add(listener);
      listeners.set(event, set);
      // A host that starts listening late hears what it missed at once.
      if (event === 'ready' && ready) post('ready', readyValue(), listener);
      if (event === 'resize') post('resize', { height: (height = measure()) }, listener);
    }],
    ['removeEventListener', (value, listener) => {
      if (typeof value !== 'string' || !known.has(value)) return;
      const set = listeners.get(value as HostEvent);
      // player.js: without a listener id, every listener of that event goes.
      if (listener === null) set?.clear();
      else set?.delete(listener);
      if (set?.size === 0) listeners.delete(value as HostEvent);
    }],
  ]);

  const onMessage = (event: MessageEvent) => {
    try {
      if (event.source !== parent) return;
      if (config.origin !== undefined && event.origin !== config.origin) return;
      const command = readCommand(event.data);
      if (!command) return;
      const getter = getters.get(command.method);
      if (getter) post(command.method, getter(), command.listener);
      else actions.get(command.method)?.(command.value, command.listener);
    } catch {
      // A host's message never breaks the player.
    }
  };

  // `ready` once the tracks are in (or it is clear there are none): until then play() has nothing to play.
  const announce = {
    hostUpdated() {
      if (ready || (player.tracks.length === 0 && player.status !== 'error')) return;
      ready = true;
      player.removeController(announce);
      const value = readyValue();
      // player.js: posted whether or not anyone listens, to the listeners when there are some.
      if (listeners.get('ready')?.size) emit('ready', value);
      else post('ready', value);
    },
  };

  const onEnded = (event: HTMLElementEventMap['earshot-ended']) => {
    emit('ended');
    if (!loop) return;
    const { index } = event.detail;
    // After the player has moved on to the next track, if it does: then back to this one's start.
    queueMicrotask(() => {
      if (player.currentIndex !== index) player.select(index);
      player.seek(0);
      player.play().catch(() => {});
    });
  };
  const onError = (event: HTMLElementEventMap['earshot-error']) => {
    const { code, message } = event.detail;
    if (trusted || PLAYBACK_ERRORS.has(code)) emit('error', { code, msg: message });
  };
  const domListeners: [string, (event: never) => void][] = [
    ['earshot-play', () => emit('play')],
    ['earshot-pause', () => emit('pause')],
    ['earshot-ended', onEnded],
    ['earshot-timeupdate', (event: HTMLElementEventMap['earshot-timeupdate']) =>
      emit('timeupdate', { seconds: event.detail.currentTime, duration: duration() })],
    ['earshot-seeked', () => {
      emit('seeked', position());
      emit('progress', position());
    }],
    // The media loaded up to where it plays from (the element reports no finer buffering).
    ['earshot-ready', () => emit('progress', position())],
    ['earshot-error', onError],
  ];
  for (const [type, listener] of domListeners) player.addEventListener(type, listener as EventListener);

  // The host sizes the frame to the player: no polling, the layout says when it changed.
  let observer: ResizeObserver | undefined;
  if (config.resize && typeof ResizeObserver === 'function') {
    observer = new ResizeObserver(() => {
      const next = measure();
      if (next === height) return;
      height = next;
      emit('resize', { height });
    });
    observer.observe(player);
  }

  win.addEventListener('message', onMessage);
  player.addController(announce);
  // Already updated with its tracks in (a one-track embed has them at once): announce now.
  void player.updateComplete.then(() => announce.hostUpdated(), () => {});

  return () => {
    win.removeEventListener('message', onMessage);
    player.removeController(announce);
    for (const [type, listener] of domListeners) player.removeEventListener(type, listener as EventListener);
    observer?.disconnect();
    listeners.clear();
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A field the message itself carries, never one inherited from Object.prototype. */
function own(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
