import {
  TABLES,
  columnLetter,
  decodeCell,
  tableColumns,
  tableValidations,
} from '../../src/plan/bookSchema';
import { resolveTableFormula } from '../../src/plan/formula';

describe('the plan workbook schema', () => {
  it('gives drop-down lists for methods, unit types and kinds, and number checks elsewhere', () => {
    expect(tableValidations('TD_Targets', 3)).toEqual([
      {
        range: 'B2:B504',
        type: 'whole',
        min: 0,
        max: 9999,
        allowBlank: true,
        error: '年度应为整数',
      },
      {
        range: 'C2:C504',
        type: 'decimal',
        min: 0,
        max: 1e12,
        allowBlank: true,
        error: '目标值应为不小于0的数',
      },
      {
        range: 'D2:D504',
        type: 'decimal',
        min: 0,
        max: 1e12,
        allowBlank: true,
        error: '力争值应为不小于0的数',
      },
      {
        range: 'E2:E504',
        type: 'list',
        list: ['最大余额法', '平均分配', '洪特法', '圣拉古法', '亨廷顿-希尔法', '亚当斯法'],
        allowBlank: true,
        error: '请从列表中选择分解方法',
      },
      {
        range: 'F2:F504',
        type: 'whole',
        min: 0,
        max: 9999,
        allowBlank: true,
        error: '小数位数应为整数',
      },
    ]);
    expect(tableValidations('TD_Units', 0).map((v) => [v.range, v.list])).toEqual([
      ['C2:C502', ['街道', '部门', '平台']],
    ]);
    const kinds = tableValidations('TD_Indicators', 2);
    expect(kinds.find((v) => v.range === 'D2:D503')!.list).toEqual(['累计型', '水平型']);
    expect(kinds.find((v) => v.range === 'F2:F503')).toMatchObject({
      type: 'decimal',
      min: 0,
      max: 1,
    });
    expect(tableValidations('TD_Grades', 2).map((v) => v.range)).toEqual(['L2:L503']);
    expect(tableValidations('TD_Scores', 10)).toEqual([]);
  });

  it('formats shares as percentages and counts as integers', () => {
    expect(
      tableColumns('TD_Indicators')
        .filter((c) => c.numberFormat)
        .map((c) => [c.header, c.numberFormat]),
    ).toEqual([
      ['Q1序时进度', '0.0%'],
      ['Q2序时进度', '0.0%'],
      ['Q3序时进度', '0.0%'],
      ['Q4序时进度', '0.0%'],
    ]);
    expect(
      tableColumns('TD_Scores')
        .filter((c) => c.numberFormat)
        .map((c) => [c.header, c.numberFormat]),
    ).toEqual([
      ['序时比例', '0.0%'],
      ['完成率', '0.0%'],
      ['序时完成率', '0.0%'],
      ['得分', '0.00'],
      ['加分', '0.00'],
      ['预计全年', '0.0'],
    ]);
    expect(tableColumns('TD_Ranking').find((c) => c.header === '名次')!.numberFormat).toBe('0');
  });

  it('has unique table-wide headers and JSON keys', () => {
    for (const t of Object.values(TABLES)) {
      expect(new Set(t.columns.map((c) => c.header)).size).toBe(t.columns.length);
      expect(new Set(t.columns.map((c) => c.key)).size).toBe(t.columns.length);
    }
  });

  it('converts column letters both ways', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    expect(decodeCell('AA10')).toEqual({ col: 26, row: 10 });
    expect(decodeCell('$C$3')).toEqual({ col: 2, row: 3 });
  });
});

describe('table formulas', () => {
  it('resolve {{header}} to the cell of that column in the row, wherever the columns are', () => {
    expect(
      resolveTableFormula(
        '=IF({{任务数}}>0,{{完成数}}/{{任务数}},"")',
        ['备注', '完成数', '任务数'],
        1,
        7,
      ),
    ).toBe('=IF(D7>0,C7/D7,"")');
    expect(resolveTableFormula('=ABS(-1)', ['x'], 0, 2)).toBe('=ABS(-1)');
    expect(() => resolveTableFormula('={{缺失}}', ['x'], 0, 2)).toThrow(
      'formula ={{缺失}} names column "缺失", which the table lacks',
    );
  });
});
