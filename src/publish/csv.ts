/**
 * Spreadsheet exports as they really come: `;` (French Excel) or `,`, RFC 4180 quoting (cells
 * with delimiters, line breaks and doubled quotes), UTF-8 with or without BOM, or Windows-1252
 * (Excel's "CSV" on Windows). Rows are numbered as the spreadsheet shows them (header = 1); a cell
 * with line breaks does not shift the numbering. And the way back: a CSV that French Excel opens
 * as it is (UTF-8 with BOM, `;`), every cell neutralised against formula injection.
 */
import { neutraliseFormula, restoreFormula } from './csv-safety.js';
import type { Table } from './table.js';

export type CsvEncoding = 'UTF-8' | 'Windows-1252';

export interface CsvTable extends Table {
  encoding: CsvEncoding;
  delimiter: ';' | ',' | '\t';
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
}

// Windows-1252 bytes 0x80–0x9F (the rest is Latin-1). Node 20's TextDecoder('windows-1252')
// decodes these as C1 controls (Latin-1), which loses ’ € œ – … so the table is spelled out.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  // Latin-1 in one pass, then the 32 differences: a string built byte by byte would be a chain of
  // millions of pieces (memory exhausted on a large file).
  return new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), else Windows-1252. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}

/** The delimiter used most in the header line (outside quotes); `;` wins ties (French Excel). */
export function detectDelimiter(text: string): CsvTable['delimiter'] {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

/**
 * RFC 4180 records. Tolerant: a quote inside an unquoted cell, or after a quoted part, is kept as
 * a character. Cells are cut out of the text in slices, never built character by character (a
 * 100 MB cell would otherwise exhaust the memory).
 */
export function parseRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  /** Index of the delimiter or line break that ends the unquoted text starting at `from`, or n. */
  const cellEnd = (from: number): number => {
    let i = from;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === d || c === 10 || c === 13) break;
    }
    return i;
  };
  let i = 0;
  while (i < n) {
    let cell: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          throw new CsvSyntaxError(`guillemet ouvert ligne ${records.length + 1} et jamais fermé : la fin du fichier a été lue comme une seule cellule`);
        }
        if (text.charCodeAt(q + 1) === 34) {
          parts.push(text.slice(from, q + 1)); // a doubled quote is one quote
          from = q + 2;
          continue;
        }
        parts.push(text.slice(from, q));
        i = q + 1;
        break;
      }
      const end = cellEnd(i);
      parts.push(text.slice(i, end));
      cell = parts.join('');
      i = end;
    } else {
      const end = cellEnd(i);
      cell = text.slice(i, end);
      i = end;
    }
    record.push(cell);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) record.push(''); // a delimiter at the very end: one more, empty cell
      continue;
    }
    records.push(record);
    record = [];
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
  }
  // A last line holding only `""` counts as no line, like a final line break.
  if (record.length > 1 || (record.length === 1 && record[0] !== '')) records.push(record);
  return records;
}

/**
 * A CSV file → its table. Cells that start with a quote before a formula-looking text (written so
 * by writeCsv, see csv-safety.ts) are read without that quote: a round trip gives the value back.
 */
export function parseCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const records = parseRecords(body, delimiter);
  // Cells this tool (or the workbench) neutralised when it wrote the file get their value back.
  const header = (records[0] ?? []).map((h) => restoreFormula(h.trim()));
  const rows: CsvTable['rows'] = [];
  for (let k = 1; k < records.length; k++) {
    const cells = records[k]!.map(restoreFormula);
    if (cells.every((c) => c.trim() === '')) continue;
    rows.push({ row: k + 1, cells });
  }
  return { encoding, delimiter, header, rows };
}

/**
 * A table as CSV text for a spreadsheet: every cell through neutraliseFormula (a formula-looking
 * text stays text), quoted when it holds the delimiter, a quote, a line break or spaces at either
 * end; lines end with CRLF. Prepend a BOM (`\uFEFF`, see csvBytes) so Excel reads UTF-8.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[], delimiter: ';' | ',' = ';'): string {
  const special = new RegExp(`[${delimiter}"\\r\\n]|^\\s|\\s$`);
  const cell = (value: string) => {
    const safe = neutraliseFormula(value);
    return special.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [header, ...rows].map((r) => r.map(cell).join(delimiter));
  return `${lines.join('\r\n')}\r\n`;
}

/** CSV text as the bytes French Excel opens without asking: UTF-8 with a BOM. */
export function csvBytes(text: string): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${text}`);
}
