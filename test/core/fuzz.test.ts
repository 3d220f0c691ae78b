import { expect } from '@open-wc/testing';
import { readManifest } from '../../src/core/manifest.js';
import { buildEmbedUrl, shareConfig } from '../../src/core/embed-url.js';
import { readEmbedParams } from '../../src/core/params.js';
import { buildEmbedSnippet } from '../../src/core/snippet.js';
import { parseTime, parseTimeRange } from '../../src/core/time.js';

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd',
  '"><script>alert(1)</script>', "'><img src=x onerror=alert(1)>", '</iframe><script>alert(1)</script>', '<!--', '-->', ']]>',
  '&amp;', '&#x27;', '\u0000', '\u2028', '\ud800', '😀', '%', '%00', '%E0%A4%A', '?', '#', '&', '=', '\\', '//evil.example',
  '__proto__', 'constructor', 'prototype', '1e309', '-1', 'NaN', 'Infinity', '9'.repeat(50), ' ', '\t\n', ',', '1:2:3:4',
];
const ALPHABET = 'abcXYZ019 :,.-_/?#&=%"\'<>`\\()[]{}hms\u00e9\u4e2d';

function randomString(next: () => number): string {
  if (next() < 0.3) return HOSTILE[Math.floor(next() * HOSTILE.length)]!;
  const length = Math.floor(next() * 40);
  let text = '';
  for (let i = 0; i < length; i++) {
    text += next() < 0.1 ? HOSTILE[Math.floor(next() * HOSTILE.length)]! : ALPHABET[Math.floor(next() * ALPHABET.length)]!;
  }
  return text;
}

function randomValue(next: () => number, depth = 0): unknown {
  const pick = next();
  if (pick < 0.35 || depth > 2) return randomString(next);
  if (pick < 0.45) return next() * 1e6 - 5e5;
  if (pick < 0.5) return [NaN, Infinity, -Infinity, -0, 1e308][Math.floor(next() * 5)];
  if (pick < 0.55) return next() < 0.5;
  if (pick < 0.6) return null;
  if (pick < 0.8) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  const fields = ['title', 'src', 'type', 'id', 'program', 'date', 'image', 'imageAlt', 'duration', 'start', 'end', 'download', 'link', 'tracks', '__proto__'];
  const object: Record<string, unknown> = {};
  for (let i = 0; i < Math.floor(next() * 8); i++) object[fields[Math.floor(next() * fields.length)]!] = randomValue(next, depth + 1);
  return object;
}

const ROUNDS = 3000;

const wellFormed = (text: string) => (text as string & { toWellFormed(): string }).toWellFormed();

describe('hostile and random input', () => {
  it(`parses ${ROUNDS} random embed URLs without throwing, and every URL it keeps is http(s)`, () => {
    const next = random(1);
    const names = ['manifest', 'src', 'title', 'program', 'date', 'image', 'download', 'link', 'duration', 'track', 't', 'autoplay', 'theme', 'controls', 'origin', 'resize', randomString(next)];
    for (let round = 0; round < ROUNDS; round++) {
      const query = new URLSearchParams();
      for (let i = 0; i < 1 + Math.floor(next() * 6); i++) query.append(names[Math.floor(next() * names.length)]!, randomString(next));
      const href = `https://news.example/embed.html?${query}${next() < 0.2 ? `#t=${encodeURIComponent(wellFormed(randomString(next)))}` : ''}`;
      const { config } = readEmbedParams(href);
      for (const url of [config.manifest, ...(config.track?.src ?? []), config.track?.image, config.track?.link, config.track?.download || undefined]) {
        if (url !== undefined) expect(new URL(url).protocol, url).to.be.oneOf(['http:', 'https:']);
      }
      // Whatever it kept survives a round trip.
      expect(readEmbedParams(buildEmbedUrl('https://news.example/embed.html', config)).config).to.deep.equal(config);
    }
  });

  it(`validates ${ROUNDS} random manifests without throwing, keeping only safe tracks`, () => {
    const next = random(2);
    for (let round = 0; round < ROUNDS; round++) {
      const data = next() < 0.5 ? { tracks: randomValue(next) } : randomValue(next);
      const result = readManifest(data, 'https://news.example/m.json');
      if (!result.ok) {
        expect(result.message).to.be.a('string').and.not.equal('');
        continue;
      }
      for (const track of result.tracks) {
        expect(track.title).to.be.a('string');
        expect(track.title.length).to.be.within(1, 300);
        for (const { src } of track.src) expect(new URL(src).protocol).to.be.oneOf(['http:', 'https:']);
        for (const url of [track.image, track.link, track.download || undefined]) if (url) expect(new URL(url).protocol).to.be.oneOf(['http:', 'https:']);
      }
    }
  });

  it(`builds ${ROUNDS} snippets from random titles and URLs that each parse back to exactly one <iframe> with the same attributes`, () => {
    const next = random(3);
    const template = document.createElement('template');
    for (let round = 0; round < ROUNDS; round++) {
      const title = randomString(next);
      const config = shareConfig(
        { src: [{ src: `https://cdn.example/${encodeURIComponent(wellFormed(randomString(next)))}.mp3` }], title, program: randomString(next), start: next() * 100 },
        { index: 0, ...(next() < 0.5 ? { start: next() * 50 } : {}) },
      );
      const url = buildEmbedUrl('https://news.example/embed.html', config);
      const snippet = buildEmbedSnippet(url, title);
      template.innerHTML = snippet;
      const nodes = template.content.childNodes;
      expect(nodes.length, snippet).to.equal(1);
      const frame = nodes[0] as Element;
      expect(frame.localName).to.equal('iframe');
      expect(frame.attributes.length).to.equal(8);
      expect(frame.getAttribute('src')).to.equal(url);
      // HTML keeps no control characters: the snippet drops them, and nothing else.
      expect(frame.getAttribute('title')).to.equal(`Embedded audio player: ${title.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')}`);
      expect(frame.getAttribute('height')).to.equal('290');
    }
  });

  it(`reads ${ROUNDS} random time strings without throwing`, () => {
    const next = random(4);
    for (let round = 0; round < ROUNDS; round++) {
      const text = randomString(next);
      const time = parseTime(text);
      if (time !== null) expect(time).to.be.within(0, 360000);
      const range = parseTimeRange(text);
      if (range?.end !== undefined) expect(range.end).to.be.above(range.start);
    }
  });
});
