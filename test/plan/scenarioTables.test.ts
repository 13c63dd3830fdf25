import { readFileSync } from 'fs';
import { join } from 'path';
import type { Scenario } from '../../src/engine/types';
import { snapshotToScenario } from '../../src/plan/scenarioTables';
import type { BookSnapshot, TableData } from '../../src/plan/types';
import { xiachengSample } from '../../src/sample/xiacheng';
import { readSnapshot } from '../../src/xlsx';
import { initBook, reload, inputProblems } from './books';

const HAND: Scenario = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/plan/hand-made-scenario.json'), 'utf8'),
);
const canonical = (x: unknown) => JSON.parse(JSON.stringify(x));

async function snapshotOf(s: Scenario): Promise<BookSnapshot> {
  return readSnapshot(await reload(initBook(s)));
}

/** A copy of a table with its columns in another order, an extra user column and its sheet renamed. */
function rearranged(t: TableData, order: number[], sheet: string): TableData {
  return {
    ...t,
    sheet,
    headers: ['备注', ...order.map((i) => t.headers[i])],
    rows: t.rows.map((r) => ['用户的备注', ...order.map((i) => r[i])]),
  };
}

describe('scenario → workbook → scenario', () => {
  it('gives back the Xiacheng sample', async () => {
    expect(snapshotToScenario(await snapshotOf(xiachengSample()))).toEqual(
      canonical(xiachengSample()),
    );
  });

  it('gives back a hand-made scenario with every optional field, given quotas and formula-like names', async () => {
    expect(snapshotToScenario(await snapshotOf(HAND))).toEqual(canonical(HAND));
  });

  it('gives back a minimal scenario: blank plan fields, no status thresholds, no optional columns', async () => {
    const minimal: Scenario = {
      plan: { name: '最小计划', district: '', organization: '' },
      units: [{ id: 'x', name: '某街道', type: 'street' }],
      indicators: [{ id: 'k', name: '指标', measure: '', kind: 'flow', assessed: 'street' }],
      targets: [{ indicator: 'k', year: 2020, total: 3, method: 'equal' }],
      basis: [],
      quotas: [],
      actuals: [],
      scoring: { rules: [{ indicator: 'k', weight: 100, rule: 'linear' }], grades: [] },
      registry: [],
    };
    const back = snapshotToScenario(await snapshotOf(minimal));
    expect(back).toEqual({
      ...minimal,
      indicators: [{ id: 'k', name: '指标', kind: 'flow', assessed: 'street' }],
    });
  });

  it('reads tables whose sheets were renamed and whose columns were reordered or added to', async () => {
    const snap = await snapshotOf(HAND);
    for (const t of Object.values(snap.tables)) {
      const order = t.headers.map((_, i) => i).reverse();
      snap.tables[t.name] = rearranged(t, order, `我的${t.sheet}`);
    }
    expect(snapshotToScenario(snap)).toEqual(canonical(HAND));
  });
});

