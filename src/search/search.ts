/**
 * One search: criteria in, grouped and ordered results, facet counts and "why nothing?" help out,
 * in a single pass over the index rows.
 *
 * Each row gets a fail mask: one bit per constraint it fails (text, proximity, each filter).
 * A row is a result when its mask is 0; it counts for filter F's options when its mask is 0 or
 * only F's bit (the usual facet rule: an option's count ignores the filter's own selection); and
 * when nothing matches, rows failing exactly one constraint say which constraint to relax.
 *
 * Order: by relevance when there is a query (the text chunk scores rows, see text/relevance.ts),
 * then by distance when there is a place, then by name; records not confirmed for more than 14
 * months (feed/freshness.ts, feed/months-old.ts) after all the others of their group, whatever their relevance or distance.
 */
import type { GeoPoint, Offer, ServiceArea } from '../feed/schema.js';
import type { DirectoryStructure } from '../feed/validate.js';
import { distanceKm } from '../feed/location.js';
import { CARE_CODES, SUBCARE_CODES } from '../feed/taxonomy.js';
import { fold } from '../util/fold.js';
import { monthsBefore, parisDate, REMOVE_MONTHS } from '../feed/months-old.js';
import { FILTER_NAMES, RADII_KM, type Criteria, type FilterName, type Near } from './criteria.js';
import { MASKED, maskOf, type MaskedFilter, type SearchIndex } from './search-index.js';
import { ABSENT_MEANS_ALL } from './filters.js';
// Types only: the text chunk is loaded on demand and handed in as `options.text`.
import type { TextMatch, Understanding } from './text/index.js';
import type { Why } from './text/explain.js';

export type { Why } from './text/explain.js';

export interface Result {
  structure: DirectoryStructure;
  /** The offers that match the criteria, most relevant first (the others are in `structure`). */
  offers: Offer[];
  /** From the place chosen (or named in the query), when the structure can be placed. */
  distanceKm?: number;
  /** The structure has no coordinates: the distance is from its commune's centre. */
  approximate?: boolean;
  /** With a query: its most relevant offer and the words it answers. */
  why?: Why;
}

/** `all`: no place; `near`: within the radius; `remote`: beyond it, but coming home or remote. */
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

export type Order = 'name' | 'distance' | 'relevance' | 'relevance-distance';

export interface ResultSet {
  groups: ResultGroup[];
  /** Structures of the first group: within the radius when a place is chosen, else all results. */
  structureCount: number;
  /** Their matching offers. */
  offerCount: number;
  /** Structures beyond the radius whose home or remote offers serve the place. */
  remoteCount: number;
  order: Order;
  /** How the query was understood (undefined without a query, or before the text chunk is loaded). */
  understanding?: Understanding;
  /** Per filter, per option code: structures that option would give (other filters kept). */
  facets: Record<FilterName, Map<string, number>>;
  /** Set when the first group is empty. */
  help?: NoResultHelp;
}

export interface SearchOptions {
  /** The text side of the query (from the text chunk); without it the query is not applied. */
  text?: TextMatch;
  /**
   * Per row, 1 when the offer is open today (Paris time), from the opening-hours chunk: the
   * « Ouvert aujourd'hui » filter. Without it that filter keeps nothing (until it arrives).
   */
  openToday?: Uint8Array;
  /** A place named in the query but not chosen: results are ordered by distance from it, not filtered. */
  rankFrom?: GeoPoint;
  /**
   * Today (epoch ms, the store's clock): records verified more than 14 months before go last.
   * Without it, the order ignores freshness.
   */
  now?: number;
}

// One bit per filter, then the text and the distance (the fail masks are 16 bits wide).
const TEXT = 1 << FILTER_NAMES.length;
const NEAR = TEXT << 1;
if (NEAR > 0x8000) throw new Error('search: more filters than a Uint16Array fail mask holds');
const BIT = Object.fromEntries(FILTER_NAMES.map((f, i) => [f, 1 << i])) as Record<FilterName, number>;
const FILTER_BITS = FILTER_NAMES.reduce((bits, f) => bits | BIT[f], 0);
const REMOTE = maskOf('setting', ['distance']);
const HOME = maskOf('setting', ['domicile']);

