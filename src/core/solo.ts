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
  readonly #name: string;
  #channel: BroadcastChannel | null = null;
  /** When this player started (Date.now()): of two players, the one that started later plays on. */
  #at = 0;

  /** `pause` is called when another player starts (on the channel named `name`: tests have their own). */
  constructor(pause: () => void, name = SOLO_CHANNEL) {
    this.#pause = pause;
    this.#name = name;
  }

  /**
   * This player started, at `at`: tell the others, and listen for the next one that starts. The messages may
   * come in either order (each player opens its channel a little after it starts), so each carries its start:
   * a player that hears of a later start pauses; one that hears of an earlier start says again that it
   * started, for the earlier one to hear. (A message without a time, from another version, is the newest.)
   */
  started(at = Date.now()): void {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#at = at;
    if (!this.#channel) {
      this.#channel = new BroadcastChannel(this.#name);
      this.#channel.onmessage = (event: MessageEvent) => {
        const data = event.data as { started?: unknown; at?: unknown } | null;
        if (!data || typeof data.started !== 'string' || data.started === this.#id) return;
        const other = typeof data.at === 'number' ? data.at : Infinity;
        if (other > this.#at || (other === this.#at && data.started > this.#id)) this.#pause();
        else this.#say();
      };
    }
    this.#say();
  }

  /** This player stopped (paused, ended, failed, or left the page): stop listening. */
  stopped(): void {
    this.#channel?.close();
    this.#channel = null;
  }

  #say(): void {
    this.#channel?.postMessage({ started: this.#id, at: this.#at });
  }
}
