/**
 * The Transcript panel in a real browser, with real clicks and keys: the cues as controls, the cue being
 * heard, jumping by cue, search, selected words to "Embed this part", and a file that is not a transcript.
 * (It plays audio: it runs in Chromium, Firefox ESR and WebKitGTK.)
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';
import { click, control, hasControl, html, MP3, mount, sleep, unique, waitFor } from '../support/player.js';

const VTT = '/media/test/fixtures/speech.vtt';
const CUES = ['This is the Earshot test recording.', 'It lasts eight seconds.', 'One, two, three, four, five.'];

async function openTranscript(player: EarshotPlayer): Promise<HTMLElement[]> {
  await click(player, 'Transcript');
  await waitFor(() => control(player, 'Transcript').getAttribute('aria-expanded') === 'true', 'the Transcript panel to open');
  await waitFor(() => cues(player).length > 0 || panelText(player).includes('could not'), 'the cues');
  return cues(player);
}

const cues = (player: EarshotPlayer) => [...player.shadowRoot!.querySelectorAll<HTMLElement>('[aria-label="Transcript"] [role="button"]')];
const panelText = (player: EarshotPlayer) => player.shadowRoot!.querySelector('[part="panel"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const current = (player: EarshotPlayer) => cues(player).findIndex((cue) => cue.getAttribute('aria-current') === 'true');

describe('<earshot-player> Transcript', () => {
  afterEach(() => document.querySelectorAll('earshot-player').forEach((player) => player.remove()));

  it('is offered only where the track has a transcript, and lists its cues as buttons named by their words (axe)', async () => {
    const without = await mount(html`<earshot-player src=${MP3} track-title="No words"></earshot-player>`);
    expect(hasControl(without, 'Transcript')).to.equal(false);
    const player = await mount(html`<earshot-player src=${unique(MP3)} transcript=${VTT} track-title="With words" controls=""></earshot-player>`);
    // Even with every other action hidden: the transcript is the audio's text alternative.
    expect(control(player, 'Transcript').getAttribute('aria-expanded')).to.equal('false');
    const list = await openTranscript(player);
    expect(list.map((cue) => cue.textContent!.trim())).to.deep.equal(CUES);
    expect(player.shadowRoot!.querySelector('[part="panel"]')!.getAttribute('aria-label')).to.equal('Transcript panel');
    expect(list.map((cue) => cue.tabIndex), 'one Tab stop for the list').to.deep.equal([0, -1, -1]);
    expect(hasControl(player, 'Search transcript')).to.equal(true);
    await expect(player).shadowDom.to.be.accessible();
  });

  it('marks the cue being heard while it plays, and a cue plays from its start by click and by Enter', async () => {
    const player = await mount(html`<earshot-player src=${unique(MP3)} transcript=${VTT} track-title="Follow"></earshot-player>`);
    let list = await openTranscript(player);
    expect(current(player)).to.equal(-1);
    // A click on the third cue plays from 4.3 s.
    list[2]!.scrollIntoView({ block: 'center' });
    const box = list[2]!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + 10), Math.round(box.y + box.height / 2)] });
    await waitFor(() => !player.paused && player.currentTime > 4.4, 'playing from the third cue', 10000);
    expect(player.currentTime).to.be.below(6.5);
    await waitFor(() => current(player) === 2, 'the third cue marked');
    player.pause();
    // The keyboard: Up moves along the list, Enter plays from that cue.
    list = cues(player);
    list[2]!.focus();
    await sendKeys({ press: 'ArrowUp' });
    await sleep(50);
    expect(player.shadowRoot!.activeElement).to.equal(cues(player)[1]);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !player.paused && player.currentTime >= 2.6 && player.currentTime < 4.3, 'playing in the second cue', 10000);
    await waitFor(() => current(player) === 1, 'the second cue marked');
    await waitFor(() => current(player) === 2, 'then the third, as the sound goes on', 10000);
    player.pause();
  });

  it('keeps the cue being heard in view, and leaves the list where the listener scrolled it', async () => {
    // The demo interview: 21 cues over 2:46, in a short player whose panel shows a few of them.
    const player = await mount(
      html`<earshot-player src=${unique('/media/demo/audio/interview.mp3')} transcript="/media/demo/audio/interview.vtt" track-title="Interview" duration="166.17" style="height: 290px"></earshot-player>`,
    );
    await openTranscript(player);
    const body = player.shadowRoot!.querySelector<HTMLElement>('.panel-body')!;
    const inView = (cue: HTMLElement) => {
      const box = body.getBoundingClientRect();
      const at = cue.getBoundingClientRect();
      return at.bottom > box.top && at.top < box.bottom;
    };
    expect(body.scrollHeight, 'the list is longer than the panel').to.be.above(body.clientHeight * 2);
    player.currentTime = 150;
    await waitFor(() => cues(player)[current(player)]?.textContent?.startsWith("Margaret Hale: He'd") === true, 'the cue at 2:30 marked');
    await waitFor(() => inView(cues(player)[current(player)]!), 'the panel follows it');
    expect(document.scrollingElement!.scrollTop, 'only the panel scrolls, never the page').to.equal(0);
    // The listener scrolls back to the top to read: a new cue does not pull the list away from them.
    body.scrollTop = 0;
    await sleep(100);
    player.currentTime = 120;
    await waitFor(() => cues(player)[current(player)]?.textContent?.startsWith('Margaret Hale: Once a') === true, 'the cue at 2:00 marked');
    await sleep(300);
    expect(body.scrollTop, 'left where the listener scrolled').to.equal(0);
    expect(inView(cues(player)[current(player)]!)).to.equal(false);
  });

  it('shows each segment of one recording its own words, timed from its own start', async () => {
    const player = await mount(html`<earshot-player></earshot-player>`);
    player.tracks = [
      { title: 'First part', src: unique(MP3), end: 2.6, transcript: VTT },
      { title: 'Second part', src: unique(MP3), start: 2.6, transcript: VTT },
    ];
    await player.updateComplete;
    await openTranscript(player);
    expect(cues(player).map((cue) => cue.textContent!.trim())).to.deep.equal([CUES[0]]);
    player.select(1);
    await waitFor(() => cues(player).length === 2, 'the words of the second part');
    expect(cues(player).map((cue) => cue.textContent!.trim())).to.deep.equal(CUES.slice(1));
    const times = [...player.shadowRoot!.querySelectorAll('.cue-time')].map((time) => time.textContent!.trim());
    expect(times).to.deep.equal(['0:00', '0:02']);
  });

  it('search marks its matches and says how many there are', async () => {
    const player = await mount(html`<earshot-player src=${unique(MP3)} transcript=${VTT} track-title="Search"></earshot-player>`);
    await openTranscript(player);
    await click(player, 'Search transcript');
    await sendKeys({ type: 'e' });
    await player.updateComplete;
    const count = () => player.shadowRoot!.getElementById('transcript-count')?.textContent?.trim();
    const marks = () => [...player.shadowRoot!.querySelectorAll('[aria-label="Transcript"] mark')].map((mark) => mark.textContent);
    const expected = CUES.join(' ').toLowerCase().split('e').length - 1;
    expect(count()).to.equal(`${expected} matches`);
    expect(marks()).to.have.length(expected);
    await sendKeys({ type: 'ight' });
    await player.updateComplete;
    expect(count()).to.equal('1 match');
    expect(marks()).to.deep.equal(['eight']);
    expect(control(player, 'Search transcript').getAttribute('aria-describedby')).to.equal('transcript-count');
    await sendKeys({ type: 'zz' });
    await player.updateComplete;
    expect(count()).to.equal('No matches');
    expect(player.shadowRoot!.querySelector('[aria-live], [role="status"], [role="alert"]')?.textContent?.includes('match') ?? false, 'not in a live region').to.equal(false);
  });

  it('selected words offer "Embed this part", which fills Clip start and Clip end from the cues selected', async () => {
    // Tall enough that the second cue is well inside the list's scroll box: in the default 285 px its middle
    // is 15 px from the box's bottom, where Chromium scrolls a drag's selection on into the third cue when
    // the mouse rests there (CI saw Clip end 0:07 once).
    const player = await mount(
      html`<earshot-player src=${unique(MP3)} transcript=${VTT} track-title="Clip" style="height: 400px" embed-base="https://news.example/earshot/embed.html"></earshot-player>`,
    );
    const list = await openTranscript(player);
    expect(hasControl(player, 'Embed this part')).to.equal(false);
    // A drag from the first cue's words into the second's, as a reader selects.
    const from = list[0]!.getBoundingClientRect();
    const to = list[1]!.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(from.x + 30), Math.round(from.y + from.height / 2)] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(to.x + 40), Math.round(to.y + to.height / 2)] });
    await sendMouse({ type: 'up' });
    await waitFor(() => hasControl(player, 'Embed this part'), 'Embed this part');
    expect(player.paused, 'selecting is not a click on a cue').to.equal(true);
    await click(player, 'Embed this part');
    await waitFor(() => control(player, 'Embed').getAttribute('aria-expanded') === 'true', 'the Embed panel');
    await player.updateComplete;
    expect((control(player, 'Clip start') as HTMLInputElement).value).to.equal('0:00.2');
    expect((control(player, 'Clip end') as HTMLInputElement).value).to.equal('0:04.3');
    const snippet = (control(player, 'Embed code') as HTMLTextAreaElement).value;
    expect(snippet).to.contain('t=0.2%2C4.3');
    expect(snippet).to.contain('title="Embedded audio player: Clip (0:00–0:04)"');
  });

  it('says in words why a file that is not a transcript cannot be shown', async () => {
    for (const [src, words] of [
      ['/media/test/fixtures/does-not-exist.vtt', /could not be fetched: the server answered 404/],
      [MP3, /could not be read/],
    ] as const) {
      const player = await mount(html`<earshot-player src=${unique(MP3)} transcript=${src} track-title="Broken"></earshot-player>`);
      await openTranscript(player);
      await waitFor(() => words.test(panelText(player)), `the message for ${src}`);
      expect(cues(player)).to.have.length(0);
      expect(player.status).to.not.equal('error');
      player.remove();
    }
  });
});
