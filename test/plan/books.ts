/** Plan workbooks in memory for the plan and xlsx tests: init a scenario, run a period, reload. */
import { problemText } from '../../src/engine/messages/catalogue';
import { InputError } from '../../src/engine/errors';
import ExcelJS from 'exceljs';
import type { Scenario } from '../../src/engine/types';
import { planInit } from '../../src/plan/jobs/init';
import { planRun, RunResult, runSheetsToRead } from '../../src/plan/jobs/run';
import { applyBookPlan, bookBuffer, loadBookBuffer, readSnapshot } from '../../src/xlsx';

export const NOW = '2019-10-08T09:00:00.000Z';

export function initBook(s: Scenario): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  applyBookPlan(wb, planInit(s, { now: NOW }));
  return wb;
}

/** Saves and loads again, as the CLI does between commands. */
export async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadBookBuffer(await bookBuffer(wb), 'book.xlsx');
}

export function runBook(
  wb: ExcelJS.Workbook,
  period: string,
  options: { now?: string; force?: boolean } = {},
): RunResult {
  const result = planRun(readSnapshot(wb, runSheetsToRead(period)), period, {
    now: options.now ?? NOW,
    force: options.force,
  });
  applyBookPlan(wb, result.plan);
  return result;
}

/** A table's body as objects keyed by header. */
export function tableObjects(wb: ExcelJS.Workbook, table: string): Record<string, unknown>[] {
  const t = readSnapshot(wb).tables[table];
  return t.rows
    .filter((r) => r.some((v) => v !== null))
    .map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

/** The problems, as `where: message`, of the InputError that `f` throws; fails if it throws none. */
export function inputProblems(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError)
      return e.problems.map((p) => `${p.where}: ${problemText(p, 'en-US')}`);
    throw e;
  }
  throw new Error('expected an InputError');
}
