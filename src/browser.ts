/** What a page uses: the element and the core (the main entry, index.ts, adds toOEmbed for servers). No side effects. */
export { EarshotPlayer } from './elements/earshot-player.js';
export { PLAYBACK_RATES, MIN_RATE, MAX_RATE } from './core/rates.js';
export { PlayerController } from './controllers/player-controller.js';
export type { EarshotEventDetails, EarshotEventMap } from './events.js';
export { Playback } from './core/playback.js';
export type { TrackSource, LoadOptions } from './core/playback.js';
export type { PlayerEventMap, PlayerEventName } from './core/events.js';
export { Status, ErrorCode, ListName } from './core/state.js';
export type { PlayerState, PlayerError, ReadonlyStore } from './core/state.js';
export type { Track, AudioSource } from './core/track.js';
export { readManifest, readTrack } from './core/manifest.js';
export { loadManifest } from './core/load-manifest.js';
export type { ManifestResult, ManifestProblem } from './core/manifest.js';
export { parseTime, parseTimeRange, formatTime, speakTime } from './core/time.js';
export { safeUrl } from './core/url.js';
export { defineEarshotPlayer } from './define.js';
