import { GridBook, GridCell } from '../../src/engine/grid';
import { checkReturn, readValueCell, ReturnContext } from '../../src/engine/returns';
import { RETURNS_SCENARIO } from '../support/planBook';
import { csvGrid } from '../../src/xlsx/returnFile';
import { placed, problemText } from '../../src/engine/messages/catalogue';
import type { Problem } from '../../src/engine/errors';

/** A return's problem as its (Chinese) report says it. */
const said = (p: Problem) => ({ where: p.where, message: problemText(p, 'zh-CN') });

const ctx: ReturnContext = {
  planName: RETURNS_SCENARIO.plan.name,
  units: RETURNS_SCENARIO.units,
  indicators: RETURNS_SCENARIO.indicators,
  years: [2019],
};

/** A return as a grid: header labels at the top, the table's header at row 5. */
function grid(body: GridCell[][], props: Record<string, string> = {}, table = true): GridBook {
  return {
    file: 'r.xlsx',
    properties: props,
    sheets: [
      {
        name: '季度报表',
        cells: [
          ['季度报表'],
          ['填报单位', '天水街道', '单位编号', 'tianshui', '报送期', '2019Q3'],
          ['所属计划', RETURNS_SCENARIO.plan.name, null, null, '模板版本', 'TD-RETURN-1'],
          [],
          ['指标编号', '指标名称', '计量单位', '年度任务', '本年累计完成', '备注'],
          ...body,
        ],
        merges: [],
        tables: table ? [{ name: 'TD_Return', ref: `A5:F${5 + body.length}` }] : [],
      },
    ],
  };
}

describe('checkReturn', () => {
  it('names places in a CSV return as file › cell (a CSV has no sheet to name)', () => {
    const csv = [
      '填报单位,天水街道,单位编号,tianshui,报送期,2019Q3',
      `所属计划,${RETURNS_SCENARIO.plan.name},,,模板版本,TD-RETURN-1`,
      '',
      '指标编号,指标名称,计量单位,年度任务,本年累计完成,备注',
      'gqq_new,新增国高企,家,3,abc,',
    ].join('\n');
    const r = checkReturn(csvGrid(Buffer.from(csv, 'utf8'), 'r.csv'), ctx);
    expect(r.errors.map((p) => p.where)).toEqual(['r.csv › E5']);
    expect(r.warnings.map((p) => p.where)).toEqual(['r.csv']);
  });

  it('reads unit and period from the visible header when the properties are gone', () => {
    const r = checkReturn(grid([['gqq_new', '新增国高企', '家', 3, 2, null]]), ctx);
    expect(r).toMatchObject({
      unit: 'tianshui',
      period: '2019Q3',
      errors: [],
      values: [{ indicator: 'gqq_new', value: 2, cell: 'E6' }],
    });
  });

  it('treats an empty 本年累计完成 as not reported, not as 0, and lists carried indicators left out', () => {
    const r = checkReturn(
      grid([
        ['gqq_new', '新增国高企', '家', 3, null, '暂无'],
        ['startup', '科技型初创企业申报', '家', 3, '  ', null],
      ]),
      ctx,
    );
    expect(r.values).toEqual([]);
    expect(r.notReported).toEqual(['gqq_new', 'startup', 'rd_invest']);
    expect(r.errors).toEqual([]);
  });

  it('accepts 0 as a reported value', () => {
    expect(checkReturn(grid([['gqq_new', '新增国高企', '家', 3, 0, null]]), ctx).values).toEqual([
      { indicator: 'gqq_new', value: 0, cell: 'E6' },
    ]);
  });

  it('reads a table converted to a plain range, with a warning', () => {
    const r = checkReturn(
      grid([['rd_invest', '研发投入', '万元', 100.2, 12.5, null]], {}, false),
      ctx,
    );
    expect(r.values).toEqual([{ indicator: 'rd_invest', value: 12.5, cell: 'E6' }]);
    expect(r.warnings.map(said)).toEqual([
      {
        where: 'r.xlsx › 季度报表',
        message: '表格 TD_Return 已变为普通区域，按表头「指标编号」所在行读取',
      },
    ]);
  });

  it('prefers the properties and refuses a period other than the one being imported', () => {
    const r = checkReturn(
      grid([['gqq_new', '新增国高企', '家', 3, 2, null]], {
        'td.unit': 'tianshui',
        'td.period': '2019Q3',
      }),
      { ...ctx, period: '2019Q4' },
    );
    expect(r.errors.map(said)).toEqual([
      { where: 'r.xlsx › 文档属性 td.period', message: '这是 2019Q3 的报表，本次导入的是 2019Q4' },
    ]);
  });

  it('reports a row with a value but no indicator id', () => {
    const r = checkReturn(grid([[null, '新增国高企', '家', 3, 2, null]]), ctx);
    expect(r.errors.map(said)).toEqual([
      { where: 'r.xlsx › 季度报表 › A6', message: '缺少指标编号' },
    ]);
  });
});

