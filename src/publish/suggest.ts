/**
 * « Did you mean…? » for the values and headers a steward types: a value close to a code or a
 * label of its column (« Comité de la Ligue » → `comite-ligue`, « Aidants » → `proche-aidant`,
 * « Téléconsultation » → `distance`), a finer care typed as a category (« Socio-esthétique » in
 * `soin` → `image-de-soi`, and the finer care into `soins_precis`), a header close to a column.
 * Only a single, clear candidate is ever suggested; nothing here changes a value by itself.
 *
 * Ways a value is matched, in order (case, accents and plurals never matter):
 * the beginning of a label (« Comité de la Ligue » … contre le cancer), all its words found in one
 * label (« Aidants » in « Proches et aidants »), a word or phrase of the search lexicon
 * (« téléconsultation » means `distance`), then a small typing error (« Psycologie »).
 */
import { LEXICON, SYNONYMS } from '../feed/lexicon.js';
import { subcare } from '../feed/taxonomy.js';
import { editDistance, typosAllowed } from '../util/edit-distance.js';
import { fold } from '../util/fold.js';
import { columnByName, LOOSE_HEADERS, looseHeader, normalise, type Column } from './columns.js';

export interface CodeSuggestion {
  /** The code to put in the cell. */
  code: string;
  /** Its French label. */
  label: string;
  /** For a finer care typed in `soin`: that finer care, to add to `soins_precis`. */
  subcare?: { code: string; label: string };
}

const singular = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
const SMALL = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'en', 'a', 'au', 'aux', 'par', 'pour', 'and', 'the', 'of', 'in']);
const words = (s: string) => fold(s).split(' ').filter((w) => w && !SMALL.has(w)).map(singular);

/** Lexicon phrasing (folded, singular words) → the codes it means, with their weight. */
let lexicon: Map<string, Record<string, number>> | undefined;
function lexiconIndex(): Map<string, Record<string, number>> {
  if (lexicon) return lexicon;
  lexicon = new Map();
  const add = (phrase: string, means: Record<string, number>) => {
    const key = words(phrase).join(' ');
    if (!key) return;
    const known = lexicon!.get(key) ?? {};
    for (const [code, w] of Object.entries(means)) known[code] = Math.max(known[code] ?? 0, w);
    lexicon!.set(key, known);
  };
  for (const entry of LEXICON) for (const phrase of [...entry.fr, ...entry.en]) add(phrase, entry.means);
  for (const [code, list] of Object.entries(SYNONYMS)) for (const phrase of list) add(phrase, { [code]: 3 });
  return lexicon;
}

/** The one code of `candidates` (a code → score map) with the best score, or undefined on a tie. */
function best(candidates: Map<string, number>): string | undefined {
  let top: string | undefined;
  let score = -Infinity;
  let tie = false;
  for (const [code, s] of candidates) {
    if (s > score) [top, score, tie] = [code, s, false];
    else if (s === score) tie = true;
  }
  return tie ? undefined : top;
}

/** The single code a value most likely means among a column's codes, or undefined. */
function match(column: Column, value: string): string | undefined {
  const vocabulary = column.vocabulary;
  if (!vocabulary || !column.codes) return undefined;
  const folded = fold(value);
  if (!folded) return undefined;
  const typed = words(value);
  const spellings = [...vocabulary].map(([spelling, code]) => ({ folded: fold(spelling), words: words(spelling), code }));

  // The beginning of a label: « Comité de la Ligue » for « Comité de la Ligue contre le cancer ».
  const prefix = new Map<string, number>();
  for (const s of spellings) if (s.folded.startsWith(`${folded} `)) prefix.set(s.code, 1);
  if (prefix.size) return best(prefix);

  // Every word typed is in one label: « Aidants » in « Proches et aidants ».
  if (typed.length) {
    const within = new Map<string, number>();
    for (const s of spellings) {
      if (typed.every((w) => s.words.includes(w))) within.set(s.code, Math.max(within.get(s.code) ?? 0, typed.length / s.words.length));
    }
    const found = best(within);
    if (found) return found;
    if (within.size) return undefined; // several labels share these words: no guess
  }

  // The search lexicon: the words people use for these codes (« téléconsultation » → distance).
  const means = lexiconIndex().get(typed.join(' '));
  if (means) {
    const scored = new Map(Object.entries(means).filter(([code]) => column.codes!.has(code)));
    const found = best(scored);
    if (found) return found;
  }

  // A small typing error in a code or a label (« Psycologie », « etablisement »).
  const max = typosAllowed(folded.length);
  if (max) {
    const typo = new Map<string, number>();
    for (const s of spellings) {
      const d = editDistance(folded, s.folded, max);
      if (d <= max) typo.set(s.code, Math.max(typo.get(s.code) ?? -Infinity, -d));
    }
    return best(typo);
  }
  return undefined;
}

/**
 * The code a cell value most likely means in `column` (a code or list of codes column), or
 * undefined when there is no single clear candidate.
 */
export function suggestCode(column: Column, value: string): CodeSuggestion | undefined {
  if (column.name === 'soin') {
    // A finer care in the category column: its category, and the finer care where it belongs.
    const fine = columnByName.get('soins_precis')!;
    const code = fine.vocabulary!.get(normalise(value)) ?? match(fine, value);
    const def = code ? subcare(code) : undefined;
    if (def) return { code: def.care, label: column.codes!.get(def.care)!, subcare: { code: def.code, label: def.label.fr } };
  }
  const code = match(column, value);
  return code ? { code, label: column.codes!.get(code)! } : undefined;
}

/**
 * Column names a header that names no column may have meant: a small typing error in a name or
 * a usual other name (« Comune » → `commune`), or the two columns of an ambiguous name
 * (« Description » → `description_offre` or `description_structure`).
 */
export function suggestHeader(header: string): string[] {
  const loose = looseHeader(header);
  if (!loose) return [];
  if (loose === 'description') return ['description_offre', 'description_structure'];
  if (loose === 'telephone_contact' || loose === 'contact') return ['telephone', 'email', 'referent_nom'];
  const max = Math.max(1, typosAllowed(loose.length));
  let found = new Set<string>();
  let closest = max + 1;
  for (const [key, name] of LOOSE_HEADERS) {
    const d = editDistance(loose, key, max);
    if (d < closest) [closest, found] = [d, new Set([name])];
    else if (d === closest && d <= max) found.add(name);
  }
  return closest <= max ? [...found] : [];
}
