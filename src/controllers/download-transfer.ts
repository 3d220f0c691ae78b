/**
 * A download fetched with its progress shown and a Cancel button: a file on another origin, saved under the
 * title's name; or the part of an MP3 that a segment plays, cut at frame boundaries (core/mp3-part.ts).
 */
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { DownloadError, fetchWithProgress, type DownloadProgress } from '../core/download.js';
import { downloadFilename } from '../core/formats.js';
import type { Playback } from '../core/playback.js';
import { ErrorCode } from '../core/state.js';
import { fileTitle, type Track } from '../core/track.js';
import { adoptStyles } from '../elements/adopt-styles.js';

const styles = css`
  .download-progress {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-size: 0.929em;
    font-variant-numeric: tabular-nums;
  }
  .download-progress progress {
    width: 72px;
    accent-color: var(--_accent);
  }
`;

export class DownloadTransfer {
  readonly #host: ReactiveControllerHost;
  readonly #playback: Playback;
  readonly #what: { index: number; track: Track; url: string; part?: { start: number; end: number } };
  readonly #done: () => void;
  readonly #abort = new AbortController();
  #progress: DownloadProgress = { loaded: 0 };

  constructor(host: ReactiveControllerHost, playback: Playback, what: { index: number; track: Track; url: string; part?: { start: number; end: number } }, done: () => void) {
    this.#host = host;
    adoptStyles(host, styles);
    this.#playback = playback;
    this.#what = what;
    this.#done = done;
  }

  cancel = (): void => {
    this.#abort.abort();
    this.#done();
  };

  render() {
    const { loaded, total } = this.#progress;
    const percent = total ? Math.floor((loaded / total) * 100) : undefined;
    return html`<span class="download-progress" part="download-progress">
      <progress aria-label="Download progress" max="100" value=${percent ?? nothing}></progress>
      <span aria-hidden="true">${percent === undefined ? `${Math.round(loaded / 1024)} KB` : `${percent}%`}</span>
      <button part="button" type="button" class="action" @click=${this.cancel}>Cancel download</button>
    </span>`;
  }

  async start(): Promise<void> {
    const { index, track, url, part } = this.#what;
    const signal = this.#abort.signal;
    try {
      const { blob, contentType } = await fetchWithProgress(
        url,
        (progress) => {
          if (signal.aborted) return;
          this.#progress = progress;
          this.#host.requestUpdate();
        },
        signal,
      );
      if (part) return await this.#savePart(blob, part);
      const filename = downloadFilename(track.title, url, contentType);
      saveBlob(blob, filename);
      this.#playback.announce('download', { index, url, filename });
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof DownloadError) {
        this.#playback.warn({ code: ErrorCode.download, message: error.message, index });
      } else {
        // CORS (or the network) refused the fetch: let the browser open the file itself.
        window.open(url, '_blank', 'noopener');
        this.#playback.announce('download', { index, url, filename: downloadFilename(track.title, url) });
      }
    } finally {
      this.#done();
    }
  }

  /** Saves the part of the MP3 `blob`; where it cannot be cut, the whole recording, and says why. */
  async #savePart(blob: Blob, part: { start: number; end: number }): Promise<void> {
    const { index, track, url } = this.#what;
    const { cutMp3Part, partFilename } = await import('../core/mp3-part.js');
    const cut = cutMp3Part(await blob.arrayBuffer(), part.start, part.end);
    if (cut.ok) {
      const filename = partFilename(track.title, part.start, Math.min(part.end, cut.end));
      saveBlob(new Blob([cut.bytes as BlobPart], { type: 'audio/mpeg' }), filename);
      this.#playback.announce('download', { index, url, filename });
      return;
    }
    const filename = downloadFilename(fileTitle(url), url);
    saveBlob(blob, filename);
    this.#playback.announce('download', { index, url, filename });
    this.#playback.warn({ code: ErrorCode.download, message: `This part could not be cut from the recording (${cut.reason}): the whole recording was saved instead.`, index });
  }
}

function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
