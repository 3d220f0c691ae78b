import { expect } from '@open-wc/testing';
import { click, control, hasControl, html, LONG, MP3, mount, nextEvent, sleep, unique, waitFor } from '../support/player.js';

describe('one player at a time', () => {
  afterEach(() => document.querySelectorAll('earshot-player').forEach((player) => player.remove()));

  it('pauses the player that was playing when another starts', async () => {
    const first = await mount(html`<earshot-player src=${unique(MP3)} track-title="First"></earshot-player>`);
    const second = await mount(html`<earshot-player src=${unique(MP3)} track-title="Second"></earshot-player>`);
    const firstPlays = nextEvent(first, 'earshot-play');
    await click(first, 'Play');
    await firstPlays;
    const firstPauses = nextEvent(first, 'earshot-pause');
    await click(second, 'Play');
    await firstPauses;
    await waitFor(() => second.status === 'playing', 'the second to play');
    expect(first.status).to.equal('paused');
  });

  it('leaves an independent player alone, and is not paused by it', async () => {
    const first = await mount(html`<earshot-player src=${unique(MP3)} track-title="First"></earshot-player>`);
    const second = await mount(html`<earshot-player src=${unique(MP3)} track-title="Second" independent></earshot-player>`);
    const firstPlays = nextEvent(first, 'earshot-play');
    await click(first, 'Play');
    await firstPlays;
    const secondPlays = nextEvent(second, 'earshot-play');
    await click(second, 'Play');
    await secondPlays;
    await sleep(300);
    expect([first.status, second.status]).to.deep.equal(['playing', 'playing']);
  });
});

describe('Media Session', () => {
  it('shows the playing track, takes the lock-screen actions, and keeps the position', async () => {
    const handlers = new Map<string, MediaSessionActionHandler | null>();
    const positions: MediaPositionState[] = [];
    const session = navigator.mediaSession;
    const { setActionHandler, setPositionState } = session;
    session.setActionHandler = (action, handler) => void handlers.set(action, handler);
    session.setPositionState = (state) => void positions.push(state!);
    try {
      const player = await mount(html`<earshot-player></earshot-player>`);
      player.tracks = [
        { title: 'Lock screen', program: 'Coastlines', src: unique(LONG), image: '/media/demo/images/lighthouse.svg' },
        { title: 'Second', src: unique(MP3) },
      ];
      await player.updateComplete;
      const playing = nextEvent(player, 'earshot-play');
      await click(player, 'Play');
      await playing;
      // The Media Session code is loaded with the first play.
      await waitFor(() => session.metadata?.title === 'Lock screen', 'the lock-screen metadata');
      expect(session.metadata?.artist).to.equal('Coastlines');
      expect(session.metadata?.artwork[0]?.src).to.contain('lighthouse.svg');
      expect(session.playbackState).to.equal('playing');
      expect([...handlers.keys()]).to.include.members(['play', 'pause', 'seekbackward', 'seekforward', 'seekto', 'previoustrack', 'nexttrack']);
      await waitFor(() => positions.some((p) => p.duration === 360), 'a position state');
      handlers.get('seekto')!({ action: 'seekto', seekTime: 100 });
      expect(player.currentTime).to.be.closeTo(100, 0.5);
      handlers.get('seekforward')!({ action: 'seekforward' });
      expect(player.currentTime).to.be.closeTo(130, 0.5);
      handlers.get('seekbackward')!({ action: 'seekbackward' });
      expect(player.currentTime).to.be.closeTo(115, 0.5);
      expect(positions.at(-1)!.position).to.be.closeTo(115, 0.5);
      const paused = nextEvent(player, 'earshot-pause');
      handlers.get('pause')!({ action: 'pause' });
      await paused;
      expect(session.playbackState).to.equal('paused');
      handlers.get('nexttrack')!({ action: 'nexttrack' });
      expect(player.currentIndex).to.equal(1);
      player.remove();
      expect(session.metadata).to.equal(null);
    } finally {
      session.setActionHandler = setActionHandler;
      session.setPositionState = setPositionState;
    }
  });
});

describe('Resume', () => {
  beforeEach(() => Object.keys(localStorage).filter((key) => key.startsWith('earshot:position:')).forEach((key) => localStorage.removeItem(key)));

  it('remembers where a long track stopped and offers to resume there', async () => {
    const src = unique(LONG);
    const player = await mount(html`<earshot-player src=${src} track-title="Six minutes" duration="360"></earshot-player>`);
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    player.seek(100);
    const paused = nextEvent(player, 'earshot-pause');
    await click(player, 'Pause');
    await paused;
    // Saved on pause, by Resume's code (it arrives with the first long track).
    const saved = () => Object.entries(localStorage).find(([key]) => key.startsWith('earshot:position:'));
    await waitFor(() => saved() !== undefined, 'the position to be saved');
    expect(saved()?.[1]).to.equal('100');
    player.remove();

    const again = await mount(html`<earshot-player src=${src} track-title="Six minutes" duration="360"></earshot-player>`);
    // Resume's code is loaded with the first long track.
    await waitFor(() => again.shadowRoot!.textContent!.includes('You stopped at 1:40.'), 'the offer to resume');
    const resumed = nextEvent<{ currentTime: number }>(again, 'earshot-play');
    await click(again, 'Resume at 1:40');
    expect((await resumed).detail.currentTime).to.be.closeTo(100, 1);
    await again.updateComplete;
    expect(hasControl(again, 'Resume at 1:40')).to.equal(false);

    // Played to the end: forgotten.
    again.seek(359);
    await nextEvent(again, 'earshot-ended', 5000);
    expect(Object.keys(localStorage).some((key) => key.startsWith('earshot:position:'))).to.equal(false);
    again.remove();
  });

  it('keeps the place from before when Play is pressed instead of Resume and paused at once', async () => {
    const src = unique(LONG);
    const saved = () => Object.entries(localStorage).find(([key]) => key.startsWith('earshot:position:'))?.[1];
    const first = await mount(html`<earshot-player src=${src} track-title="Six minutes" duration="360"></earshot-player>`);
    const playing = nextEvent(first, 'earshot-play');
    await click(first, 'Play');
    await playing;
    first.seek(100);
    await click(first, 'Pause');
    await waitFor(() => saved() === '100', 'the place to be kept');
    first.remove();

    const again = await mount(html`<earshot-player src=${src} track-title="Six minutes" duration="360"></earshot-player>`);
    await waitFor(() => hasControl(again, 'Resume at 1:40'), 'the offer to resume');
    const started = nextEvent(again, 'earshot-play');
    await click(again, 'Play');
    await started;
    const paused = nextEvent(again, 'earshot-pause');
    await click(again, 'Pause');
    await paused;
    expect(again.currentTime).to.be.below(5);
    await sleep(100);
    expect(saved()).to.equal('100');
    again.remove();

    const third = await mount(html`<earshot-player src=${src} track-title="Six minutes" duration="360"></earshot-player>`);
    await waitFor(() => hasControl(third, 'Resume at 1:40'), 'the offer to resume, still');
    third.remove();
  });

  it('does not remember short tracks', async () => {
    const player = await mount(html`<earshot-player src=${unique(MP3)} track-title="Short"></earshot-player>`);
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    player.seek(5);
    const paused = nextEvent(player, 'earshot-pause');
    await click(player, 'Pause');
    await paused;
    await sleep(100);
    expect(Object.keys(localStorage).some((key) => key.startsWith('earshot:position:'))).to.equal(false);
    expect(control(player, 'Play')).to.exist;
    player.remove();
  });
});
