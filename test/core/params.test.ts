import { expect } from '@open-wc/testing';
import { readManifest } from '../../src/core/manifest.js';
import { buildEmbedUrl, shareConfig } from '../../src/core/embed-url.js';
import { explain } from '../../src/core/param-words.js';
import { CONTROL_NAMES, readEmbedParams, type EmbedConfig } from '../../src/core/params.js';
import { buildEmbedSnippet } from '../../src/core/snippet.js';

const BASE = 'https://news.example/earshot/embed.html';
const at = (query: string) => readEmbedParams(`${BASE}${query}`);

describe('readEmbedParams', () => {
  const cases: [string, EmbedConfig][] = [
    ['?src=a.mp3', { track: { src: ['https://news.example/earshot/a.mp3'] } }],
    ['?src=a.ogg&src=a.mp3&title=Gale', { track: { src: ['https://news.example/earshot/a.ogg', 'https://news.example/earshot/a.mp3'], title: 'Gale' } }],
    ['?src=a.mp3&download=0', { track: { src: ['https://news.example/earshot/a.mp3'], download: false } }],
    ['?src=a.mp3&download=b.mp3&duration=1:30', { track: { src: ['https://news.example/earshot/a.mp3'], download: 'https://news.example/earshot/b.mp3', duration: 90 } }],
    ['?manifest=/m.json&track=2', { manifest: 'https://news.example/m.json', index: 2 }],
    ['?manifest=m.json&t=90', { manifest: 'https://news.example/earshot/m.json', range: { start: 90 } }],
    ['?manifest=m.json&t=1:30,2m', { manifest: 'https://news.example/earshot/m.json', range: { start: 90, end: 120 } }],
    ['?manifest=m.json#t=1h2m3s', { manifest: 'https://news.example/earshot/m.json', range: { start: 3723 } }],
    ['?manifest=m.json&autoplay=1&theme=dark&controls=embed,playlist&resize=1', { manifest: 'https://news.example/earshot/m.json', autoplay: true, theme: 'dark', controls: ['embed', 'playlist'], resize: true }],
    ['?manifest=m.json&controls=', { manifest: 'https://news.example/earshot/m.json', controls: [] }],
    ['?manifest=m.json&origin=https://blog.example', { manifest: 'https://news.example/earshot/m.json', origin: 'https://blog.example' }],
  ];
  for (const [query, expected] of cases) {
    it(`reads ${query}`, () => {
      const { config, warnings } = at(query);
      expect(config).to.deep.equal(expected);
      expect(warnings).to.deep.equal([]);
    });
  }

  const ignored: [string, EmbedConfig, RegExp][] = [
    ['?src=javascript:alert(1)', {}, /"src".*only http/],
    ['?src=data:audio/mpeg;base64,AA&src=ok.mp3', { track: { src: ['https://news.example/earshot/ok.mp3'] } }, /"src"/],
    ['?manifest=file:///etc/passwd', {}, /"manifest"/],
    ['?manifest=m.json&t=soon', { manifest: 'https://news.example/earshot/m.json' }, /"t"/],
    ['?manifest=m.json&t=90,30', { manifest: 'https://news.example/earshot/m.json' }, /"t"/],
    ['?manifest=m.json&track=-1', { manifest: 'https://news.example/earshot/m.json' }, /"track"/],
    ['?manifest=m.json&track=9999', { manifest: 'https://news.example/earshot/m.json' }, /"track"/],
    ['?manifest=m.json&theme=neon', { manifest: 'https://news.example/earshot/m.json' }, /"theme"/],
    ['?manifest=m.json&controls=playlist,share', { manifest: 'https://news.example/earshot/m.json', controls: ['playlist'] }, /"controls".*"share"/],
    ['?manifest=m.json&autoplay=yes', { manifest: 'https://news.example/earshot/m.json' }, /"autoplay"/],
    ['?manifest=m.json&utm_source=x', { manifest: 'https://news.example/earshot/m.json' }, /"utm_source"/],
    ['?src=a.mp3&image=javascript:alert(1)&link=data:text/html,x', { track: { src: ['https://news.example/earshot/a.mp3'] } }, /"image": only http, https and relative addresses are allowed\./],
    ['?manifest=m.json&feed=f.xml', { manifest: 'https://news.example/earshot/m.json' }, /ignored "feed": "manifest" wins over it\./],
    ['?feed=f.xml&src=a.mp3', { feed: 'https://news.example/earshot/f.xml' }, /"feed" wins over "src"; the one-track parameters were ignored\./],
    ['?src=a.mp3&track=ep-12', { track: { src: ['https://news.example/earshot/a.mp3'] } }, /ignored "track": not a track number/],
  ];
  for (const [query, expected, warning] of ignored) {
    it(`ignores what it cannot use in ${query}, with a warning`, () => {
      const { config, warnings } = at(query);
      expect(config).to.deep.equal(expected);
      expect(warnings.map(explain).join('\n')).to.match(warning);
    });
  }

  it('takes a feed, and a track named by its episode\'s guid', () => {
    expect(at('?feed=https://pod.example/feed.xml&track=tag:pod.example,2026:ep-12').config).to.deep.equal({ feed: 'https://pod.example/feed.xml', index: 'tag:pod.example,2026:ep-12' });
    expect(at('?feed=f.xml&track=3').config).to.deep.equal({ feed: 'https://news.example/earshot/f.xml', index: 3 });
    expect(at('?feed=javascript:alert(1)').warnings.map(explain)).to.deep.equal(['Earshot: ignored "feed": only http, https and relative addresses are allowed.']);
  });

  it('says each warning in words, and names the controls params.ts knows', () => {
    expect(explain({ name: 'controls', why: 'controls', detail: 'share' })).to.equal(`Earshot: ignored "controls": "share" is not one of ${CONTROL_NAMES.join(', ')}.`);
    expect(explain({ name: '', why: 'address' })).to.equal('Earshot: the embed address could not be read.');
  });
});

