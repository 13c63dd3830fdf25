/**
 * Table updates on lean sheets (leanSheet.ts): the same rewrite applyPlan.ts gives ExcelJS cells —
 * lowered once by src/plan/tableWrite.ts — written into lean rows, cell for cell as ExcelJS would
 * leave its cells (a cell ExcelJS creates takes its row's and column's style), and a sheet that a
 * table write makes big moved into lean rows first.
 */
import type ExcelJS from 'exceljs';
import { encodeCell } from '../engine/address';
import type { TableRewrite } from '../plan/tableWrite';
import { numFmtStyle, rawValue, toExcelValue } from './cells';
import {
  clearStoredRows,
  hasMerges,
  rowStyle,
  setTableRange,
  storedCells,
  storedRows,
} from './excelInternals';
import { LEAN_SETTINGS, LeanCell, LeanRow, LeanSheet, LeanStyle, setLeanSheet } from './leanSheet';
import type { TableArea } from './snapshot';

const nonEmpty = (s: LeanStyle | null | undefined): LeanStyle | null =>
  s && Object.keys(s).length ? s : null;

/** Whether a rewritten table leaves its sheet big enough to be kept lean. */
export function bigAfter(t: TableRewrite): boolean {
  return t.kept + t.body.length + (t.blankRow ? 1 : 0) > LEAN_SETTINGS.rows;
}

/** The values lean rows carry: what ExcelJS loads from a sheet (no dates, rich text, links). */
function leanValue(v: ExcelJS.CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'object') return typeof v !== 'symbol';
  const keys = Object.keys(v);
  if ('error' in v) return keys.length === 1;
  if ('formula' in v && typeof v.formula === 'string')
    return keys.every((k) => k === 'formula' || k === 'result') && !(v.result instanceof Date);
  return false;
}

/**
 * Moves an ExcelJS sheet's cells into lean rows, or returns undefined (leaving it as it is) when it
 * holds something lean rows do not carry: merges, dates, rich text, hyperlinks, shared formulas.
 */
export function makeLean(ws: ExcelJS.Worksheet): LeanSheet | undefined {
  if (hasMerges(ws)) return undefined;
  const rows: (LeanRow | undefined)[] = [];
  for (const row of storedRows(ws)) {
    const lean: LeanRow = { cells: [] };
    if (row.height) lean.height = row.height;
    if (row.hidden) lean.hidden = true;
    if (row.outlineLevel) lean.outlineLevel = row.outlineLevel;
    if (row.collapsed) lean.collapsed = true;
    const style = nonEmpty(rowStyle(row));
    if (style) lean.style = style;
    for (const cell of storedCells(row)) {
      const value = rawValue(cell);
      if (!leanValue(value)) return undefined;
      const style = nonEmpty(cell.style);
      if ((value === null || value === undefined) && !style) continue;
      lean.cells[Number(cell.col) - 1] = { value: value ?? null, style };
    }
    rows[row.number - 1] = lean;
  }
  const sheet: LeanSheet = { rows };
  clearStoredRows(ws);
  setLeanSheet(ws, sheet);
  return sheet;
}

/** The body cells of a table's rows as raw values (an append keeps them). */
export function leanRawRows(sheet: LeanSheet, area: TableArea): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  for (let r = area.firstRow; r <= area.lastRow; r++) {
    const cells = sheet.rows[r - 1]?.cells;
    const row: ExcelJS.CellValue[] = [];
    for (let c = area.firstCol; c <= area.lastCol; c++) row.push(cells?.[c]?.value ?? null);
    out.push(row);
  }
  return out;
}

/**
 * Cells as ExcelJS's getCell finds or creates them: a new cell takes the parts of its row's style,
 * else its column's (ExcelJS's Cell._mergeStyle).
 */
class CellsOf {
  private readonly merged = new Map<string, LeanStyle | null>();
  constructor(
    private readonly ws: ExcelJS.Worksheet,
    private readonly sheet: LeanSheet,
  ) {}

