/**
 * Connects one host element to one Playback: the core's state changes re-render it, and the core's events
 * become the element's DOM events, here and nowhere else.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Playback } from '../core/playback.js';
import { SoloPlayback } from '../core/solo.js';
import { fire } from '../events.js';

export type PlayerHost = ReactiveControllerHost & HTMLElement & { independent?: boolean };

export class PlayerController implements ReactiveController {
  readonly playback: Playback;
  readonly #host: PlayerHost;
  readonly #solo: SoloPlayback;
  #unsubscribe: (() => void) | undefined;

  constructor(host: PlayerHost) {
    this.#host = host;
    this.playback = new Playback({
      emit: (type, detail) => {
        // One player at a time: this one starting pauses the others; stopping, it stops listening.
        if (type === 'play' && !host.independent) this.#solo.started();
        else if (type === 'pause' || type === 'ended' || (type === 'error' && (detail as { fatal?: boolean }).fatal)) this.#solo.stopped();
        fire(host, type, detail);
      },
    });
    this.#solo = new SoloPlayback(() => this.playback.pause());
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.playback.store.subscribe(() => this.#host.requestUpdate());
    this.playback.restore();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#solo.stopped();
    this.playback.dispose();
  }
}
