/**
 * Spreadsheet formula injection (OWASP « CSV Injection »): a cell that starts with `=`, `+`, `-`
 * or `@` (or with a tab or a line break, which some spreadsheets skip before reading the rest)
 * is run as a formula when the file is opened: `=HYPERLINK(…)` sends data away, `+cmd|' /C calc'!A0`
 * runs a program on old Excel set-ups. Feeds are JSON, read as text, so from-csv keeps such a value
 * as it is and says so; every spreadsheet written (CSV or .xlsx, by the CLI or the workbench)
 * passes its cells through neutraliseFormula(), and reading a sheet undoes it (restoreFormula), so
 * a value survives a round trip unchanged.
 *
 * Plain numbers (`-0,58`, `+12`, `-1 234,5`) and phone numbers (`+33 5 56 79 58 58`) legitimately
 * start with `+` or `-` and run nothing: they are left alone, so a longitude stays a number and a
 * phone shows without a stray quote. `-2+3` is not a plain number: it is a formula.
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n']);

// Digits grouped by spaces (ordinary, no-break, narrow no-break) or not, a decimal point or comma, an exponent.
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)?(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;
// An international phone number: + then digits, spaces, dots, hyphens and brackets only, 6 digits at least.
const PHONE = /^\+[0-9][0-9 .()\u00a0-]{4,24}$/;

/** True when a spreadsheet would read `cell` as a formula (and it is not a plain number or phone). */
export function looksLikeFormula(cell: string): boolean {
  if (!cell || !TRIGGERS.has(cell[0]!)) return false;
  if (/\d/.test(cell) && PLAIN_NUMBER.test(cell)) return false;
  if (PHONE.test(cell) && (cell.match(/\d/g)?.length ?? 0) >= 6) return false;
  return true;
}

/** `'…'=x` (any number of leading quotes before a formula-looking text): what neutraliseFormula quotes once more. */
const quotedFormula = (cell: string): boolean => {
  let i = 0;
  while (cell.charCodeAt(i) === 39 /* ' */) i++;
  return looksLikeFormula(cell.slice(i));
};

/**
 * A cell value safe to write into a spreadsheet: a leading single quote makes a formula-looking
 * text read as text (OWASP's advice). A text that already starts with quotes before a formula gets
 * one more, so restoreFormula gives back exactly the value. Apply before CSV quoting; other values
 * are returned unchanged.
 */
export function neutraliseFormula(cell: string): string {
  return quotedFormula(cell) ? `'${cell}` : cell;
}

/** The value neutraliseFormula was given: one leading quote removed before a formula-looking text. */
export function restoreFormula(cell: string): string {
  return cell.charCodeAt(0) === 39 && quotedFormula(cell.slice(1)) ? cell.slice(1) : cell;
}

/** The character that made `cell` look like a formula, named for a French message. */
export function formulaTrigger(cell: string): string {
  const first = cell[0];
  if (first === '\t') return 'une tabulation';
  if (first === '\r' || first === '\n') return 'un saut de ligne';
  return `« ${first} »`;
}
