#!/usr/bin/env node
// Times `sos-feed from-csv` on generated spreadsheets of 10k, 20k and 40k distinct structures (one
// offer each, valid rows), to check the conversion stays linear in the number of structures.
//   node scripts/bench-from-csv.mjs                 the built CLI (dist/cli/sos-feed.js)
//   node scripts/bench-from-csv.mjs --cli other.js  another build (before/after comparisons)
//   node scripts/bench-from-csv.mjs 5000 80000      other sizes
// Each size is run twice, the faster run is shown; the ratio column compares with the first size
// (linear: ×2 for twice the structures, quadratic: ×4).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const cliAt = args.indexOf('--cli');
const cli = resolve(cliAt >= 0 ? args.splice(cliAt, 2)[1] : join(root, 'dist/cli/sos-feed.js'));
const sizes = args.length ? args.map(Number) : [10_000, 20_000, 40_000];
if (!existsSync(cli)) {
  console.error(`${cli} missing: run \`node scripts/build-cli.mjs\` first`);
  process.exit(2);
}

const HEAD = 'structure_id;structure_nom;type_structure;code_postal;commune;latitude;longitude;telephone;verifie_le;offre_id;soin;publics;lieux;description_offre';
const CARES = ['douleur', 'nutrition', 'psychologie', 'social', 'activite-physique'];

function spreadsheet(n) {
  const lines = [HEAD];
  for (let i = 0; i < n; i++) {
    const lat = (43 + (i % 500) / 250).toFixed(4).replace('.', ',');
    const lon = (-1 + (i % 700) / 350).toFixed(4).replace('.', ',');
    lines.push([
      `structure-${i}`, `Structure d’exemple n° ${i}`, 'association', '33000', 'Bordeaux', lat, lon,
      '05 56 00 00 00', '2026-09-01', `offre-${i}`, CARES[i % CARES.length], 'patient|proche-aidant', 'ville',
      'Accueil sur rendez-vous ; entretiens individuels.',
    ].join(';'));
  }
  return `${lines.join('\n')}\n`;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-from-csv-'));
const publisher = ['--publisher-id', 'onco-bench', '--publisher-name', 'Onco-Bench', '--now', '2026-11-22', '--generated-at', '2026-11-22T08:00:00Z'];
console.log(`sos-feed from-csv: ${cli}`);
console.log('structures   time (ms)   ratio');
let first;
try {
  for (const n of sizes) {
    const file = join(dir, `bench-${n}.csv`);
    writeFileSync(file, spreadsheet(n));
    const out = join(dir, `bench-${n}.json`);
    let best = Infinity;
    for (let run = 0; run < 2; run++) {
      const started = performance.now();
      const r = spawnSync(process.execPath, [cli, 'from-csv', file, ...publisher, '--out', out], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const ms = performance.now() - started;
      if (r.status !== 0) {
        console.error(`from-csv exited ${r.status} on ${n} structures:\n${r.stderr.slice(0, 2000)}`);
        process.exit(1);
      }
      best = Math.min(best, ms);
    }
    first ??= { n, ms: best };
    const ratio = best / first.ms;
    console.log(`${String(n).padStart(10)}   ${String(Math.round(best)).padStart(9)}   ×${ratio.toFixed(1)} (linear: ×${(n / first.n).toFixed(1)})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
