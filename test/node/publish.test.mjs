// The publishing core (src/publish), shared by `sos-feed` and the workbench, tested as data in,
// data out: the steward's spreadsheet with ordinary mistakes (every problem at once, with fixes
// that apply), the round trip feed → spreadsheet → feed (a property over random valid feeds, as a
// table, as CSV bytes and as an .xlsx workbook), the yearly campaign on a fixed day, the diff,
// coverage, quality, the public feed and its guard. Bundled on the fly with esbuild.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import fc from 'fast-check';

const root = resolve(import.meta.dirname, '../..');
let m;
before(async () => {
  const entry = `
    export * from './src/publish/index.ts';
    export { validateFeed } from './src/feed/validate.ts';
  `;
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent',
  });
  m = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
});

const PUBLISHER = { id: 'onco-exemple', name: 'Onco-Exemple', region: '75' };
const OPTIONS = () => ({ publisher: PUBLISHER, generatedAt: '2026-11-22T08:00:00Z', now: new Date('2026-11-22T12:00:00Z') });

/** Windows-1252 bytes (Excel's « CSV (séparateur : point-virgule) » on Windows). */
function cp1252(text) {
  const special = { '€': 0x80, '’': 0x92, 'œ': 0x9c, 'Œ': 0x8c, '–': 0x96 };
  return Buffer.from([...text].map((ch) => special[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));
}

// The sheet of issue 13, as a steward really has it: headers of their own, labels for codes,
// a phone Excel took for a number, JJ/MM/AAAA dates, the same hospital entered twice.
// 5 structures, 8 offers.
export const MISTAKES = [
  'Identifiant;Nom de la structure;Type;FINESS;Adresse;CP;Ville;Téléphone;Courriel;Date de vérification;Réf. offre;Soin;Soins précis;Intitulé;Publics;Lieu;Phases;Référent;Mail référent',
  'ch-pau;Centre hospitalier de Pau;Établissement de santé;640780417;4 boulevard Hauterive;64000;Pau;559923000;sos@ch-pau.test;15/01/2026;ch-pau-douleur;Douleur;;Consultation douleur;Patients;En établissement de santé;Après traitement;Marie Durand;m.durand@ch-pau.test',
  'ch-pau;Centre hospitalier de Pau;Établissement de santé;640780417;4 boulevard Hauterive;64000;Pau;559923000;sos@ch-pau.test;15/01/2026;ch-pau-socio;Socio-esthétique;;Atelier d’image de soi;Patients;En établissement de santé;;Marie Durand;m.durand@ch-pau.test',
  'ligue-64;Ligue contre le cancer, comité des Pyrénées-Atlantiques;Comité de la Ligue;;12 rue Carnot;64000;Pau;05 59 00 00 00;cd64@ligue.test;02/03/2026;ligue-64-apa;Activité physique adaptée;;Marche nordique;Patients;En ville (cabinet, association);;Paul Martin;p.martin@ligue.test',
  'ligue-64;Ligue contre le cancer, comité des Pyrénées-Atlantiques;Comité de la Ligue;;12 rue Carnot;64000;Pau;05 59 00 00 00;cd64@ligue.test;02/03/2026;ligue-64-aidants;soutien-aidants;;Groupe des proches;Aidants;En ville (cabinet, association);;Paul Martin;p.martin@ligue.test',
  'asso-rose;Association Rose Espoir;association;;3 allée des Roses;64100;Bayonne;05 59 11 22 33;contact@rose.test;10/09/2025;asso-rose-psy;Psychologie;;Écoute psychologique;Patients|Proches et aidants;Téléconsultation;;;',
  'cs-biarritz;Centre de santé de Biarritz;Centre de santé;;1 avenue Foch;64200;Biarritz;05 59 22 33 44;;2026-06-01;cs-biarritz-nutri;nutrition;;Consultation diététique;patient;ville;;;',
  'ch-pau-sos;Centre hospitalier de Pau;etablissement-sante;640780417;4 boulevard Hauterive;64000;Pau;05 59 92 30 00;;2026-02-01;ch-pau-social;social;;Permanence sociale;patient;etablissement;;;',
  'asso-rose;Association Rose Espoir;association;;3 allée des Roses;64100;Bayonne;05 59 11 22 33;contact@rose.test;10/09/2025;asso-rose-groupe;psychologie;;Groupe de parole;Patients;ville;traitement;;',
].join('\r\n');

test('the steward’s Windows-1252 sheet: every problem in one run, at its row and column, with the suggestions', () => {
  const table = m.parseCsv(cp1252(MISTAKES));
  assert.equal(table.encoding, 'Windows-1252');
  const r = m.tableToFeed(table, OPTIONS());
  assert.ok(r.feed, r.fatal);
  // Usual headers are read as the columns, not refused.
  assert.deepEqual(r.headers.filter((h) => h.alias).map((h) => `${h.header}→${h.column}`), [
    'Identifiant→structure_id', 'Nom de la structure→structure_nom', 'Type→type_structure', 'CP→code_postal', 'Ville→commune',
    'Courriel→email', 'Date de vérification→verifie_le', 'Réf. offre→offre_id', 'Lieu→lieux', 'Référent→referent_nom', 'Mail référent→referent_email',
  ]);
  const at = (row, column) => r.problems.filter((p) => p.row === row && p.column === column);
  const one = (row, column, re) => {
    const found = at(row, column).find((p) => re.test(p.message));
    assert.ok(found, `ligne ${row}, ${column}: ${re} in ${JSON.stringify(at(row, column).map((p) => p.message))}`);
    return found;
  };
  const fix = (p) => p.fixes?.map((f) => [f.column, f.value, f.suggestion, f.rows ?? [f.row]]);

  // The lost leading zero: restored in the feed, flagged, its fix for every row of the structure.
  const phone = one(2, 'Téléphone', /« 559923000 » complété en « 05 59 92 30 00 » \(zéro initial perdu par le tableur \?\)/);
  assert.deepEqual(fix(phone), [['Téléphone', '559923000', '05 59 92 30 00', [2, 3]]]);
  // A code typed as words: read as the code, and said.
  assert.deepEqual(fix(one(2, 'Phases', /« Après traitement » lu comme le code « apres-traitement »/)), [['Phases', 'Après traitement', 'apres-traitement', [2]]]);
  // A finer care typed as the category: its category, and the finer care into soins_precis.
  const socio = one(3, 'Soin', /code inconnu "Socio-esthétique".* → vouliez-vous dire « image-de-soi » : Bien-être et image de soi.*soins_precis \(« socio-esthetique »\) : ligne ignorée/);
  assert.equal(socio.severity, 'error');
  assert.deepEqual(fix(socio), [['Soin', 'Socio-esthétique', 'image-de-soi', [3]], ['Soins précis', '', 'socio-esthetique', [3]]]);
  // The start of a label: the whole structure waits for it, and says it once for each row.
  const ligue = one(4, 'Type', /code inconnu "Comité de la Ligue" .*→ vouliez-vous dire « comite-ligue » : Comité de la Ligue contre le cancer \? : structure « ligue-64 » ignorée avec ses 2 lignes \(4, 5\)/);
  assert.deepEqual(fix(ligue), [['Type', 'Comité de la Ligue', 'comite-ligue', [4, 5]]]);
  assert.deepEqual(ligue.structure, { id: 'ligue-64', name: 'Ligue contre le cancer, comité des Pyrénées-Atlantiques' });
  // …and the rows of that dropped structure are checked all the same (not one fix per run).
  const aidants = one(5, 'Publics', /code inconnu "Aidants".*→ vouliez-vous dire « proche-aidant » : Proches et aidants \?/);
  assert.deepEqual(fix(aidants), [['Publics', 'Aidants', 'proche-aidant', [5]]]);
  // A word of the search lexicon.
  assert.deepEqual(fix(one(6, 'Lieu', /code inconnu "Téléconsultation".*→ vouliez-vous dire « distance » : À distance \(téléphone, visio\) \?/)), [['Lieu', 'Téléconsultation', 'distance', [6]]]);
  // The same place under another id.
  one(8, 'FINESS', /même FINESS « 640780417 » que la structure « ch-pau » \(ligne 2\)/);
  // JJ/MM/AAAA dates are dates; private columns never reach the feed.
  const pau = r.feed.structures.find((s) => s.id === 'ch-pau');
  assert.equal(pau.verifiedAt, '2026-01-15');
  assert.equal(pau.contact.phone, '05 59 92 30 00');
  assert.deepEqual(r.private.get('ch-pau'), { name: 'Marie Durand', email: 'm.durand@ch-pau.test' });
  assert.doesNotMatch(JSON.stringify(r.feed), /Durand|Martin|m\.durand/);
  assert.deepEqual(r.structures, { total: 5, kept: 4 });
  assert.deepEqual(r.rows, { total: 8, rejected: 4 });

  // One click each: every fix applied, the sheet read again is clean.
  const { table: fixed, skipped } = m.applyFixes(table, r.problems.flatMap((p) => p.fixes ?? []));
  // Skipped: only the fixes shown on two remarks of one cell (« code inconnu », then « liste vide »), already applied once.
  assert.equal(skipped.length, 2);
  for (const f of skipped) assert.equal(r.problems.filter((p) => p.fixes?.includes(f)).length, 2);
  const again = m.tableToFeed(fixed, OPTIONS());
  assert.deepEqual(again.structures, { total: 5, kept: 5 });
  assert.deepEqual(again.rows, { total: 8, rejected: 0 });
  assert.deepEqual(again.problems.filter((p) => p.severity === 'error' || p.code === 'value-fixed' || p.code === 'value-ignored'), []);
  assert.deepEqual(again.feed.structures.find((s) => s.id === 'ch-pau').offers.map((o) => [o.care, o.subcares, o.phases]), [['douleur', undefined, ['apres-traitement']], ['image-de-soi', ['socio-esthetique'], undefined]]);
  assert.equal(again.feed.structures.find((s) => s.id === 'ligue-64').kind, 'comite-ligue');
});

/** A conversion's problems as the steward reads them (« ligne 2, colonne « soin » : … »), and `has(re)`, which fails listing them all. */
function problemLines(r) {
  const lines = r.problems.map((p) => `${m.where(p)} : ${p.message}`);
  return { lines, has: (re) => assert.ok(lines.some((l) => re.test(l)), `${re}\n${lines.join('\n')}`) };
}

test('a structure dropped for a bad required cell still has every other cell and offer checked', () => {
  const table = m.parseCsv(Buffer.from([
    'structure_id;structure_nom;type_structure;code_postal;commune;verifie_le;site_web;offre_id;soin;publics;lieux;cout',
    'a;A;Hôpital;3300;Bordeaux;2026-13-45;javascript:alert(1);a-1;Psycologie;patient;ville;gratos',
    'a;A;Hôpital;3300;Bordeaux;2026-13-45;javascript:alert(1);a-2;douleur;Tout le monde;ville;',
    ';Sans identifiant;association;33000;Bordeaux;2026-09-01;;x-1;douleur;patient;la lune;',
  ].join('\n')));
  const r = m.tableToFeed(table, OPTIONS());
  const { has } = problemLines(r);
  has(/ligne 2, colonne « type_structure » : code inconnu "Hôpital"/);
  has(/ligne 2, colonne « verifie_le » : date invalide "2026-13-45" \(attendu JJ\/MM\/AAAA, par ex\. 12\/03\/2026, ou AAAA-MM-JJ\)/);
  has(/ligne 2, colonne « site_web » : lien refusé "javascript:alert\(1\)"/);
  has(/ligne 2, colonne « soin » : code inconnu "Psycologie".*vouliez-vous dire « psychologie »/);
  has(/ligne 2, colonne « cout » : code inconnu "gratos"/);
  has(/ligne 3, colonne « publics » : code inconnu "Tout le monde"/);
  has(/ligne 4, colonne « structure_id » : identifiant de structure vide : ligne ignorée/);
  has(/ligne 4, colonne « lieux » : code inconnu "la lune"/);
  assert.deepEqual(r.feed.structures, []);
  assert.deepEqual(r.structures, { total: 1, kept: 0 });
});

test('a day that does not exist, typed JJ/MM/AAAA, is quoted as typed, with the forms a sheet accepts', () => {
  const head = 'structure_id;structure_nom;type_structure;code_postal;commune;verifie_le;fermeture_du;fermeture_au;offre_id;soin;publics;lieux';
  const table = m.parseCsv(Buffer.from([
    head,
    'a;A;msp;33000;Bordeaux;32/13/2025;;;a-1;douleur;patient;ville',
    'b;B;msp;33000;Bordeaux;15/01/2026;31/02/2026;05/03/2026;b-1;douleur;patient;ville',
  ].join('\n')));
  const r = m.tableToFeed(table, OPTIONS());
  const { lines, has } = problemLines(r);
  has(/ligne 2, colonne « verifie_le » : date invalide "32\/13\/2025" \(attendu JJ\/MM\/AAAA, par ex\. 12\/03\/2026, ou AAAA-MM-JJ\)/);
  has(/ligne 3, colonne « fermeture_du(, fermeture_au)? » : date invalide "31\/02\/2026"/);
  assert.ok(!lines.some((l) => /2025-13-32|2026-02-31/.test(l)), `no date the steward did not type:\n${lines.join('\n')}`);
  // The real dates around them are read as usual.
  assert.deepEqual(r.feed.structures.map((s) => [s.id, s.verifiedAt]), [['b', '2026-01-15']]);
});

test('headers: usual names read as columns, a near miss suggested with a fix, ambiguity said, required ones missing are fatal', () => {
  assert.equal(m.columnForHeader('Code Postal').column.name, 'code_postal');
  assert.equal(m.columnForHeader('N° FINESS').column.name, 'finess');
  assert.equal(m.columnForHeader('Public(s)').column.name, 'publics');
  assert.equal(m.columnForHeader('Date de la dernière relance').column.name, 'derniere_relance');
  assert.equal(m.columnForHeader('Tél. référent').column.name, 'referent_telephone');
  assert.equal(m.columnForHeader('Description'), undefined);
  assert.deepEqual(m.suggestHeader('Description'), ['description_offre', 'description_structure']);
  assert.deepEqual(m.suggestHeader('Comune'), ['commune']);
  const r = m.tableToFeed({ header: ['structure_id', 'Structure nom', 'Typ structure'], rows: [{ row: 2, cells: ['a', 'A', 'msp'] }] }, OPTIONS());
  assert.match(r.fatal, /^colonnes obligatoires absentes : type_structure, code_postal, commune, verifie_le, soin, publics, lieux \(« Typ structure » pour type_structure \?\)/);
  const typo = r.problems.find((p) => p.column === 'Typ structure');
  assert.deepEqual(typo.fixes, [{ row: 1, col: 2, column: 'Typ structure', value: 'Typ structure', suggestion: 'type_structure', label: 'type_structure' }]);
  assert.deepEqual(m.applyFixes({ header: ['a', 'Typ structure'], rows: [] }, [{ ...typo.fixes[0], col: 1 }]).table.header, ['a', 'type_structure']);
});

test('suggestCode: one clear candidate or none', () => {
  const col = (name) => m.columnByName.get(name);
  const s = (name, v) => m.suggestCode(col(name), v)?.code;
  assert.equal(s('type_structure', 'Comité de la Ligue'), 'comite-ligue');
  assert.equal(s('type_structure', 'Maison sport santé'), 'maison-sport-sante');
  assert.equal(s('publics', 'Aidants'), 'proche-aidant');
  assert.equal(s('publics', 'Professionnels'), 'professionnel');
  assert.equal(s('lieux', 'Téléconsultation'), 'distance');
  assert.equal(s('lieux', 'visio'), 'distance');
  assert.equal(s('soin', 'Psycologie'), 'psychologie');
  assert.equal(s('soin', 'kiné'), 'effets-secondaires');
  assert.deepEqual(m.suggestCode(col('soin'), 'Sophrologie'), { code: 'psychologie', label: 'Prise en charge psychologique', subcare: { code: 'sophrologie', label: 'Sophrologie' } });
  assert.equal(s('cout', 'Remboursé'), 'rembourse');
  // Nothing close, or two as close: no guess.
  assert.equal(s('soin', 'homéopathie'), undefined);
  assert.equal(s('lieux', 'la lune'), undefined);
  assert.equal(s('type_structure', 'Centre'), undefined);
});

test('phones: French numbers written 05 56 79 58 58, a lost leading zero restored and flagged, one found in a sentence suggested', () => {
  assert.deepEqual(m.readPhone('0556795858'), { value: '05 56 79 58 58' });
  assert.deepEqual(m.readPhone('05.56.79.58.58'), { value: '05 56 79 58 58' });
  assert.deepEqual(m.readPhone('556795858'), { value: '05 56 79 58 58', lostZero: true });
  assert.deepEqual(m.readPhone('+33 (0)5 56 79 58 58'), { value: '+33 (0)5 56 79 58 58' });
  assert.deepEqual(m.readPhone('Accueil : 05 56 79 58 58 (le matin)'), { value: 'Accueil : 05 56 79 58 58 (le matin)', found: '05 56 79 58 58' });
  assert.deepEqual(m.readPhone('3615'), { value: '3615' });
});

// ---- The round trip: feed → working spreadsheet → feed --------------------------------------

const letters = 'abcdefghijklmnopqrstuvwxyzéèêàçôœABCDEÉ';
const chars = `${letters}   0123456789-;,.:'’"|=+@/()!?€\n`;
const text = (max = 24) => fc.tuple(fc.constantFrom(...letters), fc.array(fc.constantFrom(...chars), { maxLength: max }), fc.constantFrom('', '=', '+', '-', '@', "'=", "''+"))
  .map(([first, rest, prefix]) => `${prefix}${first}${rest.join('')}`);
const pick = (list) => fc.uniqueArray(fc.constantFrom(...list), { minLength: 1, maxLength: Math.min(3, list.length) });
const digits = (n) => fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
const phone = fc.oneof(
  digits(8).map((d) => `0${'12345679'[Number(d[0]) % 8]}${d.slice(1)}0`.replace(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, '$1 $2 $3 $4 $5')),
  digits(9).map((d) => `+33 ${'12345'[Number(d[0]) % 5]} ${d.slice(1, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)} ${d.slice(7, 9)}`),
  fc.constant('+41 22 123 45 67'),
);
const day = fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2027, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));
const url = fc.tuple(fc.constantFrom('https://', 'http://'), fc.constantFrom('exemple.fr', 'www.onco-test.org', 'a-b.fr'), fc.constantFrom('', '/', '/rdv?x=1', '/page#a')).map((p) => p.join(''));
const email = fc.tuple(fc.constantFrom('contact', 'sos', 'a.b'), fc.constantFrom('exemple.fr', 'onco-test.org')).map(([a, b]) => `${a}@${b}`);
const opt = (arb) => fc.option(arb, { nil: undefined });
/** An optional object with at least one field (an empty one means nothing, and a sheet has no cell for it). */
const some = (shape) => opt(fc.record(shape, { requiredKeys: [] }).filter((o) => Object.values(o).some((v) => v !== undefined)));
const contactArb = some({ phone: opt(phone), email: opt(email), website: opt(url), mssante: opt(email) });

