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
  track?: InlineTrack;
  /** The track to select first. */
  index?: number;
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
const KNOWN = new Set(['manifest', 'src', 'title', 'program', 'date', 'image', 'download', 'link', 'transcript', 'duration', 'track', 't', 'autoplay', 'theme', 'controls', 'origin', 'resize', 'independent']);

/** Reads the embed page's URL. What cannot be used is left out, with a warning in words for each. */
export function readEmbedParams(href: string): { config: EmbedConfig; warnings: string[] } {
  const warnings: string[] = [];
  const config: EmbedConfig = {};
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return { config, warnings: ['The embed address could not be read.'] };
  }
  const query = url.searchParams;
  const ignore = (name: string, why: string) => warnings.push(`Earshot: ignored "${name}": ${why}.`);
  const refusedUrl = 'only http, https and relative addresses are allowed';
  const readUrl = (name: string, value: string): string | undefined => {
    const safe = safeUrl(value, url.href);
    if (safe === null) ignore(name, refusedUrl);
    return safe ?? undefined;
  };

  for (const name of new Set(query.keys())) if (!KNOWN.has(name)) ignore(name, 'not a parameter of the embed page');

  const manifest = query.get('manifest');
  if (manifest !== null) {
    const safe = readUrl('manifest', manifest);
    if (safe) config.manifest = safe;
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
      else ignore('date', 'not an ISO 8601 date such as 2026-03-24');
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
      else ignore('duration', 'not a length of time');
    }
    if (!config.manifest) config.track = track;
    else warnings.push('Earshot: "manifest" wins over "src"; the one-track parameters were ignored.');
  }

  const index = query.get('track');
  if (index !== null) {
    const n = /^\d{1,3}$/.test(index) ? Number(index) : NaN;
    if (n < MAX_TRACKS) config.index = n;
    else ignore('track', 'not a track number');
  }

  const fragment = new URLSearchParams(url.hash.slice(1)).get('t');
  const t = query.get('t') ?? fragment;
  if (t !== null) {
    const range = parseTimeRange(t);
    if (range) config.range = range;
    else ignore('t', 'not a time or a time range (90, 1:30, 1m30s or START,END)');
  }

  const autoplay = query.get('autoplay');
  if (autoplay !== null) {
    if (autoplay === '1' || autoplay === 'true') config.autoplay = true;
    else if (autoplay !== '0' && autoplay !== 'false') ignore('autoplay', 'use 1 or 0');
  }

  const theme = query.get('theme');
  if (theme !== null) {
    if ((THEMES as readonly string[]).includes(theme)) config.theme = theme as Theme;
    else ignore('theme', 'use light, dark or auto');
  }

  const controls = query.get('controls');
  if (controls !== null) {
    const names = controls.split(',').map((name) => name.trim()).filter(Boolean);
    const known = names.filter((name): name is ControlName => (CONTROL_NAMES as readonly string[]).includes(name));
    for (const name of names) if (!known.includes(name as ControlName)) ignore('controls', `"${name.slice(0, 40)}" is not one of ${CONTROL_NAMES.join(', ')}`);
    config.controls = [...new Set(known)];
  }

  const origin = query.get('origin');
  if (origin !== null) {
    const parsed = safeUrl(origin, 'http://invalid.invalid/');
    if (parsed !== null && new URL(parsed).origin === origin) config.origin = origin;
    else config.closed = true;
  }

  for (const name of ['resize', 'independent'] as const) {
    const value = query.get(name);
    if (value === null) continue;
    if (value === '1' || value === 'true') config[name] = true;
    else if (value !== '0' && value !== 'false') ignore(name, 'use 1 or 0');
  }
  return { config, warnings };
}

export type { EmbedOptions } from './embed-url.js';
