/**
 * A podcast's RSS 2.0 feed read as a manifest: its episodes become plain track objects that manifest.ts
 * validates as it validates JSON, so every check, limit and refusal is the same. Loaded only by players
 * given a feed. Only text and attributes are read from the feed: nothing of it ever becomes HTML.
 */
import { extensionOfUrl, formatOf } from './formats.js';
import { MAX_TRACKS, readManifest, readTrackUrl, TEXT_LIMITS, type ManifestProblem } from './manifest.js';
import { parseTime } from './time.js';
import type { Track } from './track.js';

// Elements are told apart by namespace, whatever prefix a feed gives them; RSS's own have none. Each
// namespace has an older or misspelt URI that feeds still use.
const ITUNES = ['http://www.itunes.com/dtds/podcast-1.0.dtd', 'https://www.itunes.com/dtds/podcast-1.0.dtd'];
const PODCAST = ['https://podcastindex.org/namespace/1.0', 'https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md'];

/** Transcript types the player reads, best first. */
const TRANSCRIPT_TYPES = ['text/vtt', 'application/x-subrip', 'application/srt'];

/** A guid longer than this is not kept: an embed address that names it would be too long. */
const MAX_GUID = 1000;

/** A track read from a feed: a manifest's track, with the item's guid and the addresses of its words. */
export interface FeedTrack extends Track {
  /** The item's `guid`, as the feed gives it: what the embed page's `track` parameter names. */
  guid?: string;
}

export type FeedResult =
  | { ok: true; title?: string; tracks: FeedTrack[]; problems: ManifestProblem[] }
  | { ok: false; message: string; problems: ManifestProblem[] };

interface Episode {
  /** A track as a JSON manifest would give it. */
  data: Record<string, unknown>;
  /** When it was published, for the order; undefined when the feed does not say or cannot be read. */
  time: number | undefined;
  guid: string | undefined;
  transcript: string | undefined;
  chapters: string | undefined;
}

/**
 * Reads the RSS 2.0 feed `text`, whose own URL is `base`: its episodes with audio, newest first, as a
 * manifest's tracks. Never throws: a feed that cannot be read is a failure in words.
 */
export function readFeed(text: string, base: string): FeedResult {
  const failure = (message: string): FeedResult => ({ ok: false, message, problems: [] });
  // Whitespace before the XML declaration makes the document ill-formed, and some servers send it.
  const doc = new DOMParser().parseFromString(text.trimStart(), 'application/xml');
  const root = doc.documentElement;
  // Browsers report a parse error as a <parsererror> element, in the document or as its root.
  if (!root || doc.getElementsByTagName('parsererror').length > 0) return failure('This feed could not be read: it is not well-formed XML.');
  if (root.localName !== 'rss' || root.namespaceURI !== null) {
    return failure(`This feed could not be read: it is not RSS (the root element is <${root.nodeName.slice(0, 60)}>).`);
  }
  const channel = child(root, 'channel');
  if (!channel) return failure('This feed could not be read: it has no <channel>.');

  const programme = textOf(child(channel, 'title'));
  const channelImage = attribute(child(channel, 'image', ITUNES), 'href') ?? textOf(child(child(channel, 'image'), 'url'));
  const items = children(channel, 'item');
  const episodes: Episode[] = [];
  for (const item of items) {
    const episode = readItem(item, base, programme, channelImage);
    if (episode) episodes.push(episode);
  }

  const notes: ManifestProblem[] = [];
  const skipped = items.length - episodes.length;
  if (skipped > 0) {
    const one = skipped === 1;
    notes.push({ code: 'manifest', message: `${skipped} item${one ? '' : 's'} of the feed ${one ? 'has' : 'have'} no audio enclosure and ${one ? 'was' : 'were'} skipped.` });
  }
  if (episodes.length === 0) {
    const why = items.length === 0 ? 'it lists no items' : `none of its ${items.length} item${items.length === 1 ? '' : 's'} has an audio enclosure`;
    return { ok: false, message: `This feed has no playable episode: ${why}.`, problems: notes };
  }
  // A stable sort: episodes published at the same moment, and those without a date, keep the feed's order.
  episodes.sort((a, b) => (a.time === undefined ? (b.time === undefined ? 0 : 1) : b.time === undefined ? -1 : b.time - a.time));
  if (episodes.length > MAX_TRACKS) {
    notes.push({ code: 'manifest', message: `The feed lists ${episodes.length} episodes with audio; only the newest ${MAX_TRACKS} are used.` });
    episodes.length = MAX_TRACKS;
  }

  const result = readManifest({ title: programme, tracks: episodes.map((episode) => episode.data) }, base);
  const problems = [...notes, ...result.problems];
  if (!result.ok) {
    const reason = result.problems.find((p) => p.code === 'manifest')?.message;
    return { ok: false, message: `This feed has no playable episode.${reason ? ` ${reason}` : ''}`, problems };
  }
  // readManifest refuses a track with a 'manifest' problem at its position; the others keep their order.
  const refused = new Set(result.problems.filter((p) => p.code === 'manifest').map((p) => p.index));
  const positions = episodes.map((_, position) => position).filter((position) => !refused.has(position));
  const tracks: FeedTrack[] = result.tracks;
  // (Should they ever not match, a guid on the wrong episode would be worse than none.)
  if (positions.length === tracks.length) {
    tracks.forEach((track, i) => {
      const position = positions[i]!;
      const episode = episodes[position]!;
      if (episode.guid !== undefined) track.guid = episode.guid;
      for (const name of ['transcript', 'chapters'] as const) {
        const checked = readTrackUrl(name, episode[name], base, position);
        problems.push(...checked.problems);
        if (checked.url !== undefined) track[name] = checked.url;
      }
    });
  }
  return result.title === undefined ? { ok: true, tracks, problems } : { ok: true, title: result.title, tracks, problems };
}

