import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';
import { click, control, hasControl, html, MP3, mount, nextEvent, record, sleep, unique, waitFor } from '../support/player.js';

const STORY = [
  { title: 'Part one', src: '/media/test/fixtures/speech.mp3?part=1', start: 6.8 },
  { title: 'Part two', src: '/media/test/fixtures/speech.mp3?part=2', start: 6.8 },
  { title: 'Part three', src: '/media/test/fixtures/speech.mp3?part=3' },
];

async function story(): Promise<EarshotPlayer> {
  const player = await mount(html`<earshot-player embed-base="https://news.example/earshot/embed.html"></earshot-player>`);
  player.tracks = STORY;
  await player.updateComplete;
  return player;
}

async function open(player: EarshotPlayer, name: 'Playlist' | 'Embed'): Promise<void> {
  await click(player, name);
  await waitFor(() => control(player, name).getAttribute('aria-expanded') === 'true', `${name} to open`);
  await player.updateComplete;
}

/** What the player's live region says. */
const statusLine = (player: EarshotPlayer) => player.shadowRoot!.querySelector('.status')?.textContent?.trim() ?? '';

const panelText = (player: EarshotPlayer) => player.shadowRoot!.querySelector('[part="panel"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<earshot-player> Playlist', () => {
  beforeEach(() => localStorage.removeItem('earshot:playlist'));
  afterEach(() => document.querySelectorAll('earshot-player').forEach((player) => player.remove()));

  it('opens with aria-expanded, lists the tracks as buttons, marks the current one, and passes axe', async () => {
    const player = await story();
    expect(control(player, 'Playlist').getAttribute('aria-expanded')).to.equal('false');
    await open(player, 'Playlist');
    // Focus lands on the panel's main action, which stays in view however long the list.
    await waitFor(() => player.shadowRoot!.activeElement === control(player, 'Add to my playlist'), 'focus on Add to my playlist');
    const buttons = ['Part one', 'Part two', 'Part three'].map((title) => control(player, title));
    expect(buttons.map((b) => b.getAttribute('aria-current'))).to.deep.equal(['true', 'false', 'false']);
    await expect(player).shadowDom.to.be.accessible();
    const playing = nextEvent<{ index: number }>(player, 'earshot-play');
    await click(player, 'Part two');
    expect((await playing).detail.index).to.equal(1);
    await player.updateComplete;
    expect(control(player, 'Part two').getAttribute('aria-current')).to.equal('true');
    // The player goes on to the next track by itself.
    await waitFor(() => player.currentIndex === 2 && player.status === 'playing', 'part three to play', 6000);
    await click(player, 'Playlist');
    await player.updateComplete;
    expect(control(player, 'Playlist').getAttribute('aria-expanded')).to.equal('false');
    expect(hasControl(player, 'Part one')).to.equal(false);
  });

  it('saves the current track, shows it in another player live, and plays through My playlist', async () => {
    const first = await story();
    const second = await mount(html`<earshot-player src=${unique(MP3)} track-title="Another story"></earshot-player>`);
    const changes = record(first, ['earshot-playlist-change']);
    const elsewhere = record(second, ['earshot-playlist-change']);
    await open(second, 'Playlist');
    expect(panelText(second)).to.contain('Nothing saved yet');
    await open(first, 'Playlist');
    await click(first, 'Add to my playlist');
    await first.updateComplete;
    expect(hasControl(first, 'Remove from my playlist')).to.equal(true);
    expect(changes.length).to.equal(1);
    expect((changes[0]!.detail as { items: { title: string }[] }).items.map((t) => t.title)).to.deep.equal(['Part one']);
    expect(elsewhere).to.deep.equal([]);
    expect(JSON.parse(localStorage.getItem('earshot:playlist')!).items[0].title).to.equal('Part one');
    await second.updateComplete;
    const savedList = second.shadowRoot!.querySelector('ol[aria-labelledby="saved-label"]')!;
    expect(savedList.textContent).to.contain('Part one');
    // Saving a second track from the second player, then playing My playlist from there.
    await click(second, 'Add to my playlist');
    await second.updateComplete;
    await first.updateComplete;
    expect(first.shadowRoot!.querySelector('ol[aria-labelledby="saved-label"]')!.textContent).to.contain('Another story');
    const playing = nextEvent<{ index: number }>(second, 'earshot-play');
    const changed = nextEvent<{ index: number; track: { title: string } }>(second, 'earshot-trackchange');
    await click(second, 'Part one');
    await playing;
    expect((await changed).detail.track.title).to.equal('Part one');
    expect(second.tracks.map((t) => t.title)).to.deep.equal(['Another story']);
    await waitFor(() => control(second, 'Another story').getAttribute('aria-current') === 'true' && second.status === 'playing', 'the next saved track', 6000);
    await click(second, 'Remove Part one from my playlist');
    await first.updateComplete;
    expect(hasControl(first, 'Remove Part one from my playlist')).to.equal(false);
    expect(JSON.parse(localStorage.getItem('earshot:playlist')!).items.map((t: { title: string }) => t.title)).to.deep.equal(['Another story']);
  });

  it('ignores hostile data another tab wrote to the saved playlist', async () => {
    const player = await story();
    await open(player, 'Playlist');
    // What another tab (or any script of this origin) writes arrives as a storage event.
    const written = (value: string) => {
      localStorage.setItem('earshot:playlist', value);
      window.dispatchEvent(new StorageEvent('storage', { key: 'earshot:playlist', newValue: value }));
    };
    const changes = record(player, ['earshot-playlist-change']);
    written(JSON.stringify({ items: [{ title: '<b>x</b>', src: 'javascript:alert(1)' }, { title: 'Fine', src: 'https://cdn.example/a.mp3' }, 42, null, { title: { toString: 1 } }] }));
    await player.updateComplete;
    expect(panelText(player)).to.contain('Fine');
    expect(panelText(player)).to.not.contain('<b>x</b>');
    expect((changes[0]!.detail as { items: unknown[] }).items.length).to.equal(1);
    written('{not json');
    await player.updateComplete;
    expect(panelText(player)).to.contain('Nothing saved yet');
  });
});

