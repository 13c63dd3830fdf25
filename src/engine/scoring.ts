import { Rational } from './rational';
import { Grade, Rule, RuleKind } from './types';

const HUNDRED = Rational.of(100);

/** A scoring rule with its numbers as exact rationals. */
export interface ExactRule {
  indicator: string;
  kind: RuleKind;
  weight: Rational;
  cap: Rational;
  /** Sorted by min descending, so the first tier reached is the highest. */
  tiers: { min: Rational; factor: Rational }[];
  rankStep: Rational;
  floor: Rational;
  bonusPerPoint: Rational | null;
  bonusMax: Rational | null;
}

export function exactRule(rule: Rule): ExactRule {
  const r = (x: number | undefined, fallback: number) => Rational.fromNumber(x ?? fallback);
  return {
    indicator: rule.indicator,
    kind: rule.rule,
    weight: r(rule.weight, 0),
    cap: r(rule.cap, 1),
    tiers: (rule.tiers ?? [])
      .map((t) => ({ min: Rational.fromNumber(t.min), factor: Rational.fromNumber(t.factor) }))
      .sort((a, b) => b.min.cmp(a.min)),
    rankStep: r(rule.rankStep, 0),
    floor: r(rule.floor, 0),
    bonusPerPoint:
      rule.bonusPerPoint === undefined ? null : Rational.fromNumber(rule.bonusPerPoint),
    bonusMax: rule.bonusMax === undefined ? null : Rational.fromNumber(rule.bonusMax),
  };
}

/**
 * The points of one rule for a rate r (null: Q = 0, 无任务, which earns the full weight). `rank`
 * is the unit's rank by rate within its type, for rank rules only: null there is a unit that is
 * not ranked (A = 0, nothing done or no return), which scores 0 — the floor rewards taking part.
 */
export function ruleScore(rule: ExactRule, rate: Rational | null, rank: number | null): Rational {
  if (rate === null) return rule.weight;
  switch (rule.kind) {
    case 'linear':
      return rule.weight.mul(rate.min(rule.cap));
    case 'tiered': {
      const tier = rule.tiers.find((t) => t.min.le(rate));
      return tier ? rule.weight.mul(tier.factor) : Rational.ZERO;
    }
    case 'rank': {
      if (rank === null) return Rational.ZERO;
      return rule.weight.sub(rule.rankStep.mul(Rational.of(rank - 1))).max(rule.floor);
    }
  }
}

/** 超额加分: when r > 1, min((r − 1) · 100 · bonusPerPoint, bonusMax); bonusMax absent means no cap. */
export function bonusOf(rule: ExactRule, rate: Rational | null): Rational {
  if (rate === null || rule.bonusPerPoint === null || rate.le(Rational.ONE)) return Rational.ZERO;
  const bonus = rate.sub(Rational.ONE).mul(HUNDRED).mul(rule.bonusPerPoint);
  return rule.bonusMax === null ? bonus : bonus.min(rule.bonusMax);
}

/**
 * Competition ranks (1-2-2-4) by value, highest first: equal values share a rank and the next
 * rank skips. Returns one rank per item, in the items' order.
 */
export function competitionRanks(values: Rational[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[b].cmp(values[a]));
  const ranks = new Array<number>(values.length);
  order.forEach((idx, pos) => {
    const prev = order[pos - 1];
    ranks[idx] = pos > 0 && values[prev].eq(values[idx]) ? ranks[prev] : pos + 1;
  });
  return ranks;
}

/** Grade lookup: the first grade, by min descending, whose min ≤ the rounded total; null when none. */
export function grader(grades: Grade[]): (rounded: Rational) => string | null {
  const sorted = grades
    .map((g) => ({ name: g.name, min: Rational.fromNumber(g.min) }))
    .sort((a, b) => b.min.cmp(a.min));
  return (rounded) => sorted.find((g) => g.min.le(rounded))?.name ?? null;
}
