// End-to-end: the BUILT widget (dist/cdn) embedded in partner pages served from another origin.
// Run `npm run build` first. Nothing leaves 127.0.0.1/localhost (see harness.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CSP_CROSS_ORIGIN, CSP_SELF_HOSTED, ROOT, assertClean, countText, deepHandle, deepStyle, fillPolicy, firstNumber,
  launchBrowser, openPage, readmeIntegration, requireBuild, search, startServers, waitCount, waitMapReady,
} from './harness.mjs';

/** Placeholders the README uses in its CSP examples; its snippet loads the npm package's public CDN address. */
const README_WIDGET = 'https://VOTRE-HEBERGEMENT';
const MAJOR = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version.split('.')[0];
const README_SCRIPT = `https://cdn.jsdelivr.net/npm/sos-annuaire@${MAJOR}/dist/cdn/sos-annuaire.js`;
const README_FEED = 'https://www.exemple-dsrc.fr/annuaire-sos.json';
const README_FEED_ORIGIN = 'https://www.exemple-dsrc.fr';

/** The first ```html block of README's integration section that loads the widget. */
function readmeSnippet() {
  const section = readmeIntegration();
  for (const m of section.matchAll(/```html\n([\s\S]*?)```/g)) {
    if (m[1].includes('<script type="module"') && m[1].includes('<sos-annuaire')) return m[1];
  }
  throw new Error('no ```html snippet with <script type="module"> and <sos-annuaire> in README integration section');
}

let servers;
let browser;

