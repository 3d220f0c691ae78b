/**
 * A publisher's <audio> inside the player, in Chromium, Firefox and WebKit: the page's player until the
 * script defines the element, the track when the element has no src, and a sound the listener started on it
 * goes on in the player, on that same element. Real files, real clicks.
 *
 * Each test is a page in a frame that starts without Earshot's script, as a story page does while the
 * script is on its way; the test then loads the script into it, and the element upgrades where it is.
 */
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';
import { LONG, mouseAway, MP3, unique, waitFor } from '../support/player.js';

interface Page {
  frame: HTMLIFrameElement;
  doc: Document;
  audio: HTMLAudioElement;
  /** Every media element of the page asked to play, the page's own <audio> and the player's alike. */
  played: Set<HTMLMediaElement>;
}

const frames: HTMLIFrameElement[] = [];

/** A page with `body` and no script yet. */
async function open(body: string): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 640px; height: 360px; border: 0; display: block';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="en"><body style="margin: 8px">${body}<p><button id="start" type="button">Start the page audio</button></p></body></html>`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  const played = new Set<HTMLMediaElement>();
  const play = win.HTMLMediaElement.prototype.play;
  win.HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    played.add(this);
    return play.call(this);
  };
  const audio = doc.querySelector('audio')!;
  doc.getElementById('start')!.addEventListener('click', () => void audio.play().catch(() => {}));
  return { frame, doc, audio, played };
}

/** The page's media elements making sound now. */
const audible = (page: Page) => [...page.played].filter((media) => !media.paused && !media.ended && !media.muted && media.volume > 0);

/** A real click, in the frame, on `target`. */
async function clickIn(page: Page, target: Element): Promise<void> {
  const outer = page.frame.getBoundingClientRect();
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(outer.x + box.x + box.width / 2), Math.round(outer.y + box.y + box.height / 2)] });
}

/** The script arrives: the element is defined in the frame, and the player in it is drawn. */
const arrivals: number[] = [];
async function arrive(page: Page): Promise<EarshotPlayer> {
  const asked = performance.now();
  const script = page.doc.createElement('script');
  script.type = 'module';
  script.src = new URL('/src/earshot-player.ts', location.href).href;
  page.doc.head.append(script);
  const win = page.frame.contentWindow as Window & typeof globalThis;
  await waitFor(() => win.customElements.get('earshot-player') !== undefined, 'the element to be defined', 15_000);
  const player = page.doc.querySelector('earshot-player') as EarshotPlayer;
  await player.updateComplete;
  arrivals.push(performance.now() - asked);
  return player;
}

/** One element sounds, and it is the page's own; then Pause (a real click) silences it. */
async function onlyThePageAudioSounds(page: Page, player: EarshotPlayer): Promise<void> {
  const sounding = audible(page);
  expect(sounding.length).to.equal(1);
  expect(sounding[0] === page.audio, 'the page audio is the one that sounds').to.equal(true);
  await clickIn(page, button(player, 'Pause')!);
  await waitFor(() => player.paused && audible(page).length === 0, 'the pause');
}

const button = (player: EarshotPlayer, label: string) => player.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);

