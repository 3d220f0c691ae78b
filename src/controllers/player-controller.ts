/**
 * Connects one host element to one Playback: the core's state changes re-render it, and the core's events
 * become the element's DOM events, here and nowhere else.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Playback } from '../core/playback.js';
import type { SoloPlayback } from '../core/solo.js';
import { fire } from '../events.js';

/** Runs `fn` when the page is next idle (within 200 ms), or in a task where the browser cannot tell (Safari). */
const whenIdle = (fn: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 200 });
  else setTimeout(fn, 0);
};

export type PlayerHost = ReactiveControllerHost & HTMLElement & { independent?: boolean };

export class PlayerController implements ReactiveController {
  readonly playback: Playback;
  readonly #host: PlayerHost;
  /** One player at a time: loaded with the first play (a player that never plays needs none of it). */
  #solo: Promise<SoloPlayback> | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(host: PlayerHost) {
    this.#host = host;
    this.playback = new Playback({
      emit: (type, detail) => {
        // This one starting pauses the others; stopping, it stops listening for them.
        // (Once the page is idle: the moments after 'playing' are the sound's, and the one-at-a-time chunk
        // would be fetched and run in them.)
        if (type === 'play' && !host.independent) {
          // (The wall clock, which every tab shares: a tab's own clock may have stopped while the machine slept.)
          const at = Date.now();
          whenIdle(() => void this.#oneAtATime().then((solo) => this.playback.paused || solo.started(at)));
        } else if (type === 'pause' || type === 'ended' || (type === 'error' && (detail as { fatal?: boolean }).fatal)) void this.#solo?.then((solo) => solo.stopped());
        fire(host, type, detail);
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.playback.store.subscribe(() => this.#host.requestUpdate());
    this.playback.restore();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    void this.#solo?.then((solo) => solo.stopped());
    this.playback.dispose();
  }

  #oneAtATime(): Promise<SoloPlayback> {
    this.#solo ??= import('../core/solo.js').then(({ SoloPlayback }) => new SoloPlayback(() => this.playback.pause()));
    return this.#solo;
  }
}
