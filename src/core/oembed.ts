/**
 * oEmbed 1.0 (https://oembed.com) for one track: what a CMS or a chat app needs to embed it. Pure: no DOM,
 * no Lit, no howler, so that a Node server can import it (`earshot-player/oembed`).
 */
import { cleanText, readManifest, type ManifestProblem } from './manifest.js';
import { buildEmbedUrl, shareConfig } from './embed-url.js';
import { buildEmbedSnippet, EMBED_HEIGHT } from './snippet.js';
import { safeUrl } from './url.js';

/** The width announced when the consumer sets no maxwidth (the snippet itself is 100% wide). */
export const OEMBED_DEFAULT_WIDTH = 600;
/** The player fits, every control reachable, from 280 to 1200 px wide (README: "Put a player on a page"). */
export const OEMBED_MIN_WIDTH = 280;
export const OEMBED_MAX_WIDTH = 1200;

/** An oEmbed 1.0 response of type `rich`. Text fields are plain text: a consumer escapes them. */
export interface OEmbedResponse {
  version: '1.0';
  type: 'rich';
  /** The documented `<iframe>` snippet (README: "Embedding"), every attribute escaped. */
  html: string;
  width: number;
  height: number;
  title: string;
  /** The track's program, when it has one. */
  author_name?: string;
  provider_name: string;
  provider_url?: string;
  cache_age?: number;
  /** Present only together with its width and height, as oEmbed requires. */
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

export interface OEmbedOptions {
  /** Absolute URL of the hosted embed page, e.g. `https://cdn.example.com/earshot/embed.html`. */
  embedBase: string;
  /**
   * Absolute URL the manifest is served at. With it, the embed plays the manifest by URL and relative
   * addresses in it resolve against it; without it, the track's own fields go into the embed URL and
   * every address in the data must be absolute.
   */
  manifestUrl?: string;
  /** The track to embed (0-based, among the tracks that validate); default 0. */
  index?: number;
  /** The consumer's limits, in pixels (oEmbed's `maxwidth` and `maxheight`). */
  maxwidth?: number;
  maxheight?: number;
  /** Default: the host name of the manifest's URL (or the track's link, or the embed page). */
  providerName?: string;
  /** Default: the origin of that same URL. */
  providerUrl?: string;
  /** Seconds a consumer may cache the response. */
  cacheAge?: number;
  /** The artwork's size in pixels, when known: oEmbed names a thumbnail only with its size. */
  thumbnailWidth?: number;
  thumbnailHeight?: number;
  /** Told about each track or address the manifest validation dropped. */
  onProblem?: (problem: ManifestProblem) => void;
}

export const OEmbedErrorCode = {
  /** The data is not a manifest with a playable track. */
  Manifest: 'manifest',
  /** The requested track does not exist (an oEmbed endpoint answers 404). */
  NotFound: 'not-found',
  /** maxwidth or maxheight is smaller than the player can be. */
  Size: 'size',
  /** An option is not usable (embedBase, manifestUrl, a number). */
  Options: 'options',
} as const;
export type OEmbedErrorCode = (typeof OEmbedErrorCode)[keyof typeof OEmbedErrorCode];

/** Why no oEmbed response could be made, in words. */
export class OEmbedError extends Error {
  override name = 'OEmbedError';
  constructor(
    readonly code: OEmbedErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// Relative URLs cannot resolve against this base, so without a manifestUrl they are refused.
const NO_BASE = 'about:blank';

/** The oEmbed response for one track of `manifestOrTrack` (a manifest, a track list or a track). */
export function toOEmbed(manifestOrTrack: unknown, options: OEmbedOptions): OEmbedResponse {
  const fail = (code: OEmbedErrorCode, message: string) => new OEmbedError(code, message);
  if (typeof options !== 'object' || options === null) throw fail('options', 'toOEmbed needs options with an embedBase.');
  const embedBase = absoluteUrl(options.embedBase);
  if (!embedBase) throw fail('options', 'embedBase must be an absolute http or https address of the embed page.');
  let manifestUrl: string | undefined;
  if (options.manifestUrl !== undefined) {
    manifestUrl = absoluteUrl(options.manifestUrl) ?? undefined;
    if (!manifestUrl) throw fail('options', 'manifestUrl must be an absolute http or https address.');
  }
  const width = pixels(options.maxwidth, 'maxwidth');
  const height = pixels(options.maxheight, 'maxheight');
  if (width !== undefined && width < OEMBED_MIN_WIDTH) {
    throw fail('size', `The player needs at least ${OEMBED_MIN_WIDTH} px of width; maxwidth is ${width}.`);
  }
  if (height !== undefined && height < EMBED_HEIGHT) {
    throw fail('size', `The player needs ${EMBED_HEIGHT} px of height; maxheight is ${height}.`);
  }
  const index = options.index ?? 0;
  if (!Number.isInteger(index) || index < 0) throw fail('options', `The track number must be a whole number from 0; got ${String(index)}.`);
  const cacheAge = options.cacheAge;
  if (cacheAge !== undefined && !(Number.isInteger(cacheAge) && cacheAge >= 0)) {
    throw fail('options', 'cacheAge must be a whole number of seconds.');
  }

  const manifest = readManifest(manifestOrTrack, manifestUrl ?? NO_BASE);
  for (const problem of manifest.problems) options.onProblem?.(problem);
  if (!manifest.ok) {
    const relative = manifestUrl ? '' : ' Relative addresses need the manifest\'s own URL (manifestUrl), and none was given.';
    throw fail('manifest', `${manifest.message}${relative}`);
  }
  const track = manifest.tracks[index];
  if (!track) {
    const count = manifest.tracks.length;
    throw fail('not-found', `There is no track ${index}: the manifest has ${count} playable track${count === 1 ? '' : 's'} (0 to ${count - 1}).`);
  }

  const home = new URL(manifestUrl ?? track.link ?? embedBase);
  let providerUrl = `${home.origin}/`;
  if (options.providerUrl !== undefined) {
    const given = absoluteUrl(options.providerUrl);
    if (!given) throw fail('options', 'providerUrl must be an absolute http or https address.');
    providerUrl = given;
  }
  const thumbnailWidth = pixels(options.thumbnailWidth, 'thumbnailWidth');
  const thumbnailHeight = pixels(options.thumbnailHeight, 'thumbnailHeight');

  const config = shareConfig(track, manifestUrl ? { index, manifest: manifestUrl } : { index });
  const response: OEmbedResponse = {
    version: '1.0',
    type: 'rich',
    html: buildEmbedSnippet(buildEmbedUrl(embedBase, config), track.title),
    width: width === undefined ? OEMBED_DEFAULT_WIDTH : Math.min(width, OEMBED_MAX_WIDTH),
    height: EMBED_HEIGHT,
    title: track.title,
    ...(track.program ? { author_name: track.program } : {}),
    provider_name: cleanText(options.providerName, 300) ?? home.hostname,
    provider_url: providerUrl,
  };
  if (cacheAge !== undefined) response.cache_age = cacheAge;
  if (track.image && thumbnailWidth !== undefined && thumbnailHeight !== undefined) {
    response.thumbnail_url = track.image;
    response.thumbnail_width = thumbnailWidth;
    response.thumbnail_height = thumbnailHeight;
  }
  return response;
}

function absoluteUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return safeUrl(value, NO_BASE);
}

/** A size in pixels: a positive number, rounded down; undefined when not given. */
function pixels(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) {
    throw new OEmbedError('options', `${name} must be a positive number of pixels; got ${String(value).slice(0, 40)}.`);
  }
  return Math.floor(value);
}
