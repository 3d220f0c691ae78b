/** Where the listener stopped in a long track, kept under `earshot:position:` keys. */
import { pageStorage } from './storage.js';
import { trackKey, type Track } from './track.js';

/** A position this close to either end is not worth offering. */
export const RESUME_MARGIN = 5;
export const POSITION_PREFIX = 'earshot:position:';

export class SavedPositions {
  readonly #storage: Storage | null;

  constructor(storage: Storage | null = pageStorage()) {
    this.#storage = storage;
  }

  /** The saved position in a track of `duration` seconds, if there is one worth offering. */
  get(track: Track, duration: number): number | null {
    let text: string | null = null;
    try {
      text = this.#storage?.getItem(POSITION_PREFIX + trackKey(track)) ?? null;
    } catch {
      return null;
    }
    const seconds = Number(text);
    if (text === null || !Number.isFinite(seconds) || seconds < RESUME_MARGIN) return null;
    if (Number.isFinite(duration) && seconds > duration - RESUME_MARGIN) return null;
    return seconds;
  }

  /**
   * Keeps `seconds` as the place to offer. A pause in the first seconds (Play pressed by mistake, or to hear
   * how it starts) is not a place worth offering: the one kept before it stays.
   */
  set(track: Track, seconds: number): void {
    if (!(seconds >= RESUME_MARGIN)) return;
    try {
      this.#storage?.setItem(POSITION_PREFIX + trackKey(track), String(Math.floor(seconds)));
    } catch {
      // Storage refused or full: the player works the same and keeps nothing.
    }
  }

  forget(track: Track): void {
    try {
      this.#storage?.removeItem(POSITION_PREFIX + trackKey(track));
    } catch {
      // As above.
    }
  }
}
