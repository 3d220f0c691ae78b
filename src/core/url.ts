/** The one gate every URL from a manifest, an attribute or a query string passes through. */

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);
const MAX_URL_LENGTH = 4096;

/**
 * Resolves `value` against `base` and returns the absolute URL when it is http or https.
 * Anything else (`javascript:`, `data:`, `file:`, a non-string, an unparsable or overlong URL) is null.
 */
export function safeUrl(value: unknown, base: string): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || text.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/** The URL of the page or document, safe to read at call time (never at import time). */
export function documentBase(): string {
  return typeof document !== 'undefined' ? document.baseURI : 'http://localhost/';
}
