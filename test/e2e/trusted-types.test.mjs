// End-to-end: the BUILT widget on partner pages that enforce Trusted Types
// (`require-trusted-types-for 'script'`), on top of the strict CSP of the README.
// Run `npm run build` first. Nothing leaves 127.0.0.1/localhost (see harness.mjs).
//
// The widget needs two policy names: « lit-html » (Lit's, for its templates) and « sos-annuaire »
// (the widget's own, src/base/trusted-types.ts, for the map's worker URL only).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CSP_CROSS_ORIGIN, CSP_SELF_HOSTED, assertClean, deepHandle, fillPolicy, firstNumber, launchBrowser, openPage,
  requireBuild, search, startServers, waitCount, waitMapReady,
} from './harness.mjs';

/** The Trusted Types directives each page adds to the README's CSP (what the README should show). */
const TT_WIDGET = "require-trusted-types-for 'script'; trusted-types lit-html sos-annuaire";
const TT_NONE = "require-trusted-types-for 'script'; trusted-types 'none'";
const TT_LIT_ONLY = "require-trusted-types-for 'script'; trusted-types lit-html";

const REFUSED =
  '[sos-annuaire] Trusted Types : la politique « sos-annuaire » est refusée par la page. ' +
  'Ajoutez « sos-annuaire » (et « lit-html ») à la directive trusted-types de la politique de sécurité du contenu.';

let servers;
let browser;

