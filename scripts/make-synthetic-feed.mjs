#!/usr/bin/env node
// A deterministic synthetic NATIONAL feed for benchmarks (readers must stay fast at 10,000
// structures). Uses committed files only, so it runs on a fresh clone:
//   node scripts/make-synthetic-feed.mjs [count=10000] [out=bench/.cache/national-10k.json] [--no-validate]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const t0 = performance.now();
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const COUNT = Number(args[0] ?? 10000);
const OUT = resolve(ROOT, args[1] ?? 'bench/.cache/national-10k.json');
const VALIDATE = !process.argv.includes('--no-validate');
if (!Number.isInteger(COUNT) || COUNT < 1) throw new Error(`bad structure count: ${args[0]}`);

/** The project's TypeScript modules, bundled in memory (esbuild is a dev dependency). */
async function importTs(contents) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

const tax = await importTs(`export * from './src/feed/taxonomy.ts'; export { HOW_TO } from './src/feed/how-to.ts'; export { DEPARTEMENTS } from './src/geo/departements.ts';
export { departementsOfRegion, regionOfDepartement } from './src/geo/regions.ts';
export { parseCommunes } from './src/geo/communes.ts';`);
const { default: communeData } = await import('../src/geo/communes.data.js');

// mulberry32: small and seeded.
let seed = 20261120;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (min, max) => min + Math.floor(rand() * (max - min + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;
/** `n` distinct codes, kept in taxonomy order. */
const some = (codes, n) => {
  const chosen = new Set();
  while (chosen.size < Math.min(n, codes.length)) chosen.add(pick(codes));
  return codes.filter((c) => chosen.has(c));
};
const pad2 = (n) => String(n).padStart(2, '0');

// Communes, drawn with probability proportional to population (cumulative sums + binary search).
// Decoded by the widget's own parser (the data is a compact column format).
const communes = tax.parseCommunes(communeData).communes.map((c) => ({ ...c, population: Math.max(1, c.population) }));
const cumulative = new Float64Array(communes.length);
communes.reduce((sum, c, i) => (cumulative[i] = sum + c.population), 0);
const total = cumulative[cumulative.length - 1];
const randomCommune = () => {
  const x = rand() * total;
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
  }
  return communes[lo];
};
const department = (insee) => (insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2));

const KINDS = [
  ['etablissement-sante', 20], ['clcc', 1], ['association', 22], ['comite-ligue', 4], ['cpts', 12], ['msp', 14],
  ['centre-sante', 6], ['dac', 4], ['eri', 2], ['maison-sport-sante', 6], ['reseau', 3], ['autre', 6],
];
const weighted = (entries) => {
  let x = rand() * entries.reduce((a, [, w]) => a + w, 0);
  for (const [v, w] of entries) if ((x -= w) < 0) return v;
  return entries[entries.length - 1][0];
};
const NAMES = {
  'etablissement-sante': (c) => pick([`Centre hospitalier de ${c}`, `Clinique du Parc — ${c}`, `Polyclinique de ${c}`, `Hôpital privé ${c}`, `Centre de radiothérapie de ${c}`]),
  clcc: (c) => `Institut de cancérologie de ${c}`,
  association: (c) => pick([`Association Vivre Mieux ${c}`, `Les Amis de la Santé de ${c}`, `Association Rose Espoir ${c}`, `Entraide Cancer ${c}`, `Sport et Bien-être ${c}`]),
  'comite-ligue': (c, dep) => `Ligue contre le cancer — comité ${tax.DEPARTEMENTS[dep] ?? dep} (antenne de ${c})`,
  cpts: (c) => `CPTS ${c} et environs`,
  msp: (c) => pick([`MSP de ${c}`, `Maison de santé ${c} Centre`, `Pôle de santé de ${c}`]),
  'centre-sante': (c) => `Centre de santé de ${c}`,
  dac: (c) => `DAC du territoire de ${c}`,
  eri: (c) => `Espace de rencontres et d’information de ${c}`,
  'maison-sport-sante': (c) => `Maison sport-santé de ${c}`,
  reseau: (c) => `Réseau de soins palliatifs de ${c}`,
  autre: (c) => pick([`Espace santé ${c}`, `Plateforme d’orientation de ${c}`]),
};
/** ARCEP blocks reserved for fiction (e.g. 05 36 49 xx xx): these numbers never ring anyone. */
const FICTION_PHONES = ['01 99 00', '02 61 91', '03 53 01', '04 65 71', '05 36 49'];
const HOSPITAL = new Set(['etablissement-sante', 'clcc']);

