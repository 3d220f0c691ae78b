// The end-to-end tests' world: the built dist/ on real static servers (sirv, with range requests,
// scripts/serve.js) as three origins, and Debian's Chromium driven by playwright-core.
//
//   newsroom  http://localhost:P1   /dist -> dist, /fixtures -> test/fixtures, / -> demo. No CORS
//                                   headers, like most static hosts.
//   cdn       http://localhost:P2   the same folders sent with `Access-Control-Allow-Origin: *`: a newsroom
//                                   host that allows CORS (needed to load the module from another site)
//   blog      http://127.0.0.1:P3   someone else's site: pages the tests write into a temp dir
//
// localhost and 127.0.0.1 are different origins to the browser (and so are two ports).
//
// scripts/e2e.js starts them once and hands them to every test file in EARSHOT_E2E_SERVERS; a test file
// run on its own (`node --test test/e2e/embed.test.mjs`) starts its own.
import { after, before } from 'node:test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveSite } from '../../scripts/serve.js';
import { chromeFlags, findChrome } from '../../scripts/find-chrome.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const at = (...parts) => path.join(root, ...parts);
export const resultsDir = at('test-results', 'e2e');

const newsroomMounts = (dist) => [
  ['/dist', dist],
  ['/fixtures', at('test/fixtures')],
  ['/', at('demo')],
];

let pages = 0;

function handle({ newsroom, cdn, blog, blogDir }, close) {
  return {
    newsroom,
    cdn,
    blog,
    blogDir,
    /** Writes `html` as a page of the blog and returns its URL (names are made unique per process). */
    blogPage(name, html) {
      const file = `${process.pid}-${++pages}-${name}`;
      writeFileSync(path.join(blogDir, file), html);
      return `${blog}/${file}`;
    },
    close,
  };
}

/**
 * The three servers: the shared ones from EARSHOT_E2E_SERVERS, or new ones (closed by close()) serving
 * `dist` (default: the repository's dist/; scripts/e2e.js passes a copy taken right after its build, so
 * that a rebuild running meanwhile cannot pull files from under the tests).
 */
export async function startServers({ dist = at('dist') } = {}) {
  if (process.env.EARSHOT_E2E_SERVERS) return handle(JSON.parse(process.env.EARSHOT_E2E_SERVERS), async () => {});
  const newsroomSite = await serveSite({ mounts: newsroomMounts(dist) });
  const cdnSite = await serveSite({ mounts: newsroomMounts(dist), headers: { 'access-control-allow-origin': '*' } });
  const blogDir = mkdtempSync(path.join(tmpdir(), 'earshot-e2e-blog-'));
  const blogSite = await serveSite({ mounts: [['/', blogDir]] });
  const local = (url) => url.replace('127.0.0.1', 'localhost');
  return handle({ newsroom: local(newsroomSite.url), cdn: local(cdnSite.url), blog: blogSite.url, blogDir }, async () => {
    await Promise.all([newsroomSite.close(), cdnSite.close(), blogSite.close()]);
    rmSync(blogDir, { recursive: true, force: true });
  });
}

/**
 * Starts the servers and a browser before a suite's tests and stops them after it: `started` receives
 * {servers, browser} once they are up, and `extra` too when `also` starts something more (it must have
 * a close()).
 */
export function useServersAndBrowser(started, { also } = {}) {
  let servers;
  let extra;
  let browser;
  before(async () => {
    servers = await startServers();
    extra = also ? await also() : undefined;
    browser = await launchBrowser();
    started({ servers, browser, extra });
  });
  after(async () => {
    await browser?.close();
    await extra?.close();
    await servers?.close();
  });
}

/** How the e2e Chromium is launched: Debian's (or CHROME_PATH), headless, WITHOUT the autoplay flag: Play needs a real click. */
export function browserOptions() {
  return { executablePath: process.env.CHROME_PATH || findChrome(), args: chromeFlags, headless: true };
}

/**
 * The run's one Chromium, which scripts/e2e.js started (EARSHOT_E2E_BROWSER is its address), or a browser
 * of this file's own when a test file runs by itself. Closing a connected one only lets go of it.
 */
export function launchBrowser() {
  const shared = process.env.EARSHOT_E2E_BROWSER;
  return shared ? chromium.connect(shared) : chromium.launch(browserOptions());
}

/** A context whose actions fail after 10 s instead of hanging. */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10_000);
  await context.addInitScript(recordEarshot);
  return context;
}

/**
 * Runs in every frame before its scripts: keeps the media elements that were played (window.__media) and
 * every earshot-* event with its detail (window.__earshot), so tests can check what the listener heard.
 */
function recordEarshot() {
  window.__media = [];
  window.__earshot = [];
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (...args) {
    if (!window.__media.includes(this)) window.__media.push(this);
    return play.apply(this, args);
  };
  for (const type of ['ready', 'play', 'pause', 'ended', 'seeked', 'trackchange', 'error', 'download', 'embed', 'playlist-change']) {
    document.addEventListener(`earshot-${type}`, (event) => {
      let detail;
      try {
        detail = JSON.parse(JSON.stringify(event.detail));
      } catch {
        detail = String(event.detail);
      }
      window.__earshot.push({ type, detail });
    });
  }
}

