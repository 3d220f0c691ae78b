// Download: the file saved is byte-identical to the newsroom's, under a readable name; same origin (a
// plain link) and another origin that allows CORS (a fetch with a progress bar), and one that does not
// (the file opens).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { STORY, at, blogHtml, newContext, useServersAndBrowser, watchPage } from './servers.mjs';

/** The bytes the browser saved (copied out of it: the run's browser may be another process's). */
async function savedBytes(download) {
  const failure = await download.failure();
  assert.equal(failure, null, `the download completed (${failure})`);
  const dir = await mkdtemp(path.join(tmpdir(), 'earshot-download-'));
  try {
    const file = path.join(dir, 'saved');
    await download.saveAs(file);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function sameBytes(actual, expected, what) {
  assert.ok(Buffer.isBuffer(actual) && actual.equals(expected), `${what}: ${actual.length} bytes saved, ${expected.length} expected, identical: ${actual.equals(expected)}`);
}

describe('Download', () => {
  let servers;
  let browser;
  useServersAndBrowser((started) => ({ servers, browser } = started));

  it('saves a same-origin track byte for byte under its title, and a segment of an MP3 as that part, cut at frames: the right length, decodable', { timeout: 30_000 }, async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${servers.newsroom}/`);

    for (const [player, file, filename] of [
      [STORY.gale, 'demo/audio/interview.mp3', 'the-gale-of-1962-40s-1m16s.mp3'],
      [STORY.series, 'demo/audio/clip-1.mp3', 'part-1-the-light.mp3'],
    ]) {
      const link = page.getByRole('group', { name: player }).getByRole('link', { name: 'Download', exact: true });
      const description = await link.evaluate((node) => node.title);
      if (player === STORY.gale) assert.equal(description, 'Saves this part (0:40–1:16)');
      else assert.equal(description, '', 'a whole track needs no word on what Download saves');
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(download.suggestedFilename(), filename);
      const saved = await savedBytes(download);
      if (player !== STORY.gale) {
        sameBytes(saved, await readFile(at(file)), `${player}: ${filename}`);
        continue;
      }
      // The part (40.12–76.45 s of the file): smaller than the file, and it decodes to that length, give or take
      // the few frames before the start that the bit reservoir needs (each 1152 samples, 26 ms at 44.1 kHz).
      const whole = await readFile(at(file));
      assert.ok(saved.length < whole.length / 2, `the part (${saved.length} bytes) is not the whole file (${whole.length})`);
      const seconds = await page.evaluate(async (bytes) => {
        const decoded = await new OfflineAudioContext(1, 1, 44100).decodeAudioData(new Uint8Array(bytes).buffer);
        return decoded.duration;
      }, [...saved]);
      assert.ok(seconds > 76.45 - 40.12 - 0.05 && seconds < 76.45 - 40.12 + 0.25, `the part lasts ${seconds.toFixed(3)} s, for 36.33 s asked`);
    }
    const events = await page.evaluate(() => window.__earshot.filter((e) => e.type === 'download').map((e) => e.detail));
    assert.deepEqual(
      events.map(({ url, filename }) => ({ url, filename })),
      [
        { url: `${servers.newsroom}/audio/interview.mp3`, filename: 'the-gale-of-1962-40s-1m16s.mp3' },
        { url: `${servers.newsroom}/audio/clip-1.mp3`, filename: 'part-1-the-light.mp3' },
      ],
      'earshot-download for each',
    );
    assert.deepEqual(watch.errors.map(String), []);
    await context.close();
  });

  it('fetches a cross-origin file that allows CORS with a progress bar, and saves it byte for byte', { timeout: 30_000 }, async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    const watch = watchPage(page);
    // The blog (127.0.0.1) loads the module and the audio from the newsroom's CORS host (localhost).
    const url = servers.blogPage(
      'player.html',
      blogHtml(`<earshot-player src="${servers.cdn}/audio/interview.mp3" track-title="The Lighthouse Keepers of Harrow Point" duration="166.17"></earshot-player>`, {
        head: `<script type="module" src="${servers.cdn}/dist/earshot-player.js"></script>`,
      }),
    );
    await page.goto(url);
    const player = page.getByRole('group', { name: 'Audio player: The Lighthouse Keepers of Harrow Point' });
    const link = player.getByRole('link', { name: 'Download', exact: true });
    await link.waitFor();

    // 665 KB at 300 KB/s: long enough to see the progress bar move.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 5, downloadThroughput: 300 * 1024, uploadThroughput: -1 });

    const downloaded = page.waitForEvent('download', { timeout: 15_000 });
    await link.click();
    const progress = player.getByRole('progressbar', { name: 'Download progress' });
    await progress.waitFor();
    assert.ok(await player.getByRole('button', { name: 'Cancel download' }).isVisible(), 'a Cancel button beside the progress bar');
    // The bar moves: a percentage strictly between 0 and 100 at some point.
    const seen = new Set();
    const until = Date.now() + 8000;
    while (Date.now() < until && (await progress.count()) > 0) {
      const value = await progress.getAttribute('value').catch(() => null);
      if (value !== null) seen.add(Number(value));
      await page.waitForTimeout(100);
    }
    assert.ok([...seen].some((v) => v > 0 && v < 100), `the progress bar showed a percentage on the way: ${[...seen]}`);

    const download = await downloaded;
    assert.equal(download.suggestedFilename(), 'the-lighthouse-keepers-of-harrow-point.mp3');
    sameBytes(await savedBytes(download), await readFile(at('demo/audio/interview.mp3')), 'cross-origin download');
    await link.waitFor();
    const events = await page.evaluate(() => window.__earshot.filter((e) => e.type === 'download').map((e) => e.detail));
    assert.equal(events.length, 1);
    assert.equal(events[0].filename, 'the-lighthouse-keepers-of-harrow-point.mp3');
    assert.deepEqual(watch.errors.map(String), []);
    await cdp.detach();
    await context.close();
  });

  it("saves a transcript's words as a .txt file: the title, then each cue of the part after its time", { timeout: 20_000 }, async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${servers.newsroom}/`);
    const gale = page.getByRole('group', { name: STORY.gale });
    await gale.getByRole('button', { name: 'Transcript', exact: true }).click();
    const save = gale.getByRole('button', { name: 'Download transcript' });
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    assert.equal(download.suggestedFilename(), 'The gale of 1962 transcript.txt');
    const lines = (await savedBytes(download)).toString('utf8').split('\n');
    assert.equal(lines[0], 'The gale of 1962');
    assert.equal(lines[1], '');
    // The segment (40.12–76.45 s of the interview) has four cues, timed from its start.
    const starts = ['[0:01] Daniel Reyes: Let', '[0:08] Margaret Hale: I was six', '[0:28] Daniel Reyes: With all', '[0:30] Margaret Hale: All five'];
    assert.deepEqual(lines.slice(2, 6).map((line, i) => line.startsWith(starts[i])), [true, true, true, true], lines.slice(2, 6).join('\n'));
    assert.equal(lines.slice(6).join(''), '', 'nothing after the part');
    assert.deepEqual(watch.errors.map(String), []);
    await context.close();
  });

  it('opens a cross-origin file whose server forbids CORS', { timeout: 20_000 }, async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    const page = await context.newPage();
    const watch = watchPage(page);
    const audio = `${servers.newsroom}/audio/clip-2.mp3`;
    const url = servers.blogPage(
      'no-cors.html',
      blogHtml(`<earshot-player src="${audio}" track-title="Part 2: The keepers"></earshot-player>`, {
        head: `<script type="module" src="${servers.cdn}/dist/earshot-player.js"></script>`,
      }),
    );
    await page.goto(url);
    const link = page.getByRole('group', { name: 'Audio player: Part 2: The keepers' }).getByRole('link', { name: 'Download', exact: true });
    // Either the browser saves it or it opens in a new tab: both give the listener the file.
    const outcome = Promise.race([
      context.waitForEvent('page').then((opened) => ({ opened })),
      page.waitForEvent('download').then((download) => ({ download })),
    ]);
    await link.click();
    const { opened, download } = await outcome;
    if (opened) {
      await opened.waitForLoadState('commit').catch(() => {});
      assert.equal(opened.url(), audio, 'the file opened in a new tab');
    } else {
      sameBytes(await savedBytes(download), await readFile(at('demo/audio/clip-2.mp3')), 'no-CORS download');
    }
    assert.deepEqual(watch.errors.map(String), []);
    await context.close();
  });
});
