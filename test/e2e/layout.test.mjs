// The embed page fits its frame: 290 px high at 280, 400, 800 and 1200 px wide, each panel open and
// closed, one track and a three-track manifest, light and dark: no scrollbar, every control inside the
// frame (or covered by the open panel, whose own controls are reachable by scrolling it). Screenshots go to
// test-results/e2e/layout-<width>-<state>.png.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { frameLayout } from './layout.mjs';
import { blogHtml, closePanel, ensureResultsDir, frameOf, launchBrowser, newContext, openPanel, startServers, watchPage } from './servers.mjs';

const WIDTHS = [280, 400, 800, 1200];
const HEIGHT = 290;

describe('Layout: the embed page in a 290 px frame', () => {
  let servers;
  let browser;
  let context;
  let dir;
  before(async () => {
    servers = await startServers();
    browser = await launchBrowser();
    context = await newContext(browser, { viewport: { width: 1280, height: 400 } });
    dir = ensureResultsDir();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await servers?.close();
  });

  const configs = () => {
    const n = servers.newsroom;
    const one = new URL(`${n}/dist/embed.html`);
    for (const [name, value] of [
      ['src', `${n}/audio/interview.mp3`],
      ['title', 'The Lighthouse Keepers of Harrow Point: Margaret Hale remembers the gale of 1962'],
      ['program', 'Coastlines'],
      ['date', '2026-03-24'],
      ['image', `${n}/images/lighthouse.svg`],
      ['duration', '166.17'],
    ]) one.searchParams.append(name, value);
    const manifest = new URL(`${n}/dist/embed.html`);
    manifest.searchParams.set('manifest', `${n}/story.json`);
    return { one: one.href, manifest: manifest.href };
  };

  /** Loads `src` in a W×290 frame on the blog and returns {page, frame, player, watch}. */
  async function frameAt(src, width, name) {
    const page = await context.newPage();
    const watch = watchPage(page);
    const url = servers.blogPage(`${name}.html`, blogHtml(`<iframe title="Embedded audio player" style="display:block;border:0;width:${width}px;height:${HEIGHT}px" src="${src.replace(/&/g, '&amp;')}"></iframe>`));
    await page.goto(url);
    const frame = await frameOf(page);
    const player = page.frameLocator('iframe').getByRole('group', { name: /^Audio player: / });
    await player.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await frame.evaluate(() => document.fonts.ready);
    return { page, frame, player, watch };
  }

  /** Measures, saves the screenshot, and returns the problems (with the file name in each). */
  async function check(page, frame, width, state) {
    const { problems, controls, viewport } = await frame.evaluate(frameLayout);
    const file = path.join(dir, `layout-${width}-${state}.png`);
    await page.locator('iframe').screenshot({ path: file });
    assert.equal(viewport, `${width}×${HEIGHT}`, 'the frame is the size asked for');
    assert.ok(controls.length >= 6, `${state} at ${width}: found the controls (${controls.length})`);
    return problems.map((p) => `${width} px, ${state}: ${p}  (see ${path.relative(process.cwd(), file)})`);
  }

  for (const kind of ['one', 'manifest']) {
    it(`${kind === 'one' ? 'one track' : 'a three-track manifest'}: closed, Playlist open, Embed open, at ${WIDTHS.join(', ')} px`, { timeout: 60_000 }, async () => {
      const problems = [];
      for (const width of WIDTHS) {
        const { page, frame, player, watch } = await frameAt(configs()[kind], width, `layout-${kind}-${width}`);
        problems.push(...(await check(page, frame, width, `${kind}-closed`)));
        for (const panel of ['Playlist', 'Embed']) {
          const region = await openPanel(player, panel);
          if (panel === 'Embed') await region.getByRole('textbox', { name: 'Embed code' }).waitFor();
          else await region.getByRole('button', { name: /^(Add to|Remove from) my playlist$/ }).waitFor();
          problems.push(...(await check(page, frame, width, `${kind}-${panel.toLowerCase()}`)));
          await closePanel(player, panel);
        }
        assert.deepEqual(watch.errors.map(String), []);
        await page.close();
      }
      assert.deepEqual(problems, [], `the player does not fit its frame:\n${problems.join('\n')}`);
    });
  }

  it('dark theme at 400 px: dark, and fits, closed and with the Embed panel open', { timeout: 20_000 }, async () => {
    const src = new URL(configs().manifest);
    src.searchParams.set('theme', 'dark');
    const { page, frame, player, watch } = await frameAt(src.href, 400, 'layout-dark');
    const problems = await check(page, frame, 400, 'dark-closed');
    const colors = await frame.evaluate(() => {
      const box = document.querySelector('earshot-player').shadowRoot.querySelector('[part~="player"]');
      const luminance = (css) => {
        const [r, g, b] = css.match(/[\d.]+/g).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const style = getComputedStyle(box);
      return { background: style.backgroundColor, color: style.color, bg: luminance(style.backgroundColor), fg: luminance(style.color) };
    });
    assert.ok(colors.bg < 0.1 && colors.fg > 0.5, `dark background, light text: ${colors.background} / ${colors.color}`);
    await (await openPanel(player, 'Embed')).getByRole('textbox', { name: 'Embed code' }).waitFor();
    problems.push(...(await check(page, frame, 400, 'dark-embed')));
    assert.deepEqual(watch.errors.map(String), []);
    await page.close();
    assert.deepEqual(problems, [], `the dark player does not fit its frame:\n${problems.join('\n')}`);
  });
});
