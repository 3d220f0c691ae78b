/** Why a source failed, in words: loaded only when one does. */
import type { FailureCode } from './media-engine.js';

/** Asks the server what went wrong with `url`, so that the listener reads a reason, not a code. */
export async function diagnose(url: string, mediaErrorCode: number): Promise<{ code: FailureCode; reason: string }> {
  let response: Response | null = null;
  let reachable = false;
  const abort = new AbortController();
  try {
    response = await fetch(url, { signal: abort.signal, cache: 'no-store', credentials: 'same-origin' });
    reachable = true;
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
