/**
 * A commune or a postal code typed in the main search box (« Trélissac », « 24000 », « kiné
 * Périgueux »): a place the visitor means, not words to find in records.
 */
import type { Commune, CommuneIndex } from '../../geo/communes.js';
import { without, type Token } from './tokens.js';

/** The commune index and its typo lookup (both from the commune chunk, which the store loads). */
export interface CommuneLookup {
  index: CommuneIndex;
  /** Entry indexes of names a few typos from `text`, closest first. */
  approximate(index: CommuneIndex, text: string, limit: number): number[];
}

export interface PlaceInQuery {
  commune: Commune;
  /** The tokens [from, to) that named it. */
  from: number;
  to: number;
  /** The postal code typed, if it was one. */
  postalCode?: string;
  /** The words that named it, as typed. */
  typed: string;
  /** The query without them ("kiné Périgueux" → "kiné"). */
  rest: string;
}

/** Longest commune name (or a postal code) in the free tokens of a query. */
const MAX_WORDS = 6;
/** A commune outside the directory's départements is only recognised when this large (« Lyon »). */
const OUTSIDE_MIN_POPULATION = 20000;

/**
 * The first place named in the free tokens (`free[i]` true when token i is not already
 * understood). `coverage`: the départements the directory covers; a name shared by several
 * communes means the one in them first, then the most populous.
 */
export function findPlace(
  query: string,
  { index: communes }: CommuneLookup,
  tokens: readonly Token[],
  free: readonly boolean[],
  coverage: ReadonlySet<string>,
): PlaceInQuery | undefined {
  const found = (commune: Commune, from: number, to: number, postalCode?: string): PlaceInQuery => ({
    commune, from, to, postalCode,
    typed: query.slice(tokens[from]!.start, tokens[to - 1]!.end),
    rest: without(query, tokens, from, to),
  });
  const pick = (entries: readonly number[] | undefined, outsideMin: number): Commune | undefined => {
    if (!entries?.length) return undefined;
    let outside: Commune | undefined;
    for (const i of entries) {
      const c = communes.entries[i]!.commune;
      if (coverage.has(c.department)) return c;
      outside ??= c;
    }
    return outside && outside.population >= outsideMin ? outside : undefined;
  };
  for (let from = 0; from < tokens.length; from++) {
    if (!free[from]) continue;
    const first = tokens[from]!.word;
    if (/^\d{5}$/.test(first)) {
      const commune = pick(communes.byCode.get(first), 0);
      if (commune) return found(commune, from, from + 1, first);
      continue;
    }
    if (/^\d/.test(first)) continue;
    for (let to = Math.min(tokens.length, from + MAX_WORDS); to > from; to--) {
      let span = true;
      for (let k = from; k < to; k++) span &&= free[k]!;
      if (!span) continue;
      const key = tokens.slice(from, to).map((t) => t.word).join(' ')
        .replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');
      // Short single words are too often something else ("y", "eu" are communes).
      if (to - from === 1 && key.length < 3) continue;
      const commune = pick(communes.byKey.get(key), OUTSIDE_MIN_POPULATION);
      if (commune) return found(commune, from, to);
    }
  }
  return undefined;
}

/**
 * A commune one or two typos from a word nothing else knows (« perigeux »), in the directory's
 * départements only: outside them a near miss is more likely another word.
 */
export function findPlaceApprox(word: string, lookup: CommuneLookup, coverage: ReadonlySet<string>): Pick<PlaceInQuery, 'commune'> | undefined {
  if (word.length < 5 || /\d/.test(word)) return undefined;
  for (const e of lookup.approximate(lookup.index, word, 5)) {
    const commune = lookup.index.entries[e]!.commune;
    if (coverage.has(commune.department)) return { commune };
  }
  return undefined;
}
