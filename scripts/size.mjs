#!/usr/bin/env node
// `npm run size`: gzip size of every file of the CDN bundle, and the budget on the initial JavaScript
// of a page with <sos-annuaire> before the map is shown: the entry (a small loader), the main module
// it imports at once, and what that imports statically. Exits 1 when the budget is missed. Needs
// `npm run build` first.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { join, dirname, relative, posix } from 'node:path';

const BUDGET_INITIAL_GZIP = 45 * 1024;
const root = 'dist/cdn';
const entry = join(root, 'sos-annuaire.js');
if (!existsSync(entry)) {
  console.error('dist/cdn/sos-annuaire.js is missing: run `npm run build` first.');
  process.exit(2);
}

const files = [];
const walk = (d) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : files.push(join(d, f))));
walk(root);

const size = (f) => {
  const buf = readFileSync(f);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotliCompressSync(buf).length };
};

// Static imports of ES modules: `import ... from "./x.js"` / `import "./x.js"`, not `import("./x.js")`.
function staticImports(file) {
  const code = readFileSync(file, 'utf8');
  const out = new Set();
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    out.add(posix.normalize(posix.join(dirname(file), m[1])));
  }
  return [...out];
}
const initial = new Set();
const visit = (f) => {
  if (initial.has(f)) return;
  initial.add(f);
  staticImports(f).forEach(visit);
};
// The entry is the loader (src/cdn-loader/loader.ts): it imports the main module as soon as it runs
// (an `import()` expression, which a classic script allows); its other address, the advice to a
// tag without type="module", is loaded only then.
const named = new Set([...readFileSync(entry, 'utf8').matchAll(/["'](\.\/[\w./-]+\.js)["']/g)].map((m) => posix.join(dirname(entry), m[1])));
const mains = [...named].filter((f) => /\/sos-annuaire\.main-[\w-]+\.js$/.test(f));
if (mains.length !== 1 || !existsSync(mains[0])) {
  console.error(`dist/cdn/sos-annuaire.js should name exactly one main module that exists (found: ${[...named].join(', ') || 'none'}).`);
  process.exit(2);
}
initial.add(entry);
visit(mains[0]);

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const rows = files.sort().map((f) => ({ file: relative(root, f), initial: initial.has(f), ...size(f) }));
console.log(`${'file'.padEnd(44)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}  loaded`);
for (const r of rows) {
  console.log(`${r.file.padEnd(44)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} ${kb(r.brotli).padStart(10)}  ${r.initial ? 'initially' : 'on demand'}`);
}
const total = rows.filter((r) => r.initial).reduce((n, r) => n + r.gzip, 0);
const ok = total <= BUDGET_INITIAL_GZIP;
console.log(`\ninitial JavaScript (gzip): ${kb(total)} — budget ${kb(BUDGET_INITIAL_GZIP)}: ${ok ? 'OK' : 'OVER BUDGET'}`);
process.exit(ok ? 0 : 1);
