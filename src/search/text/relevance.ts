/**
 * How well each offer (row) answers each part of a query, as a small number: the tier of the
 * match, then the weight of the meaning.
 *
 *   tier 3: a finer care the need stands for, or the typed words in the offer's label;
 *   tier 2: the need's category, or its audience, setting, age… (a code of the offer);
 *   tier 1: the word in the structure's name, town or description, or in the offer's description.
 *
 * score = tier × 4 + weight (weight 3, 2 or 1: the lexicon's order of meanings), 0 for no match.
 * A structure's relevance is the sum, over the parts of the query, of its best offer's score.
 */
import type { SearchIndex } from '../search-index.js';
import { ABSENT_MEANS_ALL } from '../filters.js';
import { subcare } from '../../feed/taxonomy.js';
import type { Concept } from './understand.js';
import type { TextIndex } from './text-index.js';

export const TIER = { finer: 3, category: 2, text: 1 } as const;
const score = (tier: number, weight: number) => tier * 4 + weight;

/** The label hit of a need: as relevant as a finer care. */
export const LABEL_SCORE = score(TIER.finer, 3);
/** A free word in a name, a town or a description. */
export const TEXT_SCORE = score(TIER.text, 3);

/** Per-row scores of one part of a query. */
/**
 * `implied`: the part only ranks (context beside a need), so an offer listing no phase or age
 * counts as listing them all.
 */
export function conceptScores(c: Concept, index: SearchIndex, words: TextIndex, implied = false): Uint8Array {
  const out = new Uint8Array(index.rowCount);
  const put = (r: number, v: number) => {
    if (v > out[r]!) out[r] = v;
  };
  if (c.role === 'context' || c.role === 'filter') {
    // Presence: weight as score. A filter's "absent means all" is the search's business; context
    // beside a need only ranks, so an offer that lists no phase or age (FEED-SPEC: all of them)
    // gets it too, a step below one that names it: « fatigue chimio » keeps adapted physical
    // activity, given in every phase, above psychology named for the treatment phase.
    for (const m of c.means) {
      if (m.kind === 'care') for (const r of index.rowsOfCare(m.id)) put(r, m.weight);
      else if (m.kind === 'subcare') for (const r of index.rowsOfSubcare(m.id)) put(r, m.weight);
      else {
        const col = index.columns.masks[m.kind];
        const all = implied && ABSENT_MEANS_ALL.has(m.kind) ? Math.max(1, m.weight - 1) : 0;
        for (let r = 0; r < col.length; r++) {
          if (col[r]! & m.id) put(r, m.weight);
          else if (all && col[r] === 0) put(r, all);
        }
      }
    }
    return out;
  }
  // A need naming a finer care (« yoga »: yoga 3, activité physique 2) falls back on its category
  // only when the lexicon gives the category a lower weight, and then only to offers that list no
  // finer care (they may offer it; an offer listing others does not); a category at weight 1
  // is no fallback at all. A category as strong as the finer care (« psy ») is all its offers.
  const named = new Map<string, number>();
  for (const m of c.means) {
    const care = m.kind === 'subcare' ? subcare(m.code)?.care : undefined;
    if (care) named.set(care, Math.max(named.get(care) ?? 0, m.weight));
  }
  const { subcareStart } = index.columns;
  for (const m of c.means) {
    if (m.kind === 'subcare') for (const r of index.rowsOfSubcare(m.id)) put(r, score(TIER.finer, m.weight));
    else if (m.kind === 'care') {
      const fallback = (named.get(m.code) ?? 0) > m.weight;
      if (fallback && m.weight < 2) continue;
      for (const r of index.rowsOfCare(m.id)) if (!fallback || subcareStart[r] === subcareStart[r + 1]) put(r, score(TIER.category, m.weight));
    } else {
      const col = index.columns.masks[m.kind];
      const v = score(TIER.category, m.weight);
      for (let r = 0; r < col.length; r++) if (col[r]! & m.id) put(r, v);
    }
  }
  if (c.phrase.length) {
    // Every significant word of the phrase in the offer's label (or its finer cares' labels).
    let rows: Uint32Array | undefined;
    for (const s of c.phrase) {
      const id = words.termId.get(s);
      const p = id === undefined ? undefined : words.labelRows[id];
      if (!p) {
        rows = undefined;
        break;
      }
      rows = rows ? intersect(rows, p) : p;
    }
    if (rows) for (const r of rows) put(r, LABEL_SCORE);
  }
  const { rowStart } = index;
  for (const t of c.terms) {
    const label = words.labelRows[t];
    if (label) for (const r of label) put(r, LABEL_SCORE);
    const description = words.descriptionRows[t];
    if (description) for (const r of description) put(r, TEXT_SCORE);
    const structures = words.structureHits[t];
    if (structures) {
      for (const s of structures) for (let r = rowStart[s]!, end = rowStart[s + 1]!; r < end; r++) put(r, TEXT_SCORE);
    }
  }
  return out;
}

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return Uint32Array.from(out);
}
