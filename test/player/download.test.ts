/**
 * What Download says it saves: a whole track plainly; a segment of an MP3, that part (cut when clicked:
 * test/e2e/download.test.mjs saves and decodes it); a segment of another format, the whole recording, and says so.
 */
import { expect } from '@open-wc/testing';
import { html, mount } from '../support/player.js';

const link = (player: HTMLElement) => player.shadowRoot!.querySelector<HTMLAnchorElement>('a[part="download"]')!;

describe('<earshot-player> Download', () => {
  afterEach(() => document.querySelectorAll('earshot-player').forEach((player) => player.remove()));

  it('offers the part of an MP3 that a segment plays, and says which', async () => {
    const player = await mount(html`<earshot-player src="/media/test/fixtures/speech.mp3" track-title="Gale" start="1" end="5.5"></earshot-player>`);
    expect(link(player).title).to.equal('Saves this part (0:01–0:06)');
    expect(link(player).textContent!.trim()).to.equal('Download');
  });

  it('offers the whole recording of another format, and says so', async () => {
    const player = await mount(html`<earshot-player src="/media/test/fixtures/speech.ogg" track-title="Gale" start="1" end="5.5" duration="8"></earshot-player>`);
    expect(link(player).title).to.equal('Saves the whole recording (0:08), not only this part');
    expect(link(player).download).to.equal('speech.ogg');
  });

  it('says nothing more for a whole track', async () => {
    const player = await mount(html`<earshot-player src="/media/test/fixtures/speech.mp3" track-title="Whole"></earshot-player>`);
    expect(link(player).title).to.equal('');
    expect(link(player).download).to.equal('whole.mp3');
  });
});
