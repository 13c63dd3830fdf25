/**
 * Behaviours of real Excel that the adapter must survive (issue 14), each first taught to the
 * simulated host (test/support/simulatedExcel/, sources in its comments) and then met by the adapter.
 */
import { worded } from '../support/problems';
import ExcelJS from 'exceljs';
import { planInit } from '../../src/plan/jobs/init';
import { tableUpdate } from '../../src/plan/jobs/outputTables';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { xiachengSample } from '../../src/sample/xiacheng';
import { InputError } from '../../src/engine/errors';
import { decodeCell } from '../../src/engine/address';
import { dateText, isDateFormat, serialDate } from '../../src/plan/cellDates';
import { NOTICES, runJob } from '../../src/office';
import { readSnapshot as readOfficeSnapshot } from '../../src/office/readSnapshot';
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

describe('workbook structure protection (Workbook.protection, ExcelApi 1.7)', () => {
  it('the simulated host refuses to add, rename or delete a sheet of a protected workbook', async () => {
    const office = simulated();
    office.workbook.structureProtected = true;
    try {
      await expect(
        Excel.run(async (context) => {
          context.workbook.worksheets.add('新表');
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
      await expect(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem('Sheet1').name = '改名';
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
      expect(office.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    } finally {
      office.uninstall();
    }
  });

  it('refuses a run that adds a bulletin sheet, naming the protection in English and Chinese, and changes nothing; lays an existing one out again', async () => {
    const office = simulated();
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      await runPeriod('2019Q3');
      office.workbook.structureProtected = true;
      const before = JSON.stringify(dumpWorkbook(office.workbook));
      office.resetStats();
      const refused = await runPeriod('2019Q2').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(InputError);
      expect((refused as InputError).problems.map(worded)).toEqual([
        {
          where: '通报 2019Q2',
          message:
            'the workbook\'s structure is protected (Review › Protect Workbook), so sheet "通报 2019Q2" cannot be added or replaced; unprotect the workbook and try again (nothing was changed)',
          zh: '工作簿结构受保护（审阅 › 保护工作簿），无法新建或替换工作表“通报 2019Q2”；请先撤销工作簿保护再重试（未做任何更改）',
        },
      ]);
      expect(office.stats.syncs).toBe(1);
      expect(JSON.stringify(dumpWorkbook(office.workbook))).toBe(before);
      // 2019Q3's bulletin exists: it is laid out again in place, which the protection allows.
      await expect(runPeriod('2019Q3')).resolves.toMatchObject({ notices: [], syncs: 2 });
    } finally {
      office.uninstall();
    }
  });
});

describe('manual calculation mode (Application.calculationMode, ExcelApi 1.1)', () => {
  it('reads formula values recalculated, rewrites in the same 2 syncs and recalculates after writing, with a notice', async () => {
    const office = simulated();
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      await runPeriod('2019Q3');
      office.workbook.calculationMode = 'Manual';
      // A user overtypes 完成数 of the first TD_Scores row (J2; 任务数 is G2, 完成率 L2).
      const scores = office.workbook.findSheet('考核结果')!;
      const quota = Number(scores.cell(1, 6)!.value);
      scores.input(1, 9, 999);
      expect(scores.cell(1, 11)!.value).not.toBe(999 / quota);
      const snapshot = await Excel.run((context) => readOfficeSnapshot(context));
      expect(snapshot.manualCalculation).toBe(true);
      expect(snapshot.tables.TD_Scores.rows[0].slice(9, 12)).toEqual([999, '已报送', 999 / quota]);

      scores.input(1, 9, 1000);
      office.resetStats();
      const run = await runPeriod('2019Q3');
      expect(office.stats.syncs).toBe(2);
      expect(run.notices).toEqual([NOTICES.manualCalculation]);
      // The run replaced the row from the returns (TD_Actuals), kept the overtyped one in
      // TD_History as Excel showed it recalculated, and the new row's formulas are calculated.
      const history = office.workbook.findTable('TD_History')!;
      const kept = JSON.parse(
        String(
          office.workbook.findSheet(history.sheet.name)!.cell(history.r0 + 1, history.c0 + 4)!
            .value,
        ),
      );
      expect(kept['完成率']).toBe(1000 / quota);
      const rate = scores.cell(1, 11)!.value;
      expect(rate).toBe(Number(scores.cell(1, 9)!.value) / quota);
    } finally {
      office.uninstall();
    }
  });
});

describe('totals rows, hidden header rows and filters (Table.showTotals / showHeaders, office-js #994, #468)', () => {
  it('the simulated host: getRange takes in the totals row and leaves out a hidden header row; a filtered table moves no cells', async () => {
    const office = simulated();
    try {
      const ranges = await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1:B3').values = [
          ['名称', '数'],
          ['甲', 1],
          ['乙', 2],
        ];
        const table = ws.tables.add('A1:B3', true);
        table.showTotals = true;
        table.showHeaders = false;
        const all = table.getRange().load('address');
        const body = table.getDataBodyRange().load('address');
        const names = table.columns.load('items/name');
        await context.sync();
        return { all: all.address, body: body.address, names: names.items.map((c) => c.name) };
      });
      expect(ranges).toEqual({ all: 'Sheet1!A2:B4', body: 'Sheet1!A2:B3', names: ['名称', '数'] });
      office.workbook.tables[0].filters.set(0, { filterOn: 'Values', values: ['甲'] });
      await expect(
        Excel.run(async (context) => {
          context.workbook.tables.getItem('Table1').getDataBodyRange().getRow(1).delete('Up');
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'GeneralException' });
    } finally {
      office.uninstall();
    }
  });

  it('reruns a period over TD_Scores with a totals row and TD_Ranking with its header hidden, as on plain tables', async () => {
    const plain = simulated();
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      await runPeriod('2019Q3');
      await runPeriod('2019Q3');
    } finally {
      plain.uninstall();
    }
    const office = simulated();
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      await runPeriod('2019Q3');
      office.workbook.findTable('TD_Scores')!.setShowTotals(true);
      office.workbook.findTable('TD_Ranking')!.setShowHeaders(false);
      await runPeriod('2019Q3');
    } finally {
      office.uninstall();
    }
    const body = (book: SimWorkbook, name: string) => {
      const t = book.findTable(name)!;
      const rect = t.bodyRect;
      return Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) =>
        Array.from(
          { length: t.c1 - t.c0 + 1 },
          (_, j) => t.sheet.cell(rect.r0 + i, t.c0 + j)?.value,
        ),
      );
    };
    for (const name of ['TD_Scores', 'TD_Ranking', 'TD_History'])
      expect(body(office.workbook, name)).toEqual(body(plain.workbook, name));
    const scores = office.workbook.findTable('TD_Scores')!;
    expect(scores.sheet.cell(scores.r1, scores.c0)?.value).toBe('汇总');
    expect(office.workbook.findTable('TD_Ranking')!.headers()[0]).toBe('期间');
  });

  it('clears a filter to delete rows of a table and applies it again, in the same 2 syncs', async () => {
    const office = simulated();
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      await runPeriod('2019Q3');
      const log = office.workbook.findTable('TD_Log')!;
      expect(log.bodyRows).toBe(2);
      const criteria = { filterOn: 'Values', values: ['计算考核'] };
      log.filters.set(1, criteria);
      log.setShowTotals(true);
      office.resetStats();
      await runJob(() => ({
        plan: { sheets: [], tableUpdates: [tableUpdate('TD_Log', [[NOW, '计算考核']], 'replace')] },
      }));
      expect(office.stats.syncs).toBe(2);
      expect(log.bodyRows).toBe(1);
      expect([...log.filters]).toEqual([[1, criteria]]);
      expect(log.sheet.cell(log.r1, log.c0)?.value).toBe('汇总');
      expect(log.sheet.cell(log.r1 - 1, log.c0 + 1)?.value).toBe('计算考核');
    } finally {
      office.uninstall();
    }
  });
});

