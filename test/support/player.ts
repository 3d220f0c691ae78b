/** What the element tests share: mount a player, find its controls by name, click them for real, wait. */
import { fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { loadsOf, played } from './audible.js';
import '../../src/define-entry.js';
import type { EarshotPlayer } from '../../src/elements/earshot-player.js';

export const MP3 = '/media/test/fixtures/speech.mp3';
export const LONG = '/media/test/fixtures/long.mp3';

/** Which engine runs this test: Chromium, Firefox or WebKit (Safari's engine). */
export const engine: 'chromium' | 'firefox' | 'webkit' = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrom(e|ium)\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/** A URL no other test uses, so the request log can be read for this test alone. */
export function unique(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}t=${Math.random().toString(36).slice(2)}`;
}

export async function mount(template: TemplateResult): Promise<EarshotPlayer> {
  const player = await fixture<EarshotPlayer>(template);
  await player.updateComplete;
  return player;
}

export { html };
export { audibleMedia, played } from './audible.js';

/** The name a screen reader gives a control: aria-label, else its <label>, else its text. */
function nameOf(node: HTMLElement): string {
  const label = node.getAttribute('aria-label');
  if (label !== null) return label;
  const labels = (node as HTMLInputElement).labels;
  if (labels && labels.length > 0) return labels[0]!.textContent!.replace(/\s+/g, ' ').trim();
  return node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The shadow-root control with this accessible name (or whose name goes on from it: "Playback speed 1×"). */
export function control(player: EarshotPlayer, name: string): HTMLElement {
  const root = player.shadowRoot!;
  const all = [...root.querySelectorAll<HTMLElement>('button, input, a, textarea, [role]')];
  const found = all.find((node) => nameOf(node) === name) ?? all.find((node) => nameOf(node).startsWith(`${name} `));
  if (!found) throw new Error(`No control named "${name}"`);
  return found;
}

export function hasControl(player: EarshotPlayer, name: string): boolean {
  try {
    control(player, name);
    return true;
  } catch {
    return false;
  }
}

/** A real mouse click at the middle of the control, as a listener would click. */
export async function click(player: EarshotPlayer, name: string): Promise<void> {
  const target = control(player, name);
  target.scrollIntoView({ block: 'center' });
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

export async function waitFor(condition: () => boolean, what: string, timeout = 8000): Promise<void> {
  const until = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function nextEvent<T = unknown>(target: EventTarget, type: string, timeout = 8000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${type} within ${timeout} ms`)), timeout);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as CustomEvent<T>);
      },
      { once: true },
    );
  });
}

export function record(target: EventTarget, types: string[]): { type: string; detail: unknown; at: number }[] {
  const log: { type: string; detail: unknown; at: number }[] = [];
  for (const type of types) target.addEventListener(type, (event) => log.push({ type, detail: (event as CustomEvent).detail, at: performance.now() }));
  return log;
}

export function alertText(player: EarshotPlayer): string {
  return player.shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export interface LoggedRequest {
  url: string;
  /** Date.now() when it arrived. */
  time: number;
  range: string | null;
  status: number;
  bytesSent: number;
  /** The response ended (sent, or the connection closed). */
  done: boolean;
}

export async function requests(match: string): Promise<LoggedRequest[]> {
  const response = await fetch(`/__requests?match=${encodeURIComponent(match)}`);
  return response.json();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the position moves steadily: three looks 100 ms apart, each further on. The sound has started
 * then (Firefox on a machine with only a null audio sink plays a tenth of a second, then stalls for about a
 * second on its first sound after a pause in the page's audio, with a bare <audio> too).
 */
export async function moving(player: EarshotPlayer, timeout = 6000): Promise<void> {
  const until = performance.now() + timeout;
  let last = player.currentTime;
  let steps = 0;
  while (steps < 3) {
    if (performance.now() > until) {
      const { status, seeking } = player.store.getState();
      const media = played().map((m) => `${m.currentTime.toFixed(2)} s of ${m.duration}, paused ${m.paused}, seeking ${m.seeking}, readyState ${m.readyState}, networkState ${m.networkState}, loadstart ${loadsOf(m)}x since its first play()`);
      throw new Error(`Timed out waiting for the position to move (at ${player.currentTime}; player ${status}${seeking ? ', seeking' : ''}; media: ${media.join('; ')})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = player.currentTime;
    steps = now > last + 0.02 ? steps + 1 : 0;
    last = now;
  }
}

/** Presses Play with a real click, and waits for earshot-play and for the position to move. */
export async function clickPlay(player: EarshotPlayer): Promise<void> {
  const playing = nextEvent(player, 'earshot-play', 10_000);
  await click(player, 'Play');
  await playing;
  await moving(player);
}

/** How fast the position moves against the wall clock, over `ms`, once it moves. */
export async function measureRate(player: EarshotPlayer, ms = 1500): Promise<number> {
  await moving(player);
  const from = player.currentTime;
  const started = performance.now();
  await sleep(ms);
  return (player.currentTime - from) / ((performance.now() - started) / 1000);
}

/** Moves the mouse to a corner with no player, so that none takes a pointer over it as intent to play. */
export async function mouseAway(): Promise<void> {
  await sendMouse({ type: 'move', position: [0, 0] });
}

/** Presses a key as the listener does. */
export { sendKeys } from '@web/test-runner-commands';
