// The weight budgets, on the build under test: brotli sizes are the same on every machine, so they are
// checked here, on every run, with the numbers `npm run bench` prints (the times stay in the bench).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUDGETS } from '../../scripts/bench/budgets.js';
import { firstLoads, sourcesLoadedFirst } from '../../scripts/bench/weights.js';
import { at } from './servers.mjs';

describe('Weight', () => {
  const sizes = firstLoads(at('dist'));
  const cases = [
    ['the embed page, first load', sizes.embed, BUDGETS.embedFirstLoad],
    ['earshot-player.js, first load', sizes.bundle, BUDGETS.bundleFirstLoad],
    ['earshot-host.js', sizes.host, BUDGETS.host],
  ];
  for (const [what, weight, budget] of cases) {
    it(`${what} stays within ${budget / 1024} KiB brotli`, () => {
      const files = weight.files.map((file) => `${file.file} ${file.brotli}`).join(' + ');
      console.log(`# ${what}: ${weight.brotli} bytes brotli (${files}), budget ${budget}`);
      assert.ok(weight.brotli <= budget, `${what} is ${weight.brotli} bytes brotli (${files}), over ${budget}`);
    });
  }

  it('loads the audio engine, the panels and the rest later, not first', () => {
    const later = /howler-engine|panels|bridge|media-session|resume|download-transfer/;
    for (const [name, manifest, entry] of [
      ['embed page', 'embed-manifest.json', 'embed.html'],
      ['earshot-player.js', 'bundle-manifest.json', 'src/earshot-player.ts'],
    ]) {
      const first = sourcesLoadedFirst(at('dist'), manifest, entry, later);
      assert.deepEqual(first, [], `${name} loads first: ${first.join(' ')}`);
    }
  });
});
