import { problemText } from '../../src/engine/messages/catalogue';
import { InputError } from '../../src/engine/errors';
import { headerKey } from '../../src/engine/headerKey';
import { SheetEntry, sheetEntries, unhandled, validationBounds } from '../../src/plan/sheetEntries';
import {
  DEFAULT_TABLE_STYLE,
  newTable,
  tableRewrite,
  tableToCreate,
  tablesAfterSheets,
} from '../../src/plan/tableWrite';
import type { TableUpdate } from '../../src/plan/types';

const update = (over: Partial<TableUpdate> = {}): TableUpdate => ({
  table: 'TD_T',
  sheet: '表',
  at: 'B3',
  columns: [{ header: '单位' }, { header: '完成数', numberFormat: '0' }],
  rows: [['甲', 5]],
  mode: 'replace',
  ...over,
});

describe('header matching', () => {
  it('folds full-width forms and drops every kind of whitespace', () => {
    expect(headerKey(' 完成\u3000数 ')).toBe('完成数');
    expect(headerKey('任务（万元）')).toBe('任务(万元)');
    expect(headerKey('ＡＢ\n1')).toBe('AB1');
    expect(headerKey(null)).toBe('');
  });
});

describe('a new table', () => {
  it('gets one blank body row, the default style, and its formulas resolved per row', () => {
    expect(
      newTable({ name: 'T', at: 'B3', columns: [{ header: 'a' }, { header: 'b' }], rows: [] }),
    ).toEqual({
      name: 'T',
      col: 1,
      row: 3,
      headers: ['a', 'b'],
      body: [[null, null]],
      formats: [undefined, undefined],
      widths: [undefined, undefined],
      style: DEFAULT_TABLE_STYLE,
    });
    const t = newTable({
      name: 'T',
      at: 'C1',
      columns: [
        { header: 'x', width: 9 },
        { header: 'y', numberFormat: '0.0%' },
      ],
      rows: [[1, { formula: '={{x}}*2', value: 2 }], [3]],
      style: 'TableStyleLight1',
    });
    expect(t.body).toEqual([
      [1, { formula: '=C2*2', value: 2 }],
      [3, null],
    ]);
    expect([t.formats, t.widths, t.style]).toEqual([
      [undefined, '0.0%'],
      [9, undefined],
      'TableStyleLight1',
    ]);
  });

  it('is created from an update where the book lacks the table, header frozen only at row 1', () => {
    expect(tableToCreate(update()).freezeHeader).toBe(false);
    expect(tableToCreate(update({ at: 'A1' })).freezeHeader).toBe(true);
    expect(tableToCreate(update()).sheet).toBe('表');
  });
});

