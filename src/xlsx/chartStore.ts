/**
 * ExcelJS drops charts when it loads a book, so every save would lose the bulletins' native charts
 * (src/xlsx/chart.ts adds them after ExcelJS writes). The plans of the charts drawn are therefore
 * kept in a very hidden sheet, one row per chart (sheet name, ChartPlan JSON), and drawn again on
 * every save for the sheets that still exist.
 */
import type ExcelJS from 'exceljs';
import type { ChartPlan } from '../plan/types';

export const CHART_STORE_SHEET = 'TD_Charts';
/** Excel's limit on the text in one cell. */
const MAX_CELL_TEXT = 32767;

function store(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  return wb.getWorksheet(CHART_STORE_SHEET) ?? wb.addWorksheet(CHART_STORE_SHEET, { state: 'veryHidden' });
}

function readStore(wb: ExcelJS.Workbook): { sheet: string; chart: ChartPlan }[] {
  const ws = wb.getWorksheet(CHART_STORE_SHEET);
  if (!ws) return [];
  const out: { sheet: string; chart: ChartPlan }[] = [];
  ws.eachRow((row) => {
    const sheet = row.getCell(1).value;
    const json = row.getCell(2).value;
    if (typeof sheet !== 'string' || typeof json !== 'string') return;
    try {
      out.push({ sheet, chart: JSON.parse(json) as ChartPlan });
    } catch {
      // A row someone edited by hand: that chart is not redrawn.
    }
  });
  return out;
}

/** Records the charts of sheets just laid out (replacing what those sheets had before). */
export function rememberCharts(wb: ExcelJS.Workbook, sheets: { sheet: string; charts: ChartPlan[] }[]): void {
  if (!sheets.length) return;
  const rewritten = new Set(sheets.map((s) => s.sheet));
  const kept = readStore(wb).filter((c) => !rewritten.has(c.sheet));
  const added = sheets.flatMap((s) => s.charts.map((chart) => ({ sheet: s.sheet, chart })));
  if (!kept.length && !added.length && !wb.getWorksheet(CHART_STORE_SHEET)) return;
  const ws = store(wb);
  ws.spliceRows(1, ws.rowCount);
  [...kept, ...added]
    .map((c) => [c.sheet, JSON.stringify(c.chart)])
    .filter(([, json]) => json.length <= MAX_CELL_TEXT)
    .forEach((cells, i) => {
      ws.getRow(i + 1).values = cells;
    });
}

/** The charts to draw into a saved book: those recorded for sheets the book still has. */
export function storedCharts(wb: ExcelJS.Workbook): { sheet: string; chart: ChartPlan }[] {
  return readStore(wb).filter((c) => wb.getWorksheet(c.sheet));
}
