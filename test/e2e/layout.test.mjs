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
      // Its words too: a fourth action, Transcript, and its panel.
      ['transcript', `${n}/audio/interview.vtt`],
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
    it(`${kind === 'one' ? 'one track with a transcript: closed, Playlist, Embed and Transcript open' : 'a three-track manifest: closed, Playlist open, Embed open'}, at ${WIDTHS.join(', ')} px`, { timeout: 60_000 }, async () => {
      const problems = [];
      for (const width of WIDTHS) {
        const { page, frame, player, watch } = await frameAt(configs()[kind], width, `layout-${kind}-${width}`);
        problems.push(...(await check(page, frame, width, `${kind}-closed`)));
        for (const panel of kind === 'one' ? ['Playlist', 'Embed', 'Transcript'] : ['Playlist', 'Embed']) {
          const region = await openPanel(player, panel);
          if (panel === 'Embed') await region.getByRole('textbox', { name: 'Embed code' }).waitFor();
          else if (panel === 'Transcript') await region.getByRole('button', { name: /^Margaret Hale: Thank you, Daniel/ }).waitFor();
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

  /** Loads `src` in a frame of `width` × 290 px in a context of its own (touch, say); closes with the context. */
  async function frameIn(contextOptions, src, width, name) {
    const own = await newContext(browser, { viewport: { width: Math.max(width, 320), height: 400 }, ...contextOptions });
    const page = await own.newPage();
    const watch = watchPage(page);
    await page.goto(servers.blogPage(`${name}.html`, blogHtml(`<iframe title="Embedded audio player" style="display:block;border:0;width:${width}px;height:${HEIGHT}px" src="${src.replace(/&/g, '&amp;')}"></iframe>`)));
    const frame = await frameOf(page);
    const player = page.frameLocator('iframe').getByRole('group', { name: /^Audio player: / });
    await player.getByRole('button', { name: 'Play', exact: true }).waitFor();
    return { own, page, frame, player, watch };
  }

  it('leaves no empty band above the artwork or above the actions, at 280 and 800 px', { timeout: 20_000 }, async () => {
    const bands = [];
    for (const width of [280, 800]) {
      const { own, frame } = await frameIn({}, configs().one, width, `layout-bands-${width}`);
      const gaps = await frame.evaluate(() => {
        const root = document.querySelector('earshot-player').shadowRoot;
        const box = (selector) => root.querySelector(selector).getBoundingClientRect();
        const player = box('.player');
        const top = Math.min(box('.artwork').top, box('.meta').top);
        const lastBeforeActions = Math.max(box('.controls').bottom, box('.timeline-row').bottom);
        return { aboveArtwork: top - player.top, aboveActions: box('.actions').top - lastBeforeActions };
      });
      // The player's padding and border above the artwork (13 px), one gap above the actions (8 px).
      if (gaps.aboveArtwork > 14) bands.push(`${width} px: ${gaps.aboveArtwork.toFixed(1)} px above the artwork`);
      if (gaps.aboveActions > 9) bands.push(`${width} px: ${gaps.aboveActions.toFixed(1)} px above the actions`);
      await own.close();
    }
    assert.deepEqual(bands, [], `empty bands in the frame:\n${bands.join('\n')}`);
  });

  it('on a touch screen, every target is at least 44 × 44 px, closed and with each panel open', { timeout: 30_000 }, async () => {
    const { own, frame, player, watch } = await frameIn({ hasTouch: true, isMobile: true }, configs().manifest, 390, 'layout-touch');
    assert.equal(await frame.evaluate(() => matchMedia('(pointer: coarse)').matches), true, 'the frame sees a touch screen');
    const small = [];
    for (const state of ['closed', 'Playlist', 'Embed']) {
      if (state !== 'closed') await openPanel(player, state);
      small.push(
        ...(await frame.evaluate((state) => {
          const root = document.querySelector('earshot-player').shadowRoot;
          const found = [];
          for (const node of root.querySelectorAll('button, a[href], input, textarea')) {
            if (node.closest('[inert]') || node.getClientRects().length === 0) continue;
            // A checkbox's label is part of its target.
            const target = node.type === 'checkbox' ? node.closest('label') : node;
            const { width, height } = target.getBoundingClientRect();
            const name = node.getAttribute('aria-label') || node.labels?.[0]?.textContent.trim() || node.textContent.trim() || node.localName;
            if (width < 44 - 0.5 || height < 44 - 0.5) found.push(`${state}: "${name}" is ${width.toFixed(1)} × ${height.toFixed(1)}`);
          }
          return found;
        }, state)),
      );
    }
    assert.deepEqual(small, [], `targets under 44 × 44 px:\n${small.join('\n')}`);
    assert.deepEqual(watch.errors.map(String), []);
    await own.close();
  });

  it('with WCAG text spacing, and with 200% text, at 280 px: nothing overlaps, closed or with a panel open', { timeout: 30_000 }, async () => {
    const problems = [];
    for (const [what, css] of [
      // WCAG 1.4.12: line height 1.5, paragraph spacing 2, letter spacing 0.12, word spacing 0.16 (of the font size).
      ['text spacing', '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }'],
      // The reader's default text size doubled: the player's own `medium` is 32 px then.
      ['200% text', ':host { font-size: 32px !important; }'],
    ]) {
      const { own, frame, player, watch } = await frameIn({}, configs().one, 280, `layout-spacing-${what.replace(/\W+/g, '-')}`);
      await frame.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        const root = document.querySelector('earshot-player').shadowRoot;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }, css);
      for (const state of ['closed', 'Playlist', 'Embed']) {
        if (state !== 'closed') await openPanel(player, state);
        const found = await frame.evaluate(() => {
          const root = document.querySelector('earshot-player').shadowRoot;
          // What shows: controls, and the elements that hold text of their own, outside what a panel covers.
          const boxes = [];
          for (const node of root.querySelectorAll('*')) {
            if (node.closest('[inert]') || node.getClientRects().length === 0 || node.closest('svg') || node.matches('.status, .under, .stage, .player, .panel, .panel-body, .panel-main, .panel-now, .actions, .controls, .timeline-row, .top, .meta, .alert, label')) continue;
            const ownText = [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent.trim());
            if (!ownText && !node.matches('button, a, input, textarea, img')) continue;
            // What a scroll box (or any box that clips) keeps out of view is not shown.
            const b = node.getBoundingClientRect();
            const r = { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
            for (let up = node.parentElement; up; up = up.parentElement) {
              const style = getComputedStyle(up);
              if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
              const clip = up.getBoundingClientRect();
              r.left = Math.max(r.left, clip.left);
              r.top = Math.max(r.top, clip.top);
              r.right = Math.min(r.right, clip.right);
              r.bottom = Math.min(r.bottom, clip.bottom);
            }
            if (r.right - r.left <= 0 || r.bottom - r.top <= 0) continue;
            boxes.push({ node, r, name: `${node.localName}.${node.className || ''} "${(node.getAttribute('aria-label') || node.textContent).trim().slice(0, 30)}"` });
          }
          const out = [];
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i];
              const b = boxes[j];
              if (a.node.contains(b.node) || b.node.contains(a.node)) continue;
              const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
              const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
              if (x > 1 && y > 1) out.push(`${a.name} overlaps ${b.name}`);
            }
          }
          const page = document.scrollingElement;
          if (page.scrollWidth > page.clientWidth) out.push('the page scrolls sideways');
          return out;
        });
        problems.push(...found.map((p) => `${what}, ${state}: ${p}`));
      }
      assert.deepEqual(watch.errors.map(String), []);
      await own.close();
    }
    assert.deepEqual(problems, [], `overlaps:\n${problems.join('\n')}`);
  });

  it('in forced colours, the timeline and its progress still show, and an open panel\'s button looks open', { timeout: 20_000 }, async () => {
    const { own, page, frame, player, watch } = await frameIn({}, configs().one, 400, 'layout-forced');
    await page.emulateMedia({ forcedColors: 'active' });
    await frame.evaluate(() => (document.querySelector('earshot-player').currentTime = 83));
    await player.getByRole('slider', { name: 'Seek' }).evaluate((slider) => new Promise((done) => (slider.value > 80 ? done() : setTimeout(done, 200))));
    const shot = await player.getByRole('slider', { name: 'Seek' }).screenshot();
    // The browser decodes the screenshot: the colours along the slider's middle row.
    const colours = await page.evaluate(async (png) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const y = Math.floor(image.height / 2);
      const { data } = context.getImageData(0, y, image.width, 1);
      const at = (x) => `${data[x * 4]},${data[x * 4 + 1]},${data[x * 4 + 2]}`;
      // A quarter in (played) and three quarters in (not yet), away from the thumb at the middle.
      return { background: at(0), played: at(Math.floor(image.width * 0.25)), unplayed: at(Math.floor(image.width * 0.8)) };
    }, shot.toString('base64'));
    assert.notEqual(colours.played, colours.unplayed, `played and unplayed differ: ${JSON.stringify(colours)}`);
    assert.notEqual(colours.unplayed, colours.background, `the unplayed track shows against the background: ${JSON.stringify(colours)}`);
    const looks = async () => player.getByRole('button', { name: 'Embed', exact: true }).evaluate((button) => getComputedStyle(button).backgroundColor);
    const closed = await looks();
    await openPanel(player, 'Embed');
    assert.notEqual(await looks(), closed, 'the open panel\'s button looks different from a closed one');
    assert.deepEqual(watch.errors.map(String), []);
    await own.close();
  });
});
