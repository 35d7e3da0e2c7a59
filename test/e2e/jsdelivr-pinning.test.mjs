// End-to-end: the BUILT loader (dist/cdn/sos-annuaire.js) on jsDelivr's address shape. A stand-in
// on 127.0.0.1 serves dist/cdn under /npm/sos-annuaire@<spec>/dist/cdn/ for any spec, as jsDelivr
// serves the npm package (a range resolved to a version, no redirect). Loaded from the README's
// range address (@<major>), every other file of the widget must come from the exact-version
// address: after a release, a week-old cached loader then still finds its own chunks.
// Run `npm run build` first. Nothing leaves 127.0.0.1/localhost (see harness.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { CDN_DIR, ROOT, assertClean, firstNumber, launchBrowser, openPage, requireBuild, startServers, waitCount } from './harness.mjs';

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const major = version.split('.')[0];

/** jsDelivr's stand-in: /npm/sos-annuaire@<spec>/dist/cdn/<file> → dist/cdn/<file>, with CORS. */
async function startJsdelivr() {
  const requests = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://cdn');
    requests.push(pathname);
    const m = /^\/npm\/sos-annuaire(?:@[^/]+)?\/dist\/cdn\/(.+)$/.exec(pathname);
    const rel = m && normalize(decodeURIComponent(m[1]));
    const file = rel && !rel.startsWith('..') ? join(CDN_DIR, rel) : undefined;
    if (file && (await stat(file).catch(() => null))?.isFile()) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
      return res.end(await readFile(file));
    }
    res.writeHead(404, { 'access-control-allow-origin': '*' });
    res.end();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }) };
}

const page = (head, tag) => `<!doctype html>\n<html lang="fr">\n<head><meta charset="utf-8"><title>Page d'un partenaire</title>${head}</head>\n<body>\n${tag}\n<sos-annuaire src="{{B}}/feeds/demo.json" variant="liste"></sos-annuaire>\n</body>\n</html>\n`;

let cdn;
let servers;
let browser;

before(async () => {
  requireBuild();
  cdn = await startJsdelivr();
  const range = `${cdn.origin}/npm/sos-annuaire@${major}/dist/cdn/sos-annuaire.js`;
  const latest = `${cdn.origin}/npm/sos-annuaire/dist/cdn/sos-annuaire.js`;
  servers = await startServers({
    extraPages: {
      'jsdelivr-module': page('', `<script type="module" src="${range}"></script>`),
      'jsdelivr-classic': page('', `<script src="${range}"></script>`),
      'jsdelivr-latest': page('', `<script type="module" src="${latest}"></script>`),
      // An engine whose stacks name no script: the loader falls back on the last <script src>.
      'jsdelivr-no-stack': page('<script>Error.stackTraceLimit = 0;</script>', `<script type="module" src="${range}"></script>`),
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await servers?.close();
  await cdn?.close();
});

/** The widget's requests to the CDN stand-in, after the loader. */
const widgetFiles = (log) => log.requests.filter((u) => u.startsWith(cdn.origin)).map((u) => new URL(u).pathname);

describe('the loader on jsDelivr pins every file to its exact version', () => {
  for (const [name, shape, loader] of [
    ['jsdelivr-module', `<script type="module"> on @${major}`, `/npm/sos-annuaire@${major}/dist/cdn/sos-annuaire.js`],
    ['jsdelivr-classic', `<script> without type="module" on @${major}`, `/npm/sos-annuaire@${major}/dist/cdn/sos-annuaire.js`],
    ['jsdelivr-latest', '<script type="module"> without a version (the latest)', '/npm/sos-annuaire/dist/cdn/sos-annuaire.js'],
    ['jsdelivr-no-stack', `<script type="module"> on @${major}, stacks without addresses`, `/npm/sos-annuaire@${major}/dist/cdn/sos-annuaire.js`],
  ]) {
    test(`${shape}: the loader from the range address, everything else from @${version}`, async () => {
      const seen = cdn.requests.length;
      const { page: p, log } = await openPage(browser, `${servers.A}/${name}`);
      const count = await waitCount(p);
      assert.ok(firstNumber(count) > 100, `demo feed count: ${count}`);
      // A card opened: one more lazy chunk, fetched from the main module's own (pinned) address.
      await p.evaluate(() => window.__deepFind(document.querySelector('sos-annuaire').shadowRoot, 'button[part="result-button"]').click());
      await p.waitForFunction(() => customElements.get('sos-structure-card'), { polling: 100, timeout: 15000 });
      const files = widgetFiles(log);
      assert.equal(files[0], loader, files.join('\n'));
      const rest = files.slice(1);
      assert.ok(rest.some((f) => /\/chunks\/sos-annuaire\.main-[\w-]+\.js$/.test(f)), `the main module was fetched:\n${files.join('\n')}`);
      assert.ok(rest.some((f) => /\/chunks\/sos-structure-card-[\w-]+\.js$/.test(f)), `the card's chunk was fetched:\n${files.join('\n')}`);
      assert.deepEqual(rest.filter((f) => !f.startsWith(`/npm/sos-annuaire@${version}/dist/cdn/chunks/`)), [], `every file after the loader from @${version}`);
      assert.deepEqual(cdn.requests.slice(seen).filter((r) => r !== loader && !r.startsWith(`/npm/sos-annuaire@${version}/`)), []);
      await assertClean(assert, p, log);
      await p.close();
    });
  }

  test('a self-hosted copy (no jsDelivr address) is left alone: its files come from beside the loader', async () => {
    const { page: p, log } = await openPage(browser, `${servers.A}/plain`);
    await waitCount(p);
    const own = log.requests.filter((u) => u.startsWith(servers.B) && new URL(u).pathname.endsWith('.js')).map((u) => new URL(u).pathname);
    assert.equal(own[0], '/cdn/sos-annuaire.js');
    assert.deepEqual(own.slice(1).filter((f) => !f.startsWith('/cdn/chunks/')), []);
    await assertClean(assert, p, log);
    await p.close();
  });
});
