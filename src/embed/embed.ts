/** The embed page: reads its URL, mounts one player, says in words when there is nothing to play, and lets the host page drive it. */
import '../define-entry.js';
import { mountEmbed } from './mount.js';

// The player is the page's main content: one landmark for assistive technology to land on.
const { player, config } = mountEmbed(document.querySelector('main') ?? document.body, window.location.href);
// The host page's remote control (player.js) follows the player: the listener's first look does not wait for it.
// Whatever the host sent before it arrived is answered by the `ready` it posts once it is here (SPEC §6).
if (player && window.parent !== window) void import('./bridge.js').then(({ connectHost }) => connectHost(player, config));
