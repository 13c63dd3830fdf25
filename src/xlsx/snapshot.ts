/** Reads a BookSnapshot (src/plan/types.ts) from an ExcelJS workbook: what a job sees of a book. */
import type ExcelJS from 'exceljs';
import { decodeCell, encodeCell } from '../engine/address';
import type { BookSnapshot, Scalar, TableData } from '../plan/types';
import { cellScalar } from './cells';
import { CHART_STORE_SHEET } from './chartStore';

import { TableModel, tableModel } from './excelInternals';
import { leanArea, leanSheet, leanValues } from './leanSheet';
import { replacedSheetValues } from './replacedSheets';

export { tableModel, type TableModel };

/** Header row, first and last body row, first and last column (0-based) of a table. */
export interface TableArea {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

export function tableArea(m: TableModel): TableArea {
  const [a, b] = (m.tableRef ?? m.ref ?? 'A1').split(':');
  const tl = decodeCell(a);
  const br = decodeCell(b ?? a);
  const headerRow = tl.row;
  const lastRow = br.row - (m.totalsRow ? 1 : 0);
  return { headerRow, firstRow: headerRow + 1, lastRow, firstCol: tl.col, lastCol: br.col };
}

export function findTable(
  wb: ExcelJS.Workbook,
  name: string,
): { ws: ExcelJS.Worksheet; model: TableModel } | null {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables()) {
      const model = tableModel(t);
      if (model.name === name) return { ws, model };
    }
  }
  return null;
}

export function headerTexts(ws: ExcelJS.Worksheet, area: TableArea): string[] {
  const lean = leanSheet(ws);
  if (lean) {
    const row = { ...area, firstRow: area.headerRow, lastRow: area.headerRow };
    return leanArea(lean, row, date1904(ws))[0].map((v) => String(v ?? ''));
  }
  const row = ws.getRow(area.headerRow);
  const out: string[] = [];
  for (let c = area.firstCol; c <= area.lastCol; c++)
    out.push(String(cellScalar(row.getCell(c + 1)) ?? ''));
  return out;
}

/** Whether the book counts dates from 1904, as ExcelJS converts serial numbers on loading. */
function date1904(ws: ExcelJS.Worksheet): boolean {
  return Boolean(ws.workbook.properties.date1904);
}

/** A table's body rows as scalars. */
function tableRows(ws: ExcelJS.Worksheet, area: TableArea): Scalar[][] {
  const lean = leanSheet(ws);
  if (lean) return leanArea(lean, area, date1904(ws));
  const rows: Scalar[][] = [];
  for (let r = area.firstRow; r <= area.lastRow; r++) {
    const row = ws.getRow(r);
    const cells: Scalar[] = [];
    for (let c = area.firstCol; c <= area.lastCol; c++) cells.push(cellScalar(row.getCell(c + 1)));
    rows.push(cells);
  }
  return rows;
}

function readTable(ws: ExcelJS.Worksheet, m: TableModel): TableData {
  const area = tableArea(m);
  return {
    name: m.name,
    sheet: ws.name,
    ref: `${encodeCell(area.firstCol, area.headerRow)}:${encodeCell(area.lastCol, area.lastRow)}`,
    headers: headerTexts(ws, area),
    rows: tableRows(ws, area),
  };
}

/** A sheet's values from A1 to its last used cell; trailing empty cells trimmed from each row. */
export function sheetValues(ws: ExcelJS.Worksheet): Scalar[][] {
  const replaced = replacedSheetValues(ws);
  if (replaced) return replaced;
  const lean = leanSheet(ws);
  if (lean) return leanValues(lean, date1904(ws));
  const out: Scalar[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: Scalar[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      cells[c - 1] = cellScalar(cell);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    out[r - 1] = cells;
  });
  for (let i = 0; i < out.length; i++) if (!out[i]) out[i] = [];
  return out;
}

/**
 * Every table of the book (by name) and the values of the named sheets that exist (a job names the
 * sheets it needs, e.g. the bulletin it may regenerate).
 */
export function readSnapshot(wb: ExcelJS.Workbook, sheets: readonly string[] = []): BookSnapshot {
  const tables: Record<string, TableData> = {};
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables()) {
      const m = tableModel(t);
      tables[m.name] = readTable(ws, m);
    }
  }
  const values: Record<string, Scalar[][]> = {};
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (ws) values[name] = sheetValues(ws);
  }
  return {
    sheetNames: wb.worksheets.map((w) => w.name).filter((n) => n !== CHART_STORE_SHEET),
    tables,
    sheets: values,
  };
}
