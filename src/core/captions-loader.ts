/**
 * Fetches and reads a track's transcript: loaded with the Transcript panel's first opening, with the captions
 * parser. The answer is held to a manifest's deadline and size limit, each refusal said in words.
 */
import { readTranscript, type TranscriptResult } from './captions.js';
import { MANIFEST_DEADLINE_MS, readAnswer } from './manifest-loader.js';

export async function loadTranscript(url: string, signal?: AbortSignal): Promise<TranscriptResult> {
  const request = new AbortController();
  signal?.addEventListener('abort', () => request.abort());
  const pending = fetch(url, { signal: request.signal, credentials: 'same-origin', headers: { accept: 'text/vtt, application/x-subrip, text/plain;q=0.5, */*;q=0.1' } });
  pending.catch(() => {}); // (its failure is readAnswer's to tell)
  const answer = await readAnswer('transcript', pending, url, signal, request, MANIFEST_DEADLINE_MS);
  if (!answer.ok) return { ok: false, message: answer.message };
  return readTranscript(new TextDecoder().decode(answer.bytes), answer.type ?? undefined);
}
