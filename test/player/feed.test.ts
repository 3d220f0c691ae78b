/**
 * A podcast feed as a player's tracks, in a real browser: the `feed` attribute, newest first, an episode named
 * by its guid, its embed snippet naming the feed and the guid, and a feed that cannot be fetched, in words.
 */
import { expect } from '@open-wc/testing';
import { click, clickPlay, control, html, mount, waitFor } from '../support/player.js';

const FEED = '/media/test/fixtures/feed.xml';
const TITLES = ['Episode 5: The last keeper', 'Episode 4: Salt <b>&</b> smoke', 'Episode 3: Fog signals', 'Episode 2: Net menders'];
const EMBED = 'https://news.example/earshot/embed.html';

describe('<earshot-player feed>', () => {
  afterEach(() => document.querySelectorAll('earshot-player').forEach((player) => player.remove()));

  it('plays a podcast feed: its episodes with audio, newest first, with the channel as the program', async () => {
    const player = await mount(html`<earshot-player feed=${FEED} embed-base=${EMBED}></earshot-player>`);
    await waitFor(() => player.tracks.length > 0, 'the feed');
    expect(player.tracks.map((track) => track.title)).to.deep.equal(TITLES);
    expect(player.currentTrack?.title).to.equal(TITLES[0]);
    expect(player.shadowRoot!.querySelector('.kicker')!.textContent).to.contain('The Tidewater Hour');
    // The episode's words and markup stay text.
    expect(player.shadowRoot!.querySelector('b')).to.equal(null);
    await click(player, 'Playlist');
    await waitFor(() => control(player, 'Playlist').getAttribute('aria-expanded') === 'true', 'the Playlist');
    await click(player, TITLES[2]!);
    await waitFor(() => player.currentTrack?.title === TITLES[2] && !player.paused && player.currentTime > 0.2, 'episode 3 playing', 10000);
    player.pause();
    // Its snippet names the feed and the episode's guid: a newer episode does not shift it.
    await click(player, 'Embed');
    await waitFor(() => control(player, 'Embed').getAttribute('aria-expanded') === 'true', 'the Embed panel');
    const url = new URL(player.embedUrl());
    expect(url.searchParams.get('feed')).to.equal(new URL(FEED, location.href).href);
    expect(url.searchParams.get('track')).to.equal('tidewater-003');
    expect(url.searchParams.has('src')).to.equal(false);
  });

  it('starts at the episode that `track` names by its guid', async () => {
    const player = await mount(html`<earshot-player feed=${FEED} track="tidewater-003"></earshot-player>`);
    await waitFor(() => player.tracks.length > 0, 'the feed');
    expect(player.currentTrack?.title).to.equal(TITLES[2]);
    await clickPlay(player);
    player.pause();
    const byIndex = await mount(html`<earshot-player feed=${FEED} track="1"></earshot-player>`);
    await waitFor(() => byIndex.tracks.length > 0, 'the feed');
    expect(byIndex.currentTrack?.title).to.equal(TITLES[1]);
  });

  it('says in words why a feed cannot be played', async () => {
    for (const [feed, words] of [
      ['/media/test/fixtures/no-such-feed.xml', /^The feed could not be fetched: the server answered 404/],
      ['/media/test/fixtures/speech.vtt', /feed/i],
      ['javascript:alert(1)', /^There is no feed to load: its address was refused\.$/],
    ] as const) {
      const player = await mount(html`<earshot-player feed=${feed}></earshot-player>`);
      await waitFor(() => player.status === 'error', `the error for ${feed}`);
      expect(player.shadowRoot!.querySelector('[role="alert"] .alert-text')!.textContent!.trim()).to.match(words);
      player.remove();
    }
  });
});
