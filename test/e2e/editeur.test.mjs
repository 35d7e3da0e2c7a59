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
/** The campaign's and the freshness rule's day, fixed. */
const TODAY = '2026-12-02';

let servers;
let browser;

before(async () => {
  if (!existsSync(join(EDITEUR_DIR, 'index.html'))) {
    throw new Error(`${EDITEUR_DIR}/index.html is missing: the workbench tests run on the built files. Run \`npm run build\` first.`);
  }
  writeFileSync(CSV, windows1252(csvText()));
  // Every row wrong (an unknown care, no audience): a sheet that gives a feed without any structure.
  writeFileSync(join(dir, 'tout-faux.csv'), csvText(HEADER, ROWS.map((r) => r.map((v, i) => (HEADER[i] === 'soin' ? 'n’importe quoi' : HEADER[i] === 'publics' ? '' : v)))));
  // Only the Maison de santé's rows right: 1 structure of 5 (as from-csv, fewer than half).
  writeFileSync(join(dir, 'presque-tout-faux.csv'), csvText(HEADER, ROWS.map((r) => (r[0] === 'msp-lac' ? r : r.map((v, i) => (HEADER[i] === 'soin' ? 'n’importe quoi' : v))))));
  await writeMistakesXlsx(join(dir, 'annuaire-dsrc.xlsx'));
  servers = await startServers();
  browser = await launchBrowser();
});

/**
 * The same sheet as Excel keeps it (.xlsx): what Excel turns into numbers is numbers (the phone
 * that lost its zero, coordinates, the FINESS), the dates typed JJ/MM/AAAA are dates.
 */
async function writeMistakesXlsx(file) {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const typed = (name, v) => {
    if (!v) return null;
    if (name === 'verifie_le' && /^\d\d\/\d\d\/\d{4}$/.test(v)) {
      const [d, m, y] = v.split('/').map(Number);
      return { value: new Date(Date.UTC(y, m - 1, d)), type: Date, format: 'dd/mm/yyyy' };
    }
    if (['telephone', 'finess'].includes(name) && /^\d+$/.test(v)) return { value: Number(v), type: Number };
    if (['latitude', 'longitude'].includes(name)) return { value: Number(v.replace(',', '.')), type: Number };
    return { value: v, type: String };
  };
  const data = [HEADER.map((h) => ({ value: h, type: String })), ...ROWS.map((r) => r.map((v, i) => typed(HEADER[i], v)))];
  await writeXlsxFile(data, { sheet: 'Annuaire' }).toFile(file);
}

after(async () => {
  await browser?.close();
  await servers?.close();
  rmSync(dir, { recursive: true, force: true });
});

// ---- reading and driving the workbench (its shadow root) ------------------------------------

let downloadsSet = false;
/** Downloads land in `dir/downloads` (the browser's own download, as the steward gets it). */
async function allowDownloads() {
  if (downloadsSet) return;
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: join(dir, 'downloads'), eventsEnabled: true });
  downloadsSet = true;
}

