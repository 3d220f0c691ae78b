/** One player at a time: players on one origin tell each other over a BroadcastChannel when one starts. */
import { expect } from '@open-wc/testing';
import { SOLO_CHANNEL, SoloPlayback } from '../../src/core/solo.js';
import { waitFor } from '../support/player.js';

describe('SoloPlayback', () => {
  // Each test has a channel of its own: the players of test files running beside this one, in other pages of
  // the same origin, say their starts on the real one.
  let channel = '';
  beforeEach(() => {
    channel = `${SOLO_CHANNEL}:test:${Math.random().toString(36).slice(2)}`;
  });
  it('pauses the others when one starts, itself never, and listens only while it plays', async () => {
    const paused: string[] = [];
    const a = new SoloPlayback(() => paused.push('a'), channel);
    const b = new SoloPlayback(() => paused.push('b'), channel);
    const c = new SoloPlayback(() => paused.push('c'), channel);
    // (Each start in its own millisecond: two in the same one are told apart by the players' ids, at random.)
    a.started(1000);
    b.started(2000);
    await waitFor(() => paused.includes('a'), 'a to be paused');
    expect(paused).to.deep.equal(['a']);
    a.stopped();
    // c never played: it is not listening, and hears nothing.
    c.started(3000);
    await waitFor(() => paused.includes('b'), 'b to be paused');
    expect(paused).to.deep.equal(['a', 'b']);
    b.stopped();
    c.stopped();
  });

  it('lets the later start play on, whichever player says so first', async () => {
    const paused: string[] = [];
    const early = new SoloPlayback(() => paused.push('early'), channel);
    const late = new SoloPlayback(() => paused.push('late'), channel);
    // The later one opens its channel and says so first, while the earlier one is not listening yet.
    late.started(2000);
    early.started(1000);
    await waitFor(() => paused.length > 0, 'one to be paused');
    // (Time for a wrong pause to follow.)
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(paused).to.deep.equal(['early']);
    early.stopped();
    late.stopped();
  });

  it('ignores foreign and malformed messages on its channel', async () => {
    const paused: unknown[] = [];
    const player = new SoloPlayback(() => paused.push(1), channel);
    player.started();
    const stranger = new BroadcastChannel(channel);
    for (const junk of [null, 42, 'started', {}, { started: 7 }, { started: null }, [1, 2]]) stranger.postMessage(junk);
    // A real start from elsewhere, last: when it has arrived, the junk before it has too.
    stranger.postMessage({ started: 'someone-else' });
    await waitFor(() => paused.length > 0, 'the real start to arrive');
    expect(paused).to.deep.equal([1]);
    stranger.close();
    player.stopped();
  });
});