describe('checkReturn names each problem by code and arguments', () => {
  const coded = (ps: Problem[]) => ps.map((p) => [p.code, p.where, p.args]);

  it('identity: another plan, an unsupported version, a unit id that disagrees; then the rows', () => {
    const r = checkReturn(
      grid(
        [
          ['nope', '?', '家', 1, 1, null],
          ['share', '高新技术产业增加值占比', '%', 1, 1, null],
          ['gqq_new', '新增国高企', '家', 3, 2, null],
          ['gqq_new', '新增国高企', '家', 3, 3, null],
        ],
        { 'td.unit': 'wulin', 'td.plan': '别的计划', 'td.version': 'TD-RETURN-0' },
      ),
      ctx,
    );
    expect(coded(r.errors)).toEqual([
      [
        'return.otherPlan',
        'r.xlsx › 文档属性 td.plan',
        { plan: '别的计划', planName: RETURNS_SCENARIO.plan.name },
      ],
      [
        'return.badVersion',
        'r.xlsx › 文档属性 td.version',
        { version: 'TD-RETURN-0', expected: 'TD-RETURN-1' },
      ],
      ['return.unitIdDisagrees', 'r.xlsx › 季度报表 › D2', { id: 'tianshui', unit: 'wulin' }],
      ['return.unknownIndicator', 'r.xlsx › 季度报表 › A6', { id: 'nope' }],
      [
        'return.notCarried',
        'r.xlsx › 季度报表 › A7',
        { unit: '武林街道', indicator: '高新技术产业增加值占比', id: 'share' },
      ],
      ['return.repeatedIndicator', 'r.xlsx › 季度报表 › A9', { id: 'gqq_new', row: 8 }],
    ]);
    expect(r.errors.map((p) => problemText(p, 'zh-CN'))).toEqual([
      `这是计划「别的计划」的报表模板，不是本计划「${RETURNS_SCENARIO.plan.name}」的`,
      '模板版本「TD-RETURN-0」不受支持，请使用 TD-RETURN-1 版模板',
      '单位编号「tianshui」与文档属性 td.unit「wulin」不一致',
      '未知指标编号「nope」',
      '武林街道不承担指标「高新技术产业增加值占比」（share）',
      '指标「gqq_new」重复出现（第 8 行已填报）',
    ]);
    expect(problemText(r.errors[5], 'en-US')).toBe(
      'indicator "gqq_new" appears again (already reported in row 8)',
    );
  });

  it('period: a cell that disagrees with the property, a year outside the plan', () => {
    const r = checkReturn(grid([], { 'td.period': '2019Q4' }), { ...ctx, years: [2020] });
    expect(coded(r.errors)).toEqual([
      [
        'return.periodDisagrees',
        'r.xlsx › 季度报表 › F2',
        { period: '2019Q3', property: '2019Q4' },
      ],
      ['return.yearOutsidePlan', 'r.xlsx › 文档属性 td.period', { year: 2019, period: '2019Q4' }],
    ]);
    expect(r.errors.map((p) => problemText(p, 'en-US'))).toEqual([
      'period "2019Q3" differs from the document property td.period "2019Q4"',
      'the plan has no targets for 2019, so a return for 2019Q4 cannot be imported',
    ]);
    expect(r.period).toBeNull();
  });

  it('layout: no table at all', () => {
    const book: GridBook = {
      file: 'x.xlsx',
      properties: { 'td.unit': 'wulin', 'td.period': '2019Q3' },
      sheets: [{ name: 'Sheet1', cells: [['别的内容']], merges: [], tables: [] }],
    };
    const r = checkReturn(book, ctx);
    expect(coded(r.errors)).toEqual([
      [
        'return.noTable',
        'x.xlsx › Sheet1',
        {
          table: 'TD_Return',
          columns: ['指标编号', '指标名称', '计量单位', '年度任务', '本年累计完成', '备注'],
        },
      ],
    ]);
    expect(problemText(r.errors[0], 'zh-CN')).toBe(
      '找不到填报表 TD_Return（表头：指标编号、指标名称、计量单位、年度任务、本年累计完成、备注），请使用下发的模板填报',
    );
  });
});

