/**
 * Compile-only (never run): what a TypeScript page writes, as the README shows it. `tsc --noEmit -p
 * tsconfig.json` fails when the element, its events or the oEmbed API stop being typed for pages.
 */
import { defineEarshotPlayer, EarshotPlayer, OEmbedError, toOEmbed, type OEmbedResponse, type PlayerError } from '../../src/index.js';

export function pageScript(): void {
  defineEarshotPlayer();

  // HTMLElementTagNameMap: the tag name gives the class.
  const player: EarshotPlayer | null = document.querySelector('earshot-player');
  const created: EarshotPlayer = document.createElement('earshot-player');
  created.manifest = '/stories/harrow-point/story.json';

  // HTMLElementEventMap: each event's detail is typed.
  player?.addEventListener('earshot-play', (event) => {
    const seconds: number = event.detail.currentTime;
    const index: number = event.detail.index;
    console.log(seconds, index);
  });
  player?.addEventListener('earshot-trackchange', (event) => console.log(event.detail.track.title));
  player?.addEventListener('earshot-error', (event) => {
    const code: PlayerError['code'] = event.detail.code;
    console.log(code, event.detail.message, event.detail.fatal);
  });
  // @ts-expect-error earshot-play says where, not which file
  player?.addEventListener('earshot-play', (event) => event.detail.url);

  // Properties and methods.
  void created.play().then(() => created.seek(90));
  const status: 'idle' | 'loading' | 'playing' | 'paused' | 'ended' | 'error' = created.status;
  const snippet: string = created.embedSnippet({ start: 90 });
  console.log(status, snippet);
}

export function oEmbedEndpoint(data: unknown): OEmbedResponse | { status: number; message: string } {
  try {
    return toOEmbed(data, { embedBase: 'https://cdn.example.com/earshot/embed.html', manifestUrl: 'https://news.example.com/story.json', maxwidth: 640 });
  } catch (error) {
    if (error instanceof OEmbedError) return { status: error.code === 'not-found' ? 404 : 400, message: error.message };
    throw error;
  }
}
