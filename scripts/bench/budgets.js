// Earshot's budgets: `npm run bench` fails when one is missed, and `npm test` checks the weights (brotli sizes
// are the same on every machine; times are not, so they stay in the bench).
export const BUDGETS = {
  /** What the embed page loads before its player is usable: embed.html and its first chunk, brotli bytes. */
  embedFirstLoad: 20 * 1024,
  /** What a page loads for dist/earshot-player.js before its player is usable. */
  bundleFirstLoad: 22 * 1024,
  /** dist/earshot-host.js, whole. */
  host: 2 * 1024,
  /** Click to the position moving, as a ratio to a bare <audio> in the same run. */
  clickToSound: 1.1,
  /** Navigation to a usable player, as a ratio to a bare <audio controls> page. */
  usable: 1.3,
};
