/**
 * The words people type, compiled once for matching: the lexicon of needs (src/feed/lexicon.ts),
 * plus the taxonomy's own labels and synonyms, as stem sequences pointing to what they mean.
 */
import { FILLERS, LEXICON, SYNONYMS, type Role, type Weight } from '../../feed/lexicon.js';
import { CARE_CODES, CATEGORIES, SUBCARE_CODES } from '../../feed/taxonomy.js';
import { MASKED, type MaskedFilter } from '../search-index.js';
import { stems } from './tokens.js';
import { prefixRange } from '../../util/prefix-range.js';

/** Where a code lives in the index: the care column, the finer cares, or a bit mask column. */
export type CodeKind = 'care' | 'subcare' | MaskedFilter;

export interface Meaning {
  kind: CodeKind;
  code: string;
  /** Care or finer-care index, or the code's bit in its mask column. */
  id: number;
  weight: Weight;
}

export interface Term {
  /** Stems joined by spaces. */
  key: string;
  /** Where the meaning comes from: the lexicon of needs says what a phrase means over the taxonomy's synonyms. */
  source?: 'taxonomy' | 'lexicon';
  stems: readonly string[];
  /** `filler`: recognised (a phrase like « je cherche ») and dropped. */
  role: Role | 'filler';
  means: Meaning[];
}

const CODES = new Map<string, { kind: CodeKind; id: number }>();
CARE_CODES.forEach((code, i) => CODES.set(code, { kind: 'care', id: i }));
SUBCARE_CODES.forEach((code, i) => CODES.set(code, { kind: 'subcare', id: i }));
for (const [kind, codes] of Object.entries(MASKED) as [MaskedFilter, readonly string[]][]) {
  codes.forEach((code, i) => CODES.set(code, { kind, id: 1 << i }));
}

/** What a taxonomy code is, or undefined for a code the taxonomy does not have. */
export function codeKind(code: string): { kind: CodeKind; id: number } | undefined {
  return CODES.get(code);
}

/**
 * Grammatical words of both languages (articles, prepositions, pronouns, possessives): dropped
 * everywhere. The lexicon's other fillers (« cancer », « besoin ») are dropped from queries too,
 * but still count when an offer's label must hold all the words of a phrase (« arrêt maladie »
 * is not « arrêt du tabac »).
 */
const GRAMMAR = [
  'a', 'au', 'aux', 'c', 'ce', 'ces', 'cet', 'cette', 'd', 'de', 'des', 'du', 'en', 'et', 'il', 'elle', 'ils', 'elles', 'j', 'je', 'l', 'la',
  'le', 'les', 'leur', 'leurs', 'lui', 'm', 'ma', 'me', 'mes', 'moi', 'mon', 'n', 'ne', 'nos', 'notre', 'nous', 'on', 'ou', 'par', 'pour', 'qu',
  'quelqu', 'qui', 's', 'sa', 'se', 'ses', 'son', 'sur', 'ai', 'suis', 'est', 't', 'ta', 'te', 'tes', 'ton', 'un', 'une', 'vos', 'votre', 'vous', 'y',
  'an', 'and', 'at', 'for', 'her', 'his', 'i', 'in', 'me', 'my', 'of', 'on', 'our', 'the', 'their', 'to', 'with', 'your',
];

export class LexiconIndex {
  /** Terms by their first stem, longest first. */
  readonly byFirst = new Map<string, Term[]>();
  /** One-stem terms by stem (joined forms of phrases included: "psychooncologue"). */
  readonly single = new Map<string, Term>();
  /** The keys of `single`, sorted (prefix lookups by binary search). */
  readonly singles: string[];
  readonly fillers = new Set<string>();
  /** Grammatical words only (see GRAMMAR). */
  readonly grammar = new Set(GRAMMAR.map((w) => stems(w)[0]!));

  constructor() {
    const terms = new Map<string, Term>();
    const add = (text: string, role: Term['role'], means: Meaning[], source: 'taxonomy' | 'lexicon') => {
      const s = stems(text);
      if (!s.length) return;
      const key = s.join(' ');
      const known = terms.get(key);
      // The lexicon of needs orders meanings on purpose (« fatigue »: activity first, side effects
      // next): it replaces a taxonomy synonym's meaning rather than merging with it.
      if (!known || (known.source === 'taxonomy' && source === 'lexicon')) {
        terms.set(key, { key, stems: s, role, means: means.map((m) => ({ ...m })), source });
        return;
      }
      // The same words twice in one source mean both things, at the higher weight.
      if (known.source !== source) return;
      for (const m of means) {
        const same = known.means.find((k) => k.code === m.code);
        if (!same) known.means.push({ ...m });
        else if (m.weight > same.weight) same.weight = m.weight;
      }
    };
    const meaning = (code: string, weight: Weight): Meaning[] => {
      const at = CODES.get(code);
      return at ? [{ ...at, code, weight }] : [];
    };

    // The taxonomy: labels (both languages), short labels and synonyms of categories and finer cares.
    for (const c of CATEGORIES) {
      for (const text of [c.label.fr, c.label.en, c.short.fr, c.short.en, ...(SYNONYMS[c.code] ?? [])]) add(text, 'need', meaning(c.code, 3), 'taxonomy');
      for (const s of c.subcares) {
        for (const text of [s.label.fr, s.label.en, ...(SYNONYMS[s.code] ?? [])]) add(text, 'need', meaning(s.code, 3), 'taxonomy');
      }
    }
    // The lexicon of needs wins on roles (« gratuit » is a filter, whatever else says it).
    for (const entry of LEXICON) {
      const means = Object.entries(entry.means).flatMap(([code, w]) => meaning(code, w as Weight));
      for (const text of [...entry.fr, ...entry.en]) add(text, entry.role ?? 'need', means, 'lexicon');
    }
    for (const text of [...GRAMMAR, ...FILLERS.fr, ...FILLERS.en]) {
      const s = stems(text);
      if (s.length === 1) this.fillers.add(s[0]!);
      else if (s.length > 1 && !terms.has(s.join(' '))) terms.set(s.join(' '), { key: s.join(' '), stems: s, role: 'filler', means: [] });
    }

    for (const term of terms.values()) {
      this.index(term);
      // "psycho-oncologue" is also typed "psychooncologue".
      if (term.stems.length > 1 && term.role !== 'filler') {
        const joined = term.stems.join('');
        if (joined.length >= 6 && !terms.has(joined)) this.index({ ...term, key: joined, stems: [joined] });
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
    // A word that is a term is not a filler ("mal" means pain even if a list calls it a filler).
    for (const key of this.single.keys()) {
      this.fillers.delete(key);
      this.grammar.delete(key);
    }
    this.singles = [...this.single.keys()].sort();
  }

  private index(term: Term): void {
    const first = term.stems[0]!;
    const list = this.byFirst.get(first);
    if (list) list.push(term);
    else this.byFirst.set(first, [term]);
    if (term.stems.length === 1 && term.role !== 'filler') this.single.set(first, term);
  }

  /** One-word terms starting with `prefix`. */
  withPrefix(prefix: string): Term[] {
    const [from, to] = prefixRange(this.singles, prefix);
    return this.singles.slice(from, to).map((s) => this.single.get(s)!);
  }
}

let shared: LexiconIndex | undefined;
/** Compiled once per page. */
export function lexiconIndex(): LexiconIndex {
  return (shared ??= new LexiconIndex());
}
