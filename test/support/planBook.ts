import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Scenario } from '../../src/engine/types';
import { planInit } from '../../src/plan/jobs/init';
import { applyBookPlan, bookBuffer, loadBook, saveBookAtomic } from '../../src/xlsx';

export const RETURNS_SCENARIO: Scenario = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../fixtures/returns/scenario.json'), 'utf8'),
);

/** A plan workbook for a scenario, as `init --scenario` writes it. */
export async function writePlanBook(file: string, scenario: Scenario = RETURNS_SCENARIO): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const plan = planInit(scenario, { now: '2019-10-01T00:00:00.000Z' });
  applyBookPlan(wb, plan);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await bookBuffer(wb, { properties: plan.properties }));
}

/** Opens a workbook, lets `edit` change it as a person would in Excel, and saves it (properties kept). */
export async function editWorkbook(from: string, to: string, edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = await loadBook(from);
  edit(wb.worksheets[0], wb);
  await saveBookAtomic(wb, to);
}
