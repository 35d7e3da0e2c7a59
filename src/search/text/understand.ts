/**
 * What a query means: phrases of the lexicon first (« chute de cheveux », « mon mari »), then a
 * place (« Trélissac », « 24000 »), then fillers dropped (« j'ai », « je cherche »), then the
 * words left, looked up in the records' own words (a name, a town), by prefix for the word being
 * typed and with typo tolerance. Words that mean nothing are reported, not required.
 */
import type Fuse from 'fuse.js';
import type { LexiconIndex, Meaning, Term } from './lexicon-index.js';
import type { TextIndex } from './text-index.js';
import { findPlace, findPlaceApprox, type CommuneLookup, type PlaceInQuery } from './places.js';
import { tokenize, without, type Token } from './tokens.js';

export type ConceptRole = 'need' | 'filter' | 'context' | 'word';

export interface Concept {
  /**
   * need: adds results (needs are OR-ed); filter: every result has it; context: only ranks;
   * word: a word of the records that every result has (in its name, town, label or description).
   */
  role: ConceptRole;
  /** The words as typed, for "why is this here". */
  text: string;
  /** Taxonomy codes it stands for. */
  means: readonly Meaning[];
  /** Stems an offer's label holding all of them matches as a finer care would. */
  phrase: readonly string[];
  /** Records' words it stands for (ids in the TextIndex): any of them. */
  terms: readonly number[];
  /** A stable key (caches). */
  key: string;
}

export interface Understanding {
  concepts: Concept[];
  /** Words that matched nothing at all (shown to the visitor, not required). */
  ignored: string[];
  place?: PlaceInQuery;
  tokens: Token[];
  /** Free words were left that could be a commune: worth loading the commune index. */
  mayNamePlace: boolean;
  /** A word was not found as typed and typo tolerance is not loaded yet. */
  wantsTypos: boolean;
}

export interface UnderstandOptions {
  communes?: CommuneLookup;
  /** Départements the directory covers (places in them are preferred). */
  coverage: ReadonlySet<string>;
  fuse?: Fuse<string>;
  /** Results of the costly lookups (typos, misspelt communes) by word, kept between keystrokes. */
  memo?: Map<string, unknown>;
}

/** The word being typed is looked up by prefix from this length; approximate ones from MIN_TYPO. */
const MIN_PREFIX = 2;
/** Shorter words the records and the lexicon do not know are skipped silently ("à", "en", "st"). */
const MIN_WORD = 3;
export const MIN_TYPO = 4;

function fromTerms(role: ConceptRole, text: string, terms: readonly Term[], phrase: readonly string[]): Concept {
  const means: Meaning[] = [];
  for (const t of terms) {
    for (const m of t.means) {
      const same = means.find((x) => x.code === m.code);
      if (!same) means.push({ ...m });
      else if (m.weight > same.weight) same.weight = m.weight;
    }
  }
  return { role, text, means, phrase, terms: [], key: `${role}:${terms.map((t) => t.key).join('|')}:${phrase.join(' ')}` };
}

