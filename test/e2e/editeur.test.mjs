// End-to-end (issue 13): the BUILT publisher's workbench (dist/editeur/, as a DSRC hosts it) in
// Debian Chromium — the steward's Windows-1252 CSV and .xlsx with ordinary mistakes, every problem
// at once with its row, column and suggestion, one-click fixes, geocoding against a local stand-in
// of the national geocoder, publishing guards, downloads that validate and reopen, axe in every
// state. Run `npm run build` first. Nothing leaves 127.0.0.1/localhost.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EDITEUR_DIR, ROOT, assertClean, launchBrowser, openPage, startServers } from './harness.mjs';
import { HEADER, ROWS, csvText, windows1252 } from './editeur-fixtures.mjs';

const dir = mkdtempSync(join(tmpdir(), 'sos-editeur-'));
const CSV = join(dir, 'annuaire-dsrc.csv');
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

let servers;
let browser;

before(async () => {
  if (!existsSync(join(EDITEUR_DIR, 'index.html'))) {
    throw new Error(`${EDITEUR_DIR}/index.html is missing: the workbench tests run on the built files. Run \`npm run build\` first.`);
  }
  writeFileSync(CSV, windows1252(csvText()));
  servers = await startServers();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await servers?.close();
  rmSync(dir, { recursive: true, force: true });
});

// ---- reading and driving the workbench (its shadow root) ------------------------------------

/** Opens the built workbench; `attrs` are set on <sos-editeur> before anything is opened. */
async function openBench(attrs = {}) {
  const { page, log } = await openPage(browser, `${servers.A}/editeur/`);
  await page.waitForFunction(() => customElements.get('sos-editeur') && document.querySelector('sos-editeur').shadowRoot?.querySelector('[role=tablist]'));
  await page.evaluate((attrs) => {
    const el = document.querySelector('sos-editeur');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  }, attrs);
  return { page, log };
}

const inBench = (page, fn, ...args) => page.evaluate(fn, ...args);

/** The live region's text. */
const status = (page) => inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=status]').textContent.trim());

/** Waits until the live region says something matching `re`. */
async function waitStatus(page, re, timeout = 15000) {
  try {
    await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('sos-editeur').shadowRoot.querySelector('[role=status]').textContent), { timeout, polling: 50 }, re.source);
  } catch {
    throw new Error(`status never matched ${re} (last: ${JSON.stringify(await status(page))})`);
  }
  return status(page);
}

/** Uploads a file through the « Ouvrir » step's file input, and waits for it to be read. */
async function upload(page, file) {
  await showTab(page, 'ouvrir');
  const input = (await page.evaluateHandle(() => document.querySelector('sos-editeur').shadowRoot.querySelector('#file'))).asElement();
  await input.uploadFile(file);
  return waitStatus(page, /ouvert|ne peut|n’est pas|illisible/);
}

/** Activates a step with the keyboard (arrows in the tab list), as a keyboard user would. */
async function showTab(page, id) {
  const ids = await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('[role=tab]')].map((t) => t.id.slice(4)));
  assert.ok(ids.includes(id), `no tab ${id} in ${ids}`);
  await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tab][aria-selected=true]').focus());
  for (let guard = 0; guard < ids.length; guard++) {
    const current = await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tab][aria-selected=true]').id.slice(4));
    if (current === id) break;
    await page.keyboard.press('ArrowRight');
  }
  const focused = await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.activeElement?.id);
  assert.equal(focused, `tab-${id}`, 'the focus follows the selected tab');
}

/** The problems shown in « Vérifier », grouped as on screen: [{ title, items: [text] }]. */
async function problems(page) {
  await showTab(page, 'verifier');
  return inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('[role=tabpanel] section.group')].map((g) => ({
    title: g.querySelector('h3').textContent.replace(/\s+/g, ' ').trim(),
    items: [...g.querySelectorAll('li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
  })));
}

/** Clicks the button of the panel whose text matches `re`. */
async function click(page, re) {
  const done = await inBench(page, (src) => {
    const b = [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('[role=tabpanel] button, dialog button')].find((x) => new RegExp(src).test(x.textContent));
    b?.click();
    return !!b;
  }, re.source);
  assert.ok(done, `no button matching ${re}`);
}

