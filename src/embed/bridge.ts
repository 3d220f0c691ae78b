/**
 * The embed page's side of the player.js protocol (README: "Control an embedded player"): the host page commands the player and hears
 * from it through postMessage. Only the parent window may command; with `origin=` only that origin, and
 * only that origin hears anything.
 */
import type { EmbedConfig } from '../core/params.js';
import {
  CONTEXT,
  EVENTS,
  MAX_LISTENERS,
  METHODS,
  PLAYBACK_ERRORS,
  VERSION,
  readCommand,
  readFlag,
  readRate,
  readTime,
  readVolume,
  type HostEvent,
  type HostMethod,
} from '../core/playerjs.js';
import { ListName, Status } from '../core/state.js';
import type { EarshotPlayer } from '../elements/earshot-player.js';

/**
 * Lets the parent window drive `player` and hear from it. Returns a function that disconnects it. Does
 * nothing when the page is not in a frame.
 */
export function connectHost(player: EarshotPlayer, config: EmbedConfig, win: Window = window): () => void {
  const parent = win.parent;
  if (!parent || parent === win) return () => {};
  // An origin= that is not an exact origin closes the remote control: nobody commands, nobody hears.
  if (config.closed) {
    console.error(
      `Earshot: origin=${JSON.stringify(new URL(win.location.href).searchParams.get('origin')?.slice(0, 100))} is not an exact origin such as https://example.com (scheme, host and port only: no slash, path or wildcard). This player takes no commands from the page around it and tells it nothing.`,
    );
    return () => {};
  }
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
  // The host learns only about the tracks it embedded: while the listener plays their own saved playlist,
  // no event about it goes out, and the getters answer as for nothing loaded.
  const ours = () => player.store.getState().list === ListName.own;
  const emitOurs = (event: HostEvent, value?: () => unknown) => {
    if (ours()) emit(event, value?.());
  };

  const duration = () => (ours() && Number.isFinite(player.duration) ? player.duration : 0);
  const position = () => ({ seconds: ours() ? player.currentTime : 0, duration: duration() });
  const readyValue = () => ({ src: win.location.href, events, methods: METHODS });
  const measure = () => Math.ceil(player.getBoundingClientRect().height);

  const getters = new Map<HostMethod, () => unknown>([
    ['getPaused', () => player.paused],
    ['getMuted', () => player.muted],
    ['getVolume', () => Math.round(player.volume * 100_000) / 1000],
    ['getDuration', duration],
    ['getCurrentTime', () => position().seconds],
    ['getLoop', () => loop],
    ['getPlaybackRate', () => player.playbackRate],
    // Only the tracks the host embedded: while the listener plays their own saved playlist, nothing of it.
    ['getTrack', () => (ours() ? { index: player.currentIndex, title: player.currentTrack?.title ?? null } : { index: -1, title: null })],
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
  const announce = () => {
    const state = player.store.getState();
    if (ready || state.loadingTracks || (state.tracks.length === 0 && state.status !== Status.error)) return;
    ready = true;
    stopWatching();
    const value = readyValue();
    // player.js: posted whether or not anyone listens, to the listeners when there are some.
    if (listeners.get('ready')?.size) emit('ready', value);
    else post('ready', value);
  };

  const onEnded = (event: HTMLElementEventMap['earshot-ended']) => {
    if (!ours()) return;
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
    if (trusted || PLAYBACK_ERRORS.has(code)) emitOurs('error', () => ({ code, msg: message }));
  };
  const domListeners: [string, (event: never) => void][] = [
    ['earshot-play', () => emitOurs('play')],
    ['earshot-pause', () => emitOurs('pause')],
    ['earshot-ended', onEnded],
    ['earshot-timeupdate', (event: HTMLElementEventMap['earshot-timeupdate']) =>
      emitOurs('timeupdate', () => ({ seconds: event.detail.currentTime, duration: duration() }))],
    ['earshot-seeked', () => {
      emitOurs('seeked', position);
      emitOurs('progress', position);
    }],
    // The media loaded up to where it plays from (the element reports no finer buffering).
    ['earshot-ready', () => emitOurs('progress', position)],
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
  const stopWatching = player.store.subscribe(announce);
  // A one-track embed has its track at once: announce after this task, when the page's own code has run.
  queueMicrotask(announce);

  return () => {
    win.removeEventListener('message', onMessage);
    stopWatching();
    for (const [type, listener] of domListeners) player.removeEventListener(type, listener as EventListener);
    observer?.disconnect();
    listeners.clear();
  };
}