const subcareCodes = new Map(tax.CATEGORIES.map((c) => [c.code, c.subcares.map((s) => s.code)]));
const nonConventional = new Set(tax.CATEGORIES.flatMap((c) => c.subcares.filter((s) => s.nonConventional).map((s) => s.code)));
const labelOf = new Map(tax.CATEGORIES.flatMap((c) => c.subcares.map((s) => [s.code, s.label.fr])));
// verifiedAt over two years up to the generation day; day arithmetic in UTC, no clock read.
const GENERATED = Date.UTC(2026, 10, 20);
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

const structures = [];
let offerCount = 0;
for (let i = 0; i < COUNT; i++) {
  const kind = weighted(KINDS);
  const c = randomCommune();
  const dep = department(c.insee);
  const id = `s${String(i + 1).padStart(5, '0')}`;
  const nOffers = HOSPITAL.has(kind) ? int(3, 7) : int(1, 6);
  const cares = some(tax.CARE_CODES, nOffers);
  const offers = [];
  for (const care of cares) {
    const codes = subcareCodes.get(care);
    const o = { id: `${id}-${care}`, care };
    if (chance(0.7)) {
      o.subcares = some(codes, int(1, 3));
      // Some publishers repeat a finer care; readers must cope.
      if (chance(0.03)) o.subcares.push(o.subcares[0]);
      if (o.subcares.some((s) => nonConventional.has(s))) o.nonConventional = true;
      if (chance(0.6)) o.label = labelOf.get(o.subcares[0]);
    }
    o.audiences = some(tax.AUDIENCES.codes, int(1, 2));
    if (chance(0.4)) o.ages = some(tax.AGES.codes, int(1, 3));
    o.settings = some(tax.SETTINGS.codes, int(1, 2));
    if (chance(0.5)) o.phases = some(tax.PHASES.codes, int(1, 3));
    if (chance(0.6)) o.access = some(tax.ACCESS.codes, int(1, 2));
    if (chance(0.7)) o.referral = pick(tax.REFERRALS.codes);
    if (chance(0.7)) o.cost = pick(tax.COSTS.codes);
    if (o.cost === 'reste-a-charge' && chance(0.5)) o.costNote = 'Participation de 5 € par séance.';
    if (chance(0.2)) o.pathways = some(tax.PATHWAYS.codes, int(1, 2));
    if (chance(0.3)) o.description = `Offre synthétique ${care} n° ${offers.length + 1} de la structure ${id}.`;
    if (chance(0.2)) o.schedule = pick(['Le mardi de 14 h à 16 h.', 'Sur rendez-vous.', 'Un samedi sur deux.']);
    offers.push(o);
  }
  offerCount += offers.length;
  const s = {
    id, name: NAMES[kind](c.name, dep), kind,
    address: { line: `${int(1, 200)} rue de la Santé`, postalCode: c.postalCodes[0], city: c.name, insee: c.insee },
  };
  if (chance(0.5)) s.department = dep;
  // ~5% without coordinates: listed but not mapped. Others jittered around the centroid (~1 km).
  if (chance(0.95)) s.location = { lat: Number((c.lat + (rand() - 0.5) * 0.02).toFixed(4)), lon: Number((c.lon + (rand() - 0.5) * 0.02).toFixed(4)) };
  s.contact = { phone: `${pick(FICTION_PHONES)} ${pad2(int(0, 99))} ${pad2(int(0, 99))}`, website: `https://example.org/${id}` };
  if (chance(0.5)) s.contact.email = `contact-${id}@example.org`;
  if (chance(0.1)) s.contact.mssante = `sos@${id}.mssante.example.org`;
  if (chance(0.7)) s.accessibility = { wheelchair: chance(0.75) };
  if (chance(0.5)) s.hours = 'Du lundi au vendredi, 9 h – 17 h.';
  // Mostly re-verified within the year; one in five older (the "stale" warning).
  s.verifiedAt = isoDay(GENERATED - (chance(0.8) ? int(0, 360) : int(370, 730)) * 86400000);
  s.offers = offers;
  structures.push(s);
}

