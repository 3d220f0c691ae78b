/**
 * A listener without a mouse, or with a screen reader: where focus goes, what the live region says, what the
 * accessibility tree names (Chromium, real keys).
 */
import { expect } from '@open-wc/testing';
import { a11ySnapshot, emulateMedia, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';
import { nothing } from 'lit';
import { click, clickPlay, control, hasControl, html, LONG, MP3, mount, mouseAway, sleep, unique, waitFor } from '../support/player.js';

const TWO = [
  { title: 'Part one', src: '/media/test/fixtures/speech.mp3?access=1' },
  { title: 'Part two', src: '/media/test/fixtures/speech.mp3?access=2' },
];

async function twoTracks(): Promise<EarshotPlayer> {
  const player = await mount(html`<earshot-player></earshot-player>`);
  player.tracks = TWO;
  await player.updateComplete;
  return player;
}

const news = (player: EarshotPlayer) => player.shadowRoot!.querySelector('.status')!.textContent!.trim();
const focused = (player: EarshotPlayer) => player.shadowRoot!.activeElement as HTMLElement | null;
const nameOf = (node: Element | null) => node?.getAttribute('aria-label') ?? node?.textContent?.replace(/\s+/g, ' ').trim() ?? '(nothing)';

/** Every stop of Tab (or Shift+Tab) from `from` until focus leaves the player. */
async function tabStops(player: EarshotPlayer, from: HTMLElement, key: 'Tab' | 'Shift+Tab'): Promise<HTMLElement[]> {
  from.focus();
  const stops: HTMLElement[] = [];
  for (let i = 0; i < 30; i++) {
    if (key === 'Tab') await sendKeys({ press: 'Tab' });
    else {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    }
    const now = focused(player);
    if (!now) break;
    stops.push(now);
  }
  return stops;
}

describe('<earshot-player> panels and focus', () => {
  let before: HTMLButtonElement;
  let after: HTMLButtonElement;

  beforeEach(async () => {
    await mouseAway();
    localStorage.removeItem('earshot:playlist');
  });
  afterEach(() => {
    document.querySelectorAll('earshot-player').forEach((player) => player.remove());
    before?.remove();
    after?.remove();
  });

  async function between(player: EarshotPlayer) {
    before = document.createElement('button');
    before.textContent = 'Before';
    after = document.createElement('button');
    after.textContent = 'After';
    player.before(before);
    player.after(after);
  }

  for (const panel of ['Playlist', 'Embed', 'Transcript'] as const) {
    it(`${panel} open: focus moves into it, Tab and Shift+Tab reach only what shows, Escape gives focus back`, async () => {
      const words = panel === 'Transcript' ? '/media/test/fixtures/speech.vtt' : undefined;
      const player = await mount(html`<earshot-player src=${unique(LONG)} track-title="Six minutes" duration="360" transcript=${words ?? nothing} style="height: 290px"></earshot-player>`);
      await between(player);
      control(player, panel).focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => focused(player)?.closest('.panel') != null, 'focus in the panel');
      if (panel === 'Transcript') await waitFor(() => hasControl(player, 'Download transcript'), 'the words');
      expect(nameOf(focused(player))).to.equal({ Playlist: 'Add to my playlist', Embed: 'Copy embed code', Transcript: 'Download transcript' }[panel]);
      const forward = await tabStops(player, before, 'Tab');
      const backward = await tabStops(player, after, 'Shift+Tab');
      const names = forward.map(nameOf);
      expect(forward.filter((node) => node.closest('[inert]')), `stops under the panel: ${names}`).to.deep.equal([]);
      expect(backward.map(nameOf), 'Shift+Tab walks the same stops back').to.deep.equal([...names].reverse());
      // Play/Pause stays within reach, in the panel's own row, and the covered controls are not.
      expect(names[0]).to.equal('Play');
      expect(names).not.to.include('Skip back 15 seconds');
      expect(names.slice(-3)).to.deep.equal(['Playlist', 'Download', 'Embed'].slice(words ? 1 : 0).concat(words ? ['Transcript'] : []));
      // Escape closes it from anywhere in it and puts focus back on its button.
      forward[1]!.focus();
      await sendKeys({ press: 'Escape' });
      await waitFor(() => control(player, panel).getAttribute('aria-expanded') === 'false', 'the panel to close');
      expect(focused(player)).to.equal(control(player, panel));
      // Closed, nothing is inert: every control is a stop again.
      const closed = (await tabStops(player, before, 'Tab')).map(nameOf);
      expect(closed).to.include.members(['Seek', 'Skip back 15 seconds', 'Play', 'Mute', panel]);
    });
  }

  it('pauses from an open panel with its own Play/Pause', async () => {
    const player = await mount(html`<earshot-player src=${unique(LONG)} track-title="Six minutes" duration="360"></earshot-player>`);
    await clickPlay(player);
    await click(player, 'Playlist');
    await waitFor(() => focused(player)?.closest('.panel') != null, 'focus in the panel');
    const pause = player.shadowRoot!.querySelector<HTMLButtonElement>('.panel-now .play')!;
    expect(nameOf(pause)).to.equal('Pause');
    pause.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => player.paused, 'the player to pause');
    expect(player.shadowRoot!.querySelector('.panel-title')!.textContent).to.equal('Six minutes');
  });

  it('keeps focus in the player when Next is disabled on the last track', async () => {
    const player = await twoTracks();
    control(player, 'Next track').focus();
    // The focus keeper comes with the key map, which focus asked for: M muting says it is here.
    await sendKeys({ press: 'm' });
    await waitFor(() => player.muted, 'the key map');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => player.currentIndex === 1, 'the second track');
    await player.updateComplete;
    expect((control(player, 'Next track') as HTMLButtonElement).disabled).to.equal(true);
    const now = focused(player);
    expect(now, 'focus stays in the player').to.exist;
    expect(now!.matches(':disabled')).to.equal(false);
    expect(nameOf(now)).to.equal('Skip forward 30 seconds');
  });

  it('gives Retry the focus when the file fails, and Play when Retry is gone', async () => {
    const player = await mount(html`<earshot-player src=${unique('/fault/404/test/fixtures/speech.mp3')} track-title="Missing"></earshot-player>`);
    control(player, 'Play').focus();
    await sendKeys({ press: 'm' });
    await waitFor(() => player.muted, 'the key map');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => player.status === 'error', 'the error');
    await player.updateComplete;
    expect(nameOf(focused(player))).to.equal('Retry');
  });
});

