/** For pages that use the core by itself (the npm package): a manifest fetched, parsed and validated in one call. */
import { readManifest, requestManifest, type ManifestResult } from './manifest.js';

/** Fetches, parses and validates the manifest at `url` (already checked by safeUrl). */
export async function loadManifest(url: string, signal?: AbortSignal): Promise<ManifestResult> {
  const { pending, request } = requestManifest(url, signal);
  // The reader loads as the player loads it, on first use: one chunk, wherever it is asked for.
  const { readManifestResponse } = await import('./manifest-loader.js');
  return readManifestResponse(pending, url, readManifest, signal, request);
}
