#!/usr/bin/env node
// Dev-time only: derives the committed data files from the raw public snapshots (see the README,
// "Données et licences"). Nothing in the project reads the raw data at build, run or test time.
//
//   node scripts/derive-data.mjs [communes|departements|basemap|demo ...]   (default: all)
//   SOS_RAW_DATA=/path/to/raw node scripts/derive-data.mjs
//
// Deterministic: same raw input → byte-identical output (seeded PRNG, no clock, stable sorts).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RAW = resolve(ROOT, process.env.SOS_RAW_DATA ?? '../shared/data/raw');
const raw = (p) => join(RAW, p);
const out = (p) => join(ROOT, p);

const OUT = {
  communes: 'src/geo/communes.data.js',
  departements: 'src/geo/departements.ts',
  regions: 'src/geo/regions.ts',
  basemap: 'src/components/sos-map/basemap/departements.geo.js',
  demo: 'demo/feeds/onco-nouvelle-aquitaine.demo.json',
};

function write(path, text) {
  mkdirSync(dirname(out(path)), { recursive: true });
  writeFileSync(out(path), text);
  const gz = gzipSync(Buffer.from(text), { level: 9 }).length;
  console.log(`${path}: ${kb(Buffer.byteLength(text))} raw, ${kb(gz)} gzip`);
}
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

// ---------------------------------------------------------------------------------------------
// Raw readers

function readCsv(path, encoding) {
  const text = new TextDecoder(encoding).decode(readFileSync(raw(path)));
  const lines = text.split(/\r?\n/).filter((l) => l.length);
  const head = lines[0].split(';');
  return lines.slice(1).map((l) => {
    const cells = l.split(';');
    return Object.fromEntries(head.map((k, i) => [k, (cells[i] ?? '').trim()]));
  });
}

const readJson = (path) => JSON.parse(readFileSync(raw(path), 'utf8'));

/** The widget's folding (src/util/fold.ts), "st"/"ste" spelled out like the commune index: to compare names across sources. */
const { fold: foldText } = await importTs('src/util/fold.ts');
const fold = (s) => foldText(s).replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');

/**
 * Current communes (decoupage-administratif) with a centroid from La Poste 2020. La Poste is
 * COG 2020, so communes created or re-split since then are missing; they get, in order: the
 * La Poste row of the same name under one of their postal codes, the mean of their former
 * communes (anciensCodes), the mean of the La Poste communes sharing their postal codes in the
 * same département (Paris, Lyon, Marseille: their arrondissements). Else they are skipped.
 * Overseas collectivities (zone "com") are left out: the feed cannot address them (FEED-SPEC
 * département codes stop at 976).
 */
function loadCommunes() {
  const poste = readCsv('laposte_hexasmal_2020.csv', 'utf-8');
  const byInsee = new Map();
  const byPostal = new Map();
  for (const r of poste) {
    if (!r.coordonnees_gps) continue;
    const [lat, lon] = r.coordonnees_gps.split(',').map(Number);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const row = { insee: r.Code_commune_INSEE, name: fold(r.Nom_commune), lat, lon };
    if (!byInsee.has(row.insee)) byInsee.set(row.insee, row);
    const list = byPostal.get(r.Code_postal) ?? [];
    if (!list.some((x) => x.insee === row.insee)) list.push(row);
    byPostal.set(r.Code_postal, list);
  }
  const mean = (rows) => ({
    lat: rows.reduce((a, r) => a + r.lat, 0) / rows.length,
    lon: rows.reduce((a, r) => a + r.lon, 0) / rows.length,
  });
  const stats = { direct: 0, sameName: 0, former: 0, postal: 0, skipped: [] };
  const communes = [];
  for (const c of readJson('decoupage-administratif/communes.json')) {
    if (c.type !== 'commune-actuelle' || c.zone === 'com') continue;
    const postalCodes = [...new Set(c.codesPostaux ?? [])].sort();
    let pos = byInsee.get(c.code);
    if (pos) stats.direct++;
    else {
      const candidates = postalCodes.flatMap((cp) => byPostal.get(cp) ?? []);
      const named = candidates.find((r) => r.name === fold(c.nom));
      const former = (c.anciensCodes ?? []).map((code) => byInsee.get(code)).filter(Boolean);
      const sameDep = candidates.filter((r) => r.insee.slice(0, c.departement.length) === c.departement);
      if (named) { pos = named; stats.sameName++; }
      else if (former.length) { pos = mean(former); stats.former++; }
      else if (sameDep.length) { pos = mean(sameDep); stats.postal++; }
      else { stats.skipped.push(`${c.code} ${c.nom}`); continue; }
    }
    communes.push({
      insee: c.code, name: c.nom, postalCodes, department: c.departement, region: c.region,
      lat: pos.lat, lon: pos.lon, population: c.population ?? 0,
    });
  }
  communes.sort((a, b) => (a.insee < b.insee ? -1 : a.insee > b.insee ? 1 : 0));
  console.log(`communes: ${communes.length} (centroid: ${stats.direct} by INSEE code, ${stats.sameName} by name+postal code, ${stats.former} from former communes, ${stats.postal} from postal code) — skipped ${stats.skipped.length}: ${stats.skipped.join(', ')}`);
  return communes;
}

const round = (x, d) => Number(x.toFixed(d));

// ---------------------------------------------------------------------------------------------
// 1. Commune index for the "Près de" autocomplete
//
// A compact text, decoded by parseCommunes() in src/geo/communes.ts (which documents the format;
// keep the two in step). Measured choices (gzip -9 of the whole module, 34,874 communes):
// one line per commune with 3-decimal coordinates was 584 kB; columns instead of lines, names
// front-coded, coordinates at 2 decimals relative to the commune's postal-code area, postal codes
// as an index into the département's list and population on a log scale bring it to ~270 kB.
// Names are about 60 % of what remains (they stay plain text).

/** Number alphabet: '#'..'~' without the backslash (91 symbols, nothing to escape in a JS string). */
const ALPHABET = Array.from({ length: 92 }, (_, i) => String.fromCharCode(35 + i)).filter((ch) => ch !== '\\').join('');
const BASE = ALPHABET.length;
/** Unsigned integer: one symbol below 91; else k '!' then k + 1 symbols (base 91, after the shorter ranges). */
function encUnsigned(v) {
  if (!Number.isInteger(v) || v < 0) throw new Error(`communes: cannot encode ${v}`);
  let width = 1, range = BASE;
  while (v >= range) { v -= range; width++; range = BASE ** width; }
  let s = '!'.repeat(width - 1);
  for (let i = width - 1; i >= 0; i--) s += ALPHABET[Math.floor(v / BASE ** i) % BASE];
  return s;
}
/** Signed integer, zigzag: 0, -1, 1, -2, … → 0, 1, 2, 3, … (|v| ≤ 45 in one symbol). */
const encSigned = (v) => encUnsigned(v < 0 ? -2 * v - 1 : 2 * v);
const COORD_SCALE = 100; // 2 decimals
/** Population on a log scale, 20 steps a decade (±6 %): 0 → 0, else round(20·log10(p)) + 1. */
const populationStep = (p) => (p > 0 ? Math.round(20 * Math.log10(p)) + 1 : 0);
/** What postal codes of a département are written relative to: 33 → 33000, 2A → 20000, 974 → 97400. */
const postalBase = (dep) => (dep.length === 3 ? Number(dep) * 100 : /^\d\d$/.test(dep) ? Number(dep) * 1000 : 20000);

