import { worded } from '../support/problems';
import { thrownZh } from '../support/problems';
import ExcelJS from 'exceljs';
import { GridBook, GridCell } from '../../src/engine/grid';
import { Scenario } from '../../src/engine/types';
import { importListJob } from '../../src/plan/jobs/importList';
import { importReturnsJob } from '../../src/plan/jobs/importReturns';
import { planInit } from '../../src/plan/jobs/init';
import { readScenario } from '../../src/plan/scenarioTables';
import { BookPlan, BookSnapshot } from '../../src/plan/types';
import { applyBookPlan, readSnapshot } from '../../src/xlsx';
import { RETURNS_SCENARIO } from '../support/planBook';
import { notedSheet, notesAndKeys } from './userEdits';

/** The pure import jobs on an in-memory book: how lists and returns combine. */
function book(s: Scenario): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  applyBookPlan(wb, planInit(s, { now: '2019-10-01T00:00:00.000Z' }));
  return wb;
}
function apply(wb: ExcelJS.Workbook, plan: BookPlan): BookSnapshot {
  applyBookPlan(wb, plan);
  return readSnapshot(wb);
}
const actualsOf = (snap: BookSnapshot) =>
  readScenario(snap).scenario.actuals.map((a) => [
    a.indicator,
    a.unit,
    a.period,
    a.value,
    a.source,
  ]);

function returnGrid(file: string, unit: string, values: GridCell[]): GridBook {
  return {
    file,
    properties: {
      'td.unit': unit,
      'td.period': '2019Q4',
      'td.version': 'TD-RETURN-1',
      'td.plan': RETURNS_SCENARIO.plan.name,
    },
    sheets: [
      {
        name: '季度报表',
        cells: [
          ['指标编号', '指标名称', '计量单位', '年度任务', '本年累计完成', '备注'],
          ...values.map((v, i) => [
            ['gqq_new', 'startup', 'rd_invest'][i],
            null,
            null,
            null,
            v,
            null,
          ]),
        ],
        merges: [],
        tables: [{ name: 'TD_Return', ref: `A1:F${1 + values.length}` }],
      },
    ],
  };
}
const listGrid = (rows: string[][]): GridBook => ({
  file: 'list.csv',
  properties: {},
  sheets: [
    {
      name: 'list.csv',
      cells: [['企业名称', '证书编号', '发证日期'], ...rows],
      merges: [],
      tables: [],
    },
  ],
});
const NOW = '2019-12-20T00:00:00.000Z';