describe('<earshot-player> what a screen reader hears', () => {
  afterEach(() => document.querySelectorAll('earshot-player').forEach((player) => player.remove()));

  it('names the speed with its rate in the accessibility tree', async () => {
    const player = await mount(html`<earshot-player src=${MP3} track-title="Speed"></earshot-player>`);
    const speedName = async () => {
      // (The page holds this one player.)
      const snapshot = (await a11ySnapshot({})) as unknown as { role: string; name: string; children: [] };
      const node = findAccessibilityNode<{ role: string; name: string }>(snapshot, (n) => n.role === 'button' && n.name.startsWith('Playback speed'));
      return node?.name;
    };
    expect(await speedName()).to.equal('Playback speed 1×');
    control(player, 'Playback speed 1×').click();
    await player.updateComplete;
    expect(await speedName()).to.equal('Playback speed 1.25×');
  });

  it('says the track that now plays, and what was saved or removed, in the polite live region', async () => {
    const player = await twoTracks();
    const region = player.shadowRoot!.querySelector('.status')!;
    expect(region.getAttribute('role')).to.equal('status');
    await clickPlay(player);
    await click(player, 'Next track');
    await waitFor(() => news(player) === 'Now playing: Part two', 'the news of the next track');
    await click(player, 'Playlist');
    await waitFor(() => focused(player)?.closest('.panel') != null, 'the panel');
    await click(player, 'Add to my playlist');
    await waitFor(() => news(player) === 'Added to my playlist: Part two', 'the news of the saved track');
    await click(player, 'Remove from my playlist');
    await waitFor(() => news(player) === 'Removed from my playlist: Part two', 'the news of the removed track');
    localStorage.removeItem('earshot:playlist');
  });

  it('turns Play to Pause at once, and shows and says a wait only once it has lasted 0.2 s', async () => {
    const player = await mount(html`<earshot-player src=${unique('/fault/slow/1500/test/fixtures/speech.mp3')} track-title="Slow"></earshot-player>`);
    const root = player.shadowRoot!;
    const seen: Record<string, number> = {};
    const observer = new MutationObserver(() => {
      const now = performance.now();
      if (root.querySelector('button[aria-label="Pause"]')) seen.pause ??= now;
      if (root.querySelector('.spinner')) seen.spinner ??= now;
      if (news(player) === 'Loading audio…') seen.said ??= now;
    });
    observer.observe(root, { childList: true, characterData: true, subtree: true, attributes: true });
    try {
      await click(player, 'Play');
      await waitFor(() => seen.spinner !== undefined && seen.said !== undefined, 'the spinner and the words');
      expect(seen.pause, 'Pause first').to.be.a('number');
      expect(seen.spinner! - seen.pause!, 'the spinner after 0.2 s').to.be.greaterThan(150);
      expect(seen.said! - seen.pause!, 'the words after 0.2 s').to.be.greaterThan(150);
      await waitFor(() => player.status === 'playing', 'the sound', 8000);
      expect(root.querySelector('.spinner')).to.equal(null);
    } finally {
      observer.disconnect();
      player.pause();
    }
  });

  it('says "Copied" again on a second copy', async () => {
    const player = await mount(html`<earshot-player src=${MP3} track-title="Copy me"></earshot-player>`);
    await click(player, 'Embed');
    await waitFor(() => focused(player)?.closest('.panel') != null, 'the panel');
    const region = player.shadowRoot!.querySelector('.status')!;
    const writeText = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async () => {};
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(region.textContent!));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    try {
      await click(player, 'Copy embed code');
      await waitFor(() => said.length === 1, 'the first news');
      await click(player, 'Copy embed code');
      await waitFor(() => said.length === 2, 'the second news');
    } finally {
      navigator.clipboard.writeText = writeText;
      observer.disconnect();
    }
    expect(said.map((text) => text.trim())).to.deep.equal(['Copied. Paste it into your page’s HTML.', 'Copied. Paste it into your page’s HTML.']);
  });

  it('does not chatter: a focused Seek slider keeps its words while it plays, and Up and Down move 5 s', async () => {
    const player = await mount(html`<earshot-player src=${unique(LONG)} track-title="Six minutes" duration="360"></earshot-player>`);
    await clickPlay(player);
    const seek = control(player, 'Seek');
    seek.focus();
    const texts = new Set<string>();
    const started = performance.now();
    while (performance.now() - started < 1500) {
      texts.add(seek.getAttribute('aria-valuetext')!);
      await sleep(50);
    }
    expect([...texts], 'the words of the focused slider while playing').to.have.length(1);
    player.pause();
    await waitFor(() => player.paused, 'paused');
    const at = player.currentTime;
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => Math.abs(player.currentTime - (at + 5)) < 0.3, 'five seconds on');
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => Math.abs(player.currentTime - at) < 0.3, 'five seconds back');
    await player.updateComplete;
    expect(seek.getAttribute('aria-valuetext')).to.match(/^\d+ seconds? of 6 minutes$/);
  });
});

