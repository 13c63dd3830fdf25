import { assess, assessExact, roundedTotal } from '../../src/engine/assess';
import { InputError } from '../../src/engine/errors';
import { Assessment } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validate';
import { actuals, flow, quotas, unit } from '../fixtures/scenarios/builder';

const run = (input: object, period: string) => assess(validateScenario(input), period);
const rowOf = (a: Assessment, u: string, i = 'f') =>
  a.rows.find((r) => r.unit === u && r.indicator === i)!;
const linear = (indicator: string, weight: number, extra: object = {}) => ({
  indicator,
  weight,
  rule: 'linear',
  ...extra,
});

/** Five streets with quota 100 each for indicator f in 2019; default profile, so M = 50 at Q2. */
function fiveStreets(
  values: Record<string, number>,
  scoring: object = { rules: [linear('f', 40)] },
) {
  return {
    units: ['s1', 's2', 's3', 's4', 's5'].map((id) => unit(id)),
    indicators: [flow('f')],
    quotas: quotas('f', 2019, { s1: 100, s2: 100, s3: 100, s4: 100, s5: 100 }),
    actuals: actuals('f', '2019Q2', values),
    scoring,
  };
}

describe('assess: progress and status (SPEC §5)', () => {
  const a = run(fiveStreets({ s1: 50, s2: 49.5, s3: 40, s4: 39.5 }), '2019Q2');

  it('computes milestone, rate, timeliness and status at each default threshold boundary', () => {
    expect(a.period).toBe('2019Q2');
    expect(a.rows).toEqual([
      {
        unit: 's1',
        indicator: 'f',
        quota: 100,
        milestone: 50,
        actual: 50,
        reported: true,
        rate: 0.5,
        timely: 1,
        status: 'ahead',
        score: 20,
        bonus: 0,
        projected: 100, // A / 0.5
        reportStatus: 'onTime',
        arrivedAt: null,
      },
      {
        unit: 's2',
        indicator: 'f',
        quota: 100,
        milestone: 50,
        actual: 49.5,
        reported: true,
        rate: 0.495,
        timely: 0.99,
        status: 'behind',
        score: 19.8,
        bonus: 0,
        projected: 99, // A / 0.5
        reportStatus: 'onTime',
        arrivedAt: null,
      },
      {
        unit: 's3',
        indicator: 'f',
        quota: 100,
        milestone: 50,
        actual: 40,
        reported: true,
        rate: 0.4,
        timely: 0.8,
        status: 'behind',
        score: 16,
        bonus: 0,
        projected: 80, // A / 0.5
        reportStatus: 'onTime',
        arrivedAt: null,
      },
      {
        unit: 's4',
        indicator: 'f',
        quota: 100,
        milestone: 50,
        actual: 39.5,
        reported: true,
        rate: 0.395,
        timely: 0.79,
        status: 'lagging',
        score: 15.8,
        bonus: 0,
        projected: 79, // A / 0.5
        reportStatus: 'onTime',
        arrivedAt: null,
      },
      // 未报送: no return counts as 0
      {
        unit: 's5',
        indicator: 'f',
        quota: 100,
        milestone: 50,
        actual: 0,
        reported: false,
        rate: 0,
        timely: 0,
        status: 'lagging',
        score: 0,
        bonus: 0,
        projected: 0, // A / 0.5
        reportStatus: 'missing',
        arrivedAt: null,
      },
    ]);
  });

  it('uses the scenario thresholds', () => {
    const b = run(
      fiveStreets(
        { s1: 50, s2: 49.5, s3: 40, s4: 39.5 },
        { rules: [], status: { ahead: 0.99, warn: 0.79 } },
      ),
      '2019Q2',
    );
    expect(b.rows.map((r) => r.status)).toEqual(['ahead', 'ahead', 'behind', 'behind', 'lagging']);
  });

  it('decides the status exactly: 3 × 0.1 is the milestone 0.3, and 0.3 of it is on time', () => {
    const b = run(
      {
        units: [unit('s1')],
        indicators: [flow('f', 'street', [0.1, 0.2, 0.3, 1])],
        quotas: quotas('f', 2019, { s1: 3 }),
        actuals: actuals('f', '2019Q1', { s1: 0.3 }),
      },
      '2019Q1',
    );
    expect(rowOf(b, 's1')).toMatchObject({ milestone: 0.3, timely: 1, status: 'ahead', rate: 0.1 });
  });

  it('uses the indicator profile for the milestone (Q3 of [0, 0, 0.2, 1]) and has no milestone in Q1', () => {
    const input = {
      units: [unit('s1')],
      indicators: [flow('f', 'street', [0, 0, 0.2, 1])],
      quotas: quotas('f', 2019, { s1: 4 }),
      actuals: [...actuals('f', '2019Q3', { s1: 2 }), ...actuals('f', '2019Q1', { s1: 1 })],
    };
    expect(rowOf(run(input, '2019Q3'), 's1')).toEqual({
      unit: 's1',
      indicator: 'f',
      quota: 4,
      milestone: 0.8,
      actual: 2,
      reported: true,
      rate: 0.5,
      timely: 2.5,
      status: 'ahead',
      projected: 10, // A / 0.2
      reportStatus: 'onTime',
      arrivedAt: null,
    });
    expect(rowOf(run(input, '2019Q1'), 's1')).toMatchObject({
      milestone: 0,
      actual: 1,
      rate: 0.25,
      timely: null,
      status: 'none',
      projected: null, // the profile expects nothing by Q1: no pace to project
    });
  });

  it('treats the year 2019 as 2019Q4, both in the actuals and in the period asked for', () => {
    const input = {
      units: [unit('s1'), unit('s2')],
      indicators: [flow('f')],
      quotas: quotas('f', 2019, { s1: 10, s2: 10 }),
      actuals: [
        ...actuals('f', '2019', { s1: 7 }),
        ...actuals('f', '2019Q4', { s2: 9 }),
        ...actuals('f', '2019Q3', { s1: 1, s2: 1 }),
      ],
    };
    for (const period of ['2019', '2019Q4']) {
      const a4 = run(input, period);
      expect(a4.period).toBe('2019Q4');
      expect(a4.rows.map((r) => [r.unit, r.milestone, r.actual, r.reported])).toEqual([
        ['s1', 10, 7, true],
        ['s2', 10, 9, true],
      ]);
    }
  });

  it('gives a unit with quota 0 (无任务) no rate and no status, and the full weight of every rule', () => {
    const b = run(
      {
        units: [unit('s1'), unit('s2')],
        indicators: [flow('f'), flow('g'), flow('h')],
        quotas: [
          ...quotas('f', 2019, { s1: 0, s2: 10 }),
          ...quotas('g', 2019, { s1: 0, s2: 10 }),
          ...quotas('h', 2019, { s1: 0, s2: 10 }),
        ],
        actuals: actuals('f', '2019Q2', { s1: 3 }),
        scoring: {
          rules: [
            linear('f', 40, { bonusPerPoint: 1, bonusMax: 5 }),
            { indicator: 'g', weight: 30, rule: 'tiered', tiers: [{ min: 1, factor: 1 }] },
            { indicator: 'h', weight: 20, rule: 'rank', rankStep: 5 },
          ],
        },
      },
      '2019Q2',
    );
    expect(rowOf(b, 's1', 'f')).toEqual({
      unit: 's1',
      indicator: 'f',
      quota: 0,
      milestone: 0,
      actual: 3,
      reported: true,
      rate: null,
      timely: null,
      status: 'none',
      score: 40,
      bonus: 0,
      projected: 6, // 3 / 0.5, shown though there is no task
      reportStatus: 'onTime',
      arrivedAt: null,
    });
    expect(rowOf(b, 's1', 'g')).toMatchObject({
      reported: false,
      rate: null,
      status: 'none',
      score: 30,
      bonus: 0,
    });
    expect(rowOf(b, 's1', 'h')).toMatchObject({ rate: null, score: 20 });
    // s2 has a task on h and nothing done (no return): not ranked, 0 — not the full 20 (SPEC §5)
    expect(rowOf(b, 's2', 'h')).toMatchObject({ rate: 0, score: 0, reportStatus: 'missing' });
    // No earlier period with results: every ranked unit is new (新).
    expect(b.previousPeriod).toBeNull();
    expect(b.units).toEqual([
      {
        unit: 's1',
        type: 'street',
        total: 90,
        rank: 1,
        grade: null,
        previousRank: null,
        rankChange: null,
      },
      {
        unit: 's2',
        type: 'street',
        total: 0,
        rank: 2,
        grade: null,
        previousRank: null,
        rankChange: null,
      },
    ]);
  });
});