function encodeCommunes(communes) {
  const byDep = new Map();
  for (const c of communes) {
    const dep = c.insee.startsWith('97') ? c.insee.slice(0, 3) : c.insee.slice(0, 2);
    if (!byDep.has(dep)) byDep.set(dep, []);
    byDep.get(dep).push({
      ...c, num: Number(c.insee.slice(dep.length)),
      la: Math.round(c.lat * COORD_SCALE), lo: Math.round(c.lon * COORD_SCALE),
    });
  }
  const header = [], dicts = [], gaps = [], names = [], postal = [], coords = [], population = [];
  let prevName = '';
  for (const [dep, list] of byDep) {
    if (!/^\d+$/.test(list.map((c) => c.insee.slice(dep.length)).join(''))) throw new Error(`communes: odd INSEE code in ${dep}`);
    const refLa = Math.round(list.reduce((a, c) => a + c.la, 0) / list.length);
    const refLo = Math.round(list.reduce((a, c) => a + c.lo, 0) / list.length);
    const codes = [...new Set(list.flatMap((c) => c.postalCodes))].sort();
    header.push(dep, list.length, refLa, refLo, codes.length);
    let prevCode = postalBase(dep);
    for (const code of codes) {
      if (!/^\d{5}$/.test(code)) throw new Error(`communes: odd postal code ${code}`);
      dicts.push(encSigned(Number(code) - prevCode));
      prevCode = Number(code);
    }
    const index = new Map(codes.map((code, i) => [code, i]));
    const areas = new Map(); // first postal code → running sums of the communes seen so far
    let prevNum = 0;
    for (const c of list) {
      gaps.push(encUnsigned(c.num - prevNum - 1));
      prevNum = c.num;
      let k = 0;
      while (k < 9 && k < c.name.length && c.name[k] === prevName[k]) k++;
      if (/\d/.test(c.name)) throw new Error(`communes: digit in a name: ${c.name}`);
      names.push(k + c.name.slice(k));
      prevName = c.name;
      const n = c.postalCodes.length;
      if (!n) throw new Error(`communes: no postal code for ${c.insee}`);
      postal.push((n > 1 ? ` ${encUnsigned(n - 2)}` : '') + c.postalCodes.map((code) => encUnsigned(index.get(code))).join(''));
      const area = areas.get(c.postalCodes[0]);
      const la0 = area ? Math.round(area.la / area.n) : refLa;
      const lo0 = area ? Math.round(area.lo / area.n) : refLo;
      coords.push(encSigned(c.la - la0) + encSigned(c.lo - lo0));
      if (area) { area.la += c.la; area.lo += c.lo; area.n++; } else areas.set(c.postalCodes[0], { la: c.la, lo: c.lo, n: 1 });
      population.push(encUnsigned(populationStep(c.population)));
    }
  }
  return [header.join(' '), dicts.join(''), gaps.join(''), names.join(''), postal.join(''), coords.join(''), population.join('')].join('\n');
}

function deriveCommunes(communes) {
  const text = `// Generated by scripts/derive-data.mjs — do not edit.
// Communes (decoupage-administratif, Licence Ouverte) with La Poste 2020 centroids (ODbL):
// this derived database is distributed under the ODbL. Compact columns (see parseCommunes() in
// ./communes.ts): ${communes.length} communes, coordinates to 2 decimals, population to ±6 %.
export default ${JSON.stringify(encodeCommunes(communes))};
`;
  write(OUT.communes, text);
}

// ---------------------------------------------------------------------------------------------
// 2. Département names

function deriveDepartements() {
  const deps = readJson('decoupage-administratif/departements.json')
    .filter((d) => d.zone === 'metro' || d.zone === 'drom')
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const body = deps.map((d) => `  ${JSON.stringify(d.code)}: ${JSON.stringify(d.nom)},`).join('\n');
  // Regions of the same zones (collectivities "com" have no département in the feed's sense).
  const regions = readJson('decoupage-administratif/regions.json')
    .filter((r) => r.zone === 'metro' || r.zone === 'drom')
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const members = new Map(regions.map((r) => [r.code, deps.filter((d) => d.region === r.code).map((d) => d.code)]));
  const orphans = deps.filter((d) => !members.has(d.region));
  if (orphans.length) throw new Error(`départements without a region: ${orphans.map((d) => d.code).join(', ')}`);
  for (const [code, list] of members) if (!list.length) throw new Error(`region ${code} has no département`);
  const regionBody = regions.map((r) => `  ${JSON.stringify(r.code)}: ${JSON.stringify(r.nom)},`).join('\n');
  const membersBody = regions.map((r) => `  ${JSON.stringify(r.code)}: ${JSON.stringify(members.get(r.code).join(' '))},`).join('\n');
  const text = `// Generated by scripts/derive-data.mjs from decoupage-administratif (Licence Ouverte) — do not edit.
/** The ${deps.length} départements (metropolitan and overseas), code → French name. */
export const DEPARTEMENTS: Record<string, string> = {
${body}
};

/** "33 — Gironde"; the bare code when it is unknown. */
export function departementLabel(code: string): string {
  const name = DEPARTEMENTS[code];
  return name ? \`\${code} — \${name}\` : code;
}

`;
  // Regions: needed with a place (the commune chunk, the store once a place is chosen) and for free
  // text (the text chunk) only, so a module of their own, out of the page's initial JavaScript.
  const regionsText = `// Generated by scripts/derive-data.mjs from decoupage-administratif (Licence Ouverte) — do not edit.
/** The ${regions.length} regions (metropolitan and overseas), INSEE region code → French name. */
export const REGIONS: Record<string, string> = {
${regionBody}
};

/** "Nouvelle-Aquitaine" for "75"; undefined when the code is unknown. */
export function regionName(code: string): string | undefined {
  return Object.hasOwn(REGIONS, code) ? REGIONS[code] : undefined;
}

/** Each region's départements, space-separated (compact: REGION_OF_DEPARTEMENT is built from it at load). */
const REGION_DEPARTEMENTS: Record<string, string> = {
${membersBody}
};

/** Département code → its region's code ("33" → "75"). */
export const REGION_OF_DEPARTEMENT: Record<string, string> = /* @__PURE__ */ (() => {
  const map: Record<string, string> = {};
  for (const region in REGION_DEPARTEMENTS) for (const dep of REGION_DEPARTEMENTS[region]!.split(' ')) map[dep] = region;
  return map;
})();

/** "75" for "33"; undefined when the département is unknown. */
export function regionOfDepartement(dep: string): string | undefined {
  return Object.hasOwn(REGION_OF_DEPARTEMENT, dep) ? REGION_OF_DEPARTEMENT[dep] : undefined;
}

/** The départements of a region ("75" → ["16", "17", …, "87"]); empty when the code is unknown. */
export function departementsOfRegion(code: string): string[] {
  return Object.hasOwn(REGION_DEPARTEMENTS, code) ? REGION_DEPARTEMENTS[code]!.split(' ') : [];
}
`;
  write(OUT.regions, regionsText);
  write(OUT.departements, text);
}

// ---------------------------------------------------------------------------------------------
// 3. Offline basemap: simplified département outlines

