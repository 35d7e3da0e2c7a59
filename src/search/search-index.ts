/**
 * A search index built once per feed load, so a keystroke costs a few array scans, not a pass
 * of fuzzy matching over every record.
 *
 * - Offers are rows; structures own a contiguous range of rows.
 * - Filters read typed columns (bit masks per enumeration).
 * - Text goes through a vocabulary: each distinct folded word (names, cities, labels, the
 *   taxonomy's synonyms) points to the rows it describes. A query word matches the vocabulary by
 *   prefix ("sophro" → "sophrologie") and, from 4 letters on, approximately (fuse.js over the
 *   vocabulary only: "sofrologie"), then the rows are intersected across words.
 *
 * fuse.js is a lazy chunk (≈9 kB gzip off the page's initial JavaScript): `loadTypoTolerance()`
 * fetches it the first time a query word is long enough to need it; until it arrives, words
 * match by prefix only, and the store searches again when it does.
 */
import type Fuse from 'fuse.js';
import type { DirectoryStructure } from '../feed/validate.js';
import type { Offer } from '../feed/schema.js';
import {
  ACCESS, AGES, AUDIENCES, CARE_CODES, COSTS, PATHWAYS, PHASES, SETTINGS, STRUCTURE_KINDS, SUBCARE_CODES,
  category, subcare,
} from '../feed/taxonomy.js';
import { words } from './normalize.js';

/** Enumerations stored as bit masks, one column each. */
export const MASKED = {
  audience: AUDIENCES.codes,
  age: AGES.codes,
  setting: SETTINGS.codes,
  phase: PHASES.codes,
  access: ACCESS.codes,
  cost: COSTS.codes,
  pathway: PATHWAYS.codes,
} as const;
export type MaskedFilter = keyof typeof MASKED;

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

/** Words describing an offer through the taxonomy: labels (fr and en) and synonyms. Cached per code. */
const taxonomyWords = new Map<string, string[]>();
function wordsForCode(kind: 'care' | 'subcare', code: string): string[] {
  const key = `${kind}:${code}`;
  let w = taxonomyWords.get(key);
  if (!w) {
    const def = kind === 'care' ? category(code) : subcare(code);
    // French labels and synonyms only: English labels added noise ("support" for "sport").
    const texts = def ? [def.label.fr, ...(def.synonyms ?? [])] : [];
    if (def && 'short' in def) texts.push(def.short.fr);
    w = [...new Set(texts.flatMap(words))];
    taxonomyWords.set(key, w);
  }
  return w;
}

/** Approximate matching starts at this word length (shorter words would match too much). */
const MIN_TYPO_LENGTH = 4;
let FuseClass: typeof Fuse | undefined;
let fuseLoading: Promise<{ default: typeof Fuse }> | undefined;

interface TextIndex {
  /** Distinct folded words, sorted (prefix search by binary search). */
  terms: string[];
  /** For each term, the rows it describes. */
  postings: Uint32Array[];
}

function buildTextIndex(structures: readonly DirectoryStructure[], rowStart: Uint32Array): TextIndex {
  const vocabulary = new Map<string, number[]>();
  // Cities, kinds and offer labels repeat across thousands of records: fold each text once.
  const folded = new Map<string, string[]>();
  const wordsOf = (text: string): string[] => {
    let w = folded.get(text);
    if (!w) folded.set(text, (w = words(text)));
    return w;
  };
  const add = (word: string, row: number) => {
    const list = vocabulary.get(word);
    if (!list) vocabulary.set(word, [row]);
    else if (list[list.length - 1] !== row) list.push(row);
  };
  for (const [i, s] of structures.entries()) {
    const kind = STRUCTURE_KINDS.labels[s.kind];
    const structureWords = [...new Set([
      ...words(s.name), ...wordsOf(s.address.city), s.address.postalCode, s.department, ...(kind ? wordsOf(kind.fr) : []), ...wordsOf(s.kind),
    ])];
    let row = rowStart[i]!;
    for (const o of s.offers) {
      for (const w of structureWords) add(w, row);
      for (const w of wordsForCode('care', o.care)) add(w, row);
      for (const sc of o.subcares ?? []) for (const w of wordsForCode('subcare', sc)) add(w, row);
      if (o.label) for (const w of wordsOf(o.label)) add(w, row);
      row++;
    }
  }
  const terms = [...vocabulary.keys()].sort();
  return { terms, postings: terms.map((t) => Uint32Array.from(vocabulary.get(t)!)) };
}

/** Typed columns of the filters, one entry per row. */
export interface Columns {
  care: Uint8Array;
  masks: { [K in MaskedFilter]: Uint32Array };
  /** Finer cares of row r: subcareCodes[subcareStart[r] .. subcareStart[r + 1]) (flat: no array per offer). */
  subcareStart: Uint32Array;
  subcareCodes: Uint16Array;
}