describe('assess: rules (SPEC §5)', () => {
  it('linear: w · min(r, cap), cap 1 by default', () => {
    const values = { s1: 130, s2: 110, s3: 99, s4: 0 }; // Q4: M = Q = 100
    const byDefault = run(
      { ...fiveStreets(values), actuals: actuals('f', '2019Q4', values) },
      '2019Q4',
    );
    expect(byDefault.rows.map((r) => r.score)).toEqual([40, 40, 39.6, 0, 0]);
    const capped = run(
      {
        ...fiveStreets(values, { rules: [linear('f', 40, { cap: 1.2 })] }),
        actuals: actuals('f', '2019Q4', values),
      },
      '2019Q4',
    );
    expect(capped.rows.map((r) => r.score)).toEqual([48, 44, 39.6, 0, 0]);
  });

  it('tiered: w · factor of the highest tier reached, 0 below every tier', () => {
    const tiers = [
      { min: 0.5, factor: 0.5 },
      { min: 1, factor: 1 },
      { min: 0.8, factor: 0.8 },
    ];
    const values = { s1: 100, s2: 99.9, s3: 80, s4: 50, s5: 49.9 };
    const a = run(
      {
        ...fiveStreets(values, { rules: [{ indicator: 'f', weight: 10, rule: 'tiered', tiers }] }),
        actuals: actuals('f', '2019', values),
      },
      '2019',
    );
    expect(a.rows.map((r) => [r.rate, r.score])).toEqual([
      [1, 10],
      [0.999, 8],
      [0.8, 8],
      [0.5, 5],
      [0.499, 0],
    ]);
  });

  it('rank: within the unit type, by rate, ties share a rank (1-2-2-4), never below the floor', () => {
    const input = {
      units: [
        unit('s1'),
        unit('s2'),
        unit('s3'),
        unit('s4'),
        unit('s5'),
        unit('s6'),
        unit('d1', 'department'),
        unit('d2', 'department'),
      ],
      indicators: [flow('f', 'all')],
      quotas: quotas('f', 2019, { s1: 10, s2: 10, s3: 20, s4: 10, s5: 10, s6: 0, d1: 10, d2: 10 }),
      actuals: actuals('f', '2019', { s1: 5, s2: 8, s3: 16, s4: 9, s5: 4, s6: 9, d1: 1, d2: 2 }),
      scoring: { rules: [{ indicator: 'f', weight: 20, rule: 'rank', rankStep: 3, floor: 12 }] },
    };
    const a = run(input, '2019');
    // streets by rate: s4 0.9 (1), s2 0.8 and s3 0.8 (2, 2), s1 0.5 (4: 20 − 9 = 11 → floor 12), s5 0.4 (5 → 12);
    // s6 has no task (not ranked, full 20); departments rank on their own: d2 0.2 (1), d1 0.1 (2).
    expect(a.rows.map((r) => [r.unit, r.score])).toEqual([
      ['s1', 12],
      ['s2', 17],
      ['s3', 17],
      ['s4', 20],
      ['s5', 12],
      ['s6', 20],
      ['d1', 17],
      ['d2', 20],
    ]);
    const stepOnly = run(
      { ...input, scoring: { rules: [{ indicator: 'f', weight: 20, rule: 'rank', rankStep: 3 }] } },
      '2019',
    );
    expect(stepOnly.rows.map((r) => r.score)).toEqual([11, 17, 17, 20, 8, 20, 17, 20]);
  });

  it('bonus: (r − 1) · 100 · bonusPerPoint above 100%, at most bonusMax, none at exactly 100%', () => {
    const values = { s1: 100, s2: 115, s3: 120, s4: 125 };
    const at = (rule: object) =>
      run(
        { ...fiveStreets(values, { rules: [rule] }), actuals: actuals('f', '2019', values) },
        '2019',
      ).rows.map((r) => [r.score, r.bonus]);
    expect(at(linear('f', 40, { bonusPerPoint: 0.1, bonusMax: 2 }))).toEqual([
      [40, 0],
      [40, 1.5],
      [40, 2],
      [40, 2],
      [0, 0],
    ]);
    expect(at(linear('f', 40, { bonusPerPoint: 0.1 }))).toEqual([
      [40, 0],
      [40, 1.5],
      [40, 2],
      [40, 2.5],
      [0, 0],
    ]);
    expect(
      at({
        indicator: 'f',
        weight: 10,
        rule: 'tiered',
        tiers: [{ min: 1, factor: 1 }],
        bonusPerPoint: 0.2,
        bonusMax: 4.5,
      }),
    ).toEqual([
      [10, 0],
      [10, 3],
      [10, 4],
      [10, 4.5],
      [0, 0],
    ]);
  });

  it('leaves score and bonus out of rows without a rule', () => {
    const a = run({ ...fiveStreets({ s1: 1 }, { rules: [] }) }, '2019Q2');
    expect(rowOf(a, 's1')).toEqual({
      unit: 's1',
      indicator: 'f',
      quota: 100,
      milestone: 50,
      actual: 1,
      reported: true,
      rate: 0.01,
      timely: 0.02,
      status: 'lagging',
      projected: 2,
      reportStatus: 'onTime',
      arrivedAt: null,
    });
    expect(a.units).toEqual([]);
  });
});

