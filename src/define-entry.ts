/** `earshot-player/define`: importing it registers `<earshot-player>`. */
import { defineEarshotPlayer } from './define.js';

defineEarshotPlayer();

export { EarshotPlayer } from './elements/earshot-player.js';
