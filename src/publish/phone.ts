/**
 * Phone numbers as stewards' spreadsheets hold them. A French number typed `0556795858`,
 * `05.56.79.58.58` or `05-56-79-58-58` is written `05 56 79 58 58`; one whose leading zero the
 * spreadsheet dropped (it took `0556795858` for a number: `556795858`) is restored and flagged;
 * one buried in a sentence (`05 56 79 58 58 (accueil)`) is pointed out. International numbers
 * (`+33 5 56…`, `+41…`) are kept as typed.
 */

export interface PhoneReading {
  /** The value to put in the feed. */
  value: string;
  /** The cell was 9 digits: a French number whose leading zero was lost; `value` has it back. */
  lostZero?: boolean;
  /** A French number found inside other text, formatted: worth suggesting, not applied. */
  found?: string;
}

const SEPARATORS = /[\s.\-/\u00a0\u202f]/g;
const FRENCH = /(?:^|[^\d+])(0[1-9](?:[\s.\-/\u00a0]?\d{2}){4})(?!\d)/g;

/** `0556795858` → `05 56 79 58 58`. */
export function formatFrenchPhone(tenDigits: string): string {
  return tenDigits.replace(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, '$1 $2 $3 $4 $5');
}

export function readPhone(raw: string): PhoneReading {
  const cell = raw.trim();
  const compact = cell.replace(SEPARATORS, '');
  if (/^0[1-9]\d{8}$/.test(compact)) return { value: formatFrenchPhone(compact) };
  if (/^[1-9]\d{8}$/.test(compact)) return { value: formatFrenchPhone(`0${compact}`), lostZero: true };
  if (!/^[+0-9][0-9 .()-]{3,24}$/.test(cell)) {
    const found = [...cell.matchAll(FRENCH)].map((m) => formatFrenchPhone(m[1]!.replace(SEPARATORS, '')));
    if (found.length === 1) return { value: cell, found: found[0] };
  }
  return { value: cell };
}
