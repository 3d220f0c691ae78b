/** Everything the player tells its page, by name and `detail`: the core emits each one, from one place. */
import type { PlayerError } from './state.js';
import type { Track } from './track.js';

export interface PlayerEventMap {
  /** The track can be played. */
  ready: { index: number; track: Track; duration: number };
  play: { index: number; currentTime: number };
  pause: { index: number; currentTime: number };
  /** The track (or segment) played to its end. */
  ended: { index: number };
  /** At most four a second while playing; none while paused. */
  timeupdate: { currentTime: number; duration: number };
  seeked: { currentTime: number };
  trackchange: { index: number; track: Track };
  ratechange: { playbackRate: number };
  volumechange: { volume: number; muted: boolean };
  /** The listener downloaded the track. */
  download: { index: number; url: string; filename: string };
  /** The Embed panel opened, or its options changed. */
  embed: { index: number; url: string; snippet: string };
  /** The listener's saved playlist changed. */
  'playlist-change': { items: readonly Track[] };
  error: PlayerError;
}
export type PlayerEventName = keyof PlayerEventMap;
export type PlayerEmitter = <K extends PlayerEventName>(type: K, detail: PlayerEventMap[K]) => void;

/** Events about what the listener did outside playback: the features that see it ask the core to tell. */
export type ListenerEventName = 'download' | 'embed' | 'playlist-change';
