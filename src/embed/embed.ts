/** The embed page: reads its URL, mounts one player, and says in words when there is nothing to play. */
import '../define-entry.js';
import { mountEmbed } from './mount.js';

mountEmbed(document.body, window.location.href);
