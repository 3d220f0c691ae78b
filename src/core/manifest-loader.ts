/**
 * Reads the answer to a manifest request: its status, size and JSON, each refusal in words; manifest.ts
 * validates what it holds. Loaded only by players that load a manifest, while the request is on its way.
 * (It imports nothing of the player's own, so that no bundle splits off a shared chunk for it.)
 */
import type { ManifestResult } from './manifest.js';

/** A manifest larger than this is refused before it is parsed. */
export const MAX_MANIFEST_BYTES = 2_000_000;

/** A manifest that has not fully arrived by then is given up, in words, with Retry. */
export const MANIFEST_DEADLINE_MS = 15_000;

/**
 * Parses the answer `pending` to a request for the manifest at `url`, and hands the data to `readManifest`.
 * Throws only when `signal` aborted it (a newer load). `request` is the request's own controller: the
 * reader gives the request up when it misses the deadline or outgrows the size limit.
 */
export async function readManifestResponse(
  pending: Promise<Response>,
  url: string,
  readManifest: (data: unknown, base: string) => ManifestResult,
  signal?: AbortSignal,
  request?: AbortController,
  deadlineMs = MANIFEST_DEADLINE_MS,
): Promise<ManifestResult> {
  const fail = (message: string): ManifestResult => ({ ok: false, message, problems: [] });
  let late = false;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  // Whatever is awaited loses to the deadline, which also gives the request up (a body then stops too).
  const timeUp = new Promise<never>((_, reject) => {
    deadline = setTimeout(() => {
      late = true;
      request?.abort();
      reject(new DOMException('The manifest took too long.', 'TimeoutError'));
    }, deadlineMs);
  });
  timeUp.catch(() => {});
  const inTime = <T>(promise: Promise<T>) => Promise.race([promise, timeUp]);
  const lost = (error: unknown, message: string): ManifestResult => {
    const seconds = Math.ceil(deadlineMs / 1000);
    if (late) return fail(`The manifest did not arrive within ${seconds} second${seconds === 1 ? '' : 's'}: the server is too slow or not answering.`);
    if (signal?.aborted) throw error;
    return fail(message);
  };
  try {
    let response: Response;
    try {
      response = await inTime(pending);
    } catch (error) {
      return lost(error, 'The manifest could not be fetched: the network or the server refused the request.');
    }
    if (!response.ok) return fail(`The manifest could not be fetched: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
    if (Number(response.headers.get('content-length')) > MAX_MANIFEST_BYTES) {
      request?.abort();
      return fail('The manifest is too large.');
    }
    let text: string;
    try {
      const body = await inTime(readLimited(response, MAX_MANIFEST_BYTES));
      if (body === null) {
        request?.abort();
        return fail('The manifest is too large.');
      }
      text = body;
    } catch (error) {
      return lost(error, 'The manifest could not be fetched: the connection was lost.');
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return fail('The manifest is not valid JSON.');
    }
    return readManifest(data, response.url || url);
  } finally {
    clearTimeout(deadline);
  }
}

/**
 * The body as text, counting its bytes as they come (after any Content-Encoding is undone): null, and the
 * rest never read, once it passes `limit`. A small compressed bomb is refused after `limit` bytes, not
 * after it has grown to its full size.
 */
async function readLimited(response: Response, limit: number): Promise<string | null> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