function offerArb(taxonomy) {
  return fc.record({
    care: fc.constantFrom(...taxonomy.care), label: opt(text()), subcares: opt(pick(taxonomy.subcares)), audiences: pick(['patient', 'proche-aidant', 'professionnel']),
    ages: opt(pick(['enfant', 'aja', 'adulte', 'personne-agee'])), settings: pick(['etablissement', 'ville', 'domicile', 'distance']),
    serviceArea: some({ departments: opt(pick(['33', '2A', '971', '01'])), communes: opt(pick(['33063', '2A004', '01004'])), radiusKm: opt(fc.double({ min: 0.5, max: 1000, noNaN: true })) }),
    phases: opt(pick(['diagnostic', 'traitement', 'apres-traitement', 'palliatif'])), access: opt(pick(['suivis-etablissement', 'non-suivis', 'had'])),
    referral: opt(fc.constantFrom('direct', 'orientation', 'prescription')), cost: opt(fc.constantFrom('gratuit', 'rembourse', 'reste-a-charge')), costNote: opt(text()),
    pathways: opt(pick(['parcours-global-apres-cancer', 'parcours-aja'])), nonConventional: opt(fc.boolean()), description: opt(text(80)), schedule: opt(text()),
    openingHours: opt(fc.constantFrom('Mo-Fr 09:00-17:00; PH off', 'We 14:00-17:00')), howTo: opt(pick(['telephone', 'courriel', 'sur-place'])), bookingUrl: opt(url),
    contact: contactArb,
  }, { requiredKeys: ['care', 'audiences', 'settings'] });
}

