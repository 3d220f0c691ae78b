/**
 * Fetches and reads a track's transcript and chapters: loaded with the captions parser when a track needs
 * them (the Transcript panel's first opening; a track with chapters). Each answer is held to a manifest's
 * deadline and size limit, and each refusal is said in words.
 */
import { readChapters, readTranscript, type ChaptersResult, type TranscriptResult } from './captions.js';
import { decodeText, MANIFEST_DEADLINE_MS, readAnswer } from './manifest-loader.js';
import type { Chapter } from './state.js';
import { segmentStart, type Track } from './track.js';

async function fetchText(what: 'transcript' | 'chapters', url: string, accept: string): Promise<{ ok: true; text: string; type?: string } | { ok: false; message: string }> {
  const request = new AbortController();
  const pending = fetch(url, { signal: request.signal, credentials: 'same-origin', headers: { accept } });
  pending.catch(() => {}); // (its failure is readAnswer's to tell)
  const answer = await readAnswer(what, pending, url, undefined, request, MANIFEST_DEADLINE_MS);
  if (!answer.ok) return { ok: false, message: answer.message };
  return { ok: true, text: decodeText(answer.bytes, answer.type), ...(answer.type ? { type: answer.type } : {}) };
}

export async function loadTranscript(url: string): Promise<TranscriptResult> {
  const answer = await fetchText('transcript', url, 'text/vtt, application/x-subrip, text/plain;q=0.5, */*;q=0.1');
  return answer.ok ? readTranscript(answer.text, answer.type) : answer;
}

/** The chapters of `track` (an address, or the list itself), with times from the start of its segment. */
export async function loadChapters(track: Track): Promise<{ ok: true; chapters: Chapter[] } | { ok: false; message: string }> {
  const source = track.chapters;
  let result: ChaptersResult;
  if (typeof source === 'string') {
    const answer = await fetchText('chapters', source, 'application/json+chapters, application/json, text/vtt;q=0.9, */*;q=0.1');
    if (!answer.ok) return answer;
    result = await readChapters(answer.text, answer.type);
  } else result = await readChapters(source ?? []);
  return result.ok ? { ok: true, chapters: chaptersOfPart(result.chapters, track) } : result;
}

/**
 * The chapters of `all` (file times, in order) within `track`'s part, with times from its start: the chapter
 * under way where the part begins starts at 0, those before it are left out.
 */
export function chaptersOfPart(all: readonly Chapter[], track: Track): Chapter[] {
  const base = segmentStart(track);
  const end = track.end ?? Infinity;
  const inPart = all.filter((chapter) => chapter.start < end);
  let first = 0;
  inPart.forEach((chapter, i) => {
    if (chapter.start <= base) first = i;
  });
  return inPart.slice(first).map((chapter) => ({ title: chapter.title, start: Math.max(0, chapter.start - base) }));
}
