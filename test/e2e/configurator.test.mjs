// End-to-end (issue 15, point 2): the BUILT configurator (dist/demo/configurateur.html) as a
// webmaster uses it. Its page on one origin (http://localhost), feeds on another
// (http://127.0.0.1): with CORS, without, not JSON, missing. The HTML code copied is then pasted
// in a partner page (the CDN address mapped onto dist/cdn) and must show the directory.
// Run `node scripts/build.mjs --no-docs` first. Nothing leaves 127.0.0.1/localhost.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { CDN_DIR, ROOT, assertClean, feeds, firstNumber, launchBrowser, openPage, requireBuild, waitCount } from './harness.mjs';

// SOS_E2E_DEMO: test another build of the demo site (e.g. a copy while dist/ is being rebuilt).
const DEMO_DIR = process.env.SOS_E2E_DEMO ?? join(ROOT, 'dist/demo');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const CDN = `https://cdn.jsdelivr.net/npm/sos-annuaire@${version.split('.')[0]}/dist/cdn/sos-annuaire.js`;
/** The widget's own French messages (src/feed/errors.ts). */
const MSG = {
  network: "L'annuaire est momentanément inaccessible.",
  notJson: "Le fichier de l'annuaire est illisible.",
};
const PHONE = { width: 375, height: 740, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const MIME = { '.js': 'text/javascript', '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.css': 'text/css' };

function listen(server) {
  return new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', () => ok(server.address().port));
  });
}

async function sendFile(res, dir, path, headers = {}) {
  const file = join(dir, normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(dir) || !(await stat(file).catch(() => null))?.isFile()) {
    res.writeHead(404, headers);
    return res.end('not found');
  }
  res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
  res.end(await readFile(file));
}

let A; // the configurator's site (and the partner pages the copied code is pasted in)
let B; // the DSRC's feed server
let browser;
const partnerPages = new Map();
const servers = [];
const bodies = feeds();
const gironde = JSON.parse(bodies['/feeds/gironde.json']);
const demo = JSON.parse(bodies['/feeds/demo.json']);
/** A structure's département as the widget derives it (the feed's field is optional). */
const departementOf = (s) => s.department ?? s.address.postalCode.slice(0, 2);

before(async () => {
  requireBuild();
  if (!existsSync(join(DEMO_DIR, 'configurateur.html'))) throw new Error(`${DEMO_DIR}/configurateur.html is missing: run \`node scripts/build.mjs --no-docs\` first.`);
  const cors = { 'access-control-allow-origin': '*' };
  const b = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://b');
    const [, mode, name] = /^\/(cors|nocors)\/(.+)$/.exec(pathname) ?? [];
    const headers = { 'cache-control': 'no-store', ...(mode === 'cors' ? cors : {}) };
    if (name === 'broken.json') {
      res.writeHead(200, { 'content-type': 'text/html', ...headers });
      return res.end('<!doctype html><title>Erreur</title><p>Page introuvable</p>');
    }
    const body = bodies[`/feeds/${name}`];
    if (!mode || !body) {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.end(body);
  });
  B = `http://127.0.0.1:${await listen(b)}`;
  const a = createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://a');
    if (pathname === '/favicon.ico') return res.writeHead(204).end();
    if (partnerPages.has(pathname)) {
      res.writeHead(200, { 'content-type': MIME['.html'], 'cache-control': 'no-store' });
      return res.end(partnerPages.get(pathname));
    }
    if (pathname.startsWith('/cdn/')) return sendFile(res, CDN_DIR, pathname.slice(5));
    return sendFile(res, DEMO_DIR, pathname.slice(1));
  });
  A = `http://localhost:${await listen(a)}`;
  servers.push(a, b);
  browser = await launchBrowser();
  await browser.defaultBrowserContext().overridePermissions(A, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((ok) => { s.closeAllConnections?.(); s.close(() => ok()); })));
});