function structureArb(taxonomy) {
  return fc.record({
    name: text(), kind: fc.constantFrom('etablissement-sante', 'clcc', 'association', 'comite-ligue', 'msp', 'autre'),
    finess: opt(fc.tuple(digits(1), fc.constantFrom('3', 'A', 'B'), digits(7)).map((p) => p.join(''))), siret: opt(digits(14)), description: opt(text(80)),
    address: fc.record({ line: opt(text()), postalCode: digits(5), city: text(), insee: opt(fc.constantFrom('33063', '2A004', '97411')) }, { requiredKeys: ['postalCode', 'city'] }),
    department: opt(fc.constantFrom('33', '2A', '974')),
    location: opt(fc.record({ lat: fc.double({ min: 42, max: 51, noNaN: true }), lon: fc.double({ min: -4.5, max: 8, noNaN: true }) })),
    contact: contactArb,
    accessibility: some({ wheelchair: opt(fc.boolean()), acceslibre: opt(url) }),
    hours: opt(text(60)), openingHours: opt(fc.constantFrom('Mo-Fr 09:00-12:30,13:30-17:00; PH off', 'Tu 10:00-12:00')),
    closure: opt(fc.tuple(day, fc.integer({ min: 0, max: 40 }), opt(text())).map(([from, len, note]) => ({ from, until: new Date(Date.parse(from) + len * 864e5).toISOString().slice(0, 10), ...(note ? { note } : {}) }))),
    languages: opt(pick(['en', 'es', 'ar', 'br'])), verifiedAt: day,
    offers: fc.array(offerArb(taxonomy), { minLength: 1, maxLength: 3 }),
  }, { requiredKeys: ['name', 'kind', 'address', 'verifiedAt', 'offers'] });
}

