/**
 * The same place entered twice under two identifiers: same FINESS, same SIRET, or same name in the
 * same commune. Both are kept (only a person can tell a duplicate from two services sharing a
 * building); the second is flagged with the first.
 */
import { fold } from '../util/fold.js';

export interface DuplicateCandidate {
  id: string;
  name?: unknown;
  finess?: unknown;
  siret?: unknown;
  city?: unknown;
  postalCode?: unknown;
}

export interface Duplicate {
  /** Index (in the list given) of the later record, and of the first one it repeats. */
  index: number;
  of: number;
  reason: 'finess' | 'siret' | 'name';
  /** The shared value, as typed in the first record. */
  value: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function findDuplicates(list: readonly DuplicateCandidate[]): Duplicate[] {
  const out: Duplicate[] = [];
  const seen = { finess: new Map<string, number>(), siret: new Map<string, number>(), name: new Map<string, number>() };
  list.forEach((c, index) => {
    const keys: [Duplicate['reason'], string, string][] = [];
    const finess = text(c.finess).replace(/\s/g, '').toUpperCase();
    if (finess) keys.push(['finess', finess, text(c.finess)]);
    const siret = text(c.siret).replace(/\s/g, '');
    if (siret) keys.push(['siret', siret, text(c.siret)]);
    const name = fold(text(c.name));
    const place = fold(text(c.city)) || text(c.postalCode);
    if (name && place) keys.push(['name', `${name}|${place}`, `${text(c.name)} (${text(c.city) || text(c.postalCode)})`]);
    let flagged = false;
    for (const [reason, key, shown] of keys) {
      const first = seen[reason].get(key);
      if (first === undefined) seen[reason].set(key, index);
      else if (!flagged && list[first]!.id !== c.id) {
        out.push({ index, of: first, reason, value: reason === 'name' ? `${text(list[first]!.name)} (${text(list[first]!.city) || text(list[first]!.postalCode)})` : shown });
        flagged = true;
      }
    }
  });
  return out;
}

/** « même FINESS « 330000001 » que … » */
export function duplicateReason(d: Duplicate): string {
  if (d.reason === 'finess') return `même FINESS « ${d.value} »`;
  if (d.reason === 'siret') return `même SIRET « ${d.value} »`;
  return `même nom dans la même commune : ${d.value}`;
}
