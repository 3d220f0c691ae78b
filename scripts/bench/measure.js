// The bench's measurements in Chromium: navigation to a usable player, click to sound, idle timers, and
// twenty players on a page. Each run has a fresh context (empty cache); times are performance.now() in the
// page, from navigation start or from the click's capturing pointerdown (scripts/bench/probe.js marks them).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANY } from './pages.js';

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'probe.js');
const STEP_TIMEOUT = 15_000;
const IDLE_MS = 2000;
/** How long the pointer rests on Play before a click "with hover". */
export const HOVER_MS = 500;

export const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const summary = (values) => {
  const finite = values.filter((v) => Number.isFinite(v));
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), runs: values };
};

/** A fresh context (empty cache) and page with the probe, optionally on a throttled network; closed after `fn`. */
export async function withPage(browser, notes, fn, { network } = {}) {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  try {
    await context.addInitScript({ path: PROBE });
    const page = await context.newPage();
    if (network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network });
    }
    page.setDefaultTimeout(STEP_TIMEOUT);
    page.on('pageerror', (error) => notes.add(`page error in ${new URL(page.url()).pathname}: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) notes.add(`HTTP ${response.status()} for ${new URL(response.url()).pathname}`);
    });
    page.on('requestfailed', (request) => {
      const why = request.failure()?.errorText ?? '';
      // A media load cut short when the context closes is not news.
      if (!/ERR_ABORTED/.test(why)) notes.add(`request failed: ${new URL(request.url()).pathname} (${why})`);
    });
    page.on('console', (message) => {
      if ((message.type() === 'error' || message.type() === 'warning') && !message.text().startsWith('Failed to load resource')) {
        notes.add(`console ${message.type()} in ${new URL(page.url()).pathname}: ${message.text().slice(0, 160)}`);
      }
    });
    return await fn(page);
  } finally {
    await context.close();
  }
}

export async function loadUsable(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.evaluate(
      (timeout) => Promise.race([window.__bench.usable, window.__bench.sleep(timeout).then(() => Promise.reject(new Error(`not within ${timeout / 1000} s`)))]),
      STEP_TIMEOUT,
    );
  } catch (error) {
    throw new Error(`${url}: the player did not become usable (${error.message.split('\n')[0]})`);
  }
  return page.evaluate(() => ({ ...window.__bench.marks }));
}

export function pageUrls(base, file) {
  const name = file.replace(/\.mp3$/, '');
  return {
    bare: `${base}/bare-${name}.html`,
    earshot: `${base}/earshot-${name}.html`,
    embed: `${base}/dist/embed.html?src=${encodeURIComponent(`/audio/${file}`)}&title=Bench`,
  };
}

/** Clicks the bare <audio>'s own play button; falls back to a page button that calls audio.play(). */
async function clickBare(page, useButton) {
  if (useButton) {
    await page.locator('#play').click();
    return;
  }
  const box = await page.locator('#audio').boundingBox();
  await page.mouse.click(box.x + 20, box.y + box.height / 2);
}

/**
 * From a real click on Play to the media's position moving. With `hover`, the pointer rests on Play first
 * (as a mouse user's does: Earshot takes it as the sign to get ready); without, the click comes with the
 * pointer's arrival, as a tap or a quick click does.
 */
export async function clickToSound(page, kind, { useButton, hover }) {
  const target = kind === 'bare' ? (useButton ? page.locator('#play') : page.locator('#audio')) : page.locator('earshot-player button[aria-label="Play"]');
  const box = await target.boundingBox();
  const x = kind === 'bare' && !useButton ? box.x + 20 : box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (hover) {
    await page.mouse.move(x, y);
    await page.evaluate((ms) => window.__bench.sleep(ms), HOVER_MS);
  }
  await page.mouse.click(x, y);
  try {
    await page.evaluate(() => window.__bench.until(() => window.__bench.moved()).then((t) => (window.__bench.marks.sound = t)));
  } catch {
    throw new Error(`${kind} page: no sound within 15 s of the click`);
  }
  const marks = await page.evaluate(() => ({ ...window.__bench.marks }));
  if (marks.pointerdown === undefined) throw new Error(`${kind} page: the click was not seen`);
  const since = (t) => (t === undefined ? NaN : t - marks.pointerdown);
  return {
    loadCall: since(marks.mediaLoadCall),
    playCall: since(marks.mediaPlayCall),
    canplaythrough: since(marks.canplaythrough),
    playing: since(marks.mediaPlaying),
    earshotPlay: since(marks.earshotPlay),
    sound: since(marks.sound),
  };
}

/**
 * Can a click on the native <audio controls> play button be timed? (A dry run, not measured.) Returns
 * null when it can, else why not.
 */
export async function nativeClickProblem(browser, base, notes) {
  return withPage(browser, notes, async (page) => {
    await loadUsable(page, pageUrls(base, 'speech.mp3').bare);
    await clickBare(page, false);
    try {
      await page.evaluate(() => window.__bench.until(() => !document.getElementById('audio').paused && window.__bench.marks.mediaPlaying !== undefined, 3000));
    } catch {
      return 'clicking the native play button did not start playback';
    }
    const seen = await page.evaluate(() => window.__bench.marks.pointerdown !== undefined);
    return seen ? null : 'the native controls play on a click at x+20, but the click never reaches page listeners, so it cannot be timed';
  });
}

export async function measureIdle(browser, url, notes) {
  return withPage(browser, notes, async (page) => {
    await page.goto(url, { waitUntil: 'load' });
    return page.evaluate(async (ms) => {
      const bench = window.__bench;
      await bench.usable;
      const before = bench.countsAtUsable;
      bench.recordCallers = true;
      await bench.sleep(ms);
      const after = bench.counts();
      const diff = (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] - b[k]]));
      const calls = diff(after.calls, before.calls);
      const fired = diff(after.fired, before.fired);
      const total = (o) => Object.values(o).reduce((s, v) => s + v, 0);
      return { calls, fired, total: total(calls), totalFired: total(fired), callers: after.callers, status: document.querySelector('earshot-player').status };
    }, IDLE_MS);
  });
}

/**
 * ${MANY} players on one page, one run each: time from navigation to every player usable, and the JS heap
 * after a garbage collection (CDP Performance.getMetrics; the frames are same-origin, so they share the
 * page's renderer and its heap).
 */
export async function measureMany(browser, base) {
  const result = {};
  for (const kind of ['bare', 'embed']) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(`${base}/many-${kind}.html`, { waitUntil: 'domcontentloaded' });
      const ready =
        kind === 'bare'
          ? await page.evaluate(() => new Promise((resolve) => (document.readyState === 'complete' ? resolve(performance.now()) : addEventListener('load', () => resolve(performance.now())))))
          : await (
              await page.waitForFunction(
                (count) => {
                  const frames = [...document.querySelectorAll('iframe')];
                  const usable = frames.filter((frame) => {
                    const button = frame.contentDocument?.querySelector('earshot-player')?.shadowRoot?.querySelector('button[aria-label="Play"]');
                    return button && !button.disabled;
                  });
                  return usable.length === count ? performance.now() : false;
                },
                MANY,
                { timeout: 30000, polling: 5 },
              )
            ).jsonValue();
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
      result[kind] = { ready, heap: metric('JSHeapUsedSize'), nodes: metric('Nodes'), documents: metric('Documents') };
    } finally {
      await context.close();
    }
  }
  return result;
}

