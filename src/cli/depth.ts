/**
 * A bounded-depth pass over a parsed feed, run by the CLI before validation. The feed code walks
 * values recursively (cleaning strings, quoting values in messages): a value nested thousands of
 * levels deep (`[[[[…]]]]` in a description) exhausts the stack there. JSON.parse itself copes,
 * so this pass, without recursion, removes each field (or record) that nests deeper than
 * MAX_NESTING and says where, so the validator only ever sees shallow values and the rest of the
 * feed is checked as usual.
 *
 * A sos-feed/1 value nests at most 2 levels below a record's field (`serviceArea.communes`); the
 * limit leaves room for fields of future versions.
 */
import { formatPath, type PathSegment } from '../feed/messages.js';

/** Levels of lists or objects accepted inside one field's value. */
export const MAX_NESTING = 32;

export interface DepthCut {
  path: PathSegment[];
  /** `field`: the key was removed from its object. `structure`/`offer`: the record was replaced by null (dropped by the validator). */
  level: 'field' | 'structure' | 'offer';
}

const isContainer = (v: unknown): v is object => v !== null && typeof v === 'object';
const isRecord = (v: unknown): v is Record<string, unknown> => isContainer(v) && !Array.isArray(v);

/** True when `value` holds lists or objects nested more than `max` levels (itself counted), found without recursion. */
export function nestsDeeper(value: unknown, max: number): boolean {
  if (!isContainer(value)) return false;
  const stack: [object, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return true;
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) if (isContainer(child)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Cuts, in place, what nests too deep in `doc`: a field of the envelope, of `publisher`, of a
 * structure or of an offer is deleted; a structure or an offer that is itself too deep (a list of
 * lists where an object belongs) is replaced by null, so the indices of the others do not move.
 * Returns the (possibly replaced) document and the cuts, in document order.
 */
export function cutDeepValues(doc: unknown, max = MAX_NESTING): { doc: unknown; cuts: DepthCut[] } {
  const cuts: DepthCut[] = [];
  if (!isRecord(doc)) {
    // Not a feed at all: the validator says so, quoting the value, which must stay shallow.
    return nestsDeeper(doc, max) ? { doc: [], cuts: [{ path: [], level: 'field' }] } : { doc, cuts };
  }
  const fields = (object: Record<string, unknown>, path: PathSegment[], skip?: string) => {
    for (const key of Object.keys(object)) {
      if (key === skip) continue;
      if (nestsDeeper(object[key], max)) {
        delete object[key];
        cuts.push({ path: [...path, key], level: 'field' });
      }
    }
  };
  const records = (list: unknown[], path: PathSegment[], level: 'structure' | 'offer', inside: (r: Record<string, unknown>, p: PathSegment[]) => void) => {
    for (let i = 0; i < list.length; i++) {
      const record = list[i];
      if (isRecord(record)) inside(record, [...path, i]);
      else if (nestsDeeper(record, max)) {
        list[i] = null;
        cuts.push({ path: [...path, i], level });
      }
    }
  };
  const offer = (o: Record<string, unknown>, path: PathSegment[]) => fields(o, path);
  const structure = (s: Record<string, unknown>, path: PathSegment[]) => {
    if (Array.isArray(s.offers)) {
      fields(s, path, 'offers');
      records(s.offers, [...path, 'offers'], 'offer', offer);
    } else fields(s, path);
  };
  for (const key of Object.keys(doc)) {
    const value = doc[key];
    if (key === 'structures' && Array.isArray(value)) records(value, ['structures'], 'structure', structure);
    else if (key === 'publisher' && isRecord(value)) fields(value, ['publisher']);
    else if (nestsDeeper(value, max)) {
      delete doc[key];
      cuts.push({ path: [key], level: 'field' });
    }
  }
  return { doc, cuts };
}

/** The French sentence for a cut, after its JSON path. */
export function cutMessage(cut: DepthCut, max = MAX_NESTING): string {
  const what = `valeur imbriquée sur plus de ${max} niveaux (listes ou objets les uns dans les autres)`;
  if (cut.level === 'structure') return `${what} : structure ignorée`;
  if (cut.level === 'offer') return `${what} : offre ignorée`;
  return cut.path.length ? `${what} : champ ignoré` : `${what} : document ignoré`;
}

export const cutPath = (cut: DepthCut): string => formatPath(cut.path);
