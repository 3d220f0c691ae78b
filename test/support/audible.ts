/**
 * Every media element the page ever asked to play, so that a test can count the ones making sound now:
 * playing (not paused, not ended) and not muted. Installed once, before any player is made.
 */
const played_ = new Set<HTMLMediaElement>();
/** How many times each has started loading since its first play() (the engine loads a stuck WebKitGTK media again). */
const loads = new WeakMap<HTMLMediaElement, number>();
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
  if (!played_.has(this)) this.addEventListener('loadstart', () => loads.set(this, (loads.get(this) ?? 0) + 1));
  played_.add(this);
  return play.call(this);
};

/** Every media element asked to play so far that still has a source (for messages when a test fails). */
export function played(): HTMLMediaElement[] {
  return [...played_].filter((media) => media.src && !media.src.startsWith('data:'));
}

/** The 'loadstart' events of `media` since it was first asked to play. */
export const loadsOf = (media: HTMLMediaElement) => loads.get(media) ?? 0;

/** The media elements that are making sound now. */
export function audibleMedia(): HTMLMediaElement[] {
  return [...played_].filter((media) => !media.paused && !media.ended && !media.muted && media.volume > 0);
}
