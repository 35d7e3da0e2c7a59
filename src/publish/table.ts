/**
 * The working spreadsheet as data: a header and rows of text cells, whatever it was read from
 * (CSV, .xlsx) or is written to. Row numbers are the ones the spreadsheet shows (header = 1), so
 * every message and suggestion can point at a cell the steward can find.
 */

export interface TableRow {
  /** Spreadsheet row number (header row = 1). */
  row: number;
  cells: string[];
}

export interface Table {
  header: string[];
  /** Data rows; rows whose cells are all empty are left out (but still counted in numbering). */
  rows: TableRow[];
}

/** Where a table came from, for the report's first lines. */
export type TableSource =
  | { kind: 'csv'; encoding: 'UTF-8' | 'Windows-1252'; delimiter: ';' | ',' | '\t' }
  | { kind: 'xlsx'; sheet: string };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * One spreadsheet value (as read from an .xlsx file) as the text of a cell: numbers in full
 * (`44.8378`, `556000000`), booleans as « oui » / « non », dates as `AAAA-MM-JJ` (with the time
 * when there is one), empty for nothing.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const h = value.getUTCHours(), m = value.getUTCMinutes();
    return h || m ? `${day} ${pad(h)}:${pad(m)}` : day;
  }
  return String(value);
}

/** Rows of values (the first one the header) → a Table; empty rows are skipped but keep their number. */
export function rowsToTable(rows: readonly (readonly unknown[])[]): Table {
  const header = (rows[0] ?? []).map((h) => cellText(h).trim());
  const out: TableRow[] = [];
  for (let k = 1; k < rows.length; k++) {
    const cells = (rows[k] ?? []).map(cellText);
    if (cells.every((c) => c.trim() === '')) continue;
    out.push({ row: k + 1, cells });
  }
  return { header, rows: out };
}
