/** `earshot-player/define`: importing it registers `<earshot-player>`. */
import { defineEarshotPlayer } from './define.js';
import { EarshotPlayer } from './elements/earshot-player.js';

/** The embed page relative to this module once built; null in the npm build. */
declare const __EARSHOT_EMBED_PAGE__: string | null | undefined;

// In dist/ the embed page lies beside the built module. The npm build has none: an app's bundler moves this
// code, and would copy a literal `new URL('../embed.html', import.meta.url)` into the app without the
// page's assets, so apps name their hosted page with `embed-base` or EarshotPlayer.defaultEmbedBase.
const embedPage = typeof __EARSHOT_EMBED_PAGE__ === 'undefined' ? 'embed.html' : __EARSHOT_EMBED_PAGE__;
if (embedPage !== null) EarshotPlayer.defaultEmbedBase ??= new URL(embedPage, import.meta.url).href;

defineEarshotPlayer();

export { EarshotPlayer };
