/**
 * The Download control: a plain link that saves a same-origin file by itself. Another origin's file is
 * fetched with a progress bar and Cancel (download-transfer.ts, loaded with the first such download).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { downloadFilename } from '../core/formats.js';
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
    // A segment whose Download is the file it is cut from: Download saves the whole recording, says so, and
    // names the file after it, not after the segment.
    const whole = (track.start !== undefined || track.end !== undefined) && track.src.some((source) => source.src === url);
    const filename = downloadFilename(whole ? fileTitle(url) : track.title, url);
    const length = track.duration === undefined ? '' : ` (${formatTime(track.duration)})`;
    return html`<a
      part="download"
      class="action"
      href=${url}
      download=${filename}
      title=${whole ? `Saves the whole recording${length}, not only this part` : nothing}
      @click=${(event: MouseEvent) => this.#onClick(event, track, url, filename)}
      >${downloadIcon}<span>Download</span></a
    >`;
  }

  #onClick(event: MouseEvent, track: Track, url: string, filename: string): void {
    const index = this.#playback.state.index;
    if (new URL(url).origin === location.origin) {
      // Same origin: the browser saves it under `download`'s name by itself.
      this.#playback.announce('download', { index, url, filename });
      return;
    }
    event.preventDefault();
    void import('./download-transfer.js').then(({ DownloadTransfer }) => {
      this.#transfer?.cancel();
      const transfer = new DownloadTransfer(this.#host, this.#playback, { index, track, url }, () => {
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
