/**
 * The working spreadsheet as an Excel workbook (.xlsx), read with `read-excel-file` and written
 * with `write-excel-file`, both through their « universal » entry points (no Node module, no DOM:
 * the same code runs in the CLI and in the publisher's workbench). Both libraries are imported on
 * first use only: a page that never opens a workbook never downloads them.
 *
 * Written cells are text (a formula is never written: every text passes through neutraliseFormula
 * all the same, for the spreadsheets that re-evaluate what they import), except the columns named
 * numeric, written as numbers so that a French Excel sorts and sums them. Read cells are restored
 * (restoreFormula): what was written is what is read back.
 */
import { neutraliseFormula, restoreFormula } from './csv-safety.js';
import { rowsToTable, type Table } from './table.js';
import type { SheetData } from 'write-excel-file/universal';

/** Why a workbook could not be read, in French. */
export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
}

const WHY: Record<string, string> = {
  XLS_FILE_NOT_SUPPORTED: 'c’est un classeur Excel 97-2003 (.xls) : enregistrez-le au format « Classeur Excel (.xlsx) » ou en CSV',
  FILE_NOT_SUPPORTED: 'ce n’est pas un classeur .xlsx',
  INVALID_ZIP: 'le classeur est abîmé (archive .xlsx illisible)',
  NO_DATA: 'le classeur est vide',
};

/** The bytes as an ArrayBuffer of their own (a Uint8Array may be a window on a larger buffer). */
const own = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

/**
 * An .xlsx file → its table: the first sheet whose header names a structure_id column (« Annuaire »
 * when written here), else the first sheet. Empty rows are skipped but keep their number.
 */
export async function readXlsx(bytes: Uint8Array, isHeader: (header: readonly string[]) => boolean = () => true): Promise<{ table: Table; sheet: string }> {
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(own(bytes))) as unknown as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new WorkbookError(code && WHY[code] ? WHY[code] : `classeur illisible (${(e as Error).message})`, { cause: e });
  }
  if (!sheets.length) throw new WorkbookError(WHY.NO_DATA!);
  const chosen = sheets.find((s) => isHeader((s.data[0] ?? []).map((v) => String(v ?? '')))) ?? sheets[0]!;
  const table = rowsToTable(chosen.data);
  table.header = table.header.map(restoreFormula);
  for (const r of table.rows) r.cells = r.cells.map(restoreFormula);
  return { table, sheet: chosen.sheet };
}

export interface WriteXlsxOptions {
  /** The sheet's name (31 characters at most in Excel). */
  sheet?: string;
  /** Headers of the columns written as numbers when a cell reads as one (`44,8378`). */
  numeric?: readonly string[];
}

/** A table → .xlsx bytes: a bold, frozen header row, text cells neutralised, numbers where asked. */
export async function writeXlsx(table: Table, options: WriteXlsxOptions = {}): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const numeric = new Set(options.numeric ?? []);
  const isNumber = table.header.map((h) => numeric.has(h));
  const text = (value: string) => ({ value: neutraliseFormula(value), type: String });
  const data = [
    table.header.map((h) => ({ ...text(h), fontWeight: 'bold' as const })),
    ...table.rows.map((r) => table.header.map((_, k) => {
      const cell = r.cells[k] ?? '';
      if (!cell) return null;
      if (isNumber[k]) {
        const n = Number(cell.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
        if (Number.isFinite(n) && /\d/.test(cell)) return { value: n, type: Number };
      }
      return text(cell);
    })),
  ];
  const widths = table.header.map((h, k) => ({ width: Math.min(60, Math.max(10, h.length + 2, ...table.rows.slice(0, 200).map((r) => Math.min(60, (r.cells[k] ?? '').length + 1)))) }));
  const blob = await writeXlsxFile(data as SheetData, { sheet: (options.sheet ?? 'Annuaire').slice(0, 31), columns: widths, stickyRowsCount: 1 }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
