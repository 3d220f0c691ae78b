/**
 * The Download control: a plain link that saves a same-origin file by itself. Another origin's file is
 * fetched with a progress bar and Cancel (download-transfer.ts, loaded with the first such download).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { downloadFilename, formatOf } from '../core/formats.js';
import type { Playback } from '../core/playback.js';
import { formatTime } from '../core/time.js';
import { fileTitle, type Track } from '../core/track.js';
import { downloadIcon } from '../elements/icons.js';
import type { DownloadTransfer } from './download-transfer.js';

/** The file Download offers for a track, or null where it offers none. */
export function downloadUrl(track: Track | undefined): string | null {
  if (!track || track.download === false) return null;
  return track.download ?? track.src[0]?.src ?? null;
}

export class DownloadController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: Playback;
  /** The cross-origin download under way, if any. */
  #transfer: DownloadTransfer | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: Playback) {
    this.#host = host;
    this.#playback = playback;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#transfer?.cancel();
  }

  render(track: Track | undefined) {
    const url = downloadUrl(track);
    if (!url || !track) return nothing;
    if (this.#transfer) return this.#transfer.render();
    // A segment whose Download is the file it is cut from: an MP3 saves the part being heard (cut at frame
    // boundaries, download-transfer.ts), named after the title and the times; another format saves the whole
    // recording, says so, and is named after it, not after the segment.
    const source = (track.start !== undefined || track.end !== undefined) && track.src.find((candidate) => candidate.src === url);
    const part = source && formatOf(source) === 'mp3' ? { start: track.start ?? 0, end: track.end ?? Infinity } : undefined;
    const filename = downloadFilename(source && !part ? fileTitle(url) : track.title, url);
    const length = track.duration === undefined ? '' : ` (${formatTime(track.duration)})`;
    return html`<a
      part="download"
      class="action"
      href=${url}
      download=${filename}
      title=${part ? `Saves this part (${formatTime(part.start)}–${formatTime(part.end === Infinity ? (track.duration ?? NaN) : part.end)})` : source ? `Saves the whole recording${length}, not only this part` : nothing}
      @click=${(event: MouseEvent) => this.#onClick(event, track, url, filename, part)}
      >${downloadIcon}<span>Download</span></a
    >`;
  }

  #onClick(event: MouseEvent, track: Track, url: string, filename: string, part?: { start: number; end: number }): void {
    const index = this.#playback.state.index;
    if (!part && new URL(url).origin === location.origin) {
      // Same origin: the browser saves it under `download`'s name by itself.
      this.#playback.announce('download', { index, url, filename });
      return;
    }
    event.preventDefault();
    void import('./download-transfer.js').then(({ DownloadTransfer }) => {
      this.#transfer?.cancel();
      const transfer = new DownloadTransfer(this.#host, this.#playback, { index, track, url, ...(part ? { part } : {}) }, () => {
        if (this.#transfer !== transfer) return;
        this.#transfer = null;
        this.#host.requestUpdate();
      });
      this.#transfer = transfer;
      this.#host.requestUpdate();
      void transfer.start();
    });
  }
}