/** Collects uncaught exceptions and console messages of a page (with its frames). */
export function watchPage(page) {
  const errors = [];
  const messages = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => messages.push({ type: message.type(), text: message.text(), url: message.location()?.url }));
  return {
    errors,
    messages,
    warnings: () => messages.filter((m) => m.type === 'warning').map((m) => m.text),
  };
}

/** The frame of `page` whose URL contains `part` (the embed page, by default). */
export async function frameOf(page, part = '/embed.html') {
  const iframe = page.locator('iframe').first();
  await iframe.waitFor();
  const frame = await (await iframe.elementHandle()).contentFrame();
  if (!frame || !frame.url().includes(part)) throw new Error(`no frame loading ${part} (got ${frame?.url()})`);
  return frame;
}

/** `m:ss` or `h:mm:ss` -> seconds. */
export function clockSeconds(text) {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** The player's visible `elapsed / total` text, as {text, elapsed, total} (seconds, total NaN if `--:--`). */
export async function readTime(scope) {
  const text = (await scope.locator('[part~="time"]').first().textContent()).trim();
  const match = /^(\d+(?::\d\d)+)\s*\/\s*(\d+(?::\d\d)+|--:--)$/.exec(text);
  if (!match) throw new Error(`the time text is not "m:ss / m:ss": ${JSON.stringify(text)}`);
  return { text, elapsed: clockSeconds(match[1]), total: match[2] === '--:--' ? NaN : clockSeconds(match[2]) };
}

/**
 * Presses Play in `player` (a locator scoped to one player) with a real click, then checks that the
 * position advances: the Seek slider's value (and the time text) grow by at least `atLeast` seconds over
 * `wait` ms of playing. Returns {before, after} slider values and the time texts.
 */
export async function clickPlayAndHear(player, { wait = 1500, atLeast = 0.9 } = {}) {
  await player.getByRole('button', { name: 'Play', exact: true }).click();
  await player.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  const slider = player.getByRole('slider', { name: 'Seek' });
  // "Pause" shows as soon as loading starts: wait for the first movement before timing.
  const start = Date.now();
  let before = Number(await slider.inputValue());
  while (before === 0 && Date.now() - start < 8000) {
    await new Promise((done) => setTimeout(done, 100));
    before = Number(await slider.inputValue());
  }
  const timeBefore = await readTime(player);
  await new Promise((done) => setTimeout(done, wait));
  const after = Number(await slider.inputValue());
  const timeAfter = await readTime(player);
  if (!(after - before >= atLeast)) {
    throw new Error(`the position did not advance by ${atLeast} s in ${wait} ms of playing: Seek went ${before} -> ${after} (${timeBefore.text} -> ${timeAfter.text})`);
  }
  if (!(timeAfter.elapsed > timeBefore.elapsed || timeAfter.elapsed >= Math.floor(after))) {
    throw new Error(`the time text did not follow the position: ${timeBefore.text} -> ${timeAfter.text} while Seek went ${before} -> ${after}`);
  }
  return { before, after, timeBefore, timeAfter };
}

/** Waits (up to `timeout` ms) until `locator`'s attribute `name` is `value`; fails saying what it was. */
export async function expectAttribute(locator, name, value, { timeout = 5000, why = '' } = {}) {
  const until = Date.now() + timeout;
  let seen;
  for (;;) {
    seen = await locator.getAttribute(name);
    if (seen === value || Date.now() > until) break;
    await new Promise((done) => setTimeout(done, 50));
  }
  if (seen !== value) throw new Error(`${why ? `${why}: ` : ''}${name}="${seen}", expected "${value}" (${locator})`);
}

/**
 * Opens the panel that the button `name` ("Playlist" or "Embed") of `player` controls, with a real click
 * unless it is open already; waits for aria-expanded="true" and returns the panel (the element the
 * button's aria-controls names).
 */
export async function openPanel(player, name) {
  const button = player.getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expectAttribute(button, 'aria-expanded', 'true', { why: `${name} opens its panel` });
  const id = await button.getAttribute('aria-controls');
  if (!id) throw new Error(`the ${name} button names no panel in aria-controls`);
  const panel = player.locator(`[id="${id}"]`);
  await panel.waitFor();
  return panel;
}

/** Closes that panel with a real click; waits for aria-expanded="false". */
export async function closePanel(player, name) {
  const button = player.getByRole('button', { name, exact: true });
  await button.click();
  await expectAttribute(button, 'aria-expanded', 'false', { why: `${name} closes its panel` });
}

export function ensureResultsDir() {
  mkdirSync(resultsDir, { recursive: true });
  return resultsDir;
}

/** A page of the blog around `body` (a pasted snippet, or a player). */
export function blogHtml(body, { head = '', title = 'Tide Tables, a walker\u2019s blog' } = {}) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <style>body { margin: 0; font: 16px/1.5 sans-serif; } main { max-width: 44rem; margin: 0 auto; padding: 16px; }</style>
    ${head}
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      ${body}
    </main>
  </body>
</html>
`;
}

/** The story page's players, by the title of the track they show first. */
export const STORY = {
  interview: 'Audio player: The Lighthouse Keepers of Harrow Point',
  gale: 'Audio player: The gale of 1962',
  series: 'Audio player: Part 1: The light',
};
