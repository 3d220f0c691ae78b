/** The page's localStorage, where the browser lets the player keep anything (SPEC: `earshot:` keys). */

const PROBE_KEY = 'earshot:probe';

/** localStorage, or null where the browser refuses it (sandboxes, blocked third-party storage). */
export function pageStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.setItem(PROBE_KEY, '1');
    storage.removeItem(PROBE_KEY);
    return storage;
  } catch {
    return null;
  }
}