/** Random valid feeds, ids unique; `undefined` keys removed (a feed never holds them). */
function feedArb(taxonomy) {
  return fc.array(structureArb(taxonomy), { minLength: 1, maxLength: 4 }).map((list) => {
    let n = 0;
    const structures = list.map((s, i) => JSON.parse(JSON.stringify({ ...s, id: `s${i}`, offers: s.offers.map((o) => ({ ...o, id: `o${n++}` })) })));
    return { format: 'sos-feed/1', publisher: PUBLISHER, generatedAt: '2026-11-22T08:00:00Z', structures };
  });
}

/** The feed as the validator keeps it (cleaned texts), written form: what a round trip must give back. */
function canonical(doc) {
  const r = m.validateFeed(doc, { now: new Date('2026-11-22') });
  assert.ok(r.ok);
  const dropped = r.diagnostics.filter((d) => d.severity === 'error' || d.code === 'field-dropped' || d.code === 'location-rejected');
  assert.deepEqual(dropped, [], 'the generator makes valid feeds');
  const structures = r.feed.structures.map((s, i) => {
    const { key, publisherId, department, ...rest } = s;
    return 'department' in doc.structures[i] ? { ...rest, department } : rest;
  });
  return { ...doc, publisher: r.feed.publisher, structures };
}

const taxonomyOf = () => ({
  care: [...m.COLUMNS.find((c) => c.name === 'soin').codes.keys()],
  subcares: [...m.COLUMNS.find((c) => c.name === 'soins_precis').codes.keys()].slice(0, 12),
});

test('round trip (property): feedToTable then tableToFeed gives the same feed, as a table and through CSV bytes', () => {
  const taxonomy = taxonomyOf();
  fc.assert(fc.property(feedArb(taxonomy), (doc) => {
    const feed = canonical(doc);
    const table = m.feedToTable(feed);
    const back = m.tableToFeed(table, { publisher: feed.publisher, generatedAt: feed.generatedAt, now: new Date('2026-11-22') });
    assert.deepEqual(back.feed, feed);
    assert.deepEqual(back.problems.filter((p) => p.severity === 'error' || p.code === 'value-fixed'), []);
    // Through the file: formulas neutralised on the way out, restored on the way in.
    const bytes = m.csvBytes(m.writeCsv(table.header, table.rows.map((r) => r.cells)));
    const read = m.parseCsv(bytes);
    assert.deepEqual(m.tableToFeed(read, { publisher: feed.publisher, generatedAt: feed.generatedAt, now: new Date('2026-11-22') }).feed, feed);
  }), { numRuns: 150 });
});

