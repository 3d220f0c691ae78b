/**
 * Why a source failed, asked of the real test server (test/support/media-server.js): each fault gives its own
 * words, and a server that never answers cannot keep the listener waiting.
 */
import { expect } from '@open-wc/testing';
import { diagnose } from '../../src/core/diagnose.js';

const token = () => `diagnose-${Math.random().toString(36).slice(2)}`;
const FILE = 'test/fixtures/speech.mp3';

describe('diagnose(): a failed source in words', () => {
  const cases: [string, string, number, string, RegExp][] = [
    ['a 404', `/fault/404/${FILE}`, 4, 'network', /answered 404/],
    ['a connection cut mid-file', `/fault/cut/test/fixtures/long.mp3`, 4, 'network', /connection was lost/],
    ['a web page', `/fault/html/${FILE}`, 4, 'decode', /text\/html, not audio/],
    ['a damaged file', '/media/test/fixtures/corrupt.mp3', 4, 'decode', /damaged/],
    ['a network error on a file that reads whole', `/media/${FILE}`, 2, 'network', /connection was lost/],
    ['an unreachable server', 'http://127.0.0.1:9/a.mp3', 2, 'network', /connection was lost/],
    ['an unreachable server, not a media network error', 'http://127.0.0.1:9/a.mp3', 4, 'network', /could not be reached/],
  ];
  for (const [what, path, mediaCode, code, words] of cases) {
    it(`says so for ${what}`, async () => {
      const result = await diagnose(`${path}?t=${token()}`, mediaCode);
      expect(result.code).to.equal(code);
      expect(result.reason).to.match(words);
    });
  }

  it('gives up on a server that does not answer, at its deadline', async () => {
    const started = performance.now();
    const result = await diagnose(`/fault/slow/20000/${FILE}?t=${token()}`, 2, 300);
    expect(performance.now() - started).to.be.below(3000);
    expect(result).to.deep.equal({ code: 'network', reason: 'the server stopped answering' });
  });
});
