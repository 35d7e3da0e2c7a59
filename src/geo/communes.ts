/**
 * The commune index behind the "Près de" (near a commune) autocomplete: ~35,000 communes with
 * their postal codes, centroid and population. The data (≈590 kB gzip) is a separate chunk,
 * loaded on first use only; names are normalised once so that a search is a linear scan of
 * precomputed strings (well under 2 ms).
 */
import { departmentFromInsee } from '../feed/geo.js';

export interface Commune {
  insee: string;
  name: string;
  postalCodes: string[];
  lat: number;
  lon: number;
  population: number;
  department: string;
}

interface Entry {
  commune: Commune;
  /** Normalised name: lower case, no accents, words separated by one space, "st" → "saint". */
  key: string;
}

/**
 * Many strings in one, each line `\n<text>` for one entry, in search order: a native
 * `indexOf` finds the matches in population order, far faster than testing 35,000 strings.
 */
class Haystack {
  readonly text: string;
  private readonly starts: Int32Array;
  constructor(lines: readonly string[]) {
    this.starts = new Int32Array(lines.length);
    let pos = 0;
    lines.forEach((line, i) => {
      this.starts[i] = pos;
      pos += line.length + 1;
    });
    this.text = lines.map((l) => `\n${l}`).join('');
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

/** Lower case, no accents, one space between words; "st"/"ste" spelled out as the names are. */
export function normalizeCommuneName(s: string): string {
  return s.replace(/[œŒ]/g, 'oe').replace(/[æÆ]/g, 'ae').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()
    .replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');
}

/** Parses the generated data (`insee;name;postalCodes;lat;lon;population` per line). */
export function parseCommunes(text: string): CommuneIndex {
  const communes: Commune[] = [];
  for (const line of text.split('\n')) {
    const [insee, name, postal, lat, lon, population] = line.split(';');
    if (!insee || !name) continue;
    communes.push({
      insee, name, postalCodes: postal ? postal.split(',') : [], lat: Number(lat), lon: Number(lon),
      population: Number(population) || 0, department: departmentFromInsee(insee),
    });
  }
  const entries: Entry[] = communes.map((commune) => ({ commune, key: normalizeCommuneName(commune.name) }));
  entries.sort((a, b) => b.commune.population - a.commune.population || (a.commune.insee < b.commune.insee ? -1 : 1));
  const byKey = new Map<string, number[]>();
  const byCode = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, k: string, i: number) => {
    const list = map.get(k);
    if (!list) map.set(k, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  entries.forEach((e, i) => {
    add(byKey, e.key, i);
    add(byCode, e.commune.insee, i);
    for (const p of e.commune.postalCodes) add(byCode, p, i);
  });
  return {
    communes, entries, byInsee: new Map(communes.map((c) => [c.insee, c])), byKey, byCode,
    names: new Haystack(entries.map((e) => ` ${e.key}`)),
    postal: new Haystack(entries.map((e) => `,${e.commune.postalCodes.join(',')}`)),
    insee: new Haystack(entries.map((e) => e.commune.insee)),
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
    const exact = (index.byCode.get(digits) ?? []).filter((i) => !accept || accept(i)).slice(0, limit);
    const prefix = collect([index.postal.find(`,${digits}`)], limit - exact.length, new Set(exact), accept);
    const inner = collect([index.insee.find(`\n${digits}`)], limit - exact.length - prefix.length, new Set([...exact, ...prefix]), accept);
    ranks = [exact, prefix, inner];
  } else {
    const exact = [...new Set(queries.flatMap((q) => index.byKey.get(q) ?? []))].sort((a, b) => a - b).slice(0, limit);
    const prefix = collect(queries.map((q) => index.names.find(`\n ${q}`)), limit - exact.length, new Set(exact));
    const inner = collect(queries.map((q) => index.names.find(` ${q}`)), limit - exact.length - prefix.length, new Set([...exact, ...prefix]));
    ranks = [exact, prefix, inner];
  }
  return ranks.flat().slice(0, limit).map((i) => index.entries[i]!.commune);
}
