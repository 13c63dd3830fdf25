/**
 * Behaviours of real Excel that the adapter must survive (issue 14), each first taught to the
 * simulated host (test/support/simulatedExcel/, sources in its comments) and then met by the adapter.
 */
import ExcelJS from 'exceljs';
import { planInit } from '../../src/plan/jobs/init';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { xiachengSample } from '../../src/sample/xiacheng';
import { runJob } from '../../src/office';
import * as xlsx from '../../src/xlsx';
import { SimWorkbook, dumpWorkbook, installSimulatedOffice } from '../support/simulatedExcel';
import { dumpExcelJs } from '../support/simulatedExcel/dumpExcelJs';

const NOW = '2019-10-15T09:00:00+08:00';
const round = (v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v);
const formulaValues = (dump: ReturnType<typeof dumpWorkbook>) =>
  dump.sheets.flatMap((s) =>
    Object.entries(s.cells)
      .filter(([, c]) => c.formula)
      .map(([a, c]) => [`${s.name}!${a}`, c.formula, round(c.value)]),
  );

function simulated(apiVersion = '1.9') {
  const workbook = new SimWorkbook();
  workbook.addSheet('Sheet1');
  return installSimulatedOffice(globalThis, { workbook, apiVersion });
}

const runPeriod = (period: string) =>
  runJob((snapshot) => planRun(snapshot, period, { now: NOW }), {
    sheets: runSheetsToRead(period),
  });

describe('calculated columns (office-js #2093, #5909)', () => {
  it('the simulated host fills a table column written with formulas with the last one, unless a body cell is a constant', async () => {
    const office = simulated();
    try {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1:C4').values = [
          ['n', 'f', 'g'],
          [1, '', 5],
          [2, '', 6],
          [3, '', 7],
        ];
        ws.tables.add('A1:C4', true);
        await context.sync();
        ws.getRange('B2:B4').formulas = [['=A2*10'], ['=A3+1'], ['=A4*2']];
        ws.getRange('C3').formulas = [['=A3*100']];
      });
      const cells = dumpWorkbook(office.workbook, { formulaValues: true }).sheets[0].cells;
      expect([cells.B2, cells.B3, cells.B4]).toEqual([
        { formula: '=A2*2', value: 2 },
        { formula: '=A3*2', value: 4 },
        { formula: '=A4*2', value: 6 },
      ]);
      expect([cells.C2.value, cells.C3, cells.C4.value]).toEqual([
        5,
        { formula: '=A3*100', value: 200 },
        7,
      ]);
    } finally {
      office.uninstall();
    }
  });

  it('keeps every TD_Scores formula with the value the engine computed, over two periods, as the ExcelJS adapter does', async () => {
    const office = simulated();
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      await runPeriod('2019Q2');
      await runPeriod('2019Q3');
    } finally {
      office.uninstall();
    }
    const wb = new ExcelJS.Workbook();
    xlsx.applyBookPlan(wb, planInit(xiachengSample(), { now: NOW }));
    for (const period of ['2019Q2', '2019Q3'])
      xlsx.applyBookPlan(
        wb,
        planRun(xlsx.readSnapshot(wb, runSheetsToRead(period)), period, { now: NOW }).plan,
      );
    const expected = formulaValues(dumpExcelJs(wb, { formulaValues: true }));
    const actual = formulaValues(dumpWorkbook(office.workbook, { formulaValues: true }));
    const scores = (rows: unknown[][]) => rows.filter(([a]) => String(a).startsWith('考核结果!'));
    // Both periods' rows: three formula columns each (序时目标, 完成率, 序时完成率).
    expect(scores(expected).length).toBe(3 * 2 * 48);
    expect(scores(actual)).toEqual(scores(expected));
    expect(new Set(scores(actual).map(([a]) => String(a).replace(/\d+$/, '')))).toEqual(
      new Set(['考核结果!I', '考核结果!L', '考核结果!M']),
    );
  });
});
