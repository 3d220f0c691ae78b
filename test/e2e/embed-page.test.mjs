// The embed page with bad input says why in words and throws nothing; it plays inside a sandbox, and where
// localStorage throws it plays and says the playlist can't be kept.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { frameLayout } from './layout.mjs';
import { blogHtml, clickPlayAndHear, frameOf, launchBrowser, newContext, openPanel, readTime, startServers, watchPage } from './servers.mjs';

/** Words, not a code: a sentence of a few words. */
function assertWords(text, what) {
  const words = (text ?? '').trim().split(/\s+/).filter((w) => /[a-z]{2}/i.test(w));
  assert.ok(words.length >= 4, `${what} says in words why: ${JSON.stringify(text)}`);
}

/** Says (in a panel's text) that the playlist cannot be kept. */
const CANNOT_KEEP = /(can(no|['’])t|does ?n['’]?o?t|unable to|won['’]t|not able to)[^.]*\b(keep|kept|save|saved|store|stored|remember)|only until you leave/i;

describe('The embed page: bad input, sandboxes, storage refused', () => {
  let servers;
  let browser;
  let context;
  before(async () => {
    servers = await startServers();
    browser = await launchBrowser();
    context = await newContext(browser);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await servers?.close();
  });

  const embedPage = (query = '') => `${servers.newsroom}/dist/embed.html${query}`;
  const audio = () => `${servers.newsroom}/audio/clip-1.mp3`;

  /** Opens `url` in a new page and returns {page, watch}; no dialog may open (javascript: must not run). */
  async function open(url) {
    const page = await context.newPage();
    const watch = watchPage(page);
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    watch.dialogs = dialogs;
    await page.goto(url);
    return { page, watch };
  }

  it('with no parameters: says in role=alert that there is no audio, and throws nothing', { timeout: 15_000 }, async () => {
    const { page, watch } = await open(embedPage());
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    assertWords(await alert.textContent(), 'the alert');
    assert.equal(await page.getByRole('button', { name: 'Play', exact: true }).count(), 0, 'no Play button for nothing');
    assert.deepEqual(watch.errors.map(String), [], 'no uncaught exception');
    await page.close();
  });

  it('with src=javascript:alert(1): refuses it with a warning and an alert, runs nothing', { timeout: 15_000 }, async () => {
    const { page, watch } = await open(embedPage(`?src=${encodeURIComponent('javascript:alert(1)')}&title=${encodeURIComponent('<img src=x onerror=alert(2)>')}`));
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    assertWords(await alert.textContent(), 'the alert');
    assert.ok(watch.warnings().some((w) => /\bsrc\b/.test(w)), `a console.warn names the refused "src": ${JSON.stringify(watch.warnings())}`);
    await page.waitForTimeout(300);
    assert.deepEqual(watch.dialogs, [], 'no script from the URL ran');
    assert.equal(await page.locator('img').count(), 0, 'no markup from the URL');
    assert.deepEqual(watch.errors.map(String), [], 'no uncaught exception');
    await page.close();
  });

  it('with a manifest that 404s: says so in the player\'s role=alert, and throws nothing', { timeout: 15_000 }, async () => {
    const { page, watch } = await open(embedPage(`?manifest=${encodeURIComponent(`${servers.newsroom}/no-such-manifest.json`)}`));
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    assertWords(await alert.textContent(), 'the alert');
    const errors = await page.evaluate(() => window.__earshot.filter((e) => e.type === 'error').map((e) => e.detail.code));
    assert.deepEqual(errors, ['manifest'], 'earshot-error code manifest');
    assert.deepEqual(watch.errors.map(String), [], 'no uncaught exception');
    await page.close();
  });

  /** Serves the pages matching `pattern` with the Content-Security-Policy `policy`. */
  const withPolicy = (own, policy, pattern) =>
    own.route(pattern, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    });

  /** A context whose pages matching `pattern` come with `policy`, and whose every frame records its violations in `__csp`. */
  async function policyContext(policy, pattern) {
    const own = await newContext(browser);
    await own.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (event) => window.__csp.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
    });
    await withPolicy(own, policy, pattern);
    return own;
  }

  it('works under a strict Content-Security-Policy: no inline script or style, zero violations', { timeout: 30_000 }, async () => {
    // The header the README gives publishers, with the audio and the page on one origin.
    const policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";
    const strict = await policyContext(policy, '**/dist/embed.html*');
    const page = await strict.newPage();
    const watch = watchPage(page);
    const response = await page.goto(embedPage(`?src=${encodeURIComponent(audio())}&title=Part+1&image=${encodeURIComponent(`${servers.newsroom}/images/lighthouse.svg`)}`));
    assert.equal(response.headers()['content-security-policy'], policy, 'the page came with the policy');
    const player = page.getByRole('group', { name: 'Audio player: Part 1' });
    await clickPlayAndHear(player);
    // The progress is drawn through the CSSOM, not a style attribute.
    const progress = await player.getByRole('slider', { name: 'Seek' }).evaluate((slider) => slider.style.getPropertyValue('--earshot-progress'));
    assert.match(progress, /^[1-9][\d.]*%$/, `the timeline shows progress: ${progress}`);
    for (const name of ['Playlist', 'Embed']) await openPanel(player, name);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no Content-Security-Policy violation');
    assert.deepEqual(watch.errors.map(String), []);
    await strict.close();
  });

  it('works on a page that enforces Trusted Types, with the policy name the README gives', { timeout: 30_000 }, async () => {
    const policy = "require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'";
    const enforced = await policyContext(policy, '**/dist/embed.html*');
    const page = await enforced.newPage();
    const watch = watchPage(page);
    await page.goto(embedPage(`?src=${encodeURIComponent(audio())}&title=Part+1`));
    assert.equal(await page.evaluate(() => typeof window.trustedTypes?.createPolicy), 'function', 'this browser enforces Trusted Types');
    const player = page.getByRole('group', { name: 'Audio player: Part 1' });
    await clickPlayAndHear(player);
    for (const name of ['Playlist', 'Embed']) await openPanel(player, name);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no Trusted Types violation');
    assert.deepEqual(watch.errors.map(String), []);

    // The same on a page of another site that loads earshot-player.js itself.
    const story = servers.blogPage(
      'trusted-types.html',
      blogHtml(`<earshot-player src="${servers.cdn}/audio/clip-1.mp3" track-title="Part 1"></earshot-player>`, {
        head: `<script type="module" src="${servers.cdn}/dist/earshot-player.js"></script>`,
      }),
    );
    await withPolicy(enforced, policy, '**/trusted-types.html');
    const host = await enforced.newPage();
    const hostWatch = watchPage(host);
    await host.goto(story);
    await clickPlayAndHear(host.getByRole('group', { name: 'Audio player: Part 1' }));
    assert.deepEqual(await host.evaluate(() => window.__csp), [], 'no Trusted Types violation on the host page');
    assert.deepEqual(hostWatch.errors.map(String), []);
    await enforced.close();
  });

  it('with t=garbage&theme=neon: warns about each, ignores them, and plays on a click', { timeout: 20_000 }, async () => {
    const title = 'Part 1 <img src=x onerror=alert(2)>';
    const { page, watch } = await open(embedPage(`?src=${encodeURIComponent(audio())}&title=${encodeURIComponent(title)}&t=garbage&theme=neon`));
    const player = page.getByRole('group', { name: `Audio player: ${title}`, exact: true });
    await player.waitFor();
    assert.equal((await player.locator('[part~="title"]').textContent()).trim(), title, 'the title is shown as text');
    assert.equal(await player.locator('img').count(), 0, 'not as markup');
    const warnings = watch.warnings();
    assert.ok(warnings.some((w) => /(^|[\s"'`(])t([\s"'`=:)]|$)/.test(w)), `a console.warn names the ignored "t": ${JSON.stringify(warnings)}`);
    assert.ok(warnings.some((w) => /\btheme\b/.test(w)), `a console.warn names the ignored "theme": ${JSON.stringify(warnings)}`);
    assert.equal((await page.getByRole('alert').filter({ hasText: /\S/ }).count()), 0, 'nothing to alert about: the rest is playable');
    await clickPlayAndHear(player, { wait: 1000, atLeast: 0.6 });
    assert.ok((await readTime(player)).total >= 20, 'the whole track, not a part of it');
    assert.deepEqual(watch.dialogs, [], 'no script from the URL ran');
    assert.deepEqual(watch.errors.map(String), [], 'no uncaught exception');
    await page.close();
  });

  it('fetches nothing before Play, then only its own files, the manifest, the image and the audio', { timeout: 20_000 }, async () => {
    const n = servers.newsroom;
    const page = await context.newPage();
    const watch = watchPage(page);
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(embedPage(`?manifest=${encodeURIComponent(`${n}/story.json`)}&theme=dark&controls=playlist,embed`));
    const player = page.getByRole('group', { name: 'Audio player: Part 1: The light' });
    await player.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(requests.filter((url) => url.includes('/audio/')), [], 'not one audio byte before Play (preload none)');
    assert.equal(await player.getByRole('link', { name: 'Download' }).count(), 0, 'controls=playlist,embed leaves Download out');
    await clickPlayAndHear(player, { wait: 1000, atLeast: 0.6 });
    const allowed = [
      new RegExp(`^${n}/dist/(embed\\.html|embed-fallback\\.js|assets/[\\w.-]+\\.(js|css))(\\?|$)`),
      new RegExp(`^${n}/story\\.json$`),
      new RegExp(`^${n}/images/lighthouse\\.svg$`),
      new RegExp(`^${n}/audio/clip-1\\.(ogg|mp3)$`),
    ];
    const foreign = [...new Set(requests)].filter((url) => !allowed.some((re) => re.test(url.split('#')[0])));
    assert.deepEqual(foreign, [], `only its own files, the manifest, the image and the audio: ${[...new Set(requests)].join(' ')}`);
    assert.deepEqual(watch.errors.map(String), []);
    await page.close();
  });

  it('plays on a click inside <iframe sandbox="allow-scripts allow-same-origin allow-popups allow-downloads">', { timeout: 20_000 }, async () => {
    const src = embedPage(`?src=${encodeURIComponent(audio())}&title=Part+1&download=0`);
    const url = servers.blogPage('sandboxed.html', blogHtml(`<iframe sandbox="allow-scripts allow-same-origin allow-popups allow-downloads" width="100%" height="290" style="border:0" title="Embedded audio player: Part 1" src="${src.replace(/&/g, '&amp;')}"></iframe>`));
    const { page, watch } = await open(url);
    const player = page.frameLocator('iframe').getByRole('group', { name: 'Audio player: Part 1' });
    await clickPlayAndHear(player, { wait: 1000, atLeast: 0.6 });
    assert.equal(await player.getByRole('link', { name: 'Download' }).count(), 0, 'download=0 hides Download');
    assert.deepEqual(watch.errors.map(String), [], 'no uncaught exception');
    await page.close();
  });

  it('draws its icons whole: no shape swallows the next one in the built bundle', { timeout: 20_000 }, async () => {
    // The build minifies Lit's templates; a self-closing <path/> that lost its slash would nest the next
    // shape inside it, where SVG does not draw it (the pause icon lost a bar, the skip icons their digits).
    const { page } = await open(embedPage(`?src=${encodeURIComponent(audio())}&title=Part+1`));
    const player = page.getByRole('group', { name: 'Audio player: Part 1' });
    await player.getByRole('button', { name: 'Play', exact: true }).click();
    await player.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    // While loading the button holds a spinner; the pause bars come with the sound.
    await page.waitForFunction(() => document.querySelector('earshot-player').status === 'playing');
    const shapes = await page.evaluate(() => {
      const root = document.querySelector('earshot-player').shadowRoot;
      const nested = [...root.querySelectorAll('svg path, svg rect, svg circle')].filter((shape) => shape.children.length > 0).length;
      // The pause icon is one path of two bars, each closed with its own z.
      const pauseBars = [...root.querySelectorAll('button[aria-label="Pause"] svg > path')].map((shape) => shape.getAttribute('d').match(/z/gi)?.length ?? 0).reduce((a, b) => a + b, 0);
      const skipDigits = [...root.querySelectorAll('.skip-by')].map((digits) => digits.textContent);
      return { nested, pauseBars, skipDigits };
    });
    assert.deepEqual(shapes, { nested: 0, pauseBars: 2, skipDigits: ['15', '30'] });
    await page.close();
  });

  it('says in words that it could not load where its module is refused (an opaque sandbox on a host without CORS)', { timeout: 20_000 }, async () => {
    const src = embedPage(`?src=${encodeURIComponent(audio())}&title=Part+1`);
    const url = servers.blogPage('opaque-no-cors.html', blogHtml(`<iframe sandbox="allow-scripts" style="display:block;border:0;width:400px;height:290px" title="Embedded audio player: Part 1" src="${src.replace(/&/g, '&amp;')}"></iframe>`));
    const { page, watch } = await open(url);
    const alert = page.frameLocator('iframe').getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /could not load/);
    assert.deepEqual(watch.errors.map(String), [], 'no uncaught exception');
    await page.close();
  });

  /**
   * Where localStorage throws: the Playlist panel says the playlist can't be kept; saving still works for
   * the visit; playback works; the layout still fits at 280 px with the message shown.
   */
  async function storageRefused(page, watch, player, frame) {
    const panel = await openPanel(player, 'Playlist');
    await panel.getByRole('button', { name: 'Add to my playlist' }).click();
    await panel.getByRole('button', { name: 'Remove from my playlist' }).waitFor();
    await panel.getByRole('list', { name: 'My playlist' }).getByRole('button', { name: 'Part 1', exact: true }).waitFor();
    const said = `${await panel.textContent()} ${await player.getByRole('alert').allTextContents()}`;
    assert.match(said, CANNOT_KEEP, `the Playlist panel says the playlist can't be kept: ${said}`);
    const { problems } = await frame.evaluate(frameLayout);
    assert.deepEqual(problems, [], 'still fits its frame with the message shown');
    await player.getByRole('button', { name: 'Playlist', exact: true }).click();
    await clickPlayAndHear(player, { wait: 1000, atLeast: 0.6 });
    assert.deepEqual(watch.errors.map(String), [], 'no uncaught exception');
  }

  it('where localStorage throws (a sandbox without allow-same-origin, the embed page on a CORS host): plays, and says the playlist can\'t be kept', { timeout: 25_000 }, async () => {
    // In an opaque-origin sandbox every module script is a cross-origin CORS fetch: the host must send
    // Access-Control-Allow-Origin for the page to load at all (see the report). The cdn origin does.
    const src = `${servers.cdn}/dist/embed.html?src=${encodeURIComponent(`${servers.cdn}/audio/clip-1.mp3`)}&title=Part+1`;
    const url = servers.blogPage('opaque.html', blogHtml(`<iframe sandbox="allow-scripts allow-popups allow-downloads" style="display:block;border:0;width:280px;height:290px" title="Embedded audio player: Part 1" src="${src.replace(/&/g, '&amp;')}"></iframe>`));
    const { page, watch } = await open(url);
    const frame = await frameOf(page);
    assert.equal(await frame.evaluate(() => { try { return typeof localStorage.length; } catch (error) { return error.name; } }), 'SecurityError', 'localStorage throws in this frame');
    const player = page.frameLocator('iframe').getByRole('group', { name: 'Audio player: Part 1' });
    await storageRefused(page, watch, player, frame);
    await page.close();
  });

  it('where localStorage throws (a page whose localStorage getter throws): plays, and says the playlist can\'t be kept', { timeout: 25_000 }, async () => {
    const refused = await newContext(browser);
    await refused.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The user denied access to storage.', 'SecurityError');
        },
      });
    });
    const src = embedPage(`?src=${encodeURIComponent(audio())}&title=Part+1`);
    const url = servers.blogPage('refused.html', blogHtml(`<iframe style="display:block;border:0;width:280px;height:290px" title="Embedded audio player: Part 1" src="${src.replace(/&/g, '&amp;')}"></iframe>`));
    const page = await refused.newPage();
    const watch = watchPage(page);
    await page.goto(url);
    const frame = await frameOf(page);
    const player = page.frameLocator('iframe').getByRole('group', { name: 'Audio player: Part 1' });
    await storageRefused(page, watch, player, frame);
    await refused.close();
  });
});
