/**
 * The player.js protocol (README: "Control an embedded player"), both ways: what the embed page takes from its host (bridge.ts) and what a
 * host page reads from its players (host/earshot-host.ts). Messages are JSON strings (plain objects too);
 * whatever is malformed, foreign or absurd reads as null, and nothing here throws.
 */
import { MAX_RATE, MIN_RATE } from './rates.js';
import { MAX_TIME } from './time.js';

export const CONTEXT = 'player.js';
export const VERSION = '0.0.11';

/** The protocol's events; `resize` is added with `resize=1`. */
export const EVENTS = ['ready', 'play', 'pause', 'ended', 'timeupdate', 'progress', 'seeked', 'error'] as const;
export type HostEvent = (typeof EVENTS)[number] | 'resize';

/** The protocol's methods, the player.js ones then the extensions. */
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
export const MAX_LISTENERS = 32;

/** Error codes that are about playback; the others (download, storage) concern the listener alone. */
export const PLAYBACK_ERRORS: ReadonlySet<string> = new Set(['manifest', 'invalid-url', 'network', 'decode', 'autoplay-blocked']);

const KNOWN_METHODS: ReadonlySet<string> = new Set(METHODS);

export interface HostCommand {
  method: HostMethod;
  value: unknown;
  listener: string | null;
}

/**
 * A player.js message's fields: from a JSON string (or, with `objects`, a plain object), in this protocol's
 * context; null for anything else. A string far longer than any message is not even parsed.
 */
function readEnvelope(data: unknown, objects: boolean): Record<string, unknown> | null {
  let message = data;
  if (typeof message === 'string') {
    if (message.length > MAX_MESSAGE_LENGTH || message[0] !== '{') return null;
    try {
      message = JSON.parse(message);
    } catch {
      return null;
    }
  } else if (!objects) return null;
  return isPlainObject(message) && own(message, 'context') === CONTEXT ? message : null;
}

/** Reads one message's data into a command, or null for anything malformed, foreign or absurd. Never throws. */
export function readCommand(data: unknown): HostCommand | null {
  const message = readEnvelope(data, true);
  if (!message) return null;
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


/** A message from a player to its host: an event, or a getter's answer. */
export interface PlayerMessage {
  event: string;
  value?: unknown;
  listener?: string;
}

/** The JSON a host posts to a player, or a player to its host. */
export function encodeMessage(message: Record<string, unknown>): string {
  return JSON.stringify({ context: CONTEXT, version: VERSION, ...message });
}

/** Reads what a player posted to its host, or null for anything else. */
export function readPlayerMessage(data: unknown): PlayerMessage | null {
  const message = readEnvelope(data, false);
  if (!message) return null;
  const event = own(message, 'event');
  const listener = own(message, 'listener');
  if (typeof event !== 'string') return null;
  return { event, value: own(message, 'value'), ...(typeof listener === 'string' ? { listener } : {}) };
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
