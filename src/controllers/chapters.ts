/**
 * A track's chapters, read when the listener first plays it or opens a panel (lazy-features.ts). They go into
 * the core's state, which names them in the Seek slider's words, lists them in the Playlist panel, and moves
 * Previous and Next by them; this module also marks them on the timeline.
 */
import { css, type LitElement } from 'lit';
import { loadChapters } from '../core/captions-loader.js';
import type { Playback } from '../core/playback.js';
import type { Chapter } from '../core/state.js';
import type { Track } from '../core/track.js';
import { adoptStyles } from '../elements/adopt-styles.js';

/**
 * The marks: thin lines over the slider's track where chapters begin, drawn as a gradient (set from script
 * through the CSSOM, which a strict Content-Security-Policy allows) between the thumb's two end positions.
 */
const styles = css`
  .seek::after {
    content: '';
    position: absolute;
    left: 8px;
    right: 8px;
    top: calc(50% - 5px);
    height: 10px;
    background: var(--_marks, none);
    opacity: 0.6;
    pointer-events: none;
  }
`;

/** The gradient that marks where each chapter after the first begins, on a timeline `duration` seconds long. */
export function chapterMarks(chapters: readonly Chapter[], duration: number): string {
  if (!(duration > 0)) return 'none';
  const stops = chapters
    .filter(({ start }) => start > 0 && start < duration)
    .map(({ start }) => {
      const at = `${((start / duration) * 100).toFixed(3)}%`;
      return `transparent calc(${at} - 1px), currentColor calc(${at} - 1px) calc(${at} + 1px), transparent calc(${at} + 1px)`;
    });
  return stops.length === 0 ? 'none' : `linear-gradient(to right, ${stops.join(', ')})`;
}

const watched = new WeakSet<Playback>();
/** Each track's chapters, read once (or why they could not be), whichever player asks. */
const read = new WeakMap<Track, Promise<Awaited<ReturnType<typeof loadChapters>>>>();
/** The chapters read, by track: put back when the track is loaded again (another track, Retry, a move in the page). */
const known = new WeakMap<Track, readonly Chapter[]>();

/** How far into a chapter Previous goes back to its start rather than to the chapter before (as for tracks). */
const RESTART_AFTER = 3;

/**
 * Where Next (1) or Previous (-1) goes among `chapters` from `time` (seconds into the track): the next
 * chapter's start; this chapter's start, or the one before when `time` is within 3 s of this one's start.
 * Undefined: past the last chapter, or before the first, where Next and Previous go to another track.
 */
export function chapterStep(chapters: readonly Chapter[], time: number, step: 1 | -1): number | undefined {
  let at = -1;
  while (at + 1 < chapters.length && chapters[at + 1]!.start <= time + 0.5) at += 1;
  if (step > 0) return chapters[at + 1]?.start;
  if (at < 0) return undefined;
  return time - chapters[at]!.start > RESTART_AFTER ? chapters[at]!.start : chapters[at - 1]?.start;
}

/** Reads `track`'s chapters into `playback`'s state (the first play, or the Playlist's opening); once per track. */
export async function loadTrackChapters(host: LitElement, playback: Playback, track: Track): Promise<void> {
  if (!track.chapters) return;
  if (!watched.has(playback)) {
    watched.add(playback);
    adoptStyles(host, styles);
    playback.within = (step) => chapterStep(playback.state.chapters, playback.currentTime, step);
    // The marks follow the chapters and the duration; the slider's box keeps them across renders. Loading a
    // track again clears its chapters in the state: they are put back from what was read.
    let drawn: [readonly Chapter[], number] | undefined;
    playback.store.subscribe(({ chapters, duration, queue, index }) => {
      const again = queue[index] && chapters.length === 0 ? known.get(queue[index]) : undefined;
      if (again) return playback.setChapters(queue[index]!, again);
      const seek = host.shadowRoot?.querySelector<HTMLElement>('.seek');
      if (!seek || (drawn?.[0] === chapters && drawn[1] === duration)) return;
      drawn = [chapters, duration];
      seek.style.setProperty('--_marks', chapterMarks(chapters, duration));
    });
  }
  let reading = read.get(track);
  const first = !reading;
  if (!reading) read.set(track, (reading = loadChapters(track)));
  const result = await reading;
  if (result.ok) {
    known.set(track, result.chapters);
    playback.setChapters(track, result.chapters);
  } else if (first) playback.warn({ code: 'manifest', message: result.message }, { alert: false });
}
