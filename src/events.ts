/** Earshot's DOM events: every one a CustomEvent that bubbles out of the shadow root. */
import type { PlayerEventMap } from './core/events.js';

/** `detail` of each event, by its name without the `earshot-` prefix. */
export type EarshotEventDetails = PlayerEventMap;

export type EarshotEventMap = { [K in keyof EarshotEventDetails as `earshot-${K}`]: CustomEvent<EarshotEventDetails[K]> };

/** Dispatches `earshot-TYPE`. Only the player controller calls it: every event comes from the core. */
export function fire<K extends keyof EarshotEventDetails>(target: EventTarget, type: K, detail: EarshotEventDetails[K]): void {
  target.dispatchEvent(new CustomEvent(`earshot-${type}`, { detail, bubbles: true, composed: true }));
}
