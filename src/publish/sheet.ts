/**
 * The working spreadsheet (one row per offer, the structure's columns repeated on each of its
 * rows, private columns beside them) ⇄ a `sos-feed/1` document.
 *
 * tableToFeed: the rows are assembled into a draft feed, judged by the widget's own validator
 * (validate-all.ts: every remark at once, even on structures it drops), and its diagnostics (JSON
 * paths) are mapped back to spreadsheet rows and columns, with a suggestion when a value is close
 * to a code or label. A row whose offer is rejected is skipped, a structure rejected takes its rows
 * with it, the rest is kept. The feed is the validator's cleaned result, so it validates without
 * field-level warnings; the private columns go to `private`, never into the feed.
 *
 * feedToTable: the way back, with the same columns, so that a feed opened as a spreadsheet and
 * read again is the same feed.
 *
 * Pure data in, data out: no files, no DOM, no Node (the CLI and the publisher's workbench share it).
 */
import { FORMAT } from '../feed/constants.js';
import { quote } from '../feed/messages.js';
import { DATE_EXPECTED } from '../feed/issue-messages.js';
import type { Feed, FeedStructure, Publisher } from '../feed/schema.js';
import { CLOSURE_DROPPED, type Diagnostic } from '../feed/validate.js';
import {
  columnByName, columnForHeader, COLUMNS, convertCell, PRIVATE_COLUMNS, SHEET_COLUMNS, cellFor,
  type Column, type Level, type PrivateInfo,
} from './columns.js';
import { formulaTrigger, looksLikeFormula } from './csv-safety.js';
import { duplicateReason, findDuplicates } from './duplicates.js';
import type { Fix, Problem, Severity } from './problems.js';
import { suggestCode, suggestHeader, type CodeSuggestion } from './suggest.js';
import type { Table } from './table.js';
import { validateEverything } from './validate-all.js';

export interface SheetOptions {
  /** The envelope's publisher (the CLI's --publisher-… options, or the feed that was opened). */
  publisher: Record<string, unknown>;
  generatedAt: string;
  /** Today, for the « vérifiée il y a plus de 12 mois » remark. */
  now?: Date;
  /** More checks on the draft document, as validator diagnostics (the CLI adds the opening-hours reader's). */
  extraChecks?: (doc: unknown) => Diagnostic[];
}

/** How each header cell was read. */
export interface HeaderRead {
  /** Column index (0-based) and the header as typed. */
  index: number;
  header: string;
  /** The column it was read as; absent for an unknown or repeated one. */
  column?: string;
  /** Read under another usual name (« CP » for `code_postal`). */
  alias?: boolean;
}

export interface SheetResult {
  /** Absent when the sheet is unusable (`fatal` says why). */
  feed?: Feed;
  fatal?: string;
  problems: Problem[];
  /** Private columns, by structure id: never in the feed. */
  private: Map<string, PrivateInfo>;
  headers: HeaderRead[];
  rows: { total: number; rejected: number };
  /** Distinct structure ids in the sheet, and how many the feed keeps. */
  structures: { total: number; kept: number };
}

/** Where each draft record came from. */
interface Origin {
  rows: number[];
  /** Structure column → the row whose value was used, and every row of the structure with that same value. */
  cellRow: Map<string, number>;
  cellRows: Map<string, number[]>;
  /** Structure column → the cell as typed on that row. */
  cellRaw: Map<string, string>;
  offerRows: number[];
  /** Offers already rejected before validation (their id repeats another): checked, never kept. */
  rejectedOffers: Set<number>;
  /** The row had no structure_id: checked under a stand-in id, never kept. */
  noId: boolean;
  id: string;
  name?: string;
}

