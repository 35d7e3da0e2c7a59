// End-to-end (issue 12): the BUILT widget on partner pages from another origin — links that
// reopen a view, Back, two directories, locked presets, hostile parameters, « Ma sélection »
// across a reload and by link, its printed handout and QR codes, string overrides, English errors,
// and the first tap on a result. Run `npm run build` first. Nothing leaves 127.0.0.1/localhost.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, assertClean, firstNumber, launchBrowser, openPage, requireBuild, search, startServers, waitCount } from './harness.mjs';

const KEY = 'onco-nouvelle-aquitaine-demo:finess-160000253';
const NAME = "Centre Hospitalier d'Angoulême";

let servers;
let browser;

before(async () => {
  requireBuild();
  servers = await startServers();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

/** The open card's title in `hostSel` ('' when no card is open). */
const openCard = (page, hostSel = 'sos-annuaire') => page.evaluate((hostSel) => {
  const card = document.querySelector(hostSel)?.shadowRoot?.querySelector('sos-structure-card');
  const dialog = card?.shadowRoot?.querySelector('dialog');
  return dialog?.open ? dialog.querySelector('h2')?.textContent ?? '?' : '';
}, hostSel);

const waitFor = (page, fn, ...args) => page.waitForFunction(fn, { timeout: 15000 }, ...args);
const params = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
/** The address is written once the criteria rest (250 ms). */
const rest = () => new Promise((r) => setTimeout(r, 500));
/**
 * Waits until the address carries `name=value`: written once the criteria rest, by a module the
 * widget loads when the page is idle (later on a busy machine).
 */
const addressSays = (page, name, value) =>
  waitFor(page, (name, value) => new URLSearchParams(location.search).get(name) === value, name, value)
    .catch(async () => assert.fail(`the address never said ${name}=${value}: ${await page.evaluate(() => location.search)}`));

describe('every view has a link (built widget, another origin)', () => {
  test('a link with state reopens the same view: text, filter, open card', async () => {
    const url = `${servers.A}/plain?sos-q=nutrition&sos-care=nutrition&sos-fiche=${encodeURIComponent(KEY)}`;
    const { page, log } = await openPage(browser, url);
    await waitCount(page);
    await waitFor(page, () => document.querySelector('sos-annuaire').shadowRoot.querySelector('sos-structure-card')?.shadowRoot?.querySelector('dialog')?.open);
    assert.equal(await openCard(page), NAME);
    const view = await page.evaluate(() => {
      const a = document.querySelector('sos-annuaire');
      return { query: window.__deepFind(a.shadowRoot, 'input[part="search-input"]').value, care: a.store.criteria.filters.care };
    });
    assert.deepEqual(view, { query: 'nutrition', care: ['nutrition'] });
    await assertClean(assert, page, log);
    await page.close();
  });

  test('Back after opening a card closes it and stays on the page; Back again undoes the search', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/plain`);
    await waitCount(page);
    await page.evaluate(() => (window.__samePage = true));
    await search(page, 'sos-annuaire', 'sophrologie');
    await addressSays(page, 'sos-q', 'sophrologie');
    await page.evaluate(() => window.__deepFind(document.querySelector('sos-annuaire').shadowRoot, '.result-button').click());
    await waitFor(page, () => new URLSearchParams(location.search).has('sos-fiche'));
    // The card's code may still be on its way (a first visit): its dialog opens when it arrives.
    await waitFor(page, () => document.querySelector('sos-annuaire').shadowRoot.querySelector('sos-structure-card')?.shadowRoot?.querySelector('dialog')?.open);
    await page.evaluate(() => history.back());
    await waitFor(page, () => !new URLSearchParams(location.search).has('sos-fiche'));
    await waitFor(page, () => !document.querySelector('sos-annuaire').shadowRoot.querySelector('sos-structure-card').shadowRoot.querySelector('dialog')?.open);
    assert.equal(await page.evaluate(() => window.__samePage), true, 'still the same page');
    assert.equal((await params(page))['sos-q'], 'sophrologie');
    await page.evaluate(() => history.back());
    await waitFor(page, () => document.querySelector('sos-annuaire').store.criteria.query === '');
    assert.equal(await page.evaluate(() => window.__samePage), true);
    await assertClean(assert, page, log);
    await page.close();
  });

  test('two directories keep separate state, in the address and after a reload', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/two-directories`);
    await waitCount(page, '#region');
    await waitCount(page, '#gironde');
    await search(page, '#region', 'nutrition');
    await search(page, '#gironde', 'psychologie');
    await addressSays(page, 'region-sos-q', 'nutrition');
    await addressSays(page, 'gironde-sos-q', 'psychologie');
    const p = await params(page);
    assert.equal(p['region-sos-q'], 'nutrition');
    assert.equal(p['gironde-sos-q'], 'psychologie');
    assert.equal(p['sos-q'], undefined);
    await page.reload({ waitUntil: 'load' });
    await waitCount(page, '#region');
    await waitFor(page, () => document.querySelector('#region').store.criteria.query === 'nutrition' && document.querySelector('#gironde').store.criteria.query === 'psychologie');
    await assertClean(assert, page, log);
    await page.close();
  });

  test('a preset the integrator locked wins over the address', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/locked?sos-care=psychologie&sos-q=atelier`);
    await waitCount(page);
    await waitFor(page, () => document.querySelector('sos-annuaire').store.criteria.query === 'atelier');
    assert.deepEqual(await page.evaluate(() => document.querySelector('sos-annuaire').store.criteria.filters.care), ['nutrition']);
    await assertClean(assert, page, log);
    await page.close();
  });

  test('hostile values in every parameter stay inert', async () => {
    const payloads = ['<img src=x onerror="window.__xss=1">', '"><svg onload=window.__xss=1>', 'javascript:window.__xss=1', '${window.__xss=1}'];
    const names = ['q', 'care', 'subcare', 'departement', 'audience', 'age', 'setting', 'phase', 'access', 'cost', 'pathway', 'opening', 'mssante', 'commune', 'rayon', 'fiche', 'selection', 'voir'];
    for (const payload of payloads) {
      const query = names.map((n) => `sos-${n}=${encodeURIComponent(payload)}`).join('&');
      const { page, log } = await openPage(browser, `${servers.A}/plain?${query}`);
      await waitCount(page, 'sos-annuaire', (t) => /\d|aucun/i.test(t));
      await rest();
      const seen = await page.evaluate(() => {
        const a = document.querySelector('sos-annuaire');
        return {
          xss: window.__xss,
          img: !!window.__deepFind(a.shadowRoot, 'img[src="x"]'),
          svg: !!window.__deepFind(a.shadowRoot, 'svg[onload]'),
          query: window.__deepFind(a.shadowRoot, 'input[part="search-input"]').value,
          filters: Object.values(a.store.criteria.filters).flat(),
          open: a.store.openKey,
          shortlist: a.store.shortlist.length,
        };
      });
      // (undefined values do not cross from the page: absent keys are undefined there.)
      assert.deepEqual(seen, { img: false, svg: false, query: payload, filters: [], shortlist: 0 }, payload);
      await assertClean(assert, page, log);
      await page.close();
    }
  });

  test('« Ma sélection » survives a reload, its link restores it, its handout prints with QR codes of each card', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/plain`, { viewport: { width: 1280, height: 900 } });
    await waitCount(page);
    const picked = await page.evaluate(() => {
      const list = document.querySelector('sos-annuaire').shadowRoot.querySelector('sos-results-list').shadowRoot;
      const results = [...list.querySelectorAll('.result')].slice(0, 2);
      for (const r of results) r.querySelector('.pick').click();
      return results.map((r) => r.dataset.key);
    });
    await addressSays(page, 'sos-selection', picked.join(','));
    await page.reload({ waitUntil: 'load' });
    await waitCount(page);
    await waitFor(page, () => document.querySelector('sos-annuaire').store.shortlist.length === 2);
    const button = await page.evaluate(() => [...document.querySelector('sos-annuaire').shadowRoot.querySelector('sos-results-list').shadowRoot.querySelectorAll('.tools button')].map((b) => b.textContent.trim()));
    assert.deepEqual(button, ['Ma sélection (2)', 'Partager cette recherche']);
    const link = await page.evaluate(() => document.querySelector('sos-annuaire').store.shareLink({ shortlist: true }));
    assert.match(link, /^http:\/\/localhost:\d+\/plain\?sos-selection=.*&sos-voir=selection$/);

    // The link, opened elsewhere: the selection, shown.
    const other = await openPage(browser, link, { viewport: { width: 1280, height: 900 } });
    // The element upgrades once the loader's import() of the main module is done: maybe after `load`.
    await waitFor(other.page, () => document.querySelector('sos-annuaire').shadowRoot?.querySelector('sos-selection')?.shadowRoot?.querySelector('dialog')?.open);
    const names = await other.page.evaluate(() => [...document.querySelector('sos-annuaire').shadowRoot.querySelector('sos-selection').shadowRoot.querySelectorAll('.items .name')].map((n) => n.textContent));
    assert.equal(names.length, 2);

    // Printed: the handout in the print frame.
    await other.page.evaluate(() => {
      const panel = document.querySelector('sos-annuaire').shadowRoot.querySelector('sos-selection').shadowRoot;
      [...panel.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Imprimer la sélection').click();
    });
    await waitFor(other.page, () => document.querySelector('body > iframe')?.contentDocument?.querySelector('.handout li svg'));
    await other.page.addScriptTag({ path: join(ROOT, 'node_modules/jsqr/dist/jsQR.js') });
    const handout = await other.page.evaluate(async () => {
      const doc = document.querySelector('body > iframe').contentDocument;
      const a = document.querySelector('sos-annuaire');
      const items = [...doc.querySelectorAll('.handout li')];
      const decode = async (svg) => {
        const img = new Image();
        img.src = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 400;
        const ctx = canvas.getContext('2d');
        ctx.drawImage(img, 0, 0, 400, 400);
        return window.jsQR(ctx.getImageData(0, 0, 400, 400).data, 400, 400)?.data;
      };
      return {
        title: doc.querySelector('h1').textContent,
        by: doc.querySelector('.by').textContent,
        items: await Promise.all(items.map(async (li) => ({
          name: li.querySelector('h2').textContent,
          text: li.textContent,
          qr: await decode(li.querySelector('svg')),
        }))),
        expected: a.store.shortlist.map((i) => a.store.shareLink({ open: i.key, alone: true })),
        html: doc.documentElement.outerHTML,
        css: [...doc.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'),
      };
    });
    assert.equal(handout.title, 'Soins oncologiques de support : une sélection pour vous');
    assert.match(handout.by, /^Annuaire Onco-Nouvelle-Aquitaine.* — sélection imprimée le \d{2}\/\d{2}\/\d{4}$/);
    assert.deepEqual(handout.items.map((i) => i.name), names);
    for (const item of handout.items) assert.match(item.text, /Vérifié le \d{2}\/\d{2}\/\d{4}/);
    assert.deepEqual(handout.items.map((i) => i.qr), handout.expected, 'each QR code decodes to its card’s link');

    // Each code's link opens its card.
    const fromQr = await openPage(browser, handout.items[0].qr);
    await waitFor(fromQr.page, () => document.querySelector('sos-annuaire').shadowRoot?.querySelector('sos-structure-card')?.shadowRoot?.querySelector('dialog')?.open);
    assert.equal(await openCard(fromQr.page), handout.items[0].name);

    // What the printer gets: the frame's document under print media, as a picture for the closing note.
    const shot = await browser.newPage();
    await shot.setViewport({ width: 794, height: 1123 });
    await shot.setContent(handout.html.replace('</head>', `<style>${handout.css}</style></head>`));
    await shot.emulateMediaType('print');
    const dir = mkdtempSync(join(tmpdir(), 'sos-handout-'));
    const file = join(dir, 'handout-print.png');
    writeFileSync(file, await shot.screenshot({ fullPage: true }));
    console.log(`# handout screenshot: ${file}`);
    await shot.close();

    await assertClean(assert, other.page, other.log);
    await assertClean(assert, fromQr.page, fromQr.log);
    await assertClean(assert, page, log);
    for (const p of [page, other.page, fromQr.page]) await p.close();
  });

  test('a string override shows; English errors are English', async () => {
    const { page, log } = await openPage(browser, `${servers.A}/strings`);
    const count = await waitCount(page);
    assert.match(count, /^\d+ lieux pour vous$/);
    const label = await page.evaluate(() => window.__deepFind(document.querySelector('sos-annuaire').shadowRoot, 'label[for]')?.textContent?.trim());
    assert.equal(label, 'Que cherchez-vous ?');
    await assertClean(assert, page, log);
    await page.close();

    const en = await openPage(browser, `${servers.A}/english-error`, { allow: (text) => /404|Failed to load resource|sos-annuaire/.test(text) });
    await waitFor(en.page, () => window.__deepFind(document.querySelector('sos-annuaire').shadowRoot, '.notice.error'));
    const notice = await en.page.evaluate(() => window.__deepFind(document.querySelector('sos-annuaire').shadowRoot, '.notice.error p').textContent);
    assert.equal(notice, 'The directory server returned an error (HTTP 404).');
    await en.page.close();
  });
});

