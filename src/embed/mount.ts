import type { EarshotPlayer } from '../elements/earshot-player.js';

/** Mounts the player the embed URL describes into `container`. */
export function mountEmbed(container: HTMLElement, href: string): EarshotPlayer | null {
  const query = new URL(href).searchParams;
  const player = document.createElement('earshot-player');
  const manifest = query.get('manifest');
  const src = query.get('src');
  if (manifest) player.manifest = manifest;
  else if (src) {
    player.src = src;
    const title = query.get('title');
    if (title) player.trackTitle = title;
  } else {
    const problem = document.createElement('p');
    problem.className = 'embed-problem';
    problem.setAttribute('role', 'alert');
    problem.textContent = 'This audio cannot be played: the embed address names no audio (no "src" or "manifest").';
    container.replaceChildren(problem);
    return null;
  }
  container.replaceChildren(player);
  return player;
}