describe('<earshot-player> seen by everyone', () => {
  afterEach(() => document.querySelectorAll('earshot-player, .host-page').forEach((node) => node.remove()));

  it('is not skewed by the page around it: inherited text styles change nothing inside', async () => {
    const plain = await mount(html`<earshot-player src=${MP3} track-title="Plain"></earshot-player>`);
    const page = document.createElement('div');
    page.className = 'host-page';
    page.style.cssText = 'text-align: center; line-height: 3; letter-spacing: 4px; word-spacing: 9px; text-transform: uppercase; font-style: italic';
    document.body.append(page);
    const styled = document.createElement('earshot-player');
    styled.setAttribute('src', MP3);
    styled.setAttribute('track-title', 'Styled');
    page.append(styled);
    await styled.updateComplete;
    const look = (player: EarshotPlayer) => {
      const style = getComputedStyle(player.shadowRoot!.querySelector('.title')!);
      return [style.textAlign, style.lineHeight, style.letterSpacing, style.wordSpacing, style.textTransform, style.fontStyle];
    };
    expect(look(styled)).to.deep.equal(look(plain));
    expect(look(styled)[4]).to.equal('none');
  });

  it('keeps every control inside a narrow player: at 242 px, with Previous and Next, Speed and Mute go to a second row', async () => {
    const player = await twoTracks();
    player.style.width = '242px';
    await player.updateComplete;
    const box = player.getBoundingClientRect();
    const controls = [...player.shadowRoot!.querySelectorAll<HTMLElement>('.controls button')];
    expect(controls.map(nameOf)).to.deep.equal(['Previous track', 'Skip back 15 seconds', 'Play', 'Skip forward 30 seconds', 'Next track', 'Playback speed 1×', 'Mute']);
    const outside = controls.filter((control) => {
      const { left, right } = control.getBoundingClientRect();
      return left < box.left || right > box.right;
    });
    expect(outside.map(nameOf), 'controls outside the player').to.deep.equal([]);
    // Speed and Mute, together, below the rest, on the right.
    const [speed, mute] = controls.slice(-2).map((control) => control.getBoundingClientRect());
    const next = controls[4]!.getBoundingClientRect();
    expect(speed!.top >= next.bottom - 1 && mute!.top >= next.bottom - 1, 'Speed and Mute on a row of their own').to.equal(true);
    expect(speed!.left > box.left + box.width / 2, 'on the right').to.equal(true);
  });

  it('rings the whole title when its link has focus, where the two-line clamp would clip a ring drawn inside it', async () => {
    const player = await mount(
      html`<earshot-player style="width: 242px" src=${MP3} link="https://example.com/story" track-title="A title long enough to need far more than the two lines it is given here"></earshot-player>`,
    );
    const title = player.shadowRoot!.querySelector<HTMLElement>('.title')!;
    expect(title.scrollHeight > title.clientHeight, 'the title is clamped').to.equal(true);
    expect(getComputedStyle(title).paddingBottom, 'nothing of a third line shows under the second').to.equal('0px');
    // From the slider, Shift+Tab: the link before it.
    control(player, 'Seek').focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused(player)?.localName).to.equal('a');
    expect(getComputedStyle(title).outlineStyle, 'the ring round the title').to.equal('solid');
    expect(getComputedStyle(focused(player)!).outlineStyle, 'none on the link inside it').to.equal('none');
  });

  it('does not spin under prefers-reduced-motion while it loads', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const player = await mount(html`<earshot-player src=${unique('/fault/slow/1500/test/fixtures/speech.mp3')} track-title="Slow"></earshot-player>`);
      await click(player, 'Play');
      await waitFor(() => player.shadowRoot!.querySelector('.spinner') !== null, 'the loading indicator');
      expect(getComputedStyle(player.shadowRoot!.querySelector('.spinner')!).animationName).to.equal('none');
      player.pause();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
