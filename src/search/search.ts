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

/** Structure indices in name order, computed once per index (results then need no sort). */
const nameOrders = new WeakMap<SearchIndex, Uint32Array>();
function nameOrder(index: SearchIndex): Uint32Array {
  let order = nameOrders.get(index);
  if (!order) {
    const keys = index.structures.map((s) => fold(s.name));
    order = Uint32Array.from(keys.keys()).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
    nameOrders.set(index, order);
  }
  return order;
}

let distanceCache: { index: SearchIndex; lat: number; lon: number; d: Float64Array } | undefined;
function distances(index: SearchIndex, lat: number, lon: number): Float64Array {
  if (distanceCache && distanceCache.index === index && distanceCache.lat === lat && distanceCache.lon === lon) return distanceCache.d;
  const d = new Float64Array(index.structures.length);
  for (const [i, s] of index.structures.entries()) d[i] = s.location ? distanceKm({ lat, lon }, s.location) : Number.NaN;
  distanceCache = { index, lat, lon, d };
  return d;
}

/**
 * A result whose matching offers are listed only when asked: a search over 10,000 structures
 * builds 10,000 of these, and the list reads the offers of the 30 it shows.
 */
class LazyResult implements Result {
  private matched: Offer[] | undefined;
  constructor(
    readonly structure: DirectoryStructure,
    private readonly index: SearchIndex,
    private readonly s: number,
    private readonly fail: Uint16Array,
    private readonly want: number,
    readonly distanceKm?: number,
  ) {}

  get offers(): Offer[] {
    if (!this.matched) {
      this.matched = [];
      for (let r = this.index.rowStart[this.s]!; r < this.index.rowStart[this.s + 1]!; r++) {
        if (this.fail[r] === this.want) this.matched.push(this.index.offers[r]!);
      }
    }
    return this.matched;
  }
}

/**
 * The part of the fail masks that does not depend on the text (filters, distance), kept between
 * searches: while the visitor types, only the text bit is recomputed.
 */
let staticCache: { index: SearchIndex; key: string; fail: Uint16Array } | undefined;

function staticFail(index: SearchIndex, criteria: Criteria): Uint16Array {
  const { filters, near } = criteria;
  const key = JSON.stringify([filters, near]);
  if (staticCache && staticCache.index === index && staticCache.key === key) return staticCache.fail;
  const cares = filters.care.length ? new Set(filters.care.map((c) => CARE_CODES.indexOf(c as never))) : undefined;
  const subcares = filters.subcare.length ? new Set(filters.subcare.map((c) => SUBCARE_CODES.indexOf(c as never))) : undefined;
  const depts = filters.departement.length ? new Set(filters.departement) : undefined;
  const masked = (Object.keys(MASKED) as MaskedFilter[])
    .map((f) => ({ f, want: maskOf(f, filters[f]), bit: BIT[f], all: ABSENT_MEANS_ALL.has(f) }))
    .filter((m) => m.want)
    .map((m) => ({ ...m, col: index.columns.masks[m.f] }));
  const dist = near ? distances(index, near.point.lat, near.point.lon) : undefined;
  const rows = index.rowCount;
  const fail = new Uint16Array(rows);
  // Nothing to filter: all rows pass, and the filter columns are not even built.
  if (!cares && !subcares && !depts && !masked.length && !dist) {
    staticCache = { index, key, fail };
    return fail;
  }
  const { rowStructure, departments } = index;
  const { care, subcareStart, subcareCodes, masks } = index.columns;
  const settings = masks.setting;
  for (let r = 0; r < rows; r++) {
    let m = 0;
    if (cares && !cares.has(care[r]!)) m |= BIT.care;
    if (subcares) {
      let ok = false;
      for (let k = subcareStart[r]!, end = subcareStart[r + 1]!; k < end && !ok; k++) ok = subcares.has(subcareCodes[k]!);
      if (!ok) m |= BIT.subcare;
    }
    if (depts && !depts.has(departments[rowStructure[r]!]!)) m |= BIT.departement;
    for (let k = 0; k < masked.length; k++) {
      const f = masked[k]!;
      const have = f.col[r]!;
      if (!(have & f.want) && !(have === 0 && f.all)) m |= f.bit;
    }
    if (dist && near) {
      const s = rowStructure[r]!;
      const setting = settings[r]!;
      // Remote offers serve everyone; home visits serve their own département.
      const reachable = dist[s]! <= near.radiusKm || setting & REMOTE
        || (setting & HOME && near.department !== undefined && departments[s] === near.department);
      if (!reachable) m |= NEAR;
    }
    fail[r] = m;
  }
  staticCache = { index, key, fail };
  return fail;
}

