import { expect } from '@open-wc/testing';
import { alertText, click, hasControl, html, MP3, mount, nextEvent, unique } from '../support/player.js';

// Its own file: no click may come before it, or the page would have a user activation.
describe('<earshot-player autoplay> where the browser refuses autoplay', () => {
  it('waits for Play, says why, and plays on a real click', async () => {
    const player = document.createElement('earshot-player');
    const blocked = nextEvent<{ code: string; fatal: boolean; message: string }>(player, 'earshot-error');
    player.setAttribute('src', unique(MP3));
    player.setAttribute('track-title', 'Autoplay');
    player.autoplay = true;
    document.body.append(player);
    const { detail } = await blocked;
    expect(detail.code).to.equal('autoplay-blocked');
    expect(detail.fatal).to.equal(false);
    await player.updateComplete;
    expect(player.status).to.equal('idle');
    expect(alertText(player)).to.match(/Press Play to listen/);
    expect(hasControl(player, 'Retry')).to.equal(false);
    const playing = nextEvent(player, 'earshot-play');
    await click(player, 'Play');
    await playing;
    await player.updateComplete;
    expect(player.error).to.equal(null);
    expect(alertText(player)).to.equal('');
    player.remove();
  });

  it('starts at once where autoplay is allowed (after a gesture on the page)', async () => {
    const player = await mount(html`<earshot-player src=${unique(MP3)} track-title="Allowed" autoplay></earshot-player>`);
    await nextEvent(player, 'earshot-play');
    expect(player.status).to.equal('playing');
    player.remove();
  });
});
