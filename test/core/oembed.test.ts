import { expect } from '@open-wc/testing';
import { readEmbedParams, type EmbedConfig } from '../../src/core/params.js';
import { OEmbedError, toOEmbed, type OEmbedOptions, type OEmbedResponse } from '../../src/core/oembed.js';

const EMBED = 'https://cdn.example/earshot/embed.html';
const MANIFEST_URL = 'https://news.example/stories/harrow/interview.json';

const manifest = {
  title: 'Coastlines',
  tracks: [
    {
      title: 'The Lighthouse Keepers of Harrow Point',
      program: 'Coastlines',
      image: 'images/lighthouse.png',
      src: [{ src: 'audio/interview.ogg', type: 'audio/ogg; codecs=opus' }, 'audio/interview.mp3'],
      duration: 166.17,
      link: 'https://news.example/harrow',
    },
    { title: 'The gale of 1962', src: 'audio/interview.mp3', start: 40.12, end: 76.45 },
  ],
};

/** The snippet as a browser reads it: exactly one element, nothing else. */
function parseSnippet(html: string): HTMLIFrameElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const nodes = [...template.content.childNodes];
  expect(nodes, html).to.have.length(1);
  expect(nodes[0]).to.be.instanceOf(HTMLIFrameElement);
  const iframe = nodes[0] as HTMLIFrameElement;
  expect(iframe.childNodes, 'the iframe has no content').to.have.length(0);
  expect(iframe.getAttributeNames().sort()).to.deep.equal(['allow', 'frameborder', 'height', 'loading', 'scrolling', 'src', 'title', 'width']);
  return iframe;
}

/** What the embed page will play, read back from the snippet's URL. */
function embeddedConfig(response: OEmbedResponse): EmbedConfig {
  const src = parseSnippet(response.html).getAttribute('src')!;
  expect(src.startsWith(`${EMBED}?`), src).to.equal(true);
  const { config, warnings } = readEmbedParams(src);
  expect(warnings).to.deep.equal([]);
  return config;
}

