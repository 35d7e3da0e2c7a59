/**
 * `openingHours` values the widget's reader cannot read (FEED-SPEC 1.1: kept, shown as text, no
 * « Ouvert aujourd’hui »), as warnings with their path in the document. The CLI's own pass over
 * the raw document: the reader is a chunk the widget loads only to show hours, so the validator
 * every page runs does not carry it.
 */
import { hoursProblem } from '../hours/problem.js';
import { quote } from '../feed/messages.js';
import type { Diagnostic } from '../feed/validate.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function hoursDiagnostics(doc: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (value: unknown, path: string) => {
    if (typeof value !== 'string') return; // the validator reports a wrong type
    const why = hoursProblem(value);
    if (why) out.push({ severity: 'warning', code: 'hours-unreadable', path, message: `horaires illisibles ${quote(value)} : ${why} : texte gardé, montré tel quel, sans « Ouvert aujourd’hui »` });
  };
  const structures = isRecord(doc) && Array.isArray(doc.structures) ? doc.structures : [];
  structures.forEach((s: unknown, i) => {
    if (!isRecord(s)) return;
    check(s.openingHours, `structures[${i}].openingHours`);
    if (Array.isArray(s.offers)) s.offers.forEach((o: unknown, j) => isRecord(o) && check(o.openingHours, `structures[${i}].offers[${j}].openingHours`));
  });
  return out;
}
