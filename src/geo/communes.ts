/**
 * The commune index behind the "Près de" (near a commune) autocomplete: ~35,000 communes with
 * their postal codes, centroid and population. The data (≈270 kB gzip) is a separate chunk,
 * loaded on first use only; names are normalised once so that a search is a linear scan of
 * precomputed strings (well under 2 ms).
 */

import { distances, typosAllowed } from '../util/edit-distance.js';
import { fold } from '../util/fold.js';
import { foldLines } from '../util/fold-lines.js';
import { regionOfDepartement } from './regions.js';
import type { Near } from '../search/criteria.js';

export interface Commune {
  insee: string;
  name: string;
  postalCodes: string[];
  /** Centroid, to 2 decimals (±0.005°, under 600 m). */
  lat: number;
  lon: number;
  /** Approximate (±6 %): it only ranks suggestions. */
  population: number;
  department: string;
}

interface Entry {
  commune: Commune;
  /** Normalised name: lower case, no accents, words separated by one space, "st" → "saint". */
  key: string;
}

/**
 * Many strings in one, each line `\n<text>` for one entry, in search order, and a final `\n`: a
 * native `indexOf` finds the matches in population order, far faster than testing 35,000 strings
 * (`\n<text>\n` finds whole lines).
 */
class Haystack {
  readonly text: string;
  private readonly starts: Int32Array;
  /** Line i is `${before}${items[i]}${after}`. */
  constructor(items: readonly string[], before = '', after = '') {
    this.starts = new Int32Array(items.length);
    let pos = 0;
    for (let i = 0; i < items.length; i++) {
      this.starts[i] = pos;
      pos += before.length + items[i]!.length + after.length + 1;
    }
    this.text = `\n${before}${items.join(`${after}\n${before}`)}${after}\n`;
  }

  /** Entry indexes whose line contains `needle`, in order, each once. */
  *find(needle: string): Generator<number> {
    let last = -1;
    for (let at = this.text.indexOf(needle); at !== -1; at = this.text.indexOf(needle, at + 1)) {
      // Binary search: the last line starting at or before `at`.
      let lo = 0, hi = this.starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.starts[mid]! <= at) lo = mid; else hi = mid - 1;
      }
      if (lo !== last) yield (last = lo);
    }
  }
}

export interface CommuneIndex {
  /** Sorted by INSEE code. */
  readonly communes: readonly Commune[];
  /** Search order: population descending, then INSEE code. */
  readonly entries: readonly Entry[];
  readonly byInsee: ReadonlyMap<string, Commune>;
  /** Exact matches, in search order: normalised name → entries; postal or INSEE code → entries. */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  readonly byCode: ReadonlyMap<string, readonly number[]>;
  readonly names: Haystack;
  readonly postal: Haystack;
  readonly insee: Haystack;
}

/** "st"/"ste" spelled out as the names are, in folded text (one name or many, one per line). */
const spellSaints = (folded: string) => folded.replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');

/** Folded (lower case, no accents, one space between words), "st"/"ste" spelled out as the names are. */
export function normalizeCommuneName(s: string): string {
  return spellSaints(fold(s));
}

/** Population steps (see parseCommunes): 0, then about 10^((s − 1) / 20). */
const POPULATION = Array.from({ length: 160 }, (_, s) => (s ? Math.round(10 ** ((s - 1) / 20)) : 0));
const NUMBERS_3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const NUMBERS_2 = NUMBERS_3.slice(0, 100).map((n) => n.slice(1));

/** The numbers of one section of the data, read in order (the encoding: see parseCommunes). */
class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  peek(): number {
    return this.text.charCodeAt(this.at);
  }

  skip(): void {
    this.at++;
  }

  done(): boolean {
    return this.at === this.text.length;
  }

  unsigned(): number {
    let width = 1, value = 0;
    while (this.text.charCodeAt(this.at) === 33 /* ! */) {
      this.at++;
      value += 91 ** width++;
    }
    let digits = 0;
    for (let i = 0; i < width; i++) {
      const ch = this.text.charCodeAt(this.at++);
      if (!(ch >= 35 && ch <= 126 && ch !== 92)) throw new Error('communes: data does not match the format');
      digits = digits * 91 + ch - (ch > 92 ? 36 : 35);
    }
    return value + digits;
  }

  signed(): number {
    const v = this.unsigned();
    return v & 1 ? -(v + 1) / 2 : v / 2;
  }
}

