/** The Playlist panel: this player's tracks, and the listener's own saved playlist. */
import { html, nothing, type LitElement, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Playback } from '../core/playback.js';
import { MAX_SAVED, savedPlaylist, type SavedPlaylist } from '../core/saved-playlist.js';
import { ErrorCode, ListName } from '../core/state.js';
import { formatTime } from '../core/time.js';
import { trackKey, type Track } from '../core/track.js';
import type { PanelContent } from './player-template.js';

const NOT_KEPT = 'This browser does not let the player keep data here: your playlist lasts only until you leave the page.';
const QUOTA = 'This site’s storage in your browser is full: your playlist could not be saved, and lasts only until you leave the page. What was saved before is kept.';

export class PlaylistPanel implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #playback: Playback;
  #saved: SavedPlaylist | undefined;
  #unsubscribe: (() => void) | undefined;
  #warned = false;
  /** The tracks whose chapters this panel asked for. */
  readonly #chaptersAsked = new WeakSet<Track>();
  /** What the last action on the list could not do, in words. */
  #status = '';
  readonly #say: (news: string) => void;

  constructor(host: ReactiveControllerHost & HTMLElement, playback: Playback, say: (news: string) => void) {
    this.#host = host;
    this.#playback = playback;
    this.#say = say;
    host.addController(this);
  }

  /** Storage is touched only once the listener looks at the playlist. */
  open(): void {
    if (this.#unsubscribe) return;
    this.#saved = savedPlaylist();
    this.#unsubscribe = this.#saved.subscribe((items, changedBy) => {
      this.#host.requestUpdate();
      // The player that made the change tells the page; a change from another tab, every player.
      if (changedBy === this || changedBy === null) this.#emit(items);
    });
    this.#warnIfNotKept();
  }

  hostConnected(): void {
    // Back in the page after having been opened: listen again.
    if (this.#saved) this.open();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** The panel's lists, and its main action: saving the current track. */
  render(title: string): PanelContent {
    const saved = this.#saved;
    const playback = this.#playback;
    const { tracks: own, queue, list, index } = playback.state;
    const current = queue[index];
    const isSaved = current !== undefined && saved?.has(current) === true;
    const currentKey = current ? trackKey(current) : '';
    const items = saved?.items ?? [];
    const { chapters } = playback.state;
    // The list needs the chapters: read them now if the listener has not played yet.
    if (current?.chapters && chapters.length === 0 && !this.#chaptersAsked.has(current)) {
      // (Once per track: the panel renders at every tick of the clock while it plays.)
      this.#chaptersAsked.add(current);
      void import('../controllers/chapters.js').then(({ loadTrackChapters }) => loadTrackChapters(this.#host as LitElement, playback, current));
    }
    let heard = -1;
    chapters.forEach(({ start }, i) => {
      if (start <= playback.state.currentTime) heard = i;
    });
    const body = html`
      ${own.length > 1
        ? html`<p class="field-label" id="own-label">${title}</p>
            <ol class="track-list" aria-labelledby="own-label">
              ${own.map((track, i) => this.#item(track, list === ListName.own && i === index, () => playback.playFrom(ListName.own, i)))}
            </ol>`
        : current
          ? // One track: its whole title, which the player may have to cut short.
            html`<p class="field-label">This track</p>
              <p class="whole-title">${current.title}</p>`
          : nothing}
      ${chapters.length > 0
        ? html`<p class="field-label" id="chapters-label">Chapters</p>
            <ol class="track-list" aria-labelledby="chapters-label">
              ${chapters.map(
                ({ start, title: name }, i) =>
                  html`<li>
                    <span class="cue-time">${formatTime(start)}</span>
                    <button part="button chapter-button" type="button" class="track" aria-current=${i === heard ? 'true' : 'false'} @click=${() => this.#playChapter(start)}>
                      ${name}
                    </button>
                  </li>`,
              )}
            </ol>`
        : nothing}
      <p class="field-label" id="saved-label">My playlist</p>
      ${items.length === 0
        ? html`<p class="note">Nothing saved yet. “Add to my playlist” keeps a track here, in every Earshot player on this site.</p>`
        : html`<ol class="track-list" aria-labelledby="saved-label">
            ${items.map((track, i) =>
              this.#item(track, list === ListName.saved && trackKey(track) === currentKey, () => playback.playFrom(ListName.saved, i, items), track),
            )}
          </ol>`}
      ${saved && !saved.persistent ? html`<p class="note">${saved.notKept === 'quota' ? QUOTA : NOT_KEPT}</p>` : nothing}
    `;
    const main = current
      ? html`<button part="button" type="button" class="action save" @click=${() => this.#toggleSaved(current, isSaved)}>
            ${isSaved ? 'Remove from my playlist' : 'Add to my playlist'}
          </button>
          <p class="note">${this.#status}</p>`
      : nothing;
    return { body, main, bodyFocusable: own.length <= 1 && items.length === 0 && chapters.length === 0 };
  }

  #playChapter(start: number): void {
    this.#playback.seek(start);
    if (this.#playback.paused) this.#playback.play().catch(() => {});
  }

  #item(track: Track, current: boolean, play: () => void, removable?: Track) {
    return html`<li>
      <button part="button track-button" type="button" class="track" aria-current=${current ? 'true' : 'false'} @click=${play}>${track.title}</button>
      ${removable
        ? html`<button part="button" type="button" class="remove" aria-label=${`Remove ${track.title} from my playlist`} @click=${() => this.#remove(removable)}>×</button>`
        : nothing}
    </li>`;
  }

  #toggleSaved(track: Track, isSaved: boolean): void {
    const saved = this.#saved;
    if (!saved) return;
    if (isSaved) return this.#remove(track);
    const result = saved.add(track, this);
    if (result === 'full-list') {
      this.#status = `My playlist is full (${MAX_SAVED} tracks): remove one to add another.`;
      this.#say(this.#status);
      return this.#host.requestUpdate();
    }
    this.#status = '';
    this.#say(result === 'not-kept' ? `Added for this visit only: ${track.title}` : `Added to my playlist: ${track.title}`);
    this.#warnIfNotKept();
  }

  #remove(track: Track): void {
    this.#status = '';
    this.#saved?.remove(track, this);
    this.#say(`Removed from my playlist: ${track.title}`);
  }

  #warnIfNotKept(): void {
    if (this.#warned || !this.#saved || this.#saved.persistent) return;
    this.#warned = true;
    // The panel itself says so; the page hears it as an error event, but it is no alert for the listener.
    this.#playback.warn({ code: ErrorCode.storage, message: this.#saved.notKept === 'quota' ? QUOTA : NOT_KEPT }, { alert: false });
  }

  #emit(items: readonly Track[]): void {
    this.#playback.announce('playlist-change', { items });
  }
}