describe('a list and the returns', () => {
  it('lets the list outrank a later return, keeping the return for 核对差异', () => {
    const wb = book(RETURNS_SCENARIO);
    let snap = apply(
      wb,
      importListJob(readSnapshot(wb), listGrid([['杭州云帆网络有限公司', 'GR1', '2019-11-27']]), {
        indicator: 'gqq_new',
        assign: {},
        now: NOW,
      }).plan,
    );
    const r = importReturnsJob(snap, [returnGrid('wulin.xlsx', 'wulin', [4, 2])], { now: NOW });
    expect(r.report.files[0].discrepancies).toEqual([
      { unit: 'wulin', indicator: 'gqq_new', reported: 4, listed: 1 },
    ]);
    expect(r.report.files[0].changes).toEqual([{ indicator: 'startup', old: null, new: 2 }]);
    snap = apply(wb, r.plan);
    expect(actualsOf(snap).filter((a) => a[2] === '2019Q4')).toEqual([
      ['gqq_new', 'wulin', '2019Q4', 1, 'list'],
      ['gqq_new', 'tianshui', '2019Q4', 0, 'list'],
      ['gqq_new', 'chaohui', '2019Q4', 0, 'list'],
      ['gqq_new', 'keji', '2019Q4', 0, 'list'],
      ['startup', 'wulin', '2019Q4', 2, 'return'],
    ]);
  });

  it('leaves a unit with no enterprise in the registry to its return', () => {
    const s: Scenario = {
      ...RETURNS_SCENARIO,
      registry: RETURNS_SCENARIO.registry.filter((r) => r.unit !== 'keji'),
    };
    const wb = book(s);
    const snap = apply(
      wb,
      importReturnsJob(readSnapshot(wb), [returnGrid('keji.xlsx', 'keji', [2])], { now: NOW }).plan,
    );
    const { report } = importListJob(
      snap,
      listGrid([['杭州云帆网络有限公司', 'GR1', '2019-11-27']]),
      { indicator: 'gqq_new', assign: {}, now: NOW },
    );
    expect(report.counts.map((c) => c.unit)).toEqual(['wulin', 'tianshui', 'chaohui']);
    expect(report.discrepancies).toEqual([]);
  });

  it('refuses a second return of the same unit and period in one batch', () => {
    const wb = book(RETURNS_SCENARIO);
    const { report } = importReturnsJob(
      readSnapshot(wb),
      [returnGrid('a.xlsx', 'wulin', [1]), returnGrid('b.xlsx', 'wulin', [2])],
      { now: NOW },
    );
    expect(report.files.map((f) => [f.file, f.status, f.errors.map(worded)])).toEqual([
      ['a.xlsx', 'accepted', []],
      [
        'b.xlsx',
        'rejected',
        [
          {
            where: 'b.xlsx',
            message:
              'same unit (武林街道) and period (2019Q4) as a.xlsx: only one return per unit and period is imported',
            zh: '与 a.xlsx 重复：同一单位（武林街道）同一报送期（2019Q4）只能导入一份',
          },
        ],
      ],
    ]);
    expect(report.files[1].errors[0]).toMatchObject({
      code: 'returns.duplicate',
      args: { first: 'a.xlsx', unit: '武林街道', period: '2019Q4' },
    });
  });

  it('counts nothing for a year outside the plan, and says so', () => {
    const wb = book(RETURNS_SCENARIO);
    const { report } = importListJob(
      readSnapshot(wb),
      listGrid([['杭州云帆网络有限公司', 'GR1', '2017-11-27']]),
      { indicator: 'gqq_new', assign: {}, now: NOW },
    );
    expect(report.counts).toEqual([]);
    expect(report.warnings).toEqual([
      { code: 'list.yearOutsidePlan', where: 'list.csv', args: { year: 2017 } },
    ]);
    expect(report.warnings.map(worded)).toEqual([
      {
        where: 'list.csv',
        message:
          "2017 is not one of the plan's years: the list's enterprises of that year are not counted",
        zh: '2017 年不在本计划的年度内，名单中该年的企业不计入完成数',
      },
    ]);
  });

  it('refuses a level indicator', () => {
    const wb = book(RETURNS_SCENARIO);
    expect(() =>
      importListJob(readSnapshot(wb), listGrid([['x', 'GR1', '2019-11-27']]), {
        indicator: 'share',
        assign: {},
        now: NOW,
      }),
    ).toThrow(
      '--indicator: indicator "高新技术产业增加值占比" is not allocated to units, so a list cannot be counted for it',
    );
  });
});

describe('the year and its Q4', () => {
  it('are one period: a list count for 2019Q4 replaces a return for 2019', () => {
    const s: Scenario = {
      ...RETURNS_SCENARIO,
      actuals: [
        { indicator: 'gqq_new', unit: 'wulin', period: '2019', value: 5, source: 'return' },
      ],
    };
    const wb = book(s);
    const r = importListJob(
      readSnapshot(wb),
      listGrid([['杭州云帆网络有限公司', 'GR1', '2019-11-27']]),
      { indicator: 'gqq_new', assign: {}, now: NOW },
    );
    expect(r.report.discrepancies).toEqual([
      { unit: 'wulin', indicator: 'gqq_new', period: '2019Q4', reported: 5, listed: 1 },
    ]);
    const snap = apply(wb, r.plan);
    expect(actualsOf(snap).filter((a) => a[1] === 'wulin')).toEqual([
      ['gqq_new', 'wulin', '2019Q4', 1, 'list'],
    ]);
  });
});

describe('edits in TD_Recognitions', () => {
  it('names an unknown unit typed into a 未匹配 row, and changes nothing', () => {
    const wb = book(RETURNS_SCENARIO);
    const list = () =>
      listGrid([
        ['杭州云帆网络有限公司', 'GR1', '2019-11-27'],
        ['杭州未登记有限公司', 'GR9', '2019-11-27'],
      ]);
    const first = importListJob(readSnapshot(wb), list(), {
      indicator: 'gqq_new',
      assign: {},
      now: NOW,
    });
    expect(first.report.outcome).toBe('partial');
    const snap = apply(wb, first.plan);
    const table = snap.tables.TD_Recognitions;
    const unitCol = table.headers.indexOf('单位编号');
    expect(table.rows[1][0]).toBe('gqq_new');
    table.rows[1][unitCol] = '西湖街道';
    expect(() =>
      importListJob(snap, list(), {
        indicator: 'gqq_new',
        assign: {},
        now: NOW,
      }),
    ).toThrow(
      '认定名单 › TD_Recognitions › 第3行 › 单位编号: unknown unit "西湖街道" (give a unit id or a unit name)',
    );
    table.rows[1][unitCol] = '天水街道';
    const { report } = importListJob(snap, list(), { indicator: 'gqq_new', assign: {}, now: NOW });
    expect(report.registryAdded).toEqual([{ name: '杭州未登记有限公司', unit: 'tianshui' }]);
    expect(report.unmatched).toEqual([]);
    expect(report.outcome).toBe('complete');
  });
});

