/** The Playlist and Embed panels, loaded when the listener first opens one. */
export { EmbedPanel } from './embed-panel.js';
export { PlaylistPanel } from './playlist-panel.js';
export { panelStyles } from './panels.styles.js';
