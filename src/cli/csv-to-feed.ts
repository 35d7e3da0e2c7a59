/**
 * A spreadsheet (one row per offer, structure columns repeated) → a `sos-feed/1` document.
 *
 * The rows are assembled into a draft feed, then judged by the widget's own validator; its
 * diagnostics (JSON paths) are mapped back to spreadsheet rows and columns. A row whose offer is
 * rejected is skipped, a structure rejected takes its rows with it, the rest is kept. The output
 * is the validator's cleaned result, so it validates without field-level warnings.
 */
import { FORMAT } from '../feed/constants.js';
import type { Feed, FeedStructure, Publisher } from '../feed/schema.js';
import { quote } from '../feed/messages.js';
import { CLOSURE_DROPPED, validateFeed, type Diagnostic } from '../feed/validate.js';
import { hoursDiagnostics } from './hours-check.js';
import { COLUMNS, convertCell, headerKey, type Column, type Level } from './csv-columns.js';
import { CsvSyntaxError, parseCsv, type CsvTable } from './csv-parse.js';
import { formulaTrigger, looksLikeFormula } from './csv-safety.js';
import type { ExitCode, ReportItem } from './report.js';

export interface CsvToFeedOptions {
  publisher: Record<string, unknown>;
  generatedAt: string;
  now?: Date;
}

export interface CsvConversion {
  exitCode: ExitCode;
  /** Absent when the file is unusable (exit code 2). */
  feed?: Feed;
  items: ReportItem[];
  fatal?: string;
  table?: Pick<CsvTable, 'encoding' | 'delimiter'> & { rows: number };
  rows: { total: number; rejected: number };
}

/** Where each draft record came from. */
interface Origin {
  rows: number[];
  /** Structure column → the row whose value was used. */
  cellRow: Map<string, number>;
  offerRows: number[];
}

const cellAt = (row: number, column?: string): string => (column ? `ligne ${row}, colonne « ${column} »` : `ligne ${row}`);

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

/** `structures[3].offers[1].subcares[0]` → { s: 3, o: 1, field: ['subcares'] } */
function splitPath(path: string): { s: number; o?: number; field: string[] } | undefined {
  const m = /^structures\[(\d+)\](?:\.offers\[(\d+)\])?(?:\.(.*))?$/.exec(path);
  if (!m) return undefined;
  const field = (m[3] ?? '').split('.').map((f) => f.replace(/\[\d+\]$/, '')).filter(Boolean);
  return { s: Number(m[1]), o: m[2] === undefined ? undefined : Number(m[2]), field };
}

function columnsFor(level: Level, field: readonly string[]): Column[] {
  const key = field.join('.');
  const exact = COLUMNS.filter((c) => c.level === level && c.path.join('.') === key);
  if (exact.length || !key) return exact;
  return COLUMNS.filter((c) => c.level === level && c.path.join('.').startsWith(`${key}.`));
}

const stripOutcome = (message: string): string => message.replace(/ : (offre|structure) ignorée$| : champ ignoré$/, '');

