/**
 * Every problem of a document in one run. The widget's validator stops judging a record at its
 * first fatal problem: a structure dropped for a bad required field never has its other fields nor
 * its offers checked, an offer dropped for its category never has its other fields checked, so a
 * steward who fixes them finds new errors on the next run (one fix per run). Here each dropped
 * record is checked again as a probe, its fatal fields replaced by stand-ins, until what is left
 * of it has been judged: every remark on it is collected at once. The feed kept is the
 * validator's, unchanged.
 */
import { detail } from '../feed/validate-detail.js';
import { validateFeed, type Diagnostic, type ValidationResult } from '../feed/validate.js';
import { parsePath } from './problems.js';

/** Stand-ins for required fields, valid and neutral. */
const STAND_INS: Record<'structure' | 'offer', Record<string, unknown>> = {
  structure: {
    id: 'sondage', name: 'sondage', kind: 'autre', verifiedAt: '2000-01-01',
    address: { postalCode: '75001', city: 'sondage' }, 'address.postalCode': '75001', 'address.city': 'sondage',
  },
  offer: { id: 'sondage', care: 'psychologie', audiences: ['patient'], settings: ['ville'] },
};
/** A valid structure to hold an offer under probe. */
const SHELL = { id: 'sondage', name: 'sondage', kind: 'autre', address: { postalCode: '75001', city: 'sondage' }, verifiedAt: '2000-01-01' };

/** Remarks a probe makes because of its stand-ins, not because of the record. */
const PROBE_NOISE = new Set(['stale', 'location-missing', 'department-mismatch', 'duplicate-id', 'more']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function setAt(target: Record<string, unknown>, path: (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  for (const seg of path.slice(0, -1)) {
    if (!isObject(node[seg])) node[seg] = {};
    node = node[seg] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/**
 * `structures[3].address.postalCode` → structure 3, field `address.postalCode`;
 * `structures[3].offers[1].audiences[0]` → structure 3, offer 1, field `audiences`.
 */
function recordField(path: string): { s: number; o?: number; field: string } | undefined {
  const m = /^structures\[(\d+)\](?:\.offers\[(\d+)\])?(?:\.(.*))?$/.exec(path);
  if (!m) return undefined;
  const field = (m[3] ?? '').replace(/\[\d+\].*$/, '');
  if (m[2] === undefined && field.startsWith('offers')) return undefined;
  return { s: Number(m[1]), o: m[2] === undefined ? undefined : Number(m[2]), field };
}

export interface FullValidation {
  result: ValidationResult;
  /** The remarks on dropped records the validator could not reach (paths in the document). */
  more: Diagnostic[];
}

/** validateFeed, plus every remark on the records it dropped (see the module). `doc` is not changed. */
export function validateEverything(doc: unknown, options: { now?: Date } = {}): FullValidation {
  const result = validateFeed(doc, { now: options.now, maxDiagnostics: Number.POSITIVE_INFINITY, detail });
  const more: Diagnostic[] = [];
  if (!result.ok || !isObject(doc) || !Array.isArray(doc.structures)) return { result, more };
  const raw = doc.structures as unknown[];
  const seen = new Set(result.diagnostics.map((d) => `${d.path}|${d.message}`));
  const envelope = { format: doc.format, publisher: doc.publisher, generatedAt: doc.generatedAt };

  /** Fatal fields per dropped record: `3` for a structure, `3/1` for an offer. */
  const fatal = new Map<string, Set<string>>();
  const note = (d: Diagnostic) => {
    if (d.code !== 'structure-dropped' && d.code !== 'offer-dropped') return;
    const at = recordField(d.path);
    if (!at || !at.field) return;
    if ((d.code === 'offer-dropped') !== (at.o !== undefined)) return;
    const key = at.o === undefined ? `${at.s}` : `${at.s}/${at.o}`;
    let fields = fatal.get(key);
    if (!fields) fatal.set(key, (fields = new Set()));
    fields.add(at.field);
  };
  result.diagnostics.forEach(note);

  const probe = (key: string, fields: Set<string>) => {
    const [s, o] = key.split('/').map(Number) as [number, number | undefined];
    const level = o === undefined ? 'structure' : 'offer';
    const source = level === 'structure' ? raw[s] : (isObject(raw[s]) && Array.isArray(raw[s].offers) ? (raw[s].offers as unknown[])[o!] : undefined);
    if (!isObject(source)) return;
    let record: Record<string, unknown>;
    try {
      record = structuredClone(source);
    } catch {
      return; // nested too deep to copy: the validator already said so
    }
    const prefix = level === 'structure' ? `structures[${s}]` : `structures[${s}].offers[${o}]`;
    const probePrefix = level === 'structure' ? 'structures[0]' : 'structures[0].offers[0]';
    const replaced = new Set<string>();
    for (let round = 0; round < 3 && fields.size; round++) {
      for (const field of fields) {
        replaced.add(field);
        setAt(record, parsePath(field) as string[], field in STAND_INS[level] ? structuredClone(STAND_INS[level][field]) : undefined);
      }
      const structures = level === 'structure' ? [record] : [{ ...SHELL, offers: [record] }];
      const again = validateFeed({ ...envelope, structures }, { now: options.now, maxDiagnostics: Number.POSITIVE_INFINITY, detail });
      if (!again.ok) return;
      fields = new Set();
      for (const d of again.diagnostics) {
        if (PROBE_NOISE.has(d.code) || !d.path.startsWith(probePrefix)) continue;
        const path = prefix + d.path.slice(probePrefix.length);
        const at = recordField(path);
        const own = at && (level === 'structure' ? at.o === undefined : at.o !== undefined);
        // A remark on a stand-in: nothing new.
        if (own && [...replaced].some((f) => at.field === f || at.field.startsWith(`${f}.`))) continue;
        // Another required field found bad once the first ones stood in: probed again next round.
        if (own && at.field && (d.code === 'structure-dropped' || d.code === 'offer-dropped')) fields.add(at.field);
        const key2 = `${path}|${d.message}`;
        if (seen.has(key2)) continue;
        seen.add(key2);
        const moved = { ...d, path };
        more.push(moved);
        // The offers of a structure under probe are judged for the first time: probe theirs too.
        if (level === 'structure' && !own) note(moved);
      }
    }
  };
  // Structures first: their probes reach their offers, whose own drops are probed after.
  for (const [key, fields] of [...fatal].filter(([k]) => !k.includes('/'))) probe(key, fields);
  for (const [key, fields] of [...fatal].filter(([k]) => k.includes('/'))) probe(key, fields);
  return { result, more };
}
