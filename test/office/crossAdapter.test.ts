import ExcelJS from 'exceljs';
import { planInit } from '../../src/plan/jobs/init';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { xiachengSample } from '../../src/sample/xiacheng';
import { runJob } from '../../src/office';
import * as xlsx from '../../src/xlsx';
import { CHART_STORE_SHEET } from '../../src/xlsx/chartStore';
import { SimWorkbook, dumpWorkbook, installSimulatedOffice } from '../support/simulatedExcel';
import { dumpExcelJs } from '../support/simulatedExcel/dumpExcelJs';

const NOW = '2019-10-15T09:00:00+08:00';

/** The same two commands through the ExcelJS adapter. */
function throughExcelJs() {
  const wb = new ExcelJS.Workbook();
  xlsx.applyBookPlan(wb, planInit(xiachengSample(), { now: NOW }));
  const run = planRun(xlsx.readSnapshot(wb, runSheetsToRead('2019Q3')), '2019Q3', { now: NOW });
  xlsx.applyBookPlan(wb, run.plan);
  return dumpExcelJs(wb, { skipSheets: [CHART_STORE_SHEET] });
}

describe('Office.js adapter on the simulated host, against the ExcelJS adapter', () => {
  it('writes the same cells, formulas, number formats and tables for init + run 2019Q3, in 2 syncs per command', async () => {
    const workbook = new SimWorkbook();
    workbook.addSheet('Sheet1');
    const office = installSimulatedOffice(globalThis, { workbook, apiVersion: '1.9' });
    try {
      const init = await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      expect(office.stats.syncs).toBe(2);
      expect(init.syncs).toBe(2);
      office.resetStats();
      const run = await runJob((snapshot) => planRun(snapshot, '2019Q3', { now: NOW }), { sheets: runSheetsToRead('2019Q3') });
      expect(office.stats.syncs).toBe(2);
      expect(run.bulletinSheet).toBe('通报 2019Q3');
      expect(run.notices).toEqual(['图表暂不能在 Excel 内直接绘制；用命令行生成的文件中包含该图表。']);

      const expected = throughExcelJs();
      const actual = dumpWorkbook(workbook);
      expect(actual.sheets.find((s) => s.name === 'Sheet1')?.cells).toEqual({});
      actual.sheets = actual.sheets.filter((s) => s.name !== 'Sheet1');
      expect(actual.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
      expect(actual.tables).toEqual(expected.tables);
      for (const [i, sheet] of expected.sheets.entries()) expect({ name: sheet.name, cells: actual.sheets[i].cells }).toEqual(sheet);
    } finally {
      office.uninstall();
    }
  });
});
