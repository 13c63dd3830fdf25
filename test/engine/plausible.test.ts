import { worded } from '../support/problems';
import { InputError } from '../../src/engine/errors';
import { Complaint, placed, problemText } from '../../src/engine/messages/catalogue';
import {
  annualTask,
  cumulativeDrops,
  figureLimit,
  implausibleActual,
  periodOutsidePlan,
  requirePlanPeriod,
} from '../../src/engine/plausible';
import { checkReturn, ReturnContext } from '../../src/engine/returns';
import { validateScenario } from '../../src/engine/validate';
import { RETURNS_SCENARIO } from '../support/planBook';

/** A complaint's code and both its texts. */
const wordedComplaint = (c: Complaint | null) =>
  c && {
    code: c.code,
    message: problemText(placed(c, ''), 'en-US'),
    zh: problemText(placed(c, ''), 'zh-CN'),
  };

/** SPEC §12 Plausible numbers and Periods, as pure functions. */
describe('figureLimit and implausibleActual', () => {
  it('takes the larger of 10^7 and 1,000 × the task, and never more than 10^16', () => {
    expect(figureLimit(undefined)).toBe(1e7);
    expect(figureLimit(28)).toBe(1e7);
    expect(figureLimit(50_000)).toBe(5e7);
    expect(figureLimit(1e14)).toBe(1e16);
  });

  it('accepts up to the limit and names the limit and the task above it', () => {
    expect(implausibleActual(1e7, 28)).toBeNull();
    expect(implausibleActual(5e7, 50_000)).toBeNull();
    expect(wordedComplaint(implausibleActual(1e308, 28))).toEqual({
      code: 'figure.implausible',
      message:
        '1e+308 is not plausible: above 10000000 (the larger of 10^7 and 1,000 × the annual task 28); check for a typing slip',
      zh: '1e+308 不合常理：超过 10000000（10^7 与年度任务 28 的 1000 倍中的较大者），请检查是否填错',
    });
    expect(wordedComplaint(implausibleActual(10000001, undefined))?.message).toBe(
      '10000001 is not plausible: above 10000000 (no real figure is this large); check for a typing slip',
    );
    expect(wordedComplaint(implausibleActual(Infinity, 1))).toEqual({
      code: 'figure.notFinite',
      message: 'not a finite number (Infinity)',
      zh: '不是有限数值（Infinity）',
    });
    expect(wordedComplaint(implausibleActual(NaN, 1))?.message).toBe('not a finite number (NaN)');
  });
});

describe('annualTask', () => {
  const s = {
    targets: [{ indicator: 'g', year: 2019, total: 28 }],
    quotas: [{ indicator: 'g', year: 2020, unit: 'a', quota: 40000 }],
  };
  it("is the unit's given quota, else the district target, else unknown", () => {
    expect(annualTask(s, 'g', 2020, 'a')).toBe(40000);
    expect(annualTask(s, 'g', 2019, 'a')).toBe(28);
    expect(annualTask(s, 'g', 2019)).toBe(28);
    expect(annualTask(s, 'g', 2021, 'a')).toBeUndefined();
  });
});

describe('cumulativeDrops', () => {
  it('warns when a year-to-date figure falls below an earlier quarter or rises above a later one', () => {
    expect(cumulativeDrops(2019, 4, 0, new Map([[3, 7]])).map(wordedComplaint)).toEqual([
      {
        code: 'figure.cumulativeBelow',
        message:
          'year-to-date 0 for 2019Q4 is below 7 for 2019Q3: a cumulative figure does not fall (check for a typing slip; a correction is accepted)',
        zh: '2019Q4 本年累计 0 低于 2019Q3 的 7：累计数不应下降（请核对是否填错；如系更正可忽略）',
      },
    ]);
    expect(
      cumulativeDrops(2019, 2, 9, new Map([[4, 5]])).map((c) => wordedComplaint(c)?.message),
    ).toEqual([
      'year-to-date 9 for 2019Q2 is above 5 already recorded for 2019Q4: a cumulative figure does not fall (check for a typing slip; a correction is accepted)',
    ]);
  });

  it('is quiet for figures that do not fall', () => {
    expect(
      cumulativeDrops(
        2019,
        3,
        7,
        new Map([
          [1, 2],
          [2, 7],
          [4, 9],
        ]),
      ),
    ).toEqual([]);
  });
});

