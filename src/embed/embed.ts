/** The embed page: reads its URL, mounts one player, says in words when there is nothing to play, and lets the host page drive it. */
import { EarshotPlayer } from '../elements/earshot-player.js';
import { mountEmbed } from './mount.js';

// The frame registers the element by itself: what builds embed codes comes with its Embed panel (the page
// around the frame never calls embedUrl() on it).
if (!customElements.get('earshot-player')) customElements.define('earshot-player', EarshotPlayer);

// The player is the page's main content: one landmark for assistive technology to land on.
const { player, config } = mountEmbed(document.querySelector('main') ?? document.body, window.location.href);
// The host page's remote control (player.js) follows the player: the listener's first look does not wait for it.
// Whatever the host sent before it arrived is answered by the `ready` it posts once it is here (README: "Control an embedded player").
if (player && window.parent !== window) void import('./bridge.js').then(({ connectHost }) => connectHost(player, config));
