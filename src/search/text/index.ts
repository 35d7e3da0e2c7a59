/**
 * Free-text search, a chunk of its own: loaded when the page is idle after the first results (or
 * at the first word typed), with the lexicon it needs. fuse.js (typo tolerance) is a further
 * chunk, fetched the first time a word is not found as typed.
 */
import type Fuse from 'fuse.js';
import type { CommuneLookup } from './places.js';
import { departementsOfRegion } from '../../geo/regions.js';
import { ABSENT_MEANS_ALL } from '../filters.js';
import type { SearchIndex } from '../search-index.js';
import { lexiconIndex, type LexiconIndex } from './lexicon-index.js';
import { buildInSlices, buildTextIndex, finish, type TextIndex } from './text-index.js';
import { conceptScores } from './relevance.js';
import { understand, type Concept, type Understanding } from './understand.js';
import { explain, type Why } from './explain.js';

export type { Concept, Understanding } from './understand.js';
export type { CommuneLookup, PlaceInQuery } from './places.js';

export interface TextMatch {
  understanding: Understanding;
  /** Rows the text allows (1), or undefined when the query asks nothing of the text. */
  pass?: Uint8Array;
  /** The parts of the query that rank results (needs, words, context), with their per-row scores. */
  ranked: { concept: Concept; scores: Uint8Array }[];
  /** Why structure `s` is listed, from its matching rows. */
  explain(rows: readonly number[], s: number): Why | undefined;
}

export interface MatchOptions {
  /** The commune index, once loaded: places in the query are recognised then. */
  communes?: CommuneLookup;
}

const CACHE_MAX = 200;

let FuseClass: typeof Fuse | undefined;
let fuseLoading: Promise<{ default: typeof Fuse }> | undefined;

export class TextSearch {
  readonly words: TextIndex;
  private readonly lexicon: LexiconIndex = lexiconIndex();
  private fuse: Fuse<string> | undefined;
  private readonly cache = new Map<string, Uint8Array>();
  /** Typo and misspelt-commune lookups by word (see understand.ts). */
  private readonly memo = new Map<string, unknown>();
  private memoFor: unknown;

  /** Départements the directory covers: its structures', and those of its publishers' regions. */
  readonly coverage: ReadonlySet<string>;

  constructor(readonly index: SearchIndex, words: TextIndex) {
    this.words = words;
    const regions = new Set(index.regionOf.filter((r): r is string => !!r));
    this.coverage = new Set([...index.departmentSet, ...[...regions].flatMap(departementsOfRegion)]);
  }

  get typoTolerant(): boolean {
    return !!this.fuse;
  }

  /** Loads fuse.js once; resolves true when this search became typo-tolerant. */
  async loadTypos(): Promise<boolean> {
    if (this.fuse) return false;
    FuseClass ??= (await (fuseLoading ??= import('fuse.js'))).default;
    if (this.fuse) return false;
    // Typos near the start of a word only: a small `distance` keeps "sport" from matching "transport".
    const candidates = [...new Set([...this.lexicon.singles, ...this.words.typoTerms])];
    this.fuse = new FuseClass(candidates, { threshold: 0.25, distance: 10, minMatchCharLength: 3 });
    return true;
  }

  match(query: string, options: MatchOptions = {}): TextMatch {
    // Lookups depend on fuse.js and the commune index: forget them when either arrives.
    const state = [this.fuse, options.communes];
    if (this.memo.size > 2000 || state.some((x, i) => x !== (this.memoFor as unknown[] | undefined)?.[i])) {
      this.memo.clear();
      this.memoFor = state;
    }
    const u = understand(query, this.lexicon, this.words, { ...options, coverage: this.coverage, fuse: this.fuse, memo: this.memo });
    const rows = this.index.rowCount;
    const byRole = (role: Concept['role']) => u.concepts.filter((c) => c.role === role);
    let needs = byRole('need');
    const filters = byRole('filter');
    const words = byRole('word');
    let context = byRole('context');
    // Only context words (« chimio »): they are what was asked.
    if (!needs.length && !filters.length && !words.length && context.length) [needs, context] = [context, []];

    if (!u.concepts.length) {
      // Nothing understood: no constraint, unless every word was unknown (then nothing matches).
      return { understanding: u, pass: u.ignored.length && !u.place ? new Uint8Array(rows) : undefined, ranked: [], explain: () => undefined };
    }
    const pass = new Uint8Array(rows).fill(1);
    if (needs.length) {
      const any = new Uint8Array(rows);
      for (const c of needs) {
        const s = this.scores(c);
        for (let r = 0; r < rows; r++) if (s[r]) any[r] = 1;
      }
      for (let r = 0; r < rows; r++) pass[r] &= any[r]!;
    }
    for (const c of filters) {
      const s = this.scores(c);
      const all = c.means.flatMap((m) => (m.kind !== 'care' && m.kind !== 'subcare' && ABSENT_MEANS_ALL.has(m.kind) ? [this.index.columns.masks[m.kind]] : []));
      for (let r = 0; r < rows; r++) if (!s[r] && !all.some((col) => col[r] === 0)) pass[r] = 0;
    }
    // Words of the records are required too ("ligue psy": the Ligue's psychologists), unless
    // together with the needs they leave nothing ("psy cancer du sein" and no name has "sein"):
    // then they only rank, and the visitor is told they were not taken into account.
    if (words.length) {
      const strict = pass.slice();
      let any = 0;
      for (const c of words) {
        const s = this.scores(c);
        for (let r = 0; r < rows; r++) if (!s[r]) strict[r] = 0;
      }
      for (let r = 0; r < rows && !any; r++) any = strict[r]!;
      if (any || !needs.length) pass.set(strict);
      else u.ignored.push(...words.map((c) => c.text));
    }
    // Filters alone (« gratuit »): they are what was asked, and what each result's line says.
    const ranked = [...needs, ...words, ...(needs.length || words.length || context.length ? [] : filters)]
      .map((concept) => ({ concept, scores: this.scores(concept) }))
      .concat(context.map((concept) => ({ concept, scores: this.scores(concept, true) })));
    return { understanding: u, pass, ranked, explain: (rowList, s) => explain(ranked, rowList, s, this.index, this.words) };
  }

  /** `implied`: context beside a need (see conceptScores). */
  private scores(c: Concept, implied = false): Uint8Array {
    const key = implied ? `${c.key}\u0000implied` : c.key;
    let s = this.cache.get(key);
    if (!s) {
      s = conceptScores(c, this.index, this.words, implied);
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(key, s);
    }
    return s;
  }
}

/** The text search of an index, built at once (tests, Node). */
export function createTextSearch(index: SearchIndex): TextSearch {
  return new TextSearch(index, finish(buildTextIndex(index, lexiconIndex().fillers)));
}

/** The same, built in slices of a few milliseconds so the page stays responsive meanwhile. */
export async function prepareTextSearch(index: SearchIndex): Promise<TextSearch> {
  return new TextSearch(index, await buildInSlices(buildTextIndex(index, lexiconIndex().fillers)));
}
