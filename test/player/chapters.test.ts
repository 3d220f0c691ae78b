/**
 * Chapters in a real browser, with real clicks and keys: read when the listener plays (or opens the
 * Playlist), named in the Seek slider's words, marked on the timeline, listed in the Playlist panel, and
 * walked by Previous, Next, Shift+N and Shift+P. (It plays audio: it runs in Chromium, Firefox ESR and WebKitGTK.)
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';
import { click, clickPlay, control, hasControl, html, MP3, mount, nextEvent, sleep, unique, waitFor } from '../support/player.js';

const JSON_CHAPTERS = '/media/test/fixtures/speech-chapters.json';
const TITLES = ['The test recording', 'How long it lasts', 'Counting to five'];

async function withChapters(chapters: unknown = JSON_CHAPTERS): Promise<EarshotPlayer> {
  const player = await mount(html`<earshot-player></earshot-player>`);
  player.tracks = [{ title: 'Chaptered', src: unique(MP3), chapters }];
  await player.updateComplete;
  return player;
}

/** Shift and a letter, as a listener presses them (the capital letter: WebKit's WebDriver holds no Shift down). */
const shifted = (key: 'N' | 'P') => sendKeys({ type: key });

const valueText = (player: EarshotPlayer) => control(player, 'Seek').getAttribute('aria-valuetext') ?? '';

describe('<earshot-player> chapters', () => {
  afterEach(() => document.querySelectorAll('earshot-player').forEach((player) => player.remove()));

  it('are read once the listener plays: the slider names the chapter, the timeline marks them, Previous and Next appear', async () => {
    const player = await withChapters();
    expect(hasControl(player, 'Next track'), 'one track, chapters not read yet').to.equal(false);
    expect(valueText(player)).to.not.contain('The test recording');
    await clickPlay(player);
    await waitFor(() => hasControl(player, 'Next track'), 'Previous and Next');
    expect(hasControl(player, 'Previous track')).to.equal(true);
    await waitFor(() => valueText(player).endsWith(', The test recording'), 'the first chapter in the slider’s words');
    const marks = getComputedStyle(player.shadowRoot!.querySelector('.seek')!).getPropertyValue('--_marks');
    expect(marks.match(/calc\(/g), 'two marks (the first chapter starts at 0), four stops each').to.have.length(8);
    player.pause();
    await expect(player).shadowDom.to.be.accessible();
  });

  it('Next, Shift+N and Shift+P move by chapter', async () => {
    const player = await withChapters();
    await clickPlay(player);
    await waitFor(() => hasControl(player, 'Next track'), 'Previous and Next');
    player.pause();
    await click(player, 'Next track');
    await waitFor(() => Math.abs(player.currentTime - 2.6) < 0.3, 'at the second chapter');
    await waitFor(() => valueText(player).endsWith(', How long it lasts'), 'named');
    control(player, 'Seek').focus();
    await shifted('N');
    await waitFor(() => Math.abs(player.currentTime - 4.3) < 0.3, 'Shift+N: the third chapter');
    expect(control(player, 'Next track').hasAttribute('disabled'), 'the last chapter of the last track').to.equal(true);
    // Within 3 s of the chapter's start, Shift+P goes to the one before.
    await shifted('P');
    await waitFor(() => Math.abs(player.currentTime - 2.6) < 0.3, 'Shift+P: the second chapter');
    // N and P without Shift do nothing.
    await sendKeys({ type: 'n' });
    await sleep(100);
    expect(Math.abs(player.currentTime - 2.6)).to.be.below(0.3);
  });

  it('are listed in the Playlist panel, the current one marked; a chapter plays from its start', async () => {
    // A list in the manifest itself, read without a request.
    const player = await withChapters([
      { startTime: 0, title: TITLES[0] },
      { startTime: '0:02.6', title: TITLES[1] },
      { startTime: 4.3, title: TITLES[2] },
      { startTime: 'soon', title: 'No time' },
      { title: 'No start' },
    ]);
    await click(player, 'Playlist');
    await waitFor(() => hasControl(player, TITLES[2]!), 'the chapters, read when the Playlist opens');
    const list = player.shadowRoot!.querySelector('[aria-labelledby="chapters-label"]')!;
    expect(player.shadowRoot!.getElementById('chapters-label')!.textContent).to.equal('Chapters');
    expect([...list.querySelectorAll('button')].map((button) => button.textContent!.trim())).to.deep.equal(TITLES);
    expect(control(player, TITLES[0]!).getAttribute('aria-current')).to.equal('true');
    await click(player, TITLES[2]!);
    await waitFor(() => !player.paused && player.currentTime > 4.3, 'playing from the third chapter', 10000);
    await waitFor(() => control(player, TITLES[2]!).getAttribute('aria-current') === 'true', 'the third marked');
    expect(control(player, TITLES[0]!).getAttribute('aria-current')).to.equal('false');
    player.pause();
    await expect(player).shadowDom.to.be.accessible();
  });

  it('come back with their track: played again after another track, or after the player moves in the page', async () => {
    const player = await mount(html`<earshot-player></earshot-player>`);
    player.tracks = [
      { title: 'Chaptered', src: unique(MP3), chapters: JSON_CHAPTERS },
      { title: 'Plain', src: unique(MP3) },
    ];
    await player.updateComplete;
    await clickPlay(player);
    await waitFor(() => valueText(player).endsWith(', The test recording'), 'the chapters');
    player.pause();
    player.select(1);
    await waitFor(() => !valueText(player).includes('The test recording'), 'no chapters on the plain track');
    player.select(0);
    await waitFor(() => valueText(player).endsWith(', The test recording'), 'the chapters again, without a play');
    // Moved in the page, the player makes its media again, and keeps the chapters.
    document.body.append(player);
    await player.updateComplete;
    await waitFor(() => valueText(player).endsWith(', The test recording'), 'the chapters after a move');
  });

  it('a chapters file that cannot be read is told to the page, and the player plays on', async () => {
    const player = await withChapters('/media/test/fixtures/speech.mp3');
    const told = nextEvent<{ code: string; message: string; fatal: boolean }>(player, 'earshot-error', 10000);
    await clickPlay(player);
    const { detail } = await told;
    expect(detail.fatal).to.equal(false);
    expect(detail.message).to.match(/^These chapters could not be read/);
    expect(player.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim(), 'no alert for the listener').to.equal('');
    await waitFor(() => !player.paused && player.currentTime > 0.3, 'playing');
    expect(hasControl(player, 'Next track')).to.equal(false);
    player.pause();
  });
});