describe('assess: totals, ranks and grades (SPEC §5)', () => {
  // Three linear rules of weights 0.1, 64.1 and 15.925 (cap 2 on the last): a unit at 100% on all
  // three totals exactly 80.125, which binary floating point sums to 80.12499999999999.
  const scenario = {
    units: [
      unit('sA'),
      unit('sB'),
      unit('sC'),
      unit('sD'),
      unit('d1', 'department'),
      unit('p1', 'platform'),
    ],
    indicators: [flow('i1'), flow('i2'), flow('i3'), flow('dep', 'department')],
    quotas: [
      ...quotas('i1', 2019, { sA: 1, sB: 1, sC: 1, sD: 1 }),
      ...quotas('i2', 2019, { sA: 1, sB: 1, sC: 1, sD: 1 }),
      ...quotas('i3', 2019, { sA: 1, sB: 3185, sC: 3185, sD: 1 }),
      ...quotas('dep', 2019, { d1: 10 }),
    ],
    actuals: [
      ...actuals('i1', '2019', { sA: 1, sB: 1, sC: 1, sD: 1 }),
      ...actuals('i2', '2019', { sA: 1, sB: 1, sC: 1, sD: 0 }),
      ...actuals('i3', '2019', { sA: 1, sB: 3186, sC: 3184, sD: 1 }),
      ...actuals('dep', '2019', { d1: 5 }),
    ],
    scoring: {
      rules: [
        linear('i1', 0.1),
        linear('i2', 64.1),
        linear('i3', 15.925, { cap: 2 }),
        linear('dep', 100),
      ],
      grades: [
        { name: '合格', min: 10 },
        { name: '良好', min: 80.13 },
        { name: '优秀', min: 90 },
      ],
    },
  };

  it('rounds totals half up to 2 decimals exactly, ranks on the rounded total 1-2-2-4, grades by the rounded total', () => {
    const a = run(scenario, '2019');
    expect(0.1 + 64.1 + 15.925).toBe(80.12499999999999); // what a float implementation would rank on
    // sA 80.125 → 80.13; sB 0.1 + 64.1 + 15.93 = 80.13; sC 0.1 + 64.1 + 15.92 = 80.12; sD 0.1 + 0 + 15.925 = 16.025
    expect(a.units).toEqual([
      {
        unit: 'sA',
        type: 'street',
        total: 80.125,
        rank: 1,
        grade: '良好',
        previousRank: null,
        rankChange: null,
      },
      {
        unit: 'sB',
        type: 'street',
        total: 80.13,
        rank: 1,
        grade: '良好',
        previousRank: null,
        rankChange: null,
      },
      {
        unit: 'sC',
        type: 'street',
        total: 80.12,
        rank: 3,
        grade: '合格',
        previousRank: null,
        rankChange: null,
      },
      {
        unit: 'sD',
        type: 'street',
        total: 16.025,
        rank: 4,
        grade: '合格',
        previousRank: null,
        rankChange: null,
      },
      {
        unit: 'd1',
        type: 'department',
        total: 50,
        rank: 1,
        grade: '合格',
        previousRank: null,
        rankChange: null,
      },
    ]);
    const exact = assessExact(validateScenario(scenario), '2019');
    expect(exact.units.map(roundedTotal)).toEqual(['80.13', '80.13', '80.12', '16.03', '50.00']);
  });

  it('rounds the exact total, not its nearest double: 80.125 − 2^-53 ranks below 80.125', () => {
    const a = run(
      {
        units: [unit('sX'), unit('sY')],
        indicators: [flow('full'), flow('near')],
        quotas: [
          ...quotas('full', 2019, { sX: 0, sY: 0 }),
          ...quotas('near', 2019, { sX: 2 ** 53, sY: 2 ** 53 }),
        ],
        actuals: actuals('near', '2019', { sX: 2 ** 53 - 1, sY: 2 ** 53 }),
        scoring: {
          rules: [linear('full', 79.125), linear('near', 1)],
          grades: [{ name: '良好', min: 80.125 }],
        },
      },
      '2019',
    );
    // sX: 79.125 + (1 − 2^-53), whose nearest double is 80.125
    expect(a.units).toEqual([
      {
        unit: 'sX',
        type: 'street',
        total: 80.125,
        rank: 2,
        grade: null,
        previousRank: null,
        rankChange: null,
      },
      {
        unit: 'sY',
        type: 'street',
        total: 80.125,
        rank: 1,
        grade: '良好',
        previousRank: null,
        rankChange: null,
      },
    ]);
  });

  it('includes bonuses in the total, grades at the exact boundary, null below every grade', () => {
    const a = run(
      {
        units: [unit('s1'), unit('s2'), unit('s3'), unit('s4')],
        indicators: [flow('f'), flow('g')],
        quotas: [
          ...quotas('f', 2019, { s1: 100, s2: 100, s3: 100, s4: 100 }),
          ...quotas('g', 2019, { s1: 0, s2: 0, s3: 0, s4: 0 }),
        ],
        actuals: actuals('f', '2019', { s1: 100, s2: 99.995, s3: 99.99, s4: 105 }),
        scoring: {
          rules: [linear('f', 60, { bonusPerPoint: 1, bonusMax: 10 }), linear('g', 30)],
          grades: [
            { name: '优秀', min: 90 },
            { name: '合格', min: 60 },
          ],
        },
      },
      '2019',
    );
    // s1 60 + 30 = 90; s2 59.997 + 30 = 89.997 → 90.00; s3 59.994 + 30 = 89.994 → 89.99;
    // s4 60 + bonus min(5 · 1, 10) + 30 = 95
    expect(a.units.map((u) => [u.unit, u.total, u.rank, u.grade])).toEqual([
      ['s1', 90, 2, '优秀'],
      ['s2', 89.997, 2, '优秀'],
      ['s3', 89.994, 4, '合格'],
      ['s4', 95, 1, '优秀'],
    ]);
    const low = run(
      {
        units: [unit('s1'), unit('s2')],
        indicators: [flow('f')],
        quotas: quotas('f', 2019, { s1: 100, s2: 100 }),
        actuals: actuals('f', '2019', { s1: 150, s2: 99.98 }),
        scoring: {
          rules: [linear('f', 60, { bonusPerPoint: 0.5, bonusMax: 20 })],
          grades: [{ name: '合格', min: 60 }],
        },
      },
      '2019',
    );
    // s1 60 + min(50 · 0.5, 20) = 80; s2 59.988 → 59.99, below 60
    expect(low.units).toEqual([
      {
        unit: 's1',
        type: 'street',
        total: 80,
        rank: 1,
        grade: '合格',
        previousRank: null,
        rankChange: null,
      },
      {
        unit: 's2',
        type: 'street',
        total: 59.988,
        rank: 2,
        grade: null,
        previousRank: null,
        rankChange: null,
      },
    ]);
  });

  it('scores only the indicators assessed for the unit type and lists only units with a scored row', () => {
    const a = run(scenario, '2019');
    expect(a.rows.filter((r) => r.unit === 'd1').map((r) => r.indicator)).toEqual(['dep']);
    expect(a.rows.some((r) => r.unit === 'p1')).toBe(false);
    expect(a.rows.map((r) => r.unit + '/' + r.indicator).slice(0, 4)).toEqual([
      'sA/i1',
      'sA/i2',
      'sA/i3',
      'sB/i1',
    ]);
  });
});