/** Structure indices in name order, computed once per index. */
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

let distanceCache: { index: SearchIndex; version: number; lat: number; lon: number; d: Float64Array } | undefined;
/** Per structure, km from (lat, lon); NaN when it cannot be placed. */
function distances(index: SearchIndex, lat: number, lon: number): Float64Array {
  const c = distanceCache;
  if (c && c.index === index && c.version === index.locationsVersion && c.lat === lat && c.lon === lon) return c.d;
  const d = new Float64Array(index.structures.length);
  for (let s = 0; s < d.length; s++) {
    const at = index.locationOf(s);
    d[s] = at ? distanceKm({ lat, lon }, at) : Number.NaN;
  }
  distanceCache = { index, version: index.locationsVersion, lat, lon, d };
  return d;
}

/**
 * A result whose matching offers are listed only when asked: a search over 10,000 structures
 * builds 10,000 of these, and the list reads the offers of the 30 it shows.
 */
class LazyResult implements Result {
  private matched: Offer[] | undefined;
  private explained: Why | undefined | null = null;
  constructor(
    readonly structure: DirectoryStructure,
    private readonly index: SearchIndex,
    private readonly s: number,
    private readonly fail: Uint16Array,
    /** Constraint bits a row may fail and still be listed (the distance, for "the nearest"). */
    private readonly ignore: number,
    private readonly text: TextMatch | undefined,
    readonly distanceKm?: number,
  ) {}

  get approximate(): boolean | undefined {
    return this.distanceKm !== undefined && !this.structure.location ? true : undefined;
  }

  private rows(): number[] {
    const out: number[] = [];
    for (let r = this.index.rowStart[this.s]!; r < this.index.rowStart[this.s + 1]!; r++) {
      if ((this.fail[r]! & ~this.ignore) === 0) out.push(r);
    }
    return out;
  }

  get offers(): Offer[] {
    if (!this.matched) {
      let rows = this.rows();
      const ranked = this.text?.ranked;
      if (ranked?.length) {
        const score = (r: number) => ranked.reduce((n, k) => n + k.scores[r]!, 0);
        rows = rows.map((r) => [r, score(r)] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([r]) => r);
      }
      this.matched = rows.map((r) => this.index.offers[r]!);
    }
    return this.matched;
  }

  get why(): Why | undefined {
    if (this.explained === null) this.explained = this.text?.explain(this.rows(), this.s);
    return this.explained;
  }
}

/**
 * The part of the fail masks that does not depend on the text (filters, distance), kept between
 * searches: while the visitor types, only the text bit is recomputed.
 */
let staticCache: { index: SearchIndex; key: string; fail: Uint16Array; openToday: Uint8Array | undefined } | undefined;

