/**
 * The main entry, `earshot-player`: the element, the core, and toOEmbed (which a server uses to answer oEmbed
 * requests; it is also `earshot-player/oembed`). No side effects: `earshot-player/define` registers the element.
 */
export * from './browser.js';
export { toOEmbed, OEmbedError, OEmbedErrorCode, type OEmbedOptions, type OEmbedResponse } from './core/oembed.js';
