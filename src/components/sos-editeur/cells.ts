/**
 * Edits of the working table by column name, whatever its header says (« Lat », « Vérifié le »,
 * `verifie_le`): coordinates found, a date of verification, a reminder sent. Structure columns
 * repeat on every row of their structure, so a structure's edit writes all its rows. Tables are
 * never changed in place (the element sees a new one).
 */
import { columnForHeader } from '../../publish/columns.js';
import type { Table, TableRow } from '../../publish/table.js';

/** The index of the column `name` (its canonical name, e.g. `latitude`), or -1. */
export function columnIndex(table: Table, name: string): number {
  return table.header.findIndex((h) => columnForHeader(h)?.column.name === name);
}

/** The rows of structure `id` (by its `structure_id` cell). */
export function rowsOf(table: Table, id: string): TableRow[] {
  const col = columnIndex(table, 'structure_id');
  return col < 0 ? [] : table.rows.filter((r) => (r.cells[col] ?? '').trim() === id);
}

/** A copy of `table` where every row of each structure gets `values` (columns added at the end when missing). */
export function setStructureCells(table: Table, edits: ReadonlyMap<string, Readonly<Record<string, string>>>): Table {
  const header = [...table.header];
  const index = new Map<string, number>();
  for (const values of edits.values()) {
    for (const name of Object.keys(values)) {
      if (index.has(name)) continue;
      let i = columnIndex({ header, rows: [] }, name);
      if (i < 0) i = header.push(name) - 1;
      index.set(name, i);
    }
  }
  const idCol = columnIndex(table, 'structure_id');
  const rows = table.rows.map((r) => {
    const values = edits.get((r.cells[idCol] ?? '').trim());
    if (!values) return r;
    const cells = [...r.cells];
    for (const [name, value] of Object.entries(values)) {
      const i = index.get(name)!;
      while (cells.length <= i) cells.push('');
      cells[i] = value;
    }
    return { row: r.row, cells };
  });
  return { header, rows };
}

/** The value of column `name` on the first row of structure `id` that has one. */
export function structureCell(table: Table, id: string, name: string): string {
  const col = columnIndex(table, name);
  if (col < 0) return '';
  for (const r of rowsOf(table, id)) {
    const v = (r.cells[col] ?? '').trim();
    if (v) return v;
  }
  return '';
}
