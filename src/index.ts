/** The npm entry: no side effects. Import `earshot-player/define` (or call defineEarshotPlayer) to register. */
export { EarshotPlayer, PLAYBACK_RATES } from './elements/earshot-player.js';
export { PlayerController } from './controller.js';
export type { TrackSource } from './controller.js';
export type { EarshotEventDetails, EarshotEventMap } from './events.js';
export { Playback } from './core/playback.js';
export type { PlaybackEventMap, PlaybackEventName } from './core/playback.js';
export { Status, ErrorCode } from './core/state.js';
export type { PlayerState, PlayerError } from './core/state.js';
export type { Track, AudioSource } from './core/track.js';
export { readManifest, readTrack, loadManifest } from './core/manifest.js';
export type { ManifestResult, ManifestProblem } from './core/manifest.js';
export { parseTime, parseTimeRange, formatTime, speakTime } from './core/time.js';
export { safeUrl } from './core/url.js';
export { toOEmbed, OEmbedError, OEmbedErrorCode, type OEmbedOptions, type OEmbedResponse } from './core/oembed.js';
export { defineEarshotPlayer } from './define.js';
