// The pages the bench loads, written into a temporary folder served beside dist/ and the test audio:
// a bare <audio controls> page, an Earshot page, and twenty of each on one page.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const MANY = 20;
export const AUDIO = [
  { file: 'speech.mp3', label: 'speech.mp3 (8 s)' },
  { file: 'long.mp3', label: 'long.mp3 (360 s)' },
];

/**
 * The floor of any player that a page's script draws: a custom element of a few hundred bytes, in its own
 * module as earshot-player.js is, that draws a Play button, a slider and a time and does nothing else. No
 * player loaded by a <script> is usable sooner than this; the bench measures it beside Earshot, as a
 * reference, not a budget.
 */
const FLOOR_ELEMENT = `class FloorPlayer extends HTMLElement {
  connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.innerHTML = '<button type="button" aria-label="Play">Play</button><input type="range" aria-label="Seek"><span>0:00 / 0:08</span>';
    this.updateComplete = Promise.resolve(true);
  }
}
customElements.define('earshot-player', FloorPlayer);
`;

export function writePages(tmp) {
  // Browsers ask for /favicon.ico: an empty one keeps a 404 out of the measurements and the notes.
  writeFileSync(path.join(tmp, 'favicon.ico'), '');
  const head = (title) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body>
`;
  const many = (body) => `${head(`${MANY} players`)}${body}\n</body></html>\n`;
  const indices = Array.from({ length: MANY }, (_, i) => i + 1);
  writeFileSync(path.join(tmp, 'many-bare.html'), many(indices.map((i) => `<audio controls preload="none" src="/audio/speech.mp3?n=${i}"></audio>`).join('\n')));
  writeFileSync(
    path.join(tmp, 'many-embed.html'),
    many(indices.map((i) => `<iframe src="/dist/embed.html?src=${encodeURIComponent(`/audio/speech.mp3?n=${i}`)}&amp;title=Bench+${i}" width="100%" height="290" frameborder="0" scrolling="no" title="Embedded audio player: Bench ${i}" allow="autoplay"></iframe>`).join('\n')),
  );
  writeFileSync(path.join(tmp, 'floor-element.js'), FLOOR_ELEMENT);
  writeFileSync(
    path.join(tmp, 'floor-speech.html'),
    `${head('Floor')}<script type="module" src="/floor-element.js"></script>
<earshot-player src="/audio/speech.mp3"></earshot-player>
</body></html>
`,
  );
  for (const { file } of AUDIO) {
    const name = file.replace(/\.mp3$/, '');
    writeFileSync(
      path.join(tmp, `bare-${name}.html`),
      `${head('bare audio')}<audio id="audio" controls preload="none" src="/audio/${file}"></audio>
<script>
  window.__bench.marks.audioParsed = performance.now();
  (() => {
    const audio = document.getElementById('audio');
    const marks = window.__bench.marks;
    audio.addEventListener('canplaythrough', () => { if (marks.canplaythrough === undefined) marks.canplaythrough = performance.now(); });
    audio.addEventListener('playing', () => { if (marks.mediaPlaying === undefined) marks.mediaPlaying = performance.now(); });
    audio.addEventListener('timeupdate', () => { if (marks.timeupdate === undefined && audio.currentTime > 0) marks.timeupdate = performance.now(); });
  })();
</script>
<p><button id="play" type="button" onclick="document.getElementById('audio').play()">Play</button></p>
</body></html>
`,
    );
    writeFileSync(
      path.join(tmp, `earshot-${name}.html`),
      `${head('Earshot')}<script type="module" src="/dist/earshot-player.js"></script>
<earshot-player src="/audio/${file}" track-title="Bench"></earshot-player>
</body></html>
`,
    );
  }
}