describe('<earshot-player> with the page’s own <audio> inside', () => {
  beforeEach(async () => {
    await mouseAway();
  });

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  after(() => console.log('arrivals', arrivals.map(Math.round).join(' ')));

  it('is the page’s <audio> before the script comes, then takes its track from it and plays through that same element', async () => {
    const page = await open(`<earshot-player track-title="From the page"><audio controls preload="none" src="${unique(MP3)}"></audio></earshot-player>`);
    // Before the script: the page's own player, drawn and ready.
    expect(page.audio.getClientRects().length, 'the page audio is drawn before the script').to.equal(1);
    const player = await arrive(page);
    expect(player.shadowRoot!.textContent).to.contain('From the page');
    expect(page.audio.getClientRects().length, 'the page audio is not drawn once the player is').to.equal(0);
    const playing = new Promise((resolve) => player.addEventListener('earshot-play', resolve, { once: true }));
    await clickIn(page, button(player, 'Play')!);
    await playing;
    await waitFor(() => player.currentTime > 0.3, 'the position to move');
    // None was made for the first sound.
    await onlyThePageAudioSounds(page, player);
  });

  for (const [how, markup] of [
    ['its src', (src: string) => `<audio controls preload="none" src="${src}"></audio>`],
    ['a <source> inside it', (src: string) => `<audio controls preload="none"><source src="${src}" type="audio/mpeg"></audio>`],
  ] as const) {
    it(`goes on with a sound the listener started before the script came (the address in ${how}): where it is, as Pause, one sound`, async () => {
      const src = unique(LONG);
      const page = await open(`<earshot-player src="${src}" track-title="Started early">${markup(src)}</earshot-player>`);
      await clickIn(page, page.doc.getElementById('start')!);
      await waitFor(() => !page.audio.paused && page.audio.currentTime > 0.3, 'the page audio to play');
      const before = page.audio.currentTime;
      // Loaded again, the element would say 'emptied' (and start over).
      let emptied = 0;
      page.audio.addEventListener('emptied', () => emptied++);
      const player = await arrive(page);
      await waitFor(() => player.status === 'playing', 'the player to say it plays');
      expect(button(player, 'Pause'), 'Play turned to Pause').to.not.equal(null);
      // Not started again from 0: on from where it was.
      expect(player.currentTime).to.be.at.least(before);
      await waitFor(() => player.currentTime > before + 0.5, 'the position to go on');
      // howler takes the element over once the sound is under way: still the one sound, the same element,
      // not loaded again, never back before where the script found it. (Firefox's clock on a machine with a
      // null audio sink may step back a few tenths as it settles: that is not a reload.)
      let lowest = page.audio.currentTime;
      for (const until = performance.now() + 1500; performance.now() < until; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        lowest = Math.min(lowest, page.audio.currentTime);
      }
      expect(emptied, 'loaded again').to.equal(0);
      expect(lowest, 'the lowest position after the takeover').to.be.at.least(before);
      const howls = (page.frame.contentWindow as unknown as { Howler?: { _howls: unknown[] } }).Howler?._howls.length ?? 0;
      expect(howls, 'howler has taken the element over').to.equal(1);
      await onlyThePageAudioSounds(page, player);
    });
  }

  it('pauses a page <audio> that plays another file than its track: one sound per player', async () => {
    const page = await open(`<earshot-player src="${unique(LONG)}" track-title="Another file"><audio controls preload="none" src="${unique(LONG)}"></audio></earshot-player>`);
    await clickIn(page, page.doc.getElementById('start')!);
    await waitFor(() => !page.audio.paused && page.audio.currentTime > 0.3, 'the page audio to play');
    const player = await arrive(page);
    await waitFor(() => page.audio.paused, 'the page audio to pause');
    expect(page.audio.ended, 'paused, not played out').to.equal(false);
    expect(player.status).to.equal('idle');
    expect(button(player, 'Play'), 'Play').to.not.equal(null);
    expect(audible(page).length).to.equal(0);
  });

  it('keeps the keyboard’s place: focus on the page <audio> moves to Play as the player replaces it', async () => {
    const page = await open(`<earshot-player track-title="Keyboard"><audio controls tabindex="0" preload="none" src="${unique(MP3)}"></audio></earshot-player>`);
    page.audio.focus();
    expect(page.doc.activeElement === page.audio, 'focus on the page audio first').to.equal(true);
    const player = await arrive(page);
    const focused = player.shadowRoot!.activeElement;
    expect(focused === button(player, 'Play'), `focus on Play, not ${focused?.localName ?? page.doc.activeElement?.localName}`).to.equal(true);
  });
});
