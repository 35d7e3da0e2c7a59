/**
 * A feed document (opened in the workbench, or read by the CLI) checked like a spreadsheet is:
 * every remark at once, even on the structures the validator drops, each with its JSON path and
 * its structure, a suggestion when a code is close to a known one, a phone whose leading zero was
 * lost, and duplicates (same FINESS or SIRET, or same name in the same commune).
 */
import type { Feed, FeedStructure } from '../feed/schema.js';
import type { Diagnostic, ValidationResult } from '../feed/validate.js';
import { COLUMNS, type Column } from './columns.js';
import { duplicateReason, findDuplicates } from './duplicates.js';
import { readPhone } from './phone.js';
import { parsePath, type Fix, type Problem } from './problems.js';
import { suggestCode } from './suggest.js';
import { validateEverything } from './validate-all.js';

export interface FeedCheck {
  /** The validator's verdict (the envelope refused: `ok: false`). */
  result: ValidationResult;
  /** The structures kept, as written in a feed (without the reader's own fields). */
  feed?: Feed;
  problems: Problem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function valueAt(doc: unknown, path: (string | number)[]): unknown {
  let node = doc;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** The code column a path points into (`structures[1].offers[0].audiences[1]` → publics). */
function codeColumn(path: (string | number)[]): Column | undefined {
  const offer = path[2] === 'offers';
  const fields = path.slice(offer ? 4 : 2).filter((x): x is string => typeof x === 'string');
  return COLUMNS.find((c) => c.level === (offer ? 'offer' : 'structure') && c.codes && c.path.join('.') === fields.join('.'));
}

export interface FeedCheckOptions {
  now?: Date;
  /** More checks (the CLI adds the opening-hours reader's). */
  extraChecks?: (doc: unknown) => Diagnostic[];
}

export function checkFeed(doc: unknown, options: FeedCheckOptions = {}): FeedCheck {
  const extra = options.extraChecks?.(doc) ?? [];
  const { result, more } = validateEverything(doc, { now: options.now });
  const raw = isObject(doc) && Array.isArray(doc.structures) ? (doc.structures as unknown[]) : [];
  const structureAt = (path: string): Problem['structure'] => {
    const m = /^structures\[(\d+)\]/.exec(path);
    const s = m ? raw[Number(m[1])] : undefined;
    return isObject(s) && typeof s.id === 'string' ? { id: s.id, ...(typeof s.name === 'string' ? { name: s.name } : {}) } : undefined;
  };
  const problems: Problem[] = [];
  for (const d of [...result.diagnostics, ...more, ...extra]) {
    const segments = parsePath(d.path);
    const value = valueAt(doc, segments);
    let message = d.message;
    let fixes: Fix[] | undefined;
    const column = typeof value === 'string' ? codeColumn(segments) : undefined;
    const s = column && typeof value === 'string' ? suggestCode(column, value) : undefined;
    if (s && typeof value === 'string') {
      const hint = s.subcare ? ` → vouliez-vous dire « ${s.code} » : ${s.label} ? (« ${s.subcare.label} » : soin précis « ${s.subcare.code} », à mettre dans subcares)` : ` → vouliez-vous dire « ${s.code} » : ${s.label} ?`;
      message = message.replace(/( : (?:offre|structure) ignorée| : champ ignoré)?$/, `${hint}$1`);
      fixes = [{ path: d.path, value, suggestion: s.code, label: `${s.code} (${s.label})` }];
    }
    const structure = structureAt(d.path);
    problems.push({ severity: d.severity, code: d.code, path: d.path, message, ...(structure ? { structure } : {}), ...(fixes ? { fixes } : {}) });
  }

  raw.forEach((s, i) => {
    if (!isObject(s)) return;
    const structure = structureAt(`structures[${i}]`);
    const phones: [string, unknown][] = [[`structures[${i}].contact.phone`, isObject(s.contact) ? s.contact.phone : undefined]];
    if (Array.isArray(s.offers)) s.offers.forEach((o, j) => phones.push([`structures[${i}].offers[${j}].contact.phone`, isObject(o) && isObject(o.contact) ? o.contact.phone : undefined]));
    for (const [path, phone] of phones) {
      if (typeof phone !== 'string') continue;
      const read = readPhone(phone);
      if (!read.lostZero) continue;
      problems.push({
        severity: 'warning', code: 'phone-lost-zero', path, ...(structure ? { structure } : {}),
        message: `numéro « ${phone} » à 9 chiffres : le zéro initial a sans doute été perdu par un tableur → vouliez-vous dire « ${read.value} » ?`,
        fixes: [{ path, value: phone, suggestion: read.value, label: read.value }],
      });
    }
  });

  const named = raw.map((s, i) => ({ s, i })).filter((x): x is { s: Record<string, unknown>; i: number } => isObject(x.s) && typeof x.s.id === 'string');
  for (const d of findDuplicates(named.map(({ s }) => {
    const address = isObject(s.address) ? s.address : {};
    return { id: s.id as string, name: s.name, finess: s.finess, siret: s.siret, city: address.city, postalCode: address.postalCode };
  }))) {
    const later = named[d.index]!;
    const first = named[d.of]!;
    const field = d.reason === 'name' ? 'name' : d.reason;
    const path = `structures[${later.i}].${field}`;
    const structure = structureAt(path);
    problems.push({ severity: 'warning', code: 'duplicate-structure', path, ...(structure ? { structure } : {}), message: `${duplicateReason(d)} que structures[${first.i}] (« ${String(first.s.id)} ») : la même structure saisie deux fois ?` });
  }

  if (!result.ok) return { result, problems };
  const hadDepartment = new Set(named.filter(({ s }) => 'department' in s).map(({ s }) => s.id));
  const structures = result.feed.structures.map((s) => {
    const { key: _k, publisherId: _p, department, ...rest } = s;
    return (hadDepartment.has(s.id) ? { ...rest, department } : rest) as FeedStructure;
  });
  const feed: Feed = { format: result.feed.format, publisher: result.feed.publisher, generatedAt: result.feed.generatedAt, structures };
  return { result, feed, problems };
}
