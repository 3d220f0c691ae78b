/** The Download control: a plain link for same-origin files, a fetch with progress for the rest. */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { DownloadProgress } from '../core/download.js';
import { downloadFilename } from '../core/formats.js';
import type { Playback } from '../core/playback.js';
import { ErrorCode } from '../core/state.js';
import type { Track } from '../core/track.js';
import { downloadIcon } from '../elements/icons.js';

/** The file Download offers for a track, or null where it offers none. */
export function downloadUrl(track: Track | undefined): string | null {
  if (!track || track.download === false) return null;
  return track.download ?? track.src[0]?.src ?? null;
}

export class DownloadController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: Playback;
  #progress: DownloadProgress | null = null;
  #abort: AbortController | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: Playback) {
    this.#host = host;
    this.#playback = playback;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  cancel = (): void => {
    this.#abort?.abort();
    this.#abort = null;
    this.#progress = null;
    this.#host.requestUpdate();
  };

  render(track: Track | undefined) {
    const url = downloadUrl(track);
    if (!url || !track) return nothing;
    if (this.#progress) {
      const { loaded, total } = this.#progress;
      const percent = total ? Math.floor((loaded / total) * 100) : undefined;
      return html`<span class="download-progress" part="download-progress">
        <progress aria-label="Download progress" max="100" value=${percent ?? nothing}></progress>
        <span aria-hidden="true">${percent === undefined ? `${Math.round(loaded / 1024)} KB` : `${percent}%`}</span>
        <button part="button" type="button" class="action" @click=${this.cancel}>Cancel download</button>
      </span>`;
    }
    const filename = downloadFilename(track.title, url);
    return html`<a part="download" class="action" href=${url} download=${filename} @click=${(event: MouseEvent) => this.#onClick(event, track, url, filename)}
      >${downloadIcon}<span>Download</span></a
    >`;
  }

  #onClick(event: MouseEvent, track: Track, url: string, filename: string): void {
    const index = this.#playback.state.index;
    if (new URL(url).origin === location.origin) {
      // Same origin: the browser saves it under `download`'s name by itself.
      this.#emit(index, url, filename);
      return;
    }
    event.preventDefault();
    void this.#fetch(index, track, url);
  }

  async #fetch(index: number, track: Track, url: string): Promise<void> {
    const abort = new AbortController();
    this.#abort?.abort();
    this.#abort = abort;
    this.#progress = { loaded: 0 };
    this.#host.requestUpdate();
    // The fetch path is loaded only when a cross-origin download starts.
    const { DownloadError, fetchWithProgress } = await import('../core/download.js');
    try {
      const { blob, contentType } = await fetchWithProgress(
        url,
        (progress) => {
          if (this.#abort !== abort) return;
          this.#progress = progress;
          this.#host.requestUpdate();
        },
        abort.signal,
      );
      const filename = downloadFilename(track.title, url, contentType);
      saveBlob(blob, filename);
      this.#emit(index, url, filename);
    } catch (error) {
      if (abort.signal.aborted) return;
      if (error instanceof DownloadError) {
        this.#playback.warn({ code: ErrorCode.download, message: error.message, index });
      } else {
        // CORS (or the network) refused the fetch: let the browser open the file itself.
        window.open(url, '_blank', 'noopener');
        this.#emit(index, url, downloadFilename(track.title, url));
      }
    } finally {
      if (this.#abort === abort) {
        this.#abort = null;
        this.#progress = null;
        this.#host.requestUpdate();
      }
    }
  }

  #emit(index: number, url: string, filename: string): void {
    this.#playback.announce('download', { index, url, filename });
  }
}

function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
