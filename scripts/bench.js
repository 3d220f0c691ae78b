// `npm run bench`: how heavy Earshot is and how fast it gets to a usable player and to sound, each measured
// against a bare <audio controls> in the same run, and whether that meets the budgets. Exits 1 when a budget
// is missed. Builds nothing: run `npm run build` first.
//
//   node scripts/bench.js [--runs N] [--json] [--no-write]
//
// The README's figures and docs/performance.md are written from each run (scripts/bench/publish.js): no
// number there is typed by hand.
//
// 1. Weight (scripts/bench/weights.js): brotli of what each output loads first, from Vite's build
//    manifests; what loads later is listed chunk by chunk.
// 2. Navigation to a usable player; 3. a real click to the media's position moving, on localhost with and
//    without the pointer resting on Play first, and on a throttled network (1.6 Mbps, 150 ms RTT):
//    medians of N runs, one Chromium (scripts/bench/measure.js). dist/ is served with brotli, as from a CDN;
//    the audio as it is.
// 4. Idle: timers and animation frames asked for in 2 s while usable and not playing.
// 5. Twenty players on one page against twenty bare <audio>: time to all usable, JS heap (one run).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { BUDGETS } from './bench/budgets.js';
import { clickToSound, HOVER_MS, loadUsable, measureIdle, measureMany, nativeClickProblem, pageUrls, summary, withPage } from './bench/measure.js';
import { AUDIO, writePages } from './bench/pages.js';
import { publishResults } from './bench/publish.js';
import { printReport } from './bench/report.js';
import { firstLoads, floor } from './bench/weights.js';
import { chromeFlags, findChrome } from './find-chrome.js';
import { serveSite } from './serve.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const fixtures = path.join(root, 'test', 'fixtures');


/** The throttled network: 1.6 Mbps down, 750 kbps up, 150 ms round trips (Chrome's "Fast 3G"-like). */
const SLOW_NETWORK = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const TOTAL_TIMEOUT = 600_000;

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '7' }, json: { type: 'boolean', default: false }, 'no-write': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
if (options.help) {
  console.log('Usage: node scripts/bench.js [--runs N] [--json] [--no-write]   (run `npm run build` first; writes docs/performance.md and the README\'s figures unless --no-write)');
  process.exit(0);
}
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 25) fail(`--runs wants a whole number from 1 to 25, not ${options.runs}`);

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

const measureSizes = () => firstLoads(dist);

/** Click to sound for each kind of page, `runs` times, under one set of conditions. */
async function clicks(browser, base, notes, file, conditions) {
  const urls = pageUrls(base, file);
  const results = { bare: [], earshot: [], embed: [] };
  for (let i = 0; i < runs; i += 1) {
    for (const kind of ['bare', 'earshot', 'embed']) {
      results[kind].push(
        await withPage(
          browser,
          notes,
          async (page) => {
            await loadUsable(page, urls[kind]);
            return clickToSound(page, kind, conditions);
          },
          { network: conditions.network },
        ),
      );
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([kind, list]) => [kind, Object.fromEntries(Object.keys(list[0]).map((key) => [key, summary(list.map((r) => r[key]))]))]),
  );
}

