/**
 * The embed page's side of player.js, with a stand-in player: a same-origin frame is the embed page's window,
 * and this page is its parent (the host).
 */
import { expect } from '@open-wc/testing';
import { ListName, Status, type PlayerState } from '../../src/core/state.js';
import { connectHost } from '../../src/embed/bridge.js';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';
import { sleep, waitFor } from '../support/player.js';

/** What the bridge uses of the element, and a log of what it was asked. */
class FakePlayer extends EventTarget {
  calls: string[] = [];
  paused = true;
  muted = false;
  volume = 1;
  duration = 60;
  currentTime = 12;
  playbackRate = 1;
  currentIndex = 0;
  currentTrack: { title: string } | undefined = { title: 'Own track' };
  #state = { tracks: [{}], loadingTracks: false, status: Status.idle, list: ListName.own } as unknown as PlayerState;
  #listeners = new Set<(state: PlayerState) => void>();
  readonly store = {
    getState: () => this.#state,
    subscribe: (listener: (state: PlayerState) => void) => {
      this.#listeners.add(listener);
      return () => void this.#listeners.delete(listener);
    },
  };
  setState(patch: Partial<PlayerState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }
  play() {
    this.calls.push('play');
    return Promise.resolve();
  }
  pause() {
    this.calls.push('pause');
  }
  seek(seconds: number) {
    this.calls.push(`seek ${seconds}`);
  }
  next() {
    this.calls.push('next');
  }
  previous() {
    this.calls.push('previous');
  }
  select(index: number) {
    this.calls.push(`select ${index}`);
  }
  getBoundingClientRect() {
    return { height: 181 } as DOMRect;
  }
  emit(type: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

const command = (method: string, extra: Record<string, unknown> = {}) => JSON.stringify({ context: 'player.js', version: '0.0.11', method, ...extra });

describe('connectHost: the host page drives the embedded player', () => {
  let frame: HTMLIFrameElement;
  let player: FakePlayer;
  let heard: Record<string, unknown>[];
  let disconnect: () => void;
  // What the bridge posts to this page. Its code runs in this page's realm (it is this page's module, given the
  // frame's window), so the messages' source is this window, not the frame's.
  const onMessage = (event: MessageEvent) => {
    if (event.source === window && typeof event.data === 'string' && event.data.includes('"event"')) heard.push(JSON.parse(event.data));
  };

  async function connect(config: Parameters<typeof connectHost>[1] = {}) {
    disconnect = connectHost(player as unknown as EarshotPlayer, config, frame.contentWindow!);
    await sleep(0);
  }
  /** A message from this page, the frame's parent. */
  const fromParent = (data: string) => frame.contentWindow!.postMessage(data, '*');

  beforeEach(async () => {
    frame = document.createElement('iframe');
    document.body.append(frame);
    player = new FakePlayer();
    heard = [];
    window.addEventListener('message', onMessage);
  });
  afterEach(() => {
    disconnect?.();
    window.removeEventListener('message', onMessage);
    frame.remove();
  });

  it('posts ready once the tracks are in, with the frame\'s address, its events and methods', async () => {
    player.setState({ tracks: [], loadingTracks: true, status: Status.loading });
    await connect();
    await sleep(50);
    expect(heard).to.deep.equal([]);
    player.setState({ tracks: [{}] as unknown as PlayerState['tracks'], loadingTracks: false, status: Status.idle });
    await waitFor(() => heard.length === 1, 'ready');
    const [ready] = heard;
    expect(ready).to.include({ context: 'player.js', version: '0.0.11', event: 'ready' });
    expect((ready!.value as { src: string }).src).to.equal(frame.contentWindow!.location.href);
    expect((ready!.value as { methods: string[] }).methods).to.include.members(['play', 'getTrack', 'setPlaybackRate']);
    // A host that starts listening late hears it again.
    fromParent(command('addEventListener', { value: 'ready', listener: 'late' }));
    await waitFor(() => heard.length === 2, 'ready again');
    expect(heard[1]).to.include({ event: 'ready', listener: 'late' });
  });

  it('answers getters to their listener, and clamps what it is told', async () => {
    await connect();
    fromParent(command('getCurrentTime', { listener: 'l1' }));
    fromParent(command('setVolume', { value: 250 }));
    fromParent(command('setPlaybackRate', { value: 1000 }));
    fromParent(command('setCurrentTime', { value: -40 }));
    fromParent(command('getVolume', { listener: 'l2' }));
    await waitFor(() => heard.some((m) => m.listener === 'l2'), 'the answers');
    expect(heard.find((m) => m.listener === 'l1')).to.include({ event: 'getCurrentTime', value: 12 });
    expect(player.volume).to.equal(1);
    expect(player.playbackRate).to.equal(4);
    expect(player.calls).to.deep.equal(['seek 0']);
  });

  it('says nothing of the listener\'s own saved playlist', async () => {
    await connect();
    player.setState({ list: ListName.saved });
    player.currentTrack = { title: 'Something the listener saved' };
    player.currentIndex = 3;
    fromParent(command('getTrack', { listener: 'l' }));
    await waitFor(() => heard.some((m) => m.listener === 'l'), 'the answer');
    expect(heard.find((m) => m.listener === 'l')!.value).to.deep.equal({ index: -1, title: null });
    // Getters answer as for nothing loaded; no event about the saved items goes out.
    for (const method of ['getDuration', 'getCurrentTime']) fromParent(command(method, { listener: method }));
    await waitFor(() => heard.some((m) => m.listener === 'getCurrentTime') && heard.some((m) => m.listener === 'getDuration'), 'the getters');
    expect(heard.filter((m) => String(m.listener).startsWith('get')).map((m) => [m.listener, m.value])).to.deep.equal([
      ['getDuration', 0],
      ['getCurrentTime', 0],
    ]);
    for (const event of ['play', 'pause', 'timeupdate', 'seeked', 'progress', 'ended', 'error']) fromParent(command('addEventListener', { value: event, listener: `on-${event}` }));
    await sleep(20);
    const before = heard.length;
    player.emit('earshot-play', { index: 3, currentTime: 0 });
    player.emit('earshot-timeupdate', { currentTime: 5, duration: 60 });
    player.emit('earshot-seeked', { currentTime: 9 });
    player.emit('earshot-pause', { index: 3, currentTime: 9 });
    player.emit('earshot-ended', { index: 3 });
    player.emit('earshot-error', { code: 'network', message: 'saved.mp3 could not be loaded', fatal: true });
    await sleep(50);
    expect(heard.slice(before), 'nothing about the saved items').to.deep.equal([]);
    // Back on the host's own tracks, the events flow again.
    player.setState({ list: ListName.own });
    player.emit('earshot-play', { index: 0, currentTime: 0 });
    await waitFor(() => heard.some((m) => m.event === 'play'), 'the play event');
  });

  it('posts events only to the listeners the host added, and stops when removed', async () => {
    await connect();
    player.emit('earshot-play', { index: 0, currentTime: 0 });
    fromParent(command('addEventListener', { value: 'pause', listener: 'p' }));
    await sleep(20);
    player.emit('earshot-play', { index: 0, currentTime: 0 });
    player.emit('earshot-pause', { index: 0, currentTime: 3 });
    await waitFor(() => heard.some((m) => m.event === 'pause'), 'the pause event');
    expect(heard.filter((m) => m.event !== 'ready').map((m) => [m.event, m.listener])).to.deep.equal([['pause', 'p']]);
    fromParent(command('removeEventListener', { value: 'pause', listener: 'p' }));
    await sleep(20);
    player.emit('earshot-pause', { index: 0, currentTime: 4 });
    await sleep(20);
    expect(heard.filter((m) => m.event === 'pause')).to.have.length(1);
  });

  it('takes commands from its parent only, and with origin= only from that origin', async () => {
    await connect();
    // A sibling frame of the same origin posts to the player's window: not its parent.
    const sibling = document.createElement('iframe');
    document.body.append(sibling);
    const post = new (sibling.contentWindow as unknown as typeof globalThis).Function('target', 'data', 'target.postMessage(data, "*")') as (target: Window, data: string) => void;
    post(frame.contentWindow!, command('play'));
    fromParent(command('pause'));
    await waitFor(() => player.calls.length > 0, 'the parent\'s command');
    await sleep(20);
    expect(player.calls).to.deep.equal(['pause']);
    sibling.remove();
    disconnect();

    heard = [];
    player.calls = [];
    await connect({ origin: 'https://host.example' });
    fromParent(command('play'));
    fromParent(command('getPaused', { listener: 'x' }));
    await sleep(50);
    expect(player.calls).to.deep.equal([]);
    expect(heard).to.deep.equal([]);
  });

  it('ignores what is no command, and keeps working', async () => {
    await connect();
    for (const junk of ['', 'play', '{"context":"player.js","method":"__proto__"}', command('destroy'), 'x'.repeat(100_000)]) fromParent(junk);
    fromParent(command('play'));
    await waitFor(() => player.calls.length > 0, 'the one real command');
    expect(player.calls).to.deep.equal(['play']);
  });
});
