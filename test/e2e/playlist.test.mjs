// The listener's saved playlist: a track saved in one player shows in the others on the page, after a
// reload, in another tab, and leaves them all when it is removed (live, through the storage event).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STORY, expectAttribute, newContext, openPanel, readTime, useServersAndBrowser, watchPage } from './servers.mjs';

/** Waits until the player plays (by itself) and its Seek position has moved; returns the time shown then. */
async function waitUntilPlaying(player) {
  const slider = player.getByRole('slider', { name: 'Seek' });
  const until = Date.now() + 8000;
  let first = null;
  while (Date.now() < until) {
    const playing = (await player.getByRole('button', { name: 'Pause', exact: true }).count()) > 0;
    const value = Number(await slider.inputValue().catch(() => NaN));
    if (playing && Number.isFinite(value)) {
      if (first === null) first = value;
      else if (value > first) return readTime(player);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the player did not start playing by itself (${(await readTime(player).catch(() => null))?.text})`);
}

const SAVED = 'Part 1: The light';

/** Opens the Playlist panel of `player` (if closed) and returns the panel. */
const openPlaylist = (player) => openPanel(player, 'Playlist');

/** Titles in the list "My playlist" of an open panel ([] when the list is not shown). */
async function myPlaylist(panel) {
  const list = panel.getByRole('list', { name: 'My playlist' });
  if ((await list.count()) === 0) return [];
  const items = await list.getByRole('listitem').all();
  // Each item: a button named by the track's title that plays it (then its Remove button).
  return Promise.all(items.map(async (item) => (await item.getByRole('button').first().textContent()).trim()));
}

/** Waits (up to 5 s) until "My playlist" of `panel` lists exactly `titles`. */
async function expectMyPlaylist(panel, titles, why) {
  const until = Date.now() + 5000;
  let seen;
  do {
    seen = await myPlaylist(panel);
    if (JSON.stringify(seen) === JSON.stringify(titles)) return;
    await new Promise((done) => setTimeout(done, 100));
  } while (Date.now() < until);
  assert.deepEqual(seen, titles, why);
}

describe('Playlist: the listener\'s saved playlist', () => {
  let servers;
  let browser;
  useServersAndBrowser((started) => ({ servers, browser } = started));

  it('a track saved in one player shows in the others, after a reload, and live in another tab', { timeout: 40_000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${servers.newsroom}/`);

    // The gale player's panel is open (and empty) before anything is saved.
    const galePanel = await openPlaylist(page.getByRole('group', { name: STORY.gale }));
    await expectMyPlaylist(galePanel, [], 'nothing saved yet');

    // The three-track player: its tracks, the current one marked; save it.
    const series = page.getByRole('group', { name: STORY.series });
    const seriesPanel = await openPlaylist(series);
    const own = seriesPanel.getByRole('button', { name: SAVED, exact: true });
    assert.equal(await own.getAttribute('aria-current'), 'true', 'the current track is marked');
    for (const title of ['Part 2: The keepers', 'Part 3: What comes next']) assert.ok(await seriesPanel.getByRole('button', { name: title, exact: true }).isVisible(), `${title} is listed`);
    await seriesPanel.getByRole('button', { name: 'Add to my playlist' }).click();
    await seriesPanel.getByRole('button', { name: 'Remove from my playlist' }).waitFor();
    await expectMyPlaylist(seriesPanel, [SAVED], 'the saving player lists it');

    // Live in the other player already open on the page, and in one opened now.
    await expectMyPlaylist(galePanel, [SAVED], 'another player on the page shows it, live');
    await expectMyPlaylist(await openPlaylist(page.getByRole('group', { name: STORY.interview })), [SAVED], 'a third player shows it when opened');

    const stored = await page.evaluate(() => localStorage.getItem('earshot:playlist'));
    assert.ok(stored && stored.includes(SAVED), `kept in localStorage under earshot:playlist: ${stored}`);
    const changes = await page.evaluate(() => window.__earshot.filter((e) => e.type === 'playlist-change').map((e) => e.detail.items.map((t) => t.title)));
    assert.deepEqual(changes.at(-1), [SAVED], 'earshot-playlist-change with the new list');

    // Across visits: reload.
    await page.reload();
    await expectMyPlaylist(await openPlaylist(page.getByRole('group', { name: STORY.gale })), [SAVED], 'still there after a reload');
    const seriesAgain = await openPlaylist(page.getByRole('group', { name: STORY.series }));
    await seriesAgain.getByRole('button', { name: 'Remove from my playlist' }).waitFor();

    // Another tab of the same browser.
    const tab = await context.newPage();
    const tabWatch = watchPage(tab);
    await tab.goto(`${servers.newsroom}/`);
    const tabGale = await openPlaylist(tab.getByRole('group', { name: STORY.gale }));
    await expectMyPlaylist(tabGale, [SAVED], 'another tab shows it');

    // Remove it in the other tab: the first tab updates live.
    const tabSeries = await openPlaylist(tab.getByRole('group', { name: STORY.series }));
    await tabSeries.getByRole('button', { name: 'Remove from my playlist' }).click();
    await tabSeries.getByRole('button', { name: 'Add to my playlist' }).waitFor();
    await expectMyPlaylist(tabGale, [], 'the removing tab\'s other player updates');
    await expectMyPlaylist(await openPlaylist(page.getByRole('group', { name: STORY.gale })), [], 'the first tab updates live');
    await seriesAgain.getByRole('button', { name: 'Add to my playlist' }).waitFor({ timeout: 5000 });

    // And back: add in the first tab, the second follows.
    await seriesAgain.getByRole('button', { name: 'Add to my playlist' }).click();
    await expectMyPlaylist(tabGale, [SAVED], 'the second tab follows an add in the first, live');

    assert.deepEqual([...watch.errors, ...tabWatch.errors].map(String), [], 'no uncaught exception');
    await context.close();
  });

  it('plays "My playlist" one item after another, and an item can be removed from it', { timeout: 30_000 }, async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${servers.newsroom}/`);
    for (const name of [STORY.series, STORY.gale]) {
      const panel = await openPlaylist(page.getByRole('group', { name }));
      await panel.getByRole('button', { name: 'Add to my playlist' }).click();
      await panel.getByRole('button', { name: 'Remove from my playlist' }).waitFor();
    }

    // The interview player plays the saved list: Part 1, then the gale segment.
    const interview = page.locator('#interview earshot-player');
    const panel = await openPlaylist(interview);
    await expectMyPlaylist(panel, [SAVED, 'The gale of 1962'], 'both saved, in order');
    const mine = panel.getByRole('list', { name: 'My playlist' });
    await mine.getByRole('button', { name: SAVED, exact: true }).click();
    await interview.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await interview.getByRole('group', { name: `Audio player: ${SAVED}` }).waitFor();
    await expectAttribute(mine.getByRole('button', { name: SAVED, exact: true }), 'aria-current', 'true', { why: 'the playing saved item is marked' });

    // Near the end of Part 1 it goes on to the next saved item by itself. (The seek waits until the sound
    // has started, so that this tests the play-through; seek.test.mjs covers a seek made while loading.)
    await interview.getByRole('button', { name: 'Playlist', exact: true }).click();
    const slider = interview.getByRole('slider', { name: 'Seek' });
    await waitUntilPlaying(interview);
    await slider.fill(String(Number(await slider.getAttribute('max')) - 1));
    await interview.getByRole('group', { name: 'Audio player: The gale of 1962' }).waitFor({ timeout: 8000 }).catch(async (error) => {
      const events = await page.evaluate(() => window.__earshot.filter((e) => e.type !== 'playlist-change').map((e) => `${e.type} ${JSON.stringify(e.detail).slice(0, 80)}`));
      const time = await readTime(interview).catch(() => null);
      throw new Error(`the saved playlist did not go on to the next item by itself (shown: ${time?.text}; events: ${events.join(' | ')})`, { cause: error });
    });
    const next = await waitUntilPlaying(interview);
    assert.equal(next.total, 36, `the next item is the gale segment: ${next.text}`);

    // Remove an item with its own Remove button: every player follows.
    const again = await openPlaylist(interview);
    await again.getByRole('button', { name: `Remove ${SAVED} from my playlist` }).click();
    await expectMyPlaylist(again, ['The gale of 1962'], 'removed from the list');
    await expectMyPlaylist(await openPlaylist(page.getByRole('group', { name: STORY.series })), ['The gale of 1962'], 'and from the other players');
    assert.deepEqual(watch.errors.map(String), [], 'no uncaught exception');
    await context.close();
  });
});
