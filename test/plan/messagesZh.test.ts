/**
 * The sheet-plan jobs' problems in Chinese (Problem.zh), for the task pane: the workbook reader's,
 * the 分解 job's and the 通报 refusal. The English messages are pinned by the other plan tests.
 */
import { problemText } from '../../src/engine/messages/catalogue';
import { readFileSync } from 'fs';
import { join } from 'path';
import { InputError } from '../../src/engine/errors';
import type { Scenario } from '../../src/engine/types';
import { planAllocate } from '../../src/plan/jobs/allocate';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { snapshotToScenario } from '../../src/plan/scenarioTables';
import type { BookSnapshot } from '../../src/plan/types';
import { xiachengSample } from '../../src/sample/xiacheng';
import { TABLES } from '../../src/plan/bookSchema';
import { applyBookPlan, readSnapshot } from '../../src/xlsx';
import { NOW, initBook, reload, runBook } from './books';

const HAND: Scenario = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/plan/hand-made-scenario.json'), 'utf8'),
);
const CHINESE = /[\u4e00-\u9fff]/;

/** Each problem as `where：zh`, after checking that every one has Chinese text. */
function zhOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    for (const p of e.problems) expect(problemText(p, 'zh-CN')).toMatch(CHINESE);
    return e.problems.map((p) => `${p.where}：${problemText(p, 'zh-CN')}`);
  }
  throw new Error('expected an InputError');
}

const handSnapshot = async (): Promise<BookSnapshot> => readSnapshot(await reload(initBook(HAND)));

describe('the workbook reader', () => {
  it('a missing table and a missing column', async () => {
    const snap = await handSnapshot();
    delete snap.tables.TD_Basis;
    const rules = snap.tables.TD_Rules;
    const at = rules.headers.indexOf('分值');
    snap.tables.TD_Rules = {
      ...rules,
      headers: rules.headers.filter((_, i) => i !== at),
      rows: rules.rows.map((r) => r.filter((_, i) => i !== at)),
    };
    expect(zhOf(() => snapshotToScenario(snap))).toEqual([
      'TD_Basis：找不到此表（应在工作表“分解依据”上），是否被删除或改名？',
      '考核办法 › TD_Rules：缺少列“分值”',
    ]);
  });

  it('not a number, not a whole number, a malformed tier list, a partly filled profile', async () => {
    const snap = await handSnapshot();
    const targets = snap.tables.TD_Targets;
    targets.rows[0][targets.headers.indexOf('目标值')] = '一百';
    targets.rows[1][targets.headers.indexOf('年度')] = 2.5;
    const rules = snap.tables.TD_Rules;
    rules.rows[0][rules.headers.indexOf('分档（完成率:系数；…）')] = '1:1; abc';
    expect(zhOf(() => snapshotToScenario(snap))).toEqual([
      // Straight quotes, as the English message quotes the cell (the browser test looks for them).
      '目标 › TD_Targets › 第2行 › 目标值：不是数字："一百"，请填写数值',
      '目标 › TD_Targets › 第3行 › 年度：不是整数：2.5',
      // Every problem at once (issue 9): the tier list is reported with the cells above.
      '考核办法 › TD_Rules › 第2行 › 分档（完成率:系数；…）：分档写法有误：“abc”，应为“完成率:系数”对，如“1:1; 0.8:0.8”',
    ]);
    targets.rows[0][targets.headers.indexOf('目标值')] = 10;
    targets.rows[1][targets.headers.indexOf('年度')] = 2019;
    const ind = snap.tables.TD_Indicators;
    ind.rows[0][ind.headers.indexOf('Q2序时进度')] = null;
    expect(zhOf(() => snapshotToScenario(snap))).toEqual([
      '指标 › TD_Indicators › 第2行：Q1–Q4序时进度四格应全部填写，或全部留空（按默认 25%/50%/75%/100%）',
      '考核办法 › TD_Rules › 第2行 › 分档（完成率:系数；…）：分档写法有误：“abc”，应为“完成率:系数”对，如“1:1; 0.8:0.8”',
    ]);
  });

  it('a setting given twice and a setting that is not a number', async () => {
    const snap = await handSnapshot();
    const settings = snap.tables.TD_Settings;
    const warn = settings.rows.findIndex((r) => r[1] === 'status.warn');
    settings.rows[warn][2] = 'abc';
    settings.rows.push([...settings.rows[0]]);
    const dup = settings.rows.length + 1;
    expect(zhOf(() => snapshotToScenario(snap))).toEqual([
      `设置 › TD_Settings › 第${dup}行 › 键：设置项“${settings.rows[0][1]}”重复`,
      `设置 › TD_Settings › 第${warn + 2}行 › 值：不是数字："abc"，请填写数值`,
    ]);
  });

  it('an unknown quota source', async () => {
    const snap = await handSnapshot();
    const quotas = snap.tables.TD_Quotas;
    expect(quotas.rows.length).toBeGreaterThan(0);
    quotas.rows[0][quotas.headers.indexOf('来源')] = '估计';
    expect(zhOf(() => snapshotToScenario(snap))).toEqual([
      '任务分解 › TD_Quotas › 第2行 › 来源：来源“估计”无法识别（自行设定的任务数填“给定”，分解所得的填“分解”）',
    ]);
  });
});

