/**
 * What the commands read: a spreadsheet (CSV or .xlsx, told apart by their bytes) or a feed (a
 * file or a URL), turned into data by the shared core (src/publish). Every failure is a French
 * sentence naming the file (InputError), never a trace.
 */
import { FeedLoadError } from '../feed/errors.js';
import { parseFeedText } from '../feed/parse.js';
import type { Feed } from '../feed/schema.js';
import { CsvSyntaxError, parseCsv } from '../publish/csv.js';
import { checkFeed, type FeedCheck } from '../publish/feed-check.js';
import type { PrivateInfo } from '../publish/columns.js';
import type { Problem } from '../publish/problems.js';
import { tableToFeed, type SheetResult } from '../publish/sheet.js';
import type { Table, TableSource } from '../publish/table.js';
import { readXlsx, WorkbookError } from '../publish/xlsx.js';
import { columnForHeader } from '../publish/columns.js';
import { firstChar, isOldWorkbook, isWorkbook } from '../publish/file-kind.js';
import { cutDeepValues, cutMessage, cutPath } from './depth.js';
import { hoursDiagnostics } from './hours-check.js';
import { decodeUtf8, isUrl, readSource, SourceError, type Source } from './read-source.js';

/** An input that cannot be used; `message` is French and names the file. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** A feed (JSON) rather than a spreadsheet: by its name, else by its first character. */
export function looksLikeFeed(name: string, bytes: Uint8Array): boolean {
  if (/\.json$/i.test(name)) return true;
  if (/\.(csv|txt|xlsx)$/i.test(name) || isWorkbook(bytes)) return false;
  return firstChar(bytes) === '{' || isUrl(name);
}

export async function read(spec: string, maxBytes: number): Promise<Source> {
  try {
    return await readSource(spec, { maxBytes });
  } catch (e) {
    if (e instanceof SourceError) throw new InputError(e.message, { cause: e });
    throw e;
  }
}

/** A spreadsheet's bytes → its table, or an InputError. */
export async function sheetTable(src: Source): Promise<{ table: Table; source: TableSource }> {
  if (isOldWorkbook(src.bytes)) throw new InputError(`${src.name} est un classeur Excel 97-2003 (.xls) : enregistrez-le au format « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) »`);
  if (isWorkbook(src.bytes)) {
    try {
      const { table, sheet } = await readXlsx(src.bytes, (header) => header.some((h) => columnForHeader(h)?.column.name === 'structure_id'));
      return { table, source: { kind: 'xlsx', sheet } };
    } catch (e) {
      if (e instanceof WorkbookError) throw new InputError(`${src.name} : ${e.message}`, { cause: e });
      throw e;
    }
  }
  try {
    const { encoding, delimiter, header, rows } = parseCsv(src.bytes);
    return { table: { header, rows }, source: { kind: 'csv', encoding, delimiter } };
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new InputError(`${src.name} : ${e.message}`, { cause: e });
    throw e;
  }
}

/** « UTF-8, séparateur « ; » » or « classeur Excel, feuille « Annuaire » ». */
export function describeSource(source: TableSource): string {
  if (source.kind === 'xlsx') return `classeur Excel (.xlsx), feuille « ${source.sheet} »`;
  return `${source.encoding}, séparateur ${source.delimiter === '\t' ? 'tabulation' : `« ${source.delimiter} »`}`;
}

export interface LoadedFeed {
  doc: unknown;
  check: FeedCheck;
  /** Problems found before validation (values nested too deep), with their path. */
  cuts: Problem[];
}

/** A feed's bytes → the document and its check, or an InputError (not JSON, wrong format, bad envelope). */
export function feedDocument(src: Source, now?: Date): LoadedFeed {
  const text = decodeUtf8(src.bytes) ?? new TextDecoder('utf-8').decode(src.bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    try {
      parseFeedText(text, src.name);
    } catch (e) {
      if (e instanceof FeedLoadError) throw new InputError(e.detail, { cause: e });
      throw e;
    }
  }
  const { doc, cuts } = cutDeepValues(parsed);
  const check = checkFeed(doc, { now, extraChecks: hoursDiagnostics });
  if (!check.result.ok) throw new InputError(`${src.name} : ${check.result.message} (sos-feed validate ${src.name} détaille le problème)`);
  return {
    doc, check,
    cuts: cuts.map((c) => ({ severity: c.level === 'field' ? 'warning' : 'error', code: 'too-deep', path: cutPath(c), message: cutMessage(c) })),
  };
}

/** A directory as the commands use it, from a feed or a spreadsheet. */
export interface Directory {
  kind: 'feed' | 'sheet';
  name: string;
  feed: Feed;
  /** The raw feed document (feeds only), to write back what the validator would drop. */
  doc?: unknown;
  private: Map<string, PrivateInfo>;
  problems: Problem[];
  /** Spreadsheets only. */
  sheet?: SheetResult;
  source?: TableSource;
}

/** Placeholder envelope for a spreadsheet read without --publisher-… options (diff, campaign). */
const SHEET_PUBLISHER = { id: 'tableur', name: 'Tableur' };

export async function loadDirectory(spec: string, options: { maxBytes: number; now?: Date; publisher?: Record<string, unknown> }): Promise<Directory> {
  const src = await read(spec, options.maxBytes);
  if (looksLikeFeed(spec, src.bytes)) {
    const { doc, check, cuts } = feedDocument(src, options.now);
    return { kind: 'feed', name: spec, feed: check.feed!, doc, private: new Map(), problems: [...cuts, ...check.problems] };
  }
  const { table, source } = await sheetTable(src);
  const sheet = tableToFeed(table, {
    publisher: options.publisher ?? SHEET_PUBLISHER, generatedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    now: options.now, extraChecks: hoursDiagnostics,
  });
  if (!sheet.feed) throw new InputError(`${spec} : ${sheet.fatal}`);
  return { kind: 'sheet', name: spec, feed: sheet.feed, private: sheet.private, problems: sheet.problems, sheet, source };
}
