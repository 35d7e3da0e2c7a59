/**
 * The workbench's model: the working table (what the steward opened, as text cells), checked as a
 * whole after every change. The conversion and the checks are the shared core's (src/publish),
 * the same the `sos-feed` CLI runs: the workbench only shows them.
 */
import type { Feed } from '../../feed/schema.js';
import { columnByName, type PrivateInfo } from '../../publish/columns.js';
import type { Problem } from '../../publish/problems.js';
import { blankTable, feedToTable, tableToFeed } from '../../publish/sheet.js';
import type { Table } from '../../publish/table.js';
import { CORE_OPTION_FIELDS, type Source } from './sos-editeur.strings.js';

export interface Work {
  /** File name or URL. */
  name: string;
  /** Opened from a table (CSV, .xlsx, the template) or from a feed (turned into a table). */
  origin: 'table' | 'feed';
  table: Table;
  /** What it was opened from (CSV and its encoding, a workbook's sheet…), for the summary line. */
  source: Source;
  /** For a feed: the JSON path of each row's record (`structures[3].offers[1]`), to point at the feed. */
  paths?: Map<number, { structure: string; offer?: string }>;
}

export interface Checked {
  /** The feed the table gives (valid structures only); absent when the file cannot become one. */
  feed?: Feed;
  problems: Problem[];
  /** Why the file cannot become a feed at all (missing required columns…). */
  fatal?: string;
  /** The référents and reminder dates, by structure id (never in the feed). */
  private: Map<string, PrivateInfo>;
  /** Structures the file holds, valid or not: what the feed is compared with when no published feed is open. */
  total?: number;
}

/** Stands for the publisher while checking a spreadsheet whose publisher is not set yet. */
export const PLACEHOLDER_PUBLISHER = { id: 'dsrc', name: 'DSRC' };

export function counts(c: Checked): { structures: number; offers: number; errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const p of c.problems) p.severity === 'error' ? errors++ : warnings++;
  const structures = c.feed?.structures.length ?? 0;
  let offers = 0;
  for (const s of c.feed?.structures ?? []) offers += s.offers.length;
  return { structures, offers, errors, warnings };
}

/** The blank template: every column of the working spreadsheet, no row. */
export const emptyTemplate = (): Table => blankTable();

/** The table checked: the feed it gives and every problem, with JSON paths when it came from a feed. */
export function checkWork(work: Work, day: string, publisher: Record<string, unknown> = PLACEHOLDER_PUBLISHER): Checked {
  if (!work.table.rows.length && work.table.header.length) return { problems: [], private: new Map() };
  const now = new Date(`${day}T12:00:00Z`);
  const r = tableToFeed(work.table, { publisher, generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), now });
  const problems = work.paths ? r.problems.map((p) => withPath(p, work)) : r.problems;
  return { feed: r.feed, problems, ...(r.fatal ? { fatal: fieldNames(r.fatal) } : {}), private: r.private, total: r.structures.total };
}

/** The core's French message, with the CLI's options named as the fields of « Publier ». */
const fieldNames = (message: string): string => message.replace(/option --([a-z-]+)/g, (all, name: string) => CORE_OPTION_FIELDS[name] ?? all);

/** A problem of a table made from a feed, with the JSON path of the value in that feed. */
function withPath(p: Problem, work: Work): Problem {
  if (p.row === undefined || p.path) return p;
  const at = work.paths!.get(p.row);
  if (!at) return p;
  const name = p.column ? work.table.header.find((h) => h === p.column) : undefined;
  const column = name ? columnByName.get(name) : undefined;
  const base = column?.level === 'offer' && at.offer ? at.offer : at.structure;
  return { ...p, path: column && column.level !== 'private' ? `${base}.${column.path.join('.')}` : base };
}

/** A feed document opened as the working table (nothing lost: invalid values are kept as text). */
export function feedToWork(doc: unknown, name: string): Work {
  const structures = doc && typeof doc === 'object' && Array.isArray((doc as { structures?: unknown }).structures)
    ? (doc as { structures: unknown[] }).structures
    : [];
  const table = feedToTable({ structures });
  // feedToTable writes one row per offer (one for a structure without offers), in order.
  const paths = new Map<number, { structure: string; offer?: string }>();
  let row = 2;
  structures.forEach((s, i) => {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) return;
    const offers = (s as { offers?: unknown }).offers;
    const n = Array.isArray(offers) && offers.length ? offers.length : 1;
    for (let j = 0; j < n; j++) paths.set(row++, { structure: `structures[${i}]`, ...(Array.isArray(offers) && offers.length ? { offer: `structures[${i}].offers[${j}]` } : {}) });
  });
  return { name, origin: 'feed', table, source: { format: 'feed' }, paths };
}

/** The envelope's publisher of a feed document, when it has one. */
export function publisherOf(doc: unknown): Record<string, unknown> | undefined {
  const p = doc && typeof doc === 'object' ? (doc as { publisher?: unknown }).publisher : undefined;
  return p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : undefined;
}
