#!/usr/bin/env node
/**
 * `npm run bench`: the built widget in headless Chromium on the sample regional feed and on the
 * synthetic national feed (10,000 structures). Prints one table, writes bench/results.json, and
 * exits 1 when a budget is missed. Local files and a local server only.
 *
 *   node bench/run.mjs [--runs 7] [--no-map] [--no-build]
 */
import { createServer } from 'node:http';
import { readFile, writeFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 7;
const WITH_MAP = !args.includes('--no-map');
const root = resolve(new URL('..', import.meta.url).pathname);
const NATIONAL = 'bench/.cache/national-10k.json';
const REGIONAL = 'demo/feeds/onco-nouvelle-aquitaine.demo.json';

const BUDGETS = {
  regional: { load: 100 },
  national: { load: 400, keyMedian: 16, keyP95: 50, ratio: 8, heapMB: 80 },
};
/**
 * Typing script: synonyms, plain words, typos, and needs in people's words; each typed one
 * character at a time.
 */
const TYPING = ['sophro', 'psy', 'kiné', 'APA', 'sofrologie', 'nutrision', 'bordeaux', 'aidant', 'socio-esthétique', 'tabac',
  'chute de cheveux', 'mon mari a un cancer', 'fatigue'];

if (!args.includes('--no-build') || !existsSync(join(root, 'dist/cdn/sos-annuaire.js'))) {
  run('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'warn']);
}
if (!existsSync(join(root, NATIONAL))) run('node', ['scripts/make-synthetic-feed.mjs', '10000', NATIONAL]);

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };
// Files are read once and served from memory, JSON gzipped as FEED-SPEC asks of a feed server:
// the benchmark measures the widget, not the disk.
const files = new Map();
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const file = path.startsWith('/cdn/') ? join(root, 'dist', path) : join(root, path);
  try {
    if (!files.has(file)) {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      files.set(file, extname(file) === '.json' ? { body: gzipSync(body), encoding: 'gzip' } : { body });
    }
    const { body, encoding } = files.get(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...(encoding ? { 'content-encoding': encoding } : {}) });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1280,900'],
  defaultViewport: { width: 1280, height: 900 },
});

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}

/**
 * Each run in its own browser context, as a visitor's first visit: no copy of the feed in
 * IndexedDB, and no garbage of the previous run's page collected during this one.
 */
async function openPage() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('close', () => void context.close().catch(() => {}));
  await page.goto(`${origin}/bench/page.html`);
  await page.waitForFunction(() => typeof window.benchLoad === 'function' && customElements.get('sos-annuaire'));
  return page;
}