/** Douglas–Peucker on an open polyline (planar degrees: fine at this tolerance). */
function douglasPeucker(points, tolerance) {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let maxDist = 0, index = -1;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i];
      let t = len2 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      t = Math.max(0, Math.min(1, t));
      const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
      if (d > maxDist) { maxDist = d; index = i; }
    }
    if (maxDist > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] * ring[i][1]) - (ring[i][0] * ring[j][1]);
  return a / 2;
}

/** A closed ring simplified, rounded, de-duplicated; undefined when it collapses. */
function simplifyRing(ring, tolerance) {
  // Split a closed ring at its farthest point from the start so both halves keep their shape.
  const open = ring.slice(0, -1);
  let far = 1, best = -1;
  for (let i = 1; i < open.length; i++) {
    const d = Math.hypot(open[i][0] - open[0][0], open[i][1] - open[0][1]);
    if (d > best) { best = d; far = i; }
  }
  const a = douglasPeucker(open.slice(0, far + 1), tolerance);
  const b = douglasPeucker([...open.slice(far), open[0]], tolerance);
  const pts = [...a, ...b.slice(1)].map(([x, y]) => [round(x, 3), round(y, 3)]);
  const dedup = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
  if (dedup.length < 4 || Math.abs(ringArea(dedup)) < 1e-5) return undefined;
  if (dedup[0][0] !== dedup[dedup.length - 1][0] || dedup[0][1] !== dedup[dedup.length - 1][1]) dedup.push(dedup[0]);
  return dedup;
}

function simplifyGeometry(geometry, tolerance) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = [];
  for (const polygon of polygons) {
    const outer = simplifyRing(polygon[0], tolerance);
    if (!outer) continue;
    kept.push([outer, ...polygon.slice(1).map((r) => simplifyRing(r, tolerance)).filter(Boolean)]);
  }
  if (!kept.length) return undefined;
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

function deriveBasemap() {
  const TOLERANCE = 0.01;
  const sources = [
    'geo/departements-version-simplifiee.geojson',
    ...['guadeloupe', 'martinique', 'guyane', 'la-reunion', 'mayotte'].map((r) => `geo/regions-departements/departements-${r}.geojson`),
  ];
  const features = sources.flatMap((p) => readJson(p).features)
    .map((f) => ({ type: 'Feature', properties: { code: f.properties.code, nom: f.properties.nom }, geometry: simplifyGeometry(f.geometry, TOLERANCE) }))
    .filter((f) => f.geometry)
    .sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
  const text = `// Generated by scripts/derive-data.mjs — do not edit.
// Département outlines, simplified (Douglas–Peucker ${TOLERANCE}°, 3 decimals), from
// gregoiredavid/france-geojson (IGN Admin Express 2018, INSEE COG 2018; Licence Ouverte).
export default ${JSON.stringify({ type: 'FeatureCollection', features })};
`;
  console.log(`basemap: ${features.length} départements`);
  write(OUT.basemap, text);
}

// ---------------------------------------------------------------------------------------------
// 4. Demo feed for Nouvelle-Aquitaine

/** mulberry32: small, seeded, good enough for fixtures. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    shuffle: (list) => {
      const a2 = [...list];
      for (let i = a2.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a2[i], a2[j]] = [a2[j], a2[i]];
      }
      return a2;
    },
  };
}

/** A module of src/ is TypeScript: bundle it in memory and import the result. */
async function importTs(entry) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({ entryPoints: [out(entry)], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

// Words seen in SAE names and addresses, restored with their accents.
const ACCENTS = Object.fromEntries(`Hôpital Hôpitaux Radiothérapie Médical Médicale Santé Mère Angoulême Périgueux Guéret
Privé Réole Châtellerault Établissement Régional Milétrie Côte Béarn Chénieux Émailleurs Cèdres République Président
Général Arès Médoc Léon Amélie Paré Sénatorerie Frédéric Léonce Clémenceau Héliotrope Pyrénées Réaux Vésone Allée Thérapie
Oncologie Mérignac Libération Hautérive Écoles Bergonié Rivière Rivières Corrèze Cœur André Lévêque Nérac Pôle François
Bastié Painlevé Béligon Frégeneuil Réolais`
  .split(/\s+/).map((w) => [fold(w), w]));
const ABBREVIATIONS = {
  ctre: 'Centre', hosp: 'Hospitalier', hospit: 'Hospitalier', etab: 'Établissement', polyclin: 'Polyclinique',
  st: 'Saint', ste: 'Sainte', dr: 'Docteur', pr: 'Professeur', lges: 'Limoges', onco: 'Oncologie', radiother: 'Radiothérapie',
  med: 'Médicale',
};
/** SAE names too abbreviated for the rules below. */
const NAME_OVERRIDES = { '330000605': 'Centre hospitalier Robert Boulin - Libourne', '400780888': 'Santé Service Dax - HAD' };
const KEEP_UPPER = new Set(['ch', 'chu', 'chi', 'chic', 'had', 'gcs', 'msp', 'sa', 'sas', 'selard', 'imrod', 'ii', 'iii']);
const SMALL = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'd', 'l', 'sur', 'en', 'aux', 'au', 'sous']);

/**
 * "CENTRE HOSPITALIER D'ANGOULEME" → "Centre Hospitalier d'Angoulême"; mixed-case input is kept.
 * `lowerStart`: a street name after its type ("avenue du Président Wilson").
 */
function niceCase(s, lowerStart = false) {
  if (/[a-z]/.test(s)) return s;
  const spaced = s.replace(/\b([A-Z]) ([A-Z]) ([A-Z])\b/g, '$1$2$3').replace(/\bC\.H\b/g, 'CH')
    .replace(/(\S)- (?=[A-Z])/g, '$1-').replace(/\b([DL]) (?=[AEIOUYH])/g, "$1'").replace(/\bMED\b/g, 'MED.');
  let first = !lowerStart;
  return spaced.replace(/[A-ZÀ-Ý0-9]+\.?/g, (tok) => {
    const dot = tok.endsWith('.');
    const word = dot ? tok.slice(0, -1) : tok;
    const key = fold(word);
    let res;
    if (ABBREVIATIONS[key] && (dot || ['st', 'ste', 'dr', 'ctre', 'lges', 'polyclin'].includes(key))) res = ABBREVIATIONS[key];
    else if (KEEP_UPPER.has(key) || /\d/.test(word)) res = word;
    else if (!first && SMALL.has(key)) res = key;
    else res = ACCENTS[key] ?? word.charAt(0) + word.slice(1).toLowerCase();
    if (dot && !ABBREVIATIONS[key]) res += '.';
    first = false;
    return res;
  }).replace(/\s+/g, ' ').trim();
}

const STREET_TYPES = {
  AV: 'avenue', R: 'rue', BD: 'boulevard', RTE: 'route', PL: 'place', CHE: 'chemin', IMP: 'impasse', ALL: 'allée',
  QU: 'quai', QUAI: 'quai', CRS: 'cours', RPT: 'rond-point', SQ: 'square', LD: 'lieu-dit', PASS: 'passage',
};

const slug = (s) => fold(s).replace(/ /g, '-');
const pad2 = (n) => String(n).padStart(2, '0');
/** Numbers from the ARCEP range reserved for fiction (05 36 49 xx xx): they never ring anyone. */
const fictitiousPhone = (r) => `05 36 49 ${pad2(r.int(0, 99))} ${pad2(r.int(0, 99))}`;

