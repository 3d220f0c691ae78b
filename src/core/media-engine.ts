/**
 * The contract between the player's core and one track's media. It holds types only, so that the core and
 * every engine (deferred-engine.ts, howler-engine.ts, a test's fake) import it without importing each other.
 */
import type { AudioSource } from './track.js';

export const FailureCode = {
  network: 'network',
  decode: 'decode',
} as const;
export type FailureCode = (typeof FailureCode)[keyof typeof FailureCode];

/**
 * What the media reports. The core's state changes only from these: a request (play, pause, seek) is an
 * intent until the media confirms it here. Times are seconds into the file.
 */
export interface EngineListener {
  /** The media knows what it holds and can be played. */
  ready(): void;
  /** The file's real length, once the media knows it (never 0 or NaN). */
  duration(fileSeconds: number): void;
  /** Waiting for data: the first load after Play, a stall while playing, or a seek that needs the network. */
  waiting(): void;
  /** The sound is playing (at first, and again after a stall). */
  playing(): void;
  /** The sound stopped because it was asked to, not because it ended. */
  paused(): void;
  /** A seek finished: the media is at `fileSeconds`. */
  seeked(fileSeconds: number): void;
  /**
   * A seek to `targetSeconds` ended at `landedSeconds` instead (reported just before that `seeked`): the server
   * sends the file only from its start (no range requests), so the media cannot go past what it has loaded.
   */
  seekRefused(targetSeconds: number, landedSeconds: number): void;
  /** The file played to its end. */
  ended(): void;
  /** The browser refused to start without a gesture from the listener. */
  blocked(): void;
  /** Every source failed; `message` says why in words. */
  fail(code: FailureCode, message: string): void;
}

export interface EngineOptions {
  preload: 'none' | 'metadata';
  rate: number;
  volume: number;
  muted: boolean;
  /** Where to start, in seconds into the file. */
  start: number;
  /**
   * A media element the page made already, to play through if it has one of the sources: a publisher's
   * fallback <audio>, perhaps playing (LoadOptions.media). Else the engine pauses it and makes its own.
   */
  media?: HTMLMediaElement;
}

/**
 * One track's media. Requests are idempotent: play() while playing or starting, pause() while paused, start
 * nothing new. An engine never has more than one media element making sound.
 */
export interface MediaEngine {
  play(): void;
  pause(): void;
  seek(fileSeconds: number): void;
  /** Where the media is now, in seconds into the file. */
  position(): number;
  setRate(rate: number): void;
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
  /**
   * The listener shows intent to play (a pointer over the player, focus on Play): get ready to start fast.
   * `pressed`: a pointer is down on Play, so the click that plays comes next: fetch the file itself now.
   */
  prepare(pressed?: boolean): void;
  /** Stops the sound and lets go of the media; the engine reports nothing afterwards. */
  unload(): void;
}

export type EngineFactory = (sources: readonly AudioSource[], listener: EngineListener, options: EngineOptions) => MediaEngine;