  private newStyle(row: LeanRow, col: number): LeanStyle | null {
    const rowStyle = row.style;
    const colStyle = nonEmpty(this.ws.getColumn(col + 1).style);
    if (!rowStyle && !colStyle) return null;
    const key = `${col}`;
    if (!rowStyle && this.merged.has(key)) return this.merged.get(key) ?? null;
    const style: LeanStyle = {};
    for (const part of ['numFmt', 'font', 'alignment', 'border', 'fill', 'protection'] as const) {
      const v = rowStyle?.[part] || colStyle?.[part];
      if (v) (style as Record<string, unknown>)[part] = v;
    }
    const out = nonEmpty(style);
    if (!rowStyle) this.merged.set(key, out);
    return out;
  }

  /** Sets a value, creating the cell as getCell would; a null value on no cell stays no cell. */
  set(r: number, col: number, value: ExcelJS.CellValue): LeanCell | undefined {
    const row = (this.sheet.rows[r - 1] ??= { cells: [] });
    let cell = row.cells[col];
    if (!cell) {
      const style = this.newStyle(row, col);
      if ((value === null || value === undefined) && !style) return undefined;
      cell = row.cells[col] = { value: null, style };
    }
    cell.value = value ?? null;
    return cell;
  }
}

const EMPTY = (): LeanCell => ({ value: null, style: null });

/** rewriteTable (applyPlan.ts) on a lean sheet. */
export function rewriteLeanTable(
  ws: ExcelJS.Worksheet,
  sheet: LeanSheet,
  t: TableRewrite,
  kept: ExcelJS.CellValue[][],
  area: TableArea,
  style: ExcelJS.TableStyleProperties,
): void {
  const cells = new CellsOf(ws, sheet);
  for (let r = area.firstRow; r <= area.lastRow; r++) {
    for (let c = area.firstCol; c <= area.lastCol; c++) {
      // ExcelJS's replace leaves each cell there with value null and style {} (written as nothing);
      // a lean cell there is emptied in place (no cell object is shared between places).
      if (t.mode === 'replace') {
        const row = (sheet.rows[r - 1] ??= { cells: [] });
        const cell = row.cells[c];
        if (cell) {
          cell.value = null;
          cell.style = null;
        } else row.cells[c] = EMPTY();
      } else cells.set(r, c, null);
    }
  }
  // The table object as ExcelJS makes it (columns, style), without its rows: those are lean.
  ws.removeTable(t.name);
  ws.addTable({
    name: t.name,
    ref: encodeCell(t.firstCol, t.headerRow),
    headerRow: true,
    totalsRow: false,
    style,
    columns: t.headers.map((h) => ({ name: h, filterButton: true })),
    rows: [t.headers.map(() => null)],
  });
  clearStoredRows(ws);
  const rows = t.kept + t.body.length + (t.blankRow ? 1 : 0);
  const lastCol = t.firstCol + t.headers.length - 1;
  setTableRange(
    ws,
    t.name,
    `${encodeCell(t.firstCol, t.headerRow)}:${encodeCell(lastCol, t.headerRow + rows)}`,
  );
  t.headers.forEach((h, j) => cells.set(t.headerRow, t.firstCol + j, h));
  kept.forEach((values, i) =>
    values.forEach((v, j) => cells.set(t.headerRow + 1 + i, t.firstCol + j, v)),
  );
  // Planned rows: the value, then the column's number format (ExcelJS's order: addTable, setNumFmt).
  const formats = t.formats.map(
    (fmt) => fmt && { fmt, byBase: new Map<LeanStyle | null, LeanStyle>() },
  );
  t.body.forEach((values, i) => {
    const r = t.headerRow + 1 + t.kept + i;
    values.forEach((v, j) => {
      const c = t.firstCol + j;
      const cell = cells.set(r, c, toExcelValue(v));
      const format = formats[j];
      if (!format) return;
      const target = cell ?? ((sheet.rows[r - 1] ??= { cells: [] }).cells[c] = EMPTY());
      let style = format.byBase.get(target.style);
      if (!style) format.byBase.set(target.style, (style = numFmtStyle(target.style, format.fmt)));
      target.style = style;
    });
  });
  if (t.blankRow)
    t.headers.forEach((_, j) => cells.set(t.headerRow + 1 + rows - 1, t.firstCol + j, null));
}