describe('outcome and assignments (issue 9, observation 11)', () => {
  const listOf = (...names: string[]) =>
    listGrid(names.map((n, i) => [n, `GR${i + 1}`, '2019-11-27']));

  it('writes nothing and says none when no row matches', () => {
    const wb = book(RETURNS_SCENARIO);
    const { plan, report } = importListJob(
      readSnapshot(wb),
      listOf('杭州未登记有限公司', '杭州另一家有限公司'),
      { indicator: 'gqq_new', assign: {}, now: NOW },
    );
    expect(report.outcome).toBe('none');
    expect(report.unmatched).toEqual([
      { row: 2, name: '杭州未登记有限公司' },
      { row: 3, name: '杭州另一家有限公司' },
    ]);
    expect(plan).toEqual({ sheets: [], tableUpdates: [] });
  });

  it('applies the matched rows and says partial when some are left unmatched', () => {
    const wb = book(RETURNS_SCENARIO);
    const { plan, report } = importListJob(
      readSnapshot(wb),
      listOf('杭州云帆网络有限公司', '杭州未登记有限公司'),
      { indicator: 'gqq_new', assign: {}, now: NOW },
    );
    expect(report.outcome).toBe('partial');
    expect(report.matched).toBe(1);
    const snap = apply(wb, plan);
    expect(actualsOf(snap)).toContainEqual(['gqq_new', 'wulin', '2019Q4', 1, 'list']);
  });

  it('refuses --assign for a name the list does not hold, naming it, and invents no company', () => {
    const wb = book(RETURNS_SCENARIO);
    const run = () =>
      importListJob(readSnapshot(wb), listOf('杭州云帆网络有限公司'), {
        indicator: 'gqq_new',
        assign: { 不存在的公司: 'wulin' },
        now: NOW,
      });
    expect(run).toThrow(
      '--assign 不存在的公司=wulin: "不存在的公司" is not in this list (nor in the 认定名单 sheet for gqq_new): --assign places listed enterprises only',
    );
    expect(thrownZh(run)[0].zh).toBe(
      '「不存在的公司」不在本名单中（认定名单表中指标 gqq_new 也没有）：--assign 只能为名单中的企业指定单位',
    );
  });

  it('moves a registered company to another unit only with reassign', () => {
    const wb = book(RETURNS_SCENARIO);
    const params = {
      indicator: 'gqq_new',
      assign: { 杭州云帆网络有限公司: 'tianshui' },
      now: NOW,
    };
    expect(() => importListJob(readSnapshot(wb), listOf('杭州云帆网络有限公司'), params)).toThrow(
      '--assign 杭州云帆网络有限公司=tianshui: "杭州云帆网络有限公司" is registered to unit wulin in 企业库; add --reassign to move it to tianshui',
    );
    const { plan, report } = importListJob(readSnapshot(wb), listOf('杭州云帆网络有限公司'), {
      ...params,
      reassign: true,
    });
    expect(report.registryAdded).toEqual([{ name: '杭州云帆网络有限公司', unit: 'tianshui' }]);
    const snap = apply(wb, plan);
    expect(readScenario(snap).scenario.registry).toContainEqual({
      name: '杭州云帆网络有限公司',
      creditCode: '91330103MA27AAAA02',
      unit: 'tianshui',
    });
    expect(actualsOf(snap)).toContainEqual(['gqq_new', 'tianshui', '2019Q4', 1, 'list']);
  });

  it('says partial, not none, for the same certificates imported again under another file name', () => {
    const wb = book(RETURNS_SCENARIO);
    const list = listOf('杭州云帆网络有限公司', '杭州未登记有限公司');
    const params = { indicator: 'gqq_new', assign: {}, now: NOW };
    apply(wb, importListJob(readSnapshot(wb), list, params).plan);
    const again = { ...list, file: 'list-copy.csv' };
    const { plan, report } = importListJob(readSnapshot(wb), again, params);
    // Both rows repeat certificates already in 认定名单: counted once, nothing new placed, and
    // 杭州未登记有限公司 still waits for a unit.
    expect([report.matched, report.unmatched, report.duplicates.length]).toEqual([0, [], 2]);
    expect(report.outcome).toBe('partial');
    expect(actualsOf(apply(wb, plan))).toContainEqual(['gqq_new', 'wulin', '2019Q4', 1, 'list']);
    // Every repeated enterprise placed: complete.
    const placed = listOf('杭州云帆网络有限公司');
    apply(wb, importListJob(readSnapshot(wb), { ...placed, file: 'one.csv' }, params).plan);
    const once = importListJob(readSnapshot(wb), { ...placed, file: 'one-copy.csv' }, params);
    expect([once.report.matched, once.report.outcome]).toEqual([0, 'complete']);
  });

  it('assigns a listed, unregistered company without reassign and remembers it', () => {
    const wb = book(RETURNS_SCENARIO);
    const { report } = importListJob(
      readSnapshot(wb),
      listOf('杭州云帆网络有限公司', '杭州未登记有限公司'),
      { indicator: 'gqq_new', assign: { 杭州未登记有限公司: 'chaohui' }, now: NOW },
    );
    expect(report.registryAdded).toEqual([{ name: '杭州未登记有限公司', unit: 'chaohui' }]);
    expect(report.outcome).toBe('complete');
  });
});

