// Embed across origins: the story page hands out a snippet; pasted into a page on another origin it plays
// (a real click, no autoplay flag), and plays only the segment it was made from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STORY, blogHtml, clickPlayAndHear, frameOf, newContext, openPanel, readTime, useServersAndBrowser, watchPage } from './servers.mjs';

const SNIPPET_ATTRIBUTES = ['src', 'width', 'height', 'frameborder', 'scrolling', 'title', 'allow', 'loading'];
const SEGMENT = { start: 40.12, end: 76.45 };

describe('Embed: the snippet from the story page plays on another site', () => {
  let servers;
  let browser;
  useServersAndBrowser((started) => ({ servers, browser } = started));

  it('copies a one-<iframe> snippet that plays the segment, and only the segment, on another origin', { timeout: 40_000 }, async () => {
    const context = await newContext(browser);
    let clipboard = true;
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: servers.newsroom });
    } catch {
      clipboard = false;
    }
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${servers.newsroom}/`);

    // The segment player: press Embed, read the code.
    const gale = page.getByRole('group', { name: STORY.gale });
    assert.equal(await gale.getByRole('button', { name: 'Embed', exact: true }).getAttribute('aria-expanded'), 'false');
    const panel = await openPanel(gale, 'Embed');
    const code = panel.getByRole('textbox', { name: 'Embed code' });
    const snippet = await code.inputValue();
    assert.ok(await code.evaluate((box) => box.readOnly), 'the Embed code textbox is read-only');

    // Copy embed code: the clipboard holds exactly what the textbox shows, and a status line says so.
    await panel.getByRole('button', { name: 'Copy embed code' }).click();
    const status = gale.getByRole('status');
    await status.filter({ hasText: /\S/ }).waitFor();
    const said = (await status.textContent()).trim();
    if (clipboard) {
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet, 'the clipboard holds the snippet');
      assert.match(said, /copied/i);
    } else {
      assert.match(said, /cop/i, `the status line says what happened: ${said}`);
    }

    // A real HTML parser reads exactly one <iframe> with the documented snippet's attributes.
    const parsed = await page.evaluate((html) => {
      const template = document.createElement('template');
      template.innerHTML = html;
      const nodes = [...template.content.childNodes];
      const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
      return {
        nodes: nodes.map((n) => ({ type: n.nodeType, name: n.nodeName, children: n.childNodes.length })),
        inBody: doc.body.childNodes.length,
        attributes: nodes[0]?.attributes ? Object.fromEntries([...nodes[0].attributes].map((a) => [a.name, a.value])) : {},
        order: nodes[0]?.attributes ? [...nodes[0].attributes].map((a) => a.name) : [],
      };
    }, snippet);
    assert.deepEqual(parsed.nodes, [{ type: 1, name: 'IFRAME', children: 0 }], `the snippet is one <iframe> and nothing else: ${snippet}`);
    assert.equal(parsed.inBody, 1);
    assert.deepEqual([...parsed.order].sort(), [...SNIPPET_ATTRIBUTES].sort(), 'exactly the documented snippet\'s attributes');
    const { src, ...fixed } = parsed.attributes;
    assert.deepEqual(fixed, {
      width: '100%',
      height: '290',
      frameborder: '0',
      scrolling: 'no',
      title: 'Embedded audio player: The gale of 1962',
      allow: 'autoplay; clipboard-write',
      loading: 'lazy',
    });
    const embedUrl = new URL(src);
    assert.equal(`${embedUrl.origin}${embedUrl.pathname}`, `${servers.newsroom}/dist/embed.html`, 'EMBED_URL is the absolute URL of the hosted embed page');
    assert.equal(new URL(embedUrl.searchParams.get('src')).href, `${servers.newsroom}/audio/interview.mp3`);
    assert.equal(embedUrl.searchParams.get('title'), 'The gale of 1962');
    assert.ok(embedUrl.searchParams.get('t'), `a segment embeds with t=START,END: ${src}`);

    // The embed event said the same.
    const embedEvents = await page.evaluate(() => window.__earshot.filter((e) => e.type === 'embed'));
    assert.ok(embedEvents.length >= 1, 'earshot-embed fired when the panel opened');
    assert.equal(embedEvents.at(-1).detail.snippet, snippet);

    // Paste it into a page on another origin (127.0.0.1) and open it.
    const blogUrl = servers.blogPage('pasted.html', blogHtml(`<p>Here is the part about the 1962 gale:</p>\n      ${snippet}\n      <p>Worth the climb.</p>`));
    assert.notEqual(new URL(blogUrl).origin, new URL(servers.newsroom).origin);
    await page.goto(blogUrl);
    const frame = page.frameLocator('iframe');
    const embedded = frame.getByRole('group', { name: 'Audio player: The gale of 1962' });
    await embedded.waitFor();
    assert.equal((await readTime(embedded)).text, '0:00 / 0:36', 'the frame shows the segment: 36 s from its start');

    // Play it with a real click; the position advances.
    const heard = await clickPlayAndHear(embedded);
    const time = await readTime(embedded);
    assert.equal(time.total, 36, `the frame plays the segment only: ${time.text}`);
    assert.ok(time.elapsed <= 4, `times count from the segment's start: ${time.text}`);
    assert.match(await embedded.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuetext'), /of 36 seconds$/);
    const embedFrame = await frameOf(page);
    const media = await embedFrame.evaluate(() => window.__media.map((m) => ({ src: m.src, at: m.currentTime, paused: m.paused })));
    assert.equal(media.length, 1, 'one audio element plays');
    assert.equal(media[0].src, `${servers.newsroom}/audio/interview.mp3`);
    assert.ok(media[0].at >= SEGMENT.start + heard.before && media[0].at < SEGMENT.start + heard.after + 3, `the file plays from the segment's start (${SEGMENT.start} s): at ${media[0].at} s`);

    // Near its end, it stops at the segment's end.
    await embedded.getByRole('slider', { name: 'Seek' }).fill('34.5');
    await embedded.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 8000 });
    const end = await embedFrame.evaluate(() => ({ at: window.__media[0].currentTime, paused: window.__media[0].paused, events: window.__earshot.map((e) => e.type) }));
    assert.ok(end.paused, 'the audio stopped');
    assert.ok(end.at >= SEGMENT.end - 1 && end.at <= SEGMENT.end + 0.35, `it stopped at the segment's end (${SEGMENT.end} s of the file): at ${end.at} s`);
    assert.ok(end.events.includes('ended'), `earshot-ended fired: ${end.events}`);
    assert.equal((await readTime(embedded)).text, '0:36 / 0:36');

    // Inside the pasted frame, Copy embed code works too: the snippet allows clipboard-write.
    const framePanel = await openPanel(embedded, 'Embed');
    await framePanel.getByRole('button', { name: 'Copy embed code' }).click();
    const frameStatus = embedded.getByRole('status').filter({ hasText: /\S/ });
    await frameStatus.waitFor();
    assert.match((await frameStatus.textContent()).trim(), /^Copied/, 'the pasted frame copied its code');
    if (clipboard) {
      // (Read back on the newsroom's own page: the frame may write to the clipboard, not read it.)
      const reader = await context.newPage();
      await reader.goto(`${servers.newsroom}/`);
      assert.match(await reader.evaluate(() => navigator.clipboard.readText()), /^<iframe /, 'the clipboard holds a snippet');
    }

    assert.deepEqual(watch.errors.map(String), [], 'no uncaught exception');
    await context.close();
  });

  it('a clip made with Clip start and Clip end plays only that part, under a title that says so, on another site', { timeout: 40_000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${servers.newsroom}/`);
    // The whole interview's player: its Embed panel, the clip typed as a listener types it.
    const interview = page.getByRole('group', { name: STORY.interview });
    const panel = await openPanel(interview, 'Embed');
    await panel.getByRole('textbox', { name: 'Clip start' }).fill('1:00');
    await panel.getByRole('textbox', { name: 'Clip end' }).fill('1:06');
    const code = panel.getByRole('textbox', { name: 'Embed code' });
    await page.waitForFunction((box) => box.value.includes('t=60%2C66'), await code.elementHandle());
    const snippet = await code.inputValue();
    assert.match(snippet, /title="Embedded audio player: The Lighthouse Keepers of Harrow Point \(1:00–1:06\)"/);
    const src = new URL(snippet.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&'));
    assert.equal(src.searchParams.get('manifest'), `${servers.newsroom}/interview.json`);

    await page.goto(servers.blogPage('clip.html', blogHtml(`<p>Her answer:</p>\n      ${snippet}`)));
    const embedded = page.frameLocator('iframe').getByRole('group', { name: 'Audio player: The Lighthouse Keepers of Harrow Point' });
    await embedded.waitFor();
    assert.equal((await readTime(embedded)).text, '0:00 / 0:06', 'the frame shows the clip: 6 s');
    await clickPlayAndHear(embedded);
    const frame = await frameOf(page);
    const started = await frame.evaluate(() => window.__media[0].currentTime);
    assert.ok(started >= 60 && started < 63, `the file plays from the clip's start (60 s): at ${started} s`);
    // It ends by itself at the clip's end.
    await embedded.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 12_000 });
    const end = await frame.evaluate(() => ({ at: window.__media[0].currentTime, paused: window.__media[0].paused, events: window.__earshot.map((e) => e.type) }));
    assert.ok(end.paused && end.at >= 65 && end.at <= 66.35, `it stopped at the clip's end (66 s of the file): at ${end.at} s`);
    assert.ok(end.events.includes('ended'), `earshot-ended fired: ${end.events}`);
    assert.deepEqual(watch.errors.map(String), [], 'no uncaught exception');
    await context.close();
  });

  it('in a pasted frame where the clipboard is refused, Copy selects the code and says how to copy it', { timeout: 20_000 }, async () => {
    // A cross-origin frame without allow="clipboard-write" (a page that cut the snippet's allow short): the
    // permissions policy refuses navigator.clipboard.writeText there.
    const context = await newContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page);
    const src = `${servers.newsroom}/dist/embed.html?src=${encodeURIComponent(`${servers.newsroom}/audio/clip-1.mp3`)}&title=Part+1`;
    await page.goto(servers.blogPage('no-clipboard.html', blogHtml(`<iframe allow="autoplay" width="100%" height="290" style="border:0" title="Embedded audio player: Part 1" src="${src.replace(/&/g, '&amp;')}"></iframe>`)));
    const player = page.frameLocator('iframe').getByRole('group', { name: 'Audio player: Part 1' });
    const panel = await openPanel(player, 'Embed');
    await panel.getByRole('button', { name: 'Copy embed code' }).click();
    const status = player.getByRole('status').filter({ hasText: /\S/ });
    await status.waitFor();
    assert.match(await status.textContent(), /(Ctrl|⌘|Cmd)\s*\+\s*C/i, 'the status line says how to copy');
    const selection = await (await frameOf(page)).evaluate(() => {
      const root = document.querySelector('earshot-player').shadowRoot;
      const box = root.activeElement;
      return box && { tag: box.localName, start: box.selectionStart, end: box.selectionEnd, length: box.value.length };
    });
    assert.ok(selection && selection.tag === 'textarea' && selection.start === 0 && selection.end === selection.length && selection.length > 0, `the whole code is selected, focused: ${JSON.stringify(selection)}`);
    assert.deepEqual(watch.errors.map(String), [], 'no uncaught exception');
    await context.close();
  });
});
