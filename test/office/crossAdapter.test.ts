import ExcelJS from 'exceljs';
import { planInit } from '../../src/plan/jobs/init';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { importListJob } from '../../src/plan/jobs/importList';
import { importReturnsJob } from '../../src/plan/jobs/importReturns';
import { templatesJob } from '../../src/plan/jobs/templates';
import { csvGrid } from '../../src/xlsx/returnFile';
import { filledReturns } from '../support/filledReturns';
import { xiachengSample } from '../../src/sample/xiacheng';
import { NOTICES, runJob } from '../../src/office';
import type { BookPlan, BookSnapshot } from '../../src/plan/types';
import { CHART_DATA_SHEET } from '../../src/office/chartData';
import * as xlsx from '../../src/xlsx';
import { CHART_STORE_SHEET } from '../../src/xlsx/chartStore';
import { SimWorkbook, dumpWorkbook, installSimulatedOffice } from '../support/simulatedExcel';
import { dumpExcelJs } from '../support/simulatedExcel/dumpExcelJs';

const NOW = '2019-10-15T09:00:00+08:00';

/** The same two commands through the ExcelJS adapter. */
function throughExcelJs(formulaValues = false) {
  const wb = new ExcelJS.Workbook();
  xlsx.applyBookPlan(wb, planInit(xiachengSample(), { now: NOW }));
  const run = planRun(xlsx.readSnapshot(wb, runSheetsToRead('2019Q3')), '2019Q3', { now: NOW });
  xlsx.applyBookPlan(wb, run.plan);
  return dumpExcelJs(wb, { formulaValues });
}

