/** The player's keyboard map (SPEC §3), with focus anywhere in the player except a text field. */
import type { Playback } from '../core/playback.js';
import { ARROW_SEEK, SKIP_BACK, SKIP_FORWARD } from '../core/time.js';

type KeyAction = (playback: Playback) => void;

const KEYS: Record<string, KeyAction> = {
  ' ': (playback) => playback.toggle(),
  k: (playback) => playback.toggle(),
  ArrowLeft: (playback) => playback.skip(-ARROW_SEEK),
  ArrowRight: (playback) => playback.skip(ARROW_SEEK),
  j: (playback) => playback.skip(-SKIP_BACK),
  l: (playback) => playback.skip(SKIP_FORWARD),
  Home: (playback) => playback.seek(0),
  End: (playback) => {
    if (Number.isFinite(playback.state.duration)) playback.seek(playback.state.duration);
  },
  m: (playback) => playback.setMuted(!playback.state.muted),
};

/** Does what `event`'s key means to the player; true when it meant something (the caller prevents the default). */
export function handlePlayerKey(event: KeyboardEvent, playback: Playback): boolean {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return false;
  const target = event.composedPath()[0] as HTMLElement | undefined;
  if (isTextField(target)) return false;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const action = Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
  if (!action) return false;
  // A focused button, link or checkbox takes Space as a click: one toggle, not two.
  if (key === ' ' && isActivatable(target)) return false;
  action(playback);
  return true;
}

function isTextField(target: HTMLElement | undefined): boolean {
  if (!target) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
}

function isActivatable(target: HTMLElement | undefined): boolean {
  return (
    target instanceof HTMLButtonElement ||
    target instanceof HTMLAnchorElement ||
    target?.localName === 'summary' ||
    (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio'))
  );
}
