/**
 * What the checks find, as data a page or a terminal can show: each problem in French, where it
 * is (a spreadsheet row and column, or a JSON path in a feed), which structure it belongs to (so
 * a list can be grouped by structure name), and the fixes that can be applied in one click.
 */
import type { Table } from './table.js';

export type Severity = 'error' | 'warning';

/** One edit that fixes (part of) a problem: put `suggestion` where `value` is. */
export interface Fix {
  /** Spreadsheet: the row (header = 1) and the column, as its header is typed, and its index. */
  row?: number;
  /** Every row holding the same value for the same structure (structure columns repeat on each row). */
  rows?: number[];
  column?: string;
  col?: number;
  /** Feed: the JSON path of the value (`structures[2].offers[0].audiences[1]`). */
  path?: string;
  /** The cell (or value) as it is. */
  value: string;
  /** What to put instead: the whole cell, ready to apply. */
  suggestion: string;
  /** In French, for a button or a line: « comite-ligue (Comité de la Ligue contre le cancer) ». */
  label: string;
}

export interface Problem {
  severity: Severity;
  /** Grouping key (`row-rejected`, `value-fixed`, `duplicate-structure`, or a validator code). */
  code: string;
  /** French, plain text; ends with the suggestion when there is one. */
  message: string;
  /** Spreadsheet row (header = 1) and column (its header as typed). */
  row?: number;
  column?: string;
  /** Feed: JSON path. */
  path?: string;
  /** The structure concerned, when known: group problems by its name. */
  structure?: { id: string; name?: string };
  fixes?: Fix[];
}

/** « ligne 14, colonne « soin » », or the JSON path: where a problem is, in words. */
export function where(p: Pick<Problem, 'row' | 'column' | 'path'>): string {
  if (p.row !== undefined) return p.column ? `ligne ${p.row}, colonne « ${p.column} »` : `ligne ${p.row}`;
  if (p.column) return `colonne « ${p.column} »`;
  return p.path ?? '';
}

/** The problems of a structure together, in first-seen order (a workbench shows them grouped by name). */
export function groupByStructure(problems: readonly Problem[]): { structure?: { id: string; name?: string }; problems: Problem[] }[] {
  const groups = new Map<string, { structure?: { id: string; name?: string }; problems: Problem[] }>();
  for (const p of problems) {
    const key = p.structure?.id ?? '';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { structure: p.structure, problems: [] }));
    g.problems.push(p);
  }
  return [...groups.values()];
}

/**
 * The table with `fixes` applied (a new table; the one given is not changed). A fix whose cell no
 * longer holds `value` (already fixed, or edited since) is skipped and returned in `skipped`.
 */
export function applyFixes(table: Table, fixes: readonly Fix[]): { table: Table; applied: Fix[]; skipped: Fix[] } {
  const header = [...table.header];
  const rows = table.rows.map((r) => ({ row: r.row, cells: [...r.cells] }));
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    if (fix.col === undefined || fix.row === undefined) {
      skipped.push(fix);
      continue;
    }
    const col = fix.col;
    const targets = fix.rows ?? [fix.row];
    let done = false;
    for (const n of targets) {
      if (n === 1) {
        if ((header[col] ?? '') === fix.value) {
          header[col] = fix.suggestion;
          done = true;
        }
        continue;
      }
      const r = byNumber.get(n);
      if (!r || (r.cells[col] ?? '').trim() !== fix.value.trim()) continue;
      while (r.cells.length <= col) r.cells.push('');
      r.cells[col] = fix.suggestion;
      done = true;
    }
    (done ? applied : skipped).push(fix);
  }
  return { table: { header, rows }, applied, skipped };
}

/** `structures[2].offers[0].audiences[1]` → ['structures', 2, 'offers', 0, 'audiences', 1]. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

/**
 * A feed document with `fixes` applied at their JSON paths (a copy; skipped when the value there
 * is no longer `value`).
 */
export function applyFeedFixes<T>(doc: T, fixes: readonly Fix[]): { doc: T; applied: Fix[]; skipped: Fix[] } {
  const copy = structuredClone(doc) as unknown;
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const path = fix.path ? parsePath(fix.path) : [];
    let node = copy as Record<string | number, unknown> | undefined;
    for (const seg of path.slice(0, -1)) node = node?.[seg] as Record<string | number, unknown> | undefined;
    const last = path[path.length - 1];
    if (!node || typeof node !== 'object' || last === undefined || node[last] !== fix.value) {
      skipped.push(fix);
      continue;
    }
    node[last] = fix.suggestion;
    applied.push(fix);
  }
  return { doc: copy as T, applied, skipped };
}