describe('origin=: an exact origin, or no host control at all', () => {
  const M = 'https://news.example/earshot/m.json';
  for (const good of ['https://blog.example', 'http://localhost:8080', 'https://xn--bcher-kva.example']) {
    it(`takes ${good}`, () => expect(at(`?manifest=m.json&origin=${encodeURIComponent(good)}`).config).to.deep.equal({ manifest: M, origin: good }));
  }
  // The mistakes a publisher makes: each closes the control rather than opening it to every page.
  const mistakes = [
    'https://blog.example/',
    'https://blog.example/path',
    'https://Blog.example',
    'HTTPS://blog.example',
    'https://blog.example:443',
    'blog.example',
    '//blog.example',
    '*',
    'null',
    'none',
    '',
    'javascript:alert(1)',
    'https://blog.example?x=1',
    'https://user@blog.example',
    'ftp://blog.example',
  ];
  for (const bad of mistakes) {
    it(`closes the control for origin=${JSON.stringify(bad)}`, () => {
      const { config } = at(`?manifest=m.json&origin=${encodeURIComponent(bad)}`);
      expect(config).to.deep.equal({ manifest: M, closed: true });
    });
  }
});

describe('embed URL round trip: parameters → player → snippet → parameters', () => {
  const configs: EmbedConfig[] = [
    { manifest: 'https://news.example/m.json' },
    { manifest: 'https://news.example/m.json', index: 2, range: { start: 40.12, end: 76.45 } },
    { manifest: 'https://news.example/m.json', index: 1, range: { start: 12.5 }, autoplay: true, theme: 'light', controls: ['download'] },
    { track: { src: ['https://cdn.example/a%20b.ogg', 'https://cdn.example/a&b.mp3'], title: 'Quotes " and \' & <tags>', program: 'Morning', date: '2026-03-24', image: 'https://cdn.example/i.jpg', download: false, link: 'https://news.example/story?id=1&x=2', duration: 166.17 }, range: { start: 40.12, end: 76.45 } },
    { track: { src: ['https://cdn.example/a.mp3'], title: 'Ünïcødé 😀' }, origin: 'https://blog.example', resize: true },
  ];
  for (const config of configs) {
    it(`keeps ${JSON.stringify(config).slice(0, 90)}`, () => {
      const url = buildEmbedUrl(BASE, config);
      expect(readEmbedParams(url)).to.deep.equal({ config, warnings: [] });
      const snippet = buildEmbedSnippet(url, config.track?.title ?? 'Story');
      const frame = parseSnippet(snippet);
      expect(frame.getAttribute('src')).to.equal(url);
      expect(readEmbedParams(frame.getAttribute('src')!).config).to.deep.equal(config);
    });
  }

  it('reproduces a manifest track as the player holds it: segment and start position', () => {
    const result = readManifest({ tracks: [{ title: 'A', src: 'a.mp3' }, { title: 'B', src: 'b.mp3', start: 40, end: 76 }] }, 'https://news.example/m.json');
    if (!result.ok) throw new Error(result.message);
    const track = result.tracks[1]!;
    const whole = shareConfig(track, { manifest: 'https://news.example/m.json', index: 1 });
    expect(whole).to.deep.equal({ manifest: 'https://news.example/m.json', index: 1 });
    const fromHere = shareConfig(track, { manifest: 'https://news.example/m.json', index: 1, start: 10 });
    expect(fromHere).to.deep.equal({ manifest: 'https://news.example/m.json', index: 1, range: { start: 10 } });
  });

  it('reproduces an inline segment with t counted from the file start', () => {
    const config = shareConfig({ src: [{ src: 'https://cdn.example/a.mp3' }], title: 'Gale', start: 40.12, end: 76.45, duration: 166 }, { index: 0 });
    expect(config).to.deep.equal({ track: { src: ['https://cdn.example/a.mp3'], title: 'Gale', duration: 166 }, range: { start: 40.12, end: 76.45 } });
    const atCurrent = shareConfig({ src: [{ src: 'https://cdn.example/a.mp3' }], title: 'Gale', start: 40, end: 76 }, { index: 0, start: 10 });
    expect(atCurrent.range).to.deep.equal({ start: 50, end: 76 });
  });
});

