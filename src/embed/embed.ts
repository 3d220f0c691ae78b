/** The embed page: reads its URL, mounts one player, says in words when there is nothing to play, and lets the host page drive it. */
import '../define-entry.js';
import { connectHost } from './bridge.js';
import { mountEmbed } from './mount.js';

// The player is the page's main content: one landmark for assistive technology to land on.
const { player, config } = mountEmbed(document.querySelector('main') ?? document.body, window.location.href);
if (player) connectHost(player, config);
