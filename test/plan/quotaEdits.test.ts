import { worded } from '../support/problems';
import ExcelJS from 'exceljs';
import { InputError, problemText } from '../../src/engine/errors';
import { editNotice } from '../../src/plan/jobs/quotaEdits';
import { Scenario } from '../../src/engine/types';
import { planAllocate } from '../../src/plan/jobs/allocate';
import { planInit } from '../../src/plan/jobs/init';
import { planRun } from '../../src/plan/jobs/run';
import { readScenario } from '../../src/plan/scenarioTables';
import { BookSnapshot } from '../../src/plan/types';
import { applyBookPlan, readSnapshot } from '../../src/xlsx';
import { RETURNS_SCENARIO } from '../support/planBook';

/**
 * Issue 9, observation 12: a quota typed into 任务分解 is respected — the row becomes 给定 and the
 * other units are allocated around it — and the 给定 path's errors name sheet, row and column.
 * RETURNS_SCENARIO splits gqq_new 2019 (12) equally over wulin, tianshui, chaohui and keji.
 */
const NOW = '2019-12-20T00:00:00.000Z';

function book(s: Scenario = RETURNS_SCENARIO): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  applyBookPlan(wb, planInit(s, { now: '2019-10-01T00:00:00.000Z' }));
  return wb;
}
function run(wb: ExcelJS.Workbook) {
  const result = planRun(readSnapshot(wb), '2019Q4', { now: NOW, bulletin: false });
  applyBookPlan(wb, result.plan);
  return result;
}
/** gqq_new 2019 rows of TD_Quotas: [unit, quota, 来源] and the sheet row of each. */
function gqq(snap: BookSnapshot): { rows: [string, number, string][]; at: Record<string, number> } {
  const t = snap.tables.TD_Quotas;
  const col = (h: string) => t.headers.indexOf(h);
  const rows: [string, number, string][] = [];
  const at: Record<string, number> = {};
  t.rows.forEach((r, i) => {
    if (r[col('指标编号')] !== 'gqq_new' || r[col('年度')] !== 2019) return;
    rows.push([String(r[col('单位编号')]), Number(r[col('任务数')]), String(r[col('来源')])]);
    at[String(r[col('单位编号')])] = i;
  });
  return { rows, at };
}
/** Types into a TD_Quotas row of gqq_new 2019, as someone would in Excel. */
function type(wb: ExcelJS.Workbook, unit: string, values: { quota?: number; source?: string }) {
  const snap = readSnapshot(wb);
  const i = gqq(snap).at[unit];
  const ws = wb.getWorksheet(snap.tables.TD_Quotas.sheet)!;
  const t = snap.tables.TD_Quotas;
  if (values.quota !== undefined)
    ws.getCell(i + 2, t.headers.indexOf('任务数') + 1).value = values.quota;
  if (values.source !== undefined)
    ws.getCell(i + 2, t.headers.indexOf('来源') + 1).value = values.source;
}

describe('a computed quota overtyped in 任务分解', () => {
  it('becomes 给定 and the others are allocated around it, keeping the total', () => {
    const wb = book();
    run(wb);
    expect(gqq(readSnapshot(wb)).rows).toEqual([
      ['wulin', 3, '分解'],
      ['tianshui', 3, '分解'],
      ['chaohui', 3, '分解'],
      ['keji', 3, '分解'],
    ]);
    type(wb, 'wulin', { quota: 6 });
    const second = run(wb);
    expect(second.quotaEdits).toEqual([
      { sheet: '任务分解', row: 2, indicator: 'gqq_new', unit: 'wulin', old: 3, new: 6 },
    ]);
    const notice = editNotice(second.quotaEdits[0]);
    expect(notice).toEqual({
      code: 'quota.typed',
      where: '',
      args: {
        at: '任务分解 › TD_Quotas › 第2行 › 任务数',
        unit: 'wulin',
        indicator: 'gqq_new',
        old: 3,
        new: 6,
        given: '给定',
      },
    });
    expect(problemText(notice, 'en-US')).toBe(
      "任务分解 › TD_Quotas › 第2行 › 任务数: wulin gqq_new typed 6 over the allocation's 3: kept as 给定, the other units allocated around it",
    );
    expect(gqq(readSnapshot(wb)).rows).toEqual([
      ['wulin', 6, '给定'],
      ['tianshui', 2, '分解'],
      ['chaohui', 2, '分解'],
      ['keji', 2, '分解'],
    ]);
    const wulin = second.assessment.rows.find(
      (r) => r.unit === 'wulin' && r.indicator === 'gqq_new',
    );
    expect(wulin?.quota).toBe(6);
    const log = readSnapshot(wb).tables.TD_Log;
    const result = String(log.rows[log.rows.length - 1][log.headers.indexOf('结果')]);
    expect(result).toContain(
      '任务分解 › TD_Quotas › 第2行 › 任务数：单位 wulin 指标 gqq_new 的任务数由分解所得 3 改为 6：已按“给定”保留，其余单位重新分解以保持总数',
    );
    // Nothing more is seen as an edit: the next run changes nothing.
    const third = run(wb);
    expect(third.quotaEdits).toEqual([]);
    expect(gqq(readSnapshot(wb)).rows.map((r) => r[1])).toEqual([6, 2, 2, 2]);
  });

  it('is kept by 分解 (the pane) as by run', () => {
    const wb = book();
    run(wb);
    type(wb, 'keji', { quota: 0 });
    const r = planAllocate(readSnapshot(wb), { year: 2019, now: NOW });
    applyBookPlan(wb, r.plan);
    expect(gqq(readSnapshot(wb)).rows).toEqual([
      ['wulin', 4, '分解'],
      ['tianshui', 4, '分解'],
      ['chaohui', 4, '分解'],
      ['keji', 0, '给定'],
    ]);
  });

  it('is only an edit when it differs from what was written: a changed target reallocates', () => {
    const wb = book();
    run(wb);
    const snap = readSnapshot(wb);
    const ws = wb.getWorksheet(snap.tables.TD_Targets.sheet)!;
    ws.getCell(2, snap.tables.TD_Targets.headers.indexOf('目标值') + 1).value = 20;
    const r = run(wb);
    expect(r.quotaEdits).toEqual([]);
    expect(gqq(readSnapshot(wb)).rows.map((x) => x[1])).toEqual([5, 5, 5, 5]);
  });
});

