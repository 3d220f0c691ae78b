/** Download names: readable, and always ending in an audio extension, whatever the address ends in. */
import { expect } from '@open-wc/testing';
import { downloadFilename } from '../../src/core/formats.js';

describe('downloadFilename', () => {
  const cases: [string, string, string | null, string][] = [
    ['The Gale of 1962!', 'https://news.example/audio/storm.mp3', null, 'the-gale-of-1962.mp3'],
    ['Part 1', 'https://news.example/a/clip-1.OGG?x=1', null, 'part-1.ogg'],
    ['Part 1', 'https://news.example/a/clip-1', 'audio/mp4', 'part-1.m4a'],
    ['Ünïcöde', 'https://news.example/a/x.flac', null, 'unicode.flac'],
    ['', 'https://news.example/a/x.wav', null, 'audio.wav'],
    // Addresses that end in something a browser would run or render: the name still ends in audio.
    ['Invoice', 'https://news.example/payload.exe', null, 'invoice.mp3'],
    ['Invoice', 'https://news.example/payload.html', null, 'invoice.mp3'],
    ['Invoice', 'https://news.example/payload.svg', null, 'invoice.mp3'],
    ['Invoice', 'https://news.example/payload.bat', 'text/html', 'invoice.mp3'],
    ['Invoice', 'https://news.example/payload.js', 'audio/ogg; codecs=opus', 'invoice.ogg'],
    ['../../etc/passwd', 'https://news.example/a.mp3', null, 'etc-passwd.mp3'],
  ];
  for (const [title, url, type, expected] of cases) {
    it(`${JSON.stringify(title)} from ${url}${type ? ` (${type})` : ''} → ${expected}`, () => {
      expect(downloadFilename(title, url, type)).to.equal(expected);
    });
  }
});
