/** What a query is cut into: folded words and their stems. */
import { fold } from '../../util/fold.js';

export interface Token {
  /** Folded: lower case, no accents, no punctuation ("J'ai" → "j", "ai"). */
  word: string;
  /** The word without a final plural "s": the form every comparison uses. */
  stem: string;
  /** Where it is in the query as typed (to take words out of it, accents kept). */
  start: number;
  end: number;
}

/**
 * The only stemming: a final "s" (French and English plurals) goes, on both sides of every
 * comparison ("douleurs" = "douleur", "wigs" = "wig"). "ss" stays ("stress"), short words too.
 */
export function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Folded stems of a phrase, e.g. a lexicon entry ("Chute de cheveux" → ["chute", "de", "cheveux"]). */
export function stems(text: string): string[] {
  const folded = fold(text);
  return folded ? folded.split(' ').map(stem) : [];
}

export interface Tokens {
  tokens: Token[];
  /** The last word is still being typed (the query does not end with a space or punctuation). */
  partial: boolean;
}

export function tokenize(query: string): Tokens {
  const tokens: Token[] = [];
  for (const m of query.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = fold(m[0]);
    if (!folded) continue;
    for (const word of folded.split(' ')) tokens.push({ word, stem: stem(word), start: m.index, end: m.index + m[0].length });
  }
  return { tokens, partial: tokens.length > 0 && /[\p{L}\p{N}]$/u.test(query) };
}

/** The query without the words of tokens [from, to), spaces tidied ("kiné Périgueux" → "kiné"). */
export function without(query: string, tokens: readonly Token[], from: number, to: number): string {
  const start = tokens[from]!.start;
  const end = tokens[to - 1]!.end;
  return `${query.slice(0, start)} ${query.slice(end)}`.replace(/\s+/g, ' ').trim();
}
