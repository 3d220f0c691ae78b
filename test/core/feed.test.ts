/** A podcast's RSS feed read as a manifest: every field, the order, the limits, and feeds that are wrong or hostile. */
import { expect } from '@open-wc/testing';
import { feedTrackIndex, readFeed, type FeedResult, type FeedTrack } from '../../src/core/feed.js';
import { MAX_MANIFEST_BYTES, readFeedResponse, readManifestResponse } from '../../src/core/manifest-loader.js';
import { MAX_TRACKS, readManifest, requestFeed } from '../../src/core/manifest.js';

const FIXTURE = new URL('/test/fixtures/feed.xml', location.href).href;
const here = (path: string) => new URL(path, FIXTURE).href;
const BASE = 'https://radio.example/shows/feed.xml';
const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const PODCAST = 'https://podcastindex.org/namespace/1.0';

/** An RSS document with `channel` (its title by default) and `items` inside its channel. */
function rss(items: string, channel = '<title>Harbour Radio</title>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="${ITUNES}" xmlns:podcast="${PODCAST}"><channel>${channel}${items}</channel></rss>`;
}

/** An item with a title and an mp3 enclosure, unless `fields` says otherwise (null leaves one out). */
function item(fields: { title?: string | null; enclosure?: string | null; more?: string } = {}): string {
  const title = fields.title === undefined ? '<title>Harbour news</title>' : (fields.title ?? '');
  const enclosure = fields.enclosure === undefined ? '<enclosure url="news.mp3" type="audio/mpeg" length="1"/>' : (fields.enclosure ?? '');
  return `<item>${title}${enclosure}${fields.more ?? ''}</item>`;
}

function tracksOf(result: FeedResult): FeedTrack[] {
  expect(result.ok, result.ok ? '' : result.message).to.equal(true);
  return result.ok ? result.tracks : [];
}

/** The one track of a one-item feed. */
function only(itemXml: string, channel?: string): FeedTrack {
  const tracks = tracksOf(readFeed(rss(itemXml, channel), BASE));
  expect(tracks).to.have.length(1);
  return tracks[0]!;
}