/** What is known about one cell beyond its value: suggestions for its unknown codes, a better spelling. */
interface CellHint {
  parts: Map<string, CodeSuggestion>;
  fixes: Fix[];
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

function getPath(target: unknown, path: readonly (string | number)[]): unknown {
  let node = target;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** `structures[3].offers[1].subcares[0]` → { s: 3, o: 1, field: ['subcares'], raw: ['subcares', 0] } */
function splitPath(path: string): { s: number; o?: number; field: string[]; raw: (string | number)[] } | undefined {
  const m = /^structures\[(\d+)\](?:\.offers\[(\d+)\])?(?:\.(.*))?$/.exec(path);
  if (!m) return undefined;
  const raw: (string | number)[] = [];
  for (const part of (m[3] ?? '').split('.').filter(Boolean)) {
    const k = /^(.*?)\[(\d+)\]$/.exec(part);
    if (k) raw.push(k[1]!, Number(k[2]));
    else raw.push(part);
  }
  return { s: Number(m[1]), o: m[2] === undefined ? undefined : Number(m[2]), field: raw.filter((x): x is string => typeof x === 'string'), raw };
}

function columnsFor(level: Level, field: readonly string[]): Column[] {
  const key = field.join('.');
  const exact = COLUMNS.filter((c) => c.level === level && c.path.join('.') === key);
  if (exact.length || !key) return exact;
  return COLUMNS.filter((c) => c.level === level && c.path.join('.').startsWith(`${key}.`));
}

const stripOutcome = (message: string): string => message.replace(/ : (offre|structure) ignorée$| : champ ignoré$/, '');
/** A feed's remark said of a cell: a sheet takes dates as JJ/MM/AAAA too. */
const forCell = (message: string): string => message.replace(DATE_EXPECTED, 'attendu JJ/MM/AAAA, par ex. 12/03/2026, ou AAAA-MM-JJ');

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

const suggestionText = (s: CodeSuggestion): string =>
  s.subcare
    ? ` → vouliez-vous dire « ${s.code} » : ${s.label} ? « ${s.subcare.label} » est un soin précis de cette catégorie, à mettre dans soins_precis (« ${s.subcare.code} »)`
    : ` → vouliez-vous dire « ${s.code} » : ${s.label} ?`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A parsed spreadsheet (CSV or .xlsx) → a feed, every problem of every row reported at once, with
 * suggestions (see the module).
 */
export function tableToFeed(table: Table, options: SheetOptions): SheetResult {
  const problems: Problem[] = [];
  const privateInfo = new Map<string, PrivateInfo>();
  const headers: HeaderRead[] = [];
  const fail = (fatal: string, rows = 0): SheetResult => ({
    fatal, problems, private: privateInfo, headers, rows: { total: rows, rejected: 0 }, structures: { total: 0, kept: 0 },
  });

  // Header → column index; the header as typed is what messages show.
  const index = new Map<string, number>();
  const shown = new Map<string, string>();
  const headerSuggestions = new Map<string, string>();
  for (const [i, raw] of table.header.entries()) {
    const h = raw.trim();
    if (!h) continue;
    const found = columnForHeader(h);
    if (!found) {
      const names = suggestHeader(h);
      const fixes: Fix[] = names.length === 1 ? [{ row: 1, col: i, column: h, value: raw, suggestion: names[0]!, label: names[0]! }] : [];
      for (const n of names) if (!headerSuggestions.has(n)) headerSuggestions.set(n, h);
      const hint = names.length ? ` : vouliez-vous dire ${names.map((n) => `« ${n} »`).join(' ou ')} ?` : '';
      problems.push({ severity: 'warning', code: 'unknown-column', row: 1, column: h, message: `colonne inconnue, ignorée (voir data-schema/csv-columns.md)${hint}`, ...(fixes.length ? { fixes } : {}) });
      headers.push({ index: i, header: h });
    } else if (index.has(found.column.name)) {
      problems.push({ severity: 'warning', code: 'unknown-column', row: 1, column: h, message: `colonne en double (déjà lue : « ${shown.get(found.column.name)} ») : seule la première est lue` });
      headers.push({ index: i, header: h });
    } else {
      index.set(found.column.name, i);
      shown.set(found.column.name, h);
      headers.push({ index: i, header: h, column: found.column.name, ...(found.alias ? { alias: true } : {}) });
    }
  }
  const missing = COLUMNS.filter((c) => c.required && !index.has(c.name)).map((c) => c.name);
  if (missing.length) {
    const hints = missing.filter((n) => headerSuggestions.has(n)).map((n) => `« ${headerSuggestions.get(n)} » pour ${n} ?`);
    return fail(`colonnes obligatoires absentes : ${missing.join(', ')}${hints.length ? ` (${hints.join(' ; ')})` : ''} (en-tête lu : ${table.header.slice(0, 6).map((h) => (h.length > 40 ? `${h.slice(0, 39)}…` : h)).join(' | ') || '(vide)'}${table.header.length > 6 ? ' | …' : ''})`, table.rows.length);
  }
  if (!table.rows.length) return fail('aucune ligne de données sous l’en-tête');

  const display = (name: string) => shown.get(name) ?? name;
  const rejected = new Set<number>();
  const structureOf = new Map<number, Origin>();
  const about = (row: number): Problem['structure'] => {
    const o = structureOf.get(row);
    return o && !o.noId ? { id: o.id, ...(o.name ? { name: o.name } : {}) } : undefined;
  };
  const add = (severity: Severity, code: string, row: number, column: string | undefined, message: string, fixes?: Fix[]) => {
    const structure = about(row);
    problems.push({ severity, code, row, ...(column ? { column } : {}), message, ...(structure ? { structure } : {}), ...(fixes?.length ? { fixes } : {}) });
  };
  const reject = (row: number, column: string | undefined, message: string, fixes?: Fix[]) => {
    rejected.add(row);
    add('error', 'row-rejected', row, column, message, fixes);
  };
  const warn = (code: string, row: number, column: string | undefined, message: string, fixes?: Fix[]) => add('warning', code, row, column, message, fixes);
  // A feed is JSON, read as text: a formula-looking cell is kept as typed, never computed, and said.
  const checkFormula = (row: number, name: string, raw: string) => {
    if (looksLikeFormula(raw)) warn('formula', row, display(name), `${quote(raw)} commence par ${formulaTrigger(raw)} comme une formule de tableur : formule neutralisée, gardée telle quelle comme texte dans le flux (vérifiez la cellule : un tableur l’exécuterait)`);
  };

  const hints = new Map<string, CellHint>();
  const hintKey = (row: number, name: string) => `${row}|${name}`;
  /** Suggestions and repairs of one converted cell; `rows` are the rows a fix applies to. */
  const noteCell = (row: number, rows: number[], column: Column, raw: string, converted: ReturnType<typeof convertCell>, cells: string[]) => {
    const col = index.get(column.name)!;
    // Structure columns: `rows` fills as the structure's next rows are read (the same array).
    const fixAt = (suggestion: string, label: string): Fix => ({ row, ...(column.level === 'structure' ? { rows } : {}), column: display(column.name), col, value: raw, suggestion, label });
    if (converted.note) warn('value-fixed', row, display(column.name), converted.note, converted.repaired ? [fixAt(converted.repaired, converted.repaired)] : undefined);
    const hint: CellHint = { parts: new Map(), fixes: [] };
    if (converted.repaired && !converted.note) hint.fixes.push(fixAt(converted.repaired, converted.repaired));
    if (converted.unknown?.length && column.codes) {
      for (const part of converted.unknown) {
        const s = suggestCode(column, part);
        if (s) hint.parts.set(part, s);
      }
      if (hint.parts.size) {
        const parts = column.kind === 'codes' ? raw.split('|').map((v) => v.trim()).filter(Boolean) : [raw.trim()];
        const fixed = parts.map((p) => hint.parts.get(p)?.code ?? p);
        const labels = [...hint.parts.values()].map((s) => `${s.code} (${s.label})`);
        hint.fixes.push(fixAt([...new Set(fixed)].join('|'), labels.join(', ')));
        // A finer care typed as the category: it goes to soins_precis too, when the column is there.
        const fineCol = index.get('soins_precis');
        for (const s of hint.parts.values()) {
          if (!s.subcare || fineCol === undefined) continue;
          const current = (cells[fineCol] ?? '').trim();
          const list = current ? current.split('|').map((v) => v.trim()) : [];
          if (list.includes(s.subcare.code)) continue;
          hint.fixes.push({ row, column: display('soins_precis'), col: fineCol, value: cells[fineCol] ?? '', suggestion: [...list, s.subcare.code].join('|'), label: `${s.subcare.code} (${s.subcare.label})` });
        }
      }
    }
    if (hint.fixes.length || hint.parts.size) hints.set(hintKey(row, column.name), hint);
  };

  // Rows → draft structures, grouped by structure_id in order of first appearance.
  const drafts = new Map<string, { structure: Record<string, unknown>; origin: Origin; offers: Record<string, unknown>[]; priv: PrivateInfo; privRow: Map<string, number> }>();
  const offerIds = new Map<string, number>();
  const cellOf = (cells: string[], name: string): string => {
    const i = index.get(name);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const structureColumns = COLUMNS.filter((c) => c.level === 'structure' && index.has(c.name));
  const offerColumns = COLUMNS.filter((c) => c.level === 'offer' && index.has(c.name));
  const privateColumns = PRIVATE_COLUMNS.filter((c) => index.has(c.name));

  for (const { row, cells } of table.rows) {
    let sid = cellOf(cells, 'structure_id');
    let noId = false;
    if (!sid) {
      // Checked like the others under a stand-in id, so all its problems show now; never kept.
      noId = true;
      sid = `sans-identifiant.ligne-${row}`;
      while (drafts.has(sid)) sid = `${sid}-bis`;
    }
    let draft = drafts.get(sid);
    if (!draft) {
      const name = cellOf(cells, 'structure_nom') || undefined;
      draft = {
        structure: {}, offers: [], priv: {}, privRow: new Map(),
        origin: { rows: [], cellRow: new Map(), cellRows: new Map(), cellRaw: new Map(), offerRows: [], rejectedOffers: new Set(), noId, id: sid, ...(name ? { name } : {}) },
      };
      drafts.set(sid, draft);
    }
    structureOf.set(row, draft.origin);
    if (noId) reject(row, display('structure_id'), 'identifiant de structure vide : ligne ignorée (donnez à chaque structure un identifiant stable)');

    for (const column of structureColumns) {
      const raw = cellOf(cells, column.name);
      if (!raw) continue;
      const firstRow = draft.origin.cellRow.get(column.name);
      if (firstRow === undefined) {
        checkFormula(row, column.name, raw);
        const converted = convertCell(column, raw);
        setPath(draft.structure, column.path, converted.value);
        draft.origin.cellRow.set(column.name, row);
        draft.origin.cellRaw.set(column.name, raw);
        const same = [row];
        draft.origin.cellRows.set(column.name, same);
        noteCell(row, same, column, raw, converted, cells);
      } else {
        if (raw === draft.origin.cellRaw.get(column.name)) {
          draft.origin.cellRows.get(column.name)!.push(row);
          continue;
        }
        const { value } = convertCell(column, raw);
        const kept = getPath(draft.structure, column.path);
        if (JSON.stringify(value) !== JSON.stringify(kept)) {
          warn('structure-mismatch', row, display(column.name), `${quote(raw)} diffère de la ligne ${firstRow} (${quote(kept)}) pour la même structure « ${draft.origin.id} » : la valeur de la ligne ${firstRow} est gardée`);
        }
      }
    }

    for (const column of privateColumns) {
      const raw = cellOf(cells, column.name);
      if (!raw) continue;
      const key = column.path[0] as keyof PrivateInfo;
      const firstRow = draft.privRow.get(column.name);
      const { value, note, repaired } = convertCell(column, raw);
      const text = String(value);
      if (firstRow !== undefined) {
        if (text !== draft.priv[key]) warn('structure-mismatch', row, display(column.name), `${quote(raw)} diffère de la ligne ${firstRow} (${quote(draft.priv[key])}) pour la même structure « ${draft.origin.id} » : la valeur de la ligne ${firstRow} est gardée`);
        continue;
      }
      draft.privRow.set(column.name, row);
      draft.priv[key] = text;
      const col = index.get(column.name)!;
      if (note) warn('value-fixed', row, display(column.name), note, repaired ? [{ row, column: display(column.name), col, value: raw, suggestion: repaired, label: repaired }] : undefined);
      if (column.name === 'referent_email' && !EMAIL.test(text)) warn('private-invalid', row, display(column.name), `adresse électronique invalide ${quote(raw)} : le rappel annuel ne pourra pas lui être envoyé (colonne privée, hors du flux)`);
      if (column.name === 'derniere_relance' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) warn('private-invalid', row, display(column.name), `date invalide ${quote(raw)} (attendu JJ/MM/AAAA ou AAAA-MM-JJ ; colonne privée, hors du flux)`);
    }

    const offer: Record<string, unknown> = {};
    for (const column of offerColumns) {
      const raw = cellOf(cells, column.name);
      if (!raw) continue;
      checkFormula(row, column.name, raw);
      const converted = convertCell(column, raw);
      setPath(offer, column.path, converted.value);
      noteCell(row, [row], column, raw, converted, cells);
    }
    if (offer.id === undefined) {
      // Stable as long as the rows of one structure and care keep their order.
      const base = typeof offer.care === 'string' && /^[a-z-]+$/.test(offer.care) && !noId ? `${sid}-${offer.care}` : `${sid}-ligne-${row}`;
      let id = base;
      for (let n = 2; offerIds.has(id); n++) id = `${base}-${n}`;
      offer.id = id;
      if (!noId) warn('missing-id', row, display('offre_id'), `vide : identifiant généré « ${id} » (donnez un identifiant stable pour que les liens vers l’offre durent)`);
    }
    const other = offerIds.get(String(offer.id));
    if (other !== undefined) {
      reject(row, display('offre_id'), `identifiant ${quote(offer.id)} déjà utilisé ligne ${other} : ligne ignorée`);
      // Checked all the same under a stand-in id, then left out.
      offer.id = `doublon.ligne-${row}`;
      draft.origin.rejectedOffers.add(draft.offers.length);
    } else offerIds.set(String(offer.id), row);
    draft.origin.rows.push(row);
    draft.origin.offerRows.push(row);
    draft.offers.push(offer);
  }

  const origins: Origin[] = [];
  const structures: Record<string, unknown>[] = [];
  for (const d of drafts.values()) {
    if (d.origin.noId) d.structure.id = d.origin.id;
    structures.push({ ...d.structure, offers: d.offers });
    origins.push(d.origin);
    if (!d.origin.noId && Object.keys(d.priv).length) privateInfo.set(d.origin.id, d.priv);
  }
  const doc = { format: FORMAT, publisher: options.publisher, generatedAt: options.generatedAt, structures };

  const extra = options.extraChecks?.(doc) ?? [];
  const { result, more } = validateEverything(doc, { now: options.now });
  if (!result.ok) {
    const first = result.diagnostics[0];
    return fail(first ? `${OPTION_FOR[first.path] ?? first.path} : ${first.message}` : result.message, table.rows.length);
  }

  const cascaded = new Set<Origin>();
  for (const d of [...result.diagnostics, ...more, ...extra]) {
    mapDiagnostic(d, structures, origins, {
      display, hints, hintKey, reject, warn, cascaded,
      rejectRows: (rows) => rows.forEach((r) => rejected.add(r)),
    });
  }

  // Duplicates: the same place under two identifiers.
  const named = structures.map((s, i) => ({ s, origin: origins[i]! })).filter((x) => !x.origin.noId);
  const dupes = findDuplicates(named.map(({ s }) => {
    const address = (s.address ?? {}) as Record<string, unknown>;
    return { id: String(s.id), name: s.name, finess: s.finess, siret: s.siret, city: address.city, postalCode: address.postalCode };
  }));
  for (const d of dupes) {
    const later = named[d.index]!.origin;
    const first = named[d.of]!.origin;
    const column = d.reason === 'name' ? 'structure_nom' : d.reason;
    const row = later.cellRow.get(column) ?? later.rows[0]!;
    warn('duplicate-structure', row, display(column), `${duplicateReason(d)} que la structure « ${first.id} » (ligne ${first.rows[0]}) : la même structure saisie deux fois ? Les deux sont gardées ; fusionnez-les sous un seul structure_id si c’est le cas`);
  }

  // The validator's cleaned records, minus what only readers need, minus the rows checked but
  // never kept. (A Map, not a search of the drafts per structure: 40,000 structures stay fast.)
  const draftById = new Map<unknown, number>();
  structures.forEach((x, i) => { if (!draftById.has(x.id)) draftById.set(x.id, i); });
  const outStructures: FeedStructure[] = [];
  for (const s of result.feed.structures) {
    const i = draftById.get(s.id);
    const origin = i === undefined ? undefined : origins[i];
    if (origin?.noId) continue;
    const { key: _key, publisherId: _publisherId, department, ...rest } = s;
    let offers = rest.offers;
    if (origin?.rejectedOffers.size) {
      offers = offers.filter((o) => !o.id.startsWith('doublon.ligne-'));
      if (!offers.length) continue;
    }
    const source = i === undefined ? undefined : structures[i];
    outStructures.push(pruneEmpty(source?.department !== undefined ? { ...rest, offers, department } : { ...rest, offers }) as FeedStructure);
  }
  const publisher: Publisher = result.feed.publisher;
  const feed: Feed = { format: FORMAT, publisher, generatedAt: result.feed.generatedAt, structures: outStructures };
  const total = origins.filter((o) => !o.noId).length;
  return {
    feed, problems: order(problems), private: privateInfo, headers,
    rows: { total: table.rows.length, rejected: rejected.size },
    structures: { total, kept: outStructures.length },
  };
}

/** Problems in sheet order (row, then column as typed left to right), header problems first. */
function order(problems: Problem[]): Problem[] {
  return problems.map((p, i) => ({ p, i })).sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i).map((x) => x.p);
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

interface MapContext {
  display: (name: string) => string;
  hints: Map<string, CellHint>;
  hintKey: (row: number, name: string) => string;
  reject: (row: number, column: string | undefined, message: string, fixes?: Fix[]) => void;
  warn: (code: string, row: number, column: string | undefined, message: string, fixes?: Fix[]) => void;
  rejectRows: (rows: number[]) => void;
  cascaded: Set<Origin>;
}

function mapDiagnostic(d: Diagnostic, structures: Record<string, unknown>[], origins: Origin[], ctx: MapContext): void {
  const at = splitPath(d.path);
  const origin = at ? origins[at.s] : undefined;
  if (!at || !origin) {
    // Not tied to a row (should not happen with a draft built here): keep it visible.
    if (d.severity === 'error') ctx.reject(0, undefined, `${d.path} : ${d.message}`);
    else ctx.warn(d.code, 0, undefined, `${d.path} : ${d.message}`);
    return;
  }
  const level: Level = at.o === undefined ? 'structure' : 'offer';
  const columns = columnsFor(level, at.field);
  const row = at.o !== undefined
    ? origin.offerRows[at.o]!
    : (columns.map((c) => origin.cellRow.get(c.name)).find((r) => r !== undefined) ?? origin.rows[0]!);
  const columnName = columns.length ? columns.map((c) => ctx.display(c.name)).join(', ') : undefined;
  // The suggestion for the value this remark is about, and the fixes of its cell.
  const hint = columns.length === 1 ? ctx.hints.get(ctx.hintKey(row, columns[0]!.name)) : undefined;
  const record = at.o === undefined ? structures[at.s] : (structures[at.s]?.offers as unknown[] | undefined)?.[at.o];
  const value = getPath(record, at.raw);
  const suggestion = hint && typeof value === 'string' ? hint.parts.get(value) : undefined;
  const tail = suggestion ? suggestionText(suggestion) : hint?.fixes[0] && !hint.parts.size ? ` → vouliez-vous dire « ${hint.fixes[0].suggestion} » ?` : '';
  const fixes = hint?.fixes;
  const message = forCell(stripOutcome(d.message));
  const sid = origin.noId ? '' : origin.id;

  if (d.severity === 'error') {
    if (level === 'offer') return ctx.reject(row, columnName, `${message}${tail} : ligne ignorée`, fixes);
    // "No valid offer left": every row was already reported with its own reason.
    if (at.field[0] === 'offers') return;
    if (origin.noId) return ctx.reject(row, columnName, `${message}${tail}`, fixes);
    const rows = origin.rows;
    ctx.reject(row, columnName, `${message}${tail} : structure « ${sid} » ignorée avec ${rows.length === 1 ? 'sa ligne' : `ses ${rows.length} lignes (${rows.join(', ')})`}`, fixes);
    if (!ctx.cascaded.has(origin)) {
      ctx.cascaded.add(origin);
      for (const r of rows) if (r !== row) ctx.reject(r, undefined, `structure « ${sid} » ignorée (voir ligne ${row})`);
    }
    ctx.rejectRows(rows);
    return;
  }
  // A closure goes whole (its dates and note, all its columns): the message already says so.
  if (d.code === 'field-dropped') return ctx.warn('value-ignored', row, columnName, message.endsWith(CLOSURE_DROPPED) ? message : `${message}${tail} : valeur ignorée`, fixes);
  ctx.warn(d.code, row, columnName, level === 'structure' && !columnName ? `structure « ${sid} » ${message}` : `${message}${tail}`, fixes);
}

export interface FeedToTableOptions {
  /** The private columns to write, by structure id. */
  private?: ReadonlyMap<string, PrivateInfo>;
}

/**
 * A feed → the working spreadsheet: one row per offer, every column of from-csv (and the private
 * ones), lists joined with `|`. Structures that are not valid are written as they are (a value of
 * the wrong type as its JSON text), so that opening a feed to fix it loses nothing; one without
 * offers gets one row. Cells are plain values: files written from the table neutralise formulas.
 */
export function feedToTable(feed: { structures: readonly unknown[] }, options: FeedToTableOptions = {}): Table {
  const header = SHEET_COLUMNS.map((c) => c.name);
  const rows: Table['rows'] = [];
  const structureCols = SHEET_COLUMNS.map((c) => (c.level === 'structure' ? c : undefined));
  for (const s of feed.structures) {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) continue;
    const structure = s as Record<string, unknown>;
    const priv = typeof structure.id === 'string' ? options.private?.get(structure.id) : undefined;
    const base = SHEET_COLUMNS.map((c, k) => {
      if (structureCols[k]) return cellFor(c, getPath(structure, c.path));
      if (c.level === 'private') return priv ? cellFor(c, priv[c.path[0] as keyof PrivateInfo]) : '';
      return '';
    });
    const offers = Array.isArray(structure.offers) && structure.offers.length ? structure.offers : [undefined];
    for (const o of offers) {
      const cells = [...base];
      if (o !== undefined) {
        SHEET_COLUMNS.forEach((c, k) => {
          if (c.level === 'offer') cells[k] = cellFor(c, getPath(o, c.path));
        });
      }
      rows.push({ row: rows.length + 2, cells });
    }
  }
  return { header, rows };
}

/** A blank working spreadsheet: the header alone. */
export function blankTable(): Table {
  return { header: SHEET_COLUMNS.map((c) => c.name), rows: [] };
}

/**
 * The table with `column` set to `value` on every row of structure `id` (a new table): « Marquer
 * comme vérifié aujourd'hui » is `setStructureCell(table, id, 'verifie_le', '2026-12-02')`, a
 * reminder sent is the same with `derniere_relance`. A column missing from the table is added.
 */
export function setStructureCell(table: Table, id: string, column: string, value: string): Table {
  const def = columnByName.get(column);
  if (!def || def.level === 'offer') throw new Error(`setStructureCell: ${column} is not a structure or private column`);
  const header = [...table.header];
  const find = (name: string) => header.findIndex((h) => h.trim() && columnForHeader(h)?.column.name === name);
  let col = find(column);
  if (col < 0) {
    header.push(column);
    col = header.length - 1;
  }
  const idCol = find('structure_id');
  const rows = table.rows.map((r) => {
    if (idCol < 0 || (r.cells[idCol] ?? '').trim() !== id) return r;
    const cells = [...r.cells];
    while (cells.length <= col) cells.push('');
    cells[col] = value;
    return { row: r.row, cells };
  });
  return { header, rows };
}
