/**
 * How a table in a plan lands in a book, decided once for every host: header matching, where each
 * planned column goes, the rows an append keeps, the blank row of an empty table, formulas resolved
 * at their final rows, number formats and the default style. Hosts only copy the result in.
 */
import { decodeCell, encodeCell } from '../engine/address';
import { inputError } from '../engine/errors';
import { headerKey } from '../engine/headerKey';
import { resolveTableFormula } from './formula';
import { isFormulaCell } from './types';
import type { BookPlan, BookSnapshot, PlanCell, TableColumn, TableUpdate } from './types';

export const DEFAULT_TABLE_STYLE = 'TableStyleMedium2';

/** A table created afresh with its header at (col, row). */
export interface NewTable {
  name: string;
  col: number;
  row: number;
  headers: string[];
  /** Body rows with table formulas resolved; an empty table has one blank row (Excel needs one). */
  body: PlanCell[][];
  /** Number format per column (undefined: the host's General). */
  formats: (string | undefined)[];
  /** Column width in characters per column (undefined: leave the sheet's). */
  widths: (number | undefined)[];
  style: string;
}

/** A table as an update finds it in the book. `rows` are the body cells as the host reads them. */
export interface TableState {
  sheet: string;
  /** The table's range including the header row, e.g. "A1:F9". */
  ref: string;
  headers: string[];
  rows: readonly (readonly unknown[])[];
}

/** An update of a table the book has, mapped onto the table as it is now. */
export interface TableRewrite {
  name: string;
  sheet: string;
  mode: TableUpdate['mode'];
  /** The book's headers, in sheet order (users move columns). */
  headers: string[];
  headerRow: number;
  firstCol: number;
  /** Body rows the table has now. */
  bodyRows: number;
  /** Leading body rows kept as they are (append mode; trailing blank rows dropped). */
  kept: number;
  /** The planned rows in the book's column order, below the kept ones, formulas resolved. */
  body: PlanCell[][];
  /** The table would have no body row: it gets one blank row. */
  blankRow: boolean;
  /** Number format per book column for the planned rows (undefined: General). */
  formats: (string | undefined)[];
  /** The style to give the table if a host has to recreate it and the book names none. */
  style: string;
}

const blankValue = (v: unknown) => v === null || v === undefined || v === '';

function resolveRow(
  cells: readonly PlanCell[],
  headers: readonly string[],
  col: number,
  row: number,
): PlanCell[] {
  return cells.map((c) =>
    isFormulaCell(c) ? { ...c, formula: resolveTableFormula(c.formula, headers, col, row) } : c,
  );
}

export function newTable(t: {
  name: string;
  at: string;
  columns: readonly TableColumn[];
  rows: readonly PlanCell[][];
  style?: string;
}): NewTable {
  const { col, row } = decodeCell(t.at);
  const headers = t.columns.map((c) => c.header);
  const rows = t.rows.length ? t.rows : [headers.map(() => null)];
  return {
    name: t.name,
    col,
    row,
    headers,
    body: rows.map((cells, i) =>
      resolveRow(
        headers.map((_, j) => cells[j] ?? null),
        headers,
        col,
        row + 1 + i,
      ),
    ),
    formats: t.columns.map((c) => c.numberFormat),
    widths: t.columns.map((c) => c.width),
    style: t.style ?? DEFAULT_TABLE_STYLE,
  };
}

/**
 * The tables once the plan's sheets are laid out (updates apply after them): those of rewritten
 * sheets are gone, those the sheet plans create are there.
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
      const made = newTable(t);
      out[t.name] = {
        sheet: sheet.sheet,
        ref: `${t.at}:${encodeCell(made.col + made.headers.length - 1, made.row + made.body.length)}`,
        headers: made.headers,
        rows: made.body,
      };
    }
  }
  return out;
}

/**
 * Where each planned column goes in the book's table, by header (headerKey); refuses the update,
 * before anything is written, when the book's table lacks one of the planned columns.
 */
function columnPositions(u: TableUpdate, table: TableState): number[] {
  const keys = table.headers.map(headerKey);
  const position = u.columns.map((c) => keys.indexOf(headerKey(c.header)));
  const missing = u.columns.filter((_, j) => position[j] < 0).map((c) => c.header);
  if (missing.length) {
    throw inputError('table.missingColumns', `${table.sheet} › ${u.table}`, { columns: missing });
  }
  return position;
}

/** A table update for a book that lacks the table: created on its sheet, header frozen at row 1. */
export function tableToCreate(u: TableUpdate): {
  sheet: string;
  table: NewTable;
  freezeHeader: boolean;
} {
  const table = newTable({ ...u, name: u.table });
  return { sheet: u.sheet, table, freezeHeader: table.row === 1 };
}

/** A table update lowered against the table the book has. */
export function tableRewrite(u: TableUpdate, table: TableState): TableRewrite {
  const position = columnPositions(u, table);
  const source = table.headers.map((_, k) => position.indexOf(k));
  const topLeft = decodeCell(table.ref.split(':')[0]);
  let kept = 0;
  if (u.mode === 'append') {
    kept = table.rows.length;
    while (kept > 0 && table.rows[kept - 1].every(blankValue)) kept--;
  }
  const firstRow = topLeft.row + 1 + kept;
  return {
    name: u.table,
    sheet: table.sheet,
    mode: u.mode,
    headers: table.headers,
    headerRow: topLeft.row,
    firstCol: topLeft.col,
    bodyRows: table.rows.length,
    kept,
    body: u.rows.map((cells, i) =>
      resolveRow(
        source.map((j) => (j < 0 ? null : (cells[j] ?? null))),
        table.headers,
        topLeft.col,
        firstRow + i,
      ),
    ),
    blankRow: kept + u.rows.length === 0,
    formats: source.map((j) => (j < 0 ? undefined : u.columns[j].numberFormat)),
    style: u.style ?? DEFAULT_TABLE_STYLE,
  };
}
