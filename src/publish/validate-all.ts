/**
 * Every problem of a document in one run. The widget's validator stops judging a structure at its
 * first fatal problem: a structure dropped for a bad required field never has its other fields nor
 * its offers checked, so a steward who fixes it finds new errors on the next run (one fix per
 * run). Here each dropped structure is checked again as a probe, its fatal fields replaced by
 * stand-ins, until what is left of it has been judged: every remark on it is collected at once.
 * The feed kept is the validator's, unchanged.
 */
import { detail } from '../feed/validate-detail.js';
import { validateFeed, type Diagnostic, type ValidationResult } from '../feed/validate.js';
import { parsePath } from './problems.js';

/** Stand-ins for required structure fields, valid and neutral. */
const STAND_INS: Record<string, unknown> = {
  id: 'sondage',
  name: 'sondage',
  kind: 'autre',
  address: { postalCode: '75001', city: 'sondage' },
  'address.postalCode': '75001',
  'address.city': 'sondage',
  verifiedAt: '2000-01-01',
};

/** Remarks a probe makes because of its stand-ins, not because of the structure. */
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

/** `structures[3].address.postalCode` → { index: 3, field: 'address.postalCode' } (not for offers). */
function structureField(path: string): { index: number; field: string } | undefined {
  const m = /^structures\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (!m || (m[2] ?? '').startsWith('offers')) return undefined;
  return { index: Number(m[1]), field: (m[2] ?? '').replace(/\[\d+\]$/, '') };
}

export interface FullValidation {
  result: ValidationResult;
  /** The remarks on dropped structures the validator could not reach (paths in the document). */
  more: Diagnostic[];
}

/** validateFeed, plus every remark on the structures it dropped (see the module). `doc` is not changed. */
export function validateEverything(doc: unknown, options: { now?: Date } = {}): FullValidation {
  const result = validateFeed(doc, { now: options.now, maxDiagnostics: Number.POSITIVE_INFINITY, detail });
  const more: Diagnostic[] = [];
  if (!result.ok || !isObject(doc) || !Array.isArray(doc.structures)) return { result, more };
  const raw = doc.structures as unknown[];
  const seen = new Set(result.diagnostics.map((d) => `${d.path}|${d.message}`));

  const fatal = new Map<number, Set<string>>();
  for (const d of result.diagnostics) {
    if (d.code !== 'structure-dropped') continue;
    const at = structureField(d.path);
    if (!at || !at.field || !isObject(raw[at.index])) continue;
    let fields = fatal.get(at.index);
    if (!fields) fatal.set(at.index, (fields = new Set()));
    fields.add(at.field);
  }

  const envelope = { format: doc.format, publisher: doc.publisher, generatedAt: doc.generatedAt };
  for (const [index, first] of fatal) {
    let fields = first;
    let probe: Record<string, unknown>;
    try {
      probe = structuredClone(raw[index]) as Record<string, unknown>;
    } catch {
      continue; // nested too deep to copy: the validator already said so
    }
    const replaced = new Set<string>();
    for (let round = 0; round < 3 && fields.size; round++) {
      for (const field of fields) {
        replaced.add(field);
        if (field in STAND_INS) setAt(probe, parsePath(field) as string[], structuredClone(STAND_INS[field]));
        else setAt(probe, parsePath(field) as string[], undefined);
      }
      const again = validateFeed({ ...envelope, structures: [probe] }, { now: options.now, maxDiagnostics: Number.POSITIVE_INFINITY, detail });
      if (!again.ok) break;
      fields = new Set();
      for (const d of again.diagnostics) {
        if (PROBE_NOISE.has(d.code)) continue;
        const path = d.path.replace(/^structures\[0\]/, `structures[${index}]`);
        const at = structureField(path);
        // A remark on a stand-in, or the stand-in's own fatal field again: nothing new.
        if (at && [...replaced].some((f) => at.field === f || at.field.startsWith(`${f}.`))) continue;
        // Another required field found bad once the first ones stood in: probed again next round.
        if (d.code === 'structure-dropped' && at?.field) fields.add(at.field);
        const key = `${path}|${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        more.push({ ...d, path });
      }
    }
  }
  return { result, more };
}
