import { buildEmbedCode } from './core/embed-code.js';
import { EarshotPlayer } from './elements/earshot-player.js';

export const TAG_NAME = 'earshot-player';

/** Registers `<earshot-player>` once; a second copy of the library on the page leaves the first in place. */
export function defineEarshotPlayer(registry: CustomElementRegistry = customElements): void {
  // embedUrl() and embedSnippet() answer at once in every page that registers the element this way.
  EarshotPlayer.buildEmbedCode ??= buildEmbedCode;
  if (!registry.get(TAG_NAME)) registry.define(TAG_NAME, EarshotPlayer);
}
