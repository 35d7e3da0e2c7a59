#!/usr/bin/env node
// The publisher's workbench, timed in Chromium on the BUILT files (dist/editeur/, `npm run build`
// first): opening and checking a 400-structure working spreadsheet (.csv and .xlsx, made from a
// synthetic regional feed by the core's feedToTable) and the 10,000-structure national feed, from
// the file chosen to every problem listed (read, parse, tableToFeed, first render of the summary),
// then showing « Vérifier ». Median of 3 runs each, a fresh page per run. Nothing is asserted: the
// numbers are printed for the issue's closing note (this VM's speed drifts by ±30 %).
//   node bench/editeur.mjs [--runs 3]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { launchBrowser, openPage, startServers, EDITEUR_DIR } from '../test/e2e/harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'bench/.cache');
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

if (!existsSync(join(EDITEUR_DIR, 'index.html'))) {
  console.error('dist/editeur/index.html is missing: run `npm run build` first.');
  process.exit(2);
}
mkdirSync(CACHE, { recursive: true });
const make = (count, file) => {
  if (!existsSync(file)) execFileSync(process.execPath, [join(ROOT, 'scripts/make-synthetic-feed.mjs'), String(count), file], { stdio: 'inherit' });
  return file;
};
const national = make(10000, join(CACHE, 'national-10k.json'));
const regional = make(400, join(CACHE, 'regional-400.json'));

// The 400-structure feed as the steward's working spreadsheet, written by the core (src/publish).
const bundle = await esbuild.build({
  stdin: { contents: "export { feedToTable } from './src/publish/sheet.ts'; export { writeCsv, csvBytes } from './src/publish/csv.ts'; export { writeXlsx } from './src/publish/xlsx.ts';", resolveDir: ROOT, loader: 'ts' },
  bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent',
});
const core = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
const { readFileSync } = await import('node:fs');
const table = core.feedToTable(JSON.parse(readFileSync(regional, 'utf8')));
const sheetCsv = join(CACHE, 'regional-400.csv');
const sheetXlsx = join(CACHE, 'regional-400.xlsx');
writeFileSync(sheetCsv, core.csvBytes(core.writeCsv(table.header, table.rows.map((r) => r.cells))));
writeFileSync(sheetXlsx, await core.writeXlsx(table, { numeric: ['latitude', 'longitude'] }));

const servers = await startServers();
const browser = await launchBrowser();

/** One run: a fresh page, the file chosen, until « … ouvert … » is said; then « Vérifier » shown. */
async function run(file) {
  const { page } = await openPage(browser, `${servers.A}/editeur/`);
  await page.waitForFunction(() => document.querySelector('sos-editeur')?.shadowRoot?.querySelector('#file'));
  await page.evaluate(() => {
    const bench = document.querySelector('sos-editeur');
    const input = bench.shadowRoot.querySelector('#file');
    input.addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true });
    new MutationObserver(() => {
      if (!window.__t1 && /ouvert/.test(bench.shadowRoot.querySelector('[role=status]').textContent)) window.__t1 = performance.now();
    }).observe(bench.shadowRoot, { subtree: true, characterData: true, childList: true });
  });
  const input = (await page.evaluateHandle(() => document.querySelector('sos-editeur').shadowRoot.querySelector('#file'))).asElement();
  await input.uploadFile(file);
  await page.waitForFunction(() => window.__t1, { timeout: 120000, polling: 20 });
  const open = await page.evaluate(() => window.__t1 - window.__t0);
  const check = await page.evaluate(async () => {
    const bench = document.querySelector('sos-editeur');
    const t = performance.now();
    bench.shadowRoot.querySelector('#tab-verifier').click();
    await bench.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return performance.now() - t;
  });
  const facts = await page.evaluate(() => {
    const c = document.querySelector('sos-editeur').checked;
    return { structures: c.feed?.structures.length ?? 0, problems: c.problems.length };
  });
  await page.close();
  return { open, check, ...facts };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
try {
  for (const [label, file] of [['400 structures, .csv', sheetCsv], ['400 structures, .xlsx', sheetXlsx], ['10 000 structures, flux .json', national]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(file));
    rows.push({ label, open: median(runs.map((r) => r.open)), check: median(runs.map((r) => r.check)), structures: runs[0].structures, problems: runs[0].problems });
  }
} finally {
  await browser.close();
  await servers.close();
}
console.log(`\nAtelier (dist/editeur), médiane de ${RUNS} essais, Chromium sans tête :`);
console.log(`${'fichier'.padEnd(32)} ${'ouvrir + vérifier'.padStart(18)} ${'afficher « Vérifier »'.padStart(22)}  structures  remarques`);
for (const r of rows) console.log(`${r.label.padEnd(32)} ${`${Math.round(r.open)} ms`.padStart(18)} ${`${Math.round(r.check)} ms`.padStart(22)}  ${String(r.structures).padStart(10)}  ${String(r.problems).padStart(9)}`);
