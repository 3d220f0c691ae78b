import { expect } from '@open-wc/testing';
import { click, control, hasControl, html, MP3, mount, nextEvent, unique, waitFor } from '../support/player.js';

// Its own file: the page's saved playlist is made once, on first use, and here storage must throw first.
describe('<earshot-player> where storage is refused', () => {
  it('works the same, keeps the playlist for the page, and says it cannot be kept', async () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const player = await mount(html`<earshot-player src=${unique(MP3)} track-title="Unkept"></earshot-player>`);
    const warned = nextEvent<{ code: string; fatal: boolean }>(player, 'earshot-error');
    await click(player, 'Playlist');
    const { detail } = await warned;
    expect(detail.code).to.equal('storage');
    expect(detail.fatal).to.equal(false);
    await waitFor(() => hasControl(player, 'Add to my playlist'), 'the panel');
    await click(player, 'Add to my playlist');
    await player.updateComplete;
    expect(hasControl(player, 'Remove from my playlist')).to.equal(true);
    expect(player.shadowRoot!.querySelector('[part="panel"]')!.textContent).to.contain('lasts only until you leave the page');
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Playlist');
    await click(player, 'Play');
    await playing;
    expect(control(player, 'Pause')).to.exist;
    player.remove();
  });
});