/** Waits for a downloaded file named like `re` that was not there in `before`; returns its path. */
async function downloaded(re, before = new Set(), timeout = 15000) {
  const folder = join(dir, 'downloads');
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    const found = existsSync(folder) ? readdirSync(folder).filter((f) => re.test(f) && !f.endsWith('.crdownload') && !before.has(f)) : [];
    if (found.length) {
      await new Promise((r) => setTimeout(r, 200)); // let the write finish
      return join(folder, found[0]);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download matching ${re}`);
}

const downloads = () => new Set(existsSync(join(dir, 'downloads')) ? readdirSync(join(dir, 'downloads')) : []);

/** Opens the built workbench (`query`: its address's query string); `attrs` are set on <sos-editeur> before anything is opened. */
async function openBench(attrs = { today: TODAY }, { query = '', allow } = {}) {
  await allowDownloads();
  const { page, log } = await openPage(browser, `${servers.A}/editeur/${query}`, { allow });
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

/** Uploads a file through the « Ouvrir » step's file input, and waits for it to be read (the status matching `said`). */
async function upload(page, file, said = /ouvert|ne peut|n’est pas|illisible/) {
  await showTab(page, 'ouvrir');
  const input = (await page.evaluateHandle(() => document.querySelector('sos-editeur').shadowRoot.querySelector('#file'))).asElement();
  await input.uploadFile(file);
  return waitStatus(page, said);
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

/**
 * The preview's widget is this build's CDN widget, copied beside the workbench (dist/editeur/widget/,
 * by scripts/build.mjs): not bundled into the workbench's own assets/.
 */
function assertPreviewWidget(log) {
  const widget = log.requests.filter((u) => /\/sos-annuaire\.js$|\/chunks\/sos-annuaire\.main-[\w-]+\.js$/.test(new URL(u).pathname));
  assert.deepEqual(widget.map((u) => new URL(u).pathname.replace(/(\/chunks\/sos-annuaire\.main)-[\w-]+\.js$/, '$1-<hash>.js')), ['/editeur/widget/sos-annuaire.js', '/editeur/widget/chunks/sos-annuaire.main-<hash>.js']);
  assert.deepEqual(readdirSync(join(EDITEUR_DIR, 'assets')).filter((f) => /^(sos-annuaire|map-view|maplibre|sos-structure-card)/.test(f)), [], 'no widget bundled in the workbench’s assets/');
}

/** Shows the preview (step « Publier ») and returns its results heading, spaces collapsed. */
async function showPreview(page, button) {
  await showTab(page, 'publier');
  await click(page, button);
  await page.waitForFunction(() => {
    const a = document.querySelector('sos-editeur').shadowRoot.querySelector('sos-annuaire');
    const count = a && window.__deepFind(a.shadowRoot, '[part="count"]');
    return count && /\d/.test(count.textContent);
  }, { timeout: 15000 });
  return (await inBench(page, () => window.__deepFind(document.querySelector('sos-editeur').shadowRoot.querySelector('sos-annuaire').shadowRoot, '[part="count"]').textContent)).replace(/\s+/g, ' ').trim();
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


/** The feed validator of the built npm package (the widget's own): { ok, structures, errors }. */
async function validate(file) {
  const { validateFeed } = await import(join(ROOT, 'dist/npm/feed.js'));
  const r = validateFeed(JSON.parse(readFileSync(file, 'utf8')));
  return { ok: r.ok, structures: r.ok ? r.feed.structures.length : 0, errors: r.ok ? r.diagnostics.filter((d) => d.severity === 'error') : [r.message] };
}

/** Fills in the publisher fields of « Publier » (typed, as the steward would). */
async function setPublisher(page) {
  await showTab(page, 'publier');
  for (const [id, value] of [['pub-id', 'onco-exemple'], ['pub-name', 'Onco-Exemple'], ['pub-region', '75'], ['pub-email', 'annuaire@onco-exemple.test']]) {
    const input = (await page.evaluateHandle((id) => document.querySelector('sos-editeur').shadowRoot.getElementById(id), id)).asElement();
    await input.evaluate((el) => { el.value = ''; });
    await input.type(value);
    await input.press('Tab');
  }
}

describe('an .xlsx workbook', () => {
  test('the same mistakes in an Excel workbook (numbers, dates as Excel stores them): the same problems, the same fixes', async () => {
    const { page, log } = await openBench();
    const said = await upload(page, join(dir, 'annuaire-dsrc.xlsx'));
    assert.match(said, /« annuaire-dsrc\.xlsx » ouvert : .*classeur Excel, feuille « Annuaire »/);
    const all = (await problems(page)).flatMap((g) => g.items).join('\n');
    for (const [row, column, code] of [[3, 'soin', 'image-de-soi'], [4, 'type_structure', 'comite-ligue'], [4, 'publics', 'proche-aidant'], [5, 'lieux', 'distance'], [3, 'phases', 'apres-traitement']]) {
      assert.match(all, new RegExp(`ligne ${row}, colonne « ${column} ».*Appliquer : ${code}`), `row ${row}, ${column} → ${code}:\n${all}`);
    }
    assert.match(all, /« 555000000 » complété en « 05 55 00 00 00 »/, 'the phone Excel stored as a number');
    assert.match(all, /vérifiées le 2025-10-10, il y a plus de 12 mois/, 'a date cell read as its day');
    assert.match(all, /même FINESS « 330000001 »/);
    await click(page, /^Appliquer les \d+ suggestions$/);
    await waitStatus(page, /suggestions appliquées/);
    const feed = await inBench(page, () => document.querySelector('sos-editeur').checked.feed.structures.map((s) => [s.id, s.verifiedAt, s.location?.lat ?? null]));
    assert.deepEqual(feed, [['chu-exemple', '2026-09-15', 44.8378], ['ligue-87', '2025-06-02', null], ['asso-rose', '2025-10-10', null], ['msp-lac', '2025-11-20', null], ['chu-exemple-bis', '2026-09-15', 44.8378]]);
    await assertClean(assert, page, log);
    await page.close();
  });
});

describe('locating structures (national geocoder, local stand-in)', () => {
  test('structures without coordinates get them from their address; a weak match is flagged and applied only on request', async () => {
    const { page, log } = await openBench({ today: TODAY, 'geocoder-url': `${servers.B}/ban/search/csv/` });
    await upload(page, CSV);
    await showTab(page, 'verifier');
    await click(page, /^Appliquer les \d+ suggestions$/);
    await waitStatus(page, /suggestions appliquées/);
    await showTab(page, 'localiser');
    // The commune index arrives (to spot structures at their commune's centre), then the list.
    await page.waitForFunction(() => /3 structure\(s\) à localiser/.test(document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tabpanel]').textContent), { timeout: 15000 });
    const panel = await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tabpanel]').textContent.replace(/\s+/g, ' '));
    assert.match(panel, /Envoyé à 127\.0\.0\.1:\d+ : l’identifiant, la rue, le code postal, la commune et le code INSEE/);
    await axe(page, 'locate step');
    await click(page, /^Chercher les coordonnées de 3 structure/);
    assert.match(await waitStatus(page, /localisée/), /^2 structure\(s\) localisée\(s\) ; 1 résultat\(s\) faible\(s\) ou introuvable\(s\)/);

    // What left the page: the addresses only, as a CSV file in a multipart POST.
    assert.equal(servers.geocoderRequests.length, 1);
    const sent = servers.geocoderRequests[0];
    assert.deepEqual(sent.columns, ['adresse', 'code_postal', 'commune']);
    const csv = sent.data[0].text;
    assert.match(csv, /^id,adresse,code_postal,commune,code_insee\r\n/);
    assert.doesNotMatch(csv, /Roux|Benali|@/, 'no référent, no e-mail sent');
    assert.equal(csv.trim().split(/\r?\n/).length, 4);

    const rows = await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('table.results tbody tr')].map((tr) => tr.textContent.replace(/\s+/g, ' ').trim()));
    assert.equal(rows.length, 3);
    const weak = rows.find((r) => r.startsWith('Association Rose Espoir'));
    assert.match(weak, /0,42 Correspondance faible : à vérifier\. Utiliser quand même/);
    assert.match(rows.find((r) => r.startsWith('Comité de la Haute-Vienne')), /0,93 Appliqué/);
    let located = await inBench(page, () => Object.fromEntries(document.querySelector('sos-editeur').checked.feed.structures.map((s) => [s.id, s.location ?? null])));
    assert.deepEqual(located['ligue-87'], { lat: 44.5123, lon: 0.4745 });
    assert.equal(located['asso-rose'], null, 'the weak match is not applied by itself');
    await axe(page, 'geocoder results');

    await click(page, /^Utiliser quand même/);
    await waitStatus(page, /Coordonnées de « Association Rose Espoir » appliquées/);
    located = await inBench(page, () => Object.fromEntries(document.querySelector('sos-editeur').checked.feed.structures.map((s) => [s.id, s.location ?? null])));
    assert.deepEqual(located['asso-rose'], { lat: 44, lon: -0.26 });
    await assertClean(assert, page, log);
    await page.close();
  });
});

describe('publishing from the workbench', () => {
  test('the public feed: fixes applied, private columns stripped, over 14 months left out unless kept; a halved feed asks first; the download validates', async () => {
    const { page, log } = await openBench();
    // The published feed (the reference): 97 structures in the demo feed.
    await showTab(page, 'ouvrir');
    await inBench(page, (u) => { const i = document.querySelector('sos-editeur').shadowRoot.querySelector('#url'); i.value = u; }, `${servers.B}/feeds/demo.json`);
    await click(page, /^Ouvrir le flux publié$/);
    const said = await waitStatus(page, /ouvert/);
    assert.match(said, /structures/);
    const published = await inBench(page, () => document.querySelector('sos-editeur').reference.feed.structures.length);
    assert.ok(published > 20, `reference: ${published} structures`);

    await upload(page, CSV);
    await showTab(page, 'verifier');
    await click(page, /^Appliquer les \d+ suggestions$/);
    await waitStatus(page, /suggestions appliquées/);
    await setPublisher(page);
    const panel = await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tabpanel]').textContent.replace(/\s+/g, ' '));
    // ligue-87, verified 02/06/2025, is over 14 months on 2026-12-02: offered to keep, left out by default.
    assert.match(panel, /Garder « Comité de la Haute-Vienne » \(vérifiée le 2025-06-02\)/);
    assert.match(panel, /4 structures et \d+ offres seront publiées/);
    await axe(page, 'publish step');

    // 4 structures where 97 were published: a confirmation, with the numbers; « Annuler » downloads nothing.
    let before = downloads();
    await click(page, /^Télécharger le flux public/);
    await page.waitForFunction(() => document.querySelector('sos-editeur').shadowRoot.querySelector('dialog#confirm')?.open);
    const question = await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('dialog#confirm').textContent.replace(/\s+/g, ' '));
    assert.match(question, new RegExp(`compte ${published} structures ; celui-ci n’en a que 4, moins de la moitié`));
    assert.equal(await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.activeElement?.textContent.trim()), 'Annuler', 'the safe choice has the focus');
    await axe(page, 'confirmation dialog');
    await page.keyboard.press('Escape');
    await waitStatus(page, /annulé/);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual([...downloads()].filter((f) => !before.has(f)), [], 'nothing downloaded after « Annuler »');

    // Kept on purpose, then confirmed: 5 structures, valid, no private column.
    await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('input[type=checkbox]')].find((c) => c.parentElement.textContent.includes('Haute-Vienne')).click());
    await waitStatus(page, /gardée/);
    before = downloads();
    await click(page, /^Télécharger le flux public/);
    await page.waitForFunction(() => document.querySelector('sos-editeur').shadowRoot.querySelector('dialog#confirm')?.open);
    await click(page, /^Télécharger quand même$/);
    const file = await downloaded(/^annuaire-sos-onco-exemple\.json$/, before);
    const result = await validate(file);
    assert.deepEqual(result, { ok: true, structures: 5, errors: [] });
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /Claire Martin|claire\.martin@chu\.test|referent|derniere_relance/, 'private columns never in the feed');
    const feed = JSON.parse(text);
    assert.equal(feed.publisher.id, 'onco-exemple');
    const ligue = feed.structures.find((s) => s.id === 'ligue-87');
    assert.equal(ligue.kind, 'comite-ligue');
    assert.equal(ligue.contact.phone, '05 55 00 00 00');
    assert.deepEqual(ligue.offers.map((o) => [o.audiences, o.settings]), [[['proche-aidant'], ['ville']], [['patient'], ['distance']]]);
    await assertClean(assert, page, log);
    await page.close();
  });

  test('a sheet whose every row is wrong gives a feed without structures: publishing it asks first', async () => {
    const { page, log } = await openBench();
    await upload(page, join(dir, 'tout-faux.csv'));
    await setPublisher(page);
    await click(page, /^Télécharger le flux public/);
    await page.waitForFunction(() => document.querySelector('sos-editeur').shadowRoot.querySelector('dialog#confirm')?.open);
    const question = await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('dialog#confirm').textContent.replace(/\s+/g, ' '));
    assert.match(question, /aucune structure/);
    await click(page, /^Annuler$/);
    await waitStatus(page, /annulé/);
    await assertClean(assert, page, log);
    await page.close();
  });

  test('a sheet that keeps fewer than half of its own structures (no published feed open) asks first, as from-csv refuses it', async () => {
    const { page, log } = await openBench();
    await upload(page, join(dir, 'presque-tout-faux.csv'));
    await setPublisher(page);
    const before = downloads();
    await click(page, /^Télécharger le flux public/);
    await page.waitForFunction(() => document.querySelector('sos-editeur').shadowRoot.querySelector('dialog#confirm')?.open);
    const question = await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('dialog#confirm').textContent.replace(/\s+/g, ' '));
    assert.match(question, /Le fichier ouvert compte 5 structures ; ce flux n’en garde que 1, moins de la moitié/);
    await axe(page, 'lost rows dialog');
    await click(page, /^Annuler$/);
    await waitStatus(page, /annulé/);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual([...downloads()].filter((f) => !before.has(f)), [], 'nothing downloaded after « Annuler »');
    await assertClean(assert, page, log);
    await page.close();
  });

  test('the working spreadsheet (.xlsx) reopens to the same feed, and the preview is the real widget', async () => {
    const { page, log } = await openBench();
    await upload(page, CSV);
    await showTab(page, 'verifier');
    await click(page, /^Appliquer les \d+ suggestions$/);
    await waitStatus(page, /suggestions appliquées/);
    const feedBefore = await inBench(page, () => JSON.stringify(document.querySelector('sos-editeur').checked.feed.structures));
    await setPublisher(page);
    const before = downloads();
    await click(page, /^Télécharger le tableur \(\.xlsx\)$/);
    const xlsx = await downloaded(/\.xlsx$/, before);
    await upload(page, xlsx);
    const feedAfter = await inBench(page, () => JSON.stringify(document.querySelector('sos-editeur').checked.feed.structures));
    assert.equal(feedAfter, feedBefore, 'the same feed after the round trip');
    const referents = await inBench(page, () => Object.fromEntries(document.querySelector('sos-editeur').checked.private));
    assert.equal(referents['chu-exemple']?.email, 'claire.martin@chu.test', 'private columns kept in the working sheet');

    await showTab(page, 'publier');
    await click(page, /^Aperçu de l’annuaire$/);
    await page.waitForFunction(() => {
      const a = document.querySelector('sos-editeur').shadowRoot.querySelector('sos-annuaire');
      const count = a && window.__deepFind(a.shadowRoot, '[part="count"]');
      return count && /\d/.test(count.textContent);
    }, { timeout: 15000 });
    const count = await inBench(page, () => window.__deepFind(document.querySelector('sos-editeur').shadowRoot.querySelector('sos-annuaire').shadowRoot, '[part="count"]').textContent);
    assert.match(count.replace(/\s+/g, ' ').trim(), /^4 structures/, 'the 4 structures published (the one over 14 months left out)');
    assertPreviewWidget(log);
    await axe(page, 'preview');
    await assertClean(assert, page, log);
    await page.close();
  });
});

describe('the preview’s widget address', () => {
  /** The steward's sheet opened and fixed, the publisher filled in: ready to preview. */
  async function ready(page) {
    await upload(page, CSV);
    await showTab(page, 'verifier');
    await click(page, /^Appliquer les \d+ suggestions$/);
    await waitStatus(page, /suggestions appliquées/);
    await setPublisher(page);
  }

  test('comes from the page, never from the address bar: a link naming another script loads this build’s widget', async () => {
    const other = encodeURIComponent(`${servers.B}/cdn/sos-annuaire.js`);
    const seen = servers.requestsB.length;
    const { page, log } = await openBench(undefined, { query: `?sos-widget=${other}&widget=${other}&flux=${encodeURIComponent(`${servers.B}/feeds/demo.json`)}` });
    await ready(page);
    assert.match(await showPreview(page, /^Aperçu de l’annuaire$/), /^4 structures/);
    assertPreviewWidget(log);
    assert.deepEqual(servers.requestsB.slice(seen).filter((p) => p.startsWith('/cdn/')), [], 'nothing fetched from the address in the link');
    await assertClean(assert, page, log);
    await page.close();
  });

  test('a widget missing where the page says: the preview says so in French, naming the address', async () => {
    const { page, log } = await openBench(undefined, { allow: (text, where) => /404/.test(text) && /\/editeur\/ailleurs\/sos-annuaire\.js$/.test(where) });
    await page.evaluate(() => { document.querySelector('meta[name="sos-widget"]').content = './ailleurs/sos-annuaire.js'; });
    await ready(page);
    await showTab(page, 'publier');
    await click(page, /^Aperçu de l’annuaire$/);
    const said = await waitStatus(page, /n’a pas pu charger/);
    assert.equal(said, `L’aperçu n’a pas pu charger le widget à l’adresse « ${servers.A}/editeur/ailleurs/sos-annuaire.js ». Le dossier widget/ livré avec l’atelier doit rester à côté de sa page (ou la balise <meta name="sos-widget"> de la page doit indiquer où est sos-annuaire.js).`);
    assert.equal(await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('sos-annuaire')), null, 'no empty preview');
    await assertClean(assert, page, log, { ignoreFailed: (f) => /\/editeur\/ailleurs\/sos-annuaire\.js /.test(f) });
    await page.close();
  });
});

/** The text of the current step's panel, spaces collapsed. */
const panelText = (page) => inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tabpanel]').textContent.replace(/\s+/g, ' '));

describe('the yearly verification', () => {
  test('on a fixed day: due, overdue and to remove; the reminder’s mailto: and the mail-merge CSV; « Marquer comme vérifié aujourd’hui »', async () => {
    const { page, log } = await openBench();
    await upload(page, CSV);
    await showTab(page, 'verifier');
    await click(page, /^Appliquer les \d+ suggestions$/);
    await waitStatus(page, /suggestions appliquées/);
    await showTab(page, 'campagne');
    // The campaign's day, typed in its date field: 1 November 2026.
    await inBench(page, () => {
      const input = document.querySelector('sos-editeur').shadowRoot.querySelector('#campaign-day');
      input.value = '2026-11-01';
      input.dispatchEvent(new Event('change'));
    });
    await waitStatus(page, /Campagne calculée au 01\/11\/2026/);
    const lists = await inBench(page, () => Object.fromEntries([...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('[role=tabpanel] section')].map((s) => [s.querySelector('h3').id, [...s.querySelectorAll('h4')].map((h) => h.textContent.trim())])));
    assert.deepEqual(lists, {
      'campaign-due': ['Maison de santé du Lac'],
      'campaign-overdue': ['Association Rose Espoir'],
      'campaign-remove': ['Comité de la Haute-Vienne'],
    });
    const text = await panelText(page);
    assert.match(text, /Au 01\/11\/2026 : 1 à relancer .* 1 en retard .* 1 à retirer .* 2 à jour/);
    assert.match(text, /Destinataire : Nadia Benali, nadia@exemple\.test \(référent\)/);
    assert.match(text, /Destinataire : msp@exemple\.test \(courriel de la structure : pas de référent\)/);
    await axe(page, 'campaign');

    // The reminder: to the référent, the record in plain French.
    const href = await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('a[href^="mailto:"]')].map((a) => a.getAttribute('href')).find((h) => h.includes('nadia')));
    const mail = new URL(href);
    assert.equal(mail.pathname, 'nadia@exemple.test');
    const body = mail.searchParams.get('body');
    assert.match(mail.searchParams.get('subject'), /Association Rose Espoir/);
    assert.match(body, /Association Rose Espoir/);
    assert.match(body, /Périgueux/);
    // Its offers: in the link when it is short enough for mail programs, else in the whole message
    // shown below it (checked just after: the link then says it is shorter).
    const whole = await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('[role=tabpanel] li.group')].find((li) => li.textContent.includes('Association Rose Espoir')).querySelector('pre.message').textContent);
    assert.match(whole, /Marche nordique/);
    assert.match(whole, /Atelier cuisine/);
    if (body.replace(/\r\n/g, '\n') !== whole) assert.match(body, /Offres : 2 \(détail dans l’annuaire\)/);
    // A link that carries a shorter message than the whole one (mail programs cut long links)
    // says so beside it, with a button that copies the whole message; never otherwise.
    const reminders = await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('[role=tabpanel] li.group')].map((li) => {
      const href = li.querySelector('a[href^="mailto:"]')?.getAttribute('href');
      return {
        name: li.querySelector('h4').textContent.trim(),
        whole: href ? new URL(href).searchParams.get('body').replace(/\r\n/g, '\n') === li.querySelector('pre.message').textContent : undefined,
        hint: /trop long pour un lien de courriel/.test(li.textContent),
        copy: [...li.querySelectorAll('button')].some((b) => b.textContent.startsWith('Copier le message complet')),
      };
    }));
    for (const r of reminders.filter((x) => x.whole !== undefined)) {
      assert.equal(r.hint, !r.whole, `${r.name}: the shortened link is said (${JSON.stringify(r)})`);
      assert.equal(r.copy, !r.whole, `${r.name}: the copy button (${JSON.stringify(r)})`);
    }
    // Opening it notes the reminder (the mail program itself is not opened in the test).
    await page.evaluate(() => document.addEventListener('click', (e) => { if (e.composedPath()[0]?.closest?.('a[href^="mailto:"]')) e.preventDefault(); }, { capture: true }));
    await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('a[href^="mailto:"]')].find((a) => a.href.includes('nadia')).click());
    await waitStatus(page, /Relance de « Association Rose Espoir » notée au 01\/11\/2026/);
    assert.equal(await inBench(page, () => document.querySelector('sos-editeur').checked.private.get('asso-rose').lastReminder), '2026-11-01');

    // The mail merge: one row per reminder, French columns, the référent's address.
    const before = downloads();
    await click(page, /^Télécharger le fichier de publipostage/);
    const csv = readFileSync(await downloaded(/^campagne-verification-2026-11-01\.csv$/, before), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n(?=[^\r\n]*;)/);
    assert.match(lines[0], /^statut;structure_id;structure_nom;referent_nom;destinataire;/);
    assert.match(csv, /à relancer;msp-lac;Maison de santé du Lac;;msp@exemple\.test;/);
    assert.match(csv, /en retard;asso-rose;Association Rose Espoir;Nadia Benali;nadia@exemple\.test;référent;/);
    assert.match(csv, /à retirer;ligue-87;Comité de la Haute-Vienne;Paul Roux;paul\.roux@exemple\.test;/);

    // Verified today: out of the campaign, verifiedAt set.
    await click(page, /^Marquer comme vérifié aujourd’hui : Association Rose Espoir$/);
    await waitStatus(page, /« Association Rose Espoir » marquée vérifiée le 01\/11\/2026 : elle sort de la campagne ; prochaine relance à partir du 02\/10\/2027\./);
    const after = await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('[role=tabpanel] h4')].map((h) => h.textContent.trim()));
    assert.deepEqual(after, ['Maison de santé du Lac', 'Comité de la Haute-Vienne']);
    assert.equal(await inBench(page, () => document.querySelector('sos-editeur').checked.feed.structures.find((s) => s.id === 'asso-rose').verifiedAt), '2026-11-01');
    await assertClean(assert, page, log);
    await page.close();
  });
});

/** A small valid feed (structures given as [id, name, phone, offers]). */
function feedOf(structures) {
  return {
    format: 'sos-feed/1',
    publisher: { id: 'onco-exemple', name: 'Onco-Exemple', region: '75' },
    generatedAt: '2026-11-01T08:00:00Z',
    structures: structures.map(([id, name, phone, offers]) => ({
      id, name, kind: 'association', address: { line: '1 rue Haute', postalCode: '33000', city: 'Bordeaux', insee: '33063' },
      location: { lat: 44.84, lon: -0.58 }, contact: { phone }, verifiedAt: '2026-10-01',
      offers: offers.map(([oid, care]) => ({ id: oid, care, audiences: ['patient'], settings: ['ville'] })),
    })),
  };
}

describe('comparing, quality and coverage', () => {
  test('a feed opened as a file: its problems by JSON path; compared with an older feed: added, removed, changed field by field', async () => {
    const older = feedOf([['a', 'Alpha', '05 56 00 00 01', [['a1', 'douleur']]], ['b', 'Bêta', '05 56 00 00 02', [['b1', 'nutrition']]], ['c', 'Gamma', '05 56 00 00 03', [['c1', 'psychologie']]]]);
    const newer = feedOf([['a', 'Alpha', '05 56 00 00 09', [['a1', 'douleur'], ['a2', 'sexualite']]], ['c', 'Gamma', '05 56 00 00 03', [['c1', 'Psycologie']]], ['d', 'Delta', '05 56 00 00 04', [['d1', 'social']]]]);
    writeFileSync(join(dir, 'flux-2025.json'), JSON.stringify(older));
    writeFileSync(join(dir, 'flux-nouveau.json'), JSON.stringify(newer));
    const { page, log } = await openBench();
    assert.match(await upload(page, join(dir, 'flux-nouveau.json')), /« flux-nouveau\.json » ouvert : .*flux JSON/);
    const all = (await problems(page)).flatMap((g) => g.items).join('\n');
    assert.match(all, /ligne 4, colonne « soin » \(structures\[1\]\.offers\[0\]\.care\)/, `the JSON path of the bad care:\n${all}`);
    await showTab(page, 'verifier');
    await click(page, /^Appliquer : psychologie/);
    await waitStatus(page, /« psychologie » appliqué/);

    await showTab(page, 'comparer');
    const input = (await page.evaluateHandle(() => document.querySelector('sos-editeur').shadowRoot.querySelector('#ref-file'))).asElement();
    await input.uploadFile(join(dir, 'flux-2025.json'));
    await waitStatus(page, /Référence pour comparer et publier : « flux-2025\.json » \(3 structures\)/);
    const text = await panelText(page);
    assert.match(text, /3 → 3 structures \(1 ajoutée\(s\), 1 retirée\(s\), 1 modifiée\(s\)\) ; 3 → 4 offres \(2 ajoutée\(s\), 1 retirée\(s\), 0 modifiée\(s\)\)/);
    assert.match(text, /Structures ajoutées : 1 Delta \(1 offre\(s\)\)/);
    assert.match(text, /Structures retirées : 1 Bêta \(1 offre\(s\)\)/);
    assert.match(text, /Alpha telephone ?avant : « 05 56 00 00 01 » → après : « 05 56 00 00 09 »/);
    assert.match(text, /Offres ajoutées : .*sexualit/i);
    await axe(page, 'compare');

    await showTab(page, 'qualite');
    await page.waitForFunction(() => !/Chargement des communes/.test(document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tabpanel]').textContent), { timeout: 15000 });
    const q = await panelText(page);
    assert.match(q, /Score d’ensemble : \d+ \/ 100 sur 3 structures/);
    const scores = await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('table.quality tbody td.num')].map((td) => Number(td.textContent)));
    assert.deepEqual(scores, [...scores].sort((x, y) => x - y), 'least complete first');
    await axe(page, 'quality');

    await showTab(page, 'couverture');
    await page.waitForFunction(() => document.querySelector('sos-editeur').shadowRoot.querySelector('table.coverage'), { timeout: 15000 });
    const cov = await panelText(page);
    assert.match(cov, /Départements : 16, 17, 19, 23, 24, 33, 40, 47, 64, 79, 86, 87 \(région 75\)/);
    assert.match(cov, /Zones blanches/);
    await axe(page, 'coverage');
    const before = downloads();
    await click(page, /^Télécharger les zones blanches/);
    const white = readFileSync(await downloaded(/^zones-blanches-.*\.csv$/, before), 'utf8').replace(/^\uFEFF/, '');
    assert.match(white, /^soin;libelle_soin;departement;code_insee;commune;offre_sur_place_la_plus_proche_km\r\n/);
    assert.ok(white.split('\r\n').length > 100, 'many communes of the region far from any offer of this tiny feed');
    await assertClean(assert, page, log);
    await page.close();
  });
});

// ---- the workbench in English --------------------------------------------------------------

/**
 * What French is left in the workbench's own words: the shadow root's text and its aria-label,
 * placeholder and title attributes, without what is marked `lang="fr"` (the shared core's
 * messages and the reminder sent to a structure, French by design) and without data (every cell
 * of the working table, every string of the feeds, what the geocoder found, what was typed, and
 * `extra`), nor identifiers (column names, codes, file names). Returns the French-looking bits.
 */
async function frenchLeft(page, extra = []) {
  const { text, data } = await inBench(page, () => {
    const el = document.querySelector('sos-editeur');
    const root = el.shadowRoot;
    const data = new Set();
    const collect = (v) => {
      if (typeof v === 'string') { if (v.trim()) data.add(v.trim()); }
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(el.work?.table);
    collect(el.checked?.feed);
    collect([...(el.checked?.private?.values() ?? [])]);
    collect(el.reference);
    collect([...el.geocoded.values()]);
    collect(el.publisher);
    const pieces = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('[lang="fr"]')) pieces.push(n.textContent);
    for (const e of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (e.closest('[lang="fr"]')) continue;
      for (const a of ['aria-label', 'placeholder', 'title']) if (e.hasAttribute(a)) pieces.push(e.getAttribute(a));
    }
    return { text: pieces.join('\n'), data: [...data] };
  });
  let left = text;
  for (const d of [...data, ...extra].sort((a, b) => b.length - a.length)) left = left.split(d).join(' ');
  left = left
    .replace(/[\p{L}\d]+(?:[-_.:/@][\p{L}\d]+)+/gu, ' ') // identifiers, codes, file names, addresses
    .replace(/Base Adresse Nationale|Licence Ouverte/g, ' '); // proper names
  const french = /[àâçéèêëîïôùûüÿœæ«»]|\b(?:le|la|les|des|du|de|un|une|et|ou|pour|avec|dans|sur|aucune?|est|sont|pas|qui|que|au|aux|ce|cette|ces|vous|votre|vos|sans|[ldnj]’)\b/iu;
  return left.split(/\n+/).map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => french.test(line));
}

/** The core's French (problems, suggestions, the reminder) is marked lang="fr", and nothing else is. */
async function frenchOnlyWhereMeant(page) {
  const stray = await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('[lang="fr"]')]
    .filter((e) => !e.matches('ul.problems [lang="fr"], pre.message, .sev-error [lang="fr"]'))
    .map((e) => e.outerHTML.slice(0, 120)));
  assert.deepEqual(stray, [], 'lang="fr" only on the core’s messages, suggestions and reminders');
}

/** In English: the step's heading, no French left, axe clean. */
async function englishStep(page, id, heading, extra = []) {
  await showTab(page, id);
  assert.equal(await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tabpanel] h2').textContent.trim()), heading);
  assert.deepEqual(await frenchLeft(page, extra), [], `no French in « ${id} » (English)`);
  await frenchOnlyWhereMeant(page);
  await axe(page, `${id}, in English`);
}

describe('the workbench in English (lang="en")', () => {
  test('switched to English, every step and dialog speaks English (the core’s French marked lang="fr", data aside), axe passes; back to French', async () => {
    // An older feed of 11 structures: the reference to compare with, and for the halved-feed guard.
    const reference = feedOf(Array.from({ length: 10 }, (_, i) => [`ref-${i}`, `Reference ${i}`, `05 56 00 01 ${String(i).padStart(2, '0')}`, [[`ref-${i}-1`, 'douleur']]]));
    for (const s of reference.structures) for (const o of s.offers) o.label = `Reference service ${o.id}`;
    reference.structures.push({
      id: 'chu-exemple', name: 'Centre hospitalier d’Exemple', kind: 'etablissement-sante',
      address: { line: '1 avenue de la Santé', postalCode: '33000', city: 'Bordeaux', insee: '33063' }, location: { lat: 44.8378, lon: -0.5792 },
      contact: { phone: '05 56 00 00 99' }, verifiedAt: '2026-09-15',
      offers: [{ id: 'chu-douleur', care: 'douleur', label: 'Consultation douleur', audiences: ['patient'], settings: ['etablissement'] }],
    });
    writeFileSync(join(dir, 'flux-reference.json'), JSON.stringify(reference));

    const { page, log } = await openBench({ today: TODAY, 'geocoder-url': `${servers.B}/ban/search/csv/` });
    const tabs = () => inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('[role=tab]')].map((t) => t.textContent.replace(/\s+/g, ' ').trim()));
    assert.equal((await tabs())[0], '1. Ouvrir', 'French without lang');
    await inBench(page, () => document.querySelector('sos-editeur').setAttribute('lang', 'en'));
    await page.waitForFunction(() => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tab]').textContent.includes('Open'), { timeout: 15000 });
    assert.deepEqual(await tabs(), ['1. Open', '2. Check', '3. Locate', '4. Quality', '5. Yearly check', '6. Compare', '7. Publish', '8. Coverage']);
    await englishStep(page, 'ouvrir', 'Open the spreadsheet or the feed');
    for (const id of ['verifier', 'localiser', 'qualite', 'campagne', 'comparer', 'publier', 'couverture']) {
      await showTab(page, id);
      assert.match(await panelText(page), /First open a spreadsheet, a feed or the blank template/);
    }
    assert.deepEqual(await frenchLeft(page), []);

    // Open and check: the steward's sheet; where a problem is and the buttons in English, the core's message in French.
    const said = await upload(page, CSV, /open:|could not|not a/);
    assert.match(said, /^“annuaire-dsrc\.csv” open: \d+ organisations?, \d+ services? \(CSV windows-1252, separator “;”\)\. \d+ errors? and \d+ remarks?: see “Check”\.$/i);
    await englishStep(page, 'ouvrir', 'Open the spreadsheet or the feed');
    await englishStep(page, 'verifier', 'Check');
    const all = (await problems(page)).flatMap((g) => g.items).join('\n');
    assert.match(all, /^(?:Error|Remark) — row 4, column “type_structure”: .*Apply: comite-ligue/m);
    assert.match(all, /^(?:Error|Remark) — row 4, column “telephone”: « 555000000 » complété en « 05 55 00 00 00 »/m, 'the core’s message, in French');
    assert.equal(await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tab][aria-selected=true] .visually-hidden').textContent), `(${(await inBench(page, () => document.querySelector('sos-editeur').checked.problems.length))} problems)`);
    await click(page, /^Apply the \d+ suggestions$/);
    assert.match(await waitStatus(page, /suggestions applied/), /^\d+ suggestions applied\. Checked again: 0 errors, \d+ remarks?\.$/);
    await englishStep(page, 'verifier', 'Check');

    // Locate: the geocoder's results, the weak match.
    await showTab(page, 'localiser');
    await page.waitForFunction(() => /3 organisations to locate/.test(document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tabpanel]').textContent), { timeout: 15000 });
    await englishStep(page, 'localiser', 'Locate');
    await click(page, /^Look up the coordinates of 3 organisations$/);
    assert.match(await waitStatus(page, /located/), /^2 organisations located; 1 result weak or not found, to be checked below\.$/);
    const weak = await inBench(page, () => [...document.querySelector('sos-editeur').shadowRoot.querySelectorAll('table.results tbody tr')].map((tr) => tr.textContent.replace(/\s+/g, ' ').trim()).find((r) => r.startsWith('Association Rose Espoir')));
    assert.match(weak, /0\.42 Weak match: to be checked\. Use anyway for Association Rose Espoir/);
    await englishStep(page, 'localiser', 'Locate');

    await showTab(page, 'qualite');
    await page.waitForFunction(() => !/Loading the communes/.test(document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tabpanel]').textContent), { timeout: 15000 });
    assert.match(await panelText(page), /Overall score: \d+ \/ 100 across 5 organisations\./);
    await englishStep(page, 'qualite', 'Quality');

    await showTab(page, 'campagne');
    assert.match(await panelText(page), /On 02\/12\/2026: \d+ to remind \(due within 30 days\), \d+ overdue \(over 12 months\), \d+ to remove/);
    assert.match(await panelText(page), /Recipient: Nadia Benali, nadia@exemple\.test \(contact person\)/);
    assert.ok(await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('pre.message[lang="fr"]')), 'the reminder to the structure stays French');
    await englishStep(page, 'campagne', 'Yearly check');

    // Compare with the older feed (also the reference of the publishing guard).
    await showTab(page, 'comparer');
    const input = (await page.evaluateHandle(() => document.querySelector('sos-editeur').shadowRoot.querySelector('#ref-file'))).asElement();
    await input.uploadFile(join(dir, 'flux-reference.json'));
    await waitStatus(page, /Reference to compare and publish with: “flux-reference\.json” \(11 organisations\)/);
    const compared = await panelText(page);
    assert.match(compared, /Compared with “flux-reference\.json”: 11 → 5 organisations \(4 added, 10 removed, 1 changed\)/);
    assert.match(compared, /telephone ?before: “05 56 00 00 99” → after: “05 56 00 00 00”/);
    await englishStep(page, 'comparer', 'Compare');

    // Publish: the fields, then the halved-feed guard's dialog.
    await setPublisher(page);
    await englishStep(page, 'publier', 'Publish');
    await click(page, /^Download the public feed/);
    await page.waitForFunction(() => document.querySelector('sos-editeur').shadowRoot.querySelector('dialog#confirm')?.open);
    const question = await inBench(page, () => document.querySelector('sos-editeur').shadowRoot.querySelector('dialog#confirm').textContent.replace(/\s+/g, ' ').trim());
    assert.match(question, /^Publish this feed anyway\? The published feed \(“flux-reference\.json”\) has 11 organisations; this one has only 4, less than half\./);
    assert.deepEqual(await frenchLeft(page), [], 'no French in the dialog');
    await axe(page, 'confirmation dialog, in English');
    await page.keyboard.press('Escape');
    assert.equal(await waitStatus(page, /cancelled/), 'Download of the feed cancelled.');
    // The preview: the real widget, in English too.
    assert.match(await showPreview(page, /^Preview the directory$/), /^4 organisations, \d+ services?/);
    assert.equal(await waitStatus(page, /^Preview/), 'Preview of the directory with this feed: 4 organisations.');
    assertPreviewWidget(log);
    assert.deepEqual(await frenchLeft(page), [], 'no French around the preview');

    // Coverage: the category labels in English; the communes listed are data (read from the white-zones CSV).
    await showTab(page, 'couverture');
    await page.waitForFunction(() => document.querySelector('sos-editeur').shadowRoot.querySelector('table.coverage'), { timeout: 15000 });
    // The same file name as the French test's download: the browser would write over it.
    for (const f of downloads()) if (/^zones-blanches-/.test(f)) rmSync(join(dir, 'downloads', f));
    const before = downloads();
    await click(page, /^Download the white zones/);
    const white = readFileSync(await downloaded(/^zones-blanches-.*\.csv$/, before), 'utf8').replace(/^\uFEFF/, '');
    const communes = white.trim().split('\r\n').slice(1).map((line) => line.split(';')[4]);
    assert.match(await panelText(page), /Departments: .* \(region 75\)\. A commune is a “white zone”/);
    assert.match(await panelText(page), /Pain management: [\d,]+ communes? — for example /, 'the category in English');
    await englishStep(page, 'couverture', 'Coverage', communes);

    // Back to French.
    await inBench(page, () => document.querySelector('sos-editeur').setAttribute('lang', 'fr'));
    await page.waitForFunction(() => document.querySelector('sos-editeur').shadowRoot.querySelector('[role=tabpanel] h2').textContent.trim() === 'Couverture');
    assert.equal((await tabs())[0], '1. Ouvrir');
    await assertClean(assert, page, log);
    await page.close();
  });
});
