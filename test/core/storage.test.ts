/** What the player keeps for the listener: the saved playlist and the positions in long tracks, on a storage the test controls. */
import { expect } from '@open-wc/testing';
import { MAX_SAVED, SavedPlaylist, STORAGE_KEY } from '../../src/core/saved-playlist.js';
import { POSITION_PREFIX, SavedPositions } from '../../src/core/saved-positions.js';
import { pageStorage } from '../../src/core/storage.js';
import type { Track } from '../../src/core/track.js';

/** A Storage in memory; `refuse` makes every call throw, as a sandbox or a full quota does. */
class MemoryStorage implements Storage {
  readonly map = new Map<string, string>();
  refuse: 'nothing' | 'writes' | 'everything' = 'nothing';
  get length() {
    return this.map.size;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string) {
    if (this.refuse === 'everything') throw new DOMException('refused', 'SecurityError');
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.refuse !== 'nothing') throw new DOMException('full', 'QuotaExceededError');
    this.map.set(key, String(value));
  }
  removeItem(key: string) {
    if (this.refuse === 'everything') throw new DOMException('refused', 'SecurityError');
    this.map.delete(key);
  }
  clear() {
    this.map.clear();
  }
}

const track = (n: number, extra: Partial<Track> = {}): Track => ({ id: `t${n}`, title: `Track ${n}`, src: [{ src: `https://cdn.example/${n}.mp3` }], ...extra });

describe('SavedPlaylist', () => {
  it('adds, knows and removes tracks, keeps them in storage, and tells its listeners who changed it', () => {
    const storage = new MemoryStorage();
    const playlist = new SavedPlaylist(storage);
    const heard: [string[], unknown][] = [];
    const unsubscribe = playlist.subscribe((items, by) => heard.push([items.map((t) => t.title), by]));
    const me = {};
    playlist.add(track(1), me);
    playlist.add(track(2));
    playlist.add(track(1), me);
    expect(playlist.items.map((t) => t.title)).to.deep.equal(['Track 1', 'Track 2']);
    expect(playlist.has(track(2))).to.equal(true);
    playlist.remove(track(1), me);
    expect(heard).to.deep.equal([
      [['Track 1'], me],
      [['Track 1', 'Track 2'], undefined],
      [['Track 2'], me],
    ]);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).items.map((t: Track) => t.title)).to.deep.equal(['Track 2']);
    expect(new SavedPlaylist(storage).items.map((t) => t.title), 'a later visit').to.deep.equal(['Track 2']);
    unsubscribe();
  });

  it('tells one segment of a file from another', () => {
    const playlist = new SavedPlaylist(new MemoryStorage());
    playlist.add(track(1, { start: 10, end: 20 }));
    expect(playlist.has(track(1, { start: 10, end: 20 }))).to.equal(true);
    expect(playlist.has(track(1))).to.equal(false);
  });

  it('validates what storage holds as a manifest, and keeps nothing dangerous', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify({ version: 1, items: [{ title: 'Fine', src: 'https://cdn.example/a.mp3' }, { title: 'Bad', src: 'javascript:alert(1)' }, 'junk', null, { title: 'Fine', src: 'https://cdn.example/a.mp3' }] }),
    );
    expect(new SavedPlaylist(storage).items.map((t) => t.title)).to.deep.equal(['Fine']);
    for (const junk of ['{', 'null', '[]', '{"items": 5}', '"text"']) {
      storage.setItem(STORAGE_KEY, junk);
      expect(new SavedPlaylist(storage).items, junk).to.deep.equal([]);
    }
  });

  it(`holds at most ${MAX_SAVED} tracks, and says so when one more is added`, () => {
    const playlist = new SavedPlaylist(new MemoryStorage());
    for (let n = 0; n < MAX_SAVED; n++) expect(playlist.add(track(n))).to.equal('saved');
    expect(playlist.add(track(MAX_SAVED))).to.equal('full-list');
    expect(playlist.add(track(3))).to.equal('already');
    expect(playlist.items).to.have.length(MAX_SAVED);
  });

  it('validates every entry before cutting the list to its limit: junk cannot push real items out', () => {
    const storage = new MemoryStorage();
    const junk = Array.from({ length: MAX_SAVED + 100 }, (_, n) => (n % 3 === 0 ? null : n % 3 === 1 ? { title: 'no src' } : 'x'));
    const real = [track(1), track(2), track(1)];
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, items: [...junk, ...real] }));
    expect(new SavedPlaylist(storage).items.map((item) => item.title)).to.deep.equal(['Track 1', 'Track 2']);
  });

  it('keeps what was saved when a write fails, and says why', () => {
    const storage = new MemoryStorage();
    const playlist = new SavedPlaylist(storage);
    playlist.add(track(1));
    storage.refuse = 'writes';
    expect(playlist.add(track(2))).to.equal('not-kept');
    expect([playlist.persistent, playlist.notKept]).to.deep.equal([false, 'quota']);
    expect(playlist.items.map((item) => item.title), 'this page still has it').to.deep.equal(['Track 1', 'Track 2']);
    expect(new SavedPlaylist(storage).items.map((item) => item.title), 'storage kept what it had').to.deep.equal(['Track 1']);
  });

  it('reads the saved list from a real localStorage whose quota is full', () => {
    const filler = 'earshot-test:filler';
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, items: [track(7)] }));
    try {
      // Fill the origin's quota to the last byte a write takes.
      let chunk = 'x'.repeat(1 << 20);
      let stored = '';
      while (chunk.length > 0) {
        try {
          localStorage.setItem(filler, stored + chunk);
          stored += chunk;
        } catch {
          chunk = chunk.slice(0, chunk.length >> 1);
        }
      }
      expect(() => localStorage.setItem('earshot:probe', '1'), 'the quota is full').to.throw();
      const storage = pageStorage();
      expect(storage, 'a full quota is no refusal to read').to.equal(localStorage);
      const playlist = new SavedPlaylist(storage);
      expect(playlist.items.map((item) => item.title)).to.deep.equal(['Track 7']);
      expect(playlist.add(track(8))).to.equal('not-kept');
      expect(playlist.notKept).to.equal('quota');
      expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!).items).to.have.length(1);
    } finally {
      localStorage.removeItem(filler);
      localStorage.removeItem(STORAGE_KEY);
    }
  });

  it('works for the page alone where storage is refused, and says it is not kept', () => {
    const refused = new MemoryStorage();
    refused.refuse = 'everything';
    const playlist = new SavedPlaylist(refused);
    expect(playlist.persistent).to.equal(false);
    playlist.add(track(1));
    expect(playlist.items).to.have.length(1);
    const none = new SavedPlaylist(null);
    none.add(track(2));
    expect([none.persistent, none.items.length]).to.deep.equal([false, 1]);
  });

  it('takes a change made in another tab from the storage event', () => {
    const storage = new MemoryStorage();
    const playlist = new SavedPlaylist(storage);
    const heard: unknown[] = [];
    const unsubscribe = playlist.subscribe((items, by) => heard.push([items.length, by]));
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, items: [track(7)] }));
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'someone-else' }));
    expect(heard).to.deep.equal([[1, null]]);
    unsubscribe();
  });
});