function staticFail(index: SearchIndex, criteria: Criteria, dist: Float64Array | undefined, openToday: Uint8Array | undefined): Uint16Array {
  const { filters, near } = criteria;
  const opening = filters.opening.length > 0;
  const mssante = filters.mssante.length > 0;
  const key = JSON.stringify([filters, near, index.locationsVersion]);
  if (staticCache && staticCache.index === index && staticCache.key === key && (!opening || staticCache.openToday === openToday)) return staticCache.fail;
  const cares = filters.care.length ? new Set(filters.care.map((c) => CARE_CODES.indexOf(c as never))) : undefined;
  const subcares = filters.subcare.length ? new Set(filters.subcare.map((c) => SUBCARE_CODES.indexOf(c as never))) : undefined;
  const depts = filters.departement.length ? new Set(filters.departement) : undefined;
  const masked = (Object.keys(MASKED) as MaskedFilter[])
    .map((f) => ({ f, want: maskOf(f, filters[f]), bit: BIT[f], all: ABSENT_MEANS_ALL.has(f) }))
    .filter((m) => m.want)
    .map((m) => ({ ...m, col: index.columns.masks[m.f] }));
  const rows = index.rowCount;
  const fail = new Uint16Array(rows);
  // Nothing to filter: all rows pass, and the filter columns are not even built.
  if (!cares && !subcares && !depts && !masked.length && !near && !opening && !mssante) {
    staticCache = { index, key, fail, openToday };
    return fail;
  }
  const { rowStructure, departments } = index;
  const { care, subcareStart, subcareCodes, masks, area, mssante: mss } = index.columns;
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
    if (opening && !openToday?.[r]) m |= BIT.opening;
    if (mssante && !mss[r]) m |= BIT.mssante;
    for (let k = 0; k < masked.length; k++) {
      const f = masked[k]!;
      const have = f.col[r]!;
      if (!(have & f.want) && !(have === 0 && f.all)) m |= f.bit;
    }
    if (near && dist) {
      const s = rowStructure[r]!;
      const d = dist[s]!;
      const setting = settings[r]!;
      if (!(d <= near.radiusKm) && !(setting & (HOME | REMOTE) && serves(area[r], setting, s, d, near, index))) m |= NEAR;
    }
    fail[r] = m;
  }
  staticCache = { index, key, fail, openToday };
  return fail;
}

/**
 * Whether an offer given at home or remotely serves the place (FEED-SPEC 1.1 `serviceArea`):
 * the place's département or commune is listed, or it is within the radius of the structure.
 * Absent, a home offer serves its structure's département and a remote one its publisher's region
 * (or, when the feed names no region, the départements the directory covers).
 */
function serves(area: ServiceArea | undefined, setting: number, s: number, d: number, near: Near, index: SearchIndex): boolean {
  if (area && (area.departments || area.communes || area.radiusKm !== undefined)) {
    return (near.department !== undefined && !!area.departments?.includes(near.department))
      || (near.insee !== undefined && !!area.communes?.includes(near.insee))
      || (area.radiusKm !== undefined && d <= area.radiusKm);
  }
  if (setting & HOME && near.department !== undefined && index.departments[s] === near.department) return true;
  if (setting & REMOTE) {
    const region = index.regionOf[s];
    if (region) return near.region === region;
    return near.department !== undefined && index.departmentSet.has(near.department);
  }
  return false;
}

/** Keys packing (relevance, distance, name rank) into one number, sorted natively. */
const NAME_BITS = 2 ** 17;
const DIST_SPAN = 2 ** 21;
const MAX_SCORE = 255;

