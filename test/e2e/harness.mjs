// Shared machinery for the end-to-end tests (not a test file itself).
//
// - origin B (http://127.0.0.1:<port>): the "CDN" — the BUILT widget from dist/cdn/ under /cdn/,
//   and the feeds under /feeds/, all with `Access-Control-Allow-Origin: *`;
// - origin A (http://localhost:<port>): the partner's site — test/e2e/pages/*.html, with
//   {{B}} and {{A}} replaced by the origins, optional extra headers per page (a CSP), and a
//   copy of dist/cdn under /self/cdn/ for the self-hosted (same-origin) case;
// - Debian Chromium through puppeteer-core, with a guard that fails on any console error,
//   page error, or request leaving 127.0.0.1/localhost (and DNS for other hosts disabled).
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// SOS_E2E_CDN: test another copy of the CDN build (e.g. a snapshot while dist/ is being rebuilt).
export const CDN_DIR = resolve(process.env.SOS_E2E_CDN ?? join(ROOT, 'dist/cdn'));
export const PAGES_DIR = join(ROOT, 'test/e2e/pages');
// The publisher's workbench as built (npm run build): dist/editeur/, served under /editeur/ on origin A.
export const EDITEUR_DIR = resolve(process.env.SOS_E2E_EDITEUR ?? join(ROOT, 'dist/editeur'));
export const DEMO_FEED = join(ROOT, 'demo/feeds/onco-nouvelle-aquitaine.demo.json');

const MIME = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
};

/** Throws a clear message when the CDN build is missing (the e2e tests run on built files). */
export function requireBuild() {
  if (!existsSync(join(CDN_DIR, 'sos-annuaire.js'))) {
    throw new Error(
      `${join(CDN_DIR, 'sos-annuaire.js')} is missing: the end-to-end tests run against the built widget. ` +
        'Run `npm run build` (or `npx vite build --mode cdn`) first.',
    );
  }
}

/** The demo feed, and a second, smaller feed derived from it (Gironde only, another publisher). */
export function feeds() {
  const demo = JSON.parse(readFileSync(DEMO_FEED, 'utf8'));
  const gironde = {
    ...demo,
    publisher: { ...demo.publisher, id: 'e2e-gironde', name: 'Flux de test — Gironde' },
    structures: demo.structures.filter((s) => s.department === '33'),
  };
  if (gironde.structures.length < 3) throw new Error('the derived Gironde feed is unexpectedly small');
  return {
    '/feeds/demo.json': JSON.stringify(demo),
    '/feeds/gironde.json': JSON.stringify(gironde),
  };
}

async function sendFile(res, file, headers = {}) {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain', ...headers });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
  res.end(await readFile(file));
}

/** Maps /prefix/<path> onto dir/<path>, refusing to leave dir. */
function under(dir, prefix, pathname) {
  if (!pathname.startsWith(prefix)) return undefined;
  const rel = normalize(decodeURIComponent(pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
  const file = join(dir, rel);
  return file.startsWith(dir) ? file : undefined;
}

function listen(server, host) {
  return new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(0, host, () => ok(server.address().port));
  });
}

/** The fields of a multipart/form-data body: { name: [values (strings) or { filename, text }] }. */
function readMultipart(body, contentType) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  const fields = {};
  if (!boundary) return fields;
  const text = body.toString('utf8');
  for (const part of text.split(`--${boundary[1] ?? boundary[2]}`)) {
    const end = part.indexOf('\r\n\r\n');
    if (end < 0) continue;
    const head = part.slice(0, end);
    const value = part.slice(end + 4).replace(/\r\n$/, '');
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    (fields[name] ??= []).push(filename === undefined ? value : { filename, text: value });
  }
  return fields;
}

/**
 * A stand-in for the Base Adresse Nationale's batch geocoder (POST /search/csv/, multipart with
 * `data` = a CSV of addresses and `columns` = the columns to read): the same CSV back with
 * latitude, longitude, result_label, result_score, result_type added to each line. Canned
 * answers: an address with « introuvable » finds nothing, one with « lieu-dit » a weak match
 * (score 0.42, the commune only); others a house number (0.93) at a position made from the postal code.
 */
