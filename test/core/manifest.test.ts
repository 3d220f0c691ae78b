import { expect } from '@open-wc/testing';
import { MAX_TRACKS, readManifest, readTrack } from '../../src/core/manifest.js';

const base = 'https://news.example/stories/manifest.json';

describe('readManifest', () => {
  it('reads a full manifest and resolves URLs against it', () => {
    const result = readManifest(
      {
        title: 'Harrow Point',
        tracks: [
          {
            title: 'The keepers',
            id: 'keepers-1',
            program: 'Morning Report',
            date: '2026-03-24',
            image: 'art.jpg',
            imageAlt: 'A lighthouse at dusk',
            src: [{ src: 'a.ogg', type: 'audio/ogg; codecs=opus' }, 'a.mp3'],
            duration: 180,
            start: 40,
            end: 75,
            download: 'a.mp3',
            link: 'https://news.example/stories/harrow',
          },
        ],
      },
      base,
    );
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.title).to.equal('Harrow Point');
    expect(result.problems).to.deep.equal([]);
    expect(result.tracks[0]).to.deep.equal({
      id: 'keepers-1',
      title: 'The keepers',
      program: 'Morning Report',
      date: '2026-03-24',
      image: 'https://news.example/stories/art.jpg',
      imageAlt: 'A lighthouse at dusk',
      src: [{ src: 'https://news.example/stories/a.ogg', type: 'audio/ogg; codecs=opus' }, { src: 'https://news.example/stories/a.mp3' }],
      duration: 180,
      start: 40,
      end: 75,
      download: 'https://news.example/stories/a.mp3',
      link: 'https://news.example/stories/harrow',
    });
  });

  it('accepts a bare array and a bare track', () => {
    const list = readManifest([{ title: 'A', src: 'a.mp3' }, { title: 'B', src: 'b.mp3' }], base);
    expect(list.ok && list.tracks.map((t) => t.id)).to.deep.equal(['0', '1']);
    const one = readManifest({ title: 'A', src: 'a.mp3' }, base);
    expect(one.ok && one.tracks.length).to.equal(1);
  });

  const failures: [string, unknown][] = [
    ['null', null],
    ['a number', 42],
    ['a string', 'tracks'],
    ['an empty object', {}],
    ['tracks that is not a list', { tracks: 'a.mp3' }],
    ['an empty list', { tracks: [] }],
    ['tracks without titles', { tracks: [{ src: 'a.mp3' }] }],
    ['tracks without audio', { tracks: [{ title: 'A' }] }],
    ['only javascript: audio', { tracks: [{ title: 'A', src: 'javascript:alert(1)' }] }],
    ['only data: audio', [{ title: 'A', src: ['data:audio/mpeg;base64,AAAA'] }]],
    ['titles that are not strings', [{ title: { html: '<b>x</b>' }, src: 'a.mp3' }]],
    ['a list of nulls', [null, null]],
  ];
  for (const [what, data] of failures) {
    it(`fails with words for ${what}`, () => {
      const result = readManifest(data, base);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.message).to.match(/^The manifest [a-z]/);
    });
  }

  it('drops refused URLs with an invalid-url problem and keeps the track', () => {
    const result = readManifest(
      [{ title: 'A', src: ['javascript:alert(1)', 'a.mp3'], image: 'javascript:alert(2)', link: 'data:text/html,<script>', download: 'file:///etc/passwd' }],
      base,
    );
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const [track] = result.tracks;
    expect(track!.src).to.deep.equal([{ src: 'https://news.example/stories/a.mp3' }]);
    expect(track!.image).to.equal(undefined);
    expect(track!.link).to.equal(undefined);
    expect(track!.download).to.equal(undefined);
    expect(result.problems.map((p) => p.code)).to.deep.equal(['invalid-url', 'invalid-url', 'invalid-url', 'invalid-url']);
    expect(result.problems[0]!.message).to.contain('refused');
  });

  it('keeps at most 500 tracks and says so', () => {
    const tracks = Array.from({ length: 600 }, (_, i) => ({ title: `T${i}`, src: `t${i}.mp3` }));
    const result = readManifest({ tracks }, base);
    expect(result.ok && result.tracks.length).to.equal(MAX_TRACKS);
    expect(result.problems[0]!.message).to.contain('only the first 500');
  });

  it('cuts long strings and keeps HTML as plain text', () => {
    const result = readManifest([{ title: '<img src=x onerror=alert(1)>' + 'x'.repeat(1000), src: 'a.mp3', program: 'p'.repeat(400) }], base);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.tracks[0]!.title.length).to.equal(300);
    expect(result.tracks[0]!.title.startsWith('<img src=x onerror=alert(1)>')).to.equal(true);
    expect(result.tracks[0]!.program!.length).to.equal(300);
  });

  it('does not split a character when cutting', () => {
    const result = readManifest([{ title: 'a' + '😀'.repeat(400), src: 'a.mp3' }], base);
    const title = result.ok ? result.tracks[0]!.title : '';
    expect(Array.from(title).length).to.equal(300);
    expect(title.endsWith('😀')).to.equal(true);
  });

  const trackFields: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['a bad id falls back to the position', { id: 'has space' }, { id: '0' }],
    ['a good id is kept', { id: 'ok_id-1' }, { id: 'ok_id-1' }],
    ['a bad date is dropped', { date: 'yesterday' }, { date: undefined }],
    ['an impossible date is dropped', { date: '2026-13-45' }, { date: undefined }],
    ['a date-time is kept', { date: '2026-03-24T08:00:00Z' }, { date: '2026-03-24T08:00:00Z' }],
    ['a negative duration is dropped', { duration: -5 }, { duration: undefined }],
    ['NaN duration is dropped', { duration: NaN }, { duration: undefined }],
    ['a huge duration is dropped', { duration: 1e12 }, { duration: undefined }],
    ['a numeric string duration is read', { duration: '90' }, { duration: 90 }],
    ['end before start is dropped', { start: 50, end: 40 }, { start: 50, end: undefined }],
    ['a negative start is dropped', { start: -1 }, { start: undefined }],
    ['download false hides Download', { download: false }, { download: false }],
    ['a bad type is dropped', { src: [{ src: 'a.mp3', type: 'text/html' }] }, { src: [{ src: 'https://news.example/stories/a.mp3' }] }],
    ['too many sources are cut', { src: Array.from({ length: 20 }, (_, i) => `s${i}.mp3`) }, {}],
  ];
  for (const [what, input, expected] of trackFields) {
    it(what, () => {
      const { track } = readTrack({ title: 'T', src: 'a.mp3', ...input }, base);
      expect(track).to.not.equal(null);
      for (const [key, value] of Object.entries(expected)) expect((track as unknown as Record<string, unknown>)[key]).to.deep.equal(value);
      expect(track!.src.length).to.be.at.most(8);
    });
  }

  it('reads only own data fields: no getters, no prototype', () => {
    const proto = { title: 'From proto', src: 'proto.mp3' };
    const sneaky = Object.create(proto);
    expect(readTrack(sneaky, base).track).to.equal(null);
    const withGetter = { src: 'a.mp3' };
    Object.defineProperty(withGetter, 'title', { get: () => { throw new Error('boom'); }, enumerable: true });
    expect(() => readTrack(withGetter, base)).to.not.throw();
    const polluted = JSON.parse('{"title":"A","src":"a.mp3","__proto__":{"polluted":true}}');
    const { track } = readTrack(polluted, base);
    expect(track!.title).to.equal('A');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect((track as unknown as Record<string, unknown>).polluted).to.equal(undefined);
  });
});

