/**
 * What the steward opens, recognised from its bytes (not only its name): a feed (JSON), an .xlsx
 * workbook (a zip), or a CSV export (UTF-8 or Windows-1252, `;` or `,`). Everything is read in
 * the page; only the published feed's URL is fetched, from wherever it is published.
 */
import { CsvSyntaxError, parseCsv } from '../../publish/csv.js';
import type { Table } from '../../publish/table.js';
import { columnForHeader } from '../../publish/columns.js';
import { firstChar, isOldWorkbook, isWorkbook } from '../../publish/file-kind.js';
import type { OpenStrings, Source } from './sos-editeur.strings.js';

export type Opened =
  | { kind: 'table'; name: string; table: Table; detail: Exclude<Source, { format: 'feed' }> }
  | { kind: 'feed'; name: string; doc: unknown; bytes: number };

/** A sentence for the steward (in the workbench's language), saying what is wrong with the file and what to do. */
export class OpenError extends Error {
  override readonly name = 'OpenError';
}

/** Largest file the workbench reads (a national feed is ≈ 15 MB). */
export const MAX_BYTES = 100 * 1024 * 1024;

/** Reads bytes named `name` (a file name or a URL) into a table or a feed document; `say` words the errors. */
export async function openBytes(bytes: Uint8Array, name: string, say: OpenStrings): Promise<Opened> {
  if (bytes.length === 0) throw new OpenError(say.empty(name));
  if (isOldWorkbook(bytes)) throw new OpenError(say.xls(name));
  if (isWorkbook(bytes)) {
    if (/\.ods$/i.test(name)) throw new OpenError(say.ods(name));
    // The core's reader, loaded with read-excel-file on first use (a chunk a CSV never downloads).
    const { readXlsx, WorkbookError } = await import('../../publish/xlsx.js');
    try {
      const { table, sheet } = await readXlsx(bytes, (header) => header.some((h) => columnForHeader(h)?.column.name === 'structure_id'));
      return { kind: 'table', name, table, detail: { format: 'xlsx', sheet } };
    } catch (e) {
      if (e instanceof WorkbookError) throw new OpenError(say.workbook(name, e.message));
      throw e;
    }
  }
  if (firstChar(bytes) === '{' || /\.json$/i.test(name)) {
    const text = new TextDecoder('utf-8').decode(bytes);
    try {
      return { kind: 'feed', name, doc: JSON.parse(text), bytes: bytes.length };
    } catch (e) {
      throw new OpenError(say.notJson(name, (e as Error).message));
    }
  }
  try {
    const csv = parseCsv(bytes);
    if (!csv.header.some(Boolean)) throw new OpenError(say.noHeader(name));
    const { encoding, delimiter, header, rows } = csv;
    return { kind: 'table', name, table: { header, rows }, detail: { format: 'csv', encoding, delimiter } };
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new OpenError(say.csvSyntax(name, e.message));
    throw e;
  }
}

export async function openFile(file: File, say: OpenStrings): Promise<Opened> {
  if (file.size > MAX_BYTES) throw new OpenError(say.tooLarge(file.name, Math.round(file.size / 1048576), MAX_BYTES / 1048576));
  return openBytes(new Uint8Array(await file.arrayBuffer()), file.name, say);
}

/** The published feed, fetched from its URL (http or https only). */
export async function openUrl(url: string, say: OpenStrings, signal?: AbortSignal): Promise<Opened> {
  let u: URL;
  try {
    u = new URL(url, document.baseURI);
  } catch {
    throw new OpenError(say.notWebAddress(url));
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new OpenError(say.onlyHttp(url));
  let res: Response;
  try {
    res = await fetch(u.href, { signal, cache: 'no-cache' });
  } catch {
    throw new OpenError(say.unreachable(u.href));
  }
  if (!res.ok) throw new OpenError(say.httpStatus(u.href, res.status, res.statusText));
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_BYTES) throw new OpenError(say.feedTooLarge(u.href, MAX_BYTES / 1048576));
  return openBytes(bytes, u.href, say);
}
