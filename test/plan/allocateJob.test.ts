import ExcelJS from 'exceljs';
import { planAllocate, AllocateParams } from '../../src/plan/jobs/allocate';
import type { PlanCell } from '../../src/plan/types';
import { xiachengSample } from '../../src/sample/xiacheng';
import { applyBookPlan, readSnapshot } from '../../src/xlsx';
import { NOW, initBook, reload, tableObjects, inputProblems } from './books';

const LATER = '2019-10-09T10:00:00.000Z';
const POOL_2019_DHONDT = { keji: 41, jinglv: 26, shangwu: 18, shichang: 14, wenchuang: 11 };
const POOL_UNITS = {
  keji: '区科技局',
  jinglv: '区经旅局',
  shangwu: '区商务局',
  shichang: '区市场监管局',
  wenchuang: '区委宣传部（文创办）',
};

function allocate(wb: ExcelJS.Workbook, params: Omit<AllocateParams, 'now'> & { now?: string }) {
  const result = planAllocate(readSnapshot(wb), { now: NOW, ...params });
  applyBookPlan(wb, result.plan);
  return result;
}

const quotaRows = (wb: ExcelJS.Workbook, indicator: string, year: number) =>
  tableObjects(wb, 'TD_Quotas').filter((r) => r['指标编号'] === indicator && r['年度'] === year);

