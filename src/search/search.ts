/**
 * One search: criteria in, grouped results, facet counts and "why nothing?" help out, in a single
 * pass over the index rows.
 *
 * Each row gets a fail mask: one bit per constraint it fails (text, proximity, each filter).
 * A row is a result when its mask is 0; it counts for filter F's options when its mask is 0 or
 * only F's bit (the usual facet rule: an option's count ignores the filter's own selection); and
 * when nothing matches, rows failing exactly one constraint say which constraint to relax.
 */
import type { Offer } from '../feed/schema.js';
import type { DirectoryStructure } from '../feed/validate.js';
import { distanceKm } from '../feed/geo.js';
import { CARE_CODES, SUBCARE_CODES } from '../feed/taxonomy.js';
import { fold } from './normalize.js';
import { FILTER_NAMES, RADII_KM, type Criteria, type FilterName } from './criteria.js';
import { MASKED, maskOf, type MaskedFilter, type SearchIndex } from './search-index.js';

export interface Result {
  structure: DirectoryStructure;
  /** The offers that match the criteria (the rest of the structure's offers are in `structure`). */
  offers: Offer[];
  /** From the proximity point, when there is one and the structure is mapped. */
  distanceKm?: number;
}

export type GroupId = 'all' | 'near' | 'remote';

export interface ResultGroup {
  id: GroupId;
  results: Result[];
}

export interface NoResultHelp {
  /** Active constraints whose removal alone would give results, with how many structures. */
  relax: { constraint: FilterName | 'query' | 'near'; structures: number }[];
  /** The smallest offered radius that would give results. */
  widerRadiusKm?: number;
  /** The nearest structure matching everything but the distance. */
  nearest?: Result;
}

export interface ResultSet {
  groups: ResultGroup[];
  structureCount: number;
  offerCount: number;
  /** Per filter, per option code: structures that option would give (other filters kept). */
  facets: Record<FilterName, Map<string, number>>;
  help?: NoResultHelp;
}

const TEXT = 1 << 10;
const NEAR = 1 << 11;
const BIT = Object.fromEntries(FILTER_NAMES.map((f, i) => [f, 1 << i])) as Record<FilterName, number>;
const REMOTE = maskOf('setting', ['distance']);
const HOME = maskOf('setting', ['domicile']);
/** Filters where an offer that lists nothing means "all" (FEED-SPEC: absent ages/phases = all). */
const ABSENT_MEANS_ALL: ReadonlySet<MaskedFilter> = new Set(['age', 'phase']);

const nameKeys = new WeakMap<SearchIndex, string[]>();
function sortKeys(index: SearchIndex): string[] {
  let keys = nameKeys.get(index);
  if (!keys) nameKeys.set(index, (keys = index.structures.map((s) => fold(s.name))));
  return keys;
}

let distanceCache: { index: SearchIndex; lat: number; lon: number; d: Float64Array } | undefined;
function distances(index: SearchIndex, lat: number, lon: number): Float64Array {
  if (distanceCache && distanceCache.index === index && distanceCache.lat === lat && distanceCache.lon === lon) return distanceCache.d;
  const d = new Float64Array(index.structures.length);
  for (const [i, s] of index.structures.entries()) d[i] = s.location ? distanceKm({ lat, lon }, s.location) : Number.NaN;
  distanceCache = { index, lat, lon, d };
  return d;
}