describe('<earshot-player> Download', () => {
  it('offers the track file under a readable name and tells the page', async () => {
    const player = await mount(html`<earshot-player src="/media/test/fixtures/speech.mp3" track-title="The Gale of 1962!"></earshot-player>`);
    const link = control(player, 'Download') as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('download')).to.equal('the-gale-of-1962.mp3');
    expect(link.href).to.equal(new URL('/media/test/fixtures/speech.mp3', location.href).href);
    const downloaded = nextEvent<{ index: number; url: string; filename: string }>(player, 'earshot-download');
    link.addEventListener('click', (event) => event.preventDefault(), { once: true }); // keep the test page here
    await click(player, 'Download');
    expect((await downloaded).detail).to.deep.equal({ index: 0, url: link.href, filename: 'the-gale-of-1962.mp3' });
    player.remove();
  });

  it('hides Download for download="false", and shows only the controls asked for', async () => {
    const none = await mount(html`<earshot-player src=${MP3} track-title="No file" download="false"></earshot-player>`);
    expect(hasControl(none, 'Download')).to.equal(false);
    expect(hasControl(none, 'Playlist')).to.equal(true);
    const some = await mount(html`<earshot-player src=${MP3} track-title="Some" controls="embed"></earshot-player>`);
    expect([hasControl(some, 'Playlist'), hasControl(some, 'Download'), hasControl(some, 'Embed')]).to.deep.equal([false, false, true]);
    none.remove();
    some.remove();
  });
});

