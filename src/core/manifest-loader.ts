/**
 * Reads the answer to a manifest request: its status, size and JSON, each refusal in words; manifest.ts
 * validates what it holds. The same for a podcast feed, whose text feed.ts reads. Loaded only by players
 * that load a manifest or a feed, while the request is on its way.
 * (It imports nothing of the player's own, so that no bundle splits off a shared chunk for it.)
 */
import type { ManifestResult } from './manifest.js';

/** A manifest (or a feed) larger than this is refused before it is parsed. */
export const MAX_MANIFEST_BYTES = 2_000_000;

/** A manifest (or a feed) that has not fully arrived by then is given up, in words, with Retry. */
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
  const answer = await readAnswer('manifest', pending, url, signal, request, deadlineMs);
  if (!answer.ok) return answer;
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(answer.bytes));
  } catch {
    return { ok: false, message: 'The manifest is not valid JSON.', problems: [] };
  }
  return readManifest(data, answer.base);
}

/**
 * Reads the answer to a request for a manifest or (`kind` feed) a podcast feed, whose reader (feed.ts) it
 * loads then: players without a feed never do.
 */
export async function readResponse(
  kind: 'manifest' | 'feed',
  pending: Promise<Response>,
  url: string,
  readManifest: (data: unknown, base: string) => ManifestResult,
  signal?: AbortSignal,
  request?: AbortController,
): Promise<ManifestResult> {
  if (kind === 'manifest') return readManifestResponse(pending, url, readManifest, signal, request);
  const reader = await import('./feed.js').catch(() => null);
  if (!reader) {
    request?.abort();
    return { ok: false, message: 'The feed could not be read: the player could not load its code for it.', problems: [] };
  }
  return readFeedResponse(pending, url, reader.readFeed, signal, request);
}

/**
 * Reads the answer `pending` to a request for the podcast feed at `url` (requestFeed) with the same deadline
 * and size limit as a manifest, and hands its text to `readFeed` (feed.ts, which the caller loads, so that
 * players without a feed never do). Throws only when `signal` aborted it.
 */
export async function readFeedResponse<Result extends ManifestResult>(
  pending: Promise<Response>,
  url: string,
  readFeed: (text: string, base: string) => Result,
  signal?: AbortSignal,
  request?: AbortController,
  deadlineMs = MANIFEST_DEADLINE_MS,
): Promise<Result | ManifestFailure> {
  const answer = await readAnswer('feed', pending, url, signal, request, deadlineMs);
  return answer.ok ? readFeed(xmlText(answer.bytes, answer.type), answer.base) : answer;
}

type ManifestFailure = Extract<ManifestResult, { ok: false }>;

/**
 * The body of the answer to a request for a `what` (manifest or feed), its final URL and its type, within the
 * deadline and the size limit; else why not, in words.
 */
export async function readAnswer(
  what: 'manifest' | 'feed' | 'transcript' | 'chapters',
  pending: Promise<Response>,
  url: string,
  signal: AbortSignal | undefined,
  request: AbortController | undefined,
  deadlineMs: number,
): Promise<{ ok: true; bytes: Uint8Array; base: string; type: string | null } | ManifestFailure> {
  const fail = (message: string): ManifestFailure => ({ ok: false, message, problems: [] });
  let late = false;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  // Whatever is awaited loses to the deadline, which also gives the request up (a body then stops too).
  const timeUp = new Promise<never>((_, reject) => {
    deadline = setTimeout(() => {
      late = true;
      request?.abort();
      reject(new DOMException(`The ${what} took too long.`, 'TimeoutError'));
    }, deadlineMs);
  });
  timeUp.catch(() => {});
  const inTime = <T>(promise: Promise<T>) => Promise.race([promise, timeUp]);
  const lost = (error: unknown, message: string): ManifestFailure => {
    const seconds = Math.ceil(deadlineMs / 1000);
    if (late) return fail(`The ${what} did not arrive within ${seconds} second${seconds === 1 ? '' : 's'}: the server is too slow or not answering.`);
    if (signal?.aborted) throw error;
    return fail(message);
  };
  try {
    let response: Response;
    try {
      response = await inTime(pending);
    } catch (error) {
      return lost(error, `The ${what} could not be fetched: the network or the server refused the request.`);
    }
    if (!response.ok) return fail(`The ${what} could not be fetched: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
    if (Number(response.headers.get('content-length')) > MAX_MANIFEST_BYTES) {
      request?.abort();
      return fail(`The ${what} is too large.`);
    }
    let bytes: Uint8Array;
    try {
      const body = await inTime(readLimited(response, MAX_MANIFEST_BYTES));
      if (body === null) {
        request?.abort();
        return fail(`The ${what} is too large.`);
      }
      bytes = body;
    } catch (error) {
      return lost(error, `The ${what} could not be fetched: the connection was lost.`);
    }
    return { ok: true, bytes, base: response.url || url, type: response.headers.get('content-type') };
  } finally {
    clearTimeout(deadline);
  }
}

const BOMS: [string, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16be', [0xfe, 0xff]],
  ['utf-16le', [0xff, 0xfe]],
];

/**
 * A feed's bytes as text. XML need not be UTF-8: a byte order mark says which it is, else the server's
 * charset, else the XML declaration (older feeds are often ISO-8859-1 or windows-1252), else UTF-8.
 */
function xmlText(bytes: Uint8Array, contentType: string | null): string {
  // A declaration readable as ASCII is in no UTF-16, whatever it says.
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1]?.replace(/^utf-16.*/i, 'utf-8');
  return decodeText(bytes, contentType, declared);
}

/**
 * Bytes as text: a byte order mark says which encoding, else the server's charset, else `declared` (the file's
 * own word), else UTF-8; bytes that are not UTF-8 are read as windows-1252, as old subtitle files often are.
 */
export function decodeText(bytes: Uint8Array, contentType: string | null, declared?: string): string {
  const bom = BOMS.find(([, marks]) => marks.every((byte, i) => bytes[i] === byte))?.[0];
  const charset = /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const label = bom ?? charset ?? declared;
  try {
    return label ? new TextDecoder(label).decode(bytes) : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A label no browser knows, or bytes that are not UTF-8.
    return new TextDecoder(label ? 'utf-8' : 'windows-1252').decode(bytes);
  }
}

/**
 * The body's bytes, counted as they come (after any Content-Encoding is undone): null, and the rest never
 * read, once they pass `limit`. A small compressed bomb is refused after `limit` bytes, not after it has
 * grown to its full size.
 */
async function readLimited(response: Response, limit: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
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
  return bytes;
}