export function fakeGeocoder(fields) {
  const file = fields.data?.[0];
  const csv = typeof file === 'string' ? file : file?.text ?? '';
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const delimiter = (lines[0] ?? '').includes(';') ? ';' : ',';
  const parse = (line) => {
    const out = [];
    let cell = '', quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === delimiter) { out.push(cell); cell = ''; } else cell += c;
    }
    out.push(cell);
    return out;
  };
  const quote = (v) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const header = parse(lines[0] ?? '');
  const columns = (fields.columns ?? []).map((c) => header.indexOf(c)).filter((i) => i >= 0);
  const cp = header.indexOf('code_postal');
  const out = [[...header, 'latitude', 'longitude', 'result_label', 'result_score', 'result_type'].join(delimiter)];
  for (const line of lines.slice(1)) {
    const cells = parse(line);
    const query = columns.map((i) => cells[i]).join(' ');
    const code = (cells[cp] ?? '00000').padStart(5, '0');
    let answer;
    if (/introuvable/i.test(query)) answer = ['', '', '', '', ''];
    else if (/lieu-dit/i.test(query)) answer = [String(44 + Number(code.slice(2)) / 1000), String(-0.5 + Number(code.slice(0, 2)) / 100), `${code} (commune)`, '0.42', 'municipality'];
    else answer = [String(44.5 + Number(code.slice(2)) / 1000 + 0.0123), String(-0.4 + Number(code.slice(0, 2)) / 100 + 0.0045), `${query} (trouvé)`, '0.93', 'housenumber'];
    out.push([...cells, ...answer].map(quote).join(delimiter));
  }
  return `${out.join('\r\n')}\r\n`;
}

/**
 * Starts origins A and B. `pageHeaders(name, origins)` may return extra headers for a page
 * (e.g. a Content-Security-Policy); `extraPages` maps a page name to generated HTML.
 * Returns { A, B, requestsB, cspReports, geocoderRequests, close }.
 */
export async function startServers({ pageHeaders = () => ({}), extraPages = {} } = {}) {
  const feedBodies = feeds();
  const requestsB = [];
  const cspReports = [];
  const geocoderRequests = [];
  const cors = { 'access-control-allow-origin': '*' };

  const serverB = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://b');
    requestsB.push(pathname);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-headers': '*' });
      return res.end();
    }
    if (feedBodies[pathname]) {
      res.writeHead(200, { 'content-type': MIME['.json'], 'cache-control': 'no-store', ...cors });
      return res.end(feedBodies[pathname]);
    }
    // The geocoder's stand-in (another origin, like the real one), for the workbench.
    if (pathname === '/ban/search/csv/' && req.method === 'POST') {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const fields = readMultipart(Buffer.concat(chunks), req.headers['content-type']);
      geocoderRequests.push(fields);
      res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', ...cors });
      return res.end(fakeGeocoder(fields));
    }
    const file = under(CDN_DIR, '/cdn/', pathname) ?? under(join(ROOT, 'test/e2e/fixtures'), '/fixtures/', pathname);
    if (file) return sendFile(res, file, cors);
    res.writeHead(404, cors);
    res.end();
  });
  const portB = await listen(serverB, '127.0.0.1');
  const B = `http://127.0.0.1:${portB}`;

  let A = '';
  const serverA = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://a');
    if (pathname === '/csp-report' && req.method === 'POST') {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      cspReports.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(204);
      return res.end();
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    // Self-hosted copy of the widget and of the feeds (the intranet case).
    const self = under(CDN_DIR, '/self/cdn/', pathname);
    if (self) return sendFile(res, self);
    // The built workbench, as a DSRC hosts it (a folder with index.html).
    if (pathname.startsWith('/editeur/')) {
      const file = under(EDITEUR_DIR, '/editeur/', pathname.endsWith('/') ? `${pathname}index.html` : pathname);
      if (file) return sendFile(res, file);
    }
    if (pathname.startsWith('/self/feeds/') && feedBodies[pathname.slice(5)]) {
      res.writeHead(200, { 'content-type': MIME['.json'], 'cache-control': 'no-store' });
      return res.end(feedBodies[pathname.slice(5)]);
    }
    const name = pathname.replace(/^\/+/, '').replace(/\.html$/, '');
    let html;
    try {
      html = extraPages[name];
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      return res.end(String(err));
    }
    if (html === undefined) {
      const file = under(PAGES_DIR, '/', `/${name}.html`);
      if (!file || !existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('no such page');
      }
      html = readFileSync(file, 'utf8');
    }
    html = html.replaceAll('{{B}}', B).replaceAll('{{A}}', A);
    res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store', ...pageHeaders(name, { A, B }) });
    res.end(html);
  });
  const portA = await listen(serverA, '127.0.0.1');
  A = `http://localhost:${portA}`;

  return {
    A,
    B,
    requestsB,
    cspReports,
    geocoderRequests,
    close: () => Promise.all([serverA, serverB].map((s) => new Promise((ok) => { s.closeAllConnections?.(); s.close(() => ok()); }))),
  };
}

