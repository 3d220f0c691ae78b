/** Download: a fetch that reports its progress (loaded only when a cross-origin download starts). */

export interface DownloadProgress {
  loaded: number;
  /** Bytes in all, when the server said. */
  total?: number;
}

export class DownloadError extends Error {}

/**
 * Fetches `url` whole, reporting progress. Rejects with DownloadError (words for the listener) when the
 * server refuses, and with TypeError when the request itself was refused (CORS, offline).
 */
export async function fetchWithProgress(
  url: string,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<{ blob: Blob; contentType: string | null }> {
  const response = await fetch(url, { signal, credentials: 'omit' });
  if (!response.ok) throw new DownloadError(`The download failed: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  const contentType = response.headers.get('content-type');
  const reader = response.body?.getReader();
  if (!reader) return { blob: await response.blob(), contentType };
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  onProgress({ loaded, total });
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new DownloadError('The download failed: the connection was lost.');
    }
    if (result.done) break;
    chunks.push(result.value);
    loaded += result.value.byteLength;
    onProgress({ loaded, total });
  }
  if (total !== undefined && loaded < total) throw new DownloadError('The download failed: the file arrived incomplete.');
  return { blob: new Blob(chunks as BlobPart[], { type: contentType ?? '' }), contentType };
}
