/** The embed page's URL ↔ its configuration, both ways (readEmbedParams(buildEmbedUrl(x)) gives x back). */
import { cleanDate, cleanText, MAX_SOURCES, MAX_TRACKS, TEXT_LIMITS } from './manifest.js';
import { parseTime, parseTimeRange, type TimeRange } from './time.js';
import { safeUrl } from './url.js';

export const CONTROL_NAMES = ['playlist', 'download', 'embed'] as const;
export type ControlName = (typeof CONTROL_NAMES)[number];
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** A one-track player as URL parameters carry it. */
export interface InlineTrack {
  src: string[];
  title?: string;
  program?: string;
  date?: string;
  image?: string;
  download?: string | false;
  link?: string;
  transcript?: string;
  duration?: number;
}

export interface EmbedConfig {
  manifest?: string;
  /** A podcast's RSS feed, read as a manifest. */
  feed?: string;
  track?: InlineTrack;
  /** The track to select first: its place, or (in a feed) its episode's guid. */
  index?: number | string;
  /** `t`: the part to play, counted from the start of the track (or of its segment). */
  range?: TimeRange;
  autoplay?: boolean;
  theme?: Theme;
  controls?: ControlName[];
  /** The one host origin allowed to control the player. */
  origin?: string;
  /**
   * `origin=` was given but is not an exact origin (`none`, a trailing slash, a path, `*`…): the player takes
   * no commands at all and tells the page nothing. It fails closed.
   */
  closed?: true;
  resize?: boolean;
  /** Play alongside other Earshot players instead of pausing them. */
  independent?: boolean;
}

const TEXT_PARAMS = { title: TEXT_LIMITS.title, program: TEXT_LIMITS.program } as const;
const URL_PARAMS = ['image', 'link', 'transcript'] as const;
const KNOWN = new Set(['manifest', 'feed', 'src', 'title', 'program', 'date', 'image', 'download', 'link', 'transcript', 'duration', 'track', 't', 'autoplay', 'theme', 'controls', 'origin', 'resize', 'independent']);

/**
 * A parameter left out, and why (`param-words.ts` says it in words: loaded only by a page that has one).
 * `detail` is the refused value where the words name it.
 */
export interface ParamWarning {
  name: string;
  why: 'address' | 'url' | 'unknown' | 'wins' | 'date' | 'duration' | 'track' | 't' | 'theme' | 'controls' | 'bool';
  detail?: string;
}

/** Reads the embed page's URL. What cannot be used is left out, with a warning for each (ParamWarning). */
export function readEmbedParams(href: string): { config: EmbedConfig; warnings: ParamWarning[] } {
  const warnings: ParamWarning[] = [];
  const config: EmbedConfig = {};
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { config, warnings: [{ name: '', why: 'address' }] };
  }
  const query = url.searchParams;
  const ignore = (name: string, why: ParamWarning['why'], detail?: string) => warnings.push(detail === undefined ? { name, why } : { name, why, detail });
  const readUrl = (name: string, value: string): string | undefined => {
    const safe = safeUrl(value, url.href);
    if (safe === null) ignore(name, 'url');
    return safe ?? undefined;
  };

  for (const name of new Set(query.keys())) if (!KNOWN.has(name)) ignore(name, 'unknown');

  for (const name of ['manifest', 'feed'] as const) {
    const value = query.get(name);
    const safe = value === null ? undefined : config.manifest ? void ignore(name, 'wins', 'manifest') : readUrl(name, value);
    if (safe) config[name] = safe;
  }

  const sources = query.getAll('src').slice(0, MAX_SOURCES).flatMap((value) => readUrl('src', value) ?? []);
  if (sources.length > 0) {
    const track: InlineTrack = { src: sources };
    for (const [name, limit] of Object.entries(TEXT_PARAMS) as [keyof typeof TEXT_PARAMS, number][]) {
      const value = query.get(name);
      if (value === null) continue;
      const text = cleanText(value, limit);
      if (text !== null) track[name] = text;
    }
    const date = query.get('date');
    if (date !== null) {
      const iso = cleanDate(date);
      if (iso) track.date = iso;
      else ignore('date', 'date');
    }
    for (const name of URL_PARAMS) {
      const value = query.get(name);
      const safe = value === null ? undefined : readUrl(name, value);
      if (safe) track[name] = safe;
    }
    const download = query.get('download');
    if (download === '0' || download === 'false') track.download = false;
    else if (download !== null) {
      const safe = readUrl('download', download);
      if (safe) track.download = safe;
    }
    const duration = query.get('duration');
    if (duration !== null) {
      const seconds = parseTime(duration);
      if (seconds !== null && seconds > 0) track.duration = seconds;
      else ignore('duration', 'duration');
    }
    if (!config.manifest && !config.feed) config.track = track;
    else ignore('src', 'wins', config.manifest ? 'manifest' : 'feed');
  }

  const index = query.get('track');
  if (index !== null) {
    const n = /^\d{1,3}$/.test(index) ? Number(index) : NaN;
    if (n < MAX_TRACKS) config.index = n;
    // In a feed, an episode's guid (feed.ts cuts a guid at 1000 characters too).
    else if (config.feed && index.trim()) config.index = index.trim().slice(0, 1000);
    else ignore('track', 'track');
  }

  const fragment = new URLSearchParams(url.hash.slice(1)).get('t');
  const t = query.get('t') ?? fragment;
  if (t !== null) {
    const range = parseTimeRange(t);
    if (range) config.range = range;
    else ignore('t', 't');
  }

  const theme = query.get('theme');
  if (theme !== null) {
    if ((THEMES as readonly string[]).includes(theme)) config.theme = theme as Theme;
    else ignore('theme', 'theme');
  }

  const controls = query.get('controls');
  if (controls !== null) {
    const names = controls.split(',').map((name) => name.trim()).filter(Boolean);
    const known = names.filter((name): name is ControlName => (CONTROL_NAMES as readonly string[]).includes(name));
    for (const name of names) if (!known.includes(name as ControlName)) ignore('controls', 'controls', name.slice(0, 40));
    config.controls = [...new Set(known)];
  }

  const origin = query.get('origin');
  if (origin !== null) {
    const parsed = safeUrl(origin, 'http://invalid.invalid/');
    if (parsed !== null && new URL(parsed).origin === origin) config.origin = origin;
    else config.closed = true;
  }

  for (const name of ['autoplay', 'resize', 'independent'] as const) {
    const value = query.get(name);
    if (value === null) continue;
    if (value === '1' || value === 'true') config[name] = true;
    else if (value !== '0' && value !== 'false') ignore(name, 'bool');
  }
  return { config, warnings };
}

export type { EmbedOptions } from './embed-url.js';