/** Expected console noise of a feed refused on purpose (CORS, 404). */
const refusals = (text) => /blocked by CORS policy|Failed to load resource/.test(text);
/**
 * Feed requests refused on purpose (CORS) are reported failed. A feed whose response arrived and was
 * then let go of (the header probe stops once the headers are in; the busy-machine « aborted »
 * report) is kept apart by the harness. Anything else failing (the page's own files, the widget's
 * chunks) fails the test.
 */
const ignoreFailed = (f) => /^http:\/\/127\.0\.0\.1:\d+\/(nocors|cors)\//.test(f);

async function openConfigurator({ viewport } = {}) {
  const { page, log } = await openPage(browser, `${A}/configurateur.html`, { viewport, allow: refusals });
  await page.waitForFunction(() => document.getElementById('html-code').value.includes('<sos-annuaire'), { timeout: 15000 });
  return { page, log };
}

/** Puts an address in the feed field as a paste does (all at once), or types it key by key. */
async function enterFeed(page, url, { typed = false } = {}) {
  const input = await page.$('#feed');
  await input.focus();
  await input.evaluate((i) => i.select());
  await page.keyboard.press('Backspace');
  if (typed) await input.type(url);
  else await page.keyboard.sendCharacter(url);
}

const status = (page) => page.$eval('#feed-status', (e) => e.textContent.replace(/\s+/g, ' ').trim());
const waitStatus = (page, re) =>
  page.waitForFunction((src, flags) => new RegExp(src, flags).test(document.getElementById('feed-status').textContent), { timeout: 20000 }, re.source, re.flags)
    .catch(async (e) => { throw new Error(`feed status never matched ${re}: « ${await status(page)} » (${e.message})`); });
const code = (page) => page.evaluate(() => ({
  html: document.getElementById('html-code').value,
  wp: document.getElementById('wp-code').value,
  block: document.getElementById('block-code').value,
}));
const choices = (page, name) => page.$$eval(`input[name="${name}"]`, (inputs) => inputs.map((i) => ({ code: i.value, label: i.closest('label').textContent.replace(/\s+/g, ' ').trim() })));
/** The block comment's attributes. */
const blockAttrs = (block) => JSON.parse(/^<!-- wp:sos-annuaire\/annuaire (\{.*\}) \/-->$/.exec(block)[1]);

async function runAxe(page) {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
}