const DEP_NAMES_NA = { 16: 'Charente', 17: 'Charente-Maritime', 19: 'Corrèze', 23: 'Creuse', 24: 'Dordogne', 33: 'Gironde', 40: 'Landes', 47: 'Lot-et-Garonne', 64: 'Pyrénées-Atlantiques', 79: 'Deux-Sèvres', 86: 'Vienne', 87: 'Haute-Vienne' };

// Invented structures: [kind, name, commune INSEE code, options]. Names say they are fictitious.
const INVENTED = [
  ...Object.entries({ 16: '16015', 17: '17300', 19: '19272', 23: '23096', 24: '24322', 33: '33063', 40: '40192', 47: '47001', 64: '64445', 79: '79191', 86: '86194', 87: '87085' })
    .map(([dep, insee]) => ['comite-ligue', `Ligue contre le cancer — comité ${DEP_NAMES_NA[dep]} (fictif)`, insee]),
  ['association', 'Association Les Ailes du Bassin (fictive)', '33009'],
  ['association', 'Rames Roses de l’Estuaire (fictive)', '33522'],
  ['association', 'Association Vivre Après (fictive)', '87085'],
  ['association', 'Les Foulards de Saintonge (fictive)', '17415'],
  ['association', 'Association Cœurs Vaillants du Périgord (fictive)', '24037'],
  ['association', 'Entraide Aidants Béarn (fictive)', '64445', { noLocation: true }],
  ['association', 'Association Souffle Océan (fictive)', '64122'],
  ['association', 'Les Randonneuses du Limousin (fictive)', '19031'],
  ['association', 'Association Jeunes et Debout (fictive)', '86194'],
  ['association', 'Parenthèse Poitou (fictive)', '79191'],
  ['cpts', 'CPTS Rives de Garonne (fictive)', '47157', { mssante: true }],
  ['cpts', 'CPTS Pays Basque Intérieur (fictive)', '64493', { mssante: true }],
  ['cpts', 'CPTS Haute-Lande (fictive)', '40088'],
  ['cpts', 'CPTS Cognaçais (fictive)', '16102', { mssante: true }],
  ['cpts', 'CPTS Creuse Sud (fictive)', '23176', { noLocation: true }],
  ['msp', 'MSP des Trois Rivières (fictive)', '24520'],
  ['msp', 'MSP du Val de Vienne (fictive)', '87154', { mssante: true }],
  ['msp', 'MSP Médoc Atlantique (fictive)', '33240'],
  ['msp', 'MSP de la Plaine (fictive)', '79049'],
  ['maison-sport-sante', 'Maison sport-santé Garonne (fictive)', '33318'],
  ['maison-sport-sante', 'Maison sport-santé Atlantique (fictive)', '17306'],
  ['eri', 'Espace de rencontres et d’information du Sud-Ouest (fictif)', '33063'],
  ['eri', 'ERI Limousin (fictif)', '87085'],
  ['dac', 'DAC Gironde Sud (fictif)', '33227', { mssante: true }],
  ['dac', 'DAC Vienne-Poitou (fictif)', '86066', { noLocation: true }],
  ['reseau', 'Réseau de soins palliatifs Adour (fictif)', '40088'],
  ['centre-sante', 'Centre de santé Les Chartrons (fictif)', '33063'],
  ['autre', 'Plateforme d’orientation Onco-Charente (fictive)', '16015'],
];

// Which cares each kind plausibly offers (first ones more often).
const CARES_BY_KIND = {
  'etablissement-sante': ['douleur', 'nutrition', 'psychologie', 'social', 'soins-palliatifs', 'effets-secondaires', 'sexualite', 'hygiene-de-vie', 'activite-physique', 'image-de-soi', 'soutien-aidants'],
  chu: ['douleur', 'fertilite', 'psychologie', 'nutrition', 'social', 'sexualite', 'soins-palliatifs', 'effets-secondaires', 'hygiene-de-vie', 'soutien-aidants', 'eri'],
  had: ['soins-palliatifs', 'douleur', 'nutrition', 'social', 'soutien-aidants'],
  clcc: ['eri', 'fertilite', 'psychologie', 'douleur', 'nutrition', 'social', 'sexualite', 'activite-physique', 'image-de-soi', 'effets-secondaires', 'soutien-aidants', 'hygiene-de-vie', 'soins-palliatifs'],
  'comite-ligue': ['image-de-soi', 'psychologie', 'activite-physique', 'social', 'soutien-aidants', 'nutrition', 'eri'],
  association: ['activite-physique', 'image-de-soi', 'soutien-aidants', 'psychologie', 'sexualite', 'social'],
  cpts: ['nutrition', 'activite-physique', 'psychologie', 'hygiene-de-vie', 'effets-secondaires', 'douleur', 'social'],
  msp: ['nutrition', 'hygiene-de-vie', 'effets-secondaires', 'psychologie', 'activite-physique', 'douleur'],
  'centre-sante': ['nutrition', 'psychologie', 'sexualite', 'hygiene-de-vie', 'effets-secondaires'],
  'maison-sport-sante': ['activite-physique', 'nutrition', 'hygiene-de-vie'],
  eri: ['eri', 'social', 'image-de-soi', 'soutien-aidants'],
  dac: ['social', 'soins-palliatifs', 'soutien-aidants'],
  reseau: ['soins-palliatifs', 'douleur', 'soutien-aidants'],
  autre: ['social', 'eri', 'psychologie'],
};
const HOSPITAL_LIKE = new Set(['etablissement-sante', 'chu', 'had', 'clcc']);

const DESCRIPTIONS = {
  douleur: 'Évaluation et traitement des douleurs liées au cancer ou à ses traitements, en lien avec l’équipe qui vous suit.',
  nutrition: 'Bilan nutritionnel, conseils pour garder l’appétit et un poids stable pendant et après les traitements.',
  psychologie: 'Entretiens individuels pour traverser l’annonce, les traitements et l’après-cancer.',
  social: 'Aide pour les droits, les démarches, le travail, le logement et les questions financières.',
  'activite-physique': 'Séances encadrées par un enseignant en activité physique adaptée, en petit groupe, à votre rythme.',
  'hygiene-de-vie': 'Accompagnement pour réduire ou arrêter le tabac et l’alcool, avec un suivi personnalisé.',
  'soutien-aidants': 'Un temps pour les proches : écoute, échanges avec d’autres aidants, orientation.',
  fertilite: 'Information et consultation avant un traitement pouvant altérer la fertilité, avec le centre de préservation.',
  sexualite: 'Consultation pour parler de la vie intime et des troubles liés à la maladie, seul ou en couple.',
  'soins-palliatifs': 'Prise en charge des symptômes et accompagnement du patient et de ses proches, à l’hôpital ou à domicile.',
  'image-de-soi': 'Soins de bien-être et conseils pour prendre soin de son image pendant les traitements.',
  'effets-secondaires': 'Rééducation et soins pour limiter les effets secondaires des traitements.',
  eri: 'Un lieu d’accueil sans rendez-vous pour s’informer, poser ses questions et rencontrer d’autres personnes.',
};
const SCHEDULES = ['Le mardi de 14 h à 16 h.', 'Lundi et jeudi, 10 h – 12 h.', 'Un samedi matin sur deux.', 'Sur rendez-vous, du lundi au vendredi.', 'Le mercredi après-midi, hors vacances scolaires.', 'Cycle de 12 séances, deux fois par semaine.'];
const HOURS = ['Du lundi au vendredi, 9 h – 17 h.', 'Du lundi au vendredi, 8 h 30 – 18 h 30.', 'Lundi, mercredi et vendredi, 9 h – 12 h 30 et 14 h – 17 h.', 'Accueil téléphonique 24 h/24 ; secrétariat du lundi au vendredi, 9 h – 17 h.', 'Mardi et jeudi, 14 h – 18 h ; le samedi sur rendez-vous.'];
const COST_NOTES = {
  'reste-a-charge': ['Dépassements d’honoraires possibles (secteur 2).', 'Forfait de 15 € par séance, non remboursé ; certaines mutuelles le prennent en charge.', 'Adhésion annuelle de 20 € à l’association.', 'Participation de 5 € par séance ; gratuit pour les bénéficiaires de la CSS.'],
  rembourse: ['Prise en charge à 100 % dans le cadre de l’ALD.', 'Remboursé sur prescription médicale.'],
  gratuit: ['Sans adhésion.', 'Les 12 premières séances sont offertes, puis adhésion à l’association.'],
};

