/**
 * The player's two timers, and only while it plays: a tick for the time shown (howler has no time-update
 * event), and a timer that stops a segment on time. Nothing runs while the player is paused or idle.
 */

/** `earshot-timeupdate` at most four a second. */
export const TICK_MS = 260;

/** A segment ends when less than this is left (seconds of media). */
const END_TOLERANCE = 0.05;

export class Clock {
  readonly #tick: () => void;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #endTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(tick: () => void) {
    this.#tick = tick;
  }

  get running(): boolean {
    return this.#ticker !== undefined;
  }

  start(): void {
    this.stop();
    this.#ticker = setInterval(this.#tick, TICK_MS);
  }

  stop(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    this.cancelEnd();
  }

  /**
   * Calls `end` when `left()` (seconds of media before the segment's end) runs out at `rate`. A timer is set
   * only within the last second; the ticks call this again until then, and a late timer checks again.
   */
  endIn(left: () => number, rate: number, end: () => void): void {
    this.cancelEnd();
    const remaining = left() / rate;
    if (remaining > 1) return;
    this.#endTimer = setTimeout(
      () => {
        this.#endTimer = undefined;
        if (left() > END_TOLERANCE) this.endIn(left, rate, end);
        else end();
      },
      Math.max(0, remaining * 1000 - 20),
    );
  }

  cancelEnd(): void {
    clearTimeout(this.#endTimer);
    this.#endTimer = undefined;
  }
}