describe('<earshot-player> Embed', () => {
  afterEach(() => document.querySelectorAll('earshot-player').forEach((player) => player.remove()));

  it('shows the snippet, fires earshot-embed, follows "Start at current position", and passes axe', async () => {
    const player = await mount(html`<earshot-player src="/media/test/fixtures/speech.mp3" track-title="Gale" start="1" end="6" embed-base="https://news.example/earshot/embed.html"></earshot-player>`);
    const opened = nextEvent<{ index: number; url: string; snippet: string }>(player, 'earshot-embed');
    await open(player, 'Embed');
    const { detail } = await opened;
    const box = control(player, 'Embed code') as HTMLTextAreaElement;
    expect(box.readOnly).to.equal(true);
    expect(box.value).to.equal(detail.snippet);
    expect(detail.snippet).to.equal(player.embedSnippet());
    expect(detail.url).to.equal(player.embedUrl());
    expect(new URL(detail.url).searchParams.get('t')).to.equal('1,6');
    await expect(player).shadowDom.to.be.accessible();

    player.currentTime = 2;
    const changed = nextEvent<{ url: string }>(player, 'earshot-embed');
    await click(player, 'Start at current position');
    expect(new URL((await changed).detail.url).searchParams.get('t')).to.equal('3,6');
    await player.updateComplete;
    expect(box.value).to.contain('t=3%2C6');
  });

  it('Clip start and Clip end make the snippet play only that part, with a title that says so', async () => {
    const player = await mount(html`<earshot-player src="/media/test/fixtures/speech.mp3" track-title="Gale" embed-base="https://news.example/earshot/embed.html"></earshot-player>`);
    await open(player, 'Embed');
    await waitFor(() => Number.isFinite(player.duration), 'the duration');
    const box = control(player, 'Embed code') as HTMLTextAreaElement;
    const type = async (name: string, text: string) => {
      await click(player, name);
      (control(player, name) as HTMLInputElement).select();
      await sendKeys({ type: text });
      await player.updateComplete;
    };
    await type('Clip start', '1.5');
    await type('Clip end', '0:06');
    const url = new URL(box.value.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&'));
    expect(url.searchParams.get('t')).to.equal('1.5,6');
    expect(box.value).to.contain('title="Embedded audio player: Gale (0:02–0:06)"');
    // What the page is told, and what Copy copies, is the clip too.
    const copied: string[] = [];
    const writeText = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    try {
      await click(player, 'Copy embed code');
      await waitFor(() => copied.length === 1, 'a copy');
    } finally {
      navigator.clipboard.writeText = writeText;
    }
    expect(copied[0]).to.equal(box.value);
    await expect(player).shadowDom.to.be.accessible();

    // An end before the start, and words that are not a time, are said next to the field, and left out.
    await type('Clip end', '1');
    const end = control(player, 'Clip end');
    expect(end.getAttribute('aria-invalid')).to.equal('true');
    expect(player.shadowRoot!.getElementById(end.getAttribute('aria-describedby')!)!.textContent).to.equal('Clip end must come after Clip start (0:02).');
    expect(new URL(box.value.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&')).searchParams.get('t')).to.equal('1.5');
    expect(box.value).to.contain('title="Embedded audio player: Gale"');
    await type('Clip start', 'soon');
    expect(control(player, 'Clip start').getAttribute('aria-invalid')).to.equal('true');
    expect(panelText(player)).to.contain('Clip start: “soon” is not a time. Write it as 83, 1:23 or 1m23s.');
    await type('Clip end', '99');
    expect(panelText(player)).to.match(/Clip end is past the end \(0:0\d\)\./);
    await expect(player).shadowDom.to.be.accessible();
    // Fixed, the problems go.
    await type('Clip start', '2');
    await type('Clip end', '4');
    expect(player.shadowRoot!.querySelectorAll('[aria-invalid]')).to.have.length(0);
    expect(box.value).to.contain('t=2%2C4');
  });

  it('warns once in the console when no embed page is named (an app that bundled the npm package)', async () => {
    const element = customElements.get('earshot-player') as unknown as typeof EarshotPlayer;
    const before = element.defaultEmbedBase;
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      element.defaultEmbedBase = undefined;
      const named = await mount(html`<earshot-player src=${MP3} track-title="Named" embed-base="https://news.example/earshot/embed.html"></earshot-player>`);
      await open(named, 'Embed');
      expect(warnings, 'embed-base named: no warning').to.deep.equal([]);
      for (const title of ['First', 'Second']) {
        const player = await mount(html`<earshot-player src=${MP3} track-title=${title}></earshot-player>`);
        await open(player, 'Embed');
        expect(player.embedUrl()).to.match(new RegExp(`^${location.origin}/.*embed\\.html\\?`));
      }
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^Earshot: no embed page is set, so Embed snippets point at http.*embed\.html, on this site\. .*embed-base.*defaultEmbedBase/);
    } finally {
      console.warn = warn;
      element.defaultEmbedBase = before;
    }
  });

  it('copies the code with the Clipboard API', async () => {
    const player = await mount(html`<earshot-player src=${MP3} track-title="Copy me"></earshot-player>`);
    await open(player, 'Embed');
    const copied: string[] = [];
    const writeText = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (text: string) => void copied.push(text);
    try {
      await click(player, 'Copy embed code');
      await waitFor(() => statusLine(player) !== '', 'a status line');
    } finally {
      navigator.clipboard.writeText = writeText;
    }
    expect(copied).to.deep.equal([player.embedSnippet()]);
    expect(statusLine(player)).to.match(/^Copied/);
  });

  it('selects the code and says how to copy it where the clipboard is refused', async () => {
    const player = await mount(html`<earshot-player src=${MP3} track-title="Copy me"></earshot-player>`);
    await open(player, 'Embed');
    const writeText = navigator.clipboard.writeText;
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    try {
      await click(player, 'Copy embed code');
      await waitFor(() => statusLine(player) !== '', 'a status line');
    } finally {
      navigator.clipboard.writeText = writeText;
    }
    expect(statusLine(player)).to.match(/press (Ctrl|⌘)\+C/);
    const box = control(player, 'Embed code') as HTMLTextAreaElement;
    expect(player.shadowRoot!.activeElement).to.equal(box);
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).to.equal(player.embedSnippet());
  });

  it('closes with Escape and gives focus back to its button', async () => {
    const player = await mount(html`<earshot-player src=${MP3} track-title="Escape"></earshot-player>`);
    await open(player, 'Embed');
    control(player, 'Embed code').focus();
    await sendKeys({ press: 'Escape' });
    await sleep(50);
    expect(control(player, 'Embed').getAttribute('aria-expanded')).to.equal('false');
    expect(player.shadowRoot!.activeElement).to.equal(control(player, 'Embed'));
  });
});