describe('columns a user added', () => {
  it('keep their values on their rows in TD_Recognitions and TD_Registry through a new import with an assignment', () => {
    const wb = book(RETURNS_SCENARIO);
    const list = listGrid([
      ['杭州云帆网络有限公司', 'GR1', '2019-11-27'],
      ['杭州未登记有限公司', 'GR9', '2019-11-27'],
      ['杭州云帆网络有限公司', 'GR1', '2019-11-28'],
    ]);
    let snap = apply(
      wb,
      importListJob(readSnapshot(wb), list, { indicator: 'gqq_new', assign: {}, now: NOW }).plan,
    );
    snap = apply(wb, {
      sheets: [
        notedSheet(snap, snap.tables.TD_Recognitions.sheet),
        notedSheet(snap, snap.tables.TD_Registry.sheet),
      ],
      tableUpdates: [],
    });
    const was = {
      TD_Recognitions: notesAndKeys(snap, 'TD_Recognitions'),
      TD_Registry: notesAndKeys(snap, 'TD_Registry'),
    };
    expect(was.TD_Recognitions).toHaveLength(3);
    expect(was.TD_Registry.length).toBeGreaterThan(0);

    const { report } = importListJob(snap, list, {
      indicator: 'gqq_new',
      assign: { 杭州未登记有限公司: 'tianshui' },
      now: NOW,
    });
    expect(report.registryAdded).toEqual([{ name: '杭州未登记有限公司', unit: 'tianshui' }]);
    snap = apply(
      wb,
      importListJob(snap, list, {
        indicator: 'gqq_new',
        assign: { 杭州未登记有限公司: 'tianshui' },
        now: NOW,
      }).plan,
    );
    for (const table of ['TD_Recognitions', 'TD_Registry'] as const) {
      const rows = notesAndKeys(snap, table);
      const keys = new Set(was[table].map((r) => r.key));
      expect(rows.map((r) => r.note)).toEqual(rows.map((r) => (keys.has(r.key) ? r.key : null)));
      expect(
        rows
          .filter((r) => r.note !== null)
          .map((r) => r.note)
          .sort(),
      ).toEqual(was[table].map((r) => r.note).sort());
    }
    expect(
      notesAndKeys(snap, 'TD_Registry')
        .filter((r) => r.note === null)
        .map((r) => r.key),
    ).toEqual(['杭州未登记有限公司']);
  });
});

describe('import-returns --period', () => {
  it('takes a bare year as its Q4 and refuses what is not a period', () => {
    const wb = book(RETURNS_SCENARIO);
    expect(
      importReturnsJob(readSnapshot(wb), [returnGrid('a.xlsx', 'wulin', [1])], {
        now: NOW,
        period: '2019',
      }).report.accepted,
    ).toBe(1);
    expect(() => importReturnsJob(readSnapshot(wb), [], { now: NOW, period: '2019Q5' })).toThrow(
      '--period: not a period: "2019Q5"',
    );
  });
});