describe('readValueCell', () => {
  /** A refused or warned-about cell as its code, arguments and the Chinese the report shows. */
  const reason = (cell: GridCell, whole: boolean) => {
    const r = readValueCell(cell, whole);
    const c = r.kind === 'error' ? r.complaint : r.kind === 'value' ? r.warning : undefined;
    return c && { code: c.code, args: c.args, zh: problemText(placed(c, ''), 'zh-CN') };
  };

  it('takes decimals only where the measure allows them', () => {
    expect(reason(2.5, true)).toEqual({
      code: 'return.notWhole',
      args: { value: 2.5 },
      zh: '应为整数（2.5）',
    });
    expect(readValueCell(2.5, false)).toEqual({ kind: 'value', value: 2.5 });
    expect(readValueCell('１,２００', true)).toMatchObject({ kind: 'value', value: 1200 });
    expect(reason('１,２００', true)).toEqual({
      code: 'return.readFromText',
      args: { text: '１,２００', value: 1200 },
      zh: '文本「１,２００」按数值 1200 读取',
    });
    expect(reason(true, true)).toEqual({
      code: 'return.notNumeric',
      args: { kind: 'boolean', text: 'true' },
      zh: '「true」不是数值，请填写数值',
    });
  });

  it.each<[GridCell, string, Record<string, unknown>, string, string]>([
    [-3, 'return.negative', { value: -3 }, '不能为负数（-3）', 'must not be negative (-3)'],
    [Infinity, 'return.notFinite', {}, '不是有效数字', 'not a valid number'],
    [
      '1,23',
      'return.textGrouping',
      { text: '1,23' },
      '「1,23」的千分位逗号位置不对，无法确定数值，请填写数值',
      '"1,23" has its thousands separators in the wrong places, so its value is unclear: type a number',
    ],
    [
      '1 234',
      'return.textAmbiguous',
      { text: '1 234' },
      '「1 234」有多种读法，无法确定数值，请填写数值',
      '"1 234" can be read more than one way, so its value is unclear: type a number',
    ],
    [
      '十二',
      'return.textNotNumber',
      { text: '十二' },
      '「十二」不是数字，请填写数值',
      '"十二" is not a number: type a number',
    ],
    [
      { formula: 'SUM(A1:A2)' },
      'return.formula',
      { formula: 'SUM(A1:A2)' },
      '不接受公式「=SUM(A1:A2)」，请直接填写数值',
      'a formula "=SUM(A1:A2)" is not accepted: type the value itself',
    ],
    [
      { error: '#DIV/0!' },
      'return.notNumeric',
      { kind: 'error', text: '#DIV/0!' },
      '错误值 #DIV/0!不是数值，请填写数值',
      'the error value #DIV/0! is not a number: type a number',
    ],
    [
      { date: '2019-09-30' },
      'return.notNumeric',
      { kind: 'date', text: '2019-09-30' },
      '日期 2019-09-30不是数值，请填写数值',
      'the date 2019-09-30 is not a number: type a number',
    ],
  ])('refuses %j as %s', (cell, code, args, zh, en) => {
    const r = readValueCell(cell, true);
    expect(r.kind).toBe('error');
    const c = r.kind === 'error' ? placed(r.complaint, '') : undefined;
    expect(c && [c.code, c.args, problemText(c, 'zh-CN'), problemText(c, 'en-US')]).toEqual([
      code,
      args,
      zh,
      en,
    ]);
  });
});
