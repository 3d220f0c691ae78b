/**
 * One player at a time: a player that starts says so on a BroadcastChannel, and every other Earshot
 * player of this origin that is playing, on this page, in other tabs or in frames, pauses. A player
 * listens only while it plays, so an idle one costs nothing.
 */
export const SOLO_CHANNEL = 'earshot:playing';

let counter = 0;

export class SoloPlayback {
  readonly #id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${++counter}`;
  readonly #pause: () => void;
  #channel: BroadcastChannel | null = null;

  /** `pause` is called when another player starts. */
  constructor(pause: () => void) {
    this.#pause = pause;
  }

  /** This player started: tell the others, and listen for the next one that starts. */
  started(): void {
    if (typeof BroadcastChannel === 'undefined') return;
    if (!this.#channel) {
      this.#channel = new BroadcastChannel(SOLO_CHANNEL);
      this.#channel.onmessage = (event: MessageEvent) => {
        const data = event.data as { started?: unknown } | null;
        if (data && typeof data.started === 'string' && data.started !== this.#id) this.#pause();
      };
    }
    this.#channel.postMessage({ started: this.#id });
  }

  /** This player stopped (paused, ended, failed, or left the page): stop listening. */
  stopped(): void {
    this.#channel?.close();
    this.#channel = null;
  }
}