export function search(index: SearchIndex, criteria: Criteria): ResultSet {
  const { near } = criteria;
  const text = index.matchText(criteria.query);
  const dist = near ? distances(index, near.point.lat, near.point.lon) : undefined;
  const rows = index.rowCount;

  // 1. The fail mask of every row: the cached filters part, plus the text bit.
  const base = staticFail(index, criteria);
  let fail = base;
  if (text) {
    fail = new Uint16Array(rows);
    for (let r = 0; r < rows; r++) fail[r] = text[r] ? base[r]! : base[r]! | TEXT;
  }

  // 2. Structures in name order: the results. Facets and "why nothing?" are computed when read.
  const nearGroup: LazyResult[] = [];
  const remoteGroup: Result[] = [];
  const all: Result[] = [];
  let offerCount = 0;
  const order = nameOrder(index);
  const { rowStart } = index;
  for (let o = 0; o < order.length; o++) {
    const s = order[o]!;
    let matched = 0;
    for (let r = rowStart[s]!, end = rowStart[s + 1]!; r < end; r++) if (fail[r] === 0) matched++;
    if (!matched) continue;
    offerCount += matched;
    const structure = index.structures[s]!;
    if (!dist || !near) {
      all.push(new LazyResult(structure, index, s, fail, 0));
      continue;
    }
    const d = dist[s]!;
    if (d <= near.radiusKm) nearGroup.push(new LazyResult(structure, index, s, fail, 0, d));
    else remoteGroup.push(new LazyResult(structure, index, s, fail, 0, Number.isNaN(d) ? undefined : d));
  }
  // Name order is kept among equal distances (the sort is stable).
  nearGroup.sort((a, b) => a.distanceKm! - b.distanceKm!);

  const groups: ResultGroup[] = near
    ? [{ id: 'near', results: nearGroup }, { id: 'remote', results: remoteGroup }]
    : [{ id: 'all', results: all }];
  const structureCount = all.length + nearGroup.length + remoteGroup.length;
  let details: { facets: Record<FilterName, Map<string, number>>; help?: NoResultHelp } | undefined;
  const detailsOf = () => (details ??= facetsAndHelp(index, criteria, fail, dist, structureCount === 0));
  return {
    groups,
    structureCount,
    offerCount,
    get facets() {
      return detailsOf().facets;
    },
    get help() {
      return detailsOf().help;
    },
  };
}

