import { readFileSync } from 'fs';
import * as path from 'path';
import { assess } from '../../src/engine/assess';
import { validateScenario } from '../../src/engine/validate';
import { runCli } from '../support/cli';

const fixture = path.resolve(__dirname, '../fixtures/scenarios/xiacheng-2019.json');
const text = readFileSync(fixture, 'utf8');

describe('target-desk assess', () => {
  it('assesses the Xiacheng 2019 scenario for 2019Q3', () => {
    const r = runCli(['assess', '--period', '2019Q3'], text);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a).toEqual(assess(validateScenario(JSON.parse(text)), '2019Q3'));
    expect(a.period).toBe('2019Q3');
    // 28 by largest remainder over weights 12, 9, 6, 5, 4, 3, 3, 2 (shares 7.64, 5.73, 3.82, 3.18,
    // 2.55, 1.91, 1.91, 1.27): the 5 seats left go to .91, .91 (equal weights: listed first), .82, .73, .64
    const gqq = a.rows.filter((row: { indicator: string }) => row.indicator === 'gqq_new');
    expect(gqq.map((row: { unit: string; quota: number }) => [row.unit, row.quota])).toEqual([
      ['wulin', 8],
      ['tianshui', 6],
      ['chaohui', 4],
      ['chaoming', 3],
      ['changqing', 2],
      ['dongxin', 2],
      ['shiqiao', 2],
      ['wenhui', 1],
    ]);
    expect(gqq.find((row: { unit: string }) => row.unit === 'shiqiao')).toEqual({
      unit: 'shiqiao',
      indicator: 'gqq_new',
      quota: 2,
      milestone: 0.4,
      actual: 0,
      reported: false,
      rate: 0,
      timely: 0,
      status: 'lagging',
      score: 0,
      bonus: 0,
      projected: 0, // 0 / 0.2
      reportStatus: 'missing',
      arrivedAt: null,
    });
    // wenhui: 2 of 1 → 40 + min(100 · 0.1, 2); sme 6 of 5 → top tier 30; startup rate 1, rank 1 → 30
    expect(gqq.find((row: { unit: string }) => row.unit === 'wenhui')).toMatchObject({
      rate: 2,
      score: 40,
      bonus: 2,
    });
    expect(
      a.units.map((u: { unit: string; total: number; rank: number; grade: string }) => [
        u.unit,
        u.total,
        u.rank,
        u.grade,
      ]),
    ).toEqual([
      ['wulin', 64, 3, '合格'],
      ['tianshui', 62, 5, '合格'],
      ['chaohui', 64, 3, '合格'],
      ['chaoming', 20, 8, '不合格'],
      ['changqing', 94, 2, '优秀'],
      ['dongxin', 40, 7, '不合格'],
      ['shiqiao', 44, 6, '不合格'],
      ['wenhui', 102, 1, '优秀'],
      ['keji', 30, 1, '不合格'],
      ['jinglv', 18, 3, '不合格'],
      ['shangwu', 24, 2, '不合格'],
      ['shichang', 0, 4, '不合格'],
      ['kuamao', 30, 1, '不合格'],
    ]);
    expect(a.district).toEqual([
      {
        indicator: 'gqq_new',
        target: 28,
        actual: 11,
        rate: 11 / 28,
        milestone: 5.6,
        timely: 55 / 28,
        status: 'ahead',
        projected: 55, // 11 / 0.2
        previousActual: null,
        previousRate: null,
      },
      {
        indicator: 'sme_new',
        target: 70,
        actual: 56,
        rate: 0.8,
        milestone: 52.5,
        timely: 56 / 52.5,
        status: 'ahead',
        projected: 224 / 3, // 56 / 0.75
        previousActual: null,
        previousRate: null,
      },
      {
        indicator: 'startup',
        target: 30,
        actual: 22,
        rate: 22 / 30,
        milestone: 24,
        timely: 22 / 24,
        status: 'behind',
        projected: 27.5, // 22 / 0.8
        previousActual: null,
        previousRate: null,
      },
      {
        indicator: 'hitech_share',
        target: 80.9,
        actual: 78.5,
        rate: 785 / 809,
        milestone: 80.9,
        timely: 785 / 809,
        status: 'behind',
        projected: null, // no 2018 year-end value to project the level from
        previousActual: null,
        previousRate: null,
      },
    ]);
    // The scenario has 2019Q3 returns only: nothing earlier to compare ranks with.
    expect(a.previousPeriod).toBeNull();
  });

  it('reads the year as its fourth quarter', () => {
    const r = runCli(['assess', '--period', '2019'], text);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.period).toBe('2019Q4');
    expect(a.rows.every((row: { reported: boolean }) => !row.reported)).toBe(true);
  });

  it('refuses input that is not JSON with exit 2', () => {
    const r = runCli(['assess', '--period', '2019Q3'], '{"units": [');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^target-desk assess: stdin: not valid JSON \(.+\)\n$/);
  });

  it('lists every problem of a bad scenario and a bad period, without a stack trace', () => {
    const bad = JSON.parse(text);
    bad.targets[0].method = 'hare';
    bad.actuals[3].unit = 'foo';
    const r = runCli(['assess', '--period', '2019Q5'], JSON.stringify(bad));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'target-desk assess: --period: not a period: "2019Q5" (expected a year such as 2019 or a quarter such as 2019Q3)\n' +
        'targets[0].method: unknown method "hare" (expected largest-remainder, equal, dhondt, sainte-lague, huntington-hill, adams)\n' +
        'actuals[3].unit: unknown unit "foo"\n',
    );
  });

  it('needs --period and refuses other arguments', () => {
    expect(runCli(['assess'], text)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'target-desk assess: missing required option --period\n',
    });
    expect(runCli(['assess', '--period', '2019Q3', 'extra.json'], text)).toMatchObject({
      code: 2,
      stderr:
        'target-desk assess: unexpected argument extra.json (usage: target-desk assess --period P)\n',
    });
  });
});