test('round trip (property) through an .xlsx workbook: text cells stay text, numbers numbers, the feed comes back', async () => {
  const taxonomy = taxonomyOf();
  await fc.assert(fc.asyncProperty(feedArb(taxonomy), async (doc) => {
    const feed = canonical(doc);
    const table = m.feedToTable(feed);
    const bytes = await m.writeXlsx(table, { numeric: ['latitude', 'longitude', 'zone_rayon_km'] });
    const { table: read, sheet } = await m.readXlsx(bytes);
    assert.equal(sheet, 'Annuaire');
    assert.deepEqual(m.tableToFeed(read, { publisher: feed.publisher, generatedAt: feed.generatedAt, now: new Date('2026-11-22') }).feed, feed);
  }), { numRuns: 25 });
});

test('feedToTable keeps the private columns apart; a structure with a bad value is written as it is', () => {
  const feed = { structures: [
    { id: 'a', name: 'A', kind: 'msp', address: { postalCode: '33000', city: 'Bordeaux' }, verifiedAt: '2026-01-01', offers: [{ id: 'a1', care: 'douleur', audiences: ['patient', 'Aidants'], settings: ['ville'] }] },
    { id: 'b', name: 'B', kind: 'Comité de la Ligue', address: { postalCode: 33000, city: 'Bordeaux' }, verifiedAt: '2026-01-01', offers: [] },
  ] };
  const table = m.feedToTable(feed, { private: new Map([['a', { name: 'Marie', email: 'marie@exemple.fr', lastReminder: '2026-10-01' }]]) });
  const col = (name) => table.header.indexOf(name);
  assert.deepEqual(table.rows.map((r) => [r.row, r.cells[col('structure_id')], r.cells[col('type_structure')], r.cells[col('code_postal')], r.cells[col('publics')], r.cells[col('referent_nom')], r.cells[col('derniere_relance')]]), [
    [2, 'a', 'msp', '33000', 'patient|Aidants', 'Marie', '2026-10-01'],
    [3, 'b', 'Comité de la Ligue', '33000', '', '', ''],
  ]);
  assert.ok(col('referent_email') > col('description_structure') && col('referent_email') < col('offre_id'));
  const back = m.tableToFeed(table, OPTIONS());
  assert.deepEqual(back.private.get('a'), { name: 'Marie', email: 'marie@exemple.fr', lastReminder: '2026-10-01' });
  assert.ok(back.problems.some((p) => p.row === 3 && /vouliez-vous dire « comite-ligue »/.test(p.message)));
});

test('setStructureCell: « marquer comme vérifié » sets every row of the structure', () => {
  const table = m.feedToTable({ structures: [
    { id: 'a', name: 'A', kind: 'msp', address: { postalCode: '33000', city: 'Bordeaux' }, verifiedAt: '2025-01-01', offers: [{ id: 'a1', care: 'douleur', audiences: ['patient'], settings: ['ville'] }, { id: 'a2', care: 'social', audiences: ['patient'], settings: ['ville'] }] },
    { id: 'b', name: 'B', kind: 'msp', address: { postalCode: '33000', city: 'Bordeaux' }, verifiedAt: '2025-01-01', offers: [{ id: 'b1', care: 'douleur', audiences: ['patient'], settings: ['ville'] }] },
  ] });
  const t = m.setStructureCell(m.setStructureCell(table, 'a', 'verifie_le', '2026-12-02'), 'a', 'derniere_relance', '2026-12-02');
  const r = m.tableToFeed(t, OPTIONS());
  assert.deepEqual(r.feed.structures.map((s) => s.verifiedAt), ['2026-12-02', '2025-01-01']);
  assert.deepEqual(r.private.get('a'), { lastReminder: '2026-12-02' });
  assert.equal(table.rows[0].cells[table.header.indexOf('verifie_le')], '2025-01-01', 'the table given is not changed');
});

// ---- Campaign, diff, coverage, quality, publishing -------------------------------------------

const S = (id, verifiedAt, extra = {}) => ({
  id, name: `Structure ${id}`, kind: 'association', address: { line: '1 rue A', postalCode: '33000', city: 'Bordeaux', insee: '33063' },
  contact: { phone: '05 56 00 00 00', email: `${id}@exemple.fr` }, verifiedAt,
  offers: [{ id: `${id}-1`, care: 'psychologie', label: 'Groupe de parole', audiences: ['patient', 'proche-aidant'], settings: ['ville'], cost: 'gratuit' }],
  ...extra,
});

