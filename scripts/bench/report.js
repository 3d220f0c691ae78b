// The bench's report: tables of what was measured, then every budget and whether it holds.
import { MANY } from './pages.js';

const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const times = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a');
const round = (v) => (v < 10 ? v.toFixed(1) : v.toFixed(0));
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const cell = (s) => (s && Number.isFinite(s.median) ? `${ms(s.median)} [${round(s.min)}–${round(s.max)}]` : '–');

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c] ?? '').length)));
  return rows
    .map((row, r) => {
      const line = row.map((value, c) => (c === 0 ? String(value).padEnd(widths[c]) : String(value).padStart(widths[c]))).join('   ');
      return r === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('   ')}` : line;
    })
    .join('\n');
}

function clickTable(title, c) {
  const line = (name, key) => [name, cell(c.bare[key]), cell(c.earshot[key]), cell(c.embed[key])];
  return table([
    [title, 'bare <audio>', 'earshot-player.js', 'embed.html'],
    line('media play() called', 'playCall'),
    line('media "playing"', 'playing'),
    line('earshot-play', 'earshotPlay'),
    line('sound: the position moves', 'sound'),
    ['  sound vs bare', '', times(ratio(c.earshot.sound.median, c.bare.sound.median)), times(ratio(c.embed.sound.median, c.bare.sound.median))],
  ]);
}

/** The whole report as text (printed by `npm run bench`, and kept in docs/performance.md). */
export function reportText(result) {
  const { sizes, floor, measured, runs } = result;
  const out = [];
  out.push(`Earshot bench: Chromium ${measured.chromium}, N = ${runs} runs (median [min–max]), node ${process.version}, ${result.cpus} CPUs, load average ${result.loadAverage}`);
  out.push('Each run: a fresh context (empty cache), pages on 127.0.0.1 with range requests; times from navigation start, or from the click (pointerdown).');
  out.push(`Bare click: ${measured.clickMethod}.`);
  out.push('');
  out.push(
    table([
      ['Weight (brotli q11)', 'bytes', '', 'budget'],
      ['embed page, first load', sizes.embed.brotli, kib(sizes.embed.brotli), kib(result.verdicts[0].budget)],
      ...sizes.embed.files.map((f) => [`  ${f.file}`, f.brotli, '', '']),
      ['earshot-player.js, first load', sizes.bundle.brotli, kib(sizes.bundle.brotli), kib(result.verdicts[1].budget)],
      ...sizes.bundle.files.map((f) => [`  ${f.file}`, f.brotli, '', '']),
      ['earshot-host.js', sizes.host.brotli, kib(sizes.host.brotli), kib(result.verdicts[2].budget)],
      ['floor: howler core + a minimal lit element', floor.total, kib(floor.total), ''],
    ]),
  );
  out.push('Loaded later, when needed (embed page):');
  for (const f of sizes.embedLater.files) out.push(`  ${f.file}${f.module ? ` (${f.module.replace(/^(\.\.\/)+/, '')})` : ''}  ${f.brotli}`);
  out.push('Loaded later, when needed (earshot-player.js):');
  for (const f of sizes.bundleLater.files) out.push(`  ${f.file}  ${f.brotli}`);
  out.push('');
  const u = measured.usable;
  out.push(
    table([
      ['Navigation to a usable player (speech.mp3)', 'median [min–max]', 'vs bare'],
      ['bare <audio controls>: DOMContentLoaded', cell(u.bare), ''],
      ['earshot-player.js page: Play enabled', cell(u.earshot), times(ratio(u.earshot.median, u.bare.median))],
      ['embed.html: Play enabled', cell(u.embed), times(ratio(u.embed.median, u.bare.median))],
      ['floor: a 300-byte element in a module', cell(u.floor), times(ratio(u.floor.median, u.bare.median))],
    ]),
  );
  out.push('(The floor draws a button, a slider and a time from its own module, and nothing else: no player that a <script> draws is usable sooner.)');
  out.push('');
  for (const [file, bySet] of Object.entries(measured.local)) {
    for (const set of measured.sets) {
      out.push(clickTable(`Click to sound, ${file}, localhost, ${set.label}`, bySet[set.name]));
      out.push('');
    }
  }
  const net = measured.network;
  for (const set of measured.sets) {
    out.push(clickTable(`Click to sound, speech.mp3, ${(net.downloadThroughput * 8) / 1048576} Mbps and ${net.latency} ms RTT, ${set.label}`, measured.throttled[set.name]));
    out.push('');
  }
  const m = measured.many;
  const mib = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;
  out.push(
    table([
      [`${MANY} players on one page (one run)`, 'ready', 'JS heap after GC'],
      [`${MANY} bare <audio controls>`, ms(m.bare.ready), mib(m.bare.heap)],
      [`${MANY} Earshot embeds (same-origin iframes)`, ms(m.embed.ready), mib(m.embed.heap)],
      ['  embeds vs bare', times(ratio(m.embed.ready, m.bare.ready)), times(ratio(m.embed.heap, m.bare.heap))],
    ]),
  );
  out.push('');
  const idle = (label, i) => `${label}: ${i.total} (setTimeout ${i.calls.setTimeout}, setInterval ${i.calls.setInterval}, requestAnimationFrame ${i.calls.requestAnimationFrame}; status ${i.status})`;
  out.push(idle('Idle timers and frames in 2 s, earshot-player.js page, usable and not playing', measured.idle.earshot));
  out.push(idle('Idle timers and frames in 2 s, embed page', measured.idle.embed));
  for (const caller of measured.idle.earshot.callers) out.push(`  ${caller}`);
  if (result.notes.length) {
    out.push('');
    out.push('Seen in the pages:');
    for (const note of result.notes) out.push(`  ${note}`);
  }
  out.push('');
  out.push('Budgets:');
  for (const v of result.verdicts) {
    const shown = v.unit === 'bytes' ? `${v.value} B (${kib(v.value)}) ≤ ${kib(v.budget)}` : `${times(v.value)} ≤ ${v.budget}×`;
    out.push(`  ${v.pass ? 'PASS' : 'MISS'}  ${v.what}: ${shown}`);
  }
  const missed = result.verdicts.filter((v) => !v.pass).length;
  out.push(missed ? `${missed} budget(s) missed.` : 'Every budget holds.');
  out.push(`Finished in ${(result.elapsedMs / 1000).toFixed(1)} s.`);
  return out.join('\n');
}

export const printReport = (result) => console.log(reportText(result));

/** The few figures the README quotes, as a Markdown table, each with its budget. */
export function summaryTable(result) {
  const { measured } = result;
  const row = (what, value, budget, pass) => `| ${what} | ${value} | ${budget} | ${pass === undefined ? '' : pass ? 'holds' : 'missed'} |`;
  const find = (what) => result.verdicts.find((v) => v.what === what);
  const bytes = (what) => {
    const v = find(what);
    return row(what, `${v.value} B (${kib(v.value)})`, kib(v.budget), v.pass);
  };
  const versus = (what) => {
    const v = find(what);
    return row(what, times(v.value), `${v.budget}×`, v.pass);
  };
  const lines = [
    '| measured | value | budget | |',
    '| --- | --- | --- | --- |',
    bytes('embed page, first load'),
    bytes('earshot-player.js, first load'),
    bytes('earshot-host.js'),
    versus('usable: earshot-player.js page vs bare'),
    versus('usable: embed page vs bare'),
    row('usable: the floor, a 300-byte element in a module, vs bare', times(ratio(measured.usable.floor.median, measured.usable.bare.median)), '', undefined),
  ];
  for (const v of result.verdicts.filter((v) => v.what.startsWith('click to sound'))) lines.push(versus(v.what));
  const net = measured.network;
  for (const set of measured.sets) {
    const c = measured.throttled[set.name];
    lines.push(row(`click to sound, speech.mp3, ${(net.downloadThroughput * 8) / 1048576} Mbps and ${net.latency} ms RTT, ${set.label}: embed vs bare`, times(ratio(c.embed.sound.median, c.bare.sound.median)), '', undefined));
  }
  const idle = measured.idle.earshot.total + measured.idle.embed.total;
  lines.push(row('timers and animation frames while idle (2 s)', String(idle), '0', idle === 0));
  return lines.join('\n');
}