export function csvToFeed(bytes: Uint8Array, options: CsvToFeedOptions): CsvConversion {
  const items: ReportItem[] = [];
  const fail = (fatal: string, rows = 0): CsvConversion => ({ exitCode: 2, fatal, items, rows: { total: rows, rejected: 0 } });

  let table: CsvTable;
  try {
    table = parseCsv(bytes);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return fail(e.message);
    throw e;
  }
  const delimiterName = table.delimiter === '\t' ? 'tabulation' : `« ${table.delimiter} »`;

  // Header → column index.
  const index = new Map<string, number>();
  for (const [i, h] of table.header.entries()) {
    if (!h) continue;
    const key = headerKey(h);
    if (!COLUMNS.some((c) => c.name === key)) {
      items.push({ severity: 'warning', code: 'unknown-column', path: `colonne « ${h} »`, message: 'colonne inconnue, ignorée (voir data-schema/csv-columns.md)' });
    } else if (index.has(key)) {
      items.push({ severity: 'warning', code: 'unknown-column', path: `colonne « ${h} »`, message: 'colonne en double : seule la première est lue' });
    } else index.set(key, i);
  }
  const missing = COLUMNS.filter((c) => c.required && !index.has(c.name)).map((c) => c.name);
  if (missing.length) {
    return fail(`colonnes obligatoires absentes : ${missing.join(', ')} (séparateur détecté : ${delimiterName} ; en-tête lu : ${table.header.slice(0, 6).map((h) => (h.length > 40 ? `${h.slice(0, 39)}…` : h)).join(' | ') || '(vide)'}${table.header.length > 6 ? ' | …' : ''})`, table.rows.length);
  }
  if (!table.rows.length) return fail('aucune ligne de données sous l’en-tête');

  const rejected = new Set<number>();
  const reject = (row: number, column: string | undefined, message: string) => {
    rejected.add(row);
    items.push({ severity: 'error', code: 'row-rejected', path: cellAt(row, column), message });
  };
  const warn = (code: string, row: number, column: string | undefined, message: string) =>
    items.push({ severity: 'warning', code, path: cellAt(row, column), message });
  // A feed is JSON, read as text: a formula-looking cell is kept as typed, never computed, and said.
  const checkFormula = (row: number, column: string, raw: string) => {
    if (looksLikeFormula(raw)) warn('formula', row, column, `${quote(raw)} commence par ${formulaTrigger(raw)} comme une formule de tableur : formule neutralisée, gardée telle quelle comme texte dans le flux (vérifiez la cellule : un tableur l’exécuterait)`);
  };

  // Rows → draft structures, grouped by structure_id in order of first appearance.
  const drafts = new Map<string, { structure: Record<string, unknown>; origin: Origin; offers: Record<string, unknown>[] }>();
  const offerIds = new Map<string, number>();
  const cell = (cells: string[], name: string): string => {
    const i = index.get(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };

  for (const { row, cells } of table.rows) {
    const sid = cell(cells, 'structure_id');
    if (!sid) {
      reject(row, 'structure_id', 'identifiant de structure vide : ligne ignorée');
      continue;
    }
    let draft = drafts.get(sid);
    if (!draft) {
      draft = { structure: {}, origin: { rows: [], cellRow: new Map(), offerRows: [] }, offers: [] };
      drafts.set(sid, draft);
    }
    for (const column of COLUMNS.filter((c) => c.level === 'structure')) {
      const raw = cell(cells, column.name);
      if (!raw) continue;
      const firstRow = draft.origin.cellRow.get(column.name);
      if (firstRow === undefined) {
        checkFormula(row, column.name, raw);
        const { value, note } = convertCell(column, raw);
        setPath(draft.structure, column.path, value);
        draft.origin.cellRow.set(column.name, row);
        if (note) warn('value-fixed', row, column.name, note);
      } else {
        const { value } = convertCell(column, raw);
        let kept: unknown = draft.structure;
        for (const k of column.path) kept = (kept as Record<string, unknown>)[k];
        if (JSON.stringify(value) !== JSON.stringify(kept)) {
          warn('structure-mismatch', row, column.name, `${quote(raw)} diffère de la ligne ${firstRow} (${quote(kept)}) pour la même structure « ${sid} » : la valeur de la ligne ${firstRow} est gardée`);
        }
      }
    }

    const offer: Record<string, unknown> = {};
    for (const column of COLUMNS.filter((c) => c.level === 'offer')) {
      const raw = cell(cells, column.name);
      if (!raw) continue;
      checkFormula(row, column.name, raw);
      const { value, note } = convertCell(column, raw);
      setPath(offer, column.path, value);
      if (note) warn('value-fixed', row, column.name, note);
    }
    if (offer.id === undefined) {
      // Stable as long as the rows of one structure and care keep their order.
      const base = typeof offer.care === 'string' && /^[a-z-]+$/.test(offer.care) ? `${sid}-${offer.care}` : `${sid}-ligne-${row}`;
      let id = base;
      for (let n = 2; offerIds.has(id); n++) id = `${base}-${n}`;
      offer.id = id;
      warn('missing-id', row, 'offre_id', `vide : identifiant généré « ${id} » (donnez un identifiant stable pour que les liens vers l’offre durent)`);
    }
    const other = offerIds.get(String(offer.id));
    if (other !== undefined) {
      reject(row, 'offre_id', `identifiant ${quote(offer.id)} déjà utilisé ligne ${other} : ligne ignorée`);
      continue;
    }
    offerIds.set(String(offer.id), row);
    draft.origin.rows.push(row);
    draft.origin.offerRows.push(row);
    draft.offers.push(offer);
  }

  const origins: Origin[] = [];
  const structures: Record<string, unknown>[] = [];
  for (const d of drafts.values()) {
    if (!d.offers.length) continue;
    structures.push({ ...d.structure, offers: d.offers });
    origins.push(d.origin);
  }
  const doc = { format: FORMAT, publisher: options.publisher, generatedAt: options.generatedAt, structures };

  const hours = hoursDiagnostics(doc);
  const result = validateFeed(doc, { now: options.now, maxDiagnostics: Number.POSITIVE_INFINITY });
  if (!result.ok) {
    const first = result.diagnostics[0];
    const option = first ? OPTION_FOR[first.path] ?? first.path : undefined;
    return fail(first ? `${option} : ${first.message}` : result.message, table.rows.length);
  }

  for (const d of [...result.diagnostics, ...hours]) mapDiagnostic(d, structures, origins, reject, warn);

  // The validator's cleaned records, minus what only readers need. (A Map, not a search of the
  // drafts per structure: that made 40,000 structures take minutes.)
  const draftById = new Map<unknown, Record<string, unknown>>();
  for (const x of structures) if (!draftById.has(x.id)) draftById.set(x.id, x);
  const outStructures: FeedStructure[] = result.feed.structures.map((s) => {
    const { key: _key, publisherId: _publisherId, department, ...rest } = s;
    const source = draftById.get(s.id);
    return pruneEmpty(source?.department !== undefined ? { ...rest, department } : rest) as FeedStructure;
  });
  const publisher: Publisher = result.feed.publisher;
  const feed: Feed = { format: FORMAT, publisher, generatedAt: result.feed.generatedAt, structures: outStructures };
  return {
    exitCode: rejected.size ? 1 : 0,
    feed,
    items,
    table: { encoding: table.encoding, delimiter: table.delimiter, rows: table.rows.length },
    rows: { total: table.rows.length, rejected: rejected.size },
  };
}

/** Drops objects left empty once their bad fields went (`contact: {}`), at any depth. */
function pruneEmpty(value: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(value)) {
    if (Array.isArray(v)) v.forEach((x) => { if (x && typeof x === 'object') pruneEmpty(x as Record<string, unknown>); });
    else if (v && typeof v === 'object') {
      pruneEmpty(v as Record<string, unknown>);
      if (!Object.keys(v).length) delete value[k];
    }
  }
  return value;
}

