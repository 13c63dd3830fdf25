/**
 * A simulated-host book as ExcelJS loads the file Excel would save from it: sheets (with their
 * visibility), cell values, formulas with their calculated results, number formats and tables —
 * and no charts, which ExcelJS drops on load. Node-only (imports ExcelJS), like dumpExcelJs.ts.
 */
import ExcelJS from 'exceljs';
import { cellAddress } from './address';
import type { SimWorkbook } from './simWorkbook';

const STATE: Record<string, ExcelJS.WorksheetState> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

export function simToExcelJs(book: SimWorkbook): ExcelJS.Workbook {
  book.recalculate();
  const wb = new ExcelJS.Workbook();
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: STATE[sheet.visibility] ?? 'visible' });
    const value = (r: number, c: number): ExcelJS.CellValue => {
      const cell = sheet.cell(r, c);
      if (!cell) return null;
      if (cell.formula !== undefined)
        return {
          formula: cell.formula.replace(/^=/, ''),
          result: cell.value,
        } as ExcelJS.CellFormulaValue;
      return cell.value ?? null;
    };
    const inTable = (r: number, c: number) =>
      sheet.tables.some((t) => r >= t.r0 && r <= t.r1 && c >= t.c0 && c <= t.c1);
    for (const [k, cell] of sheet.cells) {
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      const target = ws.getCell(cellAddress(r, c));
      if (!inTable(r, c)) target.value = value(r, c);
      if (cell.numberFormat && cell.numberFormat !== 'General') target.numFmt = cell.numberFormat;
    }
    for (const t of sheet.tables) {
      const cols = Array.from({ length: t.c1 - t.c0 + 1 }, (_, j) => t.c0 + j);
      ws.addTable({
        name: t.name,
        ref: cellAddress(t.r0, t.c0),
        headerRow: true,
        columns: t.headers().map((name) => ({ name, filterButton: true })),
        rows: Array.from({ length: t.r1 - t.r0 }, (_, i) =>
          cols.map((c) => value(t.r0 + 1 + i, c)),
        ),
      });
    }
  }
  return wb;
}
