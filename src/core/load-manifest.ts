/** For pages that use the core by itself (the npm package): a manifest fetched, parsed and validated in one call. */
import { fetchManifest, readManifest, type ManifestResult } from './manifest.js';
import { readManifestResponse } from './manifest-loader.js';

/** Fetches, parses and validates the manifest at `url` (already checked by safeUrl). */
export function loadManifest(url: string, signal?: AbortSignal): Promise<ManifestResult> {
  // The request's own controller: the reader gives it up at the deadline or the size limit.
  const request = new AbortController();
  signal?.addEventListener('abort', () => request.abort());
  return readManifestResponse(fetchManifest(url, request.signal), url, readManifest, signal, request);
}
