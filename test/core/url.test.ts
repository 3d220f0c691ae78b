import { expect } from '@open-wc/testing';
import { safeUrl } from '../../src/core/url.js';

describe('safeUrl', () => {
  const base = 'https://news.example/stories/harbor/manifest.json';
  const cases: [unknown, string | null][] = [
    ['https://cdn.example/a.mp3', 'https://cdn.example/a.mp3'],
    ['http://cdn.example/a.mp3', 'http://cdn.example/a.mp3'],
    ['a.mp3', 'https://news.example/stories/harbor/a.mp3'],
    ['../b.mp3', 'https://news.example/stories/b.mp3'],
    ['/audio/c.mp3', 'https://news.example/audio/c.mp3'],
    ['//cdn.example/d.mp3', 'https://cdn.example/d.mp3'],
    ['  https://cdn.example/e.mp3  ', 'https://cdn.example/e.mp3'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['java\tscript:alert(1)', null],
    ['data:audio/mp3;base64,AAAA', null],
    ['file:///etc/passwd', null],
    ['blob:https://news.example/1234', null],
    ['ftp://x.example/a.mp3', null],
    ['vbscript:msgbox', null],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    [42, null],
    [{ toString: () => 'https://x.example' }, null],
    ['https://' + 'a'.repeat(5000) + '.example', null],
    ['http://[::1', null],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(String(value)).slice(0, 60)} → ${expected}`, () => {
      expect(safeUrl(value, base)).to.equal(expected);
    });
  }

  it('refuses a relative URL when the base itself is not http(s)', () => {
    expect(safeUrl('a.mp3', 'file:///home/me/page.html')).to.equal(null);
  });
});