describe('readFeed: a realistic feed', () => {
  let text: string;
  before(async () => {
    const response = await fetch(FIXTURE);
    expect(response.ok).to.equal(true);
    text = await response.text();
  });

  it('gives its episodes with audio, newest first, with every field', () => {
    const result = readFeed(text, FIXTURE);
    expect(result).to.deep.equal({
      ok: true,
      title: 'The Tidewater Hour',
      tracks: [
        {
          // The guid is an address, which is no track id: the track keeps its position as id, and the guid apart.
          id: '0',
          guid: 'https://tidewater.example/?p=512',
          title: 'Episode 5: The last keeper',
          program: 'The Tidewater Hour',
          // 23:30 in the publisher's zone (-0500): their date, though it is already 3 April in UTC.
          date: '2026-04-02',
          image: here('artwork.jpg'),
          src: [{ src: here('long.mp3'), type: 'audio/mpeg' }],
          duration: 360,
          link: 'https://tidewater.example/?p=512',
          transcript: 'https://tidewater.example/transcripts/5.srt',
        },
        {
          id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
          guid: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
          title: 'Episode 4: Salt <b>&</b> smoke',
          program: 'Tidewater Extra',
          date: '2026-03-28',
          image: here('artwork.jpg'),
          src: [{ src: here('speech.ogg'), type: 'audio/ogg; codecs=opus' }],
          duration: 8,
          link: here('episodes/4.html'),
        },
        {
          id: 'tidewater-003',
          guid: 'tidewater-003',
          title: 'Episode 3: Fog signals',
          program: 'The Tidewater Hour',
          date: '2026-03-24',
          image: 'https://tidewater.example/art/3.jpg',
          src: [{ src: here('speech.mp3'), type: 'audio/mpeg' }],
          duration: 8,
          link: 'https://tidewater.example/episodes/3',
          transcript: here('transcripts/3.vtt'),
          chapters: here('chapters/3.json'),
        },
        {
          id: '3',
          title: 'Episode 2: Net menders',
          program: 'The Tidewater Hour',
          date: '2026-03-17',
          image: here('artwork.jpg'),
          src: [{ src: here('speech.m4a') }],
        },
      ],
      problems: [{ code: 'manifest', message: '1 item of the feed has no audio enclosure and was skipped.' }],
    });
  });

  it('names audio files that are there', async () => {
    const tracks = tracksOf(readFeed(text, FIXTURE));
    for (const track of tracks) {
      const response = await fetch(track.src[0]!.src, { method: 'HEAD' });
      expect(response.ok, track.src[0]!.src).to.equal(true);
    }
  });

  it('is fetched with requestFeed and read by readFeedResponse, against the address it came from', async () => {
    const { pending, request } = requestFeed(FIXTURE);
    const result = await readFeedResponse(pending, 'https://elsewhere.example/feed.xml', readFeed, undefined, request);
    expect(result).to.deep.equal(readFeed(text, FIXTURE));
  });

  it('asks for a feed with a CORS-safelisted Accept (no preflight)', async () => {
    const seen: (string | null)[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      seen.push(new Headers(init?.headers).get('accept'));
      return original(input, init);
    };
    try {
      await requestFeed(FIXTURE).pending;
    } finally {
      window.fetch = original;
    }
    const accept = seen[0]!;
    expect(accept).to.match(/^application\/rss\+xml/);
    expect(accept.length).to.be.at.most(128);
    expect(accept).to.not.match(/["():<>?@[\\\]{}\u007f]/);
  });
});

describe('readFeed: each field', () => {
  const cases: [string, string, Partial<Record<keyof FeedTrack, unknown>>, string?][] = [
    ['no title: named after its file', item({ title: null }), { title: 'news' }],
    ['a blank title: named after its file', item({ title: '<title>  </title>' }), { title: 'news' }],
    ["no title but an itunes:title", item({ title: null, more: '<itunes:title>Tide tables</itunes:title>' }), { title: 'Tide tables' }],
    ['a title with entities, CDATA and markup, as text', item({ title: '<title>Fish &amp; chips <![CDATA[<i>&amp;</i>]]> &#x263A;</title>' }), { title: 'Fish & chips <i>&amp;</i> \u263a' }],
    ['a title with direction overrides, cleaned as a manifest is', item({ title: '<title>Hello \u202eevil\u202c world</title>' }), { title: 'Hello evil world' }],
    ['a 400-character title, cut to 300', item({ title: `<title>${'a'.repeat(400)}</title>` }), { title: 'a'.repeat(300) }],
    ['no guid: the position as id', item(), { id: '0', guid: undefined }],
    ['a guid that is a good id', item({ more: '<guid>ep-42_b</guid>' }), { id: 'ep-42_b', guid: 'ep-42_b' }],
    ['a guid that is an address: kept apart', item({ more: '<guid isPermaLink="true">https://radio.example/?p=9</guid>' }), { id: '0', guid: 'https://radio.example/?p=9' }],
    ['a tag: guid with spaces around it', item({ more: '<guid>\n  tag:radio.example,2026:42 </guid>' }), { id: '0', guid: 'tag:radio.example,2026:42' }],
    ['a guid too long for an id: not cut into one', item({ more: `<guid>${'g'.repeat(150)}</guid>` }), { id: '0', guid: 'g'.repeat(150) }],
    ['a guid too long for an embed address: not kept', item({ more: `<guid>${'g'.repeat(1001)}</guid>` }), { id: '0', guid: undefined }],
    ['no pubDate', item(), { date: undefined }],
    ['no duration', item(), { duration: undefined }],
    ['no link', item(), { link: undefined }],
    ['a relative link', item({ more: '<link>../stories/9.html</link>' }), { link: 'https://radio.example/stories/9.html' }],
    ['no image anywhere', item(), { image: undefined }],
    ['its own itunes:image', item({ more: '<itunes:image href="art/9.jpg"/>' }), { image: 'https://radio.example/shows/art/9.jpg' }],
    ['the channel itunes:image', item(), { image: 'https://radio.example/show.jpg' }, '<title>Harbour Radio</title><itunes:image href="/show.jpg"/><image><url>logo.png</url></image>'],
    ['the channel image/url when it has no itunes:image', item(), { image: 'https://radio.example/shows/logo.png' }, '<title>Harbour Radio</title><image><url>logo.png</url><title>Logo</title></image>'],
    ['its own program from <source>', item({ more: '<source url="https://other.example/rss">Other Show</source>' }), { program: 'Other Show' }],
    ['the channel title as program', item(), { program: 'Harbour Radio' }],
    ['no channel title: no program', item(), { program: undefined }, '<description>untitled</description>'],
    ['no channel title: not the image title either', item(), { program: undefined }, '<image><url>logo.png</url><title>Logo</title></image>'],
    ['no transcript', item(), { transcript: undefined }],
    ['only an HTML transcript: none', item({ more: '<podcast:transcript url="t.html" type="text/html"/>' }), { transcript: undefined }],
    ['SRT when there is no WebVTT', item({ more: '<podcast:transcript url="t.json" type="application/json"/><podcast:transcript url="t.srt" type="application/srt"/>' }), { transcript: 'https://radio.example/shows/t.srt' }],
    ['WebVTT before SRT, whatever the order', item({ more: '<podcast:transcript url="t.srt" type="application/x-subrip"/><podcast:transcript url="t.vtt" type="text/vtt; charset=utf-8"/>' }), { transcript: 'https://radio.example/shows/t.vtt' }],
    ['a transcript without url: the next one', item({ more: '<podcast:transcript type="text/vtt"/><podcast:transcript url="t.srt" type="application/x-subrip"/>' }), { transcript: 'https://radio.example/shows/t.srt' }],
    ['no chapters', item(), { chapters: undefined }],
    ['chapters', item({ more: '<podcast:chapters url="c.json" type="application/json+chapters"/>' }), { chapters: 'https://radio.example/shows/c.json' }],
    ['an enclosure type that is not a media type: the address without it', item({ enclosure: '<enclosure url="a.mp3" type="audio/mpeg&lt;script"/>' }), { src: [{ src: 'https://radio.example/shows/a.mp3' }] }],
    ['two audio enclosures: both, in order', item({ enclosure: '<enclosure url="a.ogg" type="audio/ogg"/><enclosure url="a.mp3" type="audio/mpeg"/>' }), { src: [{ src: 'https://radio.example/shows/a.ogg', type: 'audio/ogg' }, { src: 'https://radio.example/shows/a.mp3', type: 'audio/mpeg' }] }],
    ['audio and video enclosures: the audio', item({ enclosure: '<enclosure url="a.mp4" type="video/mp4"/><enclosure url="a.m4a" type="Audio/MP4"/>' }), { src: [{ src: 'https://radio.example/shows/a.m4a', type: 'Audio/MP4' }] }],
    ['an enclosure without type, named .mp3', item({ enclosure: '<enclosure url="https://cdn.example/a.MP3?x=1"/>' }), { src: [{ src: 'https://cdn.example/a.MP3?x=1' }] }],
    ['an enclosure with an empty type, named .m4a', item({ enclosure: '<enclosure url="a.m4a" type=""/>' }), { src: [{ src: 'https://radio.example/shows/a.m4a' }] }],
    ['a description and content:encoded are ignored', item({ more: '<description>&lt;img src=x onerror=alert(1)&gt;</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<script>alert(1)</script>]]></content:encoded>' }), {}],
  ];
  for (const [what, itemXml, expected, channel] of cases) {
    it(what, () => {
      const track = only(itemXml, channel);
      for (const [key, value] of Object.entries(expected)) expect((track as unknown as Record<string, unknown>)[key], key).to.deep.equal(value);
      // Nothing but a track's own fields: no description, nothing else from the item.
      const allowed = ['id', 'guid', 'title', 'program', 'date', 'image', 'src', 'duration', 'link', 'transcript', 'chapters'];
      expect(Object.keys(track).filter((key) => !allowed.includes(key))).to.deep.equal([]);
    });
  }

  it('takes a channel title as the manifest title, and none when it has none', () => {
    const titled = readFeed(rss(item()), BASE);
    expect(titled.ok && titled.title).to.equal('Harbour Radio');
    const untitled = readFeed(rss(item(), '<image><url>logo.png</url><title>Logo</title></image>'), BASE);
    expect(untitled.ok).to.equal(true);
    expect(untitled.ok && 'title' in untitled).to.equal(false);
  });

  it('matches elements by namespace, not by prefix', () => {
    const text = `<rss version="2.0" xmlns:i="${ITUNES}" xmlns:p="${PODCAST}" xmlns:itunes="https://not-itunes.example/ns"><channel>
      <title>Harbour Radio</title>
      <item><title>One</title><enclosure url="a.mp3" type="audio/mpeg"/>
        <i:duration>1:30</i:duration><itunes:image href="wrong.jpg"/><p:transcript url="t.vtt" type="text/vtt"/><p:chapters url="c.json"/></item>
    </channel></rss>`;
    const [track] = tracksOf(readFeed(text, BASE));
    expect(track!.duration).to.equal(90);
    expect(track!.image).to.equal(undefined);
    expect(track!.transcript).to.equal('https://radio.example/shows/t.vtt');
    expect(track!.chapters).to.equal('https://radio.example/shows/c.json');
  });

  it('reads the older podcast namespace address and https for iTunes', () => {
    const text = `<rss version="2.0" xmlns:itunes="https://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"><channel>
      <item><title>One</title><enclosure url="a.mp3" type="audio/mpeg"/><itunes:duration>60</itunes:duration><podcast:chapters url="c.json"/></item>
    </channel></rss>`;
    const [track] = tracksOf(readFeed(text, BASE));
    expect([track!.duration, track!.chapters]).to.deep.equal([60, 'https://radio.example/shows/c.json']);
  });

  it('does not take elements from deeper down, nor RSS elements in another namespace', () => {
    const text = rss(
      `<item><enclosure url="a.mp3" type="audio/mpeg"/><x:title xmlns:x="https://x.example/">Namespaced</x:title><podcast:person><title>Deep</title></podcast:person></item>`,
      '<image><title>Logo</title><url>logo.png</url></image>',
    );
    const [track] = tracksOf(readFeed(text, BASE));
    expect(track!.title).to.equal('a');
    expect(track!.program).to.equal(undefined);
  });
});

describe('readFeed: items without audio', () => {
  const skipped: [string, string][] = [
    ['no enclosure', item({ enclosure: null })],
    ['a video enclosure', item({ enclosure: '<enclosure url="a.mp4" type="video/mp4"/>' })],
    ['an image enclosure', item({ enclosure: '<enclosure url="a.jpg" type="image/jpeg"/>' })],
    ['an enclosure without url', item({ enclosure: '<enclosure type="audio/mpeg" length="10"/>' })],
    ['an enclosure with an empty url', item({ enclosure: '<enclosure url=" " type="audio/mpeg"/>' })],
    ['an untyped enclosure that is a page', item({ enclosure: '<enclosure url="episode.html"/>' })],
    ['an untyped enclosure without extension', item({ enclosure: '<enclosure url="https://cdn.example/stream"/>' })],
    ['an untyped enclosure named .exe', item({ enclosure: '<enclosure url="a.exe"/>' })],
  ];
  for (const [what, itemXml] of skipped) {
    it(`skips an item with ${what}, and says so once`, () => {
      const result = readFeed(rss(item({ title: '<title>Kept</title>' }) + itemXml), BASE);
      expect(tracksOf(result).map((track) => track.title)).to.deep.equal(['Kept']);
      expect(result.problems).to.deep.equal([{ code: 'manifest', message: '1 item of the feed has no audio enclosure and was skipped.' }]);
    });
  }

  it('counts every skipped item in one problem', () => {
    const result = readFeed(rss(item() + skipped.map(([, xml]) => xml).join('')), BASE);
    expect(tracksOf(result)).to.have.length(1);
    expect(result.problems).to.deep.equal([{ code: 'manifest', message: `${skipped.length} items of the feed have no audio enclosure and were skipped.` }]);
  });

  it('fails in words when no item has audio', () => {
    const result = readFeed(rss(item({ enclosure: null }) + item({ enclosure: '<enclosure url="a.mp4" type="video/mp4"/>' })), BASE);
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.message).to.equal('This feed has no playable episode: none of its 2 items has an audio enclosure.');
  });

  it('fails in words when there are no items', () => {
    const result = readFeed(rss(''), BASE);
    expect(!result.ok && result.message).to.equal('This feed has no playable episode: it lists no items.');
  });
});

describe('readFeed: addresses', () => {
  it('resolves relative addresses against the feed', () => {
    const track = only(
      item({
        enclosure: '<enclosure url="../audio/a.mp3" type="audio/mpeg"/>',
        more: '<itunes:image href="//img.example/a.jpg"/><link>?p=1</link><podcast:transcript url="/t/a.vtt" type="text/vtt"/><podcast:chapters url="c.json"/>',
      }),
    );
    expect(track.src).to.deep.equal([{ src: 'https://radio.example/audio/a.mp3', type: 'audio/mpeg' }]);
    expect(track.image).to.equal('https://img.example/a.jpg');
    expect(track.link).to.equal('https://radio.example/shows/feed.xml?p=1');
    expect(track.transcript).to.equal('https://radio.example/t/a.vtt');
    expect(track.chapters).to.equal('https://radio.example/shows/c.json');
  });

  const refused: [string, string, keyof FeedTrack, string][] = [
    ['a javascript: image', '<itunes:image href="javascript:alert(1)"/>', 'image', 'image'],
    ['a data: link', '<link>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</link>', 'link', 'link'],
    ['a javascript: transcript', '<podcast:transcript url="javascript:alert(1)" type="text/vtt"/>', 'transcript', 'transcript'],
    ['a file: chapters', '<podcast:chapters url="file:///etc/passwd"/>', 'chapters', 'chapters'],
  ];
  for (const [what, more, field, name] of refused) {
    it(`drops ${what} with an invalid-url problem and keeps the track`, () => {
      const result = readFeed(rss(item({ more })), BASE);
      const [track] = tracksOf(result);
      expect(track![field]).to.equal(undefined);
      expect(result.problems).to.deep.equal([
        { code: 'invalid-url', index: 0, message: `Track 1: the ${name} address was refused (only http, https and relative addresses are allowed).` },
      ]);
    });
  }

  it('drops an episode whose only audio is refused, and the others keep their own guid and words', () => {
    const result = readFeed(
      rss(
        item({ title: '<title>New</title>', more: '<guid>new</guid><pubDate>Wed, 25 Mar 2026 06:00:00 GMT</pubDate><podcast:transcript url="new.vtt" type="text/vtt"/>' }) +
          item({ title: '<title>Bad</title>', enclosure: '<enclosure url="javascript:alert(1)//a.mp3" type="audio/mpeg"/>', more: '<guid>bad</guid><pubDate>Tue, 24 Mar 2026 06:00:00 GMT</pubDate><podcast:transcript url="bad.vtt" type="text/vtt"/>' }) +
          item({ title: '<title>Old</title>', more: '<guid>https://radio.example/?p=1</guid><pubDate>Mon, 23 Mar 2026 06:00:00 GMT</pubDate><podcast:chapters url="old.json"/>' }),
      ),
      BASE,
    );
    const tracks = tracksOf(result);
    expect(tracks.map((t) => [t.title, t.id, t.guid, t.transcript, t.chapters])).to.deep.equal([
      ['New', 'new', 'new', 'https://radio.example/shows/new.vtt', undefined],
      ['Old', '2', 'https://radio.example/?p=1', undefined, 'https://radio.example/shows/old.json'],
    ]);
    expect(result.problems.map((p) => [p.code, p.index])).to.deep.equal([
      ['invalid-url', 1],
      ['manifest', 1],
    ]);
  });

  it('fails in words when every episode is refused', () => {
    const result = readFeed(rss(item({ enclosure: '<enclosure url="data:audio/mpeg;base64,AAAA" type="audio/mpeg"/>' })), BASE);
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.message).to.equal('This feed has no playable episode. Track 1 ("Harbour news") has no audio address that can be used.');
    expect(result.problems.map((p) => p.code)).to.deep.equal(['invalid-url', 'manifest']);
  });
});

