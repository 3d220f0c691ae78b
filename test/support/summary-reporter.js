// A @web/test-runner reporter that ends the run with one plain line, e.g.
//   wtr: 41 passed, 0 failed, 2 skipped
// (the default reporter's progress bars are not a closing line that CI tooling can read).
// A test file that failed without a failing test (did not load, timed out, a hook threw) counts as one
// failure, so a broken file can never make the line say "0 failed".
import { writeFileSync } from 'node:fs';

function countSuite(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

export function summarize(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0, brokenFiles: [] };
  for (const session of sessions) {
    const before = counts.failed;
    countSuite(session.testResults, counts);
    if (session.passed === false && counts.failed === before) {
      counts.failed++;
      counts.brokenFiles.push(session.testFile);
    }
  }
  return counts;
}

export function summaryReporter() {
  return {
    stop({ sessions }) {
      const { passed, failed, skipped, brokenFiles } = summarize(sessions);
      const lines = brokenFiles.map(file => `wtr: ${file} failed outside any test (load error, hook or timeout)`);
      lines.push(`wtr: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
      // scripts/test.js prints the file after wtr's own last words, so that this is the closing line
      if (process.env.EARSHOT_SUMMARY_FILE) writeFileSync(process.env.EARSHOT_SUMMARY_FILE, `${lines.join('\n')}\n`);
      else console.log(lines.join('\n'));
    },
  };
}

export default summaryReporter;