before(async () => {
  requireBuild();
  servers = await startServers({
    pageHeaders: (name, { B }) => {
      // report-uri is test-only: a second witness besides the securitypolicyviolation listener.
      if (name === 'csp') return { 'content-security-policy': `${fillPolicy(CSP_CROSS_ORIGIN, { widget: B, feed: B })}; report-uri /csp-report` };
      if (name === 'csp-self') return { 'content-security-policy': `${fillPolicy(CSP_SELF_HOSTED, { widget: '', feed: B })}; report-uri /csp-report` };
      return {};
    },
    extraPages: {
      // A theme with the CDN copy, a plugin with its own copy (another folder: another main module).
      'twice-copies': '<!doctype html>\n<html lang="fr">\n<head><meta charset="utf-8"><title>Deux copies du widget</title>\n<script type="module" src="{{B}}/cdn/sos-annuaire.js"></script></head>\n<body>\n<sos-annuaire src="{{B}}/feeds/demo.json" variant="liste"></sos-annuaire>\n<script type="module" src="{{A}}/self/cdn/sos-annuaire.js"></script>\n</body>\n</html>\n',
      get readme() {
        return `<!doctype html>\n<html lang="fr">\n<head><meta charset="utf-8"><title>Page vierge</title></head>\n<body>\n${readmeSnippet()
          .replaceAll(README_SCRIPT, '{{B}}/cdn/sos-annuaire.js')
          .replaceAll(README_FEED, '{{B}}/feeds/demo.json')}\n</body>\n</html>\n`;
      },
    },
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

describe('the built widget on partner pages (another origin)', () => {
  test('plain page (README snippet shape): results, then a text search updates the count', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/plain`);
    const first = await waitCount(page);
    assert.ok(firstNumber(first) > 100, `demo feed count: ${first}`);
    const after = await search(page, 'sos-annuaire', 'sophro');
    assert.ok(firstNumber(after) > 0 && firstNumber(after) < firstNumber(first), `"sophro" narrows: ${first} -> ${after}`);
    await assertClean(assert, page, log);
    await page.close();
  });

  test('hostile theme: 44 px targets, widget text not the theme\'s red', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/hostile`);
    await waitCount(page);
    const input = await deepStyle(page, 'sos-annuaire', 'input[part="search-input"]', ['color', 'font-size']);
    assert.ok(input && input.height >= 44, `search input height ${input?.height}`);
    const button = await deepStyle(page, 'sos-annuaire', 'button[part="result-button"]', ['color', 'display', 'visibility']);
    assert.ok(button && button.height >= 44 && button.width > 0, `result button box ${button?.width}x${button?.height}`);
    assert.notEqual(button.display, 'none');
    assert.equal(button.visibility, 'visible');
    const submit = await deepStyle(page, 'sos-annuaire', 'button[part="button"]', ['display']);
    assert.ok(submit && submit.height >= 44, `form button height ${submit?.height}`);
    const count = await deepStyle(page, 'sos-annuaire', '[part="count"]', ['color']);
    for (const [what, c] of [['input', input.color], ['result button', button.color], ['count', count.color]]) {
      assert.notEqual(c, 'rgb(255, 0, 0)', `${what} inherits the theme's red`);
    }
    assert.ok(parseFloat(input['font-size']) >= 14, `input font-size ${input['font-size']} (theme sets 10px / 62.5%)`);
    const after = await search(page, 'sos-annuaire', 'sophro');
    assert.ok(firstNumber(after) > 0);
    await assertClean(assert, page, log);
    await page.close();
  });

  test('two directories with different feeds stay independent', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/two-directories`);
    const region = await waitCount(page, '#region');
    const gironde = await waitCount(page, '#gironde');
    assert.notEqual(firstNumber(region), firstNumber(gironde));
    const narrowed = await search(page, '#region', 'sophro');
    assert.ok(firstNumber(narrowed) < firstNumber(region));
    assert.equal(await countText(page, '#gironde'), gironde, 'the other directory did not change');
    const girondeInput = await deepHandle(page, '#gironde', 'input[part="search-input"]');
    assert.equal(await girondeInput.evaluate((i) => i.value), '', 'the query did not leak into the other form');
    const girondeAfter = await search(page, '#gironde', 'nutrition');
    assert.ok(firstNumber(girondeAfter) < firstNumber(gironde));
    assert.equal(await countText(page, '#region'), narrowed);
    await assertClean(assert, page, log);
    await page.close();
  });

  test('script loaded twice (same URL, then ?v=2): one copy of the widget runs, no warning needed, no error', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/twice`);
    await waitCount(page);
    const after = await search(page, 'sos-annuaire', 'sophro');
    assert.ok(firstNumber(after) > 0);
    // Each tag's loader imports the same (hashed) main module: the browser evaluates it once.
    assert.equal(log.requests.filter((u) => /\/cdn\/chunks\/sos-annuaire\.main-[\w-]+\.js$/.test(u)).length, 1, log.requests.join('\n'));
    assert.deepEqual(log.warnings.filter((w) => w.includes('[sos-annuaire]')), []);
    await assertClean(assert, page, log);
    await page.close();
  });

  test('two copies of the widget (a CDN one and a self-hosted one): a warning, no error, it works', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/twice-copies`);
    await waitCount(page);
    const after = await search(page, 'sos-annuaire', 'sophro');
    assert.ok(firstNumber(after) > 0);
    assert.ok(log.warnings.some((w) => w.includes('[sos-annuaire]') && w.includes('chargé deux fois')), 'the double registration is reported as a warning');
    await assertClean(assert, page, log);
    await page.close();
  });

  test('list-only variant never loads the map code', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/list-only`);
    await waitCount(page);
    await search(page, 'sos-annuaire', 'sophro');
    await new Promise((r) => setTimeout(r, 500));
    const mapRequests = log.requests.filter((u) => /maplibre|map-view/.test(u));
    assert.deepEqual(mapRequests, []);
    await assertClean(assert, page, log);
    await page.close();
  });

  test('standalone structure card renders the structure', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/card`);
    await page.waitForFunction(
      () => window.__deepFind(document.querySelector('sos-structure-card').shadowRoot, 'h2')?.textContent?.includes('Angoulême'),
      { polling: 100, timeout: 15000 },
    );
    await assertClean(assert, page, log);
    await page.close();
  });

  test('elements written before the script, script injected after DOMContentLoaded: they upgrade', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/late`);
    const first = await waitCount(page, '#annuaire');
    assert.equal(await page.evaluate(() => window.__undefinedBefore), true, 'elements were not defined before the script ran');
    // The form outside the directory (for="annuaire") drives it.
    const input = await deepHandle(page, 'sos-search-form', 'input[part="search-input"]');
    await input.type('sophro');
    await input.press('Enter');
    const after = await waitCount(page, '#annuaire', (t) => t !== first);
    assert.ok(firstNumber(after) < firstNumber(first));
    await page.waitForFunction(
      () => window.__deepFind(document.querySelector('sos-structure-card').shadowRoot, 'h2')?.textContent?.includes('Bergonié'),
      { polling: 100, timeout: 15000 },
    );
    await assertClean(assert, page, log);
    await page.close();
  });

  test('strict CSP header (widget on another origin): directory and map work, no violation', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/csp`);
    await waitCount(page);
    await waitMapReady(page);
    assert.ok(await page.evaluate(() => !!window.__deepFind(document.querySelector('sos-annuaire').shadowRoot, 'canvas.maplibregl-canvas')));
    // The commune index is another lazy chunk: type into "Près de" to load it under the CSP too.
    const near = await deepHandle(page, 'sos-annuaire', 'input[role="combobox"]');
    await near.type('Bordea');
    await page.waitForFunction(() => window.__deepFind(document.querySelector('sos-annuaire').shadowRoot, '[role="option"]'), { polling: 100, timeout: 15000 });
    await search(page, 'sos-annuaire', 'sophro');
    await new Promise((r) => setTimeout(r, 300));
    await assertClean(assert, page, log);
    assert.deepEqual(servers.cspReports, [], 'CSP reports');
    await page.close();
  });

  test('strict CSP, self-hosted copy (script-src/worker-src \'self\'): directory and map work', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/csp-self`);
    await waitCount(page);
    await waitMapReady(page);
    await search(page, 'sos-annuaire', 'sophro');
    await new Promise((r) => setTimeout(r, 300));
    await assertClean(assert, page, log);
    assert.deepEqual(servers.cspReports, [], 'CSP reports');
    await page.close();
  });

  test('README snippet, copied as-is into a blank page on another origin, works', async () => {
    // Narrow screen: the list shows and the map (default IGN basemap) stays hidden, so nothing
    // would be fetched from a public host. Any such request fails the test.
    assert.ok(readmeSnippet().includes(README_SCRIPT), `the README snippet loads ${README_SCRIPT} (served here from dist/cdn)`);
    const { page, log } = await openPage(browser, `${servers.A}/readme`, { viewport: { width: 420, height: 800 } });
    const first = await waitCount(page);
    const after = await search(page, 'sos-annuaire', 'sophro');
    assert.ok(firstNumber(after) < firstNumber(first));
    await assertClean(assert, page, log);
    await page.close();
  });

  test('README documents the exact CSP the tests use', () => {
    const section = readmeIntegration();
    const cross = fillPolicy(CSP_CROSS_ORIGIN, { widget: README_WIDGET, feed: README_FEED_ORIGIN });
    const self = fillPolicy(CSP_SELF_HOSTED, { widget: README_WIDGET, feed: README_FEED_ORIGIN });
    assert.ok(section.includes(cross), `README integration section should contain:\n${cross}`);
    assert.ok(section.includes(self), `README integration section should contain:\n${self}`);
  });
});

describe('WordPress plugin stays in step with the element', () => {
  test('[annuaire_sos] passes every documented <sos-annuaire> attribute (and id)', () => {
    const element = readFileSync(join(ROOT, 'src/components/sos-annuaire/sos-annuaire.ts'), 'utf8');
    const documented = [...element.matchAll(/@attr\s+([a-z-]+)/g)].map((m) => m[1]);
    assert.ok(documented.length >= 15, `found @attr tags: ${documented}`);
    const php = readFileSync(join(ROOT, 'integrations/wordpress/sos-annuaire/sos-annuaire.php'), 'utf8');
    const block = /const SOS_ANNUAIRE_ATTRIBUTES = array\(([\s\S]*?)\);/.exec(php)?.[1] ?? '';
    const passed = [...block.matchAll(/=>\s*'([a-z-]+)'/g)].map((m) => m[1]);
    assert.deepEqual(documented.filter((a) => !passed.includes(a)), [], 'attributes the shortcode does not pass');
    assert.ok(passed.includes('id'));
  });
});