/** Picks a value with the given relative weights (zero-weight entries never). */
function weighted(r, entries) {
  const total = entries.reduce((a, [, w]) => a + w, 0);
  let x = r.next() * total;
  for (const [value, w] of entries) {
    if ((x -= w) < 0) return value;
  }
  return entries.findLast(([, w]) => w > 0)[0];
}

/** Picks codes, uncovered ones first, so that the whole feed covers every enumeration value. */
class Coverage {
  constructor(r) { this.r = r; this.used = new Map(); }
  pick(name, codes, n) {
    const used = this.used.get(name) ?? new Set();
    this.used.set(name, used);
    const fresh = this.r.shuffle(codes.filter((c) => !used.has(c)));
    const rest = this.r.shuffle(codes.filter((c) => used.has(c)));
    const chosen = [...fresh, ...rest].slice(0, n);
    for (const c of chosen) used.add(c);
    return codes.filter((c) => chosen.includes(c)); // in taxonomy order
  }
  missing(name, codes) {
    const used = this.used.get(name) ?? new Set();
    return codes.filter((c) => !used.has(c));
  }
}

async function deriveDemo(communes) {
  const tax = { ...(await importTs('src/feed/taxonomy.ts')), ...(await importTs('src/feed/how-to.ts')) };
  const r = prng(75);
  const cover = new Coverage(r);
  const communeByInsee = new Map(communes.map((c) => [c.insee, c]));
  const communeName = new Map(readJson('decoupage-administratif/communes.json').map((c) => [c.code, c.nom]));

  // Real establishments with a cancer activity (SAE 2022), Nouvelle-Aquitaine only.
  const ids = new Map(readCsv('sae-2022/ID_2022r.csv', 'latin1').map((row) => [row.fi, row]));
  const cancero = readCsv('sae-2022/CANCERO_2022r.csv', 'latin1');
  const real = cancero.map((c) => ids.get(c.FI)).filter((row) => row && row.reg === '75')
    .sort((a, b) => (a.fi < b.fi ? -1 : 1));

  const seeds = [];
  for (const row of real) {
    const kind = row.cat === '131' ? 'clcc' : 'etablissement-sante';
    const flavour = row.cat === '131' ? 'clcc' : row.cat === '101' ? 'chu' : row.cat === '127' ? 'had' : 'etablissement-sante';
    const line = [row.NUMVOI, STREET_TYPES[row.TYPVOI] ?? row.TYPVOI.toLowerCase(), niceCase(row.NOMVOI, true)].filter(Boolean).join(' ');
    const cedex = /CEDEX(.*)$/.exec(row.LIBCOM);
    const official = communeName.get(row.COMINSEE);
    const city = official ? official + (cedex ? ` Cedex${cedex[1].trimEnd()}` : '') : niceCase(row.LIBCOM);
    seeds.push({
      id: `finess-${row.fi}`, name: NAME_OVERRIDES[row.fi] ?? niceCase(row.rs), kind, flavour, finess: row.fi,
      siret: /^\d{14}$/.test(row.sir) ? row.sir : undefined,
      description: 'Établissement réel (SAE 2022, DREES) ; les offres de soins de support ci-dessous sont inventées pour la démonstration.',
      address: { ...(line ? { line } : {}), postalCode: row.CPO, city, insee: row.COMINSEE },
      centroid: communeByInsee.get(row.COMINSEE), real: true,
    });
  }
  for (const [kind, name, insee, opts = {}] of INVENTED) {
    const c = communeByInsee.get(insee);
    if (!c) throw new Error(`unknown commune ${insee} for ${name}`);
    const streets = ['rue de la République', 'avenue de la Libération', 'place du Marché', 'rue des Écoles', 'allée des Tilleuls', 'rue Victor-Hugo', 'cours de la Paix', 'chemin des Vignes'];
    seeds.push({
      id: slug(name.replace(/\((fictive?|fictif)\)/, '')).replace(/-+$/, ''), name, kind, flavour: kind,
      description: 'Structure fictive créée pour la démonstration du widget.',
      address: { line: `${r.int(1, 120)} ${r.pick(streets)}`, postalCode: c.postalCodes[0], city: c.name, insee },
      centroid: opts.noLocation ? undefined : c, mssante: opts.mssante,
    });
  }

  const S = tax.SUBCARE_CODES;
  const subcareOf = new Map(tax.CATEGORIES.flatMap((cat) => cat.subcares.map((s) => [s.code, { ...s, care: cat.code }])));
  const pendingSubcares = new Map(tax.CATEGORIES.map((cat) => [cat.code, r.shuffle(cat.subcares.map((s) => s.code))]));
  const structures = [];
  // Freshness on the demo's reference day, 2 December 2026 (FEED-SPEC « Freshness rule »): of the
  // six older records, three verified 12 to 14 months before (« à vérifier »), two more than 14
  // (listed last) and one due for its yearly reminder (anniversary on 18 December). Set after the
  // PRNG draws, which stay as they were: nothing else in the file moves.
  const FRESHNESS_MIX = { 7: '2025-11-06', 53: '2025-10-14', 99: '2025-11-20', 122: '2025-12-18' };
  for (const [i, seed] of seeds.entries()) {
    const caresPool = CARES_BY_KIND[seed.flavour];
    const nOffers = Math.min(caresPool.length, seed.flavour === 'had' ? r.int(1, 3) : r.int(1, 6));
    // Prefer the kind's usual cares, but make sure each category appears somewhere.
    const cares = cover.pick(`care:${seed.flavour}`, caresPool, nOffers);
    const hospital = HOSPITAL_LIKE.has(seed.flavour);
    const offers = cares.map((care) => {
      const cat = tax.CATEGORIES.find((c) => c.code === care);
      const pending = pendingSubcares.get(care);
      const nSub = r.int(0, Math.min(3, cat.subcares.length));
      const subcares = [];
      for (let k = 0; k < nSub; k++) {
        const code = pending.length ? pending.shift() : r.pick(cat.subcares).code;
        if (!subcares.includes(code)) subcares.push(code);
      }
      subcares.sort((a, b) => S.indexOf(a) - S.indexOf(b));
      const offer = { id: `${seed.real ? `fi${seed.finess}` : seed.id}-${care}`.slice(0, 64), care };
      const first = subcares[0] ? subcareOf.get(subcares[0]).label.fr : cat.label.fr;
      if (subcares.length ? r.chance(0.85) : r.chance(0.3)) offer.label = subcares.length > 1 ? `${first} et ${subcares.length === 2 ? subcareOf.get(subcares[1]).label.fr.toLowerCase() : 'autres soins'}` : first;
      if (subcares.length) offer.subcares = subcares;
      // Coherent combinations: carers' support is for relatives, the rest for patients first.
      offer.audiences = care === 'soutien-aidants'
        ? (r.chance(0.2) ? ['proche-aidant', 'professionnel'] : ['proche-aidant'])
        : weighted(r, [[['patient'], 5], [['patient', 'proche-aidant'], 3], [['patient', 'professionnel'], 1], [['professionnel'], care === 'soins-palliatifs' || care === 'douleur' ? 1 : 0]]);
      if (r.chance(0.35)) offer.ages = weighted(r, [[['adulte', 'personne-agee'], 4], [['aja'], 2], [['enfant', 'aja'], seed.flavour === 'chu' ? 3 : 0], [['personne-agee'], 2], [['adulte'], 2]]);
      const primary = seed.flavour === 'had' ? 'domicile' : hospital ? 'etablissement' : 'ville';
      offer.settings = [primary, ...(r.chance(0.3) ? [r.pick(['distance', 'domicile', 'distance'].filter((x) => x !== primary))] : [])];
      if (care === 'soins-palliatifs') offer.phases = ['palliatif'];
      else if (r.chance(0.5)) offer.phases = weighted(r, [[['traitement'], 3], [['traitement', 'apres-traitement'], 4], [['apres-traitement'], 3], [['diagnostic', 'traitement'], 2]]);
      if (r.chance(0.7)) {
        offer.access = seed.flavour === 'had' ? ['had']
          : hospital ? weighted(r, [[['suivis-etablissement'], 4], [['suivis-etablissement', 'non-suivis'], 4], [['suivis-etablissement', 'had'], care === 'soins-palliatifs' || care === 'douleur' ? 3 : 0]])
            : ['non-suivis'];
      }
      if (r.chance(0.8)) offer.referral = hospital ? weighted(r, [['orientation', 5], ['prescription', 3], ['direct', 1]]) : weighted(r, [['direct', 6], ['orientation', 2], ['prescription', care === 'activite-physique' ? 2 : 0]]);
      if (r.chance(0.8)) {
        offer.cost = hospital ? weighted(r, [['rembourse', 6], ['gratuit', 2], ['reste-a-charge', 1]]) : weighted(r, [['gratuit', 6], ['reste-a-charge', 2], ['rembourse', 1]]);
        const notes = COST_NOTES[offer.cost];
        if (notes && (offer.cost === 'reste-a-charge' || r.chance(0.3))) offer.costNote = r.pick(notes);
      }
      const pathways = [];
      if (offer.ages?.includes('aja')) pathways.push('parcours-aja');
      if (offer.ages?.includes('enfant')) pathways.push('parcours-oncopediatrie');
      if (offer.ages?.includes('personne-agee') && r.chance(0.5)) pathways.push('parcours-oncogeriatrie');
      if (offer.phases?.includes('apres-traitement') && ['activite-physique', 'nutrition', 'psychologie'].includes(care) && r.chance(0.6)) pathways.push('parcours-global-apres-cancer');
      if (pathways.length && r.chance(0.8)) offer.pathways = tax.PATHWAYS.codes.filter((c) => pathways.includes(c));
      if (subcares.some((c) => subcareOf.get(c).nonConventional)) offer.nonConventional = true;
      if (r.chance(0.4)) offer.description = DESCRIPTIONS[care];
      if (r.chance(0.35)) offer.schedule = r.pick(SCHEDULES);
      if (r.chance(0.12)) {
        offer.contact = { phone: fictitiousPhone(r) };
        if (r.chance(0.5)) offer.contact.email = `${care}.${seed.id.slice(0, 30)}@example.org`;
      }
      return offer;
    });

    const s = { id: seed.id, name: seed.name, kind: seed.kind };
    if (seed.finess) s.finess = seed.finess;
    if (seed.siret) s.siret = seed.siret;
    s.description = seed.description;
    s.address = seed.address;
    if (r.chance(0.5)) s.department = seed.address.insee.startsWith('97') ? seed.address.insee.slice(0, 3) : seed.address.insee.slice(0, 2);
    if (seed.centroid) s.location = { lat: round(seed.centroid.lat, 4), lon: round(seed.centroid.lon, 4) };
    const shortId = seed.id.replace(/^finess-/, 'etab-').slice(0, 40);
    s.contact = { phone: fictitiousPhone(r), website: `https://${r.chance(0.5) ? 'example.org' : 'example.fr'}/${shortId}` };
    if (r.chance(0.6)) s.contact.email = `contact.${shortId}@example.org`;
    if (seed.mssante) s.contact.mssante = `sos@${shortId}.mssante.fr`;
    if (r.chance(0.85)) s.accessibility = { wheelchair: r.chance(0.8) };
    if (r.chance(0.7)) s.hours = r.pick(HOURS);
    // A few records older than 12 months exercise the freshness rule (see FRESHNESS_MIX).
    s.verifiedAt = i % 23 === 7 ? `2025-${pad2(r.int(3, 9))}-${pad2(r.int(1, 28))}` : `2026-${pad2(r.int(1, 10))}-${pad2(r.int(1, 28))}`;
    s.verifiedAt = FRESHNESS_MIX[i] ?? s.verifiedAt;
    s.offers = offers;
    structures.push(s);
  }

  // Finish coverage: remaining finer cares go to an offer of their category.
  for (const [care, pending] of pendingSubcares) {
    for (const code of pending) {
      const offer = structures.flatMap((s) => s.offers).find((o) => o.care === care);
      if (!offer) throw new Error(`no offer of category ${care}`);
      offer.subcares = [...(offer.subcares ?? []), code].sort((a, b) => S.indexOf(a) - S.indexOf(b));
      if (subcareOf.get(code).nonConventional) offer.nonConventional = true;
    }
  }
  addServiceAreas(structures, communes, communeByInsee);
  await addRevision11(structures, tax);
  const all = structures.flatMap((s) => s.offers);
  const need = {
    care: tax.CARE_CODES, subcare: S, audiences: tax.AUDIENCES.codes, ages: tax.AGES.codes, settings: tax.SETTINGS.codes,
    phases: tax.PHASES.codes, access: tax.ACCESS.codes, referral: tax.REFERRALS.codes, cost: tax.COSTS.codes,
    pathways: tax.PATHWAYS.codes, kind: tax.STRUCTURE_KINDS.codes,
  };
  const seen = {
    care: all.map((o) => o.care), subcare: all.flatMap((o) => o.subcares ?? []), audiences: all.flatMap((o) => o.audiences),
    ages: all.flatMap((o) => o.ages ?? []), settings: all.flatMap((o) => o.settings), phases: all.flatMap((o) => o.phases ?? []),
    access: all.flatMap((o) => o.access ?? []), referral: all.map((o) => o.referral), cost: all.map((o) => o.cost),
    pathways: all.flatMap((o) => o.pathways ?? []), kind: structures.map((s) => s.kind),
  };
  for (const [k, codes] of Object.entries(need)) {
    const missing = codes.filter((c) => !seen[k].includes(c));
    if (missing.length) throw new Error(`demo feed does not cover ${k}: ${missing.join(', ')}`);
  }

  const feed = {
    format: 'sos-feed/1',
    publisher: {
      id: 'onco-nouvelle-aquitaine-demo',
      name: 'Onco-Nouvelle-Aquitaine — démonstration (offres fictives)',
      region: '75',
      url: 'https://example.org/onco-na',
      contact: { email: 'annuaire@example.org' },
      license: 'Licence Ouverte 2.0',
    },
    generatedAt: '2026-11-20T08:00:00Z',
    structures,
  };
  const text = formatFeed(feed);
  console.log(`demo: ${structures.length} structures (${seeds.filter((s) => s.real).length} real establishments), ${all.length} offers`);
  write(OUT.demo, text);
  await validate(feed, '2026-11-22T12:00:00Z');
}

