/**
 * The table updates of a plan mapped onto the tables as the book has them once the plan's sheets
 * are laid out: columns by header text, the body rows kept in append mode.
 */
import { InputError } from '../engine/errors';
import { zhList } from '../engine/labels';
import { decodeCell, encodeCell } from '../plan/bookSchema';
import type { BookPlan, BookSnapshot, TableUpdate } from '../plan/types';

const normHeader = (h: string) => h.normalize('NFKC').replace(/\s+/g, '');

/** A table update with its columns mapped onto the table as it is now in the book. */
export interface PreparedUpdate {
  update: TableUpdate;
  existing?: {
    headers: string[];
    /** For each book column, the plan column that fills it (-1: none). */
    source: number[];
    headerRow: number;
    firstCol: number;
    bodyRows: number;
    /** Body rows kept in append mode (trailing blank rows dropped). */
    kept: number;
  };
}

/** A table as the updates will find it: the sheet, top-left cell, headers and body rows. */
interface TableState {
  sheet: string;
  ref: string;
  headers: string[];
  rows: readonly (readonly unknown[])[];
}

/**
 * The tables once the plan's sheets are laid out (updates apply after them, as in the ExcelJS
 * adapter): those of rewritten sheets are gone, those the sheet plans create are there.
 */
export function tablesAfterSheets(
  plan: BookPlan,
  snapshot: BookSnapshot,
): Record<string, TableState> {
  const rewritten = new Set(plan.sheets.map((s) => s.sheet.toLowerCase()));
  const out: Record<string, TableState> = {};
  for (const t of Object.values(snapshot.tables))
    if (t && !rewritten.has(t.sheet.toLowerCase())) out[t.name] = t;
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables ?? []) {
      const rows = t.rows.length ? t.rows : [t.columns.map(() => null)];
      const { col, row } = decodeCell(t.at);
      out[t.name] = {
        sheet: sheet.sheet,
        ref: `${t.at}:${encodeCell(col + t.columns.length - 1, row + rows.length)}`,
        headers: t.columns.map((c) => c.header),
        rows,
      };
    }
  }
  return out;
}

export function prepareUpdate(update: TableUpdate, table: TableState | undefined): PreparedUpdate {
  if (!table) return { update };
  const normalized = table.headers.map(normHeader);
  const position = update.columns.map((c) => normalized.indexOf(normHeader(c.header)));
  const missing = update.columns.filter((_, j) => position[j] < 0).map((c) => c.header);
  if (missing.length) {
    const quoted = missing.map((h) => `"${h}"`).join(', ');
    throw new InputError(
      `missing column${missing.length > 1 ? 's' : ''} ${quoted}`,
      `${table.sheet} › ${update.table}`,
      `缺少列${zhList(missing)}`,
    );
  }
  const topLeft = decodeCell(table.ref.split(':')[0]);
  let kept = 0;
  if (update.mode === 'append') {
    kept = table.rows.length;
    while (kept > 0 && table.rows[kept - 1].every((v) => v === null || v === undefined || v === ''))
      kept--;
  }
  return {
    update,
    existing: {
      headers: table.headers,
      source: table.headers.map((_, k) => position.indexOf(k)),
      headerRow: topLeft.row,
      firstCol: topLeft.col,
      bodyRows: table.rows.length,
      kept,
    },
  };
}