test('campaign on a fixed day: due within 30 days, overdue past 12 months, to remove past 14; reminders, mailto and mail-merge table', () => {
  const structures = [
    S('ok', '2026-06-01'),
    S('due', '2025-12-20'), // anniversary 20/12/2026: within 30 days of 02/12/2026
    S('due-today', '2025-12-02'),
    S('overdue', '2025-11-01'),
    S('overdue-last-day', '2025-10-02'), // 14 months on 02/12/2026: still overdue, removed from 03/12
    S('remove', '2025-10-01'),
  ];
  const c = m.campaign(structures, {
    today: new Date('2026-12-02T12:00:00Z'),
    private: new Map([['overdue', { name: 'Paul Roux', email: 'paul.roux@exemple.fr', lastReminder: '2026-11-02' }]]),
    publisher: { name: 'Onco-Exemple' },
  });
  assert.equal(c.today, '2026-12-02');
  assert.equal(c.ok, 1);
  assert.deepEqual(c.due.map((r) => [r.id, r.dueOn]), [['due-today', '2026-12-02'], ['due', '2026-12-20']]);
  assert.deepEqual(c.overdue.map((r) => [r.id, r.removedOn]), [['overdue-last-day', '2026-12-03'], ['overdue', '2027-01-02']]);
  assert.deepEqual(c.remove.map((r) => r.id), ['remove']);
  const paul = c.overdue.find((r) => r.id === 'overdue');
  assert.equal(paul.to, 'paul.roux@exemple.fr');
  assert.equal(paul.toSource, 'referent');
  assert.equal(paul.subject, 'Annuaire des soins de support : merci de vérifier la fiche « Structure overdue »');
  assert.match(paul.body, /^Bonjour Paul Roux,\n\nOnco-Exemple publie l’annuaire régional des soins oncologiques de support\. Chaque structure confirme sa fiche une fois par an : celle de « Structure overdue » a été vérifiée pour la dernière fois le 1er novembre 2025\.\n\nElle a plus d’un an\. Merci de relire les informations ci-dessous et de nous répondre avant le 1er janvier 2027, .*sans réponse, la fiche sera retirée de l’annuaire publié le 2 janvier 2027\./);
  assert.match(paul.body, /\nVotre fiche aujourd’hui :\nNom : Structure overdue\nType : Association\nAdresse : 1 rue A, 33000 Bordeaux\nTéléphone : 05 56 00 00 00\nCourriel : overdue@exemple\.fr\nOffres \(1\) :\n- Groupe de parole \(Psychologie ; pour : patients, proches et aidants ; en ville \(cabinet, association\) ; gratuit\)\n/);
  assert.match(paul.body, /\nSi possible, complétez aussi :\n- horaires d’ouverture\n- conditions d’accès des offres \(qui peut venir, comment\)\n- description\n/);
  // mailto: encoded for mail programs (spaces %20, line breaks %0D%0A), the body decoded back whole.
  const url = new URL(paul.mailto);
  assert.equal(url.protocol, 'mailto:');
  assert.equal(url.pathname, 'paul.roux@exemple.fr');
  assert.doesNotMatch(paul.mailto, /\+/);
  assert.match(paul.mailto, /%0D%0A/);
  assert.equal(decodeURIComponent(/[?&]body=([^&]*)/.exec(paul.mailto)[1]), paul.body.replace(/\n/g, '\r\n'));
  assert.equal(paul.mailtoShortened, false);
  const due = c.due.find((r) => r.id === 'due');
  assert.equal(due.to, 'due@exemple.fr');
  assert.equal(due.toSource, 'structure');
  assert.match(due.body, /^Bonjour,\n/);
  assert.match(due.body, /nous répondre avant le 20 décembre 2026, en confirmant/);
  assert.match(c.remove[0].subject, /la fiche « Structure remove » n’est plus publiée/);
  assert.match(c.remove[0].body, /Sans confirmation depuis plus de 14 mois, elle n’est plus publiée dans l’annuaire/);

  // The mail-merge table, one row per reminder.
  const t = m.mailMergeTable(c);
  assert.deepEqual(t.header, ['statut', 'structure_id', 'structure_nom', 'referent_nom', 'destinataire', 'destinataire_source', 'referent_telephone', 'derniere_relance', 'verifie_le', 'echeance', 'retrait_le', 'objet', 'message', 'lien_mailto']);
  assert.deepEqual(t.rows.map((r) => r.cells.slice(0, 11)), [
    ['à relancer', 'due-today', 'Structure due-today', '', 'due-today@exemple.fr', 'courriel de la structure', '', '', '02/12/2025', '02/12/2026', '03/02/2027'],
    ['à relancer', 'due', 'Structure due', '', 'due@exemple.fr', 'courriel de la structure', '', '', '20/12/2025', '20/12/2026', '21/02/2027'],
    ['en retard', 'overdue-last-day', 'Structure overdue-last-day', '', 'overdue-last-day@exemple.fr', 'courriel de la structure', '', '', '02/10/2025', '02/10/2026', '03/12/2026'],
    ['en retard', 'overdue', 'Structure overdue', 'Paul Roux', 'paul.roux@exemple.fr', 'référent', '', '02/11/2026', '01/11/2025', '01/11/2026', '02/01/2027'],
    ['à retirer', 'remove', 'Structure remove', '', 'remove@exemple.fr', 'courriel de la structure', '', '', '01/10/2025', '01/10/2026', '02/12/2026'],
  ]);
});

test('campaign: a record too long for a mailto link gets a shorter body there, the whole one stays in the table', () => {
  const offers = Array.from({ length: 40 }, (_, i) => ({ id: `o${i}`, care: 'psychologie', label: `Atelier numéro ${i} avec un intitulé assez long`, audiences: ['patient'], settings: ['ville'] }));
  const c = m.campaign([S('big', '2025-11-01', { offers })], { today: new Date('2026-12-02') });
  const r = c.overdue[0];
  assert.equal(r.mailtoShortened, true);
  assert.ok(r.mailto.length <= m.MAX_MAILTO, String(r.mailto.length));
  assert.match(decodeURIComponent(r.mailto), /Offres : 40 \(détail dans l’annuaire\)/);
  assert.match(r.body, /Atelier numéro 39/);
  // No address at all: no link, said.
  const none = m.campaign([S('x', '2025-11-01', { contact: undefined })], { today: new Date('2026-12-02') }).overdue[0];
  assert.equal(none.toSource, 'none');
  assert.equal(none.mailto, undefined);
});