// Neighbouring départements of Nouvelle-Aquitaine's (outside the region too: 85, 36, 46, 65…).
const NEIGHBOURS_NA = {
  16: ['17', '24', '79', '86', '87'], 17: ['16', '24', '33', '79', '85'], 19: ['23', '24', '87', '15', '46', '63'],
  23: ['19', '87', '36', '03', '63'], 24: ['16', '17', '19', '33', '47', '87', '46'], 33: ['17', '24', '40', '47'],
  40: ['33', '47', '64', '32'], 47: ['24', '33', '40', '32', '46', '82'], 64: ['40', '32', '65'],
  79: ['16', '17', '86', '49', '85'], 86: ['16', '79', '87', '36', '37', '49'], 87: ['16', '19', '23', '24', '86', '36'],
};

/**
 * FEED-SPEC 1.1 `serviceArea` on offers at home (`domicile`) and remote ones (`distance`). A pass
 * of its own, after everything else, on its own PRNG stream: the rest of the feed is byte-identical
 * to what it was before service areas existed (tests count and name its records).
 * Home offers: mostly their own département, some a neighbour too, a few a 30 km radius (only
 * structures with coordinates: a radius needs a centre), a few a list of nearby communes. Remote
 * offers (without `domicile`): the 12 départements of the region, or nothing (the default, the
 * publisher's region, then applies: both paths stay exercised).
 */
