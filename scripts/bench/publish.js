// Writes what a bench run measured where people read it: docs/performance.md (the whole report) and the
// README's block between <!-- bench:start --> and <!-- bench:end --> (the figures it quotes).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { reportText, summaryTable } from './report.js';

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

export function publishResults(root, result) {
  const when = new Date().toISOString().slice(0, 10);
  const machine = `Chromium ${result.measured.chromium}, ${result.runs} runs, ${result.cpus} CPUs, load average ${result.loadAverage}`;
  mkdirSync(path.join(root, 'docs'), { recursive: true });
  const performance = path.join(root, 'docs', 'performance.md');
  writeFileSync(
    performance,
    `# Performance\n\nWritten by \`npm run build && npm run bench\` on ${when} (${machine}). Weights are the same on every machine; times are medians on the machine that ran it, each against a bare \`<audio>\` in the same run.\n\n${summaryTable(result)}\n\nThe whole report:\n\n\`\`\`text\n${reportText(result)}\n\`\`\`\n`,
  );
  const readme = path.join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) {
    console.log(`bench: README.md has no ${START} … ${END} block; only docs/performance.md was written.`);
    return;
  }
  const block = `${START}\nMeasured by \`npm run bench\` on ${when} (${machine}); the whole report is in [docs/performance.md](docs/performance.md).\n\n${summaryTable(result)}\n`;
  writeFileSync(readme, text.slice(0, from) + block + text.slice(to));
  console.log('bench: wrote docs/performance.md and the figures in README.md.');
}
