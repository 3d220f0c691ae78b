/** `earshot-player/define`: importing it registers `<earshot-player>`. */
import { defineEarshotPlayer } from './define.js';
import { EarshotPlayer } from './elements/earshot-player.js';

declare const __EARSHOT_EMBED_PAGE__: string | undefined;

// The embed page lies beside this module in dist/ (one folder up for the npm build in dist/lib/).
const embedPage = typeof __EARSHOT_EMBED_PAGE__ === 'string' ? __EARSHOT_EMBED_PAGE__ : 'embed.html';
EarshotPlayer.defaultEmbedBase ??= new URL(embedPage, import.meta.url).href;

defineEarshotPlayer();

export { EarshotPlayer };
