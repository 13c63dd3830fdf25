/**
 * The live formulas of TD_Scores, recalculated by LibreOffice, give the engine's numbers: the
 * cached results are first overwritten with nonsense so that only a real recalculation passes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { decodeCell } from '../../src/engine/address';
import { xiachengSample } from '../../src/sample/xiacheng';
import { snapshotToScenario } from '../../src/plan/scenarioTables';
import { bookBuffer, loadBook, readSnapshot } from '../../src/xlsx';
import { libreOfficeConvert } from '../support/libreoffice';
import { initBook, reload, runBook, tableObjects } from '../plan/books';

const dir = mkdtempSync(join(tmpdir(), 'td-recalc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('LibreOffice recalculating the book reproduces the engine’s completion rates and timeliness to 1e-9', async () => {
  const wb = await reload(initBook(xiachengSample()));
  const { assessment } = runBook(wb, '2019Q3');
  const scores = readSnapshot(wb).tables.TD_Scores;
  const col = (h: string) =>
    decodeCell(scores.ref.split(':')[0]).col + scores.headers.indexOf(h) + 1;
  const top = decodeCell(scores.ref.split(':')[0]).row;
  const ws = wb.getWorksheet(scores.sheet)!;
  for (let i = 0; i < assessment.rows.length; i++) {
    for (const h of ['序时目标', '完成率', '序时完成率']) {
      const cell = ws.getCell(top + 1 + i, col(h));
      cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula, result: 12345 };
    }
  }
  const poisoned = join(dir, 'poisoned.xlsx');
  writeFileSync(poisoned, await bookBuffer(wb));

  const out = libreOfficeConvert(poisoned, 'xlsx', join(dir, 'out'), { recalc: true });
  const recalculated = new ExcelJS.Workbook();
  await recalculated.xlsx.readFile(out);
  const sheet = recalculated.getWorksheet(scores.sheet)!;
  const read = (row: number, h: string) => {
    const v = sheet.getCell(row, col(h)).result ?? sheet.getCell(row, col(h)).value;
    return v === '' || v === undefined ? null : v;
  };
  expect(assessment.rows.length).toBeGreaterThan(40);
  let compared = 0;
  assessment.rows.forEach((r, i) => {
    const row = top + 1 + i;
    expect(sheet.getCell(row, col('单位编号')).value).toBe(r.unit);
    expect(sheet.getCell(row, col('指标编号')).value).toBe(r.indicator);
    for (const [h, want] of [
      ['序时目标', r.milestone],
      ['完成率', r.rate],
      ['序时完成率', r.timely],
    ] as const) {
      const got = read(row, h);
      if (want === null) expect(got).toBeNull();
      else {
        expect(typeof got).toBe('number');
        expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(1e-9);
        compared++;
      }
    }
  });
  expect(compared).toBeGreaterThan(90);
});

it('runs on a book last saved by LibreOffice', async () => {
  const wb = await reload(initBook(xiachengSample()));
  runBook(wb, '2019Q2');
  const saved = join(dir, 'for-libreoffice.xlsx');
  writeFileSync(saved, await bookBuffer(wb));
  const fromLibreOffice = await loadBook(libreOfficeConvert(saved, 'xlsx', join(dir, 'lo')));
  expect(snapshotToScenario(readSnapshot(fromLibreOffice))).toEqual(
    JSON.parse(JSON.stringify(xiachengSample())),
  );
  const result = runBook(fromLibreOffice, '2019Q3');
  const again = await reload(fromLibreOffice);
  expect(tableObjects(again, 'TD_Ranking').map((r) => r['期间'])).toEqual([
    ...result.assessment.units.map(() => '2019Q2'),
    ...result.assessment.units.map(() => '2019Q3'),
  ]);
  expect(tableObjects(again, 'TD_Log').map((r) => r['操作'])).toEqual([
    '新建计划簿',
    '计算考核',
    '计算考核',
  ]);
});