function addServiceAreas(structures, communes, communeByInsee) {
  const z = prng(1101);
  const region = Object.keys(DEP_NAMES_NA);
  const counts = { own: 0, neighbour: 0, radius: 0, communes: 0, region: 0, remoteDefault: 0 };
  for (const s of structures) {
    const dep = s.address.insee.slice(0, 2);
    const centre = communeByInsee.get(s.address.insee);
    for (const offer of s.offers) {
      if (offer.settings.includes('domicile')) {
        const kind = weighted(z, [['own', 6], ['neighbour', 2], ['radius', s.location ? 1.5 : 0], ['communes', centre ? 0.5 : 0]]);
        counts[kind]++;
        if (kind === 'own') offer.serviceArea = { departments: [dep] };
        else if (kind === 'neighbour') offer.serviceArea = { departments: [dep, z.pick(NEIGHBOURS_NA[dep])] };
        else if (kind === 'radius') offer.serviceArea = { radiusKm: 30 };
        else {
          // The structure's commune and its nearest neighbours in the same département.
          const near = communes.filter((c) => c.department === dep)
            .map((c) => ({ insee: c.insee, d: (c.lat - centre.lat) ** 2 + ((c.lon - centre.lon) * Math.cos(centre.lat * Math.PI / 180)) ** 2 }))
            .sort((a, b) => a.d - b.d || (a.insee < b.insee ? -1 : 1))
            .slice(0, z.int(4, 8));
          offer.serviceArea = { communes: near.map((c) => c.insee).sort() };
        }
      } else if (offer.settings.includes('distance')) {
        if (z.chance(0.75)) {
          offer.serviceArea = { departments: region };
          counts.region++;
        } else counts.remoteDefault++;
      }
    }
  }
  // Every kind of area must appear (a change of raw data must not silently lose one).
  const few = Object.entries(counts).filter(([, n]) => n < 2).map(([k]) => k);
  if (few.length) throw new Error(`demo feed: too few service areas of kind ${few.join(', ')} (${JSON.stringify(counts)})`);
  console.log(`demo service areas: ${JSON.stringify(counts)}`);
}

/** The OSM form of the sample's free-text hours that are a plain weekday schedule (the others keep `hours` alone). */
const OSM_OF_HOURS = {
  'Du lundi au vendredi, 9 h – 17 h.': 'Mo-Fr 09:00-17:00; PH off',
  'Du lundi au vendredi, 8 h 30 – 18 h 30.': 'Mo-Fr 08:30-18:30; PH off',
  'Lundi, mercredi et vendredi, 9 h – 12 h 30 et 14 h – 17 h.': 'Mo,We,Fr 09:00-12:30,14:00-17:00; PH off',
};
/** Hours of structures the sample gives no free text: associations keep shorter hours than health centres. */
const OSM_HOURS_BY_KIND = {
  small: [['Tu,Th 14:00-17:00', 3], ['We 14:00-18:00; Sa 09:00-12:00', 2], ['Mo,Th 09:30-12:30', 2], ['Tu-Fr 14:00-18:00', 1]],
  care: [['Mo-Fr 09:00-12:30,13:30-17:00; PH off', 4], ['Mo-Fr 08:00-19:00; Sa 08:00-12:00; PH off', 2], ['Mo-Th 09:00-17:00; Fr 09:00-16:00; PH off', 2]],
};
/** The OSM form of the sample's offer schedules that name a weekday. */
const OSM_OF_SCHEDULE = {
  'Le mardi de 14 h à 16 h.': 'Tu 14:00-16:00',
  'Lundi et jeudi, 10 h – 12 h.': 'Mo,Th 10:00-12:00',
  'Le mercredi après-midi, hors vacances scolaires.': 'We 14:00-17:00',
};
/** acceslibre's activity part of a place's address, by kind (example paths: the places are not on acceslibre). */
const ACCESLIBRE_ACTIVITY = {
  'etablissement-sante': 'hopital', clcc: 'hopital', 'centre-sante': 'centre-de-sante', msp: 'maison-de-sante',
  association: 'association', 'comite-ligue': 'association', 'maison-sport-sante': 'salle-de-sport',
};

/**
 * `value` with `additions` put where the schema orders them (before the first key that comes later
 * in `order`), the existing keys left in their order: the feed's lines only gain text.
 */
function withKeys(value, additions, order) {
  const rank = (k) => order.indexOf(k);
  const pending = Object.entries(additions).sort(([a], [b]) => rank(a) - rank(b));
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    while (pending.length && rank(pending[0][0]) < rank(k)) {
      const [nk, nv] = pending.shift();
      out[nk] = nv;
    }
    out[k] = v;
  }
  for (const [nk, nv] of pending) out[nk] = nv;
  return out;
}

/**
 * The other FEED-SPEC 1.1 fields, in a pass of their own on their own PRNG stream (like service
 * areas): everything else in the feed stays byte-identical. Structures: `openingHours` matching
 * their free-text `hours` where that is a weekday schedule (hours kept), an OSM schedule for most
 * of those without, closures over Christmas 2026 on a few non-hospital places (one until further
 * notice), a few `languages`, some acceslibre links. Offers: `howTo` on most, coherent with their
 * referral and settings, a booking or registration link on some, the workshops whose schedule
 * names a weekday with their own `openingHours`.
 */