/** Facet counts, and when nothing matches, what to relax: one more walk, done only when read. */
function facetsAndHelp(
  index: SearchIndex,
  criteria: Criteria,
  fail: Uint16Array,
  dist: Float64Array | undefined,
  empty: boolean,
): { facets: Record<FilterName, Map<string, number>>; help?: NoResultHelp } {
  const { departments, rowStart } = index;
  const { care, subcareStart, subcareCodes, masks } = index.columns;
  const careCounts = new Uint32Array(CARE_CODES.length);
  const subcareCounts = new Uint32Array(SUBCARE_CODES.length);
  const subcareStamp = new Uint32Array(SUBCARE_CODES.length);
  const maskedNames = Object.keys(MASKED) as MaskedFilter[];
  const maskedCols = maskedNames.map((f) => masks[f]);
  const maskedBits = maskedNames.map((f) => BIT[f]);
  const maskedCounts = maskedNames.map((f) => new Uint32Array(MASKED[f].length));
  const maskSeen = new Uint32Array(maskedNames.length);
  const deptCounts = new Map<string, number>();
  const relaxCounts = new Map<number, number>();
  let nearest: { s: number; d: number } | undefined;

  for (let s = 0; s < index.structures.length; s++) {
    let matched = 0;
    let careSeen = 0;
    let deptSeen = false;
    let missed = 0;
    maskSeen.fill(0);
    for (let r = rowStart[s]!, end = rowStart[s + 1]!; r < end; r++) {
      const m = fail[r]!;
      if (m === 0) matched++;
      else if ((m & (m - 1)) === 0) missed |= m; // exactly one constraint fails
      else continue;
      if (m === 0 || m === BIT.care) careSeen |= 1 << care[r]!;
      if (m === 0 || m === BIT.departement) deptSeen = true;
      if (m === 0 || m === BIT.subcare) {
        for (let k = subcareStart[r]!, end = subcareStart[r + 1]!; k < end; k++) {
          const c = subcareCodes[k]!;
          if (c !== 0xffff && subcareStamp[c] !== s + 1) {
            subcareStamp[c] = s + 1;
            subcareCounts[c]!++;
          }
        }
      }
      for (let k = 0; k < maskedCols.length; k++) if (m === 0 || m === maskedBits[k]) maskSeen[k]! |= maskedCols[k]![r]!;
    }
    for (let c = 0; careSeen; c++, careSeen >>>= 1) if (careSeen & 1) careCounts[c]!++;
    if (deptSeen) deptCounts.set(departments[s]!, (deptCounts.get(departments[s]!) ?? 0) + 1);
    for (let k = 0; k < maskSeen.length; k++) {
      for (let b = 0, seen = maskSeen[k]!; seen; b++, seen >>>= 1) if (seen & 1) maskedCounts[k]![b]!++;
    }
    if (!empty) continue;
    for (let bits = missed; bits; bits &= bits - 1) {
      const bit = bits & -bits;
      relaxCounts.set(bit, (relaxCounts.get(bit) ?? 0) + 1);
    }
    if (missed & NEAR && dist && !matched) {
      const d = dist[s]!;
      if (!Number.isNaN(d) && (!nearest || d < nearest.d)) nearest = { s, d };
    }
  }

  const facets = Object.fromEntries(FILTER_NAMES.map((f) => [f, new Map<string, number>()])) as Record<FilterName, Map<string, number>>;
  careCounts.forEach((n, c) => n && facets.care.set(CARE_CODES[c]!, n));
  subcareCounts.forEach((n, c) => n && facets.subcare.set(SUBCARE_CODES[c]!, n));
  facets.departement = deptCounts;
  maskedNames.forEach((f, k) => maskedCounts[k]!.forEach((n, b) => n && facets[f].set(MASKED[f][b]!, n)));
  if (!empty) return { facets };

  const near = criteria.near;
  const byBit = new Map<number, FilterName | 'query' | 'near'>([[TEXT, 'query'], [NEAR, 'near'], ...FILTER_NAMES.map((f) => [BIT[f], f] as const)]);
  const help: NoResultHelp = {
    relax: [...relaxCounts.entries()].map(([bit, n]) => ({ constraint: byBit.get(bit)!, structures: n })).sort((a, b) => b.structures - a.structures),
  };
  if (nearest && near) {
    help.nearest = new LazyResult(index.structures[nearest.s]!, index, nearest.s, fail, NEAR, nearest.d);
    help.widerRadiusKm = RADII_KM.find((km) => km > near.radiusKm && km >= nearest!.d);
  }
  return { facets, help };
}