export function search(index: SearchIndex, criteria: Criteria, options: SearchOptions = {}): ResultSet {
  const { near } = criteria;
  const { text } = options;
  const from = near?.point ?? options.rankFrom;
  const dist = from ? distances(index, from.lat, from.lon) : undefined;
  const rows = index.rowCount;

  // 1. The fail mask of every row: the cached filters part, plus the text bit.
  const base = staticFail(index, criteria, near ? dist : undefined, options.openToday);
  let fail = base;
  const pass = text?.pass;
  if (pass) {
    fail = new Uint16Array(rows);
    for (let r = 0; r < rows; r++) fail[r] = pass[r] ? base[r]! : base[r]! | TEXT;
  }

  // 2. Matching structures, walked in name order (ties stay in name order), with their relevance.
  const ranked = text?.ranked ?? [];
  const order = nameOrder(index);
  const { rowStart } = index;
  let first: number[] = [];
  let second: number[] = [];
  let offerCount = 0;
  const sorted = ranked.length > 0 || !!dist;
  const keys = sorted ? new Float64Array(order.length) : undefined;
  const packable = order.length <= NAME_BITS;
  for (let o = 0; o < order.length; o++) {
    const s = order[o]!;
    let matched = 0;
    for (let r = rowStart[s]!, end = rowStart[s + 1]!; r < end; r++) if (fail[r] === 0) matched++;
    if (!matched) continue;
    const d = dist ? dist[s]! : Number.NaN;
    const beyond = !!near && !(d <= near.radiusKm);
    if (beyond) second.push(s);
    else {
      first.push(s);
      offerCount += matched;
    }
    if (!keys) continue;
    let score = 0;
    for (let k = 0; k < ranked.length; k++) {
      const scores = ranked[k]!.scores;
      let best = 0;
      for (let r = rowStart[s]!, end = rowStart[s + 1]!; r < end; r++) if (fail[r] === 0 && scores[r]! > best) best = scores[r]!;
      score += best;
    }
    const bucket = Number.isNaN(d) ? DIST_SPAN - 1 : Math.min(DIST_SPAN - 1, Math.round(d * 100));
    keys[s] = ((MAX_SCORE - Math.min(score, MAX_SCORE)) * DIST_SPAN + bucket) * NAME_BITS + o;
  }
  if (keys) {
    // Native numeric sort of packed keys; the rank in name order breaks ties.
    const byKey = (list: number[]) => {
      if (!packable) return list.sort((a, b) => keys[a]! - keys[b]!);
      const packed = Float64Array.from(list, (s) => keys[s]!).sort();
      return Array.from(packed, (k) => order[k % NAME_BITS]!);
    };
    first = byKey(first);
    second = byKey(second);
  }
  if (options.now !== undefined) {
    const before = monthsBefore(parisDate(options.now), REMOVE_MONTHS);
    staleLast(index, first, before);
    staleLast(index, second, before);
  }
  const result = (s: number) => {
    const d = dist ? dist[s]! : Number.NaN;
    return new LazyResult(index.structures[s]!, index, s, fail, 0, text, Number.isNaN(d) ? undefined : d);
  };
  const groups: ResultGroup[] = near
    ? [{ id: 'near', results: first.map(result) }, { id: 'remote', results: second.map(result) }]
    : [{ id: 'all', results: first.map(result) }];
  const structureCount = first.length;
  let details: { facets: Record<FilterName, Map<string, number>>; help?: NoResultHelp } | undefined;
  const detailsOf = () => (details ??= facetsAndHelp(index, criteria, fail, near ? dist : undefined, structureCount === 0, text, options.openToday));
  return {
    groups,
    structureCount,
    offerCount,
    remoteCount: second.length,
    order: ranked.length ? (dist ? 'relevance-distance' : 'relevance') : dist ? 'distance' : 'name',
    understanding: text?.understanding,
    get facets() {
      return detailsOf().facets;
    },
    get help() {
      return detailsOf().help;
    },
  };
}

/**
 * Moves the structures of `list` verified before `before` to its end, in place, in one pass:
 * both parts keep their order (a stable partition after the ranking).
 */
function staleLast(index: SearchIndex, list: number[], before: string): void {
  const late: number[] = [];
  let kept = 0;
  for (const s of list) {
    if (index.structures[s]!.verifiedAt < before) late.push(s);
    else list[kept++] = s;
  }
  for (const s of late) list[kept++] = s;
}

