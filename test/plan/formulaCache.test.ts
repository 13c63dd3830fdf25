/**
 * Every formula the plans write carries as its cached result what a spreadsheet calculates for it
 * (SPEC §5: a missing return counts as 0, so its rate is 0.0%, not blank): LibreOffice recalculates
 * a book run for two periods — units that did not report included, earlier periods' rows kept —
 * and every formula cell of every sheet must come back with the value it was saved with (the book
 * LibreOffice gets has every cached result overwritten, so only a real recalculation passes).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { xiachengSample } from '../../src/sample/xiacheng';
import { bookBuffer } from '../../src/xlsx';
import { rawValue } from '../../src/xlsx/cells';
import { CHART_STORE_SHEET } from '../../src/xlsx/chartStore';
import { libreOfficeConvert } from '../support/libreoffice';
import { initBook, reload, runBook } from './books';

const dir = mkdtempSync(join(tmpdir(), 'td-formula-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Found = { where: string; value: unknown };

function formulaCells(wb: ExcelJS.Workbook): Found[] {
  const out: Found[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === CHART_STORE_SHEET) continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = rawValue(cell) as { formula?: string; result?: unknown } | null;
        if (!v || typeof v !== 'object' || !('formula' in v)) return;
        const r = v.result === '' || v.result === undefined ? null : v.result;
        out.push({
          where: `${ws.name}!${cell.address}`,
          value: typeof r === 'number' ? Number(r.toPrecision(12)) : r,
        });
      }),
    );
  }
  return out;
}

it('LibreOffice recalculates every formula of a run book to its cached value', async () => {
  const wb = await reload(initBook(xiachengSample()));
  runBook(wb, '2019Q2');
  const q3 = runBook(wb, '2019Q3');
  expect(q3.assessment.rows.filter((r) => !r.reported && r.quota > 0).length).toBeGreaterThan(0);
  const cached = formulaCells(await reload(wb));
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as ExcelJS.CellFormulaValue;
        if (v && typeof v === 'object' && 'formula' in v)
          cell.value = { formula: v.formula, result: 12345 } as ExcelJS.CellFormulaValue;
      }),
    );
  }
  const file = join(dir, 'poisoned.xlsx');
  writeFileSync(file, await bookBuffer(wb));

  const recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.readFile(
    libreOfficeConvert(file, 'xlsx', join(dir, 'out'), { recalc: true }),
  );
  expect(cached.length).toBeGreaterThan(300);
  expect(cached.filter((c) => c.value === 0).length).toBeGreaterThan(20);
  expect(formulaCells(recalculated)).toEqual(cached);
});