async function heapMB(page) {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

async function measure(name, feed) {
  const loads = [];
  const tails = [];
  const floors = [];
  const phases = [];
  const heaps = [];
  let keys = [];
  let keysList = [];
  const textIndex = [];
  const keysOpen = [];
  let other = [];
  let floor = [];
  let counts;
  let map;
  for (let i = 0; i < RUNS; i++) {
    const page = await openPage();
    const r = await page.evaluate((u) => window.benchLoad(u), `/${feed}`);
    counts = r;
    loads.push(r.ms);
    textIndex.push(r.textIndex);
    tails.push(r.afterLastByte);
    const fresh = await openPage();
    floors.push(await fresh.evaluate((u) => window.benchFloorLoad(u), `/${feed}`));
    await fresh.close();
    phases.push(r.phases);
    heaps.push(await heapMB(page));
    if (i < 3) {
      // The query script three times (first runs include JIT warm-up, as a visitor's do).
      const samples = await page.evaluate((t) => window.benchQueries(t), TYPING);
      keys.push(...samples.filter((s) => s.kind === 'keystroke').map((s) => s.ms));
      keysList.push(...samples.filter((s) => s.kind === 'keystroke').map((s) => s.list));
      other.push(...samples.filter((s) => s.kind === 'filter' || s.kind === 'proximity').map((s) => s.ms));
      keysOpen.push(...samples.filter((s) => s.kind === 'keystroke-open').map((s) => s.ms));
      floor.push(...(await page.evaluate((t) => window.benchFloor(t), TYPING)));
    }
    if (WITH_MAP && i < 5) {
      try {
        const m = await page.evaluate(() => window.benchMap());
        (map ??= []).push(m);
      } catch (e) {
        console.error(`map measure failed: ${e.message}`);
      }
    }
    await page.close();
  }
  const all = [...keys, ...other];
  return {
    feed: name,
    structures: counts.structures,
    offers: counts.offers,
    load: { median: median(loads), p95: quantile(loads, 0.95), phases: Object.fromEntries(Object.keys(phases[0]).map((k) => [k, median(phases.map((p) => p[k]))])) },
    afterLastByte: median(tails),
    textIndex: median(textIndex),
    floorLoad: { median: median(floors), p95: quantile(floors, 0.95) },
    keystroke: { median: median(keys), p95: quantile(keys, 0.95), samples: keys.length },
    keystrokeToList: { median: median(keysList), p95: quantile(keysList, 0.95) },
    keystrokeOpenGroup: { median: median(keysOpen), p95: quantile(keysOpen, 0.95) },
    filtersAndProximity: { median: median(other), p95: quantile(other, 0.95), samples: other.length },
    allInteractions: { median: median(all), p95: quantile(all, 0.95) },
    floor: { median: median(floor), p95: quantile(floor, 0.95) },
    ratio: median(keys) / median(floor),
    heapMB: median(heaps),
    map: map ? { median: median(map.map((m) => m.ms)), p95: quantile(map.map((m) => m.ms), 0.95), clusters: map[0].clusters, basemap: map[0].basemap } : undefined,
  };
}

const results = [];
try {
  results.push(await measure('regional', REGIONAL));
  results.push(await measure('national', NATIONAL));
} finally {
  await browser.close();
  server.close();
}

const f = (n) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '—');
const misses = [];
const check = (label, value, max) => {
  const ok = value <= max;
  if (!ok) misses.push(`${label}: ${f(value)} > ${max}`);
  return `${f(value)}${ok ? '' : ' ✗'} (≤ ${max})`;
};
console.log(`\nsos-annuaire benchmark — ${RUNS} runs per feed, Chromium headless, ${new Date().toISOString()}`);
console.log('| measure | regional | national 10k |');
console.log('|---|---|---|');
const [reg, nat] = results;
const row = (label, a, b) => console.log(`| ${label} | ${a} | ${b} |`);
row('structures / offers', `${reg.structures} / ${reg.offers}`, `${nat.structures} / ${nat.offers}`);
row('fetch-to-first-results median ms (`src` set → first results listed; download over loopback included)', check('regional load', reg.load.median, BUDGETS.regional.load), check('national load', nat.load.median, BUDGETS.national.load));
row('fetch-to-first-results p95 ms', f(reg.load.p95), f(nat.load.p95));
row('floor: fetch + JSON.parse alone, same feed, fresh page, median / p95 ms (no widget; machine speed)', `${f(reg.floorLoad.median)} / ${f(reg.floorLoad.p95)}`, `${f(nat.floorLoad.median)} / ${f(nat.floorLoad.p95)}`);
// The machine's speed drifts (±30 % on the development VM): compare national runs by this ratio.
// (Regional: the page's own start-up, not reading the feed, makes most of its time.)
row('fetch-to-first-results ÷ floor (medians)', '—', nat.load.median / nat.floorLoad.median ? (nat.load.median / nat.floorLoad.median).toFixed(2) : '—');
row('left after the last byte, median ms', f(reg.afterLastByte), f(nat.afterLastByte));
const phaseText = (r) => Object.entries(r.load.phases).map(([k, v]) => `${k} ${f(v)}`).join(', ');
row('… of which (median ms; parse/validate: what was not done during the download)', phaseText(reg), phaseText(nat));
row('text index build median ms (once per feed, when the page is idle after the first results)', f(reg.textIndex), f(nat.textIndex));
row('keystroke-to-settled median ms (list, count and filter counts updated)', f(reg.keystroke.median), check('keystroke median', nat.keystroke.median, BUDGETS.national.keyMedian));
row('keystroke-to-settled p95 ms', f(reg.keystroke.p95), check('keystroke p95', nat.keystroke.p95, BUDGETS.national.keyP95));
row('… of which keystroke-to-list median / p95 ms', `${f(reg.keystrokeToList.median)} / ${f(reg.keystrokeToList.p95)}`, `${f(nat.keystrokeToList.median)} / ${f(nat.keystrokeToList.p95)}`);
row('keystroke-to-settled with a filter group open (its counts shown; rendered the frame after the list) median / p95 ms', `${f(reg.keystrokeOpenGroup.median)} / ${f(reg.keystrokeOpenGroup.p95)}`, `${f(nat.keystrokeOpenGroup.median)} / ${f(nat.keystrokeOpenGroup.p95)}`);
row('filters + proximity median / p95 ms', `${f(reg.filtersAndProximity.median)} / ${f(reg.filtersAndProximity.p95)}`, `${f(nat.filtersAndProximity.median)} / ${f(nat.filtersAndProximity.p95)}`);
row('floor (bare loop) median ms', f(reg.floor.median), f(nat.floor.median));
// Regional: a bare loop over 137 structures takes a few microseconds, no ratio is meaningful.
row('ratio widget / floor (median)', '—', check('ratio', nat.ratio, BUDGETS.national.ratio));
row('JS heap after load MB', f(reg.heapMB), check('heap', nat.heapMB, BUDGETS.national.heapMB));
row('map visible → first clustered render median / p95 ms', reg.map ? `${f(reg.map.median)} / ${f(reg.map.p95)}` : '—', nat.map ? `${f(nat.map.median)} / ${f(nat.map.p95)}` : '—');
await writeFile(join(root, 'bench/results.json'), `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, budgets: BUDGETS, results, misses }, null, 2)}\n`);
console.log(`\nbench/results.json written. ${misses.length ? `Budgets missed: ${misses.join('; ')}` : 'All budgets hold.'}`);
process.exit(misses.length ? 1 : 0);
