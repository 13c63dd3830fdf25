/**
 * The record of the charts drawn in a book, kept in the very hidden sheet TD_Charts: one row per
 * chart, (sheet name, ChartPlan JSON). ExcelJS drops charts when it loads a book, so the CLI draws
 * the recorded charts again on every save (src/xlsx/chartStore.ts); the Office.js adapter, whose
 * charts Excel keeps, writes the same record so that a book run in Excel keeps its charts when the
 * CLI saves it next. Both adapters compute the record with these functions, from the same plan.
 */
import type { ChartPlan, Scalar } from './types';

export const CHART_STORE_SHEET = 'TD_Charts';
/** Excel's limit on the text in one cell. */
const MAX_CELL_TEXT = 32767;

export interface StoredChart {
  sheet: string;
  chart: ChartPlan;
}

/** The charts a store sheet's values record (rows someone broke by hand are skipped: not redrawn). */
export function readChartStore(rows: readonly (readonly Scalar[])[]): StoredChart[] {
  const out: StoredChart[] = [];
  for (const [sheet, json] of rows) {
    if (typeof sheet !== 'string' || typeof json !== 'string') continue;
    try {
      out.push({ sheet, chart: JSON.parse(json) as ChartPlan });
    } catch {
      // A row someone edited by hand: that chart is not redrawn.
    }
  }
  return out;
}

/**
 * The store's new rows once `sheets` are laid out afresh (their charts replace what those sheets
 * had), or null when the store need not change: nothing laid out, or no store and no chart.
 */
export function chartStoreRows(
  current: readonly (readonly Scalar[])[] | undefined,
  sheets: readonly { sheet: string; charts?: readonly ChartPlan[] }[],
): [string, string][] | null {
  if (!sheets.length) return null;
  const rewritten = new Set(sheets.map((s) => s.sheet));
  const kept = readChartStore(current ?? []).filter((c) => !rewritten.has(c.sheet));
  const added = sheets.flatMap((s) => (s.charts ?? []).map((chart) => ({ sheet: s.sheet, chart })));
  if (!kept.length && !added.length && current === undefined) return null;
  return [...kept, ...added]
    .map((c): [string, string] => [c.sheet, JSON.stringify(c.chart)])
    .filter(([, json]) => json.length <= MAX_CELL_TEXT);
}