describe('SavedPositions', () => {
  it('keeps whole seconds of a position worth offering, per track', () => {
    const storage = new MemoryStorage();
    const positions = new SavedPositions(storage);
    positions.set(track(1), 100.7);
    expect(positions.get(track(1), 360)).to.equal(100);
    expect(positions.get(track(2), 360)).to.equal(null);
    expect([...storage.map.keys()].every((key) => key.startsWith(POSITION_PREFIX))).to.equal(true);
  });

  it('offers nothing within five seconds of either end, and forgets a track played out', () => {
    const positions = new SavedPositions(new MemoryStorage());
    positions.set(track(1), 3);
    expect(positions.get(track(1), 360)).to.equal(null);
    positions.set(track(1), 357);
    expect(positions.get(track(1), 360)).to.equal(null);
    // A pause in the first seconds leaves the place kept before it.
    positions.set(track(1), 120);
    positions.set(track(1), 2);
    expect(positions.get(track(1), 360)).to.equal(120);
    positions.set(track(1), 200);
    positions.forget(track(1));
    expect(positions.get(track(1), 360)).to.equal(null);
  });

  it('ignores junk in storage, and a storage that refuses', () => {
    const storage = new MemoryStorage();
    const positions = new SavedPositions(storage);
    for (const junk of ['abc', '-50', 'Infinity', '']) {
      storage.map.set(`${POSITION_PREFIX}${'https://cdn.example/1.mp3'}#0-`, junk);
      expect(positions.get(track(1), 360), junk).to.equal(null);
    }
    storage.refuse = 'everything';
    expect(() => positions.set(track(1), 100)).to.not.throw();
    expect(positions.get(track(1), 360)).to.equal(null);
    expect(() => positions.forget(track(1))).to.not.throw();
  });
});
