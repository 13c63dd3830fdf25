/**
 * ExcelJS drops charts when it loads a book, so every save would lose the bulletins' native charts
 * (src/xlsx/chart.ts adds them after ExcelJS writes). The plans of the charts drawn are therefore
 * recorded in a very hidden sheet (src/plan/chartStore.ts, the record the Office.js adapter
 * writes too) and drawn again on every save for the sheets that still exist.
 */
import type ExcelJS from 'exceljs';
import { CHART_STORE_SHEET, StoredChart, chartStoreRows, readChartStore } from '../plan/chartStore';
import type { ChartPlan, Scalar } from '../plan/types';

export { CHART_STORE_SHEET };

function storeRows(wb: ExcelJS.Workbook): Scalar[][] | undefined {
  const ws = wb.getWorksheet(CHART_STORE_SHEET);
  if (!ws) return undefined;
  const rows: Scalar[][] = [];
  ws.eachRow((row) => {
    const cells = [row.getCell(1).value, row.getCell(2).value];
    rows.push(cells.map((v) => (typeof v === 'string' ? v : null)));
  });
  return rows;
}

/** Records the charts of sheets just laid out (replacing what those sheets had before). */
export function rememberCharts(
  wb: ExcelJS.Workbook,
  sheets: { sheet: string; charts: ChartPlan[] }[],
): void {
  const rows = chartStoreRows(storeRows(wb), sheets);
  if (!rows) return;
  const ws =
    wb.getWorksheet(CHART_STORE_SHEET) ??
    wb.addWorksheet(CHART_STORE_SHEET, { state: 'veryHidden' });
  ws.spliceRows(1, ws.rowCount);
  rows.forEach((cells, i) => {
    ws.getRow(i + 1).values = cells;
  });
}

/** The charts to draw into a saved book: those recorded for sheets the book still has. */
export function storedCharts(wb: ExcelJS.Workbook): StoredChart[] {
  return readChartStore(storeRows(wb) ?? []).filter((c) => wb.getWorksheet(c.sheet));
}