describe('rows typed as 给定', () => {
  it('fix some units and the rest are allocated (no longer a JSON `quotas` error)', () => {
    const wb = book();
    run(wb);
    type(wb, 'chaohui', { quota: 9, source: '给定' });
    run(wb);
    expect(gqq(readSnapshot(wb)).rows).toEqual([
      ['wulin', 1, '分解'],
      ['tianshui', 1, '分解'],
      ['chaohui', 9, '给定'],
      ['keji', 1, '分解'],
    ]);
    // export gives the same allocation as JSON: the given quota as a basis lock.
    expect(readScenario(readSnapshot(wb)).scenario.basis).toContainEqual({
      indicator: 'gqq_new',
      year: 2019,
      unit: 'chaohui',
      weight: 0,
      locked: 9,
    });
  });

  it('name sheet, row and column, in English and Chinese, when they cannot be met', () => {
    const wb = book();
    run(wb);
    type(wb, 'tianshui', { quota: 20, source: '给定' });
    let error: unknown;
    try {
      planRun(readSnapshot(wb), '2019Q4', { now: NOW, bulletin: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map(worded)).toEqual([
      {
        where: '任务分解 › TD_Quotas › 第3行 › 任务数',
        message:
          'the fixed quotas of gqq_new 2019 (来源 给定, typed over 分解, or locked in 分解依据) add up to 20, more than its target 12: the other units cannot be allocated',
        zh: '指标“gqq_new”2019年固定的任务数（来源为“给定”、改写过的“分解”或分解依据中锁定的）合计 20，超过目标值 12，其余单位无法分解',
      },
    ]);
  });

  it('name their cells when the allocation around them fails', () => {
    const s: Scenario = JSON.parse(JSON.stringify(RETURNS_SCENARIO));
    s.targets[0] = { ...s.targets[0], method: 'largest-remainder' };
    s.basis = ['wulin', 'tianshui', 'chaohui', 'keji'].map((unit) => ({
      indicator: 'gqq_new',
      year: 2019,
      unit,
      weight: 1,
      max: 3,
    }));
    const wb = book(s);
    run(wb);
    // 2 given leaves 10 for three units that hold at most 3 each.
    type(wb, 'wulin', { quota: 2, source: '给定' });
    expect(() => planRun(readSnapshot(wb), '2019Q4', { now: NOW, bulletin: false })).toThrow(
      /^目标 › TD_Targets › 第2行: .* \(quotas fixed in 任务分解 › TD_Quotas › 第2行 › 任务数\)$/,
    );
  });

  it('name the row of a given quota the validator refuses', () => {
    const wb = book();
    run(wb);
    type(wb, 'keji', { quota: -1, source: '给定' });
    expect(() => planRun(readSnapshot(wb), '2019Q4', { now: NOW, bulletin: false })).toThrow(
      '任务分解 › TD_Quotas › 第5行 › 任务数: must be ≥ 0 (got -1)',
    );
  });

  it('for every unit still replace the allocation', () => {
    const wb = book();
    run(wb);
    for (const [unit, quota] of [
      ['wulin', 5],
      ['tianshui', 4],
      ['chaohui', 2],
      ['keji', 0],
    ] as const)
      type(wb, unit, { quota, source: '给定' });
    run(wb);
    expect(gqq(readSnapshot(wb)).rows.map((r) => [r[1], r[2]])).toEqual([
      [5, '给定'],
      [4, '给定'],
      [2, '给定'],
      [0, '给定'],
    ]);
  });
});
