// `npm run bench`: how heavy Earshot is and how fast it gets to a usable player and to sound, each measured
// against a bare <audio controls> page. Builds nothing: run `npm run build` first.
//
//   node scripts/bench.js [--runs N] [--json]
//
// 1. Weight: brotli (quality 11) of dist/earshot-player.js and of the embed page (embed.html plus every
//    script and stylesheet it loads, following static imports), against budgets; and the floor under
//    them: howler's core and a minimal lit element (bundled here with esbuild into a temp folder).
// 2. Navigation to a usable player, 3. real click to sound: median of N runs, one Chromium process, a
//    fresh browser context (empty cache) per run, pages served from 127.0.0.1 with range requests.
// 4. Idle: timers and animation frames the Earshot page asks for in 2 s while usable and not playing.
// 5. Twenty players on one page, embeds against bare <audio>: time to all usable and JS heap (one run).
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveSite } from './serve.js';
import { findChrome, chromeFlags } from './find-chrome.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const fixtures = path.join(root, 'test', 'fixtures');

const BUNDLE_BUDGET = 20480;
const EMBED_BUDGET = 22528;
const HOST_BUDGET = 2048;
const MANY = 20;
const IDLE_MS = 2000;
const STEP_TIMEOUT = 15000;
const TOTAL_TIMEOUT = 110000;
const AUDIO = [
  { file: 'speech.mp3', label: 'speech.mp3 (8 s)' },
  { file: 'long.mp3', label: 'long.mp3 (360 s)' },
];

// ——— Arguments ———

function parseArgs(argv) {
  const options = { runs: 7, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--runs' || arg.startsWith('--runs=')) {
      const value = arg.includes('=') ? arg.slice('--runs='.length) : argv[(i += 1)];
      const runs = Number(value);
      if (!Number.isInteger(runs) || runs < 1 || runs > 25) fail(`--runs wants a whole number from 1 to 25, not ${value ?? 'nothing'}`);
      options.runs = runs;
    } else if (arg === '--help' || arg === '-h') {
      console.log('Usage: node scripts/bench.js [--runs N] [--json]   (run `npm run build` first)');
      process.exit(0);
    } else fail(`unknown argument ${arg} (try --help)`);
  }
  return options;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

// ——— 1. Weight ———

const brotli = (buffer) =>
  brotliCompressSync(buffer, {
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
  }).length;

const kib = (bytes) => bytes / 1024;
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