// Service areas (FEED-SPEC 1.1) of home and remote offers, in a pass of their own on a PRNG
// stream of their own: everything else is what it was before service areas existed.
let areaSeed = 20261121;
const areaRand = () => {
  areaSeed = (areaSeed + 0x6d2b79f5) >>> 0;
  let t = areaSeed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const communesByDep = new Map();
for (const c of communes) {
  const dep = department(c.insee);
  if (!communesByDep.has(dep)) communesByDep.set(dep, []);
  communesByDep.get(dep).push(c);
}
const areas = { own: 0, region: 0, radius: 0, communes: 0, remoteRegion: 0, remoteDefault: 0 };
for (const s of structures) {
  const dep = department(s.address.insee);
  const region = tax.departementsOfRegion(tax.regionOfDepartement(dep) ?? '');
  for (const o of s.offers) {
    const x = areaRand();
    if (o.settings.includes('domicile')) {
      // Mostly the own département; some the whole region, a 30 km radius, or the nearest communes.
      if (x < 0.1 && s.location) {
        o.serviceArea = { radiusKm: 30 };
        areas.radius++;
      } else if (x < 0.13) {
        const at = s.location ?? communes.find((c) => c.insee === s.address.insee);
        const near = (communesByDep.get(dep) ?? []).map((c) => ({ insee: c.insee, d: (c.lat - at.lat) ** 2 + (c.lon - at.lon) ** 2 }))
          .sort((a, b) => a.d - b.d || (a.insee < b.insee ? -1 : 1)).slice(0, 5);
        o.serviceArea = { communes: near.map((c) => c.insee).sort() };
        areas.communes++;
      } else if (x < 0.25 && region.length > 1) {
        o.serviceArea = { departments: region };
        areas.region++;
      } else {
        o.serviceArea = { departments: [dep] };
        areas.own++;
      }
    } else if (o.settings.includes('distance')) {
      // The publisher has no region: without an area, a remote offer reaches every département of the feed.
      if (x < 0.6 && region.length) {
        o.serviceArea = { departments: region };
        areas.remoteRegion++;
      } else areas.remoteDefault++;
    }
  }
}

// The other FEED-SPEC 1.1 fields, on a PRNG stream of their own too: every structure gets
// openingHours (drawn from 50 distinct OSM strings, so a reader that parses them can cache by
// text), ~3 % a closure, ~10 % languages; most offers howTo, those booked online a link.
let revSeed = 20261122;
const revRand = () => {
  revSeed = (revSeed + 0x6d2b79f5) >>> 0;
  let t = revSeed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const revPick = (list) => list[Math.floor(revRand() * list.length)];
const OSM_DAYS = ['Mo-Fr', 'Mo-Th', 'Tu-Sa', 'Mo,We,Fr', 'Tu,Th'];
const OSM_TIMES = ['09:00-17:00', '08:30-12:30,13:30-17:30', '09:00-12:00', '14:00-18:00', '08:00-19:00'];
const OSM_TAILS = ['; PH off', '; Sa 09:00-12:00; PH off'];
const OSM_HOURS = OSM_DAYS.flatMap((d) => OSM_TIMES.flatMap((t) => OSM_TAILS.map((tail) => `${d} ${t}${tail}`)));
if (new Set(OSM_HOURS).size !== 50) throw new Error(`expected 50 distinct opening hours, got ${new Set(OSM_HOURS).size}`);
const LANGUAGE_SETS = [['en'], ['en'], ['en', 'es'], ['ar'], ['pt'], ['en', 'ar'], ['es'], ['de'], ['it'], ['br'], ['eu', 'es'], ['tr'], ['ru'], ['zh']];
const HOW_TO = tax.HOW_TO.codes;
const HOW_TO_SHARE = { telephone: 0.7, courriel: 0.25, 'sur-place': 0.2, 'rendez-vous-en-ligne': 0.1, formulaire: 0.05, 'orientation-professionnel': 0.35 };
const rev = { openingHours: 0, closure: 0, languages: 0, howTo: 0, bookingUrl: 0 };
for (const s of structures) {
  s.openingHours = revPick(OSM_HOURS);
  rev.openingHours++;
  if (revRand() < 0.03) {
    s.closure = revRand() < 0.15
      ? { from: isoDay(GENERATED - Math.floor(revRand() * 60) * 86400000), note: 'Travaux : fermé jusqu’à nouvel ordre.' }
      : { from: revPick(['2026-12-21', '2026-12-24']), until: revPick(['2027-01-02', '2027-01-04']), ...(revRand() < 0.5 ? { note: 'Fermeture annuelle' } : {}) };
    rev.closure++;
  }
  if (revRand() < 0.1) {
    s.languages = revPick(LANGUAGE_SETS);
    rev.languages++;
  }
  for (const o of s.offers) {
    if (revRand() < 0.85) {
      // Each way in with its own frequency: the phone mostly, online booking for a few.
      const chosen = new Set(HOW_TO.filter((c) => revRand() < HOW_TO_SHARE[c]));
      if (!chosen.size) chosen.add('telephone');
      o.howTo = HOW_TO.filter((c) => chosen.has(c));
      rev.howTo++;
      if (chosen.has('rendez-vous-en-ligne') || chosen.has('formulaire')) {
        o.bookingUrl = `https://example.org/${o.id}/rendez-vous`;
        rev.bookingUrl++;
      }
    }
  }
}

const feed = {
  format: 'sos-feed/1',
  publisher: {
    id: 'synthetique-national', name: 'Annuaire national — données synthétiques pour les mesures de performance',
    url: 'https://example.org/synthetique', contact: { email: 'annuaire@example.org' }, license: 'Licence Ouverte 2.0',
  },
  generatedAt: '2026-11-20T08:00:00Z',
  structures,
};
const text = JSON.stringify(feed);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, text);
const t1 = performance.now();
console.log(`${OUT}: ${structures.length} structures, ${offerCount} offers, ${(text.length / 1048576).toFixed(1)} MB, generated in ${((t1 - t0) / 1000).toFixed(2)} s`);
console.log(`service areas: ${JSON.stringify(areas)}`);
console.log(`1.1 fields: ${JSON.stringify(rev)}`);

if (VALIDATE) {
  const { validateFeed } = await importTs(`export { validateFeed } from './src/feed/validate.ts';`);
  const t2 = performance.now();
  const result = validateFeed(JSON.parse(text), { now: new Date('2026-11-22T12:00:00Z'), maxDiagnostics: 1e6 });
  const t3 = performance.now();
  if (!result.ok) throw new Error(`feed rejected: ${result.message}`);
  const byCode = {};
  for (const d of result.diagnostics) byCode[`${d.severity}:${d.code}`] = (byCode[`${d.severity}:${d.code}`] ?? 0) + 1;
  console.log(`validated in ${(t3 - t2).toFixed(0)} ms: ${JSON.stringify(result.counts)} ${JSON.stringify(byCode)}`);
  if (result.diagnostics.some((d) => d.severity === 'error')) process.exitCode = 1;
}
