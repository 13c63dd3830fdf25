/**
 * Quarterly returns as two streets fill them in (本年累计完成 10, 11, … by row; the second unit one
 * more), read back as grids the way import-returns reads files: input for the import job's tests.
 */
import ExcelJS from 'exceljs';
import type { GridBook } from '../../src/engine/grid';
import { templatesJob } from '../../src/plan/jobs/templates';
import type { BookSnapshot } from '../../src/plan/types';
import * as xlsx from '../../src/xlsx';
import { readXlsxGrid } from '../../src/xlsx/returnFile';

export async function filledReturns(book: BookSnapshot, now: string): Promise<GridBook[]> {
  const { templates } = templatesJob(book, { period: '2019Q3', now });
  return Promise.all(
    templates.slice(0, 2).map(async (t, k) => {
      const wb = new ExcelJS.Workbook();
      xlsx.applyBookPlan(wb, t.book);
      const table = xlsx.readSnapshot(wb).tables.TD_Return!;
      const ws = wb.getWorksheet(table.sheet)!;
      const first = Number(/\d+/.exec(table.ref)![0]) + 1;
      table.rows.forEach((_, i) => (ws.getRow(first + i).getCell(5).value = 10 + k + i));
      return readXlsxGrid(await xlsx.bookBuffer(wb, { properties: t.book.properties }), t.fileName);
    }),
  );
}
