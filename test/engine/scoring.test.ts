import { Rational } from '../../src/engine/rational';
import { bonusOf, competitionRanks, exactRule, grader, ruleScore } from '../../src/engine/scoring';
import { Rule } from '../../src/engine/types';

const r = (x: number) => Rational.fromNumber(x);
const score = (rule: Rule, rate: number | null, rank: number | null = null) =>
  ruleScore(exactRule(rule), rate === null ? null : r(rate), rank).toString();

describe('scoring', () => {
  it('linear: w · min(r, cap)', () => {
    const rule: Rule = { indicator: 'f', weight: 40, rule: 'linear', cap: 1 };
    expect([score(rule, 0), score(rule, 0.5), score(rule, 1), score(rule, 1.5)]).toEqual([
      '0',
      '20',
      '40',
      '40',
    ]);
    expect(score({ ...rule, cap: 1.2 }, 1.5)).toBe('48');
    expect(score({ ...rule, cap: undefined }, 1.5)).toBe('40');
  });

  it('tiered: the highest tier whose min ≤ r, whatever order the tiers are given in; 0 below all', () => {
    const rule: Rule = {
      indicator: 'f',
      weight: 30,
      rule: 'tiered',
      tiers: [
        { min: 0.6, factor: 0.6 },
        { min: 1, factor: 1 },
        { min: 0.8, factor: 0.8 },
      ],
    };
    expect([1.5, 1, 0.9999, 0.8, 0.7999, 0.6, 0.5999].map((x) => score(rule, x))).toEqual([
      '30',
      '30',
      '24',
      '24',
      '18',
      '18',
      '0',
    ]);
  });

  it('rank: w − (rank − 1) · rankStep, not below the floor', () => {
    const rule: Rule = { indicator: 'f', weight: 20, rule: 'rank', rankStep: 3, floor: 12 };
    expect([1, 2, 3, 4, 9].map((k) => score(rule, 0.5, k))).toEqual(['20', '17', '14', '12', '12']);
    expect(score({ ...rule, rankStep: 2.5, floor: undefined }, 0.5, 9)).toBe('0');
    // Not ranked (Q > 0, A = 0: nothing done or no return): 0, not the floor (SPEC §5)
    expect(score(rule, 0)).toBe('0');
  });

  it('gives the full weight when there is no task (rate null), whatever the rule', () => {
    expect(score({ indicator: 'f', weight: 40, rule: 'linear' }, null)).toBe('40');
    expect(
      score({ indicator: 'f', weight: 30, rule: 'tiered', tiers: [{ min: 1, factor: 1 }] }, null),
    ).toBe('30');
    expect(score({ indicator: 'f', weight: 20, rule: 'rank', rankStep: 3 }, null)).toBe('20');
  });

  it('bonus: (r − 1) · 100 · bonusPerPoint when r > 1, capped at bonusMax', () => {
    const rule = exactRule({
      indicator: 'f',
      weight: 40,
      rule: 'linear',
      bonusPerPoint: 0.1,
      bonusMax: 2,
    });
    const bonus = (x: number | null) => bonusOf(rule, x === null ? null : r(x)).toString();
    expect([
      bonus(null),
      bonus(0.5),
      bonus(1),
      bonus(1.001),
      bonus(1.15),
      bonus(1.2),
      bonus(1.5),
    ]).toEqual(['0', '0', '0', '1/100', '3/2', '2', '2']);
    expect(
      bonusOf(exactRule({ indicator: 'f', weight: 40, rule: 'linear' }), r(1.5)).toString(),
    ).toBe('0');
    expect(
      bonusOf(
        exactRule({ indicator: 'f', weight: 40, rule: 'linear', bonusPerPoint: 0.1 }),
        r(1.5),
      ).toString(),
    ).toBe('5');
  });

  it('ranks competition style, highest first: 1-2-2-4', () => {
    expect(competitionRanks([0.5, 0.8, 0.8, 0.9, 0.4].map(r))).toEqual([4, 2, 2, 1, 5]);
    expect(competitionRanks([1, 1, 1].map(r))).toEqual([1, 1, 1]);
    expect(competitionRanks([])).toEqual([]);
    // 1/3 and 0.333… as a different rational are not equal
    expect(competitionRanks([Rational.of(1n, 3n), r(0.3333333333333333)])).toEqual([1, 2]);
  });

  it('grades by the first grade (by min descending) whose min ≤ the rounded total', () => {
    const grade = grader([
      { name: '合格', min: 60 },
      { name: '优秀', min: 90 },
      { name: '良好', min: 75 },
    ]);
    expect([90, 89.99, 75, 74.99, 60, 59.99].map((x) => grade(r(x)))).toEqual([
      '优秀',
      '良好',
      '良好',
      '合格',
      '合格',
      null,
    ]);
    expect(grader([])(r(100))).toBeNull();
  });
});