describe('configurator (built demo): the code leads, the feed is checked', () => {
  test('empty state: a clear prompt, and a working snippet with the public CDN address', async () => {
    const { page, log } = await openConfigurator();
    assert.equal(await page.$eval('#feed', (i) => i.value), '', 'the feed field starts empty');
    const hint = await page.$eval('#feed', (i) => [...i.labels, ...i.getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id))].map((e) => e.textContent).join(' '));
    assert.match(hint, /Collez l'adresse du flux publié par votre DSRC, par ex\. https:\/\//);
    const { html, wp, block } = await code(page);
    assert.ok(html.includes(`<script type="module" src="${CDN}"></script>`), html);
    assert.match(html, /<!-- À compléter : .*adresse du flux publié par votre DSRC/);
    assert.match(html, /<sos-annuaire src=""><\/sos-annuaire>/);
    assert.equal(wp, '[annuaire_sos src=""]');
    assert.deepEqual(blockAttrs(block), { src: '' });
    for (const snippet of [html, wp, block]) assert.doesNotMatch(snippet, /\.\/feeds|VOTRE-HEBERGEMENT|demo\.json/, 'no demo feed or placeholder host in the code');
    assert.match(await page.$eval('#code-note', (e) => e.textContent), /À compléter/);
    await assertClean(assert, page, log, { ignoreFailed });
    await page.close();
  });

  test('a pasted feed is checked: its structure count, and the département and category choices it has', async () => {
    const { page, log } = await openConfigurator();
    assert.deepEqual(await choices(page, 'departement'), [], 'no département choice before a feed');
    await enterFeed(page, `${B}/cors/gironde.json`);
    await waitStatus(page, /Flux lisible/);
    const text = await status(page);
    assert.ok(text.includes(gironde.publisher.name), text);
    assert.equal(firstNumber(text.split(gironde.publisher.name)[1]), gironde.structures.length, text);
    const deps = await choices(page, 'departement');
    assert.deepEqual(deps.map((d) => d.code), ['33']);
    assert.match(deps[0].label, new RegExp(`^Gironde \\(33\\) · ${gironde.structures.length}\\s?structures$`));
    const present = new Set(gironde.structures.flatMap((s) => s.offers.map((o) => o.care)));
    const cares = await choices(page, 'care');
    assert.deepEqual(new Set(cares.map((c) => c.code)), present, 'only the categories the feed has');
    for (const c of cares) {
      const n = gironde.structures.filter((s) => s.offers.some((o) => o.care === c.code)).length;
      assert.match(c.label, new RegExp(`· ${n}\\s?structures?$`), c.label);
    }
    const { html, wp, block } = await code(page);
    assert.match(html, new RegExp(`<sos-annuaire src="${B}/cors/gironde.json"></sos-annuaire>`));
    assert.doesNotMatch(html, /À compléter/);
    assert.equal(wp, `[annuaire_sos src="${B}/cors/gironde.json"]`);
    assert.deepEqual(blockAttrs(block), { src: `${B}/cors/gironde.json` });
    assert.match(await page.$eval('#code-note', (e) => e.textContent), /prêt à coller/);
    // The preview switches to the webmaster's feed.
    assert.equal(firstNumber(await waitCount(page, '#apercu', (t) => firstNumber(t) === gironde.structures.length)), gironde.structures.length);
    await assertClean(assert, page, log, { ignoreFailed });
    await page.close();
  });

  test('a typed address is checked after a pause; a feed without CORS gets the CORS message', async () => {
    const { page, log } = await openConfigurator();
    await enterFeed(page, `${B}/nocors/demo.json`, { typed: true });
    await waitStatus(page, /CORS/);
    const text = await status(page);
    assert.ok(text.includes(MSG.network), text);
    assert.match(text, /Access-Control-Allow-Origin: \*/);
    assert.deepEqual(await choices(page, 'departement'), []);
    assert.match(await page.$eval('#code-note', (e) => e.textContent), /n'a pas pu être lu/);
    // The code still carries the address: it works once the DSRC sends the header.
    assert.match((await code(page)).html, new RegExp(`src="${B}/nocors/demo.json"`));
    await assertClean(assert, page, log, { ignoreFailed });
    await page.close();
  });

  test('a feed on the configurator\'s own site without the CORS header: readable here, but a warning for the partners', async () => {
    const { page, log } = await openConfigurator();
    await enterFeed(page, `${A}/feeds/onco-nouvelle-aquitaine.demo.json`);
    await waitStatus(page, /Flux lisible/);
    assert.match(await status(page), /même site que ce configurateur.*Access-Control-Allow-Origin: \*/);
    // The header probe stops its download once the headers are in (kept apart by the harness).
    await assertClean(assert, page, log);
    await page.close();
  });

  test('not JSON, missing file, incomplete address: the widget\'s own messages', async () => {
    const { page, log } = await openConfigurator();
    await enterFeed(page, `${B}/cors/broken.json`);
    await waitStatus(page, /illisible/);
    let text = await status(page);
    assert.ok(text.includes(MSG.notJson), text);
    assert.match(text, /ne contient pas du JSON valide/);
    await enterFeed(page, `${B}/cors/absent.json`);
    await waitStatus(page, /HTTP 404/);
    await enterFeed(page, 'www.exemple-dsrc.fr/flux.json');
    await waitStatus(page, /doit commencer par https:\/\//);
    text = await status(page);
    assert.match((await code(page)).html, /src=""/, 'an incomplete address does not go into the code');
    await assertClean(assert, page, log, { ignoreFailed });
    await page.close();
  });

  test('choices change the three snippets; values are escaped for each of them', async () => {
    const { page, log } = await openConfigurator();
    // Quotes, angle brackets, square brackets and an ampersand in the address (the server ignores the query).
    const url = `${B}/cors/demo.json?a="x"<b>[c]&d=--`;
    await enterFeed(page, url);
    await waitStatus(page, /Flux lisible/);
    await page.click('input[name="departement"][value="33"]');
    await page.click('input[name="care"][value="nutrition"]');
    await page.click('#display-group > summary');
    await page.click('#lock');
    await page.click('input[name="variant"][value="liste"]');
    const { html, wp, block } = await code(page);
    // HTML: the browser reads back exactly what was typed.
    const parsed = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const el = doc.querySelector('sos-annuaire');
      return { count: doc.querySelectorAll('sos-annuaire').length, attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])) };
    }, html);
    assert.deepEqual(parsed, { count: 1, attrs: { src: url, departement: '33', care: 'nutrition', lock: 'departement,care', variant: 'liste' } });
    // Shortcode: one shortcode, no quote or bracket inside a value.
    assert.match(wp, /^\[annuaire_sos( [a-z_]+="[^"[\]<>]*")+\]$/, wp);
    assert.ok(wp.includes(' departement="33" care="nutrition" lock="departement,care" variant="liste"'), wp);
    const decoded = await page.evaluate((v) => { const t = document.createElement('textarea'); t.innerHTML = v; return t.value; }, /src="([^"]*)"/.exec(wp)[1]);
    assert.equal(decoded, url, 'the shortcode value decodes to the address');
    // Block: valid JSON, nothing that ends the comment or reads as markup.
    const json = /^<!-- wp:sos-annuaire\/annuaire (.*) \/-->$/.exec(block)[1];
    assert.doesNotMatch(json, /--|<|>|&/);
    // The block's lock is a toggle (block.json: lockPresets), every preset locked.
    assert.deepEqual(JSON.parse(json), { src: url, departement: '33', care: 'nutrition', lockPresets: true, variant: 'liste' });
    // The closed group's summary says what is chosen.
    assert.match(await page.$eval('#departement-value', (e) => e.textContent), /33/);
    await assertClean(assert, page, log, { ignoreFailed });
    await page.close();
  });

  test('« Copié » beside the button used only; the copied HTML code shows the directory in a page', async () => {
    const { page, log } = await openConfigurator();
    await enterFeed(page, `${B}/cors/demo.json`);
    await waitStatus(page, /Flux lisible/);
    await page.click('input[name="departement"][value="33"]');
    const statuses = () => page.evaluate(() => Object.fromEntries(['html', 'wp', 'block'].map((id) => [id, document.getElementById(`copy-${id}-status`).textContent])));
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await page.click('#copy-wp');
    await page.waitForFunction(() => document.getElementById('copy-wp-status').textContent.includes('Copié'));
    assert.deepEqual(await statuses(), { html: '', wp: 'Copié\u00a0!', block: '' });
    assert.equal(await clipboard(), (await code(page)).wp);
    // The status sits beside its button, in a live region.
    const beside = await page.evaluate(() => {
      const b = document.getElementById('copy-wp').getBoundingClientRect();
      const s = document.getElementById('copy-wp-status');
      const r = s.getBoundingClientRect();
      return { sameParent: s.parentElement === document.getElementById('copy-wp').parentElement, dy: Math.abs(r.top + r.height / 2 - (b.top + b.height / 2)), role: s.getAttribute('role') };
    });
    assert.deepEqual([beside.sameParent, beside.role], [true, 'status']);
    assert.ok(beside.dy < 24, `status beside the button (vertical offset ${beside.dy})`);

    // By keyboard: Tab from the HTML code to its button, Enter.
    await page.focus('#html-code');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'copy-html');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'visible focus on the copy button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('copy-html-status').textContent.includes('Copié'));
    assert.deepEqual(await statuses(), { html: 'Copié\u00a0!', wp: '', block: '' });
    const html = await clipboard();
    assert.equal(html, (await code(page)).html);

    // A change of settings makes the « Copié » stale: it goes.
    await page.click('input[name="audience"][value="patient"]');
    assert.deepEqual(await statuses(), { html: '', wp: '', block: '' });

    // The copied code, pasted as is in a partner page (the public CDN mapped onto dist/cdn).
    partnerPages.set('/partenaire.html', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>CPTS</title></head><body>\n${html.replace(CDN, `${A}/cdn/sos-annuaire.js`)}\n</body></html>`);
    const partner = await openPage(browser, `${A}/partenaire.html`);
    const count = await waitCount(partner.page);
    assert.equal(firstNumber(count), demo.structures.filter((s) => departementOf(s) === '33').length, `Gironde preset applied: ${count}`);
    await assertClean(assert, partner.page, partner.log, { ignoreFailed });
    await partner.page.close();
    await assertClean(assert, page, log, { ignoreFailed });
    await page.close();
  });

  test('phone (375×740): the code right after the settings, no sideways scroll, 44 px targets', async () => {
    const { page, log } = await openConfigurator({ viewport: PHONE });
    const layout = () => page.evaluate(() => {
      const top = (el) => el.getBoundingClientRect().top + window.scrollY;
      const code = document.getElementById('code');
      const small = [];
      for (const el of document.querySelectorAll('button, summary, input:not([type="checkbox"]):not([type="radio"]), textarea, label:has(> input[type="checkbox"]), label:has(> input[type="radio"])')) {
        const r = el.getBoundingClientRect();
        if (r.width && r.height && (r.height < 44 || r.width < 44)) small.push(`${el.localName}#${el.id || el.textContent.trim().slice(0, 20)} ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
      return {
        codeTop: top(code),
        settingsBottom: document.getElementById('settings').getBoundingClientRect().bottom + window.scrollY,
        previewTop: top(document.getElementById('preview')),
        codeBottom: code.getBoundingClientRect().bottom + window.scrollY,
        scrollWidth: document.documentElement.scrollWidth,
        small,
      };
    });
    for (const when of ['empty', 'feed read']) {
      if (when === 'feed read') {
        await enterFeed(page, `${B}/cors/demo.json`);
        await waitStatus(page, /Flux lisible/);
      }
      const l = await layout();
      assert.ok(l.settingsBottom <= l.codeTop, `${when}: settings, then the code`);
      assert.ok(l.codeTop <= 1.5 * PHONE.height, `${when}: code starts at ${l.codeTop} px (≤ 1.5 screens)`);
      assert.ok(l.previewTop >= l.codeBottom, `${when}: the preview comes after the code`);
      assert.ok(l.scrollWidth <= PHONE.width, `${when}: page ${l.scrollWidth} px wide`);
      assert.deepEqual(l.small, [], `${when}: targets under 44 px`);
    }
    // The groups fold on a phone: opening one shows the feed's départements.
    await page.click('#departement-group > summary');
    assert.equal((await choices(page, 'departement')).length, new Set(demo.structures.map(departementOf)).size);
    const l = await layout();
    assert.ok(l.scrollWidth <= PHONE.width, `groups open: page ${l.scrollWidth} px wide`);
    assert.deepEqual(l.small, [], 'groups open: targets under 44 px');
    assert.deepEqual(await runAxe(page), [], 'axe on a phone');
    await assertClean(assert, page, log, { ignoreFailed });
    await page.close();
  });

  test('axe: no violation, empty and with a feed, filters and errors shown', async () => {
    const { page, log } = await openConfigurator();
    await waitCount(page, '#apercu');
    assert.deepEqual(await runAxe(page), [], 'empty state');
    await enterFeed(page, `${B}/cors/demo.json`);
    await waitStatus(page, /Flux lisible/);
    await page.click('input[name="care"][value="nutrition"]');
    await page.click('#copy-html');
    await page.waitForFunction(() => document.getElementById('copy-html-status').textContent.includes('Copié'));
    assert.deepEqual(await runAxe(page), [], 'feed read');
    await enterFeed(page, `${B}/nocors/demo.json`);
    await waitStatus(page, /CORS/);
    assert.deepEqual(await runAxe(page), [], 'CORS message');
    await assertClean(assert, page, log, { ignoreFailed });
    await page.close();
  });
});