test('diff: structures and offers added, removed, changed field by field, by id', () => {
  const before = { publisher: PUBLISHER, structures: [S('a', '2026-01-01'), S('b', '2026-01-01'), S('c', '2026-01-01')] };
  const changedA = S('a', '2026-06-01', { contact: { phone: '05 56 11 11 11', email: 'a@exemple.fr' } });
  changedA.offers = [{ ...changedA.offers[0], audiences: ['proche-aidant', 'patient'], cost: 'rembourse' }, { id: 'a-2', care: 'douleur', audiences: ['patient'], settings: ['ville'] }];
  const after = { publisher: { ...PUBLISHER, name: 'Onco-Exemple (nouveau nom)' }, structures: [changedA, S('c', '2026-01-01'), S('d', '2026-01-01')] };
  const d = m.diffFeeds(before, after);
  assert.deepEqual(d.added.map((x) => x.id), ['d']);
  assert.deepEqual(d.removed.map((x) => x.id), ['b']);
  assert.equal(d.changed.length, 1);
  const a = d.changed[0];
  assert.deepEqual(a.changes, [
    { field: 'contact.phone', column: 'telephone', before: '05 56 00 00 00', after: '05 56 11 11 11' },
    { field: 'verifiedAt', column: 'verifie_le', before: '2026-01-01', after: '2026-06-01' },
  ]);
  // A list in another order is the same list; a changed cost is a change.
  assert.deepEqual(a.offersChanged, [{ id: 'a-1', title: 'Groupe de parole', changes: [{ field: 'cost', column: 'cout', before: 'gratuit', after: 'rembourse' }] }]);
  assert.deepEqual(a.offersAdded, [{ id: 'a-2', title: 'Prise en charge de la douleur' }]);
  assert.deepEqual(d.publisher, [{ field: 'name', before: 'Onco-Exemple', after: 'Onco-Exemple (nouveau nom)' }]);
  assert.deepEqual(d.counts, { structures: { before: 3, after: 3, added: 1, removed: 1, changed: 1 }, offers: { before: 3, after: 4, added: 2, removed: 1, changed: 1 } });
  const lines = m.diffLines(d);
  assert.ok(lines.includes('  ~ Structure a [a]'));
  assert.ok(lines.includes('      telephone : « 05 56 00 00 00 » → « 05 56 11 11 11 »'));
  assert.ok(lines.includes('          cout : « gratuit » → « rembourse »'));
  assert.ok(lines.includes('  - Structure b [b] : 1 offre'));
  assert.ok(m.isEmptyDiff(m.diffFeeds(before, before)));
});

