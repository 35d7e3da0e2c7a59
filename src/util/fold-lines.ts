/** Folding in bulk (lazy chunks only: the text index, the commune index), kept out of fold.ts so the initial bundle does not carry it. */
import { unaccent } from './fold.js';

/**
 * fold() of many texts, one line each: `texts.map(fold).join('\n')` (a line break inside a text
 * counts as a space), in one pass of each regular expression over their concatenation, several
 * times faster than one call per text at tens of thousands of texts (record texts, commune names).
 * `trim = false` leaves the one space a line may start or end with: a pass less, for callers that
 * cut lines into words anyway (about a fifth of the folding time of record texts).
 */
export function foldLines(texts: readonly string[], trim = true): string {
  const joined = texts.some((t) => t.includes('\n')) ? texts.map((t) => t.replace(/\n/g, ' ')).join('\n') : texts.join('\n');
  const folded = unaccent(joined).replace(/[^a-z0-9\n]+/g, ' ');
  return trim ? folded.replace(/ ?\n ?/g, '\n').replace(/^ | $/g, '') : folded;
}
