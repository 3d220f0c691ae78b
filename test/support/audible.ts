/**
 * Every media element the page ever asked to play, so that a test can count the ones making sound now:
 * playing (not paused, not ended) and not muted. Installed once, before any player is made.
 */
const played = new Set<HTMLMediaElement>();
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
  played.add(this);
  return play.call(this);
};

/** The media elements that are making sound now. */
export function audibleMedia(): HTMLMediaElement[] {
  return [...played].filter((media) => !media.paused && !media.ended && !media.muted && media.volume > 0);
}
