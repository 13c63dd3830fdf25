import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Scenario } from '../../src/engine/types';
import { loadBook, saveBookAtomic } from '../../src/xlsx';

export const RETURNS_SCENARIO: Scenario = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../fixtures/returns/scenario.json'), 'utf8'),
);

/** Opens a workbook, lets `edit` change it as a person would in Excel, and saves it (properties kept). */
export async function editWorkbook(
  from: string,
  to: string,
  edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
): Promise<void> {
  const wb = await loadBook(from);
  edit(wb.worksheets[0], wb);
  await saveBookAtomic(wb, to);
}
