/**
 * The bulletin's live formulas (序时目标, 完成率, 序时完成率, 进度状态, 差异), recalculated by
 * LibreOffice, give the engine's figures: the cached results are first overwritten with nonsense so
 * that only a real recalculation passes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { assess } from '../../src/engine/assess';
import { xiachengSample } from '../../src/sample/xiacheng';
import { bulletinSheetPlan } from '../../src/plan/bulletinPlan';
import type { FormulaCell, PlanCell } from '../../src/plan/types';
import { applyBookPlan, bookBuffer } from '../../src/xlsx';
import { libreOfficeConvert } from '../support/libreoffice';

const dir = mkdtempSync(join(tmpdir(), 'td-bulletin-recalc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const isFormula = (c: PlanCell): c is FormulaCell => c !== null && typeof c === 'object';

it('LibreOffice recalculating the bulletin reproduces the engine’s figures and statuses', async () => {
  const sample = xiachengSample();
  const plan = bulletinSheetPlan(sample, assess(sample, '2019Q3'), {
    issuedOn: '2019-10-15',
    discrepancies: [{ unit: 'tianshui', indicator: 'gqq_new', reported: 4, listed: 3 }],
  });
  const expected = new Map<string, FormulaCell['value']>();
  for (const r of plan.ranges) {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(r.at)!;
    r.values.forEach((line, i) =>
      line.forEach((c, j) => {
        if (isFormula(c))
          expected.set(`${String.fromCharCode(col.charCodeAt(0) + j)}${Number(row) + i}`, c.value);
      }),
    );
  }
  const wb = new ExcelJS.Workbook();
  applyBookPlan(wb, { sheets: [plan], tableUpdates: [] });
  const ws = wb.getWorksheet(plan.sheet)!;
  for (const address of expected.keys()) {
    const cell = ws.getCell(address);
    cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula, result: 12345 };
  }
  const poisoned = join(dir, 'poisoned.xlsx');
  writeFileSync(poisoned, await bookBuffer(wb));

  const recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.readFile(
    libreOfficeConvert(poisoned, 'xlsx', join(dir, 'out'), { recalc: true }),
  );
  const sheet = recalculated.getWorksheet(plan.sheet)!;
  let numbers = 0;
  let texts = 0;
  for (const [address, want] of expected) {
    const got = sheet.getCell(address).result;
    if (typeof want === 'number') {
      expect({ address, diff: Math.abs((got as number) - want) <= 1e-9 }).toEqual({
        address,
        diff: true,
      });
      numbers++;
    } else {
      expect({ address, got }).toEqual({ address, got: want });
      texts++;
    }
  }
  expect(numbers + texts).toBe(expected.size);
  expect(numbers).toBeGreaterThan(100);
  expect(texts).toBeGreaterThan(40);
});
