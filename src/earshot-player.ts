/** The self-contained entry (dist/earshot-player.js): importing it registers `<earshot-player>`. */
import './define-entry.js';

export * from './index.js';
