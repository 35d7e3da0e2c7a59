/**
 * The words of the records, for words of a query that the lexicon does not know (a structure's
 * name, a town, a word of an offer's description). Built once per feed.
 *
 * Each distinct stem points to the rows (offers) or structures it describes, per field, because
 * where a word is found says how relevant the record is: in an offer's label or finer care
 * (as relevant as a finer care), or in a name, a town or a description (least).
 */
import type { SearchIndex } from '../search-index.js';
import { STRUCTURE_KINDS, subcare } from '../../feed/taxonomy.js';
import { fold } from '../normalize.js';
import { stem } from './tokens.js';

export class TextIndex {
  /** Distinct stems, sorted (prefix lookups by binary search). */
  readonly terms: string[];
  readonly termId: Map<string, number>;
  /** Per term: rows whose offer label or finer cares hold it. */
  readonly labelRows: (Uint32Array | undefined)[];
  /** Per term: rows whose offer description holds it. */
  readonly descriptionRows: (Uint32Array | undefined)[];
  /** Per term: structures whose name, town, kind or description holds it. */
  readonly structureHits: (Uint32Array | undefined)[];
  /** Per term: 1 when it is a word of a town's name (it may be a place the visitor means). */
  readonly cityTerm: Uint8Array;
  /** Terms of names, towns and labels (not descriptions): the candidates of typo tolerance. */
  readonly typoTerms: string[];

  constructor(index: SearchIndex, skip: ReadonlySet<string>) {
    const label = new Map<string, number[]>();
    const description = new Map<string, number[]>();
    const structure = new Map<string, number[]>();
    const cities = new Set<string>();
    const short = new Set<string>();
    // Towns, kinds and labels repeat across thousands of records: fold each text once.
    const cache = new Map<string, string[]>();
    const stemsOf = (text: string): string[] => {
      let s = cache.get(text);
      if (!s) {
        s = [];
        for (const w of fold(text).split(' ')) {
          const st = stem(w);
          if (st.length > 1 && !skip.has(st) && !/^\d+$/.test(st)) s.push(st);
        }
        cache.set(text, s);
      }
      return s;
    };
    const add = (map: Map<string, number[]>, words: readonly string[], at: number) => {
      for (const w of words) {
        const list = map.get(w);
        if (!list) map.set(w, [at]);
        else if (list[list.length - 1] !== at) list.push(at);
      }
    };
    const { structures, rowStart, offers } = index;
    for (let s = 0; s < structures.length; s++) {
      const st = structures[s]!;
      const kind = STRUCTURE_KINDS.labels[st.kind];
      const city = stemsOf(st.address.city.replace(/\bcedex\b.*$/i, ''));
      for (const c of city) cities.add(c);
      add(structure, stemsOf(st.name), s);
      add(structure, city, s);
      if (kind) add(structure, stemsOf(kind.fr), s);
      if (st.description) add(structure, stemsOf(st.description), s);
      for (let r = rowStart[s]!; r < rowStart[s + 1]!; r++) {
        const o = offers[r]!;
        if (o.label) add(label, stemsOf(o.label), r);
        for (const code of o.subcares ?? []) {
          const def = subcare(code);
          if (def) add(label, stemsOf(def.label.fr), r);
        }
        if (o.description) add(description, stemsOf(o.description), r);
      }
      if (st.name) for (const w of stemsOf(st.name)) short.add(w);
    }
    for (const map of [label]) for (const w of map.keys()) short.add(w);
    for (const c of cities) short.add(c);

    const all = new Set([...label.keys(), ...description.keys(), ...structure.keys()]);
    this.terms = [...all].sort();
    this.termId = new Map(this.terms.map((t, i) => [t, i]));
    const postings = (map: Map<string, number[]>) => this.terms.map((t) => {
      const list = map.get(t);
      return list ? Uint32Array.from(list) : undefined;
    });
    this.labelRows = postings(label);
    this.descriptionRows = postings(description);
    this.structureHits = postings(structure);
    this.cityTerm = Uint8Array.from(this.terms, (t) => (cities.has(t) ? 1 : 0));
    this.typoTerms = [...short].sort();
  }

  /** Ids of the terms starting with `prefix`. */
  withPrefix(prefix: string): number[] {
    const { terms } = this;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let t = lo; t < terms.length && terms[t]!.startsWith(prefix); t++) out.push(t);
    return out;
  }
}