/** A copy of dist/ with each script and page also in brotli, served as a CDN would serve it. */
function compressedDist(tmp) {
  const copy = path.join(tmp, 'dist');
  cpSync(dist, copy, { recursive: true });
  for (const file of readdirSync(copy, { recursive: true })) {
    if (!/\.(js|html|css|json)$/.test(file)) continue;
    const full = path.join(copy, file);
    writeFileSync(`${full}.br`, brotliCompressSync(readFileSync(full), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return copy;
}

async function measureBrowser(tmp, notes) {
  const { chromium } = await import('playwright-core');
  const server = await serveSite({ mounts: [['/dist', compressedDist(tmp)], ['/audio', fixtures], ['/', tmp]], brotli: true });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: findChrome(), args: chromeFlags, headless: true });
    const base = server.url;
    const speech = pageUrls(base, 'speech.mp3');
    // One unmeasured round first, so that the first measured run does not pay for the browser's warm-up.
    for (const url of [...Object.values(speech), `${base}/floor-speech.html`]) await withPage(browser, notes, (page) => loadUsable(page, url));

    // The floor (scripts/bench/pages.js): a few-hundred-byte element in its own module, measured alike.
    const usableUrls = { ...speech, floor: `${base}/floor-speech.html` };
    const usable = { bare: [], earshot: [], embed: [], floor: [] };
    for (let i = 0; i < runs; i += 1) {
      for (const kind of Object.keys(usable)) usable[kind].push((await withPage(browser, notes, (page) => loadUsable(page, usableUrls[kind]))).usable);
    }

    const nativeProblem = await nativeClickProblem(browser, base, notes);
    const useButton = nativeProblem !== null;
    const sets = [
      { name: 'hover', label: `pointer on Play for ${HOVER_MS} ms first`, hover: true },
      { name: 'click', label: 'click with no hover first', hover: false },
    ];
    const local = {};
    for (const { file } of AUDIO) {
      local[file] = {};
      for (const set of sets) local[file][set.name] = await clicks(browser, base, notes, file, { useButton, hover: set.hover });
    }
    const throttled = {};
    for (const set of sets) throttled[set.name] = await clicks(browser, base, notes, 'speech.mp3', { useButton, hover: set.hover, network: SLOW_NETWORK });

    return {
      chromium: browser.version(),
      usable: Object.fromEntries(Object.entries(usable).map(([kind, list]) => [kind, summary(list)])),
      clickMethod: useButton ? `a page <button>Play</button> that calls audio.play() (${nativeProblem})` : "the native controls' play button",
      sets,
      local,
      throttled,
      network: SLOW_NETWORK,
      many: await measureMany(browser, base),
      idle: { earshot: await measureIdle(browser, speech.earshot, notes), embed: await measureIdle(browser, speech.embed, notes) },
    };
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
  }
}

/** Every budget, with what was measured and whether it holds. */
function verdicts(sizes, measured) {
  const ratio = (a, b) => a.median / b.median;
  const list = [
    { what: 'embed page, first load', value: sizes.embed.brotli, budget: BUDGETS.embedFirstLoad, unit: 'bytes' },
    { what: 'earshot-player.js, first load', value: sizes.bundle.brotli, budget: BUDGETS.bundleFirstLoad, unit: 'bytes' },
    { what: 'earshot-host.js', value: sizes.host.brotli, budget: BUDGETS.host, unit: 'bytes' },
    { what: 'usable: earshot-player.js page vs bare', value: ratio(measured.usable.earshot, measured.usable.bare), budget: BUDGETS.usable, unit: '×' },
    { what: 'usable: embed page vs bare', value: ratio(measured.usable.embed, measured.usable.bare), budget: BUDGETS.usable, unit: '×' },
  ];
  for (const { file } of AUDIO) {
    for (const set of measured.sets) {
      const c = measured.local[file][set.name];
      for (const kind of ['earshot', 'embed']) {
        list.push({ what: `click to sound, ${file}, ${set.label}: ${kind} vs bare`, value: ratio(c[kind].sound, c.bare.sound), budget: BUDGETS.clickToSound, unit: '×' });
      }
    }
  }
  return list.map((v) => ({ ...v, pass: Number.isFinite(v.value) && v.value <= v.budget }));
}

async function main() {
  for (const file of ['earshot-player.js', 'embed.html', 'earshot-host.js']) if (!existsSync(path.join(dist, file))) fail(`dist/${file} is missing: run \`npm run build\` first.`);
  const started = performance.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'earshot-bench-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (cleanup(), fail(`stopped by ${signal}`)));
  const timer = setTimeout(() => (cleanup(), fail(`gave up after ${TOTAL_TIMEOUT / 1000} s`)), TOTAL_TIMEOUT);
  timer.unref();
  const notes = new Set();
  try {
    writePages(tmp);
    const sizes = measureSizes();
    const floorSizes = await floor(root, tmp);
    const measured = await measureBrowser(tmp, notes);
    const result = {
      runs,
      loadAverage: os.loadavg().map((v) => v.toFixed(2)).join(' '),
      cpus: os.cpus().length,
      sizes,
      floor: floorSizes,
      measured,
      verdicts: verdicts(sizes, measured),
      notes: [...notes],
      elapsedMs: performance.now() - started,
    };
    if (options.json) console.log(JSON.stringify(result, null, 2));
    else printReport(result);
    if (!options['no-write']) publishResults(root, result);
    return result.verdicts.every((v) => v.pass);
  } finally {
    clearTimeout(timer);
    cleanup();
  }
}

main().then(
  (pass) => process.exit(pass ? 0 : 1),
  (error) => fail(`failed: ${error?.stack ?? error}`),
);