describe('readFeed: order and size', () => {
  const dated = (title: string, pubDate?: string) => item({ title: `<title>${title}</title>`, more: pubDate ? `<pubDate>${pubDate}</pubDate>` : '' });
  const titles = (text: string) => tracksOf(readFeed(text, BASE)).map((track) => track.title);

  it('puts the newest first, by the moment, not by the date written', () => {
    const text = rss(
      dated('Morning', 'Wed, 25 Mar 2026 01:00:00 +0000') +
        // 23:30 on the 24th in New York is 04:30 on the 25th in UTC: later than Morning, though dated earlier.
        dated('Late', 'Tue, 24 Mar 2026 23:30:00 -0500') +
        dated('Old', 'Mon, 02 Mar 2026 08:00:00 GMT'),
    );
    expect(titles(text)).to.deep.equal(['Late', 'Morning', 'Old']);
  });

  it('keeps undated episodes after the dated ones, in feed order', () => {
    const text = rss(dated('Undated A') + dated('Older', 'Mon, 02 Mar 2026 08:00:00 GMT') + dated('Unreadable', 'someday') + dated('Newer', 'Tue, 03 Mar 2026 08:00:00 GMT') + dated('Undated B'));
    expect(titles(text)).to.deep.equal(['Newer', 'Older', 'Undated A', 'Unreadable', 'Undated B']);
  });

  it('keeps the feed order of episodes published at the same moment', () => {
    const same = 'Tue, 03 Mar 2026 08:00:00 GMT';
    expect(titles(rss(dated('First', same) + dated('Second', same) + dated('Third', same)))).to.deep.equal(['First', 'Second', 'Third']);
  });

  it(`keeps the newest ${MAX_TRACKS} of 600 episodes, oldest listed first, and says so`, () => {
    const start = Date.UTC(2020, 0, 1);
    const items = Array.from({ length: 600 }, (_, i) => dated(`Day ${i}`, new Date(start + i * 86_400_000).toUTCString())).join('');
    const result = readFeed(rss(items), BASE);
    const tracks = tracksOf(result);
    expect(tracks).to.have.length(MAX_TRACKS);
    expect(tracks[0]!.title).to.equal('Day 599');
    expect(tracks[MAX_TRACKS - 1]!.title).to.equal('Day 100');
    expect(tracks[0]!.date).to.equal(new Date(start + 599 * 86_400_000).toISOString().slice(0, 10));
    expect(result.problems).to.deep.equal([{ code: 'manifest', message: 'The feed lists 600 episodes with audio; only the newest 500 are used.' }]);
  });
});