describe('the first tap or click on a result opens it', () => {
  for (const viewport of [
    { width: 375, height: 740, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    { width: 1280, height: 720 },
  ]) {
    test(`${viewport.width}×${viewport.height}, after scrolling 600 px`, async () => {
      const { page, log } = await openPage(browser, `${servers.A}/plain`, { viewport });
      await waitCount(page);
      await page.evaluate(() => window.scrollBy(0, 600));
      await new Promise((r) => setTimeout(r, 300));
      // A result whose name is in the lower part of the screen (where the first tap used to only scroll).
      const target = await page.evaluate(() => {
        const list = document.querySelector('sos-annuaire').shadowRoot.querySelector('sos-results-list').shadowRoot;
        for (const b of list.querySelectorAll('.result-button')) {
          const r = b.getBoundingClientRect();
          if (r.top > innerHeight * 0.6 && r.bottom < innerHeight - 8) return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2, key: b.closest('.result').dataset.key };
        }
        return null;
      });
      assert.ok(target, 'a result in the lower part of the screen');
      if (viewport.hasTouch) await page.touchscreen.tap(target.x, target.y);
      else await page.mouse.click(target.x, target.y);
      await waitFor(page, () => document.querySelector('sos-annuaire').store.openKey !== undefined);
      assert.equal(await page.evaluate(() => document.querySelector('sos-annuaire').store.openKey), target.key);
      await assertClean(assert, page, log);
      await page.close();
    });
  }
});
