// The demo as a publisher meets it: the player gallery (demo/gallery.html) and the story page, on a phone
// (375 px) and on a desktop (1280 px). Each page loads with no console error or warning and no failed request,
// has its icon, and scrolls only up and down. On the gallery every player shows Play, and the markup shown
// beside each example is the markup that was rendered: parsed again, it gives the same elements and
// attributes, so the two cannot drift. Screenshots go to test-results/e2e/gallery-<page>-<width>.png.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { closePanel, ensureResultsDir, newContext, openPanel, useServersAndBrowser, watchPage } from './servers.mjs';

const WIDTHS = [375, 1280];

/** The examples of the gallery: its section ids, and what each renders. */
const EXAMPLES = {
  segment: 'earshot-player',
  playlist: 'earshot-player',
  words: 'earshot-player',
  feed: 'earshot-player',
  'theme-light': 'earshot-player',
  'theme-dark': 'earshot-player',
  'theme-auto': 'earshot-player',
  'theme-custom': 'style,earshot-player',
  controls: 'earshot-player',
  'no-download': 'earshot-player',
  embed: 'iframe',
};

describe('The demo pages at 375 and 1280 px: the gallery and the story page', () => {
  let servers;
  let browser;
  useServersAndBrowser((started) => ({ servers, browser } = started));

  /**
   * Opens `url` at `width`, recording console messages, page errors, failed requests and HTTP errors of the
   * page and its frames. Scrolls down once and back, so that lazy frames and images load too.
   */
  async function open(url, width) {
    const context = await newContext(browser, { viewport: { width, height: 800 } });
    const page = await context.newPage();
    const watch = watchPage(page);
    const failed = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.url()}: HTTP ${response.status()}`);
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    assert.equal(response.status(), 200, `${url} loads`);
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
        scrollTo(0, y);
        await new Promise((done) => setTimeout(done, 30));
      }
      scrollTo(0, 0);
    });
    return { context, page, watch, failed };
  }

  /** Every player of `page` (a page or frame locator) shows Play; returns their accessible names. */
  async function playersReady(scope) {
    const players = scope.locator('earshot-player');
    const count = await players.count();
    const names = [];
    for (let i = 0; i < count; i++) {
      const player = players.nth(i);
      await player.getByRole('button', { name: 'Play', exact: true }).waitFor();
      names.push(await player.getByRole('group', { name: /^Audio player: / }).getAttribute('aria-label'));
    }
    return names;
  }

  /** No console error or warning, no uncaught exception, no failed request: said all at once. */
  async function assertClean({ page, watch, failed }, what) {
    await page.waitForLoadState('networkidle');
    const problems = [
      ...watch.errors.map((error) => `uncaught: ${error.message}`),
      ...watch.messages.filter((m) => m.type === 'error' || m.type === 'warning').map((m) => `console.${m.type}: ${m.text} (${m.url})`),
      ...failed.map((line) => `request failed: ${line}`),
    ];
    assert.deepEqual(problems, [], `${what}: nothing wrong in the console or the network`);
  }

  /** The page scrolls only vertically, and every player, frame and code box lies within its width. */
  async function assertFitsWidth(page, width, what) {
    const layout = await page.evaluate(() => {
      const { scrollWidth, clientWidth } = document.documentElement;
      const outside = [...document.querySelectorAll('earshot-player, iframe, pre, h1, h2, h3, p, nav, header, footer')]
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.left < -0.5 || box.right > clientWidth + 0.5))
        .map(({ element, box }) => `<${element.localName}${element.id ? `#${element.id}` : ''}> ${Math.round(box.left)}..${Math.round(box.right)}`);
      return { scrollWidth, clientWidth, outside };
    });
    assert.equal(layout.clientWidth, width, `${what}: the viewport is ${width} px wide`);
    assert.ok(layout.scrollWidth <= layout.clientWidth, `${what}: no horizontal scroll (${layout.scrollWidth} px of content in ${layout.clientWidth})`);
    assert.deepEqual(layout.outside, [], `${what}: everything lies within the ${width} px`);
  }

  /** The page links its icon, and the icon is there: an SVG. */
  async function assertIcon(page, what) {
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    assert.ok(href, `${what} links an icon`);
    const icon = await page.request.get(new URL(href, page.url()).href);
    assert.equal(icon.status(), 200, `${what}: its icon ${href} loads`);
    assert.match(icon.headers()['content-type'] ?? '', /^image\/svg\+xml/, `${what}: its icon is an SVG`);
  }

  for (const width of WIDTHS) {
    it(`the gallery at ${width} px: every example plays, and shows the markup that made it`, { timeout: 40_000 }, async () => {
      const opened = await open(`${servers.newsroom}/gallery.html`, width);
      const { context, page } = opened;
      try {
        // Every <earshot-player> rendered its Play button, each with its own title.
        const names = await playersReady(page);
        assert.equal(names.length, 10, `ten players on the gallery: ${names.join(' | ')}`);
        assert.ok(names.every((name) => /^Audio player: \S/.test(name)), `each player is named after its track: ${names.join(' | ')}`);

        // The embed snippet: its frame loads the embed page, whose player shows Play too.
        const frameElement = page.locator('#embed iframe');
        await frameElement.scrollIntoViewIfNeeded();
        const frame = page.frameLocator('#embed iframe');
        await frame.getByRole('button', { name: 'Play', exact: true }).waitFor();
        assert.match(await frameElement.getAttribute('title'), /^Embedded audio player: /, 'the frame has a title');
        await page.evaluate(() => scrollTo(0, 0));

        // Shown markup == rendered markup, example by example.
        const examples = await page.evaluate(() => {
          /** Elements (tag, attributes in order, children), non-blank text with its spaces collapsed, comments. */
          const canonical = (parent) =>
            [...parent.childNodes].flatMap((node) => {
              if (node.nodeType === Node.ELEMENT_NODE) return [{ tag: node.localName, attributes: [...node.attributes].map((a) => [a.name, a.value]), children: canonical(node) }];
              if (node.nodeType === Node.TEXT_NODE && node.data.trim() !== '') return [{ text: node.data.replace(/\s+/g, ' ').trim() }];
              if (node.nodeType === Node.COMMENT_NODE) return [{ comment: node.data.trim() }];
              return [];
            });
          return [...document.querySelectorAll('.example')].map((example) => {
            const shown = example.querySelector('.markup pre code')?.textContent ?? '';
            const rendered = example.querySelector('.live .rendered');
            // The test's own parse of the shown text (the page itself never parses it).
            const parsed = document.createElement('template');
            parsed.innerHTML = shown;
            return {
              id: example.id,
              heading: example.querySelector('h2, h3')?.textContent.trim(),
              shown,
              fromShown: canonical(parsed.content),
              rendered: rendered ? canonical(rendered) : null,
              codeName: example.querySelector('.markup pre')?.getAttribute('aria-label'),
            };
          });
        });
        assert.deepEqual(
          examples.map((e) => e.id),
          Object.keys(EXAMPLES),
          'the examples, in order',
        );
        for (const example of examples) {
          assert.ok(example.rendered, `${example.id}: something was rendered`);
          assert.equal(example.rendered.filter((node) => node.tag).map((node) => node.tag).join(','), EXAMPLES[example.id], `${example.id}: renders what it shows`);
          assert.ok(example.shown.trim().startsWith('<'), `${example.id}: shows its markup as text: ${JSON.stringify(example.shown)}`);
          assert.deepEqual(example.fromShown, example.rendered, `${example.id}: the markup shown is the markup rendered:\n${example.shown}`);
          assert.equal(example.codeName, `Markup: ${example.heading}`, `${example.id}: its code box is labelled`);
        }

        // Code boxes fit the column and scroll inside themselves.
        const boxes = await page.locator('pre.code').evaluateAll((pres) =>
          pres.map((pre) => ({ overflowX: getComputedStyle(pre).overflowX, right: pre.getBoundingClientRect().right, focusable: pre.tabIndex === 0 })),
        );
        for (const box of boxes) {
          assert.equal(box.overflowX, 'auto', 'a code box scrolls inside itself');
          assert.ok(box.focusable, 'a code box takes focus, so the keyboard can scroll it');
        }

        await assertFitsWidth(page, width, `the gallery at ${width} px`);
        await assertIcon(page, 'the gallery');
        await page.screenshot({ path: path.join(ensureResultsDir(), `gallery-gallery-${width}.png`), fullPage: true });
        await assertClean(opened, `the gallery at ${width} px`);
      } finally {
        await context.close();
      }
    });

    it(`the story page at ${width} px: clean, and as wide as the screen`, { timeout: 30_000 }, async () => {
      const opened = await open(`${servers.newsroom}/`, width);
      const { context, page } = opened;
      try {
        const names = await playersReady(page);
        assert.equal(names.length, 3, `three players on the story page: ${names.join(' | ')}`);
        assert.equal(await page.getByRole('link', { name: 'Player gallery' }).first().getAttribute('href'), '/gallery.html', 'the story page links the gallery');
        await assertFitsWidth(page, width, `the story page at ${width} px`);
        await assertIcon(page, 'the story page');
        await page.screenshot({ path: path.join(ensureResultsDir(), `gallery-story-${width}.png`), fullPage: true });
        await assertClean(opened, `the story page at ${width} px`);

        // An open panel over the controls (the compact layout, on a page whose player has no set height)
        // has room for what it holds: the Embed code box whole, and more than one track of the Playlist.
        const player = page.getByRole('group', { name: /^Audio player/ }).first();
        const embed = await openPanel(player, 'Embed');
        const box = await embed.getByRole('textbox', { name: 'Embed code' }).boundingBox();
        const body = await embed.locator('.panel-body').boundingBox();
        assert.ok(box && body && box.y >= body.y - 1 && box.y + box.height <= body.y + body.height + 1, `the Embed code box is whole in view (${JSON.stringify({ box, body })})`);
        await closePanel(player, 'Embed');
        // The story's three clips (story.json).
        const clips = page.locator('earshot-player[manifest="story.json"]').getByRole('group', { name: /^Audio player/ });
        const playlist = await openPanel(clips, 'Playlist');
        const rows = await playlist.locator('[part~="track-button"]').evaluateAll((buttons) => {
          const list = buttons[0]?.closest('.panel-body')?.getBoundingClientRect();
          return buttons.filter((b) => list && b.getBoundingClientRect().bottom <= list.bottom + 1).length;
        });
        assert.ok(rows >= 2, `at least two tracks in view in the open Playlist (${rows})`);
      } finally {
        await context.close();
      }
    });
  }
});
