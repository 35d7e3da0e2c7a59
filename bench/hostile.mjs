#!/usr/bin/env node
// `node bench/hostile.mjs`: how long a hostile feed holds the page's main thread, on the BUILT
// widget in Chromium (Long Tasks API), beside a floor measured in the same run: the same bytes
// read the ordinary way (`Response.text()` then `JSON.parse`), which is what a page that does not
// guard against them does. Cases: a gzip bomb (200 MB inflated, 0.2 MB on the wire) and a valid
// feed with one 100 MB value (`max-size="150"`). Everything is served from 127.0.0.1.
// Needs `npm run build` first (or run with --build).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { extname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

const root = resolve(new URL('..', import.meta.url).pathname);
if (process.argv.includes('--build') || !existsSync(join(root, 'dist/cdn/sos-annuaire.js'))) {
  execFileSync('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

const MB = 1024 * 1024;
const bomb = gzipSync(Buffer.concat([Buffer.from('{"format":"sos-feed/1","structures":[{"id":"x","description":"'), Buffer.alloc(200 * MB, 'a'), Buffer.from('"}]}')]), { level: 9 });
const start = (id) => `{"id":"${id}","name":"Structure ${id}","kind":"association","address":{"postalCode":"33000","city":"Bordeaux","insee":"33063"},"location":{"lat":44.837,"lon":-0.579},"verifiedAt":"2026-10-01"`;
const offers = (id) => `"offers":[{"id":"${id}-o","care":"psychologie","audiences":["patient"],"settings":["ville"]}]}`;
function huge() {
  const piece = 'x'.repeat(MB);
  return Readable.from((function* () {
    yield `{"format":"sos-feed/1","publisher":{"id":"bench","name":"Banc"},"generatedAt":"2026-11-20T08:00:00Z","structures":[${start('huge')},"description":"`;
    for (let i = 0; i < 100; i++) yield piece;
    yield `",${offers('huge')},${start('a')},${offers('a')},${start('b')},${offers('b')}]}`;
  })());
}

const types = { '.js': 'text/javascript', '.html': 'text/html' };
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/bomb.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    return res.end(bomb);
  }
  if (path === '/huge.json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return huge().pipe(res);
  }
  const page = /^\/page\/(\w+)$/.exec(path);
  if (page) {
    const [feed, max] = page[1] === 'bomb' ? ['/bomb.json', ''] : ['/huge.json', ' max-size="150"'];
    const floor = page[1].startsWith('floor');
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end(`<!doctype html><html lang="fr"><meta charset="utf-8"><body><script>
      window.__longest = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' });
    </script>${floor
      ? `<script>fetch('${page[1] === 'floorbomb' ? '/bomb.json' : '/huge.json'}').then((r) => r.text()).then((t) => { try { JSON.parse(t); } catch {} window.__done = 'floor'; }, () => (window.__done = 'floor'));</script>`
      : `<script type="module" src="/cdn/sos-annuaire.js"></script><sos-annuaire src="${feed}"${max} variant="liste" url-state="off"></sos-annuaire>
         <script>for (const t of ['sos-loaded', 'sos-error']) document.addEventListener(t, (e) => (window.__done = t + ':' + (e.detail.kind ?? e.detail.structures)));</script>`}
    </body></html>`);
  }
  const file = join(root, 'dist', path);
  if (path.startsWith('/cdn/') && existsSync(file)) {
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    return res.end(readFileSync(file));
  }
  res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });

async function measure(name) {
  const page = await browser.newPage();
  const t0 = Date.now();
  await page.goto(`${base}/page/${name}`);
  await page.waitForFunction(() => window.__done, { timeout: 120000 });
  await new Promise((r) => setTimeout(r, 200));
  const [done, longest] = await page.evaluate(() => [window.__done, window.__longest]);
  await page.close();
  return { done, longest: Math.round(longest), total: Date.now() - t0 };
}

console.log('| case | widget: outcome | widget: longest main-thread task | floor (text + JSON.parse of the same bytes): longest task |');
console.log('|---|---|---|---|');
for (const [name, floor, label] of [['bomb', 'floorbomb', 'gzip bomb, 200 MB inflated (0.2 MB on the wire)'], ['huge', 'floorhuge', 'valid feed, one 100 MB value (max-size 150)']]) {
  const w = await measure(name);
  const f = await measure(floor);
  console.log(`| ${label} | ${w.done} in ${w.total} ms | ${w.longest} ms | ${f.longest} ms (${f.total} ms in all) |`);
}
await browser.close();
server.close();
