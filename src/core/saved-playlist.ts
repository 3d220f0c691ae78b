/** The listener's saved playlist: one per origin, kept in localStorage, shared by every player. */
import { readTrack } from './manifest.js';
import { pageStorage } from './storage.js';
import { trackKey, type Track } from './track.js';

export const STORAGE_KEY = 'earshot:playlist';
export const MAX_SAVED = 500;

export type PlaylistListener = (items: readonly Track[], changedBy: unknown) => void;

export class SavedPlaylist {
  #items: readonly Track[] = [];
  readonly #storage: Storage | null;
  readonly #listeners = new Set<PlaylistListener>();
  /** False once storage refused a read or a write: the list lives only as long as the page. */
  persistent: boolean;

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

  add(track: Track, changedBy?: unknown): void {
    if (this.has(track) || this.#items.length >= MAX_SAVED) return;
    this.#set([...this.#items, track], changedBy);
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

  #set(items: readonly Track[], changedBy: unknown): void {
    this.#items = Object.freeze(items);
    try {
      this.#storage?.setItem(STORAGE_KEY, JSON.stringify({ version: 1, items }));
    } catch {
      this.persistent = false;
    }
    this.#notify(changedBy);
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
    const items: Track[] = [];
    for (const [i, item] of list.slice(0, MAX_SAVED).entries()) {
      const { track } = readTrack(item, location.href, i);
      if (track && !items.some((saved) => trackKey(saved) === trackKey(track))) items.push(track);
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
