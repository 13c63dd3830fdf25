import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { importListJob } from '../../src/plan/jobs/importList';
import { planInit } from '../../src/plan/jobs/init';
import { sampleRecognitionListCsv } from '../../src/sample/recognitionList';
import { xiachengSample } from '../../src/sample/xiacheng';
import { applyBookPlan, readSnapshot } from '../../src/xlsx';
import { csvGrid } from '../../src/xlsx/returnFile';

const EXAMPLE = path.resolve(__dirname, '../../examples/xiacheng-2019-gqq-list.csv');

describe('the sample recognition list', () => {
  it('is the committed example file', () => {
    expect(fs.readFileSync(EXAMPLE, 'utf8')).toBe(sampleRecognitionListCsv());
  });

  it('matches the sample registry end to end: 24 matched, 3 未匹配, 1 重复, 9 in Q3 and 24 by Q4', () => {
    const wb = new ExcelJS.Workbook();
    applyBookPlan(wb, planInit(xiachengSample(), {}));
    const { report } = importListJob(
      readSnapshot(wb),
      csvGrid(fs.readFileSync(EXAMPLE), 'xiacheng-2019-gqq-list.csv'),
      {
        indicator: 'gqq_new',
        assign: {},
        now: '2019-12-20T00:00:00.000Z',
      },
    );
    expect([
      report.rows,
      report.matched,
      report.unmatched.length,
      report.duplicates.length,
    ]).toEqual([28, 24, 3, 1]);
    const total = (period: string) =>
      report.counts.filter((c) => c.period === period).reduce((n, c) => n + c.count, 0);
    expect([total('2019Q3'), total('2019Q4')]).toEqual([9, 24]);
    // The sample's own returns for 2019Q3 disagree with the list for five units: 核对差异 in the demo.
    expect(report.discrepancies.map((d) => [d.unit, d.reported, d.listed])).toEqual([
      ['wulin', 1, 2],
      ['chaoming', 0, 1],
      ['shiqiao', 0, 2],
      ['kuamao', 3, 1],
      ['yingshi', 1, 0],
    ]);
  });
});
