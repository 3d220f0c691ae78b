/** Unknown JSON in, validated tracks out: a manifest can be wrong, never dangerous. */
import { MAX_TIME } from './time.js';
import { fileTitle, type AudioSource, type Track } from './track.js';
import { safeUrl } from './url.js';

export const MAX_TRACKS = 500;
export const MAX_SOURCES = 8;

/** The longest each text field may be, in characters. */
export const TEXT_LIMITS = { title: 300, program: 300, imageAlt: 1000, date: 40, id: 100 } as const;
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TYPE_PATTERN = /^audio\/[a-z0-9.+-]+(?:\s*;\s*codecs=("?)[a-z0-9., -]+\1)?$/i;

/** Something the player refused or dropped, said in words. */
export interface ManifestProblem {
  code: 'invalid-url' | 'manifest';
  message: string;
  index?: number;
}

export type ManifestResult =
  | { ok: true; title?: string; tracks: Track[]; problems: ManifestProblem[] }
  | { ok: false; message: string; problems: ManifestProblem[] };

/** Cuts a string to `limit` characters without splitting one; null for non-strings and blanks. */
export function cleanText(value: unknown, limit: number): string | null {
  if (typeof value !== 'string') return null;
  // Control characters and broken surrogate pairs are nothing a listener can read.
  // Nor are direction overrides and isolates, which would make the text read as something else (in the
  // player and in the snippet alike).
  const text = value
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/\s+/g, ' ')
    .trim();
  // Nothing a listener can see: no text.
  if (/^[\s\p{Default_Ignorable_Code_Point}]*$/u.test(text)) return null;
  if (text.length <= limit) return text;
  return Array.from(text).slice(0, limit).join('').trimEnd();
}

/** An ISO 8601 date (`2026-03-24`, or with a time), or null. */
export function cleanDate(value: unknown): string | null {
  const date = cleanText(value, TEXT_LIMITS.date);
  return date !== null && DATE_PATTERN.test(date) && !Number.isNaN(Date.parse(date)) ? date : null;
}

function cleanSeconds(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_TIME ? n : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own data property only: no getters, nothing from the prototype chain. */
function field(record: Record<string, unknown>, name: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(record, name);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

class TrackReader {
  readonly problems: ManifestProblem[] = [];
  constructor(
    readonly base: string,
    readonly index: number,
    readonly label: string,
  ) {}

  url(name: string, value: unknown): string | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    const url = safeUrl(value, this.base);
    if (url === null) {
      this.problems.push({
        code: 'invalid-url',
        index: this.index,
        message: `${this.label}: the ${name} address was refused (only http, https and relative addresses are allowed).`,
      });
      return undefined;
    }
    return url;
  }

  sources(value: unknown): AudioSource[] {
    const list = Array.isArray(value) ? value.slice(0, MAX_SOURCES) : [value];
    const sources: AudioSource[] = [];
    for (const item of list) {
      const raw = isRecord(item) ? field(item, 'src') : item;
      const src = this.url('audio', raw);
      if (src === undefined) continue;
      const type = isRecord(item) ? field(item, 'type') : undefined;
      sources.push(typeof type === 'string' && TYPE_PATTERN.test(type.trim()) ? { src, type: type.trim() } : { src });
    }
    return sources;
  }
}

/** Validates one track; `position` is its place in the manifest, the default id. */
export function readTrack(
  data: unknown,
  base: string,
  position = 0,
): { track: Track | null; problems: ManifestProblem[] } {
  const label = `Track ${position + 1}`;
  const reader = new TrackReader(base, position, label);
  const refuse = (message: string) => {
    reader.problems.push({ code: 'manifest', index: position, message: `${label} ${message}` });
    return { track: null, problems: reader.problems };
  };
  if (!isRecord(data)) return refuse('is not an object.');
  const given = field(data, 'title');
  const cleaned = cleanText(given, TEXT_LIMITS.title);
  if (cleaned === null && typeof given !== 'string') return refuse('has no title.');
  const src = reader.sources(field(data, 'src'));
  // A title with nothing visible left (only invisible or direction characters) is named after its file.
  const title = cleaned ?? (src[0] ? fileTitle(src[0].src) : null);
  if (title === null) return refuse('has no title.');
  if (src.length === 0) return refuse(`("${title}") has no audio address that can be used.`);

  const track: Track = { id: String(position), title, src };
  const id = cleanText(field(data, 'id'), TEXT_LIMITS.id);
  if (id !== null && ID_PATTERN.test(id)) track.id = id;
  const program = cleanText(field(data, 'program'), TEXT_LIMITS.program);
  if (program !== null) track.program = program;
  const date = cleanDate(field(data, 'date'));
  if (date !== null) track.date = date;
  const image = reader.url('image', field(data, 'image'));
  if (image !== undefined) track.image = image;
  const imageAlt = cleanText(field(data, 'imageAlt'), TEXT_LIMITS.imageAlt);
  if (imageAlt !== null) track.imageAlt = imageAlt;
  const chapters = field(data, 'chapters');
  for (const name of ['link', 'transcript', 'chapters'] as const) {
    const url = name === 'chapters' && Array.isArray(chapters) ? undefined : reader.url(name, field(data, name));
    if (url !== undefined) track[name] = url;
  }
  // A list of chapters is read where it is used (captions.ts); here it is only kept, at most 500 of them.
  if (Array.isArray(chapters) && chapters.length > 0) track.chapters = chapters.slice(0, MAX_TRACKS);

  const download = field(data, 'download');
  if (download === false || download === 'false' || download === '0') track.download = false;
  else {
    const url = reader.url('download', download);
    if (url !== undefined) track.download = url;
  }

  const duration = cleanSeconds(field(data, 'duration'));
  if (duration !== null && duration > 0) track.duration = duration;
  const start = cleanSeconds(field(data, 'start'));
  const end = cleanSeconds(field(data, 'end'));
  if (start !== null && start > 0) track.start = start;
  if (end !== null && end > (track.start ?? 0)) track.end = end;
  return { track, problems: reader.problems };
}

/**
 * Checks a URL that belongs to the track at `position` but that readTrack does not read (a feed's transcript
 * or chapters), with the same refusal in the same words.
 */
export function readTrackUrl(name: string, value: unknown, base: string, position = 0): { url?: string; problems: ManifestProblem[] } {
  const reader = new TrackReader(base, position, `Track ${position + 1}`);
  const url = reader.url(name, value);
  return url === undefined ? { problems: reader.problems } : { url, problems: reader.problems };
}

/**
 * Validates a manifest: `{title?, tracks}`, a bare array of tracks or a bare track.
 * Tracks that cannot play are dropped with a problem each; no playable track at all is a failure.
 */
export function readManifest(data: unknown, base: string): ManifestResult {
  const problems: ManifestProblem[] = [];
  let list: unknown[];
  let title: string | null = null;
  if (Array.isArray(data)) list = data;
  else if (isRecord(data) && Array.isArray(field(data, 'tracks'))) {
    list = field(data, 'tracks') as unknown[];
    title = cleanText(field(data, 'title'), TEXT_LIMITS.title);
  } else if (isRecord(data) && (field(data, 'src') !== undefined || field(data, 'title') !== undefined)) list = [data];
  else {
    return { ok: false, problems, message: 'The manifest is not a track, a list of tracks or an object with "tracks".' };
  }
  if (list.length > MAX_TRACKS) {
    problems.push({ code: 'manifest', message: `The manifest lists ${list.length} tracks; only the first ${MAX_TRACKS} are used.` });
    list = list.slice(0, MAX_TRACKS);
  }
  const tracks: Track[] = [];
  list.forEach((item, position) => {
    const result = readTrack(item, base, position);
    problems.push(...result.problems);
    if (result.track) tracks.push(result.track);
  });
  if (tracks.length === 0) {
    const reason = problems.find((p) => p.code === 'manifest')?.message;
    return { ok: false, problems, message: `The manifest has no playable track.${reason ? ` ${reason}` : ''}` };
  }
  return title === null ? { ok: true, tracks, problems } : { ok: true, title, tracks, problems };
}

/**
 * Asks for the manifest at `url` (already checked by safeUrl). manifest-loader.ts reads the answer: it
 * loads meanwhile, and only in players that load a manifest. The request has its own controller, which
 * `signal` (a newer load) aborts, and which the reader aborts at its deadline or size limit.
 */
export function requestManifest(url: string, signal?: AbortSignal): { pending: Promise<Response>; request: AbortController } {
  return startRequest(url, 'application/json', signal);
}

/** Asks for the podcast feed at `url` as requestManifest asks for a manifest; manifest-loader.ts reads it too. */
export function requestFeed(url: string, signal?: AbortSignal): { pending: Promise<Response>; request: AbortController } {
  // Still a CORS-safelisted Accept (under 128 bytes, no unsafe characters): no preflight, which most feed
  // hosts would not answer.
  return startRequest(url, 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1', signal);
}

function startRequest(url: string, accept: string, signal?: AbortSignal): { pending: Promise<Response>; request: AbortController } {
  const request = new AbortController();
  signal?.addEventListener('abort', () => request.abort());
  const pending = fetch(url, { signal: request.signal, credentials: 'same-origin', headers: { accept } });
  pending.catch(() => {}); // (its failure is the reader's to tell)
  return { pending, request };
}