/**
 * Parses the generated data (scripts/derive-data.mjs writes it; keep the two in step). Seven
 * sections separated by "\n"; all but the first are read with one cursor each, in commune order
 * (INSEE order, grouped by département), without separators between communes:
 *
 * 1. header: per département, five space-separated decimals: code, number of communes, reference
 *    latitude and longitude (×100), number of distinct postal codes.
 * 2. postal codes: per département, its sorted distinct postal codes, each as a signed delta from
 *    the previous one (the first from 33000 for "33", 20000 for "2A"/"2B", 97400 for "974").
 * 3. INSEE codes: per commune, unsigned (number − previous number in the département − 1), the
 *    number being what follows the département code ("063" in 33063); mostly 0.
 * 4. names: per commune, a digit k then the name minus its first k characters, which are those of
 *    the previous commune's name (names contain no digit, so the digit also separates them).
 * 5. postal codes: per commune, unsigned index of each of its codes in its département's list,
 *    preceded by " " and unsigned (count − 2) when it has more than one.
 * 6. coordinates: per commune, signed latitude then longitude, in hundredths of a degree, relative
 *    to the mean (rounded) of the communes before it in the département with the same first postal
 *    code, or to the département's reference point for the first of them.
 * 7. population: per commune, unsigned step s: 0 for none, else about 10^((s − 1) / 20) (±6 %).
 *
 * Numbers use the 91 symbols "#".."~" without "\": an unsigned v < 91 is one symbol; larger ones
 * are k "!" then k + 1 base-91 symbols of v minus the ranges shorter widths cover. Signed numbers
 * are zigzagged first (0, −1, 1, −2 … → 0, 1, 2, 3 …).
 */
