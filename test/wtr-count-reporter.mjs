// Counts browser test results. WTR's own summary sits inside a progress line that CI
// cannot read, so this reporter writes the counts to $WTR_COUNTS_FILE (read by
// scripts/test.mjs) and prints one plain line at exit.
//
// It also keeps, per failed file, its first error: CI shows only the tail of a run, and
// scripts/test.mjs prints these at the end. A file that failed without running a single
// test (it did not load, or the browser went away) is listed apart in `notLoaded`, so
// that scripts/test.mjs can run it again once in a fresh browser.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

function count(suite, acc, failures, file, path = []) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else {
      acc.failed++;
      failures.push({ file, test: [...path, t.name].join(' › '), error: t.error?.message ?? '' });
    }
  }
  for (const s of suite.suites ?? []) count(s, acc, failures, file, [...path, s.name]);
  return acc;
}

const firstLine = (text, max = 300) => String(text ?? '').split('\n').find((l) => l.trim())?.trim().slice(0, max) ?? '';

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      const failures = [];
      const notLoaded = [];
      for (const s of sessions) {
        const file = relative(process.cwd(), s.testFile);
        const before = acc.passed + acc.failed + acc.skipped;
        if (s.testResults) count(s.testResults, acc, failures, file);
        const ran = acc.passed + acc.failed + acc.skipped - before;
        if (!s.passed && ran === 0) {
          // Counted as one failure; the reason is the session's error, or its 404s.
          acc.failed++;
          const why = [
            firstLine(s.errors?.[0]?.message),
            s.request404s?.length ? `404: ${s.request404s.slice(0, 3).join(', ')}` : '',
            s.logs?.length ? `browser console: ${firstLine(s.logs[0].map(String).join(' '), 200)}` : '',
          ].filter(Boolean);
          const error = why.join(' — ') || 'no test ran, no error reported';
          notLoaded.push({ file, error });
        } else if (!s.passed && s.errors?.length) {
          // Tests ran, but the file also reported an error outside them (an uncaught one, say).
          failures.push({ file, test: '(file)', error: firstLine(s.errors[0].message) });
        }
      }
      if (process.env.WTR_COUNTS_FILE) {
        writeFileSync(process.env.WTR_COUNTS_FILE, JSON.stringify({ ...acc, failures, notLoaded }));
      }
      process.once('exit', () => {
        process.stdout.write(`\n${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped\n`);
      });
    },
  };
}