describe('readFeed: durations', () => {
  const cases: [string, number | undefined][] = [
    ['3600', 3600],
    ['90.5', 90.5],
    ['8:05', 485],
    ['75:30', 4530],
    ['60:00', 3600],
    ['1:00:00', 3600],
    ['01:02:03', 3723],
    [' 0:08 ', 8],
    ['0', undefined],
    ['0:00', undefined],
    ['-5', undefined],
    ['1:61:00', undefined],
    ['8:75', undefined],
    ['about an hour', undefined],
    ['1e9', undefined],
    ['', undefined],
  ];
  for (const [given, seconds] of cases) {
    it(`reads itunes:duration ${JSON.stringify(given)} as ${seconds}`, () => {
      expect(only(item({ more: `<itunes:duration>${given}</itunes:duration>` })).duration).to.equal(seconds);
    });
  }
});

describe('readFeed: dates', () => {
  const cases: [string, string | undefined][] = [
    ['Tue, 24 Mar 2026 06:00:00 +0000', '2026-03-24'],
    ['Tue, 24 Mar 2026 06:00:00 GMT', '2026-03-24'],
    ['Tue, 24 Mar 2026 23:59:59 -0800', '2026-03-24'],
    ['Wed, 25 Mar 2026 00:30:00 +1300', '2026-03-25'],
    ['Tue, 24 Mar 2026 06:00:00 EST', '2026-03-24'],
    ['Tue, 24 Mar 2026 06:00 Z', '2026-03-24'],
    ['24 Mar 2026 06:00:00 UT', '2026-03-24'],
    ['Tue, 4 Mar 2026 06:00:00 +0000', '2026-03-04'],
    ['Tuesday, 24 March 2026 06:00:00 PDT', '2026-03-24'],
    ['Thu, 24 Sept 2026 06:00:00 GMT', '2026-09-24'],
    ['tue, 24 mar 2026 06:00:00 gmt', '2026-03-24'],
    ['Tue, 24 Mar 26 06:00:00 GMT', '2026-03-24'],
    ['Fri, 24 Mar 95 06:00:00 GMT', '1995-03-24'],
    ['Tue, 24 Mar 2026', '2026-03-24'],
    ['2026-03-24T06:00:00Z', '2026-03-24'],
    ['2026-03-24', '2026-03-24'],
    ['Sun, 29 Feb 2026 06:00:00 GMT', undefined],
    ['Sat, 29 Feb 2020 06:00:00 GMT', '2020-02-29'],
    ['Tue, 32 Mar 2026 06:00:00 GMT', undefined],
    ['Tue, 24 Mrz 2026 06:00:00 GMT', undefined],
    ['Tue, 24 Mar 2026 25:00:00 GMT', undefined],
    ['2026-13-45', undefined],
    ['yesterday', undefined],
    ['1711260000', undefined],
    ['', undefined],
  ];
  for (const [given, date] of cases) {
    it(`reads pubDate ${JSON.stringify(given)} as ${date}`, () => {
      expect(only(item({ more: `<pubDate>${given}</pubDate>` })).date).to.equal(date);
    });
  }
});