test('coverage: département × category, and the communes farther than 20 km from any offer', () => {
  const communes = [
    { insee: '33063', name: 'Bordeaux', lat: 44.84, lon: -0.58, department: '33' },
    { insee: '33318', name: 'Pessac', lat: 44.81, lon: -0.64, department: '33' },
    { insee: '33529', name: 'Soulac-sur-Mer', lat: 45.51, lon: -1.12, department: '33' },
    { insee: '40192', name: 'Mont-de-Marsan', lat: 43.89, lon: -0.5, department: '40' },
    { insee: '64445', name: 'Pau', lat: 43.3, lon: -0.37, department: '64' },
  ];
  const structures = [
    S('bx', '2026-01-01', { location: { lat: 44.84, lon: -0.58 } }),
    S('home', '2026-01-01', { address: { postalCode: '40000', city: 'Mont-de-Marsan', insee: '40192' }, offers: [{ id: 'h1', care: 'psychologie', audiences: ['patient'], settings: ['domicile'] }] }),
    S('remote', '2026-01-01', { address: { postalCode: '64000', city: 'Pau', insee: '64445' }, location: { lat: 43.3, lon: -0.37 }, offers: [{ id: 'r1', care: 'psychologie', audiences: ['patient'], settings: ['distance'] }, { id: 'r2', care: 'douleur', audiences: ['patient'], settings: ['etablissement'] }] }),
  ];
  const c = m.coverage(structures, { communes, departments: ['33', '40', '64'] });
  const cell = (d, care) => c.cells.find((x) => x.department === d && x.care === care);
  assert.deepEqual([cell('33', 'psychologie').structures, cell('33', 'psychologie').offers, cell('33', 'psychologie').whiteCommunes], [1, 1, 1]);
  assert.deepEqual([cell('64', 'psychologie').offers, cell('64', 'psychologie').remoteOffers, cell('64', 'psychologie').whiteCommunes], [1, 1, 1]);
  assert.deepEqual([cell('40', 'psychologie').structures, cell('40', 'psychologie').whiteCommunes], [1, 0]);
  assert.equal(c.cells.length, 3 * 13);
  const psy = c.whiteZones.find((z) => z.care === 'psychologie').communes;
  // Soulac is 80 km from Bordeaux; Pau has only a remote offer; Mont-de-Marsan is served at home.
  assert.deepEqual(psy.map((w) => [w.name, w.nearestKm]), [['Soulac-sur-Mer', 86], ['Pau', 172]]);
  const douleur = c.whiteZones.find((z) => z.care === 'douleur').communes.map((w) => w.name);
  assert.deepEqual(douleur, ['Bordeaux', 'Pessac', 'Soulac-sur-Mer', 'Mont-de-Marsan']);
  const t = m.coverageTable(c);
  assert.deepEqual(t.header, ['departement', 'nom_departement', 'soin', 'libelle_soin', 'structures', 'offres', 'offres_a_distance_seulement', 'communes', 'communes_a_plus_de_20_km']);
  assert.deepEqual(t.rows.find((r) => r.cells[0] === '33' && r.cells[2] === 'psychologie').cells, ['33', 'Gironde', 'psychologie', 'Prise en charge psychologique', '1', '1', '0', '3', '1']);
  // A structure without coordinates but with its commune's INSEE code counts at that commune's centre.
  const placed = m.coverage([S('pau', '2026-01-01', { address: { postalCode: '64000', city: 'Pau', insee: '64445' }, offers: [{ id: 'p1', care: 'douleur', audiences: ['patient'], settings: ['ville'] }] })], { communes, departments: ['64'] });
  assert.deepEqual(placed.whiteZones.find((z) => z.care === 'douleur').communes, []);
  // The region from the publisher's code.
  assert.deepEqual(m.coverage([], { communes, region: '75' }).departments, ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87']);
});

test('quality: a score per structure and overall, what is missing sorted by what to fix first', () => {
  const full = S('full', '2026-01-01', { location: { lat: 44.83712, lon: -0.57918 }, hours: 'Lundi au vendredi', description: 'Un lieu.', offers: [{ id: 'f1', care: 'douleur', audiences: ['patient'], settings: ['ville'], cost: 'gratuit', referral: 'direct' }] });
  const poor = { id: 'poor', name: 'Pauvre', kind: 'autre', address: { postalCode: '33000', city: 'Bordeaux' }, verifiedAt: '2026-01-01', location: { lat: 44.84, lon: -0.58 }, offers: [{ id: 'p1', care: 'douleur', audiences: ['patient'], settings: ['ville'] }, { id: 'p2', care: 'social', audiences: ['patient'], settings: ['ville'], cost: 'gratuit' }] };
  const q = m.quality([full, poor], { communeCentre: () => ({ lat: 44.84, lon: -0.58 }) });
  assert.deepEqual(q.structures.map((s) => [s.id, s.score]), [['poor', 10], ['full', 100]]);
  assert.deepEqual(q.structures[0].missing.map((x) => [x.criterion, x.points]), [['contact', 25], ['coordinates', 15], ['address', 15], ['hours', 10], ['access', 10], ['description', 10], ['cost', 5]]);
  assert.match(q.structures[0].missing.find((x) => x.criterion === 'coordinates').label, /placée au centre de sa commune/);
  assert.match(q.structures[0].missing.find((x) => x.criterion === 'cost').label, /1 offre sur 2 sans coût/);
  assert.equal(q.overall, 55);
  assert.deepEqual(q.criteria.map((c) => c.criterion), ['contact', 'coordinates', 'address', 'hours', 'access', 'description', 'cost']);
});

test('public feed: structures over 14 months left out unless kept; the guard refuses none and fewer than half unless forced', () => {
  const feed = { format: 'sos-feed/1', publisher: PUBLISHER, generatedAt: '2026-11-22T08:00:00Z', structures: [S('fresh', '2026-06-01'), S('old', '2025-09-01'), S('older', '2025-01-01')] };
  const today = new Date('2026-12-02');
  const p = m.publicFeed(feed, { today });
  assert.deepEqual(p.feed.structures.map((s) => s.id), ['fresh']);
  assert.deepEqual(p.leftOut.map((s) => s.id), ['old', 'older']);
  assert.deepEqual(p.guard, { ok: true });
  assert.deepEqual(m.publicFeed(feed, { today, keep: ['old'] }).feed.structures.map((s) => s.id), ['fresh', 'old']);
  assert.deepEqual(m.publicFeed(feed, { today, keep: 'all' }).keptStale.map((s) => s.id), ['old', 'older']);
  // The published feed had 3: 1 is fewer than half.
  const halved = m.publicFeed(feed, { today, compareWith: 3 });
  assert.equal(halved.guard.ok, false);
  assert.equal(halved.guard.reason, 'halved');
  assert.match(halved.guard.message, /1 structure sur 3 : moins de la moitié/);
  assert.equal(m.publicFeed(feed, { today, compareWith: 3, force: true }).guard.ok, true);
  assert.equal(m.publicFeed(feed, { today, compareWith: 2 }).guard.ok, true);
  // None: refused, forced or not.
  const none = m.publicFeed({ ...feed, structures: [S('older', '2025-01-01')] }, { today, force: true });
  assert.deepEqual(none.guard, { ok: false, reason: 'empty', message: 'aucune structure à publier : les sites partenaires afficheraient un annuaire vide' });
  // Fields outside the feed (a private column carried along by mistake) never get out.
  const leaky = m.publicFeed({ ...feed, structures: [{ ...S('fresh', '2026-06-01'), referent: { email: 'prive@exemple.fr' } }] }, { today });
  assert.doesNotMatch(JSON.stringify(leaky.feed), /prive@/);
});

test('checkFeed: a feed’s problems with their JSON path and structure, suggestions and lost zeros as fixes, duplicates', () => {
  const doc = { format: 'sos-feed/1', publisher: PUBLISHER, generatedAt: '2026-11-22T08:00:00Z', structures: [
    S('a', '2026-06-01', { kind: 'Comité de la Ligue', contact: { phone: '556000000' } }),
    S('b', '2026-06-01', { finess: '330000001' }),
    S('c', '2026-06-01', { finess: '330000001', offers: [{ id: 'c1', care: 'douleur', audiences: ['Aidants'], settings: ['Téléconsultation', 'ville'] }] }),
  ] };
  const r = m.checkFeed(doc, { now: new Date('2026-12-02') });
  const byPath = (path) => r.problems.filter((p) => p.path === path);
  const kind = byPath('structures[0].kind')[0];
  assert.match(kind.message, /code inconnu "Comité de la Ligue".*→ vouliez-vous dire « comite-ligue » : Comité de la Ligue contre le cancer \? : structure ignorée$/);
  assert.deepEqual(kind.structure, { id: 'a', name: 'Structure a' });
  assert.deepEqual(byPath('structures[0].contact.phone')[0].fixes, [{ path: 'structures[0].contact.phone', value: '556000000', suggestion: '05 56 00 00 00', label: '05 56 00 00 00' }]);
  assert.equal(byPath('structures[2].offers[0].audiences[0]')[0].fixes[0].suggestion, 'proche-aidant');
  assert.equal(byPath('structures[2].offers[0].settings[0]')[0].fixes[0].suggestion, 'distance');
  assert.match(byPath('structures[2].finess')[0].message, /même FINESS « 330000001 » que structures\[1\]/);
  // c's only offer has no audience left: dropped with it.
  assert.deepEqual(r.feed.structures.map((s) => s.id), ['b']);
  const { doc: fixed, applied } = m.applyFeedFixes(doc, r.problems.flatMap((p) => p.fixes ?? []));
  assert.equal(applied.length, 4);
  const again = m.checkFeed(fixed, { now: new Date('2026-12-02') });
  assert.deepEqual(again.feed.structures.map((s) => s.id), ['a', 'b', 'c']);
  assert.deepEqual(again.feed.structures[2].offers[0].settings, ['distance', 'ville']);
  assert.deepEqual(doc.structures[0].kind, 'Comité de la Ligue', 'the document given is not changed');
});

test('data-schema/csv-columns.md documents every column of the working spreadsheet, in a table row of its own', async () => {
  const { readFileSync } = await import('node:fs');
  const doc = readFileSync(resolve(root, 'data-schema/csv-columns.md'), 'utf8');
  const documented = new Set([...doc.matchAll(/^\| `([a-z_]+)` \|/gm)].map((x) => x[1]));
  assert.deepEqual(m.SHEET_COLUMNS.map((c) => c.name).filter((n) => !documented.has(n)), []);
  assert.deepEqual([...documented].filter((n) => !m.columnByName.has(n)), []);
  // The example sheet shows the private columns too, and they stay out of its feed.
  const example = m.parseCsv(readFileSync(resolve(root, 'data-schema/exemple-tableur.csv')));
  for (const c of m.PRIVATE_COLUMNS) assert.ok(example.header.includes(c.name), c.name);
  const r = m.tableToFeed(example, OPTIONS());
  assert.equal(r.private.get('ch-exemple-sos').name, 'Claire Martin');
  assert.doesNotMatch(JSON.stringify(r.feed), /Claire Martin|c\.martin/);
});
