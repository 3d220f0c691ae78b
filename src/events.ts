/** Earshot's DOM events: every one a CustomEvent that bubbles out of the shadow root. */
import type { PlaybackEventMap } from './core/playback.js';
import type { Track } from './core/track.js';

export interface EarshotEventDetails extends PlaybackEventMap {
  download: { index: number; url: string; filename: string };
  embed: { index: number; url: string; snippet: string };
  'playlist-change': { items: readonly Track[] };
}

export type EarshotEventMap = { [K in keyof EarshotEventDetails as `earshot-${K}`]: CustomEvent<EarshotEventDetails[K]> };

export function fire<K extends keyof EarshotEventDetails>(target: EventTarget, type: K, detail: EarshotEventDetails[K]): void {
  target.dispatchEvent(new CustomEvent(`earshot-${type}`, { detail, bubbles: true, composed: true }));
}
