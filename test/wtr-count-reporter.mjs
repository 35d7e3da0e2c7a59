// Counts browser test results. WTR's own summary sits inside a progress line that CI
// cannot read, so this reporter writes the counts to $WTR_COUNTS_FILE (read by
// scripts/test.mjs) and prints one plain line at exit.
import { writeFileSync } from 'node:fs';

function count(suite, acc) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite.suites ?? []) count(s, acc);
  return acc;
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        const before = acc.passed + acc.failed + acc.skipped;
        if (s.testResults) count(s.testResults, acc);
        // A test file that failed to load reports no tests: count it as one failure.
        if (!s.passed && acc.passed + acc.failed + acc.skipped === before) acc.failed++;
      }
      if (process.env.WTR_COUNTS_FILE) writeFileSync(process.env.WTR_COUNTS_FILE, JSON.stringify(acc));
      process.once('exit', () => {
        process.stdout.write(`\n${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped\n`);
      });
    },
  };
}