export const CHROME_FLAGS = [
  '--no-sandbox', '--enable-unsafe-swiftshader', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchBrowser() {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    // Second safety net besides request interception: no name resolves except the loopback ones.
    args: [...CHROME_FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
    defaultViewport: { width: 1280, height: 900 },
  });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for URLs that never leave the browser or the machine. */
export function isLocal(url) {
  if (/^(data|blob|about|chrome-error):/.test(url)) return true;
  try {
    return LOCAL_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Opens a page in its own window (a background tab runs neither requestAnimationFrame nor
 * IntersectionObserver) with the guards installed before any script runs:
 *   problems.console / .pageErrors / .outside / .failed, requests (every URL), warnings,
 *   window.__csp (securitypolicyviolation events), window.__events (sos-* events).
 */
export async function openPage(browser, url, { viewport, allow = () => false } = {}) {
  const page = await browser.newPage({ type: 'window' });
  if (viewport) await page.setViewport(viewport);
  const log = { console: [], pageErrors: [], outside: [], failed: [], abortedAfterResponse: [], requests: [], warnings: [] };
  page.on('console', (msg) => {
    const text = msg.text();
    const where = msg.location()?.url ?? '';
    if (msg.type() === 'error' && !allow(text, where)) log.console.push(`${text} @ ${where}`);
    if (msg.type() === 'warn' || msg.type() === 'warning') log.warnings.push(text);
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err?.stack ?? err)));
  page.on('requestfailed', (req) => {
    if (!isLocal(req.url())) return;
    const error = req.failure()?.errorText ?? '';
    // A fetch whose 2xx response had arrived may still be reported « aborted » once the page has
    // read its body to the end (the widget reads small feeds through a reader, to bound what a gzip
    // bomb inflates to): under load the renderer lets go of the loader before the network service
    // says it finished. Seen 1 run in 10 on a busy machine, with the feed read whole (sos-loaded,
    // all its structures, not stale). What the page shows is asserted by each test; kept apart here.
    if (error === 'net::ERR_ABORTED' && req.resourceType() === 'fetch' && req.response()?.ok()) {
      log.abortedAfterResponse.push(req.url());
      return;
    }
    log.failed.push(`${req.url()} ${error}`);
  });
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    const u = req.url();
    log.requests.push(u);
    if (!isLocal(u)) {
      log.outside.push(u);
      return req.abort('blockedbyclient');
    }
    return req.continue();
  });
  await page.evaluateOnNewDocument(() => {
    window.__csp = [];
    window.__events = [];
    // Finds the first element matching `sel` in `root` or any shadow root below it. Defined
    // here (not with eval) so that it works under a CSP without 'unsafe-eval'.
    window.__deepFind = (root, sel) => {
      const walk = (node) => {
        const hit = node.querySelector(sel);
        if (hit) return hit;
        for (const el of node.querySelectorAll('*')) {
          if (el.shadowRoot) {
            const found = walk(el.shadowRoot);
            if (found) return found;
          }
        }
        return null;
      };
      return root ? walk(root) : null; // an element not upgraded yet has no shadow root
    };
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
    for (const type of ['sos-loaded', 'sos-error', 'sos-map-ready']) {
      document.addEventListener(type, (e) => window.__events.push({ type, target: e.composedPath()[0]?.localName, id: e.target?.id }));
    }
  });
  await page.goto(url, { waitUntil: 'load', timeout: 20000 });
  return { page, log };
}

/** Asserts the page stayed clean: no console error, no page error, nothing outside, no failed local request, no CSP violation. */
export async function assertClean(assert, page, log, { ignoreFailed = () => false } = {}) {
  const csp = await page.evaluate(() => window.__csp ?? []);
  assert.deepEqual(log.outside, [], 'requests left 127.0.0.1/localhost');
  assert.deepEqual(log.pageErrors, [], 'page errors');
  assert.deepEqual(log.console, [], 'console errors');
  assert.deepEqual(log.failed.filter((f) => !ignoreFailed(f)), [], 'failed local requests');
  assert.deepEqual(csp, [], 'securitypolicyviolation events');
}

