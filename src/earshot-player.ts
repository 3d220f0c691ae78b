/** The self-contained entry (dist/earshot-player.js): importing it registers `<earshot-player>`. */
import './define-entry.js';

// The main entry's API, but for toOEmbed: that is for servers (earshot-player/oembed), and no page needs to load it.
export * from './browser.js';
