/** The page's localStorage, where the browser lets the player keep anything (all under `earshot:` keys). */

/**
 * localStorage, or null where the browser refuses it (sandboxes, blocked third-party storage). Reading
 * does not depend on a test write: a full quota still lets the listener's saved list be read.
 */
export function pageStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.getItem('earshot:playlist');
    return storage;
  } catch {
    return null;
  }
}