// ---- reading the widget (through shadow roots) -------------------------------------------

/** The results count heading of the n-th <sos-annuaire> (or of `hostSel`). */
export function countText(page, hostSel = 'sos-annuaire') {
  return page.evaluate((hostSel) => {
    const find = window.__deepFind;
    const host = document.querySelector(hostSel);
    if (!host) return null;
    const el = find(host.shadowRoot ?? host, '[part="count"]');
    return el?.textContent?.trim() ?? null;
  }, hostSel);
}

/** Waits until the count heading of `hostSel` exists and satisfies `pred(text)`. */
export async function waitCount(page, hostSel = 'sos-annuaire', pred = (t) => /\d/.test(t), timeout = 15000) {
  const t0 = Date.now();
  let last = null;
  while (Date.now() - t0 < timeout) {
    last = await countText(page, hostSel);
    if (last && pred(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`count of ${hostSel} never matched (last: ${JSON.stringify(last)})`);
}

/** First integer in a count sentence ("137 structures…" -> 137). */
export const firstNumber = (text) => Number(/(\d[\d\s\u202f\u00a0]*)/.exec(text ?? '')?.[1]?.replace(/\D/g, '') ?? NaN);

/** An element handle deep inside `hostSel`'s shadow tree. */
export async function deepHandle(page, hostSel, sel) {
  const handle = await page.evaluateHandle((hostSel, sel) => {
    const find = window.__deepFind;
    const host = document.querySelector(hostSel);
    return host ? find(host.shadowRoot ?? host, sel) : null;
  }, hostSel, sel);
  const el = handle.asElement();
  if (!el) throw new Error(`no ${sel} inside ${hostSel}`);
  return el;
}

/** Types a query into the search input of `hostSel` and waits for the count to change. */
export async function search(page, hostSel, query) {
  const before = await countText(page, hostSel);
  const input = await deepHandle(page, hostSel, 'input[part="search-input"]');
  await input.click({ clickCount: 3 });
  await input.type(query);
  await input.press('Enter');
  return waitCount(page, hostSel, (t) => t !== before && /\d|aucun/i.test(t));
}

/** Computed style facts of a deep element: box size and a few properties. */
export function deepStyle(page, hostSel, sel, props) {
  return page.evaluate((hostSel, sel, props) => {
    const find = window.__deepFind;
    const host = document.querySelector(hostSel);
    const el = host && find(host.shadowRoot ?? host, sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return { width: r.width, height: r.height, ...Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])) };
  }, hostSel, sel, props);
}

/** Waits for a `sos-map-ready` event recorded on the page. */
export async function waitMapReady(page, timeout = 20000) {
  await page.waitForFunction(() => window.__events?.some((e) => e.type === 'sos-map-ready'), { polling: 100, timeout });
}

// ---- the Content-Security-Policy a host page needs (documented in README's integration guide) --

/**
 * The strictest policy under which the whole widget (list, map on the offline basemap, commune
 * search chunk) works when loaded from another origin ({WIDGET}) and reading a feed from {FEED}.
 * README shows these exact strings with {WIDGET} = https://VOTRE-HEBERGEMENT and
 * {FEED} = https://www.exemple-dsrc.fr (test/e2e/embedding.test.mjs checks it).
 * - worker-src needs blob: (MapLibre wraps a cross-origin worker in a blob: module) AND the
 *   widget's origin (the blob worker's `import` of the real worker is checked against worker-src);
 * - img-src data: for MapLibre's control icons (CSS data: URIs);
 */
export const CSP_CROSS_ORIGIN = "default-src 'none'; script-src {WIDGET}; worker-src blob: {WIDGET}; connect-src {FEED}; img-src data:";
/** Self-hosted copy (intranets that allow only 'self' for scripts and workers). */
export const CSP_SELF_HOSTED = "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src {FEED}; img-src data:";

export const fillPolicy = (policy, { widget, feed }) => policy.replaceAll('{WIDGET}', widget).replaceAll('{FEED}', feed);

/** The README's integration section (between the integration:start/end markers). */
export function readmeIntegration() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('<!-- integration:start -->');
  const end = readme.indexOf('<!-- integration:end -->');
  if (start < 0 || end < start) throw new Error('README.md has no <!-- integration:start/end --> section');
  return readme.slice(start, end);
}
