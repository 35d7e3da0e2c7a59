/**
 * The zod-backed half of validation, loaded only when a record fails the generated checks:
 * zod's issues become French diagnostics, and bad optional fields are dropped one by one until
 * the record passes (or a required field is bad and the record is dropped). Importing this module
 * registers it with validate.ts.
 */
import type { core } from 'zod/mini';
import { EnvelopeSchema, OfferSchema, StructureShellSchema } from './schema.js';
import { issueMessage, type PathSegment } from './messages.js';
import { CLOSURE_DROPPED, droppablePath, useValidationDetail, type ValidationDetail } from './validate.js';

type Parsed = core.util.SafeParseResult<Record<string, unknown>>;
const parse = (schema: unknown, value: unknown): Parsed => (schema as { safeParse(v: unknown): Parsed }).safeParse(value);

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
