import { elementEmbedCode } from './core/embed-code.js';
import { EarshotPlayer } from './elements/earshot-player.js';

export const TAG_NAME = 'earshot-player';

/** Registers `<earshot-player>` once; a second copy of the library on the page leaves the first in place. */
export function defineEarshotPlayer(registry: CustomElementRegistry = customElements): void {
  // embedUrl() and embedSnippet() answer at once in every page that registers the element this way.
  EarshotPlayer.buildEmbedCode ??= elementEmbedCode;
  if (registry.get(TAG_NAME)) return;
  registry.define(TAG_NAME, EarshotPlayer);
  watchQuotes(document);
}

const QUOTE = '[data-earshot-seek]';

/**
 * Quotes that play (elements/quotes.ts) load only on a page that has one, now or once one is added: most
 * pages have none, and their first load stays as it was. Until then, only the page's changes wake this up.
 */
function watchQuotes(page: Document): void {
  const load = () => void import('./elements/quotes.js').then(({ connectQuotes }) => connectQuotes(page));
  if (page.querySelector(QUOTE)) return load();
  const observer = new MutationObserver((records) => {
    const found = records.some(
      ({ type, addedNodes }) => type === 'attributes' || [...addedNodes].some((node) => node instanceof Element && (node.matches(QUOTE) || node.querySelector(QUOTE) !== null)),
    );
    if (!found) return;
    observer.disconnect();
    load();
  });
  observer.observe(page, { childList: true, subtree: true, attributeFilter: ['data-earshot-seek'] });
}