describe('errors name sheet, table, row and column', () => {
  it('maps a validator problem back to the cell it came from', async () => {
    const snap = await snapshotOf(HAND);
    const targets = snap.tables.TD_Targets;
    targets.rows[2][targets.headers.indexOf('分解方法')] = 'hare';
    expect(inputProblems(() => snapshotToScenario(snap))).toEqual([
      expect.stringMatching(/^目标 › TD_Targets › 第4行 › 分解方法: unknown method "hare"/),
    ]);
  });

  it('counts rows as Excel shows them, wherever the table starts, and reports every problem', async () => {
    const snap = await snapshotOf(HAND);
    const units = snap.tables.TD_Units;
    snap.tables.TD_Units = { ...units, sheet: '单位名单', ref: 'C5:E9' };
    units.rows[1][units.headers.indexOf('单位类型')] = '乡镇';
    const basis = snap.tables.TD_Basis;
    basis.rows[0][basis.headers.indexOf('权重')] = '十二';
    // Every problem at once (issue 9), and the bad weight not again as a missing basis row.
    expect(inputProblems(() => snapshotToScenario(snap))).toEqual([
      '分解依据 › TD_Basis › 第2行 › 权重: not a number: "十二"',
      expect.stringMatching(/^单位名单 › TD_Units › 第7行 › 单位类型: unknown unit type "乡镇"/),
    ]);
    basis.rows[0][basis.headers.indexOf('权重')] = 12;
    expect(inputProblems(() => snapshotToScenario(snap))).toEqual([
      expect.stringMatching(/^单位名单 › TD_Units › 第7行 › 单位类型: unknown unit type "乡镇"/),
    ]);
  });

  it('names a missing table and a missing column', async () => {
    const snap = await snapshotOf(HAND);
    delete snap.tables.TD_Basis;
    const rules = snap.tables.TD_Rules;
    const at = rules.headers.indexOf('分值');
    snap.tables.TD_Rules = {
      ...rules,
      headers: rules.headers.filter((_, i) => i !== at),
      rows: rules.rows.map((r) => r.filter((_, i) => i !== at)),
    };
    expect(inputProblems(() => snapshotToScenario(snap))).toEqual([
      'TD_Basis: table not found (it belongs on sheet "分解依据"; was it deleted or renamed?)',
      '考核办法 › TD_Rules: missing column "分值"',
    ]);
  });

  it('refuses a partly filled profile and a malformed tier list', async () => {
    const snap = await snapshotOf(HAND);
    const ind = snap.tables.TD_Indicators;
    ind.rows[0][ind.headers.indexOf('Q2序时进度')] = null;
    const rules = snap.tables.TD_Rules;
    rules.rows[0][rules.headers.indexOf('分档（完成率:系数；…）')] = '1:1; 0.8';
    expect(inputProblems(() => snapshotToScenario(snap))).toEqual([
      '指标 › TD_Indicators › 第2行: fill in all four Q1–Q4 序时进度 cells, or leave all four blank for the default 25%/50%/75%/100%',
      '考核办法 › TD_Rules › 第2行 › 分档（完成率:系数；…）: not a tier "0.8" (write completion-rate:factor pairs, e.g. "1:1; 0.8:0.8")',
    ]);
  });

  it('maps profile, settings and cross-references to their cells', async () => {
    const snap = await snapshotOf(HAND);
    const ind = snap.tables.TD_Indicators;
    ind.rows[0][ind.headers.indexOf('Q4序时进度')] = 0.9;
    const settings = snap.tables.TD_Settings;
    settings.rows[settings.rows.findIndex((r) => r[1] === 'status.warn')][2] = 'abc';
    const actuals = snap.tables.TD_Actuals;
    actuals.rows[1][actuals.headers.indexOf('单位编号')] = 'zz';
    const problems = inputProblems(() => snapshotToScenario(snap));
    expect(problems).toEqual([
      '设置 › TD_Settings › 第6行 › 值: not a number: "abc"',
      '指标 › TD_Indicators › 第2行 › Q1–Q4序时进度: must be 4 numbers in [0, 1], non-decreasing, ending with 1 (got [0,0.1,0.25,0.9])',
      expect.stringMatching(/^完成情况 › TD_Actuals › 第3行 › 单位编号: unknown unit "zz"/),
    ]);
    settings.rows[settings.rows.findIndex((r) => r[1] === 'status.warn')][2] = 0.7;
    expect(inputProblems(() => snapshotToScenario(snap))).toEqual([
      '指标 › TD_Indicators › 第2行 › Q1–Q4序时进度: must be 4 numbers in [0, 1], non-decreasing, ending with 1 (got [0,0.1,0.25,0.9])',
      expect.stringMatching(/^完成情况 › TD_Actuals › 第3行 › 单位编号: unknown unit "zz"/),
    ]);
  });

  it('reads enumerations typed as JSON codes as well as Chinese labels, and numbers typed as text', async () => {
    const snap = await snapshotOf(HAND);
    const units = snap.tables.TD_Units;
    units.rows[0][units.headers.indexOf('单位类型')] = 'street';
    const targets = snap.tables.TD_Targets;
    targets.rows[0][targets.headers.indexOf('目标值')] = ' 10 ';
    const ind = snap.tables.TD_Indicators;
    ind.rows[0][ind.headers.indexOf('Q3序时进度')] = '25%';
    expect(snapshotToScenario(snap)).toEqual(canonical(HAND));
  });
});
