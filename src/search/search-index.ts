/**
 * The index of a feed's offers, built once per feed load, so a search is a few array scans.
 *
 * - Offers are rows; structures own a contiguous range of rows.
 * - Filters read typed columns (bit masks per enumeration), built on first use.
 * - Free text is a separate chunk (./text/), loaded when the page is idle after the first results:
 *   it builds the records' vocabulary over this index and scores rows for a query.
 */
import type { DirectoryStructure } from '../feed/validate.js';
import type { GeoPoint, Offer, ServiceArea } from '../feed/schema.js';
import { CARE_CODES, SUBCARE_CODES } from '../feed/taxonomy.js';
import { MASK_FILTERS, type MaskedFilter } from './filters.js';

export type { MaskedFilter };

/** Enumerations stored as bit masks, one column each: their codes, in bit order. */
export const MASKED = Object.fromEntries(MASK_FILTERS.map((f) => [f.name, f.codes])) as Record<MaskedFilter, readonly string[]>;

// Plain objects, not Maps: this runs for every code of every offer when a feed is indexed.
const bitOf = Object.fromEntries(
  Object.entries(MASKED).map(([k, codes]) => [k, Object.fromEntries((codes as readonly string[]).map((c, i) => [c, 1 << i]))]),
) as Record<MaskedFilter, Record<string, number>>;

export function maskOf(filter: MaskedFilter, codes: readonly string[] | undefined): number {
  let m = 0;
  if (codes) for (let k = 0; k < codes.length; k++) m |= bitOf[filter][codes[k]!] ?? 0;
  return m;
}

const careIndex = new Map(CARE_CODES.map((c, i) => [c as string, i]));
const subcareIndex = new Map(SUBCARE_CODES.map((c, i) => [c as string, i]));

/** Typed columns of the filters, one entry per row. */
export interface Columns {
  care: Uint8Array;
  masks: { [K in MaskedFilter]: Uint32Array };
  /** Finer cares of row r: subcareCodes[subcareStart[r] .. subcareStart[r + 1]) (flat: no array per offer). */
  subcareStart: Uint32Array;
  subcareCodes: Uint16Array;
  /** Row → its offer's service area (FEED-SPEC 1.1), when it has one. */
  area: (ServiceArea | undefined)[];
  /** 1 when the offer's own contact or its structure's has an MSSanté address (the `mssante` filter). */
  mssante: Uint8Array;
}

function buildColumns(structures: readonly DirectoryStructure[], rows: number): Columns {
  const care = new Uint8Array(rows);
  const masks = Object.fromEntries(Object.keys(MASKED).map((k) => [k, new Uint32Array(rows)])) as { [K in MaskedFilter]: Uint32Array };
  const subcareStart = new Uint32Array(rows + 1);
  let subcareTotal = 0;
  for (const s of structures) for (const o of s.offers) subcareTotal += o.subcares?.length ?? 0;
  const subcareCodes = new Uint16Array(subcareTotal);
  // The keys an offer has, not the keys the filters know: offers come in hundreds of shapes, and
  // reading an absent property on them is slow (see CONTRIBUTING).
  const byField = new Map<string, MaskedFilter>(MASK_FILTERS.map((f) => [f.field, f.name]));
  const area = new Array<ServiceArea | undefined>(rows);
  const mssante = new Uint8Array(rows);
  let row = 0;
  let sc = 0;
  for (const s of structures) {
    const mss = s.contact?.mssante ? 1 : 0;
    for (const o of s.offers) {
      care[row] = careIndex.get(o.care) ?? 255;
      mssante[row] = mss;
      subcareStart[row] = sc;
      for (const key in o) {
        if (key === 'subcares') {
          for (const c of o.subcares!) subcareCodes[sc++] = subcareIndex.get(c) ?? 0xffff;
          continue;
        }
        if (key === 'serviceArea') {
          area[row] = o.serviceArea;
          continue;
        }
        if (key === 'contact') {
          if (o.contact!.mssante) mssante[row] = 1;
          continue;
        }
        const f = byField.get(key);
        if (f === undefined) continue;
        const v = o[key as keyof Offer] as readonly string[] | string;
        masks[f][row] = typeof v === 'string' ? bitOf[f][v] ?? 0 : maskOf(f, v);
      }
      row++;
    }
  }
  subcareStart[rows] = sc;
  return { care, masks, subcareStart, subcareCodes, area, mssante };
}

