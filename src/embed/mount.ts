/**
 * The embed page's player: its URL's parameters become the element's attributes. (If the page's script
 * cannot load at all, offline, blocked, or in a sandbox without allow-same-origin on a host that sends no
 * CORS headers, embed-fallback.js says so in words instead of leaving the frame empty.)
 */
import { readEmbedParams, type EmbedConfig } from '../core/params.js';
import { FRAME_HEIGHT } from '../core/frame-height.js';
import { formatSeconds } from '../core/time.js';
import { fileTitle } from '../core/track.js';
import type { EarshotPlayer } from '../elements/earshot-player.js';

/** Frames taller than the snippet's 290 px show the panels inline, below the controls. */
export const TALL_FRAME = 291;

/** Mounts the player the embed URL describes into `container`, or says in words why there is none. */
export function mountEmbed(container: HTMLElement, href: string): { player: EarshotPlayer | null; config: EmbedConfig } {
  const { config, warnings } = readEmbedParams(href);
  // The words for them come when there are some.
  if (warnings.length > 0) void import('../core/param-words.js').then(({ explain }) => warnings.forEach((warning) => console.warn(explain(warning))));
  if (!config.manifest && !config.feed && !config.track) {
    const problem = document.createElement('p');
    problem.className = 'embed-problem';
    problem.setAttribute('role', 'alert');
    problem.textContent =
      warnings.length > 0
        ? 'This audio cannot be played: the embed address names no audio that can be used (its address was refused or is missing).'
        : 'This audio cannot be played: the embed address names no audio (no "src", "manifest" or "feed").';
    container.replaceChildren(problem);
    return { player: null, config };
  }
  const player = document.createElement('earshot-player');
  const url = new URL(href);
  // Snippets made inside the frame point at this very page.
  player.embedBase = url.origin + url.pathname;
  if (config.index !== undefined) player.initialTrack = config.index;
  if (config.range) player.timeRange = config.range.end === undefined ? formatSeconds(config.range.start) : `${formatSeconds(config.range.start)},${formatSeconds(config.range.end)}`;
  if (config.theme) player.theme = config.theme;
  if (config.controls) player.controls = config.controls.join(' ');
  if (config.autoplay) player.autoplay = true;
  if (config.independent) player.independent = true;
  // A frame with room to spare (or one the host resizes to fit) shows panels inline, not over the controls.
  if (config.resize) {
    document.body.classList.add('fit-content');
    // The host grows the frame to the player up to this; beyond it an open panel scrolls inside.
    player.style.maxHeight = `${FRAME_HEIGHT.max}px`;
  }
  const fit = () => (player.layout = config.resize || window.innerHeight >= TALL_FRAME ? 'expanded' : 'compact');
  fit();
  if (!config.resize) window.addEventListener('resize', fit);
  // The tracks come last: everything that shapes how they load is in place by then.
  if (config.manifest) player.manifest = config.manifest;
  else if (config.feed) player.feed = config.feed;
  else if (config.track) player.tracks = [{ ...config.track, title: config.track.title ?? fileTitle(config.track.src[0]!) }];
  container.replaceChildren(player);
  return { player, config };
}
