import { formatPeriod, parsePeriod, Period } from './period';
import { exactThresholds, progress, Progress } from './progress';
import { carriers, computeQuotas } from './quotas';
import { Rational, sum } from './rational';
import { bonusOf, competitionRanks, exactRule, ExactRule, grader, ruleScore } from './scoring';
import {
  Assessment,
  AssessmentRow,
  DistrictRow,
  Indicator,
  Scenario,
  Unit,
  UnitResult,
  UnitType,
} from './types';
import { DEFAULT_PROFILE, DEFAULT_STATUS } from './validate';

/** One unit × indicator row, exact. */
export interface ExactRow extends Progress {
  unit: string;
  indicator: string;
  quota: Rational;
  actual: Rational;
  /** false: no return for the period (未报送), counted as 0. */
  reported: boolean;
  /** Present for indicators with a scoring rule. */
  score: Rational | null;
  bonus: Rational | null;
}

export interface ExactUnitResult {
  unit: string;
  type: UnitType;
  total: Rational;
  /** The total rounded half up to 2 decimals: what ranks, grades and display use. */
  rounded: Rational;
  rank: number;
  grade: string | null;
}

export interface ExactDistrictRow {
  indicator: string;
  target: Rational;
  actual: Rational | null;
  rate: Rational | null;
  milestone: Rational;
  timely: Rational | null;
  status: Progress['status'];
}

export interface ExactAssessment {
  period: Period;
  rows: ExactRow[];
  units: ExactUnitResult[];
  district: ExactDistrictRow[];
}

const key = (...parts: (string | number)[]) => parts.join('\u0000');

/** The unit's total as displayed and ranked: rounded half up to 2 decimals, e.g. "80.13". */
export function roundedTotal(u: ExactUnitResult): string {
  return u.total.toFixed(2);
}

/**
 * SPEC §5 for a validated scenario and a period (`2019Q3`, or `2019` ≡ `2019Q4`), in exact
 * arithmetic. Rows are ordered by unit then indicator (scenario order); `units` lists the units
 * with at least one scored row, in scenario order; `district` has one row per indicator with a
 * target (or quotas) for the year, in indicator order.
 */
export function assessExact(s: Scenario, periodText: string): ExactAssessment {
  const period = parsePeriod(periodText, 'period');
  const { year, quarter } = period;
  const th = exactThresholds(s.scoring.status ?? DEFAULT_STATUS);
  const share = new Map(
    s.indicators.map((i) => [
      i.id,
      Rational.fromNumber((i.profile ?? DEFAULT_PROFILE)[quarter - 1]),
    ]),
  );
  const rules = new Map(s.scoring.rules.map((r) => [r.indicator, exactRule(r)]));

  const quotas = new Map<string, Rational>();
  for (const q of computeQuotas(s, year))
    quotas.set(key(q.indicator, q.unit), Rational.fromNumber(q.quota));
  const actuals = new Map<string, Rational>();
  const wanted = formatPeriod(period);
  const canonical = new Map<string, string>();
  for (const a of s.actuals) {
    let p = canonical.get(a.period);
    if (p === undefined) canonical.set(a.period, (p = formatPeriod(parsePeriod(a.period))));
    if (p === wanted) actuals.set(key(a.indicator, a.unit ?? ''), Rational.fromNumber(a.value));
  }

  const decomposed = s.indicators.filter(
    (i) => i.kind === 'flow' && carriers(s, i).some((u) => quotas.has(key(i.id, u.id))),
  );
  const rows: ExactRow[] = [];
  for (const u of s.units) {
    for (const ind of decomposed) {
      const quota = quotas.get(key(ind.id, u.id));
      if (quota === undefined) continue;
      const a = actuals.get(key(ind.id, u.id));
      const actual = a ?? Rational.ZERO;
      rows.push({
        unit: u.id,
        indicator: ind.id,
        quota,
        actual,
        reported: a !== undefined,
        ...progress(quota, actual, share.get(ind.id)!, th),
        score: null,
        bonus: null,
      });
    }
  }
  scoreRows(s.units, rows, rules);
  return {
    period,
    rows,
    units: unitResults(s, rows),
    district: districtRows(s, year, decomposed, rows, actuals, share, th),
  };
}

/** Fills score and bonus; a rank rule ranks the units of one type with Q > 0 by rate. */
function scoreRows(units: Unit[], rows: ExactRow[], rules: Map<string, ExactRule>): void {
  const typeOf = new Map(units.map((u) => [u.id, u.type]));
  const ranked = new Map<string, ExactRow[]>();
  for (const row of rows) {
    if (row.rate === null || rules.get(row.indicator)?.kind !== 'rank') continue;
    const k = key(row.indicator, typeOf.get(row.unit)!);
    if (!ranked.has(k)) ranked.set(k, []);
    ranked.get(k)!.push(row);
  }
  const rankOf = new Map<ExactRow, number>();
  for (const group of ranked.values()) {
    const ranks = competitionRanks(group.map((r) => r.rate!));
    group.forEach((r, i) => rankOf.set(r, ranks[i]));
  }
  for (const row of rows) {
    const rule = rules.get(row.indicator);
    if (!rule) continue;
    row.score = ruleScore(rule, row.rate, rankOf.get(row) ?? null);
    row.bonus = bonusOf(rule, row.rate);
  }
}

