/**
 * dist/earshot-host.js: the host API as a classic script, for a plain `<script src async>` from any origin
 * (no CORS needed). It offers `window.EarshotHost`; `data-origins="https://a.example https://b.example"` on
 * the script tag limits the frames it drives to those origins.
 */
import { EarshotHost } from './earshot-host.js';

// An own property of the window: elements with id or name "EarshotHost" (which the window also exposes) cannot hide it.
Object.defineProperty(window, 'EarshotHost', { value: EarshotHost, enumerable: true, configurable: true });
const script = document.currentScript;
if (!script) console.warn('earshot-host: this file is a classic script; as a module it cannot read data-origins (use earshot-player/host and allowOrigins()).');
// Present but empty (a template variable that came out empty) allows nothing rather than everything.
const origins = script?.dataset.origins;
try {
  if (origins !== undefined) EarshotHost.allowOrigins(origins.trim() ? origins.trim().split(/\s+/) : []);
} catch (error) {
  // A mistyped list fails closed: no frame is driven until the page calls allowOrigins() with exact origins.
  EarshotHost.allowOrigins([]);
  console.error(`${(error as Error).message} (in data-origins; no frame will be driven)`);
}