describe('the 分解 job', () => {
  let snapshot: BookSnapshot;
  beforeAll(async () => {
    snapshot = readSnapshot(await reload(initBook(xiachengSample())));
  });

  it('an unknown indicator, a level indicator, a year without targets', () => {
    expect(zhOf(() => planAllocate(snapshot, { year: 2019, indicator: 'nope', now: NOW }))).toEqual(
      ['indicator：找不到指标“nope”'],
    );
    expect(
      zhOf(() => planAllocate(snapshot, { year: 2019, indicator: 'gqq_total', now: NOW })),
    ).toEqual(['indicator：指标“gqq_total”（国高企数量）是水平型指标，不分解任务数']);
    expect(
      zhOf(() => planAllocate(snapshot, { year: 2031, indicator: 'pool_new', now: NOW })),
    ).toEqual([
      'year：指标“pool_new”（国高企培育库新增入库企业）在工作表“目标”（TD_Targets）中没有 2031 年的目标',
    ]);
    expect(zhOf(() => planAllocate(snapshot, { year: 2031, now: NOW }))).toEqual([
      'year：工作表“目标”（TD_Targets）中没有任何可分解指标 2031 年的目标',
    ]);
  });

  it('a year that is not a whole number, an unknown method', () => {
    expect(zhOf(() => planAllocate(snapshot, { year: 2019.5, now: NOW }))).toEqual([
      'year：年份应为整数，不能是 2019.5',
    ]);
    expect(
      zhOf(() => planAllocate(snapshot, { year: 2019, method: 'coin-toss' as never, now: NOW })),
    ).toEqual([
      'method：分解方法“coin-toss”无法识别，可选：最大余额法、平均分配、洪特法、圣拉古法、亨廷顿-希尔法、亚当斯法',
    ]);
  });
});

describe('the run job', () => {
  it('an edited bulletin, and an output table that lost a column', async () => {
    let wb = await reload(initBook(HAND));
    runBook(wb, '2019Q3');
    wb = await reload(wb);
    wb.getWorksheet('通报 2019Q3')!.getCell('A3').value = '领导批示：请各街道抓紧推进。';
    wb = await reload(wb);
    expect(zhOf(() => runBook(wb, '2019Q3'))).toEqual([
      '通报 2019Q3：此通报生成后被手工修改过：如要保留，请先给工作表改名；如要覆盖，请选“覆盖并重新生成”（命令行加 --force），原内容存入 TD_History',
    ]);
    const lost = await reload(initBook(HAND));
    lost.getWorksheet('考核结果')!.getCell('A1').value = '时期';
    const snap = readSnapshot(await reload(lost), runSheetsToRead('2019Q3'));
    expect(zhOf(() => planRun(snap, '2019Q3', { now: NOW }))).toEqual([
      '考核结果 › TD_Scores：缺少列“期间”',
    ]);
  });
});

describe('the workbook adapter', () => {
  it('a table update naming columns the table lacks', () => {
    const wb = initBook(HAND);
    const sheet = TABLES.TD_Log.sheet;
    const update = {
      table: 'TD_Log',
      sheet,
      at: 'A1',
      columns: [{ header: '结果1' }, { header: '批示' }],
      rows: [['x', 'y']],
      mode: 'append' as const,
    };
    expect(zhOf(() => applyBookPlan(wb, { sheets: [], tableUpdates: [update] }))).toEqual([
      `${sheet} › TD_Log：缺少列“结果1”、“批示”`,
    ]);
  });
});