describe('toOEmbed', () => {
  it('answers oEmbed 1.0 rich JSON whose html is the documented snippet', () => {
    const response = toOEmbed(manifest, { embedBase: EMBED, manifestUrl: MANIFEST_URL });
    expect(response).to.deep.include({
      version: '1.0',
      type: 'rich',
      width: 600,
      height: 290,
      title: 'The Lighthouse Keepers of Harrow Point',
      author_name: 'Coastlines',
      provider_name: 'news.example',
      provider_url: 'https://news.example/',
    });
    const iframe = parseSnippet(response.html);
    expect(iframe.getAttribute('width')).to.equal('100%');
    expect(iframe.getAttribute('height')).to.equal('290');
    expect(iframe.getAttribute('title')).to.equal('Embedded audio player: The Lighthouse Keepers of Harrow Point');
    expect(iframe.getAttribute('allow')).to.equal('autoplay; clipboard-write');
    expect(embeddedConfig(response)).to.deep.equal({ manifest: MANIFEST_URL });
    // It survives the trip a consumer's server makes it take.
    expect(JSON.parse(JSON.stringify(response))).to.deep.equal(response);
  });

  const embeds: [string, unknown, Partial<OEmbedOptions>, EmbedConfig][] = [
    ['a manifest by URL, track 1', manifest, { manifestUrl: MANIFEST_URL, index: 1 }, { manifest: MANIFEST_URL, index: 1 }],
    [
      'a bare track, by its fields',
      { title: 'Gale', program: 'Coastlines', src: 'https://news.example/a.mp3', start: 40, end: 76, download: false },
      {},
      { track: { src: ['https://news.example/a.mp3'], title: 'Gale', program: 'Coastlines', download: false }, range: { start: 40, end: 76 } },
    ],
    [
      'track 1 of a bare list of tracks, by its fields',
      [{ title: 'One', src: 'https://a.example/1.mp3' }, { title: 'Two', src: 'https://a.example/2.mp3', duration: 12 }],
      { index: 1 },
      { track: { src: ['https://a.example/2.mp3'], title: 'Two', duration: 12 } },
    ],
  ];
  for (const [name, data, options, expected] of embeds) {
    it(`embeds ${name}`, () => {
      expect(embeddedConfig(toOEmbed(data, { embedBase: EMBED, ...options }))).to.deep.equal(expected);
    });
  }

  const hostileTitles = [
    '"><script>alert(1)</script>',
    "' onload='alert(1)",
    '</iframe><img src=x onerror=alert(1)>',
    '&amp; &lt;b&gt; already escaped',
    '<!-- a comment',
    'A\u0000B\u0007C',
    '𝄞 Bach & <Sons> "live"',
  ];
  for (const title of hostileTitles) {
    it(`keeps the title ${JSON.stringify(title)} as text in one iframe`, () => {
      const response = toOEmbed({ title, src: 'https://a.example/a.mp3' }, { embedBase: EMBED });
      const iframe = parseSnippet(response.html);
      const text = title.replace(/[\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ');
      expect(response.title).to.equal(text);
      expect(iframe.getAttribute('title')).to.equal(`Embedded audio player: ${text}`);
      expect(embeddedConfig(response).track?.title).to.equal(text);
      expect(response.html).not.to.match(/<(?!iframe |\/iframe>)/);
    });
  }

  const sizes: [Partial<OEmbedOptions>, { width: number; height: number }][] = [
    [{}, { width: 600, height: 290 }],
    [{ maxwidth: 400 }, { width: 400, height: 290 }],
    [{ maxwidth: 280 }, { width: 280, height: 290 }],
    [{ maxwidth: 480.7 }, { width: 480, height: 290 }],
    [{ maxwidth: 5000 }, { width: 1200, height: 290 }],
    [{ maxheight: 290 }, { width: 600, height: 290 }],
    [{ maxwidth: 700, maxheight: 1000 }, { width: 700, height: 290 }],
  ];
  for (const [limits, expected] of sizes) {
    it(`stays within ${JSON.stringify(limits)}`, () => {
      const response = toOEmbed(manifest, { embedBase: EMBED, manifestUrl: MANIFEST_URL, ...limits });
      expect({ width: response.width, height: response.height }).to.deep.equal(expected);
      if (limits.maxwidth) expect(response.width).to.be.at.most(limits.maxwidth);
      if (limits.maxheight) expect(response.height).to.be.at.most(limits.maxheight);
      expect(parseSnippet(response.html).getAttribute('width')).to.equal('100%');
    });
  }

  it('names a thumbnail only with its size, as oEmbed requires', () => {
    const withoutSize = toOEmbed(manifest, { embedBase: EMBED, manifestUrl: MANIFEST_URL });
    expect(withoutSize).not.to.have.any.keys('thumbnail_url', 'thumbnail_width', 'thumbnail_height');
    const withSize = toOEmbed(manifest, { embedBase: EMBED, manifestUrl: MANIFEST_URL, thumbnailWidth: 1400, thumbnailHeight: 1400 });
    expect(withSize).to.deep.include({ thumbnail_url: 'https://news.example/stories/harrow/images/lighthouse.png', thumbnail_width: 1400, thumbnail_height: 1400 });
    const noImage = toOEmbed(manifest, { embedBase: EMBED, manifestUrl: MANIFEST_URL, index: 1, thumbnailWidth: 1400, thumbnailHeight: 1400 });
    expect(noImage).not.to.have.any.keys('thumbnail_url');
  });

  it('takes the provider and cache age it is given', () => {
    const response = toOEmbed(manifest, {
      embedBase: EMBED,
      manifestUrl: MANIFEST_URL,
      providerName: '  North Coast <Newsroom>  ',
      providerUrl: 'https://news.example/about',
      cacheAge: 3600,
    });
    expect(response).to.deep.include({ provider_name: 'North Coast <Newsroom>', provider_url: 'https://news.example/about', cache_age: 3600 });
  });

  it("names the track's link as the provider when there is no manifest URL", () => {
    const response = toOEmbed({ title: 'A', src: 'https://cdn.example/a.mp3', link: 'https://radio.example/a' }, { embedBase: EMBED });
    expect(response).to.deep.include({ provider_name: 'radio.example', provider_url: 'https://radio.example/' });
  });

  it('tells about tracks it dropped and embeds the ones that validate', () => {
    const problems: string[] = [];
    const response = toOEmbed({ tracks: [{ title: 'Bad', src: 'javascript:alert(1)' }, { title: 'Good', src: 'a.mp3' }] }, {
      embedBase: EMBED,
      manifestUrl: MANIFEST_URL,
      onProblem: (problem) => problems.push(problem.message),
    });
    expect(response.title).to.equal('Good');
    expect(problems.join('\n')).to.match(/Track 1.*refused/);
  });

  const refusals: [string, unknown, Partial<OEmbedOptions>, string, RegExp][] = [
    ['a string', 'not a manifest', {}, 'manifest', /not a track, a list of tracks/],
    ['null', null, {}, 'manifest', /not a track/],
    ['no playable track', { tracks: [{ title: 'x' }] }, {}, 'manifest', /no playable track.*no audio address/],
    ['only a javascript: source', { title: 'x', src: 'javascript:alert(1)' }, {}, 'manifest', /no playable track/],
    ['relative addresses without manifestUrl', { title: 'x', src: 'a.mp3' }, {}, 'manifest', /Relative addresses need the manifest's own URL/],
    ['a track past the end', manifest, { manifestUrl: MANIFEST_URL, index: 2 }, 'not-found', /no track 2: the manifest has 2 playable tracks \(0 to 1\)/],
    ['a negative track', manifest, { manifestUrl: MANIFEST_URL, index: -1 }, 'options', /whole number/],
    ['a fractional track', manifest, { manifestUrl: MANIFEST_URL, index: 0.5 }, 'options', /whole number/],
    ['maxwidth below the player', manifest, { manifestUrl: MANIFEST_URL, maxwidth: 200 }, 'size', /at least 280 px of width; maxwidth is 200/],
    ['maxheight below the player', manifest, { manifestUrl: MANIFEST_URL, maxheight: 150 }, 'size', /290 px of height; maxheight is 150/],
    ['maxwidth NaN', manifest, { manifestUrl: MANIFEST_URL, maxwidth: NaN }, 'options', /maxwidth must be a positive number/],
    ['maxheight -1', manifest, { manifestUrl: MANIFEST_URL, maxheight: -1 }, 'options', /maxheight must be a positive number/],
    ['a relative embedBase', manifest, { manifestUrl: MANIFEST_URL, embedBase: 'embed.html' }, 'options', /embedBase must be an absolute http/],
    ['a javascript: embedBase', manifest, { manifestUrl: MANIFEST_URL, embedBase: 'javascript:alert(1)//' }, 'options', /embedBase/],
    ['a data: manifestUrl', manifest, { manifestUrl: 'data:application/json,{}' }, 'options', /manifestUrl/],
    ['a javascript: providerUrl', manifest, { manifestUrl: MANIFEST_URL, providerUrl: 'javascript:alert(1)' }, 'options', /providerUrl/],
    ['a negative cacheAge', manifest, { manifestUrl: MANIFEST_URL, cacheAge: -5 }, 'options', /cacheAge/],
  ];
  for (const [name, data, options, code, message] of refusals) {
    it(`refuses ${name} with an error in words`, () => {
      let error: unknown;
      try {
        toOEmbed(data, { embedBase: EMBED, ...options });
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(OEmbedError);
      expect((error as OEmbedError).code).to.equal(code);
      expect((error as OEmbedError).message).to.match(message);
    });
  }
});