describe('periods outside the plan', () => {
  const s = {
    targets: [
      { indicator: 'g', year: 2020, total: 1 },
      { indicator: 'g', year: 2018, total: 1 },
    ],
    quotas: [{ indicator: 'g', year: 2019, unit: 'a', quota: 1 }],
  };
  it('accepts a year with a target or given quotas and lists the years otherwise', () => {
    expect(periodOutsidePlan(s, { year: 2019, quarter: 3 })).toBeNull();
    expect(worded(placed(periodOutsidePlan(s, { year: 2017, quarter: 3 })!, ''))).toEqual({
      where: '',
      message: 'the plan has no target for 2017 (its years: 2018, 2019, 2020)',
      zh: '本计划没有 2017 年的目标（计划年度：2018、2019、2020）',
    });
    expect(() => requirePlanPeriod(s, { year: 2025, quarter: 4 })).toThrow(
      new Error('--period: the plan has no target for 2025 (its years: 2018, 2019, 2020)'),
    );
    expect(
      wordedComplaint(periodOutsidePlan({ targets: [], quotas: [] }, { year: 2019, quarter: 1 }))
        ?.zh,
    ).toBe('本计划还没有任何年度目标，无法计算任何考核期');
  });
});

describe('validateScenario refuses implausible numbers with their paths', () => {
  const base = () => JSON.parse(JSON.stringify(RETURNS_SCENARIO));
  const problems = (s: unknown) => {
    try {
      validateScenario(s);
    } catch (e) {
      if (e instanceof InputError) return e.problems;
      throw e;
    }
    return [];
  };

  it('lists every implausible actual and figure at once', () => {
    const s = base();
    s.actuals = [
      { indicator: 'gqq_new', unit: 'wulin', period: '2019Q3', value: 1e308 },
      { indicator: 'gqq_new', unit: 'tianshui', period: '2019Q3', value: 12001 * 1000 },
      { indicator: 'gqq_new', unit: 'chaohui', period: '2019Q3', value: 1e7 },
      { indicator: 'share', period: '2019Q3', value: 2e7 },
    ];
    s.targets[0].total = 2e16;
    expect(problems(s).map((p) => p.where)).toEqual([
      'targets[0].total',
      'actuals[0].value',
      'actuals[1].value',
      'actuals[3].value',
    ]);
    expect(worded(problems(s)[0])).toEqual({
      where: 'targets[0].total',
      message:
        '20000000000000000 is not plausible: no figure reaches 10^16 (beyond 2^53 whole numbers are no longer exact)',
      zh: '20000000000000000 不合常理：任何数值都不会达到 10^16（超过 2^53 的整数已不再精确）',
    });
  });

  it('measures a large task by 1,000 times it', () => {
    const s = base();
    s.targets[0].total = 50_000;
    s.actuals = [{ indicator: 'gqq_new', unit: 'wulin', period: '2019Q3', value: 4e7 }];
    expect(problems(s)).toEqual([]);
  });
});

describe('checkReturn refuses an implausible value at its cell', () => {
  const ctx: ReturnContext = {
    planName: RETURNS_SCENARIO.plan.name,
    units: RETURNS_SCENARIO.units,
    indicators: RETURNS_SCENARIO.indicators,
    years: [2019],
    taskOf: (indicator, unit, year) =>
      indicator === 'gqq_new' && unit === 'tianshui' && year === 2019 ? 3 : undefined,
  };
  it('names file, sheet and cell, in English and Chinese, and lists every bad value', () => {
    const r = checkReturn(
      {
        file: 'r.xlsx',
        properties: { 'td.unit': 'tianshui', 'td.period': '2019Q3' },
        sheets: [
          {
            name: '季度报表',
            cells: [
              ['指标编号', '指标名称', '计量单位', '年度任务', '本年累计完成', '备注'],
              ['gqq_new', null, '家', 3, 1e308, null],
              ['startup', null, '家', 3, 3e7, null],
              ['rd_invest', null, '万元', 3, 88.5, null],
            ],
            merges: [],
            tables: [{ name: 'TD_Return', ref: 'A1:F4' }],
          },
        ],
      },
      ctx,
    );
    expect(r.errors.map(worded)).toEqual([
      {
        where: 'r.xlsx › 季度报表 › E2',
        message:
          '1e+308 is not plausible: above 10000000 (the larger of 10^7 and 1,000 × the annual task 3); check for a typing slip',
        zh: '1e+308 不合常理：超过 10000000（10^7 与年度任务 3 的 1000 倍中的较大者），请检查是否填错',
      },
      {
        where: 'r.xlsx › 季度报表 › E3',
        message:
          '30000000 is not plausible: above 10000000 (no real figure is this large); check for a typing slip',
        zh: '30000000 不合常理：超过 10000000（没有这么大的实际数），请检查是否填错',
      },
    ]);
    expect(r.values).toEqual([{ indicator: 'rd_invest', value: 88.5, cell: 'E4' }]);
  });
});