describe('buildEmbedSnippet', () => {
  it('is exactly the documented element with every attribute escaped', () => {
    const snippet = buildEmbedSnippet('https://news.example/embed.html?src=a.mp3&title=x', 'Tom & "Jerry" <b>\'s</b>');
    expect(snippet).to.equal(
      '<iframe src="https://news.example/embed.html?src=a.mp3&amp;title=x" width="100%" height="290" frameborder="0" scrolling="no" title="Embedded audio player: Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;" allow="autoplay; clipboard-write" loading="lazy"></iframe>',
    );
    const frame = parseSnippet(snippet);
    expect(frame.getAttribute('title')).to.equal('Embedded audio player: Tom & "Jerry" <b>\'s</b>');
  });
});

/** Parses a snippet as a page would, and checks it is one <iframe> and nothing else. */
function parseSnippet(snippet: string): HTMLIFrameElement {
  const template = document.createElement('template');
  template.innerHTML = snippet;
  const nodes = [...template.content.childNodes];
  expect(nodes.length, 'one node').to.equal(1);
  const frame = nodes[0] as HTMLIFrameElement;
  expect(frame.localName).to.equal('iframe');
  expect([...frame.attributes].map((a) => a.name)).to.deep.equal(['src', 'width', 'height', 'frameborder', 'scrolling', 'title', 'allow', 'loading']);
  expect(frame.childNodes.length).to.equal(0);
  return frame;
}

export { parseSnippet };

describe('long embed addresses', () => {
  const long = (n: number, stem: string) => `https://cdn.example/${stem}/${'é'.repeat(n)}`;
  it('keep a maximal one-track embed under 8 KB, leaving out optional fields with a warning', () => {
    const warned: string[] = [];
    const { warn } = console;
    console.warn = (message: string) => void warned.push(message);
    let href: string;
    try {
      href = buildEmbedUrl('https://news.example/earshot/embed.html', {
        track: {
          src: Array.from({ length: 8 }, (_, n) => `${long(300, `s${n}`)}.mp3`),
          title: '標'.repeat(300),
          program: '番'.repeat(300),
          date: '2026-03-24',
          image: long(600, 'image'),
          link: long(600, 'link'),
          download: long(600, 'download'),
          duration: 3600,
        },
        range: { start: 90, end: 120 },
      });
    } finally {
      console.warn = warn;
    }
    expect(href.length).to.be.at.most(8000);
    expect(warned.join('\n')).to.match(/"image" was left out/);
    const { config } = readEmbedParams(href);
    expect(config.track?.title).to.equal('標'.repeat(300));
    expect(config.track?.src[0]).to.contain('/s0/');
    expect(config.range).to.deep.equal({ start: 90, end: 120 });
  });

  it('leave a short address alone, without a warning', () => {
    const warned: string[] = [];
    const { warn } = console;
    console.warn = (message: string) => void warned.push(message);
    try {
      const href = buildEmbedUrl('https://news.example/embed.html', { track: { src: ['https://cdn.example/a.mp3'], title: 'A', image: 'https://cdn.example/a.jpg' } });
      expect(new URL(href).searchParams.get('image')).to.equal('https://cdn.example/a.jpg');
    } finally {
      console.warn = warn;
    }
    expect(warned).to.deep.equal([]);
  });
});