describe('text a listener reads', () => {
  const read = (title: unknown, more: Record<string, unknown> = {}) => readTrack({ title, src: 'https://cdn.example/the-interview.mp3', ...more }, base).track;
  const cases: [string, string][] = [
    ['Hello \u202eevil\u202c world', 'Hello evil world'],
    ['\u2066isolated\u2069 text', 'isolated text'],
    ['\u202dforced LTR\u202c', 'forced LTR'],
    ['a\u0000b\u0007c', 'a b c'],
    ['  spaced \n out  ', 'spaced out'],
    ['عربي English', 'عربي English'],
  ];
  for (const [given, shown] of cases) {
    it(`shows ${JSON.stringify(given)} as ${JSON.stringify(shown)}, in every text field`, () => {
      const track = read(given, { program: given, imageAlt: given })!;
      expect([track.title, track.program]).to.deep.equal([shown, shown]);
    });
  }
  // Nothing visible left: the track is named after its file rather than refused or shown blank.
  for (const invisible of ['\u202e\u202c', '\u200b\u200b', '\u2066\u2069 \ufeff', '\u00ad', ' ']) {
    it(`names a track titled ${JSON.stringify(invisible)} after its file`, () => {
      expect(read(invisible)!.title).to.equal('the interview');
    });
  }
  it('still refuses a track with no title at all', () => {
    expect(read(undefined)).to.equal(null);
    expect(read(42)).to.equal(null);
  });
});