describe('readFeed: what is not an RSS feed', () => {
  const cases: [string, string, string][] = [
    ['an empty text', '', 'This feed could not be read: it is not well-formed XML.'],
    ['plain text', 'Not found', 'This feed could not be read: it is not well-formed XML.'],
    ['JSON', '{"title": "A manifest", "tracks": []}', 'This feed could not be read: it is not well-formed XML.'],
    ['an HTML page', '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Log in</title></head><body><p>Please log in<br></body></html>', 'This feed could not be read: it is not well-formed XML.'],
    ['an XHTML page', '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Feed</title></head><body/></html>', 'This feed could not be read: it is not RSS (the root element is <html>).'],
    [
      'an Atom feed',
      '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><entry><title>A</title><link rel="enclosure" type="audio/mpeg" href="a.mp3"/></entry></feed>',
      'This feed could not be read: it is not RSS (the root element is <feed>).',
    ],
    ['RSS 1.0 (RDF)', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>', 'This feed could not be read: it is not RSS (the root element is <rdf:RDF>).'],
    ['an <rss> in a namespace', '<rss xmlns="https://not-rss.example/"><channel><item><title>A</title><enclosure url="a.mp3" type="audio/mpeg"/></item></channel></rss>', 'This feed could not be read: it is not RSS (the root element is <rss>).'],
    ['an RSS without channel', `<rss version="2.0">${item()}</rss>`, 'This feed could not be read: it has no <channel>.'],
    ['RSS cut short', rss(item()).slice(0, -20), 'This feed could not be read: it is not well-formed XML.'],
    ['RSS with an HTML entity', rss(item({ title: '<title>Caf&eacute;</title>' })), 'This feed could not be read: it is not well-formed XML.'],
    ['RSS followed by more', `${rss(item())}<rss/>`, 'This feed could not be read: it is not well-formed XML.'],
  ];
  for (const [what, text, message] of cases) {
    it(`fails in words, without throwing, for ${what}`, () => {
      expect(readFeed(text, BASE)).to.deep.equal({ ok: false, message, problems: [] });
    });
  }

  it('reads a feed with whitespace before its XML declaration', () => {
    expect(tracksOf(readFeed(`\n\n  ${rss(item())}`, BASE))).to.have.length(1);
  });
});

describe('readFeed: hostile feeds', () => {
  it('reads internal entities as text, and never fetches an external one', () => {
    const text = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY show "Harbour &amp; Radio"><!ENTITY secret SYSTEM "/package.json">]>
      <rss version="2.0"><channel><title>&show;&secret;</title>${item()}</channel></rss>`;
    const result = readFeed(text, BASE);
    expect(result.ok && result.title).to.equal('Harbour & Radio');
  });

  it('refuses an entity bomb at once', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const text = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">${levels}]><rss version="2.0"><channel><title>&l9;</title>${item()}</channel></rss>`;
    expect(readFeed(text, BASE)).to.deep.equal({ ok: false, message: 'This feed could not be read: it is not well-formed XML.', problems: [] });
  });

  it('runs no script and keeps markup as text', () => {
    const w = window as unknown as Record<string, unknown>;
    delete w.feedPwned;
    const track = only(
      item({
        title: '<title>&lt;img src=x onerror="window.feedPwned=1"&gt;</title>',
        more: `<script xmlns="http://www.w3.org/1999/xhtml">window.feedPwned = 2</script>
          <img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.feedPwned = 3"/>
          <description><![CDATA[<script>window.feedPwned = 4</script>]]></description>`,
      }),
    );
    expect(track.title).to.equal('<img src=x onerror="window.feedPwned=1">');
    expect(w.feedPwned).to.equal(undefined);
  });

  it('refuses javascript: audio and keeps nothing of it', () => {
    const result = readFeed(rss(item({ enclosure: '<enclosure url="javascript:alert(document.domain)" type="audio/mpeg"/>' })), BASE);
    expect(result.ok).to.equal(false);
    expect(result.problems[0]).to.deep.include({ code: 'invalid-url', index: 0 });
    expect(JSON.stringify(result)).to.not.contain('javascript:');
  });

  it('reads a huge feed (10,000 items) in time and keeps 500', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => item({ title: `<title>E${i}</title>`, more: `<guid>e${i}</guid><pubDate>${new Date(Date.UTC(2000, 0, 1) + i * 3_600_000).toUTCString()}</pubDate>` })).join('');
    const result = readFeed(rss(items), BASE);
    expect(tracksOf(result).length).to.equal(MAX_TRACKS);
    expect(result.ok && result.tracks[0]!.guid).to.equal('e9999');
  });
});