/**
 * The track that the embed page's `track` parameter names among a feed's tracks: the one whose guid it is,
 * else the one at that index (newest first). Undefined when it names none.
 */
export function feedTrackIndex(tracks: readonly { guid?: string }[], value: string): number | undefined {
  const wanted = value.trim();
  const byGuid = tracks.findIndex((track) => track.guid === wanted);
  if (byGuid >= 0) return byGuid;
  const index = /^\d{1,3}$/.test(wanted) ? Number(wanted) : NaN;
  return index < tracks.length ? index : undefined;
}

/** One `<item>` as a manifest's track; null when it has no audio enclosure. */
function readItem(item: Element, base: string, programme: string | undefined, channelImage: string | undefined): Episode | null {
  const src = children(item, 'enclosure').flatMap((enclosure) => {
    const url = attribute(enclosure, 'url');
    const type = attribute(enclosure, 'type');
    if (url === undefined) return [];
    if (type !== undefined) return /^audio\//i.test(type) ? [{ src: url, type }] : [];
    return hasAudioExtension(url, base) ? [{ src: url }] : [];
  });
  if (src.length === 0) return null;

  const published = readPubDate(textOf(child(item, 'pubDate')));
  const guid = textOf(child(item, 'guid'));
  const duration = textOf(child(item, 'duration', ITUNES));
  const data: Record<string, unknown> = {
    // An episode without a title still plays: a blank title is named after its file, as in a manifest.
    title: textOf(child(item, 'title')) ?? textOf(child(item, 'title', ITUNES)) ?? '',
    src,
    program: textOf(child(item, 'source')) ?? programme,
    date: published?.date,
    duration: duration === undefined ? undefined : (parseTime(duration) ?? undefined),
    image: attribute(child(item, 'image', ITUNES), 'href') ?? channelImage,
    link: textOf(child(item, 'link')),
  };
  // readTrack would cut a long id to size, and a guid cut short names no item: such a guid is no id.
  if (guid !== undefined && guid.length <= TEXT_LIMITS.id) data.id = guid;

  const transcripts = children(item, 'transcript', PODCAST);
  const typeOf = (element: Element) => attribute(element, 'type')?.split(';')[0]!.trim().toLowerCase();
  const transcript = TRANSCRIPT_TYPES.flatMap((type) => transcripts.filter((element) => typeOf(element) === type))
    .map((element) => attribute(element, 'url'))
    .find((url) => url !== undefined);
  return {
    data,
    time: published?.time,
    guid: guid !== undefined && guid.length <= MAX_GUID ? guid : undefined,
    transcript,
    chapters: attribute(child(item, 'chapters', PODCAST), 'url'),
  };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Hours from UTC. Military letters count as UTC, as RFC 5322 advises; so do zones RFC 822 does not name. */
const ZONES: Record<string, number> = { edt: -4, est: -5, cdt: -5, cst: -6, mdt: -6, mst: -7, pdt: -7, pst: -8 };
// `Tue, 24 Mar 2026 06:00:00 +0000`; feeds also write full names, no weekday, no seconds or no time at all.
const RFC_822 = /^(?:[a-z]+\.?,?\s*)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([+-]\d{4}|[a-z]{1,5}))?$/i;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A `pubDate` as the date the publisher wrote (`2026-03-24`, in their own time zone: that is the air date)
 * and the moment it names (for the order). Some feeds write ISO 8601 instead; both are read.
 */
