/**
 * What changed between two versions of a directory (the published feed and the one about to
 * replace it): structures and offers added, removed, and changed field by field, matched by id.
 * For a steward's review before publishing: the field names are the spreadsheet's columns.
 */
import type { FeedStructure, Offer } from '../feed/schema.js';
import { offerTitle } from '../feed/taxonomy.js';
import { COLUMNS } from './columns.js';

export interface FieldChange {
  /** JSON path inside the structure or offer (`contact.phone`). */
  field: string;
  /** The spreadsheet column (`telephone`), when there is one. */
  column?: string;
  before?: unknown;
  after?: unknown;
}

export interface OfferRef { id: string; title: string }

export interface StructureChange {
  id: string;
  name: string;
  changes: FieldChange[];
  offersAdded: OfferRef[];
  offersRemoved: OfferRef[];
  offersChanged: (OfferRef & { changes: FieldChange[] })[];
}

export interface FeedDiff {
  added: { id: string; name: string; offers: number }[];
  removed: { id: string; name: string; offers: number }[];
  changed: StructureChange[];
  /** Publisher fields that changed (generatedAt is not a change). */
  publisher: FieldChange[];
  counts: {
    structures: { before: number; after: number; added: number; removed: number; changed: number };
    offers: { before: number; after: number; added: number; removed: number; changed: number };
  };
}

interface Side {
  publisher?: unknown;
  structures: readonly FeedStructure[];
}

const COLUMN_OF = {
  structure: new Map(COLUMNS.filter((c) => c.level === 'structure').map((c) => [c.path.join('.'), c.name])),
  offer: new Map(COLUMNS.filter((c) => c.level === 'offer').map((c) => [c.path.join('.'), c.name])),
};

/** Fields only readers add (the widget's key, the département derived from the address). */
const DERIVED = new Set(['key', 'publisherId']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Leaves of a record: `contact.phone` → value; lists are one value (codes compared as a set). */
function leaves(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (!isObject(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (!prefix && (DERIVED.has(k) || k === 'offers')) continue;
    const path = prefix ? `${prefix}.${k}` : k;
    if (isObject(v)) leaves(v, path, out);
    else if (v !== undefined) out.set(path, v);
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) && Array.isArray(b) && a.every((x) => typeof x === 'string') && b.every((x) => typeof x === 'string')) {
    return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  }
  return JSON.stringify(a) === JSON.stringify(b);
};

function fieldChanges(before: unknown, after: unknown, level: 'structure' | 'offer'): FieldChange[] {
  const a = leaves(before);
  const b = leaves(after);
  const out: FieldChange[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(field);
    const y = b.get(field);
    if (same(x, y)) continue;
    const column = COLUMN_OF[level].get(field);
    out.push({ field, ...(column ? { column } : {}), ...(x !== undefined ? { before: x } : {}), ...(y !== undefined ? { after: y } : {}) });
  }
  return out;
}

const byId = <T extends { id: string }>(list: readonly T[]) => {
  const map = new Map<string, T>();
  for (const x of list) if (!map.has(x.id)) map.set(x.id, x);
  return map;
};
const ref = (o: Offer): OfferRef => ({ id: o.id, title: offerTitle(o, 'fr') });

export function diffFeeds(before: Side, after: Side): FeedDiff {
  const old = byId(before.structures);
  const now = byId(after.structures);
  const offerCount = (s: FeedStructure) => (Array.isArray(s.offers) ? s.offers.length : 0);
  const d: FeedDiff = {
    added: [], removed: [], changed: [], publisher: [],
    counts: {
      structures: { before: before.structures.length, after: after.structures.length, added: 0, removed: 0, changed: 0 },
      offers: { before: before.structures.reduce((n, s) => n + offerCount(s), 0), after: after.structures.reduce((n, s) => n + offerCount(s), 0), added: 0, removed: 0, changed: 0 },
    },
  };
  for (const [id, s] of now) if (!old.has(id)) d.added.push({ id, name: s.name, offers: offerCount(s) });
  for (const [id, s] of old) if (!now.has(id)) d.removed.push({ id, name: s.name, offers: offerCount(s) });
  for (const [id, b] of now) {
    const a = old.get(id);
    if (!a) continue;
    const ao = byId(a.offers ?? []);
    const bo = byId(b.offers ?? []);
    const change: StructureChange = {
      id, name: b.name, changes: fieldChanges(a, b, 'structure'),
      offersAdded: [...bo.values()].filter((o) => !ao.has(o.id)).map(ref),
      offersRemoved: [...ao.values()].filter((o) => !bo.has(o.id)).map(ref),
      offersChanged: [],
    };
    for (const [oid, o] of bo) {
      const prev = ao.get(oid);
      if (!prev) continue;
      const changes = fieldChanges(prev, o, 'offer');
      if (changes.length) change.offersChanged.push({ ...ref(o), changes });
    }
    if (change.changes.length || change.offersAdded.length || change.offersRemoved.length || change.offersChanged.length) d.changed.push(change);
  }
  d.counts.structures.added = d.added.length;
  d.counts.structures.removed = d.removed.length;
  d.counts.structures.changed = d.changed.length;
  d.counts.offers.added = d.added.reduce((n, s) => n + s.offers, 0) + d.changed.reduce((n, c) => n + c.offersAdded.length, 0);
  d.counts.offers.removed = d.removed.reduce((n, s) => n + s.offers, 0) + d.changed.reduce((n, c) => n + c.offersRemoved.length, 0);
  d.counts.offers.changed = d.changed.reduce((n, c) => n + c.offersChanged.length, 0);
  d.publisher = fieldChanges(before.publisher, after.publisher, 'structure').map(({ column: _c, ...rest }) => rest);
  return d;
}

/** A value for a French line: « texte », oui/non, lists joined, (vide) for nothing. */
export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(vide)';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' | ') : '(vide)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  const flat = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return `« ${flat.length > 120 ? `${flat.slice(0, 119)}…` : flat} »`;
}

