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
import { stem } from './tokens.js';
import { prefixRange } from '../../util/prefix-range.js';
import { foldLines } from '../../util/fold-lines.js';

/** Folds many texts at once (foldLines: fold() in one pass over all of them; untrimmed, words are cut anyway), then cuts them into stems. */
function foldAll(texts: readonly string[]): string[][] {
  const lines = foldLines(texts, false).split('\n');
  return lines.map((line) => line.split(' ').filter((w) => w.length > 1 && !(w.charCodeAt(0) <= 57 && /^\d+$/.test(w))).map(stem));
}

/** Interns texts: each distinct text is folded once (towns, kinds and labels repeat across records). */
class Texts {
  private readonly at = new Map<string, number>();
  readonly list: string[] = [];
  id(text: string): number {
    let i = this.at.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.at.set(text, i);
      this.list.push(text);
    }
    return i;
  }
}

export interface TextIndexParts {
  terms: string[];
  labelRows: (Uint32Array | undefined)[];
  descriptionRows: (Uint32Array | undefined)[];
  structureHits: (Uint32Array | undefined)[];
  cityTerm: Uint8Array;
  typoTerms: string[];
}

/** Records between two pauses of the build (a few milliseconds of work each). */
const SLICE = 400;

/**
 * Builds a TextIndex in slices: the generator pauses (yields) every few milliseconds of work, so
 * a caller can give the page back between slices (see buildInSlices); a national feed's index is a
 * few hundred milliseconds of work that must not freeze the page.
 */
export function* buildTextIndex(index: SearchIndex, skip: ReadonlySet<string>): Generator<void, TextIndex> {
  const { structures, rowStart, offers } = index;
  // 1. Every text, interned (towns, kinds and labels repeat), then folded in batches.
  const texts = new Texts();
  const structureTexts: number[][] = [];
  const cityText: number[] = [];
  const labelTexts: number[][] = [];
  const descriptionText: number[] = [];
  for (let s = 0; s < structures.length; s++) {
    if (s % SLICE === SLICE - 1) yield;
    const st = structures[s]!;
    const kind = STRUCTURE_KINDS.labels[st.kind];
    const city = texts.id(st.address.city.replace(/\bcedex\b.*$/i, ''));
    cityText.push(city);
    const own = [texts.id(st.name), city];
    if (kind) own.push(texts.id(kind.fr));
    if (st.description) own.push(texts.id(st.description));
    structureTexts.push(own);
    for (let r = rowStart[s]!; r < rowStart[s + 1]!; r++) {
      const o = offers[r]!;
      const label: number[] = [];
      if (o.label) label.push(texts.id(o.label));
      for (const code of o.subcares ?? []) {
        const def = subcare(code);
        if (def) label.push(texts.id(def.label.fr));
      }
      labelTexts.push(label);
      descriptionText.push(o.description ? texts.id(o.description) : -1);
    }
  }

  // 2. Term ids, per distinct text once.
  const termId = new Map<string, number>();
  const termList: string[] = [];
  const ids: number[][] = [];
  for (let from = 0; from < texts.list.length; from += SLICE * 4) {
    yield;
    for (const words of foldAll(texts.list.slice(from, from + SLICE * 4))) {
      const out: number[] = [];
      for (const w of words) {
        if (skip.has(w)) continue;
        let id = termId.get(w);
        if (id === undefined) {
          id = termList.length;
          termId.set(w, id);
          termList.push(w);
        }
        out.push(id);
      }
      ids.push(out);
    }
  }

  // 3. Per field, the records of each term, in record order (consecutive duplicates dropped).
  const label: number[][] = [];
  const description: number[][] = [];
  const structure: number[][] = [];
  const add = (lists: number[][], text: number, at: number) => {
    for (const id of ids[text]!) {
      const list = lists[id];
      if (!list) lists[id] = [at];
      else if (list[list.length - 1] !== at) list.push(at);
    }
  };
  const typoTexts = new Set<number>();
  const cityTexts = new Set<number>();
  for (let s = 0; s < structures.length; s++) {
    if (s % SLICE === SLICE - 1) yield;
    for (const t of structureTexts[s]!) add(structure, t, s);
    cityTexts.add(cityText[s]!);
    typoTexts.add(structureTexts[s]![0]!);
    for (let r = rowStart[s]!; r < rowStart[s + 1]!; r++) {
      for (const t of labelTexts[r]!) {
        add(label, t, r);
        typoTexts.add(t);
      }
      if (descriptionText[r]! >= 0) add(description, descriptionText[r]!, r);
    }
  }
  yield;

  // 4. Terms sorted (prefix search), postings as typed arrays in that order.
  const order = termList.map((_, i) => i).sort((a, b) => (termList[a]! < termList[b]! ? -1 : 1));
  const postings = (lists: number[][]) => order.map((i) => (lists[i] ? Uint32Array.from(lists[i]!) : undefined));
  const city = new Set([...cityTexts].flatMap((t) => ids[t]!));
  const typo = new Set([...typoTexts, ...cityTexts].flatMap((t) => ids[t]!));
  return new TextIndex({
    terms: order.map((i) => termList[i]!),
    labelRows: postings(label),
    descriptionRows: postings(description),
    structureHits: postings(structure),
    cityTerm: Uint8Array.from(order, (i) => (city.has(i) ? 1 : 0)),
    typoTerms: [...typo].map((i) => termList[i]!).sort(),
  });
}

/** Runs a sliced build to its end at once (tests, Node). */
export function finish<T>(build: Generator<void, T>): T {
  for (;;) {
    const step = build.next();
    if (step.done) return step.value;
  }
}

/** Runs a sliced build, giving the page back between slices; a few milliseconds each. */
export async function buildInSlices<T>(build: Generator<void, T>, sliceMs = 8): Promise<T> {
  for (;;) {
    const start = performance.now();
    for (;;) {
      const step = build.next();
      if (step.done) return step.value;
      if (performance.now() - start >= sliceMs) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

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

  constructor(parts: TextIndexParts) {
    this.terms = parts.terms;
    this.termId = new Map(parts.terms.map((t, i) => [t, i]));
    this.labelRows = parts.labelRows;
    this.descriptionRows = parts.descriptionRows;
    this.structureHits = parts.structureHits;
    this.cityTerm = parts.cityTerm;
    this.typoTerms = parts.typoTerms;
  }

  /** Ids of the terms starting with `prefix`. */
  withPrefix(prefix: string): number[] {
    const [from, to] = prefixRange(this.terms, prefix);
    return Array.from({ length: to - from }, (_, i) => from + i);
  }
}