/** Envelope paths → the command-line option that set them. */
const OPTION_FOR: Record<string, string> = {
  'publisher.id': 'option --publisher-id',
  'publisher.name': 'option --publisher-name',
  'publisher.region': 'option --region',
  'publisher.license': 'option --license',
  'publisher.url': 'option --publisher-url',
  'publisher.contact.email': 'option --contact-email',
  'publisher.contact.url': 'option --contact-url',
  generatedAt: 'option --generated-at',
};

/** Structures whose other rows were already marked rejected. */
const cascaded = new WeakSet<Origin>();

function mapDiagnostic(
  d: Diagnostic,
  structures: Record<string, unknown>[],
  origins: Origin[],
  reject: (row: number, column: string | undefined, message: string) => void,
  warn: (code: string, row: number, column: string | undefined, message: string) => void,
): void {
  const at = splitPath(d.path);
  const origin = at ? origins[at.s] : undefined;
  if (!at || !origin) {
    // Not tied to a row (should not happen with a draft we built ourselves): keep it visible.
    if (d.severity === 'error') reject(0, undefined, `${d.path} : ${d.message}`);
    else warn(d.code, 0, undefined, `${d.path} : ${d.message}`);
    return;
  }
  const level: Level = at.o === undefined ? 'structure' : 'offer';
  const columns = columnsFor(level, at.field);
  const columnName = columns.length ? columns.map((c) => c.name).join(', ') : undefined;
  const row = at.o !== undefined
    ? origin.offerRows[at.o]!
    : (columns.map((c) => origin.cellRow.get(c.name)).find((r) => r !== undefined) ?? origin.rows[0]!);
  const message = stripOutcome(d.message);
  const sid = String(structures[at.s]?.id ?? '');

  if (d.severity === 'error') {
    if (level === 'offer') return reject(row, columnName, `${message} : ligne ignorée`);
    // "No valid offer left": every row was already reported with its own reason.
    if (at.field[0] === 'offers') return;
    const rows = origin.rows;
    reject(row, columnName, `${message} : structure « ${sid} » ignorée avec ${rows.length === 1 ? 'sa ligne' : `ses ${rows.length} lignes (${rows.join(', ')})`}`);
    if (!cascaded.has(origin)) {
      cascaded.add(origin);
      for (const r of rows) if (r !== row) reject(r, undefined, `structure « ${sid} » ignorée (voir ligne ${row})`);
    }
    return;
  }
  // A closure goes whole (its dates and note, all its columns): the message already says so.
  if (d.code === 'field-dropped') return warn('value-ignored', row, columnName, message.endsWith(CLOSURE_DROPPED) ? message : `${message} : valeur ignorée`);
  warn(d.code, row, columnName, level === 'structure' && !columnName ? `structure « ${sid} » ${message}` : message);
}
