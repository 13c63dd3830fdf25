import {
  DEFAULT_RETURN_DEADLINE_DAYS,
  previousResultPeriod,
  projectFlow,
  projectLevel,
  reportStatusOf,
  returnDeadline,
} from './overTime';
import { formatPeriod, parsePeriod, Period } from './period';
import { exactThresholds, progress, Progress } from './progress';
import { carriers, computeQuotas } from './quotas';
import { Rational, sum } from './rational';
import { bonusOf, competitionRanks, exactRule, ExactRule, grader, ruleScore } from './scoring';
import {
  Actual,
  Assessment,
  AssessmentRow,
  DistrictRow,
  Indicator,
  ReportStatus,
  Scenario,
  Unit,
  UnitResult,
  UnitType,
} from './types';
import { DEFAULT_PROFILE, DEFAULT_STATUS } from './defaults';

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
  projected: Rational | null;
  reportStatus: ReportStatus;
  arrivedAt: string | null;
}

export interface ExactUnitResult {
  unit: string;
  type: UnitType;
  total: Rational;
  /** The total rounded half up to 2 decimals: what ranks, grades and display use. */
  rounded: Rational;
  rank: number;
  grade: string | null;
  previousRank: number | null;
}

export interface ExactDistrictRow {
  indicator: string;
  target: Rational;
  actual: Rational | null;
  rate: Rational | null;
  milestone: Rational;
  timely: Rational | null;
  status: Progress['status'];
  projected: Rational | null;
  previousActual: Rational | null;
  previousRate: Rational | null;
}

export interface ExactAssessment {
  period: Period;
  previousPeriod: Period | null;
  returnDeadline: string;
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
  const current = assessPeriod(s, parsePeriod(periodText, 'period'));
  const previousPeriod = previousResultPeriod(s, current.period);
  const previous = previousPeriod && assessPeriod(s, previousPeriod);
  const before = new Map(previous?.units.map((u) => [u.unit, u.rank]));
  for (const u of current.units) u.previousRank = before.get(u.unit) ?? null;
  for (const d of current.district) {
    const p = previous?.district.find((x) => x.indicator === d.indicator);
    if (!p) continue;
    d.previousActual = p.actual;
    // A rate is against the year's target: another year's rate is not comparable.
    if (previousPeriod!.year === current.period.year) d.previousRate = p.rate;
  }
  return { ...current, previousPeriod };
}

/** One period's assessment, before it is compared with the previous one. */
function assessPeriod(s: Scenario, period: Period): Omit<ExactAssessment, 'previousPeriod'> {
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
  const sources = new Map<string, Actual>();
  const lastYearEnd = new Map<string, Rational>();
  const wanted = formatPeriod(period);
  const yearBefore = formatPeriod({ year: year - 1, quarter: 4 });
  const canonical = new Map<string, string>();
  for (const a of s.actuals) {
    let p = canonical.get(a.period);
    if (p === undefined) canonical.set(a.period, (p = formatPeriod(parsePeriod(a.period))));
    const k = key(a.indicator, a.unit ?? '');
    if (p === wanted) {
      actuals.set(k, Rational.fromNumber(a.value));
      sources.set(k, a);
    } else if (p === yearBefore && a.unit === undefined) {
      lastYearEnd.set(a.indicator, Rational.fromNumber(a.value));
    }
  }
  const deadline = returnDeadline(
    period,
    s.plan.returnDeadlineDays ?? DEFAULT_RETURN_DEADLINE_DAYS,
  );

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
      const source = sources.get(key(ind.id, u.id));
      rows.push({
        unit: u.id,
        indicator: ind.id,
        quota,
        actual,
        reported: a !== undefined,
        ...progress(quota, actual, share.get(ind.id)!, th),
        score: null,
        bonus: null,
        projected: projectFlow(actual, share.get(ind.id)!),
        reportStatus: reportStatusOf(source, deadline),
        arrivedAt: source?.importedAt ?? null,
      });
    }
  }
  scoreRows(s.units, rows, rules);
  return {
    period,
    returnDeadline: deadline,
    rows,
    units: unitResults(s, rows),
    district: districtRows(s, year, decomposed, rows, { actuals, lastYearEnd, share, th }),
  };
}

/**
 * Fills score and bonus; a rank rule ranks the units of one type with Q > 0 and A > 0 by rate
 * (SPEC §5: a unit with nothing done is not ranked and scores 0).
 */
function scoreRows(units: Unit[], rows: ExactRow[], rules: Map<string, ExactRule>): void {
  const typeOf = new Map(units.map((u) => [u.id, u.type]));
  const ranked = new Map<string, ExactRow[]>();
  for (const row of rows) {
    if (row.rate === null || !row.actual.isPositive()) continue;
    if (rules.get(row.indicator)?.kind !== 'rank') continue;
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
      return {
        unit: u.id,
        type: u.type,
        total,
        rounded,
        rank: 0,
        grade: gradeOf(rounded),
        previousRank: null,
      };
    });
  for (const type of new Set(results.map((r) => r.type))) {
    const group = results.filter((r) => r.type === type);
    const ranks = competitionRanks(group.map((r) => r.rounded));
    group.forEach((r, i) => (r.rank = ranks[i]));
  }
  return results;
}

interface DistrictInputs {
  actuals: Map<string, Rational>;
  /** Level indicators' district values at the end of the year before. */
  lastYearEnd: Map<string, Rational>;
  share: Map<string, Rational>;
  th: ReturnType<typeof exactThresholds>;
}

function districtRows(
  s: Scenario,
  year: number,
  decomposed: Indicator[],
  rows: ExactRow[],
  { actuals, lastYearEnd, share, th }: DistrictInputs,
): ExactDistrictRow[] {
  const out: ExactDistrictRow[] = [];
  const overTime = { previousActual: null, previousRate: null };
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
          projected: null,
          ...overTime,
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
          projected: projectLevel(actual, lastYearEnd.get(ind.id) ?? null, share.get(ind.id)!),
          ...overTime,
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
      projected: projectFlow(actual, share.get(ind.id)!),
      ...overTime,
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
    previousPeriod: x.previousPeriod && formatPeriod(x.previousPeriod),
    returnDeadline: x.returnDeadline,
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
        projected: numOrNull(r.projected),
        reportStatus: r.reportStatus,
        arrivedAt: r.arrivedAt,
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
      previousRank: u.previousRank,
      rankChange: u.previousRank === null ? null : u.previousRank - u.rank,
    })),
    district: x.district.map((d): DistrictRow => ({
      indicator: d.indicator,
      target: num(d.target),
      actual: numOrNull(d.actual),
      rate: numOrNull(d.rate),
      milestone: num(d.milestone),
      timely: numOrNull(d.timely),
      status: d.status,
      projected: numOrNull(d.projected),
      previousActual: numOrNull(d.previousActual),
      previousRate: numOrNull(d.previousRate),
    })),
  };
}

/** SPEC §5: the assessment of a validated scenario for a period, as the JSON of SPEC §6. */
export function assess(s: Scenario, period: string): Assessment {
  return toAssessment(assessExact(s, period));
}
