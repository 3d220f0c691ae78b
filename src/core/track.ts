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