describe('an update of a table the book has', () => {
  const table = {
    sheet: '用户的表',
    ref: 'D5:F8',
    headers: ['备注', '完成 数', '单位'],
    rows: [
      ['x', 1, '乙'],
      [null, '', null],
      [undefined, null, ''],
    ],
  };

  it('maps columns by header into the book order and resolves formulas at their rows', () => {
    const u = update({
      columns: [{ header: '单位' }, { header: '完成数', numberFormat: '0' }],
      rows: [['甲', { formula: '={{单位}}&""', value: '甲' }]],
    });
    expect(tableRewrite(u, table)).toEqual({
      name: 'TD_T',
      sheet: '用户的表',
      mode: 'replace',
      headers: ['备注', '完成 数', '单位'],
      headerRow: 5,
      firstCol: 3,
      bodyRows: 3,
      kept: 0,
      body: [[null, { formula: '=F6&""', value: '甲' }, '甲']],
      blankRow: false,
      formats: [undefined, '0', undefined],
      style: DEFAULT_TABLE_STYLE,
    });
  });

  it('keeps the rows before the trailing blank ones when appending', () => {
    const r = tableRewrite(update({ mode: 'append', rows: [['丙', 7]] }), table);
    expect([r.kept, r.body]).toEqual([1, [[null, 7, '丙']]]);
  });

  it('gives an emptied table one blank row', () => {
    expect(tableRewrite(update({ rows: [] }), table).blankRow).toBe(true);
    expect(tableRewrite(update({ rows: [], mode: 'append' }), table).blankRow).toBe(false);
  });

  it('refuses an update naming columns the table lacks, in English and Chinese', () => {
    const u = update({ columns: [{ header: '单位' }, { header: '得分' }, { header: '排名' }] });
    let error: unknown;
    try {
      tableRewrite(u, table);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect(error instanceof InputError && error.problems).toEqual([
      {
        code: 'table.missingColumns',
        where: '用户的表 › TD_T',
        args: { columns: ['得分', '排名'] },
      },
    ]);
    const [p] = error instanceof InputError ? error.problems : [];
    expect([problemText(p, 'en-US'), problemText(p, 'zh-CN')]).toEqual([
      'missing columns "得分", "排名"',
      '缺少列“得分”、“排名”',
    ]);
  });

  it('sees the tables a plan lays out before its updates, not those of rewritten sheets', () => {
    const tables = tablesAfterSheets(
      {
        sheets: [
          {
            sheet: '新',
            ranges: [],
            tables: [{ name: 'N', at: 'A2', columns: [{ header: 'a' }], rows: [] }],
          },
          { sheet: 'OLD', ranges: [] },
        ],
        tableUpdates: [],
      },
      {
        sheetNames: ['old', 'keep'],
        tables: {
          O: { name: 'O', sheet: 'old', ref: 'A1:A2', headers: ['a'], rows: [[1]] },
          K: { name: 'K', sheet: 'keep', ref: 'A1:A2', headers: ['k'], rows: [[2]] },
        },
        sheets: {},
      },
    );
    expect(tables).toEqual({
      K: { name: 'K', sheet: 'keep', ref: 'A1:A2', headers: ['k'], rows: [[2]] },
      N: { sheet: '新', ref: 'A2:A3', headers: ['a'], rows: [[null]] },
    });
  });
});

describe('sheet entries', () => {
  it('lower a sheet plan in the order hosts apply it', () => {
    const entries = sheetEntries({
      sheet: 'S',
      protection: { unlocked: ['B2:C3'] },
      rowBreaks: [],
      print: { paperSize: 'A4', orientation: 'landscape', fitToWidth: 1 },
      freeze: { rows: 2, columns: 1 },
      conditionalFormats: [
        { range: 'A1:A3', formula: '=A1>1', fill: 'FF0000' },
        { range: 'B1', formula: 'B1<0', fill: '00FF00' },
      ],
      validations: [{ range: 'A2:A9', type: 'whole', min: 0 }],
      merges: ['A1:C1'],
      ranges: [{ at: 'B2', values: [[1, 2, 3], [4]], numberFormat: ['0', '0.0'] }],
      rowHeights: { 4: 30 },
      columnWidths: [10, 20],
      tabColor: '4472C4',
    });
    expect(entries.map((e) => e.kind)).toEqual([
      'tabColor',
      'columnWidth',
      'columnWidth',
      'rowHeight',
      'range',
      'merge',
      'validation',
      'conditionalFormat',
      'conditionalFormat',
      'freeze',
      'print',
      'protection',
    ]);
    expect(entries[3]).toEqual({ kind: 'rowHeight', row: 4, height: 30 });
    expect(entries[4]).toEqual({
      kind: 'range',
      col: 1,
      row: 2,
      width: 3,
      values: [[1, 2, 3], [4]],
      formats: ['0', '0.0', undefined],
    });
    expect(entries[8]).toMatchObject({ kind: 'conditionalFormat', priority: 2 });
  });

  it('choose the validation operator from the bounds the plan gives', () => {
    expect(validationBounds({ range: 'A1', type: 'whole', min: 0, max: 9 })).toEqual({
      operator: 'between',
      min: 0,
      max: 9,
    });
    expect(validationBounds({ range: 'A1', type: 'decimal', min: 1 })).toEqual({
      operator: 'atLeast',
      min: 1,
    });
    expect(validationBounds({ range: 'A1', type: 'decimal', max: 5 })).toEqual({
      operator: 'atMost',
      max: 5,
    });
    expect(validationBounds({ range: 'A1', type: 'decimal' })).toEqual({
      operator: 'atMost',
      max: 0,
    });
  });

  it('are a closed union: a host switch that misses a kind does not compile', () => {
    const partial = (e: SheetEntry): string => {
      switch (e.kind) {
        case 'merge':
          return e.range;
        default:
          // @ts-expect-error every kind but 'merge' is still unhandled here
          return unhandled(e);
      }
    };
    expect(partial({ kind: 'merge', range: 'A1:B1' })).toBe('A1:B1');
    expect(() => partial({ kind: 'rowBreaks', rows: [3] })).toThrow(
      'no host handles sheet entry {"kind":"rowBreaks","rows":[3]}',
    );
  });
});