describe('assess: district rows (SPEC §5)', () => {
  const input = {
    units: [unit('s1'), unit('s2'), unit('d1', 'department')],
    indicators: [
      flow('gqq', 'street', [0, 0, 0.2, 1]),
      flow('sme', 'all'),
      { id: 'share', name: '高新技术产业增加值占比', measure: '%', kind: 'level' },
      { id: 'other', name: '无目标', measure: '%', kind: 'level' },
    ],
    targets: [
      { indicator: 'gqq', year: 2019, total: 28, stretch: 31 },
      { indicator: 'share', year: 2019, total: 83.9 },
      { indicator: 'share', year: 2020, total: 85 },
    ],
    // gqq's quotas add up to 29 (加码 over the target 28): the district row keeps the target
    quotas: [
      ...quotas('gqq', 2019, { s1: 16, s2: 13 }),
      ...quotas('sme', 2019, { s1: 30, s2: 25, d1: 15 }),
    ],
    actuals: [
      ...actuals('gqq', '2019Q3', { s1: 12, s2: 8 }),
      ...actuals('sme', '2019Q3', { s1: 20, d1: 15 }),
      { indicator: 'share', period: '2019Q3', value: 76.3 },
      { indicator: 'other', period: '2019Q3', value: 5 },
    ],
  };

  it('sums flow actuals against the target or, without one, against Σ quotas; level rows use the district value', () => {
    const a = run(input, '2019Q3');
    expect(a.district).toEqual([
      {
        indicator: 'gqq',
        target: 28,
        actual: 20,
        rate: 5 / 7,
        milestone: 5.6,
        timely: 25 / 7,
        status: 'ahead',
        projected: 100, // 20 / 0.2
        previousActual: null,
        previousRate: null,
      },
      {
        indicator: 'sme',
        target: 70,
        actual: 35,
        rate: 0.5,
        milestone: 52.5,
        timely: 2 / 3,
        status: 'lagging',
        projected: 140 / 3, // 35 / 0.75
        previousActual: null,
        previousRate: null,
      },
      {
        indicator: 'share',
        target: 83.9,
        actual: 76.3,
        rate: 763 / 839,
        milestone: 83.9,
        timely: 763 / 839,
        status: 'behind',
        projected: null, // a level needs last year's year-end value to project from
        previousActual: null,
        previousRate: null,
      },
    ]);
  });

  it('gives a level indicator without a district actual for the period a row with nulls and status none', () => {
    const a = run(input, '2019Q2');
    expect(a.district.find((d) => d.indicator === 'share')).toEqual({
      indicator: 'share',
      target: 83.9,
      actual: null,
      rate: null,
      milestone: 83.9,
      timely: null,
      status: 'none',
      projected: null,
      previousActual: null,
      previousRate: null,
    });
    expect(a.district.find((d) => d.indicator === 'gqq')).toEqual({
      indicator: 'gqq',
      target: 28,
      actual: 0,
      rate: 0,
      milestone: 0,
      timely: null,
      status: 'none',
      projected: null, // the profile expects nothing by Q2
      previousActual: null,
      previousRate: null,
    });
  });

  it('has no rows for a year without targets or quotas', () => {
    const a = run(input, '2020Q1');
    expect(a.rows).toEqual([]);
    expect(a.district).toEqual([
      {
        indicator: 'share',
        target: 85,
        actual: null,
        rate: null,
        milestone: 85,
        timely: null,
        status: 'none',
        projected: null,
        // 2019Q3 is the latest earlier period with results; its rate was against another year's
        // target, so only the figure is compared.
        previousActual: 76.3,
        previousRate: null,
      },
    ]);
    expect(a.previousPeriod).toBe('2019Q3');
  });
});

