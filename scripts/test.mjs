#!/usr/bin/env node
// `npm test`: type-check, Node tests (CLI, generated files), then browser tests in Chromium.
// Prints one plain "N passed, N failed" line at the end (CI reads it) and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
// What failed, in a few lines printed last: CI shows only the tail of a run.
const digest = [];
const run = (label, cmd, args, env = {}) => {
  console.log(`\n== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  return { status: r.status ?? 1, stdout: r.stdout ?? '' };
};

/**
 * A `node --test` run: its counts into the totals (a run that failed without saying how many
 * counts one failure), its failing tests into the digest.
 */
function nodeTestRun(label, files) {
  const r = run(label, 'node', ['--test', '--test-reporter=spec', ...files]);
  const count = (what) => Number(new RegExp(`^ℹ ${what} (\\d+)`, 'm').exec(r.stdout)?.[1] ?? 0);
  const fail = count('fail');
  totals.passed += count('pass');
  totals.skipped += count('skipped');
  totals.failed += fail || (r.status ? 1 : 0);
  if (r.status) digest.push(...nodeTestFailures(label, r.stdout));
}

/** The "failing tests" section node's spec reporter prints last, in at most 40 lines. */
function nodeTestFailures(label, stdout) {
  const at = stdout.lastIndexOf('✖ failing tests:');
  const lines = (at < 0 ? stdout.split('\n').filter((l) => /^\s*✖/.test(l)) : stdout.slice(at).split('\n').slice(1))
    .filter((l) => l.trim()).slice(0, 40);
  return lines.length ? lines.map((l) => `${label}: ${l}`) : [`${label}: failed (see their output above).`];
}

// 1. Types (one "test": the whole project type-checks under strict mode).
const tsc = run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
if (tsc.status === 0) totals.passed++; else { totals.failed++; digest.push(...tsc.stdout.split('\n').filter((l) => / error TS/.test(l)).slice(0, 10).map((l) => `typecheck: ${l}`)); }

// 2. The build (CDN, npm modules and types, demo, CLI), then Node tests: the CLI, generated files, the package.
const build = run('build', 'node', ['scripts/build.mjs', '--no-docs']);
if (build.status === 0) totals.passed++; else { totals.failed++; digest.push('build: failed (see its output above).'); }
const nodeTests = existsSync('test/node') ? readdirSync('test/node').filter((f) => f.endsWith('.test.mjs')).map((f) => join('test/node', f)) : [];
if (nodeTests.length) nodeTestRun('node tests', nodeTests);

// 3. Browser tests.
// A file that ran no test at all (it did not load, or the browser went away under it) is run
// once more in a fresh browser, in the plainest setup (WTR_PLAIN, see wtr.config.mjs), and the
// digest says so: on a shared CI machine a browser can fail for reasons of its own, while a file
// that cannot load fails twice and is counted.
const wtrRun = (label, extraArgs = [], env = {}) => {
  const countsFile = join(mkdtempSync(join(tmpdir(), 'wtr-')), 'counts.json');
  const r = run(label, 'npx', ['wtr', '--config', 'wtr.config.mjs', '--static-logging', ...extraArgs], { ...env, WTR_COUNTS_FILE: countsFile });
  return existsSync(countsFile) ? { status: r.status, ...JSON.parse(readFileSync(countsFile, 'utf8')) } : { status: r.status, missing: true };
};
let wtr = wtrRun('browser tests');
if (!wtr.missing && wtr.notLoaded.length) {
  const first = wtr.notLoaded;
  const again = wtrRun(`browser tests: the ${first.length} file(s) that ran no test, once more`, ['--files', ...first.map((f) => f.file)], { WTR_PLAIN: '1' });
  if (!again.missing) {
    digest.push(`browser tests: ${first.length} file(s) ran no test on the first run (${first[0].file}: ${first[0].error}); `
      + `run again once in a fresh browser (WTR_PLAIN=1): ${again.passed} passed, ${again.failed} failed.`);
    wtr = {
      status: again.status === 0 && wtr.failed === first.length ? 0 : wtr.status || again.status,
      passed: wtr.passed + again.passed,
      failed: wtr.failed - first.length + again.failed,
      skipped: wtr.skipped + again.skipped,
      failures: [...wtr.failures, ...again.failures],
      notLoaded: again.notLoaded,
    };
  }
}
if (!wtr.missing) {
  totals.passed += wtr.passed; totals.failed += wtr.failed; totals.skipped += wtr.skipped;
  if (wtr.status !== 0 && wtr.failed === 0) totals.failed++;
  for (const f of wtr.notLoaded) digest.push(`browser tests: ${f.file} ran no test: ${f.error}`);
  for (const f of wtr.failures.slice(0, 20)) digest.push(`browser tests: ${f.file} › ${f.test}: ${f.error.split('\n')[0].slice(0, 300)}`);
} else {
  totals.failed++;
  digest.push('browser tests: the runner ended without results (see its output above).');
}

// 4. End-to-end: the BUILT widget on partner pages from another origin, and our WordPress plugin
// in a real WordPress when its Debian packages are installed (.ci/run installs them).
if (build.status === 0) {
  const e2eFiles = readdirSync('test/e2e').filter((f) => f.endsWith('.test.mjs')).map((f) => join('test/e2e', f));
  nodeTestRun('e2e tests', e2eFiles);
}

// 5. Budgets and generated docs of the build: initial JS size, README element reference.
const size = run('size budget', 'node', ['scripts/size.mjs']);
if (size.status === 0) totals.passed++; else { totals.failed++; digest.push(`size budget: ${size.stdout.trim().split('\n').pop()}`); }

if (digest.length) console.log(`\n== what failed, in short\n${digest.join('\n')}`);

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
