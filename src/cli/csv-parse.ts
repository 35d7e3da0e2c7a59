/**
 * Spreadsheet exports as they really come: `;` (French Excel) or `,`, RFC 4180 quoting (cells
 * with delimiters, line breaks and doubled quotes), UTF-8 with or without BOM, or Windows-1252
 * (Excel's "CSV" on Windows). Rows are numbered as the spreadsheet shows them (header = 1).
 */

export type CsvEncoding = 'UTF-8' | 'Windows-1252';

export interface CsvRow {
  /** Spreadsheet row number (header row = 1). A cell with line breaks does not shift it. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  encoding: CsvEncoding;
  delimiter: ';' | ',' | '\t';
  header: string[];
  /** Data rows; rows whose cells are all empty are left out (but still counted in numbering). */
  rows: CsvRow[];
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
}

// Windows-1252 bytes 0x80–0x9F (the rest is Latin-1). Node 20's TextDecoder('windows-1252')
// decodes these as C1 controls (Latin-1), which loses ’ € œ – … so the table is spelled out.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
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

/** RFC 4180 records. Tolerant: a quote inside an unquoted cell is kept as a character. */
export function parseRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let i = 0;
  let quotedFrom = -1; // offset where the open quoted cell started, for the error message
  const n = text.length;
  const endCell = () => { record.push(cell); cell = ''; };
  const endRecord = () => { endCell(); records.push(record); record = []; };
  while (i < n) {
    const ch = text[i]!;
    if (quotedFrom >= 0) {
      if (ch === '"') {
        if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
        quotedFrom = -1;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') { quotedFrom = i; i++; continue; }
    if (ch === delimiter) { endCell(); i++; continue; }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += ch;
    i++;
  }
  if (quotedFrom >= 0) {
    const row = records.length + 1;
    throw new CsvSyntaxError(`guillemet ouvert ligne ${row} et jamais fermé : la fin du fichier a été lue comme une seule cellule`);
  }
  if (cell !== '' || record.length) endRecord();
  return records;
}

export function parseCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const records = parseRecords(body, delimiter);
  const header = (records[0] ?? []).map((h) => h.trim());
  const rows: CsvRow[] = [];
  for (let k = 1; k < records.length; k++) {
    const cells = records[k]!;
    if (cells.every((c) => c.trim() === '')) continue;
    rows.push({ row: k + 1, cells });
  }
  return { encoding, delimiter, header, rows };
}
