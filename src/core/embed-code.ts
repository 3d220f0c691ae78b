/** The embed URL and snippet that reproduce what a player plays, from its state and its settings. */
import { buildEmbedUrl, shareConfig, type EmbedOptions } from './embed-url.js';
import type { ControlName, EmbedOptions as PageOptions, Theme } from './params.js';
import { buildEmbedSnippet } from './snippet.js';
import { ListName, type PlayerState } from './state.js';
import { documentBase, safeUrl } from './url.js';
import { formatTime, type TimeRange } from './time.js';

let warned = false;

export interface EmbedCode {
  index: number;
  url: string;
  snippet: string;
}

/** What the player was configured with, beyond its tracks. */
export interface EmbedSettings {
  /** The embed page, absolute. */
  base: string;
  /** No embed page was named: `base` is only `embed.html` beside the page, which an app rarely serves. */
  guessedBase?: boolean;
  /** The manifest the player's own tracks came from, absolute. */
  manifest?: string;
  /** Or the podcast feed they came from, absolute. */
  feed?: string;
  /** The part of track `rangeIndex` the player was told to play (its `t`). */
  range?: TimeRange;
  rangeIndex?: number;
  theme?: Theme;
  controls?: ControlName[];
  independent?: boolean;
}

/** The code for the current track, or the one `options.track` names; times in `options` count from its start. */
export function buildEmbedCode(state: PlayerState, settings: EmbedSettings, options: EmbedOptions = {}): EmbedCode {
  if (settings.guessedBase && !warned) {
    warned = true;
    console.warn(
      `Earshot: no embed page is set, so Embed snippets point at ${settings.base}, on this site. Host the built dist/ folder (embed.html and assets/) and name its embed.html with the embed-base attribute or EarshotPlayer.defaultEmbedBase (README: "Use with Vite").`,
    );
  }
  const index = options.track !== undefined && state.queue[options.track] ? options.track : state.index;
  const track = state.queue[index];
  if (!track) return { index, url: settings.base, snippet: buildEmbedSnippet(settings.base, 'Audio') };
  // A saved track from another player is embedded by its own fields: this player's manifest does not hold it.
  const own = state.list === ListName.own;
  const config = shareConfig(track, {
    ...options,
    index,
    ...(own && settings.manifest ? { manifest: settings.manifest } : {}),
    ...(own && settings.feed ? { feed: settings.feed } : {}),
    ...(own && settings.range && index === (settings.rangeIndex ?? 0) ? { offset: settings.range } : {}),
  });
  if (settings.theme) config.theme = settings.theme;
  if (settings.controls) config.controls = settings.controls;
  if (settings.independent) config.independent = true;
  const url = buildEmbedUrl(settings.base, config);
  // A clip says so in its title: "Title (1:23–1:45)".
  const title = options.end === undefined ? track.title : `${track.title} (${formatTime(options.start ?? 0)}–${formatTime(options.end)})`;
  return { index, url, snippet: buildEmbedSnippet(url, title) };
}

/** What a player element was configured with that its embed codes carry. */
export interface EmbedSource {
  embedBase?: string | undefined;
  manifest?: string | undefined;
  feed?: string | undefined;
  theme?: string | undefined;
  independent?: boolean;
  initialTrack?: number | string | undefined;
}

/**
 * The code for a player element `player` (its settings; `range` and `controls` as it read them) in the state
 * `state`. `defaultBase` is the embed page when the element names none.
 */
export function elementEmbedCode(
  player: EmbedSource,
  defaultBase: string | undefined,
  range: TimeRange | undefined,
  controls: ControlName[] | undefined,
  state: PlayerState,
  options: PageOptions = {},
): EmbedCode {
  const named = player.embedBase ?? defaultBase;
  const base = safeUrl(named ?? 'embed.html', documentBase()) ?? new URL('embed.html', documentBase()).href;
  const manifest = player.manifest ? (safeUrl(player.manifest, documentBase()) ?? undefined) : undefined;
  const feed = !manifest && player.feed ? (safeUrl(player.feed, documentBase()) ?? undefined) : undefined;
  // (params.ts's THEMES, written out: importing a value of params.ts here splits the embed page's first load into three chunks.)
  const theme = player.theme && ['light', 'dark', 'auto'].includes(player.theme) ? (player.theme as Theme) : undefined;
  return buildEmbedCode(
    state,
    {
      base,
      ...(named ? {} : { guessedBase: true }),
      ...(manifest ? { manifest } : {}),
      ...(feed ? { feed } : {}),
      // (A feed's episode named by its guid is the one the player selected first.)
      ...(range ? { range, rangeIndex: typeof player.initialTrack === 'number' ? player.initialTrack : 0 } : {}),
      ...(theme ? { theme } : {}),
      ...(controls ? { controls } : {}),
      ...(player.independent ? { independent: true } : {}),
    },
    options,
  );
}