describe('Office.js adapter on the simulated host, against the ExcelJS adapter', () => {
  it.each(['1.9', '1.7'])(
    "writes the same cells, formulas, number formats and tables for init + run 2019Q3, in 2 syncs per command and 1 for init's cosmetics (ExcelApi %s)",
    async (apiVersion) => {
      // Below 1.8/1.9 a plan's validations and print setup are skipped, each with one notice.
      const noticesFor = (plan: BookPlan) =>
        apiVersion === '1.9'
          ? []
          : [
              ...(plan.sheets.some((s) => s.validations?.length) ? [NOTICES.validation] : []),
              ...(plan.sheets.some((s) => s.print || s.rowBreaks?.length) ? [NOTICES.print] : []),
            ].sort();
      const workbook = new SimWorkbook();
      workbook.addSheet('Sheet1');
      const office = installSimulatedOffice(globalThis, { workbook, apiVersion });
      try {
        const init = await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
        // Read, write, and the freeze panes and tab colours of init's sheets in a last sync.
        expect(office.stats.syncs).toBe(3);
        expect(init.syncs).toBe(3);
        expect([...init.notices].sort()).toEqual(noticesFor(init.plan));
        office.resetStats();
        const run = await runJob((snapshot) => planRun(snapshot, '2019Q3', { now: NOW }), {
          sheets: runSheetsToRead('2019Q3'),
        });
        expect(office.stats.syncs).toBe(2);
        expect(run.bulletinSheet).toBe('通报 2019Q3');
        expect([...run.notices].sort()).toEqual(noticesFor(run.plan));

        const expected = throughExcelJs();
        const actual = dumpWorkbook(workbook);
        expect(actual.sheets.find((s) => s.name === 'Sheet1')?.cells).toEqual({});
        // Sheet1 is the blank sheet every Excel book starts with; TD_ChartData holds the chart figures
        // Office.js charts need in cells (the xlsx adapter writes them into the chart part instead).
        // TD_Charts, the record of the charts drawn, is the same in both.
        actual.sheets = actual.sheets.filter(
          (s) => s.name !== 'Sheet1' && s.name !== CHART_DATA_SHEET,
        );
        expect(actual.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
        expect(actual.tables).toEqual(expected.tables);
        for (const [i, sheet] of expected.sheets.entries())
          expect({ name: sheet.name, cells: actual.sheets[i].cells }).toEqual(sheet);
        expect(Object.keys(actual.sheets.find((s) => s.name === CHART_STORE_SHEET)!.cells)).toEqual(
          ['A1', 'B1'],
        );
      } finally {
        office.uninstall();
      }
    },
  );

  it('calculates every formula to the value the engine cached for it (to 12 significant digits)', async () => {
    const workbook = new SimWorkbook();
    workbook.addSheet('Sheet1');
    const office = installSimulatedOffice(globalThis, { workbook, apiVersion: '1.9' });
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      await runJob((snapshot) => planRun(snapshot, '2019Q3', { now: NOW }), {
        sheets: runSheetsToRead('2019Q3'),
      });
    } finally {
      office.uninstall();
    }
    const round = (v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v);
    const formulaValues = (dump: ReturnType<typeof dumpWorkbook>) =>
      dump.sheets.flatMap((s) =>
        Object.entries(s.cells)
          .filter(([, c]) => c.formula)
          .map(([a, c]) => [`${s.name}!${a}`, c.formula, round(c.value)]),
      );
    const expected = formulaValues(throughExcelJs(true));
    const actual = formulaValues(dumpWorkbook(workbook, { formulaValues: true }));
    expect(expected.length).toBeGreaterThan(100);
    expect(actual).toEqual(expected);
    // Units with an actual of 0 (未报送 counts as 0, SPEC §5) cache a rate of 0, as Excel recalculates it.
    expect(
      expected.filter(([, f, v]) => /^=IF\(/.test(String(f)) && v === 0).length,
    ).toBeGreaterThan(50);
  });

  it('reruns a period without taking its own bulletin for one a user edited', async () => {
    const office = installSimulatedOffice(globalThis, { apiVersion: '1.9' });
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      const run = () =>
        runJob((snapshot) => planRun(snapshot, '2019Q3', { now: NOW }), {
          sheets: runSheetsToRead('2019Q3'),
        });
      await run();
      await expect(run()).resolves.toMatchObject({ bulletinSheet: '通报 2019Q3' });
      office.workbook.findSheet('通报 2019Q3')!.input(0, 0, '改过的标题');
      await expect(run()).rejects.toThrow(/通报 2019Q3/);
    } finally {
      office.uninstall();
    }
  });

  it('imports filled returns into the same cells as the ExcelJS adapter, templates logged the same way', async () => {
    // Two units' templates, filled in as a street would, read back as the task pane does.
    const templateWb = new ExcelJS.Workbook();
    xlsx.applyBookPlan(templateWb, planInit(xiachengSample(), { now: NOW }));
    const files = await filledReturns(xlsx.readSnapshot(templateWb), NOW);
    const commands: { job: (s: BookSnapshot) => { plan: BookPlan } }[] = [
      { job: (s: BookSnapshot) => templatesJob(s, { period: '2019Q3', now: NOW }) },
      { job: (s: BookSnapshot) => importReturnsJob(s, files, { now: NOW }) },
    ];

    const wb = new ExcelJS.Workbook();
    xlsx.applyBookPlan(wb, planInit(xiachengSample(), { now: NOW }));
    for (const c of commands) xlsx.applyBookPlan(wb, c.job(xlsx.readSnapshot(wb)).plan);
    const expected = dumpExcelJs(wb, { skipSheets: [CHART_STORE_SHEET] });

    const office = installSimulatedOffice(globalThis, { apiVersion: '1.9' });
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      for (const c of commands) {
        office.resetStats();
        await runJob(c.job);
        expect(office.stats.syncs).toBe(2);
      }
      const actual = dumpWorkbook(office.workbook);
      actual.sheets = actual.sheets.filter(
        (s) => s.name !== 'Sheet1' && s.name !== CHART_DATA_SHEET,
      );
      expect(actual.tables).toEqual(expected.tables);
      expect(actual.sheets).toEqual(expected.sheets);

      // The same returns again replace the units' values: TD_Actuals keeps its size.
      const actualsRef = () => office.workbook.findTable('TD_Actuals')!.rect;
      const before = actualsRef();
      const { report } = await runJob((snapshot) =>
        importReturnsJob(snapshot, files, { now: NOW }),
      );
      expect(report.files.map((f) => f.status)).toEqual(['accepted', 'accepted']);
      expect(actualsRef()).toEqual(before);
    } finally {
      office.uninstall();
    }
  });

  it('applies table updates after the sheets of the same plan, to the tables as those sheets leave them', async () => {
    const columns = [{ header: '时间' }, { header: '操作' }];
    const before: BookPlan = {
      sheets: [
        {
          sheet: '日志',
          ranges: [],
          tables: [
            {
              name: 'TD_Log',
              at: 'B2',
              columns,
              rows: [
                ['t0', 'old'],
                ['t00', 'older'],
              ],
            },
          ],
        },
      ],
      tableUpdates: [],
    };
    const plan: BookPlan = {
      sheets: [
        {
          sheet: '日志',
          ranges: [{ at: 'A1', values: [['操作日志']] }],
          tables: [{ name: 'TD_Log', at: 'A3', columns, rows: [['t1', 'init']] }],
        },
      ],
      tableUpdates: [
        {
          table: 'TD_Log',
          sheet: '日志',
          at: 'A1',
          columns: [columns[1], columns[0]],
          rows: [['run', 't2']],
          mode: 'append',
        },
        { table: 'TD_New', sheet: '新表', at: 'C3', columns, rows: [], mode: 'replace' },
      ],
    };
    const wb = new ExcelJS.Workbook();
    xlsx.applyBookPlan(wb, before);
    xlsx.applyBookPlan(wb, plan);
    const expected = dumpExcelJs(wb);

    const office = installSimulatedOffice(globalThis, { apiVersion: '1.9' });
    try {
      await runJob(() => ({ plan: before }));
      await runJob(() => ({ plan }));
    } finally {
      office.uninstall();
    }
    const actual = dumpWorkbook(office.workbook);
    actual.sheets = actual.sheets.filter((s) => s.name !== 'Sheet1');
    expect(actual).toEqual(expected);
    expect(actual.tables).toEqual([
      { name: 'TD_Log', sheet: '日志', ref: 'A3:B5' },
      { name: 'TD_New', sheet: '新表', ref: 'C3:D4' },
    ]);
  });

  it('imports a recognition list into the same cells as the ExcelJS adapter', async () => {
    const registry = xiachengSample().registry;
    const lines = [
      '企业名称,证书编号,发证日期',
      ...registry.slice(0, 5).map((r, i) => `${r.name},GR20193300${i},2019-09-0${i + 1}`),
      '不在库里的企业,GR201933999,2019-09-20',
    ];
    const list = csvGrid(Buffer.from(lines.join('\n'), 'utf8'), '认定名单.csv');
    const job = (s: BookSnapshot) =>
      importListJob(s, list, { indicator: 'gqq_new', assign: {}, now: NOW });

    const wb = new ExcelJS.Workbook();
    xlsx.applyBookPlan(wb, planInit(xiachengSample(), { now: NOW }));
    const expectedReport = job(xlsx.readSnapshot(wb));
    xlsx.applyBookPlan(wb, expectedReport.plan);
    const expected = dumpExcelJs(wb, { skipSheets: [CHART_STORE_SHEET] });

    const office = installSimulatedOffice(globalThis, { apiVersion: '1.9' });
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      office.resetStats();
      const { report } = await runJob(job);
      expect(office.stats.syncs).toBe(2);
      expect(report).toEqual(expectedReport.report);
      expect(report.matched).toBe(5);
    } finally {
      office.uninstall();
    }
    const actual = dumpWorkbook(office.workbook);
    actual.sheets = actual.sheets.filter((s) => s.name !== 'Sheet1');
    expect(actual).toEqual(expected);
  });
});