describe('optional cosmetics in a last sync (office-js #2196)', () => {
  it('writes every table and value even where freeze panes throw, and says so in a notice', async () => {
    const workbook = new SimWorkbook();
    workbook.addSheet('Sheet1');
    const office = installSimulatedOffice(globalThis, { workbook, freezePanesFail: true });
    let init;
    try {
      init = await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
    } finally {
      office.uninstall();
    }
    expect(init.notices).toContain(NOTICES.cosmetics);
    expect(init.syncs).toBe(3);
    const healthy = simulated('1.7');
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
    } finally {
      healthy.uninstall();
    }
    const cells = (book: SimWorkbook) =>
      dumpWorkbook(book).sheets.map((s) => ({ name: s.name, cells: s.cells }));
    expect(cells(workbook)).toEqual(cells(healthy.workbook));
    expect(workbook.tables.map((t) => t.name)).toEqual(healthy.workbook.tables.map((t) => t.name));
    expect(workbook.sheets.filter((s) => s.freeze).length).toBe(0);
    expect(healthy.workbook.sheets.filter((s) => s.freeze).length).toBeGreaterThan(5);
  });
});

describe('dates (range.values gives serial numbers, ExcelJS gives Dates)', () => {
  it('the simulated host stores a typed date as its serial number in a date format', () => {
    const book = new SimWorkbook();
    const sheet = book.addSheet('Sheet1');
    sheet.input(0, 0, '2019-08-01');
    expect(sheet.cell(0, 0)).toMatchObject({ value: 43678, numberFormat: 'yyyy/m/d' });
  });

  it('reads a date typed into 发证日期 as 2019-08-01 through both adapters', async () => {
    const wb = new ExcelJS.Workbook();
    xlsx.applyBookPlan(wb, planInit(xiachengSample(), { now: NOW }));
    const table = xlsx.readSnapshot(wb).tables.TD_Recognitions!;
    const { col, row } = decodeCell(table.ref.split(':')[0]);
    const issued = table.headers.indexOf('发证日期');
    const cell = wb.getWorksheet(table.sheet)!.getCell(row + 1, col + 1 + issued);
    cell.value = new Date(Date.UTC(2019, 7, 1));
    cell.numFmt = 'yyyy/m/d';
    const fromExcelJs = xlsx.readSnapshot(wb).tables.TD_Recognitions!.rows[0];

    const office = simulated();
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      const t = office.workbook.findTable('TD_Recognitions')!;
      t.sheet.input(t.bodyRect.r0, t.c0 + issued, '2019-08-01');
      const snapshot = await Excel.run((context) => readOfficeSnapshot(context));
      expect(snapshot.tables.TD_Recognitions.rows[0]).toEqual(fromExcelJs);
      expect(fromExcelJs[issued]).toBe('2019-08-01');
    } finally {
      office.uninstall();
    }
  });

  it('gives a date with a time of day to the second, and tells date formats from number formats', () => {
    expect(dateText(serialDate(43678.6046296296))).toBe('2019-08-01T14:30:40');
    expect(dateText(new Date(Date.UTC(2019, 7, 1)))).toBe('2019-08-01');
    expect(
      [
        'yyyy/m/d',
        'yyyy"年"m"月"d"日"',
        '[$-804]yyyy-mm-dd',
        'h:mm',
        'General',
        '0.00',
        '@',
        '"d"0',
        '[Red]0.0',
      ].map(isDateFormat),
    ).toEqual([true, true, true, true, false, false, false, false, false]);
  });
});

