/** The listener's saved playlist: one per origin, kept in localStorage, shared by every player. */
import { readTrack } from './manifest.js';
import { pageStorage } from './storage.js';
import { trackKey, type Track } from './track.js';

export const STORAGE_KEY = 'earshot:playlist';
export const MAX_SAVED = 500;

export type PlaylistListener = (items: readonly Track[], changedBy: unknown) => void;

/** What came of add(): saved; kept for this page only (storage refused or full); or not added. */
export type AddResult = 'saved' | 'not-kept' | 'full-list' | 'already';

/** Why the list is not kept: storage refused, or full. */
export type NotKept = 'refused' | 'quota' | null;

export class SavedPlaylist {
  #items: readonly Track[] = [];
  readonly #storage: Storage | null;
  readonly #listeners = new Set<PlaylistListener>();
  /** False once storage refused a read or a write: the list lives only as long as the page. */
  persistent: boolean;
  /** Why the last write did not keep the list, if it did not. */
  notKept: NotKept = null;

  constructor(storage: Storage | null) {
    this.#storage = storage;
    this.persistent = storage !== null;
    this.#items = this.#read();
  }

  get items(): readonly Track[] {
    return this.#items;
  }

  has(track: Track): boolean {
    const key = trackKey(track);
    return this.#items.some((item) => trackKey(item) === key);
  }

  add(track: Track, changedBy?: unknown): AddResult {
    if (this.has(track)) return 'already';
    if (this.#items.length >= MAX_SAVED) return 'full-list';
    return this.#set([...this.#items, track], changedBy) ? 'saved' : 'not-kept';
  }

  remove(track: Track, changedBy?: unknown): void {
    const key = trackKey(track);
    this.#set(this.#items.filter((item) => trackKey(item) !== key), changedBy);
  }

  subscribe(listener: PlaylistListener): () => void {
    if (this.#listeners.size === 0) window.addEventListener('storage', this.#onStorage);
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) window.removeEventListener('storage', this.#onStorage);
    };
  }

  /** Another tab or frame of this origin changed the list. */
  readonly #onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    this.#items = this.#read();
    this.#notify(null);
  };

  /**
   * The list becomes `items` for this page; true when storage kept it too. A write that fails (a full
   * quota, a refusal) leaves what storage held as it was.
   */
  #set(items: readonly Track[], changedBy: unknown): boolean {
    this.#items = Object.freeze(items);
    let kept = this.#storage !== null;
    try {
      this.#storage?.setItem(STORAGE_KEY, JSON.stringify({ version: 1, items }));
      this.notKept = null;
    } catch (error) {
      kept = false;
      this.persistent = false;
      this.notKept = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22) ? 'quota' : 'refused';
    }
    this.#notify(changedBy);
    return kept;
  }

  #notify(changedBy: unknown): void {
    for (const listener of [...this.#listeners]) listener(this.#items, changedBy);
  }

  /** Whatever storage holds is untrusted: every item is validated again, as a manifest's would be. */
  #read(): readonly Track[] {
    let text: string | null = null;
    try {
      text = this.#storage?.getItem(STORAGE_KEY) ?? null;
    } catch {
      this.persistent = false;
    }
    if (!text) return Object.freeze([]);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return Object.freeze([]);
    }
    const list = typeof data === 'object' && data !== null && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : [];
    // Each entry is validated before the list is cut to its limit: junk cannot push real items out.
    const items: Track[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < list.length && items.length < MAX_SAVED; i++) {
      const { track } = readTrack(list[i], location.href, i);
      if (track && !keys.has(trackKey(track))) {
        keys.add(trackKey(track));
        items.push(track);
      }
    }
    return Object.freeze(items);
  }
}

let shared: SavedPlaylist | undefined;

/** The page's one saved playlist, made on first use (never at import). */
export function savedPlaylist(): SavedPlaylist {
  shared ??= new SavedPlaylist(pageStorage());
  return shared;
}
