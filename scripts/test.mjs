#!/usr/bin/env node
// `npm test`: type-check, Node tests (CLI, generated files), then browser tests in Chromium.
// Prints one plain "N passed, N failed" line at the end (CI reads it) and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0, skipped: 0 };
const run = (label, cmd, args, env = {}) => {
  console.log(`\n== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  return { status: r.status ?? 1, stdout: r.stdout ?? '' };
};

// 1. Types (one "test": the whole project type-checks under strict mode).
const tsc = run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
if (tsc.status === 0) totals.passed++; else totals.failed++;

// 2. The build (CDN, npm modules and types, demo, CLI), then Node tests: the CLI, generated files, the package.
const build = run('build', 'node', ['scripts/build.mjs', '--no-docs']);
if (build.status === 0) totals.passed++; else totals.failed++;
const nodeTests = existsSync('test/node') ? readdirSync('test/node').filter((f) => f.endsWith('.test.mjs')).map((f) => join('test/node', f)) : [];
if (nodeTests.length) {
  const n = run('node tests', 'node', ['--test', '--test-reporter=spec', ...nodeTests]);
  const pass = Number(/^ℹ pass (\d+)/m.exec(n.stdout)?.[1] ?? 0);
  const fail = Number(/^ℹ fail (\d+)/m.exec(n.stdout)?.[1] ?? (n.status ? 1 : 0));
  totals.passed += pass;
  totals.failed += fail || (n.status && !fail ? 1 : 0);
}

// 3. Browser tests.
const countsFile = join(mkdtempSync(join(tmpdir(), 'wtr-')), 'counts.json');
const wtr = run('browser tests', 'npx', ['wtr', '--config', 'wtr.config.mjs', '--static-logging'], { WTR_COUNTS_FILE: countsFile });
if (existsSync(countsFile)) {
  const c = JSON.parse(readFileSync(countsFile, 'utf8'));
  totals.passed += c.passed; totals.failed += c.failed; totals.skipped += c.skipped;
  if (wtr.status !== 0 && c.failed === 0) totals.failed++;
} else totals.failed++;

// 4. End-to-end: the BUILT widget on partner pages from another origin, and our WordPress plugin
// in a real WordPress when its Debian packages are installed (.ci/run installs them).
if (build.status === 0) {
  const e2eFiles = readdirSync('test/e2e').filter((f) => f.endsWith('.test.mjs')).map((f) => join('test/e2e', f));
  const e = run('e2e tests', 'node', ['--test', '--test-reporter=spec', ...e2eFiles]);
  const pass = Number(/^ℹ pass (\d+)/m.exec(e.stdout)?.[1] ?? 0);
  const fail = Number(/^ℹ fail (\d+)/m.exec(e.stdout)?.[1] ?? 0);
  totals.passed += pass;
  totals.skipped += Number(/^ℹ skipped (\d+)/m.exec(e.stdout)?.[1] ?? 0);
  totals.failed += fail || (e.status ? 1 : 0);
}

// 5. Budgets and generated docs of the build: initial JS size, README element reference.
const size = run('size budget', 'node', ['scripts/size.mjs']);
if (size.status === 0) totals.passed++; else totals.failed++;

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
