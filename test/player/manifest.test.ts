/** A manifest that never finishes arriving: the player says so in words, with Retry, and does not wait forever (Chromium). */
import { expect } from '@open-wc/testing';
import { alertText, control, html, mount, unique, waitFor } from '../support/player.js';

describe('<earshot-player> with a manifest that never arrives', () => {
  afterEach(() => document.querySelectorAll('earshot-player').forEach((player) => player.remove()));

  it('ends within 15 s in words, with Retry', async function () {
    this.timeout(25_000);
    // The server holds the answer for a minute.
    const player = await mount(html`<earshot-player manifest=${unique('/fault/slow/60000/demo/story.json')}></earshot-player>`);
    const started = performance.now();
    await waitFor(() => player.status === 'error', 'the player to give up', 20_000);
    const waited = performance.now() - started;
    expect(waited).to.be.within(14_000, 17_000);
    expect(alertText(player)).to.match(/did not arrive within 15 seconds/);
    await player.updateComplete;
    expect(control(player, 'Retry')).to.exist;
  });
});
