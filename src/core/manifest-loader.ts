/**
 * Reads the answer to a manifest request: its status, size and JSON, each refusal in words; manifest.ts
 * validates what it holds. Loaded only by players that load a manifest, while the request is on its way.
 * (It imports nothing of the player's own, so that no bundle splits off a shared chunk for it.)
 */
import type { ManifestResult } from './manifest.js';

/** A manifest larger than this is refused before it is parsed. */
export const MAX_MANIFEST_BYTES = 2_000_000;

/**
 * Parses the answer `pending` to a request for the manifest at `url`, and hands the data to `readManifest`.
 * Throws only when `signal` aborted it.
 */
export async function readManifestResponse(
  pending: Promise<Response>,
  url: string,
  readManifest: (data: unknown, base: string) => ManifestResult,
  signal?: AbortSignal,
): Promise<ManifestResult> {
  const fail = (message: string): ManifestResult => ({ ok: false, message, problems: [] });
  let response: Response;
  try {
    response = await pending;
  } catch (error) {
    if (signal?.aborted) throw error;
    return fail('The manifest could not be fetched: the network or the server refused the request.');
  }
  if (!response.ok) return fail(`The manifest could not be fetched: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_MANIFEST_BYTES) return fail('The manifest is too large.');
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    return fail('The manifest could not be fetched: the connection was lost.');
  }
  if (text.length > MAX_MANIFEST_BYTES) return fail('The manifest is too large.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('The manifest is not valid JSON.');
  }
  return readManifest(data, response.url || url);
}