/** Totals, ranks within type on the total rounded half up to 2 decimals (1-2-2-4), grades. */
function unitResults(s: Scenario, rows: ExactRow[]): ExactUnitResult[] {
  const scored = new Map<string, Rational[]>();
  for (const row of rows) {
    if (row.score === null) continue;
    if (!scored.has(row.unit)) scored.set(row.unit, []);
    scored.get(row.unit)!.push(row.score, row.bonus!);
  }
  const gradeOf = grader(s.scoring.grades);
  const results: ExactUnitResult[] = s.units
    .filter((u) => scored.has(u.id))
    .map((u) => {
      const total = sum(scored.get(u.id)!);
      const rounded = total.roundHalfUp(2);
      return { unit: u.id, type: u.type, total, rounded, rank: 0, grade: gradeOf(rounded) };
    });
  for (const type of new Set(results.map((r) => r.type))) {
    const group = results.filter((r) => r.type === type);
    const ranks = competitionRanks(group.map((r) => r.rounded));
    group.forEach((r, i) => (r.rank = ranks[i]));
  }
  return results;
}

function districtRows(
  s: Scenario,
  year: number,
  decomposed: Indicator[],
  rows: ExactRow[],
  actuals: Map<string, Rational>,
  share: Map<string, Rational>,
  th: ReturnType<typeof exactThresholds>,
): ExactDistrictRow[] {
  const out: ExactDistrictRow[] = [];
  for (const ind of s.indicators) {
    const target = s.targets.find((t) => t.indicator === ind.id && t.year === year);
    if (ind.kind === 'level') {
      if (!target) continue;
      const total = Rational.fromNumber(target.total);
      const actual = actuals.get(key(ind.id, '')) ?? null;
      if (actual === null) {
        out.push({
          indicator: ind.id,
          target: total,
          actual: null,
          rate: null,
          milestone: total,
          timely: null,
          status: 'none',
        });
      } else {
        // A level value is not cumulative: its milestone is the target itself.
        const p = progress(total, actual, Rational.ONE, th);
        out.push({
          indicator: ind.id,
          target: total,
          actual,
          rate: p.rate,
          milestone: p.milestone,
          timely: p.timely,
          status: p.status,
        });
      }
      continue;
    }
    const own = rows.filter((r) => r.indicator === ind.id);
    if (!target && !decomposed.includes(ind)) continue;
    const total = target ? Rational.fromNumber(target.total) : sum(own.map((r) => r.quota));
    const actual = sum(own.map((r) => r.actual));
    const p = progress(total, actual, share.get(ind.id)!, th);
    out.push({
      indicator: ind.id,
      target: total,
      actual,
      rate: p.rate,
      milestone: p.milestone,
      timely: p.timely,
      status: p.status,
    });
  }
  return out;
}

const num = (r: Rational) => r.toNumber();
const numOrNull = (r: Rational | null) => (r === null ? null : r.toNumber());

/** The assessment JSON of SPEC §6: unrounded doubles converted from the exact values. */
export function toAssessment(x: ExactAssessment): Assessment {
  return {
    period: formatPeriod(x.period),
    rows: x.rows.map((r): AssessmentRow => {
      const row: AssessmentRow = {
        unit: r.unit,
        indicator: r.indicator,
        quota: num(r.quota),
        milestone: num(r.milestone),
        actual: num(r.actual),
        reported: r.reported,
        rate: numOrNull(r.rate),
        timely: numOrNull(r.timely),
        status: r.status,
      };
      if (r.score !== null) {
        row.score = num(r.score);
        row.bonus = num(r.bonus!);
      }
      return row;
    }),
    units: x.units.map((u): UnitResult => ({
      unit: u.unit,
      type: u.type,
      total: num(u.total),
      rank: u.rank,
      grade: u.grade,
    })),
    district: x.district.map((d): DistrictRow => ({
      indicator: d.indicator,
      target: num(d.target),
      actual: numOrNull(d.actual),
      rate: numOrNull(d.rate),
      milestone: num(d.milestone),
      timely: numOrNull(d.timely),
      status: d.status,
    })),
  };
}

/** SPEC §5: the assessment of a validated scenario for a period, as the JSON of SPEC §6. */
export function assess(s: Scenario, period: string): Assessment {
  return toAssessment(assessExact(s, period));
}
