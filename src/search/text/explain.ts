/** Why a structure is in the results: its most relevant offer and the words of the query it answers. */
import type { Offer } from '../../feed/schema.js';
import type { SearchIndex } from '../search-index.js';
import { fold } from '../../util/fold.js';
import type { Concept } from './understand.js';
import type { TextIndex } from './text-index.js';
import { stem } from './tokens.js';

export interface Why {
  /** The offer that answers best. */
  offer: Offer;
  /** The words of the query it answers, as typed. */
  text: string;
  /**
   * subcare: one of its finer cares (`code`); label: its own label; care: its category (or its
   * audience, setting…); name / town / description: the words are in the structure's name, town or
   * in a description.
   */
  via: 'subcare' | 'label' | 'care' | 'name' | 'town' | 'description';
  code?: string;
}

const tierOf = (score: number) => score >> 2;

export function explain(
  ranked: readonly { concept: Concept; scores: Uint8Array }[],
  rows: readonly number[],
  s: number,
  index: SearchIndex,
  words: TextIndex,
): Why | undefined {
  // The row and the part of the query with the highest score. Context words only rank beside a
  // need (skipped then); a query made of them alone (« chimio », « HAD ») or of filters alone
  // (« gratuit ») is answered by them.
  const alone = ranked.every(({ concept }) => concept.role === 'context' || concept.role === 'filter');
  const says = (c: Concept) => alone || (c.role !== 'context' && c.role !== 'filter');
  let best: { row: number; concept: Concept; score: number } | undefined;
  let bestTotal = -1;
  for (const row of rows) {
    let total = 0;
    let top: { concept: Concept; score: number } | undefined;
    for (const { concept, scores } of ranked) {
      const v = scores[row]!;
      total += v;
      if (says(concept) && v && (!top || v > top.score)) top = { concept, score: v };
    }
    if (top && total > bestTotal) {
      bestTotal = total;
      best = { row, ...top };
    }
  }
  if (!best) return undefined;
  const offer = index.offers[best.row]!;
  const { concept } = best;
  // A code of the offer (its phase, setting, cost…), present or, for phases and ages, implied.
  if (concept.role === 'context' || concept.role === 'filter') return { offer, text: concept.text, via: 'care' };
  const tier = tierOf(best.score);
  if (tier === 3) {
    const code = (offer.subcares ?? []).find((c) => concept.means.some((m) => m.kind === 'subcare' && m.code === c));
    return code ? { offer, text: concept.text, via: 'subcare', code } : { offer, text: concept.text, via: 'label' };
  }
  if (tier === 2) return { offer, text: concept.text, via: 'care' };
  // Tier 1: in the structure's name, its town, or a description.
  const structure = index.structures[s]!;
  const has = (text: string) => {
    const stems = new Set(fold(text).split(' ').map(stem));
    return concept.terms.some((t) => stems.has(words.terms[t]!));
  };
  if (has(structure.name)) return { offer, text: concept.text, via: 'name' };
  if (has(structure.address.city)) return { offer, text: concept.text, via: 'town' };
  return { offer, text: concept.text, via: 'description' };
}