describe('feedTrackIndex', () => {
  const tracks = [{ guid: 'https://radio.example/?p=9' }, {}, { guid: '0' }, { guid: 'ep-3' }];
  const cases: [string, number | undefined][] = [
    ['https://radio.example/?p=9', 0],
    ['ep-3', 3],
    [' ep-3 ', 3],
    ['EP-3', undefined],
    // A guid wins over an index it looks like.
    ['0', 2],
    ['1', 1],
    ['3', 3],
    ['4', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['', undefined],
    ['nothing', undefined],
  ];
  for (const [value, index] of cases) {
    it(`finds ${JSON.stringify(value)} at ${index}`, () => {
      expect(feedTrackIndex(tracks, value)).to.equal(index);
    });
  }

  it('finds a track of a feed by the guid an embed address carries', () => {
    const result = readFeed(rss(item({ more: '<guid>tag:radio.example,2026:a b+c</guid>' }) + item({ more: '<guid>other</guid>' })), BASE);
    const query = new URLSearchParams({ track: tracksOf(result)[0]!.guid! }).toString();
    expect(feedTrackIndex(tracksOf(result), new URLSearchParams(query).get('track')!)).to.equal(0);
  });
});

describe('readFeedResponse', () => {
  const FEED_URL = 'https://radio.example/feed.xml';
  const bytes = (text: string) => new Uint8Array(Array.from(text, (c) => c.charCodeAt(0)));
  const latin1 = (prolog: string) => bytes(`${prolog}<rss version="2.0"><channel><title>Caf\u00e9 Radio</title>${item()}</channel></rss>`);
  const titleOf = async (body: BodyInit, headers: HeadersInit = {}) => {
    const result = await readFeedResponse(Promise.resolve(new Response(body, { headers })), FEED_URL, readFeed);
    return result.ok ? result.title : result.message;
  };

  it('reads UTF-8, with or without a byte order mark', async () => {
    const text = rss(item(), '<title>Caf\u00e9 \u263a</title>');
    expect(await titleOf(text)).to.equal('Caf\u00e9 \u263a');
    expect(await titleOf(new Blob(['\ufeff', text]))).to.equal('Caf\u00e9 \u263a');
  });

  it('reads the encoding its XML declaration names', async () => {
    expect(await titleOf(latin1('<?xml version="1.0" encoding="ISO-8859-1"?>'))).to.equal('Caf\u00e9 Radio');
  });

  it("reads the server's charset before the declaration", async () => {
    expect(await titleOf(latin1('<?xml version="1.0" encoding="UTF-8"?>'), { 'content-type': 'application/rss+xml; charset=windows-1252' })).to.equal('Caf\u00e9 Radio');
  });

  it('reads UTF-16 with a byte order mark', async () => {
    const text = rss(item(), '<title>Caf\u00e9</title>');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    expect(await titleOf(utf16, { 'content-type': 'application/xml; charset=iso-8859-1' })).to.equal('Caf\u00e9');
  });

  it('falls back to UTF-8 for an encoding no browser knows', async () => {
    expect(await titleOf(rss(item(), '<title>Caf\u00e9</title>').replace('encoding="UTF-8"', 'encoding="x-unknown"'))).to.equal('Caf\u00e9');
  });

  it('resolves against the address the answer came from', async () => {
    const result = await readFeedResponse(Promise.resolve(new Response(rss(item()))), FEED_URL, readFeed);
    expect(tracksOf(result)[0]!.src[0]!.src).to.equal('https://radio.example/news.mp3');
  });

  // Each refusal says "feed" for a feed, and still says "manifest" for a manifest.
  const failures: [string, () => Promise<Response>, number | undefined, string][] = [
    ['a 404', () => Promise.resolve(new Response('x', { status: 404, statusText: 'Not Found' })), undefined, 'could not be fetched: the server answered 404 Not Found.'],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch')), undefined, 'could not be fetched: the network or the server refused the request.'],
    ['an answer that never comes', () => new Promise<Response>(() => {}), 100, 'did not arrive within 1 second: the server is too slow or not answering.'],
    ['a declared size past the limit', () => Promise.resolve(new Response('x', { headers: { 'content-length': String(MAX_MANIFEST_BYTES + 1) } })), undefined, 'is too large.'],
    ['a body past the limit', () => Promise.resolve(new Response(new Uint8Array(MAX_MANIFEST_BYTES + 1).fill(32))), undefined, 'is too large.'],
  ];
  for (const [what, answer, deadline, words] of failures) {
    it(`refuses ${what} in words, as for a manifest`, async () => {
      const request = new AbortController();
      const feed = await readFeedResponse(answer(), FEED_URL, readFeed, undefined, request, deadline);
      expect(feed).to.deep.equal({ ok: false, message: `The feed ${words}`, problems: [] });
      const manifest = await readManifestResponse(answer(), 'https://radio.example/m.json', readManifest, undefined, undefined, deadline);
      expect(manifest).to.deep.equal({ ok: false, message: `The manifest ${words}`, problems: [] });
    });
  }

  it('still reads a JSON manifest, and still refuses one that is not JSON', async () => {
    const good = await readManifestResponse(Promise.resolve(new Response('{"tracks": [{"title": "A", "src": "a.mp3"}]}')), 'https://radio.example/m.json', readManifest);
    expect(good.ok && good.tracks[0]!.src).to.deep.equal([{ src: 'https://radio.example/a.mp3' }]);
    const feedAsManifest = await readManifestResponse(Promise.resolve(new Response(rss(item()))), 'https://radio.example/m.json', readManifest);
    expect(feedAsManifest).to.deep.equal({ ok: false, message: 'The manifest is not valid JSON.', problems: [] });
  });

  it('throws when a newer load aborted it', async () => {
    const signal = AbortSignal.abort();
    const pending = Promise.reject(new DOMException('aborted', 'AbortError'));
    pending.catch(() => {});
    let thrown: unknown;
    await readFeedResponse(pending, FEED_URL, readFeed, signal).catch((error) => (thrown = error));
    expect((thrown as DOMException | undefined)?.name).to.equal('AbortError');
  });
});