export function parseCommunes(text: string): CommuneIndex {
  const [headerText = '', dictText = '', gapText = '', nameText = '', postalText = '', coordText = '', popText = ''] = text.split('\n');
  const communes: Commune[] = [];
  const names: string[] = [];
  const header = headerText.split(' ');
  const dicts = new Reader(dictText), gaps = new Reader(gapText), postal = new Reader(postalText);
  const coords = new Reader(coordText), pops = new Reader(popText);
  let nameAt = 0, prevName = '';
  for (let h = 0; h + 4 < header.length; h += 5) {
    const dep = header[h]!;
    const count = Number(header[h + 1]), refLa = Number(header[h + 2]), refLo = Number(header[h + 3]);
    const codes: string[] = [];
    let code = dep.length === 3 ? Number(dep) * 100 : /^\d\d$/.test(dep) ? Number(dep) * 1000 : 20000;
    for (let i = Number(header[h + 4]); i > 0; i--) codes.push(String((code += dicts.signed())).padStart(5, '0'));
    const numbers = dep.length === 3 ? NUMBERS_2 : NUMBERS_3;
    /** First postal code (as an index) → sums of latitudes and longitudes, and count, of the communes seen. */
    const areas = new Float64Array(codes.length * 3);
    let num = 0;
    for (let i = 0; i < count; i++) {
      num += gaps.unsigned() + 1;
      // Name: a digit (characters kept from the previous name), then up to the next digit.
      const keep = nameText.charCodeAt(nameAt) - 48;
      let end = nameAt + 1;
      for (let ch = nameText.charCodeAt(end); end < nameText.length && !(ch >= 48 && ch <= 57); ch = nameText.charCodeAt(++end));
      if (!(keep >= 0 && keep <= 9)) throw new Error('communes: data does not match the format');
      const name = keep ? prevName.slice(0, keep) + nameText.slice(nameAt + 1, end) : nameText.slice(nameAt + 1, end);
      nameAt = end;
      prevName = name;
      const n = postal.peek() === 32 ? (postal.skip(), postal.unsigned() + 2) : 1;
      const first = postal.unsigned();
      const postalCodes = [codes[first]!];
      for (let j = 1; j < n; j++) postalCodes.push(codes[postal.unsigned()]!);
      const a = first * 3, seen = areas[a + 2]!;
      const la = coords.signed() + (seen ? Math.round(areas[a]! / seen) : refLa);
      const lo = coords.signed() + (seen ? Math.round(areas[a + 1]! / seen) : refLo);
      areas[a] += la;
      areas[a + 1] += lo;
      areas[a + 2] = seen + 1;
      const step = pops.unsigned();
      communes.push({
        insee: dep + numbers[num]!, name, postalCodes, lat: la / 100, lon: lo / 100,
        population: POPULATION[step] ?? Math.round(10 ** ((step - 1) / 20)), department: dep,
      });
      names.push(name);
    }
  }
  if (nameAt !== nameText.length || !(dicts.done() && gaps.done() && postal.done() && coords.done() && pops.done())) {
    throw new Error('communes: data does not match the format');
  }

  // Normalised names, all at once: normalizeCommuneName of each, on one string.
  const keys = spellSaints(foldLines(names)).split('\n');
  // Search order: population descending, then INSEE code (the order of `communes`).
  const order = new Float64Array(communes.length);
  for (let i = 0; i < communes.length; i++) order[i] = (2 ** 24 - communes[i]!.population) * 2 ** 16 + i;
  order.sort();
  const entries: Entry[] = new Array<Entry>(communes.length);
  const keyLines: string[] = new Array<string>(communes.length);
  const postalLines: string[] = new Array<string>(communes.length);
  const inseeLines: string[] = new Array<string>(communes.length);
  for (let i = 0; i < order.length; i++) {
    const c = order[i]! % 2 ** 16;
    const commune = communes[c]!, key = keys[c]!;
    entries[i] = { commune, key };
    keyLines[i] = key;
    postalLines[i] = commune.postalCodes.length === 1 ? commune.postalCodes[0]! : commune.postalCodes.join(',');
    inseeLines[i] = commune.insee;
  }
  const byInsee = new Map<string, Commune>();
  for (const c of communes) byInsee.set(c.insee, c);
  // The exact-match maps are not needed by searchCommunes (whole lines of the haystacks do the
  // same): built on first use only, they would double the time of this function.
  let byKey: Map<string, number[]> | undefined, byCode: Map<string, number[]> | undefined;
  const add = (map: Map<string, number[]>, k: string, i: number) => {
    const list = map.get(k);
    if (!list) map.set(k, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  return {
    communes, entries, byInsee,
    get byKey() {
      if (!byKey) {
        byKey = new Map();
        for (let i = 0; i < entries.length; i++) add(byKey, entries[i]!.key, i);
      }
      return byKey;
    },
    get byCode() {
      if (!byCode) {
        byCode = new Map();
        for (let i = 0; i < entries.length; i++) {
          add(byCode, entries[i]!.commune.insee, i);
          for (const p of entries[i]!.commune.postalCodes) add(byCode, p, i);
        }
      }
      return byCode;
    },
    names: new Haystack(keyLines, ' '), postal: new Haystack(postalLines, ',', ','), insee: new Haystack(inseeLines),
  };
}

let loading: Promise<CommuneIndex> | undefined;

/** The commune index, fetched and parsed once (a failed load is retried on the next call). */
export function loadCommunes(): Promise<CommuneIndex> {
  if (!loading) {
    loading = import('./communes.data.js').then((m) => parseCommunes(m.default));
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}

export function communeByInsee(index: CommuneIndex, code: string): Commune | undefined {
  return index.byInsee.get(code.toUpperCase());
}

/** All entry indexes from the given sources, in order, each once. */
function merge(sources: Iterable<number>[]): number[] {
  return [...new Set(sources.flatMap((source) => [...source]))].sort((a, b) => a - b);
}

/** Up to `max` entry indexes from the given sources, merged in search order, minus `skip`. */
function collect(sources: Iterable<number>[], max: number, skip: ReadonlySet<number>, accept?: (i: number) => boolean): number[] {
  if (max <= 0) return [];
  const found = new Set<number>();
  for (const source of sources) {
    let n = 0;
    for (const i of source) {
      if (skip.has(i) || (accept && !accept(i))) continue;
      found.add(i);
      if (++n >= max) break; // later matches of this source rank lower
    }
  }
  return [...found].sort((a, b) => a - b).slice(0, max);
}

/**
 * Communes matching what a user types: a name (accents, case, hyphens, apostrophes and
 * "st"/"saint" ignored; also from a word inside the name: "jean de luz" finds
 * Saint-Jean-de-Luz), or a postal code / INSEE code prefix, optionally followed by a name.
 * Exact matches first, then prefixes of the name (or postal code), then prefixes of a word
 * (or INSEE code); the most populous first within each rank.
 */
export function searchCommunes(index: CommuneIndex, query: string, limit = 8): Commune[] {
  if (limit <= 0) return [];
  const code = /^\s*(\d[\dAaBb]{0,4})\s*(.*)$/.exec(query);
  const digits = code ? code[1]!.toUpperCase() : '';
  const text = normalizeCommuneName(code ? code[2]! : query);
  if (!digits && !text) return [];

  // While typing, a trailing "st" may be the start of "Strasbourg" as well as "Saint-…".
  const queries = [text];
  if (text && /(?:^|[^a-z])ste?$/i.test(query.trim())) queries.push(text.replace(/saint(e?)$/, (_m, e: string) => `st${e}`));
  const nameMatches = (i: number) => {
    const k = index.entries[i]!.key;
    return queries.some((q) => k.startsWith(q) || k.includes(` ${q}`));
  };

  let ranks: number[][];
  if (digits) {
    const accept = text ? nameMatches : undefined;
    const exact = merge([index.insee.find(`\n${digits}\n`), index.postal.find(`,${digits},`)]).filter((i) => !accept || accept(i)).slice(0, limit);
    const prefix = collect([index.postal.find(`,${digits}`)], limit - exact.length, new Set(exact), accept);
    const inner = collect([index.insee.find(`\n${digits}`)], limit - exact.length - prefix.length, new Set([...exact, ...prefix]), accept);
    ranks = [exact, prefix, inner];
  } else {
    const exact = merge(queries.map((q) => index.names.find(`\n ${q}\n`))).slice(0, limit);
    const prefix = collect(queries.map((q) => index.names.find(`\n ${q}`)), limit - exact.length, new Set(exact));
    const inner = collect(queries.map((q) => index.names.find(` ${q}`)), limit - exact.length - prefix.length, new Set([...exact, ...prefix]));
    ranks = [exact, prefix, inner];
    // Nothing, or too little, as typed: names one or two typos away ("perigeux").
    const found = exact.length + prefix.length + inner.length;
    if (found < limit && !found) ranks.push(approximate(index, text, limit - found));
  }
  return ranks.flat().slice(0, limit).map((i) => index.entries[i]!.commune);
}

/** Entry indexes by the first letter of their name, built on the first approximate search. */
const byInitial = new WeakMap<CommuneIndex, Map<number, Int32Array>>();

/**
 * Entries whose name (or its beginning, for a name being typed) is within a few typos of `text`,
 * closest first, then the most populous. Names starting with another letter are skipped: typos
 * rarely touch the first letter, and it keeps the scan to a few thousand names.
 */
export function approximate(index: CommuneIndex, text: string, limit: number): number[] {
  const max = typosAllowed(text.length);
  if (!max || limit <= 0) return [];
  let initials = byInitial.get(index);
  if (!initials) {
    const lists = new Map<number, number[]>();
    index.entries.forEach((e, i) => {
      const c = e.key.charCodeAt(0);
      const list = lists.get(c);
      if (list) list.push(i);
      else lists.set(c, [i]);
    });
    initials = new Map([...lists].map(([c, l]) => [c, Int32Array.from(l)]));
    byInitial.set(index, initials);
  }
  const hits: { i: number; d: number }[] = [];
  for (const i of initials.get(text.charCodeAt(0)) ?? []) {
    const key = index.entries[i]!.key;
    if (key.length < text.length - max) continue;
    // A whole name first; the beginning of a longer one (still being typed) after it.
    const [whole, prefix] = distances(text, key, max);
    const d = whole <= max ? whole : prefix + 0.5;
    if (d <= max + 0.5) hits.push({ i, d });
  }
  return hits.sort((a, b) => a.d - b.d || a.i - b.i).slice(0, limit).map((h) => h.i);
}

/** "Pessac (33600)": the postal code the visitor typed when there are several, else the first. */
export function communeLabel(c: Commune, typed = ''): string {
  const digits = /^\s*(\d{2,5})/.exec(typed)?.[1] ?? /\b(\d{5})\b/.exec(typed)?.[1];
  const postal = (digits && c.postalCodes.find((p) => p.startsWith(digits))) || c.postalCodes[0];
  return postal ? `${c.name} (${postal})` : c.name;
}

/** A commune as the place of a proximity search; `typed` picks the postal code shown. */
export function nearOf(commune: Commune, radiusKm: number, typed = ''): Near {
  return {
    label: communeLabel(commune, typed),
    point: { lat: commune.lat, lon: commune.lon },
    radiusKm,
    department: commune.department,
    insee: commune.insee,
    region: regionOfDepartement(commune.department),
  };
}
