/**
 * The heights a frame with `resize=1` can need: the smallest player (one line of title, no actions: 132 px at the default text size, so `min` stays a little under it) and the
 * tallest (an open panel takes at most the room up to `max`, and scrolls inside). The embed page keeps its
 * player within them; earshot-host.js sizes no frame outside them, whatever a frame says.
 */
export const FRAME_HEIGHT = { min: 120, max: 640 } as const;