export function search(index: SearchIndex, criteria: Criteria): ResultSet {
  const { filters, near } = criteria;
  const text = index.matchText(criteria.query);
  const cares = new Set(filters.care.map((c) => CARE_CODES.indexOf(c as never)));
  const subcares = new Set(filters.subcare.map((c) => SUBCARE_CODES.indexOf(c as never)));
  const depts = new Set(filters.departement);
  const masked = (Object.keys(MASKED) as MaskedFilter[]).map((f) => [f, maskOf(f, filters[f]), BIT[f]] as const).filter(([, m]) => m);
  const dist = near ? distances(index, near.point.lat, near.point.lon) : undefined;
  const rows = index.rowCount;
  const fail = new Uint16Array(rows);

  for (let r = 0; r < rows; r++) {
    const s = index.rowStructure[r]!;
    let m = 0;
    if (text && !text[r]) m |= TEXT;
    if (cares.size && !cares.has(index.care[r]!)) m |= BIT.care;
    if (subcares.size) {
      const sc = index.subcares[r]!;
      let ok = false;
      for (let k = 0; k < sc.length && !ok; k++) ok = subcares.has(sc[k]!);
      if (!ok) m |= BIT.subcare;
    }
    if (depts.size && !depts.has(index.departments[s]!)) m |= BIT.departement;
    for (const [f, want, bit] of masked) {
      const have = index.masks[f][r]!;
      if (!(have & want) && !(have === 0 && ABSENT_MEANS_ALL.has(f))) m |= bit;
    }
    if (dist && near) {
      const d = dist[s]!;
      const setting = index.masks.setting[r]!;
      // Remote offers serve everyone; home visits serve their own département.
      const reachable = d <= near.radiusKm || setting & REMOTE
        || (setting & HOME && near.department !== undefined && index.departments[s] === near.department);
      if (!reachable) m |= NEAR;
    }
    fail[r] = m;
  }

  // Walk structures (their rows are contiguous): results, facets, and the one-constraint misses.
  const facets = Object.fromEntries(FILTER_NAMES.map((f) => [f, new Map<string, number>()])) as Record<FilterName, Map<string, number>>;
  const bump = (f: FilterName, code: string) => facets[f].set(code, (facets[f].get(code) ?? 0) + 1);
  const nearGroup: Result[] = [];
  const remoteGroup: Result[] = [];
  const all: Result[] = [];
  const relax = new Map<number, number>();
  let offerCount = 0;
  let nearest: { s: number; d: number } | undefined;
  const seenSubcare = new Uint32Array(SUBCARE_CODES.length);
  const maskedNames = Object.keys(MASKED) as MaskedFilter[];

  for (let s = 0; s < index.structures.length; s++) {
    const start = index.rowStart[s]!;
    const end = index.rowStart[s + 1]!;
    const offers: Offer[] = [];
    let careSeen = 0;
    let deptCounted = false;
    const maskSeen: Record<string, number> = {};
    const missed = new Set<number>();
    for (let r = start; r < end; r++) {
      const m = fail[r]!;
      if (m === 0) offers.push(index.offers[r]!);
      else if ((m & (m - 1)) === 0) missed.add(m); // exactly one constraint fails
      if (m === 0 || m === BIT.care) careSeen |= 1 << index.care[r]!;
      if (m === 0 || m === BIT.departement) deptCounted = true;
      if (m === 0 || m === BIT.subcare) {
        for (const sc of index.subcares[r]!) {
          if (sc !== 0xffff && seenSubcare[sc] !== s + 1) {
            seenSubcare[sc] = s + 1;
            bump('subcare', SUBCARE_CODES[sc]!);
          }
        }
      }
      for (const f of maskedNames) if (m === 0 || m === BIT[f]) maskSeen[f] = (maskSeen[f] ?? 0) | index.masks[f][r]!;
    }
    for (let c = 0; careSeen; c++, careSeen >>>= 1) if (careSeen & 1) bump('care', CARE_CODES[c]!);
    if (deptCounted) bump('departement', index.departments[s]!);
    for (const f of maskedNames) {
      const seen = maskSeen[f] ?? 0;
      MASKED[f].forEach((code, i) => seen & (1 << i) && bump(f, code));
    }
    for (const m of missed) relax.set(m, (relax.get(m) ?? 0) + 1);
    if (missed.has(NEAR) && dist && !offers.length) {
      const d = dist[s]!;
      if (!Number.isNaN(d) && (!nearest || d < nearest.d)) nearest = { s, d };
    }
    if (!offers.length) continue;

    offerCount += offers.length;
    const structure = index.structures[s]!;
    if (!dist || !near) {
      all.push({ structure, offers });
      continue;
    }
    const d = dist[s]!;
    if (d <= near.radiusKm) nearGroup.push({ structure, offers, distanceKm: d });
    else remoteGroup.push({ structure, offers, ...(Number.isNaN(d) ? {} : { distanceKm: d }) });
  }

  const keys = sortKeys(index);
  const order = new Map(index.structures.map((s, i) => [s, keys[i]!]));
  const byName = (a: Result, b: Result) => (order.get(a.structure)! < order.get(b.structure)! ? -1 : 1);
  all.sort(byName);
  remoteGroup.sort(byName);
  nearGroup.sort((a, b) => a.distanceKm! - b.distanceKm! || byName(a, b));

  const groups: ResultGroup[] = near
    ? [{ id: 'near', results: nearGroup }, { id: 'remote', results: remoteGroup }]
    : [{ id: 'all', results: all }];
  const structureCount = all.length + nearGroup.length + remoteGroup.length;
  const set: ResultSet = { groups, structureCount, offerCount, facets };

  if (structureCount === 0) {
    const byBit = new Map<number, FilterName | 'query' | 'near'>([[TEXT, 'query'], [NEAR, 'near'], ...FILTER_NAMES.map((f) => [BIT[f], f] as const)]);
    set.help = {
      relax: [...relax.entries()].map(([bit, n]) => ({ constraint: byBit.get(bit)!, structures: n })).sort((a, b) => b.structures - a.structures),
    };
    if (nearest && near) {
      const structure = index.structures[nearest.s]!;
      const offers = structure.offers.filter((_, k) => fail[index.rowStart[nearest!.s]! + k] === NEAR);
      set.help.nearest = { structure, offers, distanceKm: nearest.d };
      set.help.widerRadiusKm = RADII_KM.find((km) => km > near.radiusKm && km >= nearest!.d);
    }
  }
  return set;
}