export interface IndexOptions {
  /** Publisher id → its INSEE region code (where remote offers are available by default). */
  regions?: ReadonlyMap<string, string>;
}

export class SearchIndex {
  readonly structures: readonly DirectoryStructure[];
  /** Row → its offer and structure. */
  readonly offers: Offer[] = [];
  readonly rowStructure: Uint32Array;
  /** Structure i owns rows [rowStart[i], rowStart[i + 1]). */
  readonly rowStart: Uint32Array;
  readonly departments: string[];
  /** Per structure: its publisher's region, if the feed says. */
  readonly regionOf: (string | undefined)[];
  /** Départements where the directory has structures. */
  readonly departmentSet: ReadonlySet<string>;
  /**
   * Per structure without coordinates: its commune's centre, once known (setApproximateLocations),
   * for distances; NaN otherwise.
   */
  readonly approximate: Float64Array;
  /** Bumped when approximate locations change (distance caches key on it). */
  locationsVersion = 0;

  private columnsCache: Columns | undefined;
  private byCare: Uint32Array[] | undefined;
  private bySubcare: Uint32Array[] | undefined;

  constructor(structures: readonly DirectoryStructure[], options: IndexOptions = {}) {
    this.structures = structures;
    const rows = structures.reduce((n, s) => n + s.offers.length, 0);
    this.rowStructure = new Uint32Array(rows);
    this.rowStart = new Uint32Array(structures.length + 1);
    this.departments = structures.map((s) => s.department);
    this.regionOf = structures.map((s) => options.regions?.get(s.publisherId));
    this.departmentSet = new Set(this.departments);
    this.approximate = new Float64Array(structures.length * 2).fill(Number.NaN);
    let row = 0;
    for (const [i, s] of structures.entries()) {
      this.rowStart[i] = row;
      for (const o of s.offers) {
        this.offers.push(o);
        this.rowStructure[row++] = i;
      }
    }
    this.rowStart[structures.length] = row;
  }

  /**
   * The filter columns, built on the first filter, distance or facet count: the first list
   * (everything, by name) needs none of them, so they are built after it is on screen.
   */
  get columns(): Columns {
    return (this.columnsCache ??= buildColumns(this.structures, this.rowCount));
  }

  get rowCount(): number {
    return this.offers.length;
  }

  /** Rows of a care category (by its index in CARE_CODES). */
  rowsOfCare(care: number): Uint32Array {
    this.byCare ??= postings(CARE_CODES.length, (add) => {
      const { care: col } = this.columns;
      for (let r = 0; r < col.length; r++) add(col[r]!, r);
    });
    return this.byCare[care] ?? EMPTY;
  }

  /** Rows listing a finer care (by its index in SUBCARE_CODES). */
  rowsOfSubcare(code: number): Uint32Array {
    this.bySubcare ??= postings(SUBCARE_CODES.length, (add) => {
      const { subcareStart, subcareCodes } = this.columns;
      for (let r = 0; r < this.rowCount; r++) for (let k = subcareStart[r]!; k < subcareStart[r + 1]!; k++) add(subcareCodes[k]!, r);
    });
    return this.bySubcare[code] ?? EMPTY;
  }

  /** Places structures without coordinates at a point for distances (their commune's centre). */
  setApproximateLocations(points: ReadonlyMap<number, GeoPoint>): void {
    for (const [s, p] of points) {
      this.approximate[s * 2] = p.lat;
      this.approximate[s * 2 + 1] = p.lon;
    }
    this.locationsVersion++;
  }

  /** Where structure s is for distances: its coordinates, else its approximate point, else undefined. */
  locationOf(s: number): GeoPoint | undefined {
    const st = this.structures[s]!;
    if (st.location) return st.location;
    const lat = this.approximate[s * 2]!;
    return Number.isNaN(lat) ? undefined : { lat, lon: this.approximate[s * 2 + 1]! };
  }
}

const EMPTY = new Uint32Array(0);

/** Lists of rows per code, from one pass that calls add(code, row) in row order. */
function postings(codes: number, fill: (add: (code: number, row: number) => void) => void): Uint32Array[] {
  const counts = new Uint32Array(codes);
  fill((c) => {
    if (c < codes) counts[c]!++;
  });
  const lists = Array.from(counts, (n) => new Uint32Array(n));
  const at = new Uint32Array(codes);
  fill((c, r) => {
    if (c < codes) lists[c]![at[c]!++] = r;
  });
  return lists;
}