export function understand(query: string, lexicon: LexiconIndex, words: TextIndex, options: UnderstandOptions): Understanding {
  const { tokens, partial } = tokenize(query);
  const { memo } = options;
  const n = tokens.length;
  const free = new Array<boolean>(n).fill(true);
  const concepts: Concept[] = [];
  const ignored: string[] = [];
  // As typed (accents kept): what "why is this here" quotes.
  const text = (from: number, to: number) => query.slice(tokens[from]!.start, tokens[to - 1]!.end);

  // 1. Phrases of the lexicon, longest first at each position.
  for (let i = 0; i < n; ) {
    let taken = 0;
    for (const term of lexicon.byFirst.get(tokens[i]!.stem) ?? []) {
      const len = term.stems.length;
      if (i + len > n) continue;
      let ok = true;
      for (let k = 1; k < len && ok; k++) ok = tokens[i + k]!.stem === term.stems[k];
      if (!ok) continue;
      if (term.role !== 'filler') {
        concepts.push(fromTerms(term.role, text(i, i + len), [term], phraseOf(term, lexicon)));
      }
      taken = len;
      break;
    }
    // "psycho oncologue" typed for "psychooncologue".
    if (!taken && i + 1 < n) {
      const joined = lexicon.single.get(tokens[i]!.stem + tokens[i + 1]!.stem);
      if (joined && joined.role !== 'filler') {
        concepts.push(fromTerms(joined.role, text(i, i + 2), [joined], phraseOf(joined, lexicon)));
        taken = 2;
      }
    }
    if (taken) {
      for (let k = i; k < i + taken; k++) free[k] = false;
      i += taken;
    } else i++;
  }

  // 2. A place: a commune's name or a postal code.
  let place: PlaceInQuery | undefined;
  let mayNamePlace = false;
  if (options.communes) {
    place = findPlace(query, options.communes, tokens, free, options.coverage);
    if (place) for (let k = place.from; k < place.to; k++) free[k] = false;
  }

  // 3. Fillers, then the words left.
  let wantsTypos = false;
  for (let i = 0; i < n; i++) {
    if (!free[i]) continue;
    const { word, stem } = tokens[i]!;
    if (lexicon.fillers.has(stem) || lexicon.fillers.has(word)) continue;
    if (/^\d+$/.test(word)) {
      // A postal code waits for the commune index rather than emptying the list meanwhile.
      if (word.length === 5 && !options.communes) mayNamePlace = true;
      else ignored.push(word);
      continue;
    }
    if (stem.length < 2) continue;
    const typing = partial && i === n - 1;
    const exact = words.termId.get(stem);
    if (exact !== undefined && words.cityTerm[exact]) mayNamePlace = true;
    if (exact === undefined && stem.length >= MIN_WORD) mayNamePlace = true;
    if (typing && stem.length >= MIN_PREFIX) {
      // The word being typed: what it may become, among the lexicon's words and the records'.
      const [role, needs] = strongest(lexicon.withPrefix(stem));
      const recordTerms = words.withPrefix(stem);
      if (needs.length || recordTerms.length) {
        const c = fromTerms(role ?? 'word', text(i, i + 1), needs, []);
        concepts.push({ ...c, terms: recordTerms, key: `${c.key}:prefix:${stem}` });
        continue;
      }
    } else if (exact !== undefined) {
      concepts.push({ role: 'word', text: text(i, i + 1), means: [], phrase: [], terms: [exact], key: `word:${stem}` });
      continue;
    }
    if (stem.length < MIN_WORD) continue;
    // Not found as typed: a commune misspelt (« perigeux »)? (Not for a short word still being typed.)
    if (!place && options.communes && !(typing && stem.length < 6)) {
      const key = `place:${word}`;
      let found = memo?.get(key) as Pick<PlaceInQuery, 'commune'> | null | undefined;
      if (found === undefined) memo?.set(key, (found = findPlaceApprox(word, options.communes, options.coverage) ?? null));
      if (found) {
        place = { ...found, from: i, to: i + 1, typed: text(i, i + 1), rest: without(query, tokens, i, i + 1) };
        continue;
      }
    }
    // Or a typo of a need or of a word of the records?
    if (stem.length >= MIN_TYPO) {
      if (!options.fuse) {
        wantsTypos = true;
        ignored.push(text(i, i + 1));
        continue;
      }
      const key = `typo:${stem}`;
      let hits = memo?.get(key) as string[] | undefined;
      if (!hits) {
        hits = options.fuse.search(stem, { limit: 8 }).map((h) => h.item);
        memo?.set(key, hits);
      }
      // The closest word, when it is the lexicon's: a typo stands for one word.
      const best = hits[0] === undefined ? undefined : lexicon.single.get(hits[0]);
      if (best && best.role !== 'filler') {
        concepts.push(fromTerms(best.role, text(i, i + 1), [best], []));
        continue;
      }
      const recordTerms = hits.flatMap((h) => {
        const id = words.termId.get(h);
        return id === undefined ? [] : [id];
      });
      if (recordTerms.length) {
        concepts.push({ role: 'word', text: text(i, i + 1), means: [], phrase: [], terms: recordTerms, key: `word~${stem}` });
        continue;
      }
    }
    ignored.push(text(i, i + 1));
  }
  return { concepts, ignored, place, tokens, mayNamePlace: mayNamePlace && !place, wantsTypos };
}

/** Of the terms a word being typed may become, those of the strongest role (need > filter > context). */
function strongest(terms: readonly Term[]): [ConceptRole | undefined, Term[]] {
  for (const role of ['need', 'filter', 'context'] as const) {
    const of = terms.filter((t) => t.role === role);
    if (of.length) return [role, of];
  }
  return [undefined, []];
}

/** The words of a term but grammatical ones: an offer label holding them all matches it. */
function phraseOf(term: Term, lexicon: LexiconIndex): string[] {
  return term.stems.filter((s) => !lexicon.grammar.has(s) && s.length > 1);
}
