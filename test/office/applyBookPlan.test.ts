import { worded } from '../support/problems';
import { InputError, inputError } from '../../src/engine/errors';
import { NOTICES, applyBookPlan, readSnapshot, runJob } from '../../src/office';
import { CHART_DATA_SHEET } from '../../src/office/chartData';
import type { BookPlan, PlanCell, TableColumn, TableUpdate } from '../../src/plan/types';
import {
  PAYLOAD_LIMIT_BYTES,
  SimWorkbook,
  dumpWorkbook,
  installSimulatedOffice,
} from '../support/simulatedExcel';

const INJECTIONS = ['=1+1', '+A1', '-2+3', '@SUM(A1)', '007', 'TRUE', "'quoted", '50%'];
const LOG_COLUMNS: TableColumn[] = [
  { header: '时间' },
  { header: '操作' },
  { header: '数量', numberFormat: '0' },
];

function install(apiVersion = '1.7') {
  const workbook = new SimWorkbook();
  workbook.addSheet('Sheet1');
  return installSimulatedOffice(globalThis, { workbook, apiVersion });
}

/** An update of the log table TD_Log (on 日志 at A1, appending), with what a test changes. */
const logUpdate = (rows: PlanCell[][], over: Partial<TableUpdate> = {}): TableUpdate => ({
  table: 'TD_Log',
  sheet: '日志',
  at: 'A1',
  columns: LOG_COLUMNS,
  rows,
  mode: 'append',
  ...over,
});

const emptyPlan = (over: Partial<BookPlan>): BookPlan => ({
  sheets: [],
  tableUpdates: [],
  ...over,
});