describe('assess: quotas', () => {
  it('allocates targets by basis, and quotas rows for an indicator and year replace that allocation', () => {
    const input = {
      units: [unit('s1'), unit('s2'), unit('s3')],
      indicators: [flow('f'), flow('g')],
      targets: [
        { indicator: 'f', year: 2019, total: 10 },
        { indicator: 'g', year: 2019, total: 10 },
      ],
      basis: ['f', 'g'].flatMap((i) => [
        { indicator: i, year: 2019, unit: 's1', weight: 5 },
        { indicator: i, year: 2019, unit: 's2', weight: 3 },
        { indicator: i, year: 2019, unit: 's3', weight: 2 },
      ]),
      quotas: quotas('g', 2019, { s1: 1, s2: 2, s3: 7 }),
    };
    const a = run(input, '2019');
    expect(a.rows.map((r) => [r.unit, r.indicator, r.quota])).toEqual([
      ['s1', 'f', 5],
      ['s1', 'g', 1],
      ['s2', 'f', 3],
      ['s2', 'g', 2],
      ['s3', 'f', 2],
      ['s3', 'g', 7],
    ]);
    expect(a.district.map((d) => d.target)).toEqual([10, 10]);
  });

  it('reports an infeasible allocation with the scenario path and no result', () => {
    const input = {
      units: [unit('s1'), unit('s2')],
      indicators: [flow('f')],
      targets: [{ indicator: 'f', year: 2019, total: 3 }],
      basis: [
        { indicator: 'f', year: 2019, unit: 's1', weight: 1, min: 2 },
        { indicator: 'f', year: 2019, unit: 's2', weight: 1, min: 2 },
      ],
    };
    expect(() => run(input, '2019Q1')).toThrow(InputError);
    expect(() => run(input, '2019Q1')).toThrow(
      /^targets\[0\] \(f 2019\): total: the free units' minimums add up to 4, more than the total 3$/,
    );
  });

  it('refuses a malformed period with its name', () => {
    expect(() => run(fiveStreets({}), '2019Q5')).toThrow(
      'period: not a period: "2019Q5" (expected a year such as 2019 or a quarter such as 2019Q3)',
    );
  });
});
