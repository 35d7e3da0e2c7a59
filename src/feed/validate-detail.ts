/**
 * The zod-backed half of validation, loaded only when a record fails the generated checks:
 * zod's issues become French diagnostics, and bad optional fields are dropped one by one until
 * the record passes (or a required field is bad and the record is dropped). Importing this module
 * registers it with validate.ts.
 */
import type { core } from 'zod/mini';
import { EnvelopeSchema, OfferSchema, StructureShellSchema } from './schema.js';
import { issueMessage } from './issue-messages.js';
import type { PathSegment } from './messages.js';
import { CLOSURE_DROPPED, useValidationDetail, type ValidationDetail } from './validate.js';

type Parsed = core.util.SafeParseResult<Record<string, unknown>>;
const parse = (schema: unknown, value: unknown): Parsed => (schema as { safeParse(v: unknown): Parsed }).safeParse(value);

/** Optional fields whose bad value is dropped alone (the record stays). Path → what to delete. */
function droppablePath(path: readonly PathSegment[], level: 'structure' | 'offer'): PathSegment[] | undefined {
  const [head, second] = path;
  if (head === 'contact') return second === undefined ? ['contact'] : ['contact', second];
  if (level === 'structure') {
    if (['location', 'department', 'finess', 'siret', 'description', 'hours', 'openingHours'].includes(String(head))) return [head!];
    // A bad acceslibre link goes alone: the wheelchair flag beside it stays.
    if (head === 'accessibility') return second === undefined ? [head] : [head, second];
    if (head === 'address' && (second === 'line' || second === 'insee')) return ['address', second];
    // A bad date drops the whole closure (half a closure would say something else), a bad note only
    // the note. The structure stays listed either way.
    if (head === 'closure') return second === 'note' ? [head, second] : [head];
    if (head === 'languages') return typeof second === 'number' ? [head, second] : [head];
    return undefined;
  }
  if (['label', 'referral', 'cost', 'costNote', 'nonConventional', 'description', 'schedule', 'openingHours', 'bookingUrl'].includes(String(head))) return [head!];
  // A bad code in a service area's lists goes alone; anything else bad in it drops that part (a
  // list left empty, a bad radius) or the whole area (not an object). Readers then fall back to the
  // default area (the structure's département, the publisher's region).
  if (head === 'serviceArea') {
    if (second === 'departments' || second === 'communes') return typeof path[2] === 'number' ? [head, second, path[2]] : [head, second];
    return second === 'radiusKm' ? [head, second] : [head];
  }
  if (['subcares', 'ages', 'phases', 'access', 'pathways', 'howTo'].includes(String(head))) return typeof second === 'number' ? [head!, second] : [head!];
  // One bad code in a required list goes; the list itself must not end up empty.
  if ((head === 'audiences' || head === 'settings') && typeof second === 'number') return [head, second];
  return undefined;
}

function deletePath(target: Record<PathSegment, unknown>, path: PathSegment[]): void {
  let node: unknown = target;
  for (const seg of path.slice(0, -1)) node = (node as Record<PathSegment, unknown>)?.[seg];
  if (node === null || typeof node !== 'object') return;
  const last = path[path.length - 1]!;
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1, undefined);
  else delete (node as Record<PathSegment, unknown>)[last];
}

/** Removes the `undefined` holes left by deletePath in arrays (deleting by index would shift later issues). */
function compactArrays(value: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(value)) {
    if (Array.isArray(v)) value[k] = v.filter((x) => x !== undefined);
    else if (v && typeof v === 'object') compactArrays(v as Record<string, unknown>);
  }
}

export const detail: ValidationDetail = {
  salvage(level, value, path, report, dropWord) {
    const schema = level === 'offer' ? OfferSchema : StructureShellSchema;
    const dropCode = level === 'offer' ? 'offer-dropped' : 'structure-dropped';
    for (let attempt = 0; attempt < 8; attempt++) {
      const result = parse(schema, value);
      if (result.success) return result.data;
      const issues = result.error.issues;
      const fatal = issues.filter((i) => !droppablePath(i.path as PathSegment[], level));
      if (fatal.length) {
        for (const i of fatal) report.add('error', dropCode, [...path, ...(i.path as PathSegment[])], `${issueMessage(i, value)} : ${dropWord} ignorée`);
        return undefined;
      }
      for (const i of issues) {
        const drop = droppablePath(i.path as PathSegment[], level)!;
        // A closure goes whole for a bad date: say so, rather than "champ ignoré" on `closure.from`.
        const outcome = drop.length === 1 && drop[0] === 'closure' && level === 'structure' ? CLOSURE_DROPPED : 'champ ignoré';
        report.add('warning', 'field-dropped', [...path, ...(i.path as PathSegment[])], `${issueMessage(i, value)} : ${outcome}`);
        deletePath(value, drop);
      }
      compactArrays(value);
    }
    return undefined;
  },
  envelopeIssues(envelope) {
    const result = parse(EnvelopeSchema, envelope);
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path as PathSegment[], message: issueMessage(i, envelope) }));
  },
  parseEnvelope(envelope) {
    const result = parse(EnvelopeSchema, envelope);
    return result.success ? (result.data as ReturnType<ValidationDetail['parseEnvelope']>) : undefined;
  },
};

useValidationDetail(detail);