describe('applyBookPlan on the simulated host', () => {
  let office: ReturnType<typeof install>;
  afterEach(() => office.uninstall());

  it('keeps strings starting with = + - @ (and numbers, booleans, percentages as text) as text', async () => {
    office = install();
    await runJob(() => ({
      plan: emptyPlan({
        sheets: [
          {
            sheet: '数据',
            ranges: [{ at: 'A1', values: [INJECTIONS] }],
            tables: [
              {
                name: 'TD_T',
                at: 'A3',
                columns: INJECTIONS.map((h) => ({ header: `h${h}` })),
                rows: [INJECTIONS],
              },
            ],
          },
        ],
        tableUpdates: [logUpdate([['=cmd', '-rm', '+1']])],
      }),
    }));
    const [, data, log] = dumpWorkbook(office.workbook).sheets;
    const texts = Object.fromEntries(
      INJECTIONS.map((v, i) => [String.fromCharCode(65 + i), { value: v }]),
    );
    for (const [col, cell] of Object.entries(texts)) {
      expect(data.cells[`${col}1`]).toEqual(cell);
      expect(data.cells[`${col}4`]).toEqual(cell);
    }
    expect([log.cells.A2, log.cells.B2, log.cells.C2]).toEqual([
      { value: '=cmd' },
      { value: '-rm' },
      { value: '+1', numberFormat: '0' },
    ]);
  });

  it('writes a plan over 5 MB in several requests, each under the limit as the web host counts it: 1 sync per 3 MB of estimate', async () => {
    office = install();
    const row = (i: number) => [
      `第${i}行 ${'数据'.repeat(20)}`,
      i,
      { formula: `=B${i + 1}*2`, value: i * 2 },
    ];
    const rows = Array.from({ length: 40000 }, (_, i) => row(i));
    const plan = emptyPlan({
      sheets: [
        { sheet: '大表', ranges: [{ at: 'A1', values: rows, numberFormat: ['@', '0', '0.00'] }] },
      ],
    });
    const result = await runJob(() => ({ plan }));
    const writes = office.stats.batches.slice(1);
    const total = writes.reduce((s, b) => s + b.requestBytes, 0);
    expect(total).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(writes.every((b) => b.requestBytes < PAYLOAD_LIMIT_BYTES && !b.failed)).toBe(true);
    expect(result.syncs).toBe(1 + writes.length);
    // 40,000 rows of about 190 bytes with their number formats, estimated at 1.5 times their data:
    // four 3 MB budget-fulls, the first shared with the new sheet's actions.
    expect(writes.length).toBe(4);
    expect(writes.slice(0, -1).every((b) => b.requestBytes > 2 * 1024 * 1024)).toBe(true);
    const cells = dumpWorkbook(office.workbook).sheets[1].cells;
    expect(cells.A40000).toEqual({ value: `第39999行 ${'数据'.repeat(20)}`, numberFormat: '@' });
    expect(cells.C40000).toEqual({ formula: '=B40000*2', numberFormat: '0.00' });
  });

  it('counts styles, merges and heights in the request they go out with: thousands of bordered ranges stay under 5 MB a request', async () => {
    office = install();
    // A bulletin-like sheet: 6,000 one-row ranges, each bordered and aligned, with merges and
    // heights. The actions their styles queue are reserved range by range, so a budget sync never
    // sends them in a later batch than the one they were counted in.
    const ranges = Array.from({ length: 6000 }, (_, i) => ({
      at: `A${i + 1}`,
      values: [[`单位${i}`, i, '—']],
      style: { border: 'thin' as const, hAlign: 'center' as const, vAlign: 'middle' as const },
    }));
    const rowHeights = Object.fromEntries(ranges.map((_, i) => [i + 1, 20]));
    const merges = ranges.map((_, i) => `D${i + 1}:E${i + 1}`);
    const result = await runJob(() => ({
      plan: emptyPlan({ sheets: [{ sheet: '通报', ranges, rowHeights, merges }] }),
    }));
    const writes = office.stats.batches.slice(1);
    expect(writes.reduce((s, b) => s + b.requestBytes, 0)).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(writes.every((b) => b.requestBytes < PAYLOAD_LIMIT_BYTES && !b.failed)).toBe(true);
    expect(result.syncs).toBe(1 + writes.length);
    const sheet = office.workbook.findSheet('通报')!;
    expect(sheet.cell(5999, 0)?.format?.borders?.EdgeBottom).toBeDefined();
    expect(sheet.merges).toHaveLength(6000);
  });

  it('writes nothing when the job fails: one read sync, the workbook unchanged', async () => {
    office = install();
    await runJob(() => ({
      plan: emptyPlan({
        tableUpdates: [logUpdate([['t', 'init', 1]])],
      }),
    }));
    const before = dumpWorkbook(office.workbook);
    office.resetStats();
    await expect(
      runJob(() => {
        throw inputError('table.missingColumns', '单位 › TD_Units', { columns: ['得分'] });
      }),
    ).rejects.toThrow('单位 › TD_Units: missing column "得分"');
    expect(office.stats.syncs).toBe(1);
    expect(dumpWorkbook(office.workbook)).toEqual(before);
  });

  it('refuses a table update naming a column the table lacks before writing anything', async () => {
    office = install();
    await runJob(() => ({
      plan: emptyPlan({
        tableUpdates: [logUpdate([['t', 'init', 1]])],
      }),
    }));
    const before = dumpWorkbook(office.workbook);
    const plan = emptyPlan({
      sheets: [{ sheet: '新表', ranges: [{ at: 'A1', values: [['x']] }] }],
      tableUpdates: [logUpdate([['y']], { columns: [{ header: '结果' }] })],
    });
    await expect(runJob(() => ({ plan }))).rejects.toThrow(/missing column "结果"/);
    expect(dumpWorkbook(office.workbook)).toEqual(before);
  });

  it('refuses, before writing anything, a new sheet whose table name another sheet already uses', async () => {
    office = install();
    await runJob(() => ({
      plan: emptyPlan({
        tableUpdates: [logUpdate([['t', 'init', 1]])],
      }),
    }));
    const before = dumpWorkbook(office.workbook);
    const plan = emptyPlan({
      sheets: [
        {
          sheet: '新表',
          ranges: [],
          tables: [{ name: 'TD_Log', at: 'A1', columns: LOG_COLUMNS, rows: [] }],
        },
      ],
    });
    const error = await runJob(() => ({ plan })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map(worded)).toEqual([
      {
        where: '新表 › TD_Log',
        message: 'table TD_Log already exists on sheet "日志"',
        zh: '工作表“日志”上已有表 TD_Log，请删除或改名后重试',
      },
    ]);
    expect(dumpWorkbook(office.workbook)).toEqual(before);
  });

  it('finds a table by name after its sheet was renamed and the table moved, appending and replacing in place', async () => {
    office = install();
    const sheet = office.workbook.addSheet('改名的日志');
    const context = office.newContext();
    const ws = context.workbook.worksheets.getItem('改名的日志');
    ws.getRange('C5:E7').values = [
      ['数量', '时间', '操作'],
      [1, "'t1", "'a"],
      [2, "'t2", "'b"],
    ];
    ws.tables.add('C5:E7', true).name = 'TD_Log';
    ws.getRange('C9').values = [['below the table']];
    await context.sync();

    await runJob(() => ({
      plan: emptyPlan({
        tableUpdates: [logUpdate([['t3', 'c', 3]], { sheet: '操作日志' })],
      }),
    }));
    expect(office.workbook.findSheet('操作日志')).toBeUndefined();
    let dump = dumpWorkbook(office.workbook);
    expect(dump.tables).toEqual([{ name: 'TD_Log', sheet: '改名的日志', ref: 'C5:E8' }]);
    expect(dump.sheets[1].cells.C8).toEqual({ value: 3, numberFormat: '0' });
    expect(dump.sheets[1].cells.D8).toEqual({ value: 't3' });
    expect(dump.sheets[1].cells.C10).toEqual({ value: 'below the table' });

    await runJob(() => ({
      plan: emptyPlan({
        tableUpdates: [
          logUpdate([[{ formula: '=ROW({{数量}})', value: 6 }, 'only']], {
            sheet: '操作日志',
            columns: [{ header: '数量' }, { header: '操作' }],
            mode: 'replace',
          }),
        ],
      }),
    }));
    dump = dumpWorkbook(office.workbook);
    expect(dump.tables).toEqual([{ name: 'TD_Log', sheet: '改名的日志', ref: 'C5:E6' }]);
    expect(dump.sheets[1].cells).toEqual({
      C5: { value: '数量' },
      D5: { value: '时间' },
      E5: { value: '操作' },
      C6: { formula: '=ROW(C6)' },
      E6: { value: 'only' },
      C8: { value: 'below the table' },
    });
    expect(sheet.name).toBe('改名的日志');
  });

  it('replaces rows of a table whose cells a user formatted as text without leaving apostrophes, clearing old formats', async () => {
    office = install();
    await runJob(() => ({
      plan: emptyPlan({
        tableUpdates: [logUpdate([['t1', 'a', 1]])],
      }),
    }));
    const context = office.newContext();
    const body = context.workbook.tables.getItem('TD_Log').getDataBodyRange();
    body.numberFormat = [['@', '@', '@']];
    body.format.fill.color = '#FFFF00';
    await context.sync();
    await runJob(() => ({
      plan: emptyPlan({
        tableUpdates: [logUpdate([['t2', '=x', 2]], { mode: 'replace' })],
      }),
    }));
    const log = office.workbook.findSheet('日志')!;
    expect(dumpWorkbook(office.workbook).sheets[1].cells).toEqual({
      A1: { value: '时间' },
      B1: { value: '操作' },
      C1: { value: '数量' },
      A2: { value: 't2' },
      B2: { value: '=x' },
      C2: { value: 2, numberFormat: '0' },
    });
    expect(log.cell(1, 0)?.format?.fill).toBeUndefined();
  });

  it('refuses, before any write, a table update into a sheet the user protected; a protected sheet laid out afresh is replaced', async () => {
    office = install();
    const log = (rows: string[][]) =>
      emptyPlan({
        tableUpdates: [logUpdate(rows, { columns: LOG_COLUMNS.slice(0, 2) })],
      });
    await runJob(() => ({ plan: log([['t1', 'a']]) }));
    const context = office.newContext();
    context.workbook.worksheets.getItem('日志').protection.protect();
    context.workbook.worksheets.add('通报').protection.protect();
    await context.sync();
    const before = dumpWorkbook(office.workbook);
    const plan = {
      ...log([['t2', 'b']]),
      sheets: [{ sheet: '新', ranges: [{ at: 'A1', values: [['x']] }] }],
    };
    const refused = await runJob(() => ({ plan })).catch((e: unknown) => e);
    expect((refused as InputError).problems.map(worded)).toEqual([
      {
        where: '日志 › TD_Log',
        message:
          'sheet "日志" is protected, so table TD_Log cannot be written; unprotect the sheet and try again',
        zh: '工作表“日志”受保护，无法写入表 TD_Log；请先撤销工作表保护再重试',
      },
    ]);
    expect((refused as InputError).problems[0].code).toBe('sheet.protected');
    expect(dumpWorkbook(office.workbook)).toEqual(before);
    await runJob(() => ({
      plan: emptyPlan({
        sheets: [{ sheet: '通报', ranges: [{ at: 'A1', values: [['新的通报']] }] }],
      }),
    }));
    expect(office.workbook.findSheet('通报')!.cell(0, 0)?.value).toBe('新的通报');
  });

  it('reads tables wherever they are, in one sync, with blanks as null and sheet values placed from A1', async () => {
    office = install();
    await runJob(() => ({
      plan: emptyPlan({
        tableUpdates: [logUpdate([['t', null, 1]], { at: 'B2' })],
      }),
    }));
    office.resetStats();
    const snapshot = await readSnapshot(office.newContext(), { sheets: ['日志', '没有'] });
    expect(office.stats.syncs).toBe(1);
    expect(snapshot.sheetNames).toEqual(['Sheet1', '日志']);
    expect(snapshot.protectedSheets).toEqual([]);
    expect(snapshot.tables).toEqual({
      TD_Log: {
        name: 'TD_Log',
        sheet: '日志',
        ref: 'B2:D3',
        headers: ['时间', '操作', '数量'],
        rows: [['t', null, 1]],
      },
    });
    expect(snapshot.sheets).toEqual({
      日志: [[], [null, '时间', '操作', '数量'], [null, 't', null, 1]],
    });
  });

  it('skips data validation and print setup with a notice below ExcelApi 1.8/1.9, and applies them where supported', async () => {
    const sheetPlan = {
      sheet: '通报',
      ranges: [{ at: 'A1', values: [['标题']] }],
      validations: [{ range: 'B2:B9', type: 'whole' as const, min: 0, error: '请输入整数' }],
      print: {
        paperSize: 'A4' as const,
        orientation: 'landscape' as const,
        fitToWidth: 1,
        titleRows: '1:3',
      },
      rowBreaks: [20],
      freeze: { rows: 3, columns: 1 },
      protection: { unlocked: ['B2:B9'] },
    };
    office = install('1.7');
    const old = await runJob(() => ({ plan: emptyPlan({ sheets: [sheetPlan] }) }));
    expect(old.notices).toEqual([
      '此版本的 Excel 不支持数据验证（需要 ExcelApi 1.8），已跳过数据验证。',
      '此版本的 Excel 不支持页面设置（需要 ExcelApi 1.9），已跳过打印设置和分页符。',
    ]);
    expect(old.notices).toEqual([NOTICES.validation, NOTICES.print]);
    const s17 = office.workbook.findSheet('通报')!;
    expect([
      s17.validations,
      s17.pageLayout,
      s17.freeze,
      s17.protection.protected,
      s17.cell(1, 1)?.locked,
    ]).toEqual([[], {}, { rows: 3, columns: 1 }, true, false]);
    office.uninstall();

    office = install('1.9');
    const current = await runJob(() => ({ plan: emptyPlan({ sheets: [sheetPlan] }) }));
    expect(current.notices).toEqual([]);
    const s19 = office.workbook.findSheet('通报')!;
    expect(s19.validations).toHaveLength(1);
    expect(s19.pageLayout).toEqual({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$1:$3',
      rowBreaks: [20],
    });
  });

  it('lays a sheet out afresh in the place of the existing one', async () => {
    office = install();
    const context = office.newContext();
    context.workbook.worksheets.add('通报').getRange('A1:B1').values = [['old', 'stuff']];
    context.workbook.worksheets.add('后面');
    await context.sync();
    const snapshot = await readSnapshot(context);
    await applyBookPlan(
      context,
      emptyPlan({ sheets: [{ sheet: '通报', ranges: [{ at: 'A1', values: [['new']] }] }] }),
      snapshot,
    );
    const dump = dumpWorkbook(office.workbook);
    expect(dump.sheets.map((s) => s.name)).toEqual(['Sheet1', '通报', '后面']);
    expect(dump.sheets[1].cells).toEqual({ A1: { value: 'new' } });
  });

  it('draws a native column chart with the reference line over figures kept in a very hidden sheet, replaced with its sheet', async () => {
    office = install();
    const chart = (values: number[]) => ({
      title: '完成率',
      from: 'A3',
      to: 'H20',
      categories: ['武林', '=天水'],
      values,
      reference: 0.75,
      referenceLabel: '序时进度',
      valueLabel: '完成率',
    });
    const plan = (sheet: string, values: number[]) =>
      emptyPlan({
        sheets: [{ sheet, ranges: [{ at: 'A1', values: [[sheet]] }], charts: [chart(values)] }],
      });
    await runJob(() => ({ plan: plan('通报 2019Q2', [0.5, 0.25]) }));
    await runJob(() => ({ plan: plan('通报 2019Q3', [0.8, 0.7]) }));
    const again = await runJob(() => ({ plan: plan('通报 2019Q2', [0.6, 0.3]) }));
    expect(again.syncs).toBe(2);
    expect(again.notices).toEqual([]);

    const data = office.workbook.findSheet(CHART_DATA_SHEET)!;
    expect(data.visibility).toBe('VeryHidden');
    const cells = dumpWorkbook(office.workbook).sheets.find(
      (x) => x.name === CHART_DATA_SHEET,
    )!.cells;
    const pct = (value: number) => ({ value, numberFormat: '0.0%' });
    expect(cells).toEqual({
      B4: { value: '完成率', numberFormat: '0.0%' },
      C4: { value: '序时进度', numberFormat: '0.0%' },
      D4: { value: '通报 2019Q3' },
      A5: { value: '武林' },
      B5: pct(0.8),
      C5: pct(0.75),
      D5: { value: '通报 2019Q3' },
      A6: { value: '=天水' },
      B6: pct(0.7),
      C6: pct(0.75),
      D6: { value: '通报 2019Q3' },
      B7: { value: '完成率', numberFormat: '0.0%' },
      C7: { value: '序时进度', numberFormat: '0.0%' },
      D7: { value: '通报 2019Q2' },
      A8: { value: '武林' },
      B8: pct(0.6),
      C8: pct(0.75),
      D8: { value: '通报 2019Q2' },
      A9: { value: '=天水' },
      B9: pct(0.3),
      C9: pct(0.75),
      D9: { value: '通报 2019Q2' },
    });
    expect(office.workbook.findSheet('通报 2019Q2')!.charts).toEqual([
      {
        name: 'Chart 1',
        type: 'ColumnClustered',
        source: `${CHART_DATA_SHEET}!A7:C9`,
        title: '完成率',
        topLeft: 'A3',
        bottomRight: 'H20',
        series: [{ name: '完成率' }, { name: '序时进度', chartType: 'Line' }],
      },
    ]);
    const snapshot = await readSnapshot(office.newContext());
    expect(snapshot.sheetNames).toEqual(['Sheet1', '通报 2019Q2', '通报 2019Q3']);
  });
});