function buildColumns(structures: readonly DirectoryStructure[], rows: number): Columns {
  const care = new Uint8Array(rows);
  const masks = Object.fromEntries(Object.keys(MASKED).map((k) => [k, new Uint32Array(rows)])) as { [K in MaskedFilter]: Uint32Array };
  const subcareStart = new Uint32Array(rows + 1);
  let subcareTotal = 0;
  for (const s of structures) for (const o of s.offers) subcareTotal += o.subcares?.length ?? 0;
  const subcareCodes = new Uint16Array(subcareTotal);
  let row = 0;
  let sc = 0;
  for (const s of structures) {
    for (const o of s.offers) {
      care[row] = careIndex.get(o.care) ?? 255;
      subcareStart[row] = sc;
      for (const c of o.subcares ?? []) subcareCodes[sc++] = subcareIndex.get(c) ?? 0xffff;
      masks.audience[row] = maskOf('audience', o.audiences);
      masks.age[row] = maskOf('age', o.ages);
      masks.setting[row] = maskOf('setting', o.settings);
      masks.phase[row] = maskOf('phase', o.phases);
      masks.access[row] = maskOf('access', o.access);
      masks.cost[row] = o.cost ? bitOf.cost[o.cost] ?? 0 : 0;
      masks.pathway[row] = maskOf('pathway', o.pathways);
      row++;
    }
  }
  subcareStart[rows] = sc;
  return { care, masks, subcareStart, subcareCodes };
}

export class SearchIndex {
  readonly structures: readonly DirectoryStructure[];
  /** Row → its offer and structure. */
  readonly offers: Offer[] = [];
  readonly rowStructure: Uint32Array;
  /** Structure i owns rows [rowStart[i], rowStart[i + 1]). */
  readonly rowStart: Uint32Array;
  readonly departments: string[];

  private columnsCache: Columns | undefined;
  private textIndex: TextIndex | undefined;
  private fuse: Fuse<string> | undefined;
  private readonly tokenCache = new Map<string, number[]>();

  constructor(structures: readonly DirectoryStructure[]) {
    this.structures = structures;
    const rows = structures.reduce((n, s) => n + s.offers.length, 0);
    this.rowStructure = new Uint32Array(rows);
    this.rowStart = new Uint32Array(structures.length + 1);
    this.departments = structures.map((s) => s.department);
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

  /**
   * The text side (vocabulary → rows), built on the first text query or when the page is idle
   * after the first results are shown: filters and the first list do not need it, and building
   * it is a third of the load time of a 10,000-structure feed.
   */
  private get text(): TextIndex {
    return (this.textIndex ??= buildTextIndex(this.structures, this.rowStart));
  }

  /** Builds the text side now (the store calls it when the page is idle). */
  prepareText(): void {
    void this.text;
  }

  /** Whether approximate matching is available yet (see loadTypoTolerance). */
  get typoTolerant(): boolean {
    return !!this.fuse;
  }

  private enableTypos(FuseCtor: typeof Fuse): void {
    // Typos near the start of a word only: a small `distance` keeps "sport" from matching "transport".
    this.fuse = new FuseCtor(this.text.terms, { threshold: 0.25, distance: 10, minMatchCharLength: 3, shouldSort: false });
    this.tokenCache.clear();
  }

  /** Loads fuse.js once and makes this index typo-tolerant; resolves true when it changed something. */
  async loadTypoTolerance(): Promise<boolean> {
    if (this.fuse) return false;
    FuseClass ??= (await (fuseLoading ??= import('fuse.js'))).default;
    if (this.fuse) return false;
    this.enableTypos(FuseClass);
    return true;
  }

  /** True when `query` has a word long enough for approximate matching. */
  static wantsTypos(query: string): boolean {
    return words(query).some((w) => w.length >= MIN_TYPO_LENGTH);
  }

  get rowCount(): number {
    return this.offers.length;
  }

  /** Vocabulary entries a query word stands for: prefix matches, plus approximate ones from 4 letters. */
  private termsFor(token: string): number[] {
    let ids = this.tokenCache.get(token);
    if (ids) return ids;
    const found = new Set<number>();
    // Binary search for the first term >= token, then walk the prefix range.
    const { terms } = this.text;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]! < token) lo = mid + 1;
      else hi = mid;
    }
    for (let t = lo; t < terms.length && terms[t]!.startsWith(token); t++) found.add(t);
    if (this.fuse && token.length >= MIN_TYPO_LENGTH) for (const r of this.fuse.search(token)) found.add(r.refIndex);
    ids = [...found];
    if (this.tokenCache.size > 5000) this.tokenCache.clear();
    this.tokenCache.set(token, ids);
    return ids;
  }

  /**
   * Rows matching every word of the query (each word anywhere in the structure's or the offer's
   * words), or undefined when the query has no searchable word.
   */
  matchText(query: string): Uint8Array | undefined {
    const tokens = [...new Set(words(query))].slice(0, 16);
    if (tokens.length === 0) return undefined;
    const full = (1 << tokens.length) - 1;
    const hits = new Uint16Array(this.rowCount);
    for (const [k, token] of tokens.entries()) {
      const bit = 1 << k;
      for (const t of this.termsFor(token)) {
        const p = this.text.postings[t]!;
        for (let j = 0; j < p.length; j++) hits[p[j]!] |= bit;
      }
    }
    const out = new Uint8Array(this.rowCount);
    for (let r = 0; r < hits.length; r++) if (hits[r] === full) out[r] = 1;
    return out;
  }
}
