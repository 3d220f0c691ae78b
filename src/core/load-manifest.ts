/** For pages that use the core by itself (the npm package): a manifest fetched, parsed and validated in one call. */
import { readManifest, requestManifest, type ManifestResult } from './manifest.js';
import { readManifestResponse } from './manifest-loader.js';

/** Fetches, parses and validates the manifest at `url` (already checked by safeUrl). */
export function loadManifest(url: string, signal?: AbortSignal): Promise<ManifestResult> {
  const { pending, request } = requestManifest(url, signal);
  return readManifestResponse(pending, url, readManifest, signal, request);
}
