/** A track as the player holds it once validated: every URL absolute and safe, every string cut to size. */

export interface AudioSource {
  src: string;
  type?: string;
}

export interface Track {
  /** Stable id: letters, digits, `-`, `_`; the position when none was given. */
  id: string;
  title: string;
  program?: string;
  /** Air date, ISO 8601. */
  date?: string;
  image?: string;
  imageAlt?: string;
  /** The audio, in order of preference. */
  src: AudioSource[];
  /** Length of the whole file in seconds, when known in advance. */
  duration?: number;
  /** The segment [start, end) of the file that is this track. */
  start?: number;
  end?: number;
  /** The file Download offers; false hides Download. */
  download?: string | false;
  link?: string;
  /** The words of the track: WebVTT or SRT, times from the start of the file. */
  transcript?: string;
  /**
   * Chapters, times from the start of the file: the address of podcast-namespace JSON or WebVTT chapters, or
   * the list itself (`{startTime, title}`, read by captions.ts when it is needed).
   */
  chapters?: string | readonly unknown[];
}

/** Where the track's segment starts in the file. */
export function segmentStart(track: Track): number {
  return track.start ?? 0;
}

/** The segment's length, from the file's length when the track does not end before it. */
export function segmentDuration(track: Track, fileDuration: number | undefined): number {
  const start = segmentStart(track);
  const fileEnd = fileDuration !== undefined && Number.isFinite(fileDuration) ? fileDuration : undefined;
  const end = track.end !== undefined && (fileEnd === undefined || track.end < fileEnd) ? track.end : fileEnd;
  return end === undefined ? NaN : Math.max(0, end - start);
}

/**
 * The part [range.start, range.end) of a track, counted from the start of its own segment; null when
 * that part is empty.
 */
export function clipTrack(track: Track, range: { start: number; end?: number }): Track | null {
  const base = segmentStart(track);
  const start = base + range.start;
  const ends = [track.end, range.end === undefined ? undefined : base + range.end].filter((n): n is number => n !== undefined);
  const end = ends.length > 0 ? Math.min(...ends) : undefined;
  if (end !== undefined && end <= start) return null;
  if (track.duration !== undefined && start >= track.duration) return null;
  const clipped: Track = { ...track };
  if (start > 0) clipped.start = start;
  else delete clipped.start;
  if (end !== undefined) clipped.end = end;
  return clipped;
}

/** Two tracks are the same saved item when they play the same part of the same file. */
export function trackKey(track: Track): string {
  return `${track.src[0]?.src ?? ''}#${track.start ?? 0}-${track.end ?? ''}`;
}

/** `…/the-storm_1987.mp3` → `the storm 1987`. */
export function fileTitle(src: string): string {
  const name = src.split(/[?#]/)[0]!.split('/').pop() ?? '';
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // keep the raw name
  }
  return decoded.replace(/\.[a-z0-9]{2,5}$/i, '').replace(/[-_]+/g, ' ').trim() || 'Audio';
}

/** Tracks longer than this remember where the listener stopped. */
export const RESUME_MIN_LENGTH = 120;

/** Is the track (or segment) long enough to be worth resuming? `duration` is the segment's, once known. */
export function isLongTrack(track: Track, duration: number): boolean {
  const length = Number.isFinite(duration) ? duration : (track.duration ?? 0) - (track.start ?? 0);
  return length > RESUME_MIN_LENGTH;
}
