#!/usr/bin/env node
/**
 * Where the time goes: CPU profile of the national feed's load and of the query script, in
 * Chromium, on an unminified CDN build (readable function names). Prints the top self times.
 *   node bench/profile.mjs [load|queries]
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';

const what = process.argv[2] ?? 'load';
const root = resolve(new URL('..', import.meta.url).pathname);
const out = '/tmp/sos-cdn-profile';
spawnSync('npx', ['vite', 'build', '--mode', 'cdn', '--outDir', out, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, SOS_NO_MINIFY: '1' } });

const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const file = path.startsWith('/cdn/') ? join(out, path.slice(5)) : join(root, path);
  try {
    if (!(await stat(file)).isFile()) throw new Error();
    res.writeHead(200, { 'content-type': extname(file) === '.json' ? 'application/json' : extname(file) === '.html' ? 'text/html' : 'text/javascript' });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/bench/page.html`);
await page.waitForFunction(() => typeof window.benchLoad === 'function' && customElements.get('sos-annuaire'));
const cdp = await page.createCDPSession();
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
if (what === 'queries') await page.evaluate(() => window.benchLoad('/bench/.cache/national-10k.json'));
await cdp.send('Profiler.start');
const t = Date.now();
if (what === 'load') await page.evaluate(() => window.benchLoad('/bench/.cache/national-10k.json'));
else await page.evaluate(() => window.benchQueries(['sophro', 'kiné', 'sofrologie', 'bordeaux']));
const wall = Date.now() - t;
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
server.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
console.log(`${what}: ${wall} ms wall`);
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