function readPubDate(value: string | undefined): { date: string; time: number } | null {
  if (value === undefined || value.length > 80) return null;
  let year: number, month: number, day: number, zone: number;
  let hours = 0, minutes = 0, seconds = 0;
  const rfc = RFC_822.exec(value);
  const iso = rfc ? null : ISO_8601.exec(value);
  if (rfc) {
    // A month's name or the start of it (`Mar`, `Sept`, `March`).
    const name = rfc[2]!.toLowerCase();
    month = MONTHS.findIndex((full) => full.startsWith(name));
    if (month < 0) return null;
    day = Number(rfc[1]);
    year = rfc[3]!.length === 2 ? Number(rfc[3]) + (Number(rfc[3]) < 50 ? 2000 : 1900) : Number(rfc[3]);
    if (rfc[4] !== undefined) [hours, minutes, seconds] = [Number(rfc[4]), Number(rfc[5]), Number(rfc[6] ?? 0)];
    zone = zoneMinutes(rfc[7]);
  } else if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])];
    if (iso[4] !== undefined) [hours, minutes, seconds] = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
    zone = zoneMinutes(iso[7]);
  } else return null;
  if (hours > 23 || minutes > 59 || seconds > 60) return null;
  const calendar = new Date(Date.UTC(year, month, day));
  // (Date.UTC reads years 0 to 99 as 1900 to 1999: a date that does not come back as it went in is refused.)
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month || calendar.getUTCDate() !== day) return null;
  const date = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { date, time: calendar.getTime() + ((hours * 60 + minutes - zone) * 60 + seconds) * 1000 };
}

/** `+0530`, `-05:00`, `Z`, `EST` → minutes from UTC. */
function zoneMinutes(zone: string | undefined): number {
  if (zone === undefined) return 0;
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (offset) return (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return (ZONES[zone.toLowerCase()] ?? 0) * 60;
}

/** An address with no type is audio when its file is one the player knows (`.mp3`, `.m4a`…). */
function hasAudioExtension(url: string, base: string): boolean {
  let absolute: string;
  try {
    absolute = new URL(url, base).href;
  } catch {
    return false;
  }
  const extension = extensionOfUrl(absolute);
  // formatOf names a known extension as itself, and guesses mp3 for any other.
  return extension !== undefined && formatOf({ src: absolute }) === extension;
}

function children(parent: Element | undefined, name: string, namespaces: string[] | null = null): Element[] {
  if (!parent) return [];
  return Array.from(parent.children).filter(
    (element) => element.localName === name && (namespaces === null ? element.namespaceURI === null : namespaces.includes(element.namespaceURI ?? '')),
  );
}

/** The first child element `name` (in one of `namespaces`, or in none): never a deeper one (an image's title is no channel's). */
function child(parent: Element | undefined, name: string, namespaces: string[] | null = null): Element | undefined {
  return children(parent, name, namespaces)[0];
}

/** An element's text (the parser has already undone entities and CDATA), trimmed; undefined when blank. */
function textOf(element: Element | undefined): string | undefined {
  const value = element?.textContent?.trim();
  return value ? value : undefined;
}

function attribute(element: Element | undefined, name: string): string | undefined {
  const value = element?.getAttributeNS(null, name)?.trim();
  return value ? value : undefined;
}
