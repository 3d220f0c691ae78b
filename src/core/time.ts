/** Times in Earshot are seconds as numbers; these turn them into words and back. */

/** The longest time a URL or a manifest may name: 100 hours. */
export const MAX_TIME = 100 * 3600;

/** How far the listener's skips go, in seconds: Skip back, Skip forward, and the arrow keys. */
export const SKIP_BACK = 15;
export const SKIP_FORWARD = 30;
export const ARROW_SEEK = 5;

const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;
const UNITS = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;
const SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * Reads a time: `90`, `90.5`, `1:05`, `1:02:03` or `1h2m3s` (any of the parts).
 * Returns null for anything else, for negative times and for times past MAX_TIME.
 */
export function parseTime(text: string): number | null {
  const value = text.trim().toLowerCase();
  if (value === '' || value.length > 32) return null;
  let seconds: number | null = null;
  if (SECONDS.test(value)) {
    seconds = Number(value);
  } else if (CLOCK.test(value)) {
    const [, h, m, s] = CLOCK.exec(value)!;
    // With hours, minutes are two digits of a clock; without, m:ss may run past 59 minutes.
    if (Number(s) >= 60 || (h !== undefined && Number(m) >= 60)) return null;
    seconds = Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  } else {
    const parts = UNITS.exec(value);
    if (parts && (parts[1] ?? parts[2] ?? parts[3]) !== undefined) {
      seconds = Number(parts[1] ?? 0) * 3600 + Number(parts[2] ?? 0) * 60 + Number(parts[3] ?? 0);
    }
  }
  return seconds !== null && Number.isFinite(seconds) && seconds <= MAX_TIME ? seconds : null;
}

export interface TimeRange {
  start: number;
  end?: number;
}

/** Reads `START` or `START,END` (each as parseTime reads it); END must come after START. */
export function parseTimeRange(text: string): TimeRange | null {
  const parts = text.split(',');
  if (parts.length > 2) return null;
  const start = parseTime(parts[0]!);
  if (start === null) return null;
  if (parts.length === 1) return { start };
  const end = parseTime(parts[1]!);
  if (end === null || end <= start) return null;
  return { start, end };
}

/** `65` → `1:05`, `3723` → `1:02:03`, to the nearest second; an unknown time is `--:--`. */
export function formatTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** `65` → `1 minute 5 seconds`, to the nearest second, for screen readers; an unknown time is `unknown`. */
export function speakTime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  const whole = Math.round(seconds);
  // Written out by hand: Intl.NumberFormat's unit style costs 5 to 10 ms to set up, at every page load.
  const parts = [
    [Math.floor(whole / 3600), 'hour'],
    [Math.floor((whole % 3600) / 60), 'minute'],
    [whole % 60, 'second'],
  ] as const;
  const words = parts.filter(([amount]) => amount > 0).map(([amount, unit]) => `${amount} ${unit}${amount === 1 ? '' : 's'}`);
  return words.length > 0 ? words.join(' ') : '0 seconds';
}

/** Seconds as a URL writes them: `90`, `90.5`, `40.12` (hundredths at most). */
export function formatSeconds(seconds: number): string {
  return String(Math.round(seconds * 100) / 100);
}
