/**
 * Lean sheets (docs/province-scale.md): a big table sheet's cells kept out of ExcelJS's cell model,
 * as compact rows, because ExcelJS spends ~470 bytes of heap per loaded cell and its writer holds
 * every cell model and rendered fragment at once. ExcelJS keeps the sheet itself (tables, columns,
 * views, validations, conditional formats); src/xlsx/leanLoad.ts fills the rows when a book is
 * loaded, src/xlsx/leanTable.ts writes table updates into them and src/xlsx/leanSave.ts renders
 * them into the saved package. Values are ExcelJS cell values, styles ExcelJS style objects, so
 * every decision about them (cells.ts) is the one ExcelJS cells go through.
 */
import type ExcelJS from 'exceljs';
import type { Scalar } from '../plan/types';
import { fromExcelValue } from './cells';

/**
 * A sheet with a table and more body rows than this is kept lean. TARGET_DESK_LEAN_ROWS=0 (tests
 * only, read here and nowhere else) runs the whole suite, CLI processes too, through lean sheets.
 */
export const LEAN_SETTINGS = {
  rows: Number(
    (typeof process === 'undefined' ? undefined : process.env?.TARGET_DESK_LEAN_ROWS) || 1000,
  ),
};

export type LeanStyle = Partial<ExcelJS.Style>;

export interface LeanCell {
  value: ExcelJS.CellValue;
  /** The cell's style object (shared between cells), null for the default style. */
  style: LeanStyle | null;
}

export interface LeanRow {
  /** Cells by 0-based column; holes are cells the sheet does not have. */
  cells: (LeanCell | undefined)[];
  height?: number;
  hidden?: boolean;
  outlineLevel?: number;
  collapsed?: boolean;
  style?: LeanStyle;
}

export interface LeanSheet {
  /** Rows by 0-based row index; holes are rows the sheet does not have. */
  rows: (LeanRow | undefined)[];
}

const leanSheets = new WeakMap<ExcelJS.Worksheet, LeanSheet>();

/** Books whose sheets may become lean when a table write makes them big (books loaded from files). */
const leanBooks = new WeakSet<ExcelJS.Workbook>();

export function leanSheet(ws: ExcelJS.Worksheet): LeanSheet | undefined {
  return leanSheets.get(ws);
}

export function setLeanSheet(ws: ExcelJS.Worksheet, sheet: LeanSheet): void {
  leanSheets.set(ws, sheet);
}

export function allowLeanSheets(wb: ExcelJS.Workbook): void {
  leanBooks.add(wb);
}

export function leanSheetsAllowed(wb: ExcelJS.Workbook): boolean {
  return leanBooks.has(wb);
}

/** ExcelJS's test for a date format on loading (utils.isDateFmt), which turns numbers into Dates. */
function excelJsDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let date = dateFormats.get(fmt);
  if (date === undefined) {
    const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
    dateFormats.set(fmt, (date = /[ymdhMsb]+/.test(bare)));
  }
  return date;
}

/** The answers of excelJsDateFormat: asked for every lean cell read, of a book's few formats. */
const dateFormats = new Map<string, boolean>();

/** ExcelJS's utils.excelToDate. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/**
 * What a lean cell shows, as cellScalar (cells.ts) reads the ExcelJS cell ExcelJS would have loaded:
 * a number (or a formula's number) under a date format is a date.
 */
export function leanScalar(cell: LeanCell | undefined, date1904: boolean): Scalar {
  if (!cell) return null;
  const v = cell.value;
  if (!excelJsDateFormat(cell.style?.numFmt)) return fromExcelValue(v);
  if (typeof v === 'number') return fromExcelValue(excelDate(v, date1904));
  if (v && typeof v === 'object' && 'formula' in v && typeof v.result === 'number')
    return fromExcelValue(excelDate(v.result, date1904));
  return fromExcelValue(v);
}

/** The cells of an area as scalars (rows 1-based, columns 0-based as TableArea counts, inclusive). */
export function leanArea(
  sheet: LeanSheet,
  area: { firstRow: number; lastRow: number; firstCol: number; lastCol: number },
  date1904: boolean,
): Scalar[][] {
  const out: Scalar[][] = [];
  for (let r = area.firstRow; r <= area.lastRow; r++) {
    const cells = sheet.rows[r - 1]?.cells;
    const row: Scalar[] = [];
    for (let c = area.firstCol; c <= area.lastCol; c++)
      row.push(cells ? leanScalar(cells[c], date1904) : null);
    out.push(row);
  }
  return out;
}

/**
 * As sheetValues (snapshot.ts) reads an ExcelJS sheet: A1 to the last value, trailing nulls trimmed.
 * `merged` (0-based row → columns) names cells ExcelJS would hold as a merged range's non-top-left
 * cells: they read as empty and make their row count as used (ExcelJS gives them a Merge value).
 */
export function leanValues(
  sheet: LeanSheet,
  date1904: boolean,
  merged: ReadonlyMap<number, ReadonlySet<number>> = new Map(),
): Scalar[][] {
  const out: Scalar[][] = [];
  const last = Math.max(sheet.rows.length - 1, ...merged.keys());
  for (let r = 0; r <= last; r++) {
    const row = sheet.rows[r];
    const slaves = merged.get(r);
    if (!row && !slaves) continue;
    const cells: Scalar[] = [];
    let valued = !!slaves; // ExcelJS's eachRow skips rows without a value ("" counts as one)
    row?.cells.forEach((cell, c) => {
      if (slaves?.has(c) || !cell || cell.value === null || cell.value === undefined) return;
      valued = true;
      cells[c] = leanScalar(cell, date1904);
    });
    if (!valued) continue;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    out[r] = cells;
  }
  for (let i = 0; i < out.length; i++) if (!out[i]) out[i] = [];
  return out;
}
