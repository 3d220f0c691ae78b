/** Playback speeds: the range the player takes, and the steps of its speed button. */
export const MIN_RATE = 0.25;
export const MAX_RATE = 4;

/** The rates the speed button steps through, in order. */
export const PLAYBACK_RATES = [1, 1.25, 1.5, 1.75, 2, 0.75] as const;
