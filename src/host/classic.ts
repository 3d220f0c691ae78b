/**
 * dist/earshot-host.js: the host API as a classic script, for a plain `<script src async>` from any origin
 * (no CORS needed). It offers `window.EarshotHost`; `data-origins="https://a.example https://b.example"` on
 * the script tag limits the frames it drives to those origins.
 */
import { EarshotHost } from './earshot-host.js';

// An own property of the window: elements with id or name "EarshotHost" (which the window also exposes) cannot hide it.
Object.defineProperty(window, 'EarshotHost', { value: EarshotHost, enumerable: true, configurable: true });
const origins = document.currentScript?.dataset.origins?.trim();
try {
  if (origins) EarshotHost.allowOrigins(origins.split(/\s+/));
} catch (error) {
  // A mistyped list fails closed: no frame is driven until the page calls allowOrigins() with exact origins.
  EarshotHost.allowOrigins([]);
  console.error(`${(error as Error).message} (in data-origins; no frame will be driven)`);
}
