/** Why a source failed, in words: loaded only when one does. */
import type { FailureCode } from './media-engine.js';

/** Asks the server what went wrong with `url`, so that the listener reads a reason, not a code. */
export async function diagnose(url: string, mediaErrorCode: number, deadlineMs = DIAGNOSE_MS): Promise<{ code: FailureCode; reason: string }> {
  let response: Response | null = null;
  let reachable = false;
  let cutOff = false;
  // The question has a deadline too: a server that never answers must not keep the listener waiting.
  let late = false;
  const abort = new AbortController();
  const timer = setTimeout(() => {
    late = true;
    abort.abort();
  }, deadlineMs);
  try {
    response = await fetch(url, { signal: abort.signal, cache: 'no-store', credentials: 'same-origin' });
    reachable = true;
    // A server that drops the connection mid-file sends good headers: only reading the bytes tells it from
    // a damaged file. (The first megabytes at most: enough for a start that failed; a slow read stopped by the
    // deadline tells nothing.)
    if (response.ok) cutOff = !(await readsWhole(response, DIAGNOSE_BYTES)) && !late;
  } catch {
    if (late) return { code: 'network', reason: 'the server stopped answering' };
    try {
      await fetch(url, { signal: abort.signal, mode: 'no-cors', cache: 'no-store' });
      reachable = true;
    } catch {
      reachable = false;
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  if (cutOff) return { code: 'network', reason: 'the connection was lost while loading' };
  if (response && !response.ok) {
    return { code: 'network', reason: `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
  }
  if (mediaErrorCode === 2) return { code: 'network', reason: 'the connection was lost while loading' };
  if (!reachable) return { code: 'network', reason: 'the server could not be reached' };
  const type = response?.headers.get('content-type')?.split(';')[0]!.trim() || 'audio/';
  if (!/^(audio|video)\/|octet-stream/.test(type)) return { code: 'decode', reason: `the server sent ${type}, not audio` };
  return { code: 'decode', reason: 'the file is damaged or in a format this browser cannot play' };
}

/** How long the server has to answer that question (ms). */
const DIAGNOSE_MS = 8000;

/** How much of a failed file is read again to tell a dropped connection from a damaged file. */
const DIAGNOSE_BYTES = 4 * 1024 * 1024;

/** Reads up to `limit` bytes of the body: false when the connection broke before that or the end. */
async function readsWhole(response: Response, limit: number): Promise<boolean> {
  const reader = response.body?.getReader();
  if (!reader) return true;
  let read = 0;
  try {
    while (read < limit) {
      const { done, value } = await reader.read();
      if (done) return true;
      read += value.byteLength;
    }
    return true;
  } catch {
    return false;
  } finally {
    void reader.cancel().catch(() => {});
  }
}