/** axe-core on the whole page (shadow roots included): the violations, as short lines. */
async function axe(page, state) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`));
  assert.deepEqual(violations, [], `axe, ${state}`);
}

// ---- the tests ------------------------------------------------------------------------------

describe('the publisher’s workbench (built, dist/editeur/)', () => {
  test('a Windows-1252 « ; » CSV with ordinary mistakes: every problem at once, by structure name, with row, column and suggestion; one click fixes them', async () => {
    const { page, log } = await openBench();
    await axe(page, 'empty workbench');
    const said = await upload(page, CSV);
    assert.match(said, /« annuaire-dsrc\.csv » ouvert/);
    assert.match(said, /Windows-1252, séparateur « ; »/);

    const groups = await problems(page);
    const titles = groups.map((g) => g.title);
    // Grouped by the structure's name, never an index.
    for (const name of ['Centre hospitalier d’Exemple (chu-exemple)', 'Comité de la Haute-Vienne (ligue-87)', 'Association Rose Espoir (asso-rose)', 'Maison de santé du Lac (msp-lac)']) {
      assert.ok(titles.includes(name), `group « ${name} » in ${JSON.stringify(titles)}`);
    }
    const all = groups.flatMap((g) => g.items).join('\n');
    // Each label typed for a code: its row, its column, the suggested code, a button to apply it.
    const expect = [
      [3, 'soin', 'Socio-esthétique', 'image-de-soi'],
      [4, 'type_structure', 'Comité de la Ligue', 'comite-ligue'],
      [4, 'publics', 'Aidants', 'proche-aidant'],
      [5, 'lieux', 'Téléconsultation', 'distance'],
      [3, 'phases', 'Après traitement', 'apres-traitement'],
    ];
    for (const [row, column, typed, code] of expect) {
      const line = groups.flatMap((g) => g.items).find((t) => t.includes(`ligne ${row}, colonne « ${column} »`) && t.includes(typed));
      assert.ok(line, `a problem at row ${row}, column ${column} about « ${typed} »:\n${all}`);
      assert.match(line, new RegExp(`Appliquer : ${code}`), `suggests ${code}: ${line}`);
    }
    // The phone whose leading zero Excel dropped: restored, and said.
    assert.match(all, /ligne 4, colonne « telephone » : « 555000000 » complété en « 05 55 00 00 00 »/);
    // JJ/MM/AAAA dates are read: no problem on the 15/09/2026 of row 2 (only the stale ones are remarked).
    assert.doesNotMatch(all, /ligne 2, colonne « verifie_le »/);
    assert.match(all, /vérifiées le 2025-10-10, il y a plus de 12 mois/);
    // The structure typed twice (same FINESS).
    assert.match(all, /ligne 9, colonne « finess » : même FINESS « 330000001 » que la structure « chu-exemple » \(ligne 2\)/);
    await axe(page, 'problems listed');

    // One suggestion, by its own button (the keyboard reaches it: a real <button>).
    await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('button.apply')].find((b) => b.textContent.includes('comite-ligue')).focus());
    await page.keyboard.press('Enter');
    assert.match(await waitStatus(page, /« comite-ligue » appliqué/), /ligne 4, colonne « type_structure »/);
    const after1 = (await problems(page)).flatMap((g) => g.items).join('\n');
    assert.doesNotMatch(after1, /Comité de la Ligue"/, 'the kind is fixed');

    // Then all the others at once.
    await click(page, /^Appliquer les \d+ suggestions$/);
    await waitStatus(page, /suggestions appliquées/);
    const left = (await problems(page)).flatMap((g) => g.items).join('\n');
    for (const [, , typed] of expect) assert.doesNotMatch(left, new RegExp(`"${typed}"|« ${typed} »`), `« ${typed} » is fixed:\n${left}`);
    assert.doesNotMatch(left, /^Erreur/m, `no error left:\n${left}`);
    const kept = await inBench(page, () => document.querySelector('sos-editeur').checked.feed.structures.map((s) => s.id));
    assert.deepEqual(kept, ['chu-exemple', 'ligue-87', 'asso-rose', 'msp-lac', 'chu-exemple-bis'], 'every structure makes it into the feed');
    await axe(page, 'after the fixes');
    await assertClean(assert, page, log);
    await page.close();
  });
});

export { HEADER, ROWS, readFileSync, readdirSync };
