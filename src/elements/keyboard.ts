/**
 * The player's keyboard map, with focus anywhere in the player except a text field; and where focus goes
 * when the control that had it goes away. Loaded with the first focus or pointer on the player.
 */
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
  // Shift+N and Shift+P: the next and previous chapter (or track).
  N: (playback) => playback.next(),
  P: (playback) => playback.previous(),
};

/** Does what `event`'s key means to the player; true when it meant something (the caller prevents the default). */
export function handlePlayerKey(event: KeyboardEvent, playback: Playback, target = event.composedPath()[0] as HTMLElement | undefined): boolean {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return false;
  if (isTextField(target)) return false;
  let key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  // Shift+N and Shift+P (the capital letter: WebDriver, for one, sends Shift+N as "N" alone).
  if (event.key === 'N' || event.key === 'P') key = event.key;
  // On the Seek slider, Up and Down move as far as Right and Left (its own step would be a fraction of a second).
  if (target instanceof HTMLInputElement && target.type === 'range') key = { ArrowUp: 'ArrowRight', ArrowDown: 'ArrowLeft' }[key] ?? key;
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

/** The controls of `root` that can take focus now, in order. */
function focusable(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, input, a[href], textarea')].filter((node) => !node.matches(':disabled') && !node.closest('[inert]'));
}

/**
 * Runs `update` (a render of `root`), then puts focus back where a listener expects it: when the focused
 * control went away or was disabled, on the nearest control that remains; on Retry when it appears; on
 * Play when Retry is gone (it worked).
 */
export function keepFocus(root: ShadowRoot, update: () => void): void {
  const focused = root.activeElement as HTMLElement | null;
  const before = focused ? focusable(root) : [];
  const find = (selector: string) => root.querySelector<HTMLElement>(selector);
  const hadRetry = find('.retry') !== null;
  update();
  if (!focused) return;
  const retry = find('.retry');
  if (retry && !hadRetry) return retry.focus();
  if (focused.isConnected && !focused.matches(':disabled') && !focused.closest('[inert]')) return;
  if (focused.classList.contains('retry')) return void find('.play')?.focus();
  const now = focusable(root);
  const at = before.indexOf(focused);
  for (let step = 1; step < before.length; step++) {
    const near = [before[at - step], before[at + step]].find((node) => node && now.includes(node));
    if (near) return near.focus();
  }
  now[0]?.focus();
}