/** Facet counts, and when nothing matches, what to relax: one more walk, done only when read. */
function facetsAndHelp(
  index: SearchIndex,
  criteria: Criteria,
  fail: Uint16Array,
  dist: Float64Array | undefined,
  empty: boolean,
  text: TextMatch | undefined,
  openToday: Uint8Array | undefined,
): { facets: Record<FilterName, Map<string, number>>; help?: NoResultHelp } {
  const { departments, rowStart } = index;
  const { care, subcareStart, subcareCodes, masks, mssante } = index.columns;
  const careCounts = new Uint32Array(CARE_CODES.length);
  const subcareCounts = new Uint32Array(SUBCARE_CODES.length);
  const subcareStamp = new Uint32Array(SUBCARE_CODES.length);
  const maskedNames = Object.keys(MASKED) as MaskedFilter[];
  const maskedCols = maskedNames.map((f) => masks[f]);
  const maskedBits = maskedNames.map((f) => BIT[f]);
  const maskedCounts = maskedNames.map((f) => new Uint32Array(MASKED[f].length));
  const maskSeen = new Uint32Array(maskedNames.length);
  const deptCounts = new Map<string, number>();
  let openCount = 0;
  let mssCount = 0;
  const relaxCounts = new Map<number, number>();
  const near = criteria.near;
  let nearest: { s: number; d: number } | undefined;

  for (let s = 0; s < index.structures.length; s++) {
    let careSeen = 0;
    let deptSeen = false;
    let openSeen = false;
    let mssSeen = false;
    let missed = 0;
    let allButDistance = false;
    /** A row of s counts for some option (most structures have none while typing). */
    let counts = false;
    for (let r = rowStart[s]!, end = rowStart[s + 1]!; r < end; r++) {
      const m = fail[r]!;
      if ((m & ~NEAR) === 0) allButDistance = true;
      if (m !== 0) {
        if (m & (m - 1)) continue; // two constraints or more fail: it counts for nothing
        missed |= m;
        // Only the text or the distance fails: it counts for no option (most rows while typing).
        if (!(m & FILTER_BITS)) continue;
      }
      if (!counts) {
        counts = true;
        maskSeen.fill(0);
      }
      if (m === 0 || m === BIT.care) careSeen |= 1 << care[r]!;
      if (m === 0 || m === BIT.departement) deptSeen = true;
      if ((m === 0 || m === BIT.opening) && openToday?.[r]) openSeen = true;
      if ((m === 0 || m === BIT.mssante) && mssante[r]) mssSeen = true;
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
    if (counts) {
      for (let c = 0; careSeen; c++, careSeen >>>= 1) if (careSeen & 1) careCounts[c]!++;
      if (deptSeen) deptCounts.set(departments[s]!, (deptCounts.get(departments[s]!) ?? 0) + 1);
      if (openSeen) openCount++;
      if (mssSeen) mssCount++;
      for (let k = 0; k < maskSeen.length; k++) {
        for (let b = 0, seen = maskSeen[k]!; seen; b++, seen >>>= 1) if (seen & 1) maskedCounts[k]![b]!++;
      }
    }
    if (!empty) continue;
    for (let bits = missed; bits; bits &= bits - 1) {
      const bit = bits & -bits;
      relaxCounts.set(bit, (relaxCounts.get(bit) ?? 0) + 1);
    }
    // The nearest structure answering everything but the distance (a home service beyond the
    // radius that comes to the place counts too: it is not near).
    if (allButDistance && dist && near) {
      const d = dist[s]!;
      if (!Number.isNaN(d) && d > near.radiusKm && (!nearest || d < nearest.d)) nearest = { s, d };
    }
  }

  const facets = Object.fromEntries(FILTER_NAMES.map((f) => [f, new Map<string, number>()])) as Record<FilterName, Map<string, number>>;
  careCounts.forEach((n, c) => n && facets.care.set(CARE_CODES[c]!, n));
  subcareCounts.forEach((n, c) => n && facets.subcare.set(SUBCARE_CODES[c]!, n));
  facets.departement = deptCounts;
  if (openCount) facets.opening.set('today', openCount);
  if (mssCount) facets.mssante.set('oui', mssCount);
  maskedNames.forEach((f, k) => maskedCounts[k]!.forEach((n, b) => n && facets[f].set(MASKED[f][b]!, n)));
  if (!empty) return { facets };

  const byBit = new Map<number, FilterName | 'query' | 'near'>([[TEXT, 'query'], [NEAR, 'near'], ...FILTER_NAMES.map((f) => [BIT[f], f] as const)]);
  const help: NoResultHelp = {
    relax: [...relaxCounts.entries()].map(([bit, n]) => ({ constraint: byBit.get(bit)!, structures: n })).sort((a, b) => b.structures - a.structures),
  };
  if (nearest && near) {
    help.nearest = new LazyResult(index.structures[nearest.s]!, index, nearest.s, fail, NEAR, text, nearest.d);
    help.widerRadiusKm = RADII_KM.find((km) => km > near.radiusKm && km >= nearest!.d);
  }
  return { facets, help };
}
