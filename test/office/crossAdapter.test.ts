import ExcelJS from 'exceljs';
import { planInit } from '../../src/plan/jobs/init';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { xiachengSample } from '../../src/sample/xiacheng';
import { runJob } from '../../src/office';
import { CHART_DATA_SHEET } from '../../src/office/chartData';
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
  it.each([
    ['1.9', [], []],
    ['1.7', ['此版本的 Excel 不支持数据验证（需要 ExcelApi 1.8），已跳过数据验证。'], ['此版本的 Excel 不支持页面设置（需要 ExcelApi 1.9），已跳过打印设置和分页符。']],
  ])('writes the same cells, formulas, number formats and tables for init + run 2019Q3, in 2 syncs per command (ExcelApi %s)', async (apiVersion, initNotices, runNotices) => {
    const workbook = new SimWorkbook();
    workbook.addSheet('Sheet1');
    const office = installSimulatedOffice(globalThis, { workbook, apiVersion });
    try {
      const init = await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      expect(office.stats.syncs).toBe(2);
      expect(init.syncs).toBe(2);
      expect(init.notices).toEqual(initNotices);
      office.resetStats();
      const run = await runJob((snapshot) => planRun(snapshot, '2019Q3', { now: NOW }), { sheets: runSheetsToRead('2019Q3') });
      expect(office.stats.syncs).toBe(2);
      expect(run.bulletinSheet).toBe('通报 2019Q3');
      expect(run.notices).toEqual(runNotices);

      const expected = throughExcelJs();
      const actual = dumpWorkbook(workbook);
      expect(actual.sheets.find((s) => s.name === 'Sheet1')?.cells).toEqual({});
      // Sheet1 is the blank sheet every Excel book starts with; TD_ChartData holds the chart figures
      // Office.js charts need in cells (the xlsx adapter writes them into the chart part instead).
      actual.sheets = actual.sheets.filter((s) => s.name !== 'Sheet1' && s.name !== CHART_DATA_SHEET);
      expect(actual.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
      expect(actual.tables).toEqual(expected.tables);
      for (const [i, sheet] of expected.sheets.entries()) expect({ name: sheet.name, cells: actual.sheets[i].cells }).toEqual(sheet);
    } finally {
      office.uninstall();
    }
  });
});
