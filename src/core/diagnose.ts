/** Why a source failed, in words: loaded only when one does. */
import type { FailureCode } from './media-engine.js';

/** Asks the server what went wrong with `url`, so that the listener reads a reason, not a code. */
export async function diagnose(url: string, mediaErrorCode: number): Promise<{ code: FailureCode; reason: string }> {
  let response: Response | null = null;
  let reachable = false;
  let cutOff = false;
  const abort = new AbortController();
  try {
    response = await fetch(url, { signal: abort.signal, cache: 'no-store', credentials: 'same-origin' });
    reachable = true;
    // A server that drops the connection mid-file sends good headers: only reading the bytes tells it from
    // a damaged file. (The first megabytes at most: enough for a start that failed.)
    if (response.ok) cutOff = !(await readsWhole(response, DIAGNOSE_BYTES));
  } catch {
    try {
      await fetch(url, { signal: abort.signal, mode: 'no-cors', cache: 'no-store' });
      reachable = true;
    } catch {
      reachable = false;
    }
  } finally {
    abort.abort();
  }
  if (cutOff) return { code: 'network', reason: 'the connection was lost while loading' };
  if (response && !response.ok) {
    return { code: 'network', reason: `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
  }
  if (mediaErrorCode === 2) return { code: 'network', reason: 'the connection was lost while loading' };
  if (!reachable) return { code: 'network', reason: 'the server could not be reached' };
  if (response && !/^(audio|video)\/|octet-stream/.test(response.headers.get('content-type') ?? 'audio/')) {
    return { code: 'decode', reason: `the server sent ${response.headers.get('content-type')}, not audio` };
  }
  return { code: 'decode', reason: 'the file is damaged or in a format this browser cannot play' };
}

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