const changeLine = (c: FieldChange) => `${c.column ?? c.field} : ${showValue(c.before)} → ${showValue(c.after)}`;

/** The diff as French lines for a terminal or a page; at most `max` lines per list (0: no limit). */
export function diffLines(d: FeedDiff, max = 0): string[] {
  const cap = <T>(items: T[], line: (x: T) => string[], indent = '  '): string[] => {
    const shown = max ? items.slice(0, max) : items;
    const out = shown.flatMap(line);
    if (max && items.length > max) out.push(`${indent}… et ${items.length - max} autres`);
    return out;
  };
  const { structures: s, offers: o } = d.counts;
  const lines = [
    `Structures : ${s.before} → ${s.after} (${s.added} ajoutée${s.added > 1 ? 's' : ''}, ${s.removed} retirée${s.removed > 1 ? 's' : ''}, ${s.changed} modifiée${s.changed > 1 ? 's' : ''})`,
    `Offres : ${o.before} → ${o.after} (${o.added} ajoutée${o.added > 1 ? 's' : ''}, ${o.removed} retirée${o.removed > 1 ? 's' : ''}, ${o.changed} modifiée${o.changed > 1 ? 's' : ''})`,
  ];
  if (d.publisher.length) lines.push('', 'Éditeur :', ...d.publisher.map((c) => `  ${changeLine(c)}`));
  if (d.added.length) lines.push('', `Structures ajoutées (${d.added.length}) :`, ...cap(d.added, (x) => [`  + ${x.name} [${x.id}] : ${x.offers} offre${x.offers > 1 ? 's' : ''}`]));
  if (d.removed.length) lines.push('', `Structures retirées (${d.removed.length}) :`, ...cap(d.removed, (x) => [`  - ${x.name} [${x.id}] : ${x.offers} offre${x.offers > 1 ? 's' : ''}`]));
  if (d.changed.length) {
    lines.push('', `Structures modifiées (${d.changed.length}) :`);
    lines.push(...cap(d.changed, (c) => [
      `  ~ ${c.name} [${c.id}]`,
      ...c.changes.map((f) => `      ${changeLine(f)}`),
      ...c.offersAdded.map((x) => `      + offre ${x.title} [${x.id}]`),
      ...c.offersRemoved.map((x) => `      - offre ${x.title} [${x.id}]`),
      ...c.offersChanged.flatMap((x) => [`      ~ offre ${x.title} [${x.id}]`, ...x.changes.map((f) => `          ${changeLine(f)}`)]),
    ]));
  }
  if (!d.added.length && !d.removed.length && !d.changed.length && !d.publisher.length) lines.push('', 'Aucune différence.');
  return lines;
}

/** True when the two versions hold the same directory. */
export const isEmptyDiff = (d: FeedDiff): boolean => !d.added.length && !d.removed.length && !d.changed.length && !d.publisher.length;