before(async () => {
  requireBuild();
  servers = await startServers({
    pageHeaders: (name, { B }) => {
      const cross = fillPolicy(CSP_CROSS_ORIGIN, { widget: B, feed: B });
      // report-uri is test-only: a second witness besides the securitypolicyviolation listener.
      const policies = {
        'trusted-types': `${cross}; ${TT_WIDGET}`,
        'trusted-types-self': `${fillPolicy(CSP_SELF_HOSTED, { widget: '', feed: B })}; ${TT_WIDGET}`,
        'trusted-types-none': `${cross}; ${TT_NONE}`,
        'trusted-types-lit-only': `${cross}; ${TT_LIT_ONLY}`,
      };
      return policies[name] ? { 'content-security-policy': `${policies[name]}; report-uri /csp-report` } : {};
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

/** The CSP reports sent by one page (the reports of all pages land in one list). */
const reportsOf = (page) =>
  servers.cspReports.filter((r) => new URL(JSON.parse(r)['csp-report']['document-uri']).pathname === `/${page}`);

const deepText = (page, sel) =>
  page.evaluate((sel) => window.__deepFind(document.querySelector('sos-annuaire')?.shadowRoot, sel)?.textContent ?? null, sel);

/** Waits until `pred(log)` holds (the console is read as messages arrive). */
async function waitLog(log, pred, what, timeout = 15000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    if (pred(log)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} never happened; console errors: ${JSON.stringify(log.console)}, warnings: ${JSON.stringify(log.warnings)}`);
}

describe('the built widget on pages that enforce Trusted Types', () => {
  test('« lit-html » and « sos-annuaire » allowed (widget on another origin): directory and map work, no violation', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/trusted-types`);
    const first = await waitCount(page);
    assert.ok(firstNumber(first) > 100, `demo feed count: ${first}`);
    await waitMapReady(page);
    assert.ok(await page.evaluate(() => !!window.__deepFind(document.querySelector('sos-annuaire').shadowRoot, 'canvas.maplibregl-canvas')));
    // The credits, built without MapLibre's HTML parser (a Trusted Types sink).
    assert.match(await deepText(page, '.maplibregl-ctrl-attrib-inner') ?? '', /Admin Express/);
    // Lazy chunks under Trusted Types: dynamic import() is no sink (the commune index).
    const near = await deepHandle(page, 'sos-annuaire', 'input[role="combobox"]');
    await near.type('Bordea');
    await page.waitForFunction(() => window.__deepFind(document.querySelector('sos-annuaire').shadowRoot, '[role="option"]'), { polling: 100, timeout: 15000 });
    const after = await search(page, 'sos-annuaire', 'sophro');
    assert.ok(firstNumber(after) > 0 && firstNumber(after) < firstNumber(first), `"sophro" narrows: ${first} -> ${after}`);
    await new Promise((r) => setTimeout(r, 300));
    await assertClean(assert, page, log);
    assert.deepEqual(reportsOf('trusted-types'), [], 'CSP reports');
    await page.close();
  });

  test('same, widget copied on the page\'s own server (the worker without a blob: wrapper)', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/trusted-types-self`);
    await waitCount(page);
    await waitMapReady(page);
    await search(page, 'sos-annuaire', 'sophro');
    await new Promise((r) => setTimeout(r, 300));
    await assertClean(assert, page, log);
    assert.deepEqual(reportsOf('trusted-types-self'), [], 'CSP reports');
    await page.close();
  });

  test('« sos-annuaire » not allowed: the list works, one French message says what to allow, the map stays out', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/trusted-types-lit-only`);
    const first = await waitCount(page);
    assert.ok(firstNumber(first) > 100, `demo feed count: ${first}`);
    await waitLog(log, (l) => l.console.some((m) => m.startsWith(REFUSED)), 'the French message');
    const after = await search(page, 'sos-annuaire', 'sophro');
    assert.ok(firstNumber(after) > 0 && firstNumber(after) < firstNumber(first));
    await new Promise((r) => setTimeout(r, 500));

    assert.deepEqual(log.pageErrors, [], 'page errors (an unhandled rejection is one)');
    assert.equal(log.console.filter((m) => m.startsWith(REFUSED)).length, 1, 'the message is said once');
    // Besides it, only the browser's own report of the refused policy.
    const others = log.console.filter((m) => !m.startsWith(REFUSED));
    assert.ok(others.every((m) => /^Creating a TrustedTypePolicy named 'sos-annuaire' violates/.test(m)), `other console errors: ${JSON.stringify(others)}`);
    // No sink was ever given a string: the only violation is the policy's creation.
    const csp = await page.evaluate(() => window.__csp);
    assert.ok(csp.length > 0 && csp.every((v) => v.startsWith('trusted-types blocked trusted-types-policy')), `violations: ${JSON.stringify(csp)}`);
    assert.ok(!log.requests.some((u) => u.includes('maplibre-gl-worker')), 'no worker was started');
    assert.equal(await page.evaluate(() => window.__events.some((e) => e.type === 'sos-map-ready')), false);
    assert.deepEqual(log.outside, []);
    await page.close();
  });

  test("trusted-types 'none': no uncaught error, one French message names the policies to allow, a line of text in the page", async () => {
    const { page, log } = await openPage(browser, `${servers.A}/trusted-types-none`);
    await page.waitForFunction(() => document.querySelector('sos-annuaire')?.shadowRoot?.textContent, { polling: 100, timeout: 15000 });
    const shown = await page.evaluate(() => document.querySelector('sos-annuaire').shadowRoot.textContent);
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(log.pageErrors, [], 'page errors');
    assert.equal(shown, "L'annuaire ne peut pas s'afficher sur cette page (politique de sécurité du site).");
    const said = log.console.filter((m) => m.startsWith('[sos-annuaire]'));
    assert.equal(said.length, 1, `widget messages: ${JSON.stringify(said)}`);
    assert.ok(said[0].includes('« lit-html »') && said[0].includes('« sos-annuaire »'), said[0]);
    // No sink was given a string: the only violation is the refused policy itself.
    const csp = await page.evaluate(() => window.__csp);
    assert.ok(csp.every((v) => v.startsWith('trusted-types blocked trusted-types-policy')), `violations: ${JSON.stringify(csp)}`);
    // The page's own trustedTypes object is left as it was.
    assert.equal(await page.evaluate(() => Object.prototype.hasOwnProperty.call(window.trustedTypes, 'createPolicy')), false);
    await page.close();
  });
});
