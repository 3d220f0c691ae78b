// Loaded into every bench page before its own scripts (Playwright addInitScript), in the page's own world:
// it counts the timers and animation frames the page asks for, marks the moments the bench measures
// (pointerdown, the media's load()/play() calls, canplaythrough, "playing", earshot-play), and knows when the
// page's player is usable. The bench's own waits use the unwrapped timers.
(() => {
  const original = { setTimeout: window.setTimeout, setInterval: window.setInterval, requestAnimationFrame: window.requestAnimationFrame };
  const calls = { setTimeout: 0, setInterval: 0, requestAnimationFrame: 0 };
  const fired = { setTimeout: 0, setInterval: 0, requestAnimationFrame: 0 };
  const callers = [];
  for (const name of Object.keys(original)) {
    const fn = original[name];
    window[name] = function (callback, ...rest) {
      calls[name] += 1;
      if (bench.recordCallers && callers.length < 10) callers.push(name + ': ' + String(new Error().stack).split('\n').slice(2, 4).map((l) => l.trim()).join(' < '));
      const wrapped = typeof callback === 'function' ? function (...args) { fired[name] += 1; return callback.apply(this, args); } : callback;
      return fn.call(window, wrapped, ...rest);
    };
  }
  const sleep = (ms) => new Promise((resolve) => original.setTimeout.call(window, resolve, ms));
  const bench = (window.__bench = {
    marks: {},
    recordCallers: false,
    counts: () => ({ calls: { ...calls }, fired: { ...fired }, callers: [...callers] }),
    sleep,
    async until(predicate, timeout = 15000) {
      const end = performance.now() + timeout;
      while (!predicate()) {
        if (performance.now() > end) throw new Error('timed out');
        await sleep(0);
      }
      return performance.now();
    },
  });
  document.addEventListener('DOMContentLoaded', () => { bench.marks.domContentLoaded = performance.now(); }, { once: true });
  // The moment of the listener's click, wherever it lands.
  window.addEventListener('pointerdown', () => { if (bench.marks.pointerdown === undefined) bench.marks.pointerdown = performance.now(); }, { capture: true });
  window.addEventListener('earshot-play', () => { if (bench.marks.earshotPlay === undefined) bench.marks.earshotPlay = performance.now(); }, { capture: true });
  // The media elements Earshot (howler) makes are not in the DOM: catch them as they are told to load or play.
  const first = (name) => { if (bench.marks[name] === undefined) bench.marks[name] = performance.now(); };
  const isOurs = (media) => String(media.src || media.currentSrc).includes('/audio/');
  // Every media element of ours that was asked to load or play: "sound" is the first of them to move.
  bench.media = [];
  // (A bare page's <audio> plays from its native controls, which do not call play() from script: it is in the DOM.)
  bench.moved = () => [...bench.media, ...document.querySelectorAll('audio')].some((media) => media.currentTime > 0 && !media.paused);
  const watch = (media) => {
    if (media.__benchWatched) return;
    media.__benchWatched = true;
    bench.media.push(media);
    media.addEventListener('canplaythrough', () => isOurs(media) && first('canplaythrough'));
    media.addEventListener('playing', () => isOurs(media) && first('mediaPlaying'));
  };
  for (const name of ['load', 'play']) {
    const method = HTMLMediaElement.prototype[name];
    HTMLMediaElement.prototype[name] = function (...args) {
      if (isOurs(this)) {
        watch(this);
        first(name === 'play' ? 'mediaPlayCall' : 'mediaLoadCall');
      }
      return method.apply(this, args);
    };
  }
  const earshotUsable = async () => {
    await customElements.whenDefined('earshot-player');
    bench.marks.defined = performance.now();
    const find = () => document.querySelector('earshot-player');
    const wait = (target, options, test) => test() ? undefined : new Promise((resolve) => {
      const observer = new MutationObserver(() => { if (test()) { observer.disconnect(); resolve(); } });
      observer.observe(target, options);
    });
    await wait(document, { childList: true, subtree: true }, () => !!find());
    const el = find();
    while (!(await el.updateComplete)) {}
    const playButton = () => el.shadowRoot && el.shadowRoot.querySelector('button[aria-label="Play"]');
    await wait(el.shadowRoot || el, { childList: true, subtree: true, attributes: true }, () => playButton() && !playButton().disabled);
    return performance.now();
  };
  bench.usable = new Promise((resolve, reject) => {
    const done = (t) => {
      bench.marks.usable = t;
      bench.countsAtUsable = bench.counts();
      const scripts = performance.getEntriesByType('resource').filter((e) => /\.m?js$/.test(new URL(e.name).pathname));
      if (scripts.length) bench.marks.scriptFetched = Math.max(...scripts.map((e) => e.responseEnd));
      resolve(t);
    };
    if (location.pathname.includes('bare')) {
      // DOMContentLoaded, with the <audio> in the document (the page's inline script marks it).
      const ready = () => bench.marks.audioParsed !== undefined ? done(Math.max(bench.marks.audioParsed, bench.marks.domContentLoaded)) : reject(new Error('no <audio> in the bare page'));
      if (bench.marks.domContentLoaded !== undefined) ready(); else document.addEventListener('DOMContentLoaded', ready, { once: true });
    } else earshotUsable().then(done, reject);
  });
})();