describe('sheets laid out again in place (a rename + delete turns references into #REF!)', () => {
  it('the simulated host rewrites references on rename and breaks them on delete', () => {
    const book = new SimWorkbook();
    const a = book.addSheet('通报 2019Q3');
    const b = book.addSheet('汇总');
    a.input(0, 0, 7);
    b.input(0, 0, "='通报 2019Q3'!A1*2");
    book.renameSheet(a, '~td-old-1');
    expect(b.cell(0, 0)!.formula).toBe("='~td-old-1'!A1*2");
    book.deleteSheet(a);
    expect(b.cell(0, 0)!.formula).toBe('=#REF!A1*2');
  });

  it("keeps a user's formula on the bulletin working when a run lays the bulletin out again, and its place, charts and tables", async () => {
    const office = simulated();
    try {
      await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
      await runPeriod('2019Q3');
      const names = office.workbook.sheets.map((s) => s.name);
      const bulletin = office.workbook.findSheet('通报 2019Q3')!;
      const charts = bulletin.charts.length;
      const user = office.workbook.findSheet('Sheet1')!;
      user.input(0, 0, "='通报 2019Q3'!A1");
      user.input(1, 0, '=考核结果!G2');
      const before = dumpWorkbook(office.workbook, { formulaValues: true });
      office.resetStats();
      const again = await runPeriod('2019Q3');
      expect(again.syncs).toBe(2);
      expect(office.workbook.sheets.map((s) => s.name)).toEqual(names);
      expect(office.workbook.findSheet('通报 2019Q3') === bulletin).toBe(true);
      expect(bulletin.charts.length).toBe(charts);
      const after = dumpWorkbook(office.workbook, { formulaValues: true });
      expect(after.sheets.find((s) => s.name === 'Sheet1')!.cells).toEqual({
        A1: { formula: "='通报 2019Q3'!A1", value: bulletin.cell(0, 0)!.value },
        A2: {
          formula: '=考核结果!G2',
          value: office.workbook.findSheet('考核结果')!.cell(1, 6)!.value,
        },
      });
      expect(after.sheets.find((s) => s.name === '通报 2019Q3')).toEqual(
        before.sheets.find((s) => s.name === '通报 2019Q3'),
      );
    } finally {
      office.uninstall();
    }
  });
});
