/** For pages that use the core by itself (the npm package): a manifest fetched, parsed and validated in one call. */
import { fetchManifest, readManifest, type ManifestResult } from './manifest.js';
import { readManifestResponse } from './manifest-loader.js';

/** Fetches, parses and validates the manifest at `url` (already checked by safeUrl). */
export function loadManifest(url: string, signal?: AbortSignal): Promise<ManifestResult> {
  return readManifestResponse(fetchManifest(url, signal), url, readManifest, signal);
}