function attributesOf(tag) {
  const attributes = {};
  for (const match of tag.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attributes[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

/** Local files an HTML page loads: script src, modulepreload and stylesheet links. */
function htmlDependencies(htmlFile) {
  const html = readFileSync(htmlFile, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const found = [];
  const external = [];
  const add = (url) => {
    if (!url) return;
    if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) || url.startsWith('data:')) return void external.push(url);
    const clean = url.split(/[?#]/)[0];
    found.push(clean.startsWith('/') ? path.join(dist, clean) : path.resolve(path.dirname(htmlFile), clean));
  };
  for (const match of html.matchAll(/<script\b[^>]*>/gi)) add(attributesOf(match[0].slice(7, -1)).src);
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const attributes = attributesOf(match[0].slice(5, -1));
    const rels = (attributes.rel ?? '').toLowerCase().split(/\s+/);
    if (rels.includes('stylesheet') || rels.includes('modulepreload')) add(attributes.href);
  }
  return { found, external };
}

/** Relative static imports of a JS chunk (and `@import`s of a stylesheet); dynamic imports apart. */
function chunkDependencies(file) {
  const text = readFileSync(file, 'utf8');
  const statics = new Set();
  const dynamics = new Set();
  const resolve = (spec) => path.resolve(path.dirname(file), spec.split(/[?#]/)[0]);
  if (file.endsWith('.css')) {
    for (const m of text.matchAll(/@import\s+(?:url\()?\s*["']?(\.{1,2}\/[^"')\s;]+)/g)) statics.add(resolve(m[1]));
    return { statics: [...statics], dynamics: [] };
  }
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) statics.add(resolve(m[1]));
  // Rolldown writes dynamic imports with template literals: import(`./panels-….js`).
  for (const m of text.matchAll(/\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)) dynamics.add(resolve(m[1]));
  return { statics: [...statics].filter(existsSync), dynamics: [...dynamics].filter(existsSync) };
}

function embedPageFiles() {
  const htmlFile = path.join(dist, 'embed.html');
  const { found, external } = htmlDependencies(htmlFile);
  const files = [htmlFile];
  const lazy = new Set();
  const queue = [...found];
  while (queue.length > 0) {
    const file = queue.shift();
    if (files.includes(file)) continue;
    if (!existsSync(file)) throw new Error(`embed.html loads ${rel(file)}, which is not in dist/`);
    files.push(file);
    if (/\.(m?js|css)$/.test(file)) {
      const { statics, dynamics } = chunkDependencies(file);
      queue.push(...statics);
      for (const d of dynamics) lazy.add(d);
    }
  }
  for (const file of files) lazy.delete(file);
  return { files, lazy: [...lazy], external };
}

async function litFloor(tmp) {
  const { build } = await import('esbuild');
  const entry = path.join(tmp, 'lit-minimal.js');
  writeFileSync(
    entry,
    `import { LitElement, html, css } from 'lit';
class MinimalElement extends LitElement {
  static properties = { name: {} };
  static styles = css\`:host { display: block; }\`;
  constructor() { super(); this.name = 'World'; }
  render() { return html\`<p>Hello, \${this.name}</p>\`; }
}
customElements.define('minimal-element', MinimalElement);
`,
  );
  const outfile = path.join(tmp, 'lit-minimal.bundle.js');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    nodePaths: [path.join(root, 'node_modules')],
    logLevel: 'silent',
    legalComments: 'none',
  });
  return readFileSync(outfile);
}

async function measureSizes(tmp) {
  const size = (file) => {
    const buffer = readFileSync(file);
    return { file: rel(file), raw: buffer.length, brotli: brotli(buffer) };
  };
  const bundle = size(path.join(dist, 'earshot-player.js'));
  const hostFile = path.join(dist, 'earshot-host.js');
  const host = existsSync(hostFile) ? size(hostFile) : null;
  const embed = embedPageFiles();
  const embedFiles = embed.files.map(size);
  const embedTotal = embedFiles.reduce((sum, f) => sum + f.brotli, 0);
  const howler = size(path.join(root, 'node_modules', 'howler', 'dist', 'howler.core.min.js'));
  const litBuffer = await litFloor(tmp);
  const lit = { file: 'lit 3 minimal element (esbuild, minified)', raw: litBuffer.length, brotli: brotli(litBuffer) };
  return {
    bundle: { ...bundle, budget: BUNDLE_BUDGET, pass: bundle.brotli < BUNDLE_BUDGET },
    host: host && { ...host, budget: HOST_BUDGET, pass: host.brotli < HOST_BUDGET },
    embed: {
      brotli: embedTotal,
      budget: EMBED_BUDGET,
      pass: embedTotal <= EMBED_BUDGET,
      files: embedFiles,
      lazy: embed.lazy.map(size),
      external: embed.external,
    },
    floor: { howler, lit, total: howler.brotli + lit.brotli },
  };
}

// ——— Pages ———

// Runs before any page script, in the page's own world: wraps the timer functions to count them, and
// knows when the page is usable. The bench's own waits use the unwrapped originals.
const INIT_SCRIPT = `(() => {
  const original = { setTimeout: window.setTimeout, setInterval: window.setInterval, requestAnimationFrame: window.requestAnimationFrame };
  const calls = { setTimeout: 0, setInterval: 0, requestAnimationFrame: 0 };
  const fired = { setTimeout: 0, setInterval: 0, requestAnimationFrame: 0 };
  const callers = [];
  for (const name of Object.keys(original)) {
    const fn = original[name];
    window[name] = function (callback, ...rest) {
      calls[name] += 1;
      if (bench.recordCallers && callers.length < 10) callers.push(name + ': ' + String(new Error().stack).split('\\n').slice(2, 4).map((l) => l.trim()).join(' < '));
      const wrapped = typeof callback === 'function' ? function (...args) { fired[name] += 1; return callback.apply(this, args); } : callback;
      return fn.call(window, wrapped, ...rest);
    };
  }
  const sleep = (ms) => new Promise((resolve) => original.setTimeout.call(window, resolve, ms));
  const bench = (window.__bench = {
    marks: {},
    recordCallers: false,
    counts: () => ({ calls: { ...calls }, fired: { ...fired }, callers: [...callers] }),
    sleep,
    async until(predicate, timeout = ${STEP_TIMEOUT}) {
      const end = performance.now() + timeout;
      while (!predicate()) {
        if (performance.now() > end) throw new Error('timed out');
        await sleep(0);
      }
      return performance.now();
    },
  });
  document.addEventListener('DOMContentLoaded', () => { bench.marks.domContentLoaded = performance.now(); }, { once: true });
  // The moment of the listener's click, wherever it lands.
  window.addEventListener('pointerdown', () => { if (bench.marks.pointerdown === undefined) bench.marks.pointerdown = performance.now(); }, { capture: true });
  window.addEventListener('earshot-play', () => { if (bench.marks.earshotPlay === undefined) bench.marks.earshotPlay = performance.now(); }, { capture: true });
  // The media elements Earshot (howler) makes are not in the DOM: catch them as they are told to load or play.
  const first = (name) => { if (bench.marks[name] === undefined) bench.marks[name] = performance.now(); };
  const isOurs = (media) => String(media.src || media.currentSrc).includes('/audio/');
  const watch = (media) => {
    if (media.__benchWatched) return;
    media.__benchWatched = true;
    media.addEventListener('canplaythrough', () => isOurs(media) && first('canplaythrough'));
    media.addEventListener('playing', () => isOurs(media) && first('mediaPlaying'));
  };
  for (const name of ['load', 'play']) {
    const method = HTMLMediaElement.prototype[name];
    HTMLMediaElement.prototype[name] = function (...args) {
      if (isOurs(this)) {
        watch(this);
        first(name === 'play' ? 'mediaPlayCall' : 'mediaLoadCall');
      }
      return method.apply(this, args);
    };
  }
  const earshotUsable = async () => {
    await customElements.whenDefined('earshot-player');
    bench.marks.defined = performance.now();
    const find = () => document.querySelector('earshot-player');
    const wait = (target, options, test) => test() ? undefined : new Promise((resolve) => {
      const observer = new MutationObserver(() => { if (test()) { observer.disconnect(); resolve(); } });
      observer.observe(target, options);
    });
    await wait(document, { childList: true, subtree: true }, () => !!find());
    const el = find();
    while (!(await el.updateComplete)) {}
    const playButton = () => el.shadowRoot && el.shadowRoot.querySelector('button[aria-label="Play"]');
    await wait(el.shadowRoot || el, { childList: true, subtree: true, attributes: true }, () => playButton() && !playButton().disabled);
    return performance.now();
  };
  bench.usable = new Promise((resolve, reject) => {
    const done = (t) => {
      bench.marks.usable = t;
      bench.countsAtUsable = bench.counts();
      const scripts = performance.getEntriesByType('resource').filter((e) => /\.m?js$/.test(new URL(e.name).pathname));
      if (scripts.length) bench.marks.scriptFetched = Math.max(...scripts.map((e) => e.responseEnd));
      resolve(t);
    };
    if (location.pathname.includes('bare')) {
      // DOMContentLoaded, with the <audio> in the document (the page's inline script marks it).
      const ready = () => bench.marks.audioParsed !== undefined ? done(Math.max(bench.marks.audioParsed, bench.marks.domContentLoaded)) : reject(new Error('no <audio> in the bare page'));
      if (bench.marks.domContentLoaded !== undefined) ready(); else document.addEventListener('DOMContentLoaded', ready, { once: true });
    } else earshotUsable().then(done, reject);
  });
})();`;

function writePages(tmp) {
  // Browsers ask for /favicon.ico: an empty one keeps a 404 out of the measurements and the notes.
  writeFileSync(path.join(tmp, 'favicon.ico'), '');
  const head = (title) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body>
`;
  const many = (body) => `${head(`${MANY} players`)}${body}\n</body></html>\n`;
  const indices = Array.from({ length: MANY }, (_, i) => i + 1);
  writeFileSync(path.join(tmp, 'many-bare.html'), many(indices.map((i) => `<audio controls preload="none" src="/audio/speech.mp3?n=${i}"></audio>`).join('\n')));
  writeFileSync(
    path.join(tmp, 'many-embed.html'),
    many(indices.map((i) => `<iframe src="/dist/embed.html?src=${encodeURIComponent(`/audio/speech.mp3?n=${i}`)}&amp;title=Bench+${i}" width="100%" height="290" frameborder="0" scrolling="no" title="Embedded audio player: Bench ${i}" allow="autoplay"></iframe>`).join('\n')),
  );
  for (const { file } of AUDIO) {
    const name = file.replace(/\.mp3$/, '');
    writeFileSync(
      path.join(tmp, `bare-${name}.html`),
      `${head('bare audio')}<audio id="audio" controls preload="none" src="/audio/${file}"></audio>
<script>
  window.__bench.marks.audioParsed = performance.now();
  (() => {
    const audio = document.getElementById('audio');
    const marks = window.__bench.marks;
    audio.addEventListener('canplaythrough', () => { if (marks.canplaythrough === undefined) marks.canplaythrough = performance.now(); });
    audio.addEventListener('playing', () => { if (marks.mediaPlaying === undefined) marks.mediaPlaying = performance.now(); });
    audio.addEventListener('timeupdate', () => { if (marks.timeupdate === undefined && audio.currentTime > 0) marks.timeupdate = performance.now(); });
  })();
</script>
<p><button id="play" type="button" onclick="document.getElementById('audio').play()">Play</button></p>
</body></html>
`,
    );
    writeFileSync(
      path.join(tmp, `earshot-${name}.html`),
      `${head('Earshot')}<script type="module" src="/dist/earshot-player.js"></script>
<earshot-player src="/audio/${file}" track-title="Bench"></earshot-player>
</body></html>
`,
    );
  }
}

// ——— Browser measurements ———

const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const summary = (values) => {
  const finite = values.filter((v) => Number.isFinite(v));
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), runs: values };
};

async function withPage(browser, notes, fn) {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  try {
    await context.addInitScript({ content: INIT_SCRIPT });
    const page = await context.newPage();
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

async function loadUsable(page, url) {
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

function pageUrls(base, file) {
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

async function clickToSound(page, kind, useButton) {
  if (kind === 'bare') await clickBare(page, useButton);
  else await page.locator('earshot-player button[aria-label="Play"]').click();
  try {
    await page.evaluate(
      (kind) => {
        const target = kind === 'bare' ? document.getElementById('audio') : document.querySelector('earshot-player');
        return window.__bench.until(() => target.currentTime > 0).then((t) => (window.__bench.marks.sound = t));
      },
      kind,
    );
    // The bare page's first timeupdate with currentTime > 0 can come a little after currentTime moved.
    if (kind === 'bare') await page.evaluate(() => window.__bench.until(() => window.__bench.marks.timeupdate !== undefined, 2000));
  } catch {
    throw new Error(`${kind} page: no sound within ${STEP_TIMEOUT / 1000} s of the click`);
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
    timeupdate: since(marks.timeupdate),
  };
}

/**
 * Can a click on the native <audio controls> play button be timed? (A dry run, not measured.) Returns
 * null when it can, else why not.
 */
async function nativeClickProblem(browser, base, notes) {
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

async function measureIdle(browser, url, notes) {
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
async function measureMany(browser, base) {
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

async function measureBrowser(runs, tmp, notes) {
  const { chromium } = await import('playwright-core');
  const executablePath = findChrome();
  const server = await serveSite({ mounts: [['/dist', dist], ['/audio', fixtures], ['/', tmp]] });
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: chromeFlags, headless: true });
    const version = browser.version();
    const base = server.url;
    const speech = pageUrls(base, 'speech.mp3');

    // One unmeasured round first, so that the first measured run does not pay for the browser's warm-up.
    for (const url of Object.values(speech)) await withPage(browser, notes, (page) => loadUsable(page, url));

    const usable = { bare: [], earshot: [], embed: [] };
    const breakdown = { earshotScript: [], earshotDefined: [], embedScript: [], embedDefined: [] };
    for (let i = 0; i < runs; i += 1) {
      for (const kind of ['bare', 'earshot', 'embed']) {
        const marks = await withPage(browser, notes, (page) => loadUsable(page, speech[kind]));
        usable[kind].push(marks.usable);
        if (kind !== 'bare') {
          breakdown[`${kind}Script`].push(marks.scriptFetched);
          breakdown[`${kind}Defined`].push(marks.defined);
        }
      }
    }

    const nativeProblem = await nativeClickProblem(browser, base, notes);
    const nativeClick = nativeProblem === null;
    const clicks = {};
    for (const { file } of AUDIO) {
      const urls = pageUrls(base, file);
      const results = { bare: [], earshot: [], embed: [] };
      for (let i = 0; i < runs; i += 1) {
        for (const kind of ['bare', 'earshot', 'embed']) {
          results[kind].push(
            await withPage(browser, notes, async (page) => {
              await loadUsable(page, urls[kind]);
              return clickToSound(page, kind, !nativeClick);
            }),
          );
        }
      }
      clicks[file] = Object.fromEntries(
        Object.entries(results).map(([kind, list]) => [
          kind,
          Object.fromEntries(Object.keys(list[0]).map((key) => [key, summary(list.map((r) => r[key]))])),
        ]),
      );
    }

    const many = await measureMany(browser, base);
    const idle = await measureIdle(browser, speech.earshot, notes);
    const idleEmbed = await measureIdle(browser, speech.embed, notes);
    return {
      chromium: version,
      usable: {
        bare: summary(usable.bare),
        earshot: summary(usable.earshot),
        embed: summary(usable.embed),
        earshotScript: summary(breakdown.earshotScript),
        earshotDefined: summary(breakdown.earshotDefined),
        embedScript: summary(breakdown.embedScript),
        embedDefined: summary(breakdown.embedDefined),
      },
      clickMethod: nativeClick
        ? 'a real click on the native controls\' play button (x+20, y+height/2)'
        : `a real click on a page <button>Play</button> that calls audio.play() (${nativeProblem})`,
      clicks,
      many,
      idle: { earshot: idle, embed: idleEmbed },
    };
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
  }
}

// ——— Report ———

const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const times = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');
const round = (v) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
const spread = (s) => (Number.isFinite(s.min) ? `${round(s.min)}–${round(s.max)}` : '');

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c] ?? '').length)));
  return rows
    .map((row, r) => {
      const line = row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('   ');
      return r === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('   ')}` : line;
    })
    .join('\n');
}

function printReport(result) {
  const { sizes, browser, runs } = result;
  const out = [];
  out.push(`Earshot bench — Chromium ${browser.chromium}, N = ${runs} runs (median; min–max in brackets), node ${process.version}, ${result.cpus} CPUs, load average ${result.loadAverage}`);
  out.push(
    'Method: one headless Chromium, a fresh context (empty cache) per run, one unmeasured warm-up round; pages on 127.0.0.1 (scripts/serve.js, ranges, no throttling);',
  );
  out.push(`        times are performance.now() in the page (from navigation start, or from the click's capturing pointerdown). Bare click: ${browser.clickMethod}.`);
  out.push('');
  const kb = (b) => `${kib(b).toFixed(1)} KiB`;
  const embedParts = sizes.embed.files.map((f) => `${path.basename(f.file)} ${f.brotli}`).join(' + ');
  out.push(
    table([
      ['Weight (brotli q11)', 'bytes', 'KiB', 'budget', 'result'],
      ['dist/earshot-player.js', sizes.bundle.brotli, kib(sizes.bundle.brotli).toFixed(1), kb(BUNDLE_BUDGET), sizes.bundle.pass ? 'PASS' : 'OVER'],
      [`embed page (${sizes.embed.files.length} files)`, sizes.embed.brotli, kib(sizes.embed.brotli).toFixed(1), kb(EMBED_BUDGET), sizes.embed.pass ? 'PASS' : 'OVER'],
      ...(sizes.host ? [['dist/earshot-host.js', sizes.host.brotli, kib(sizes.host.brotli).toFixed(1), kb(HOST_BUDGET), sizes.host.pass ? 'PASS' : 'OVER']] : []),
      ['floor: howler.core.min.js', sizes.floor.howler.brotli, kib(sizes.floor.howler.brotli).toFixed(1), '', ''],
      ['floor: lit, minimal element', sizes.floor.lit.brotli, kib(sizes.floor.lit.brotli).toFixed(1), '', ''],
      ['floor: howler + lit', sizes.floor.total, kib(sizes.floor.total).toFixed(1), '', ''],
    ]),
  );
  const own = sizes.bundle.brotli - sizes.floor.total;
  out.push(`  earshot-player.js minus the floor: ${own} bytes (${kib(own).toFixed(1)} KiB), roughly Earshot's own code`);
  out.push(`  embed page = ${embedParts}`);
  if (sizes.embed.lazy.length) out.push(`  lazy chunks (dynamic import, not counted): ${sizes.embed.lazy.map((f) => `${f.file} ${f.brotli}`).join(', ')}`);
  if (sizes.embed.external.length) out.push(`  external, not counted: ${sizes.embed.external.join(', ')}`);
  out.push('');

  const u = browser.usable;
  const cell = (s) => (s && Number.isFinite(s.median) ? `${ms(s.median)} [${spread(s)}]` : '–');
  const row = (label, s, base) => [label, cell(s), base ? times(ratio(s.median, base.median)) : ''];
  out.push(
    table([
      ['Navigation to usable player (speech.mp3)', 'median [min–max]', 'vs bare'],
      row('bare <audio controls>: DOMContentLoaded', u.bare),
      row('earshot.html: Play button enabled', u.earshot, u.bare),
      row('  module fetched (responseEnd)', u.earshotScript),
      row('  element defined', u.earshotDefined),
      row('embed.html?src=…&title=Bench: Play enabled', u.embed, u.bare),
      row('  script fetched (responseEnd)', u.embedScript),
      row('  element defined', u.embedDefined),
    ]),
  );
  out.push('');

  for (const { file, label } of AUDIO) {
    const c = browser.clicks[file];
    const line = (name, key) => [name, cell(c.bare[key]), cell(c.earshot[key]), cell(c.embed[key])];
    out.push(
      table([
        [`Click to sound, ${label}`, 'bare <audio>', 'earshot.html', 'embed.html'],
        line('media load() called', 'loadCall'),
        line('media play() called', 'playCall'),
        line('media canplaythrough', 'canplaythrough'),
        line('media "playing"', 'playing'),
        line('first earshot-play', 'earshotPlay'),
        line('sound: currentTime > 0', 'sound'),
        ['  sound vs bare', '', times(ratio(c.earshot.sound.median, c.bare.sound.median)), times(ratio(c.embed.sound.median, c.bare.sound.median))],
        line('first timeupdate with currentTime > 0', 'timeupdate'),
      ]),
    );
    out.push('');
  }
  out.push('  All times from the click (capturing pointerdown). "sound" is polled every few ms on both sides; the bare');
  out.push('  page\'s first timeupdate event comes up to 250 ms after the sound starts, so it is shown but not compared.');
  out.push('');
  const m = browser.many;
  const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;
  out.push(
    table([
      [`${MANY} players on one page (one run)`, 'ready', 'JS heap after GC', 'DOM nodes'],
      [`${MANY} bare <audio controls>`, ms(m.bare.ready), mib(m.bare.heap), String(m.bare.nodes)],
      [`${MANY} Earshot embeds (same-origin iframes)`, ms(m.embed.ready), mib(m.embed.heap), String(m.embed.nodes)],
      ['  embeds vs bare', times(ratio(m.embed.ready, m.bare.ready)), times(ratio(m.embed.heap, m.bare.heap)), ''],
    ]),
  );
  out.push(`  per embed: ${mib((m.embed.heap - m.bare.heap) / MANY)} of heap more than a bare <audio>`);
  out.push('');
  const idleLine = (label, idle) =>
    `${label}: ${idle.total}  (setTimeout ${idle.calls.setTimeout}, setInterval ${idle.calls.setInterval}, requestAnimationFrame ${idle.calls.requestAnimationFrame}; callbacks run ${idle.totalFired}; status ${idle.status})`;
  out.push(idleLine('Idle timers/frames in 2 s (earshot.html, usable, not playing)', browser.idle.earshot));
  out.push(idleLine('Idle timers/frames in 2 s (embed.html)', browser.idle.embed));
  for (const caller of browser.idle.earshot.callers) out.push(`  ${caller}`);
  if (result.notes.length) {
    out.push('');
    out.push('Notes seen in the pages:');
    for (const note of result.notes) out.push(`  ${note}`);
  }
  out.push('');
  out.push(`Finished in ${(result.elapsedMs / 1000).toFixed(1)} s.`);
  console.log(out.join('\n'));
}

// ——— Main ———

async function main() {
  const options = parseArgs(process.argv.slice(2));
  for (const file of ['earshot-player.js', 'embed.html']) {
    if (!existsSync(path.join(dist, file))) fail(`dist/${file} is missing: run \`npm run build\` first.`);
  }
  for (const { file } of AUDIO) if (!existsSync(path.join(fixtures, file))) fail(`test/fixtures/${file} is missing.`);

  const started = performance.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  const onSignal = (signal) => {
    cleanup();
    console.error(`bench: stopped by ${signal}`);
    process.exit(1);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const timer = setTimeout(() => {
    cleanup();
    console.error(`bench: gave up after ${TOTAL_TIMEOUT / 1000} s`);
    process.exit(1);
  }, TOTAL_TIMEOUT);
  timer.unref();
  const notes = new Set();
  try {
    writePages(tmp);
    const sizes = await measureSizes(tmp);
    const browser = await measureBrowser(options.runs, tmp, notes);
    const result = {
      runs: options.runs,
      loadAverage: os.loadavg().map((v) => v.toFixed(2)).join(' '),
      cpus: os.cpus().length,
      sizes,
      browser,
      notes: [...notes],
      elapsedMs: performance.now() - started,
    };
    if (options.json) console.log(JSON.stringify(result, null, 2));
    else printReport(result);
  } finally {
    clearTimeout(timer);
    cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench: failed: ${error?.message ?? error}`);
    process.exit(1);
  },
);