describe('planAllocate', () => {
  let wb: ExcelJS.Workbook;
  beforeEach(async () => {
    wb = await reload(initBook(xiachengSample()));
  });

  it('writes one indicator’s quotas of a year with the method of its target (洪特法), and logs 分解', async () => {
    const result = allocate(wb, { year: 2019, indicator: 'pool_new' });
    expect(result.quotas).toEqual(
      Object.entries(POOL_2019_DHONDT).map(([unit, quota]) => ({
        indicator: 'pool_new',
        year: 2019,
        unit,
        quota,
      })),
    );
    expect(result.plan.sheets).toEqual([]);
    expect(result.plan.tableUpdates.map((u) => u.table)).toEqual(['TD_Quotas', 'TD_Log']);
    wb = await reload(wb);
    expect(quotaRows(wb, 'pool_new', 2019)).toEqual(
      Object.entries(POOL_2019_DHONDT).map(([unit, quota]) => ({
        指标编号: 'pool_new',
        指标名称: '国高企培育库新增入库企业',
        年度: 2019,
        单位编号: unit,
        单位名称: POOL_UNITS[unit as keyof typeof POOL_UNITS],
        任务数: quota,
        来源: '分解',
      })),
    );
    expect(tableObjects(wb, 'TD_Quotas')).toHaveLength(5);
    const log = tableObjects(wb, 'TD_Log').at(-1)!;
    expect(log).toMatchObject({
      时间: NOW,
      操作: '分解',
      期间: '2019',
      结果: '2019 年任务分解：1 个指标，5 行',
      校验值: null,
    });
    expect(tableObjects(wb, 'TD_History')).toEqual([]);
  });

  it('writes a chosen method into TD_Targets with its Chinese label, and keeps the quotas it replaces in TD_History', async () => {
    allocate(wb, { year: 2019 });
    wb = await reload(wb);
    const before = tableObjects(wb, 'TD_Quotas');
    expect(before).toHaveLength(48);
    const result = allocate(wb, { year: 2019, indicator: 'pool_new', method: 'equal', now: LATER });
    expect(result.quotas.map((q) => q.quota)).toEqual([22, 22, 22, 22, 22]);
    wb = await reload(wb);

    const methods = tableObjects(wb, 'TD_Targets')
      .filter((t) => t['指标编号'] === 'pool_new')
      .map((t) => [t['年度'], t['分解方法']]);
    expect(methods).toEqual([
      [2018, '洪特法'],
      [2019, '平均分配'],
      [2020, '洪特法'],
    ]);
    expect(quotaRows(wb, 'pool_new', 2019).map((r) => r['任务数'])).toEqual([22, 22, 22, 22, 22]);
    // The year's other indicators are left as they were.
    expect(tableObjects(wb, 'TD_Quotas').filter((r) => r['指标编号'] !== 'pool_new')).toEqual(
      before.filter((r) => r['指标编号'] !== 'pool_new'),
    );

    const history = tableObjects(wb, 'TD_History');
    expect(history.map((h) => [h['时间'], h['操作'], h['表'], h['期间']])).toEqual(
      Array(5).fill([LATER, '分解', 'TD_Quotas', '2019']),
    );
    expect(history.map((h) => JSON.parse(h['被替换的行（JSON）'] as string))).toEqual(
      before.filter((r) => r['指标编号'] === 'pool_new'),
    );
    expect(tableObjects(wb, 'TD_Log').at(-1)!['结果']).toBe(
      '2019 年任务分解：1 个指标，5 行，分解方法改为平均分配；被替换的 5 行旧数据存入 TD_History',
    );

    // The same method again changes nothing in TD_Targets and replaces nothing.
    const again = planAllocate(readSnapshot(wb), {
      year: 2019,
      indicator: 'pool_new',
      method: 'equal',
      now: LATER,
    });
    expect(again.plan.tableUpdates.map((u) => u.table)).toEqual(['TD_Quotas', 'TD_Log']);
  });

  it('keeps a column the user added to TD_Quotas, on the rows of the same key', async () => {
    allocate(wb, { year: 2019, indicator: 'pool_new' });
    wb = await reload(wb);
    const t = readSnapshot(wb).tables.TD_Quotas;
    const note = (r: readonly unknown[]) => `${r[t.headers.indexOf('单位编号')]}：已沟通`;
    applyBookPlan(wb, {
      sheets: [
        {
          sheet: t.sheet,
          ranges: [],
          tables: [
            {
              name: 'TD_Quotas',
              at: t.ref.split(':')[0],
              columns: [...t.headers, '备注'].map((header) => ({ header })),
              rows: t.rows.map((r) => [...r, note(r)] as PlanCell[]).reverse(),
            },
          ],
        },
      ],
      tableUpdates: [],
    });
    wb = await reload(wb);
    allocate(wb, { year: 2019, indicator: 'pool_new', method: 'equal', now: LATER });
    wb = await reload(wb);
    expect(
      quotaRows(wb, 'pool_new', 2019).map((r) => [r['单位编号'], r['任务数'], r['备注']]),
    ).toEqual(Object.keys(POOL_2019_DHONDT).map((unit) => [unit, 22, `${unit}：已沟通`]));
  });

  it('refuses an unknown or unsplittable indicator and a year without targets, naming them', () => {
    const snapshot = readSnapshot(wb);
    expect(
      inputProblems(() => planAllocate(snapshot, { year: 2019, indicator: 'nope', now: NOW })),
    ).toEqual(['indicator: unknown indicator "nope"']);
    expect(
      inputProblems(() => planAllocate(snapshot, { year: 2019, indicator: 'gqq_total', now: NOW })),
    ).toEqual([
      'indicator: indicator "gqq_total" (国高企数量) is a level indicator and is not split into quotas',
    ]);
    expect(
      inputProblems(() => planAllocate(snapshot, { year: 2031, indicator: 'pool_new', now: NOW })),
    ).toEqual([
      'year: indicator "pool_new" (国高企培育库新增入库企业) has no target for 2031 in TD_Targets (sheet "目标")',
    ]);
    expect(inputProblems(() => planAllocate(snapshot, { year: 2031, now: NOW }))).toEqual([
      'year: no indicator has a target for 2031 in TD_Targets (sheet "目标")',
    ]);
    expect(
      inputProblems(() =>
        planAllocate(snapshot, { year: 2019, method: 'coin-toss' as never, now: NOW }),
      )[0],
    ).toMatch(/^method: unknown allocation method "coin-toss"/);
  });

  it('previews exactly the rows it then writes', async () => {
    const { preview } = planAllocate(readSnapshot(wb), {
      year: 2019,
      method: 'sainte-lague',
      now: NOW,
    });
    allocate(wb, { year: 2019, method: 'sainte-lague' });
    wb = await reload(wb);
    const written = tableObjects(wb, 'TD_Quotas').filter((r) => r['年度'] === 2019);
    const shown = preview.rows.flatMap((r) =>
      r.quotas.flatMap((quota, i) =>
        quota === null
          ? []
          : [{ indicator: preview.columns[i].indicator, unit: r.unit, name: r.name, quota }],
      ),
    );
    expect(
      shown.sort((a, b) => `${a.indicator}/${a.unit}`.localeCompare(`${b.indicator}/${b.unit}`)),
    ).toEqual(
      written
        .map((r) => ({
          indicator: r['指标编号'],
          unit: r['单位编号'],
          name: r['单位名称'],
          quota: r['任务数'],
        }))
        .sort((a, b) => `${a.indicator}/${a.unit}`.localeCompare(`${b.indicator}/${b.unit}`)),
    );
    expect(preview.columns.map((c) => [c.indicator, c.total])).toEqual([
      ['gqq_new', 28],
      ['sme_new', 70],
      ['startup_apply', 30],
      ['pool_new', 110],
      ['platform_intro', 21],
    ]);
    expect(preview.columns.find((c) => c.indicator === 'pool_new')).toMatchObject({
      name: '国高企培育库新增入库企业',
      measure: '家',
    });
  });
});
