// axe on whole pages, as a listener's screen reader meets them: the story page and the embed page, light
// and dark, with each panel open and closed. Nothing serious or critical may be found.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { at, newContext, useServersAndBrowser } from './servers.mjs';

const AXE = readFileSync(at('node_modules', 'axe-core', 'axe.min.js'), 'utf8');

describe('Accessibility of whole pages (axe)', () => {
  let servers;
  let browser;
  useServersAndBrowser((started) => ({ servers, browser } = started));

  async function audit(url, colorScheme) {
    const context = await newContext(browser, { colorScheme });
    const page = await context.newPage();
    await page.goto(url);
    const player = page.locator('earshot-player').first();
    await player.getByRole('button', { name: 'Play', exact: true }).waitFor();
    const found = [];
    for (const panel of [null, 'Playlist', 'Embed']) {
      const toggle = panel && player.getByRole('button', { name: panel, exact: true });
      if (toggle) {
        await toggle.click();
        await player.locator(`[aria-controls="${panel.toLowerCase()}-panel"][aria-expanded="true"]`).waitFor();
      }
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes[0]?.target.join(' ') })),
      );
      found.push(...violations.map((v) => ({ ...v, panel: panel ?? 'none' })));
      if (toggle) await toggle.click();
    }
    await context.close();
    return found;
  }

  for (const colorScheme of ['light', 'dark']) {
    it(`the story page, ${colorScheme}: nothing at all`, { timeout: 30_000 }, async () => {
      assert.deepEqual(await audit(`${servers.newsroom}/`, colorScheme), []);
    });

    it(`the embed page, ${colorScheme}: nothing serious or critical`, { timeout: 30_000 }, async () => {
      const found = await audit(`${servers.newsroom}/dist/embed.html?manifest=${encodeURIComponent(`${servers.newsroom}/story.json`)}`, colorScheme);
      assert.deepEqual(found.filter((v) => v.impact === 'serious' || v.impact === 'critical'), []);
      // An embed page has no heading of its own to give (the host's iframe title names it); that is all.
      assert.deepEqual([...new Set(found.map((v) => v.id))], ['page-has-heading-one']);
    });
  }
});
