/**
 * The other way round from params.ts: the embed page's URL for a configuration, and the configuration that
 * reproduces a player's track elsewhere. Loaded with what makes embed codes (the Embed panel, or the public
 * module's embedUrl()), not with the embed page itself.
 */
import type { EmbedConfig, InlineTrack } from './params.js';
import { formatSeconds, type TimeRange } from './time.js';

/** Longer embed addresses are refused by some servers and proxies (8 KB is a common limit). */
export const MAX_EMBED_URL = 8000;

/** What a one-track embed can do without, first to last, when its address is too long. */
const OPTIONAL = ['image', 'link', 'download', 'program', 'date', 'transcript'] as const;

/**
 * The embed page's URL for `config`, on the page at `base`. A one-track address longer than
 * MAX_EMBED_URL loses optional fields (then every source but the first), each with a console.warn, rather
 * than make a snippet that servers refuse.
 */
export function buildEmbedUrl(base: string, config: EmbedConfig): string {
  const url = new URL(base);
  const query = url.searchParams;
  build(url, config);
  for (const name of OPTIONAL) {
    if (url.href.length <= MAX_EMBED_URL) break;
    if (!query.has(name)) continue;
    query.delete(name);
    console.warn(`Earshot: the embed address was too long; "${name}" was left out of it.`);
  }
  const sources = query.getAll('src');
  if (url.href.length > MAX_EMBED_URL && sources.length > 1) {
    query.delete('src');
    query.append('src', sources[0]!);
    console.warn('Earshot: the embed address was too long; only the first audio address was kept.');
  }
  return url.href;
}

function build(url: URL, config: EmbedConfig): void {
  url.search = '';
  url.hash = '';
  const query = url.searchParams;
  if (config.manifest) query.set('manifest', config.manifest);
  else if (config.feed) query.set('feed', config.feed);
  else if (config.track) {
    const track = config.track;
    for (const src of track.src) query.append('src', src);
    for (const name of ['title', 'program', 'date', 'image'] as const) if (track[name]) query.set(name, track[name]!);
    if (track.download === false) query.set('download', '0');
    else if (track.download) query.set('download', track.download);
    for (const name of ['link', 'transcript'] as const) if (track[name]) query.set(name, track[name]!);
    if (track.duration !== undefined) query.set('duration', formatSeconds(track.duration));
  }
  if (config.index) query.set('track', String(config.index));
  if (config.range) {
    const { start, end } = config.range;
    query.set('t', end === undefined ? formatSeconds(start) : `${formatSeconds(start)},${formatSeconds(end)}`);
  }
  if (config.autoplay) query.set('autoplay', '1');
  if (config.theme) query.set('theme', config.theme);
  if (config.controls) query.set('controls', config.controls.join(','));
  if (config.origin) query.set('origin', config.origin);
  else if (config.closed) query.set('origin', 'none');
  if (config.resize) query.set('resize', '1');
  if (config.independent) query.set('independent', '1');
}

/** What the page asks to embed: `embedUrl(options)`; times count from the start of the track (or segment). */
export interface EmbedOptions {
  track?: number;
  start?: number;
  end?: number;
  autoplay?: boolean;
}

/**
 * The configuration that reproduces one track of a player elsewhere: by its manifest when it came from
 * one (`manifest` given), else by the track's own fields. `offset` is how far into the manifest's track
 * this player's track begins (a `t` it was given).
 */
export function shareConfig(
  track: { src: { src: string }[]; title: string; program?: string; date?: string; image?: string; download?: string | false; link?: string; transcript?: string; duration?: number; start?: number; end?: number },
  options: EmbedOptions & { manifest?: string; feed?: string; index: number; offset?: TimeRange },
): EmbedConfig {
  const config: EmbedConfig = {};
  const from = options.start !== undefined && options.start > 0 ? options.start : 0;
  if (options.manifest || options.feed) {
    if (options.manifest) config.manifest = options.manifest;
    else {
      // A feed's episode is named by its guid where it has one: the index changes with every new episode.
      config.feed = options.feed!;
      const { guid } = track as { guid?: string };
      if (guid) config.index = guid;
    }
    if (options.index > 0 && config.index === undefined) config.index = options.index;
    const shift = options.offset?.start ?? 0;
    const end = options.end !== undefined ? shift + options.end : options.offset?.end;
    if (shift + from > 0 || end !== undefined) config.range = withEnd(shift + from, end);
  } else {
    const inline: InlineTrack = { src: track.src.map((source) => source.src) };
    for (const name of ['title', 'program', 'date', 'image', 'download', 'link', 'transcript', 'duration'] as const) {
      if (track[name] !== undefined) (inline as unknown as Record<string, unknown>)[name] = track[name];
    }
    config.track = inline;
    const base = track.start ?? 0;
    const end = options.end !== undefined ? base + options.end : track.end;
    if (base + from > 0 || end !== undefined) config.range = withEnd(base + from, end);
  }
  if (options.autoplay) config.autoplay = true;
  return config;
}

function withEnd(start: number, end: number | undefined): TimeRange {
  return end !== undefined && end > start ? { start, end } : { start };
}
