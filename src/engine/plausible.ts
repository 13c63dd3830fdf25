/**
 * Plausible numbers (SPEC §12): what a figure read from a book, a return or a list may be. A typing
 * slip such as 1e308 would otherwise run through sums into `Infinity` and `NaN%` in the bulletin.
 */
import { InputError } from './errors';
import { Complaint, complaint, placed } from './messages/catalogue';
import type { Period } from './period';
import type { Scenario } from './types';

/** Every count up to this is plausible, whatever the task. */
export const MAX_COUNT = 1e7;
/** …and up to this many times the annual task. */
export const TASK_FACTOR = 1000;
/**
 * No figure at all reaches this: beyond 2^53 (≈ 9.007 × 10^15) a double no longer holds whole
 * numbers exactly, and sums of such figures stay far from overflow and print without exponents.
 */
export const MAX_FIGURE = 1e16;

/** The largest plausible figure for an annual task (none known: the task is taken as 0). */
export function figureLimit(task: number | undefined): number {
  return Math.min(MAX_FIGURE, Math.max(MAX_COUNT, TASK_FACTOR * (task ?? 0)));
}

/** What is wrong with `value` as an actual against `task`, or null when it is plausible. */
export function implausibleActual(value: number, task: number | undefined): Complaint | null {
  if (!Number.isFinite(value)) return complaint('figure.notFinite', { got: value });
  const limit = figureLimit(task);
  if (Math.abs(value) <= limit) return null;
  return complaint('figure.implausible', { value, limit, task: task ?? null });
}

/**
 * The annual task an actual is measured against: the unit's given quota for the year, else the
 * district's target for the year (a unit's computed quota never exceeds it).
 */
export function annualTask(
  s: Pick<Scenario, 'targets' | 'quotas'>,
  indicator: string,
  year: number,
  unit?: string,
): number | undefined {
  const given =
    unit === undefined
      ? undefined
      : s.quotas.find((q) => q.indicator === indicator && q.year === year && q.unit === unit);
  return given?.quota ?? s.targets.find((t) => t.indicator === indicator && t.year === year)?.total;
}

/** The years the plan sets a task for: those of its targets and given quotas, ascending. */
export function planYears(s: Pick<Scenario, 'targets' | 'quotas'>): number[] {
  return [...new Set([...s.targets.map((t) => t.year), ...s.quotas.map((q) => q.year)])].sort(
    (a, b) => a - b,
  );
}

/** Why `period` is outside the plan (SPEC §12 Periods), or null when its year has a task. */
export function periodOutsidePlan(
  s: Pick<Scenario, 'targets' | 'quotas'>,
  period: Period,
): Complaint | null {
  const years = planYears(s);
  if (years.includes(period.year)) return null;
  return years.length
    ? complaint('period.outsidePlan', { year: period.year, years })
    : complaint('period.noTargets', {});
}

/** Refuses a period outside the plan, naming `where` (the option or cell it came from). */
export function requirePlanPeriod(
  s: Pick<Scenario, 'targets' | 'quotas'>,
  period: Period,
  where = '--period',
): void {
  const outside = periodOutsidePlan(s, period);
  if (outside) throw new InputError([placed(outside, where)]);
}

/**
 * Year-to-date figures never fall within a year: `value` for `quarter` against the same unit's
 * figures for the other quarters of the year. A drop is worth a word, not a refusal — the earlier
 * figure may be the slip being corrected.
 */
export function cumulativeDrops(
  year: number,
  quarter: number,
  value: number,
  others: ReadonlyMap<number, number>,
): Complaint[] {
  const out: Complaint[] = [];
  for (const [q, v] of [...others].sort((a, b) => a[0] - b[0])) {
    if (q < quarter && v > value)
      out.push(complaint('figure.cumulativeBelow', { year, quarter, value, q, v }));
    if (q > quarter && v < value)
      out.push(complaint('figure.cumulativeAbove', { year, quarter, value, q, v }));
  }
  return out;
}