async function addRevision11(structures, tax) {
  const z = prng(1102);
  const { KNOWN_KEYS } = await importTs('src/feed/generated/checks.ts');
  const counts = { openingHours: 0, fromHours: 0, hoursOnly: 0, closure: 0, untilFurtherNotice: 0, languages: 0, acceslibre: 0, howTo: 0, bookingUrl: 0, offerOpeningHours: 0 };
  const hospital = (s) => s.kind === 'etablissement-sante' || s.kind === 'clcc';
  const open = structures.filter((s) => !hospital(s));
  // Six places closed over Christmas and one until further notice (works), among the non-hospital ones.
  const [longClosed, ...christmas] = z.shuffle(open).slice(0, 7);
  for (let i = 0; i < structures.length; i++) {
    const s = structures[i];
    const add = {};
    if (s.hours !== undefined) {
      const osm = OSM_OF_HOURS[s.hours];
      if (osm && z.chance(0.9)) { add.openingHours = osm; counts.fromHours++; } else counts.hoursOnly++;
    } else if (z.chance(0.7)) {
      const care = hospital(s) || ['msp', 'centre-sante', 'cpts', 'dac', 'reseau'].includes(s.kind);
      add.openingHours = weighted(z, OSM_HOURS_BY_KIND[care ? 'care' : 'small']);
    }
    if (add.openingHours) counts.openingHours++;
    if (s === longClosed) {
      add.closure = { from: '2026-10-05', note: 'Locaux en travaux : accueil fermé jusqu’à nouvel ordre, l’équipe répond au téléphone.' };
      counts.untilFurtherNotice++;
    } else if (christmas.includes(s)) {
      add.closure = { from: z.pick(['2026-12-21', '2026-12-24']), until: z.pick(['2027-01-02', '2027-01-04']) };
      if (z.chance(0.5)) add.closure.note = 'Fermeture annuelle';
      counts.closure++;
    }
    const basque = s.address.insee.startsWith('64');
    if (z.chance(basque ? 0.2 : hospital(s) ? 0.12 : 0.06)) {
      add.languages = basque
        ? weighted(z, [[['eu', 'es'], 3], [['eu'], 2], [['es'], 1]])
        : weighted(z, [[['en'], 4], [['en', 'es'], 3], [['ar'], 2], [['en', 'ar'], 1], [['pt'], 1], [['oc'], 0.5]]);
      counts.languages++;
    }
    if (s.accessibility && ACCESLIBRE_ACTIVITY[s.kind] && z.chance(0.3)) {
      const place = slug(s.name.replace(/\((fictive?|fictif)\)/, '')).replace(/-+$/, '').slice(0, 60).replace(/-+$/, '');
      s.accessibility.acceslibre = `https://acceslibre.beta.gouv.fr/app/${s.address.insee.slice(0, 2)}-${slug(s.address.city)}/a/${ACCESLIBRE_ACTIVITY[s.kind]}/erp/${place}/`;
      counts.acceslibre++;
    }
    for (let j = 0; j < s.offers.length; j++) {
      const o = s.offers[j];
      const more = {};
      const osm = OSM_OF_SCHEDULE[o.schedule];
      if (osm && z.chance(0.2)) { more.openingHours = osm; counts.offerOpeningHours++; }
      if (z.chance(0.85)) {
        const how = new Set();
        if (o.referral === 'orientation' || o.referral === 'prescription' || (o.audiences.length === 1 && o.audiences[0] === 'professionnel')) how.add('orientation-professionnel');
        if (z.chance(0.75)) how.add('telephone');
        if ((o.contact?.email || s.contact?.email) && z.chance(0.35)) how.add('courriel');
        if (o.care === 'eri' || (o.referral === 'direct' && !o.settings.includes('domicile') && z.chance(0.4))) how.add('sur-place');
        const link = z.next();
        if (link < 0.12) {
          how.add('rendez-vous-en-ligne');
          more.bookingUrl = `https://example.org/rendez-vous/${o.id}`;
        } else if (link < 0.18 && !hospital(s)) {
          how.add('formulaire');
          more.bookingUrl = `https://example.org/inscription/${o.id}`;
        }
        if (!how.size) how.add('telephone');
        more.howTo = tax.HOW_TO.codes.filter((c) => how.has(c));
        counts.howTo++;
        if (more.bookingUrl) counts.bookingUrl++;
      }
      s.offers[j] = withKeys(o, more, KNOWN_KEYS.offer);
    }
    structures[i] = withKeys(s, add, KNOWN_KEYS.structure);
  }
  // Every field must appear a few times (a change of raw data must not silently lose one).
  const few = Object.entries(counts).filter(([k, n]) => n < (k === 'untilFurtherNotice' ? 1 : 3)).map(([k]) => k);
  if (few.length) throw new Error(`demo feed: too few 1.1 fields ${few.join(', ')} (${JSON.stringify(counts)})`);
  const used = new Set(structures.flatMap((s) => s.offers.flatMap((o) => o.howTo ?? [])));
  const unused = tax.HOW_TO.codes.filter((c) => !used.has(c));
  if (unused.length) throw new Error(`demo feed does not cover howTo: ${unused.join(', ')}`);
  console.log(`demo 1.1 fields: ${JSON.stringify(counts)}`);
}

/**
 * One-space indented JSON, but each offer, address, contact and the publisher on one line:
 * readable diffs at a third of the size of fully indented JSON.
 */
function formatFeed(feed) {
  const compact = (path) => path[0] === 'publisher'
    || (path[0] === 'structures' && path.length >= 3 && path[2] !== 'offers')
    || (path[2] === 'offers' && path.length >= 4);
  const fmt = (v, pad, path) => {
    if (v === null || typeof v !== 'object' || compact(path)) return JSON.stringify(v);
    const inner = `${pad} `;
    if (Array.isArray(v)) return v.length ? `[\n${v.map((x, i) => inner + fmt(x, inner, [...path, i])).join(',\n')}\n${pad}]` : '[]';
    return `{\n${Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${fmt(x, inner, [...path, k])}`).join(',\n')}\n${pad}}`;
  };
  return `${fmt(feed, '', [])}\n`;
}

/** Runs the project's own validator on a feed and fails on any error. */
async function validate(feed, now) {
  let mod;
  try {
    mod = await importTs('src/feed/validate.ts');
  } catch (e) {
    console.warn(`validation skipped: cannot bundle src/feed/validate.ts (${e.message})`);
    return;
  }
  const result = mod.validateFeed(structuredClone(feed), { now: new Date(now), maxDiagnostics: 100000 });
  if (!result.ok) throw new Error(`feed rejected: ${result.message}`);
  const byCode = {};
  for (const d of result.diagnostics) byCode[`${d.severity}:${d.code}`] = (byCode[`${d.severity}:${d.code}`] ?? 0) + 1;
  console.log(`validation: ${JSON.stringify(result.counts)} diagnostics ${JSON.stringify(byCode)}`);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`feed has ${errors.length} errors, first: ${errors[0].path} ${errors[0].message}`);
}

// ---------------------------------------------------------------------------------------------

const wanted = new Set(process.argv.slice(2).length ? process.argv.slice(2) : ['communes', 'departements', 'basemap', 'demo']);
const needCommunes = wanted.has('communes') || wanted.has('demo');
const communes = needCommunes ? loadCommunes() : [];
if (wanted.has('communes')) deriveCommunes(communes);
if (wanted.has('departements')) deriveDepartements();
if (wanted.has('basemap')) deriveBasemap();
if (wanted.has('demo')) await deriveDemo(communes);
