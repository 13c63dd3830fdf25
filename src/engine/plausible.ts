/**
 * Plausible numbers (SPEC §12): what a figure read from a book, a return or a list may be. A typing
 * slip such as 1e308 would otherwise run through sums into `Infinity` and `NaN%` in the bulletin.
 */
import { InputError } from './errors';
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

export interface Complaint {
  message: string;
  zh: string;
}

/** The largest plausible figure for an annual task (none known: the task is taken as 0). */
export function figureLimit(task: number | undefined): number {
  return Math.min(MAX_FIGURE, Math.max(MAX_COUNT, TASK_FACTOR * (task ?? 0)));
}

/** What is wrong with `value` as an actual against `task`, or null when it is plausible. */
export function implausibleActual(value: number, task: number | undefined): Complaint | null {
  if (!Number.isFinite(value))
    return { message: `not a finite number (${value})`, zh: `不是有限数值（${value}）` };
  const limit = figureLimit(task);
  if (Math.abs(value) <= limit) return null;
  const why =
    task === undefined
      ? { en: 'no real figure is this large', zh: '没有这么大的实际数' }
      : {
          en: `the larger of 10^7 and 1,000 × the annual task ${task}`,
          zh: `10^7 与年度任务 ${task} 的 1000 倍中的较大者`,
        };
  return {
    message: `${value} is not plausible: above ${limit} (${why.en}); check for a typing slip`,
    zh: `${value} 不合常理：超过 ${limit}（${why.zh}），请检查是否填错`,
  };
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
    ? {
        message: `the plan has no target for ${period.year} (its years: ${years.join(', ')})`,
        zh: `本计划没有 ${period.year} 年的目标（计划年度：${years.join('、')}）`,
      }
    : {
        message: `the plan has no targets yet, so no period can be computed`,
        zh: '本计划还没有任何年度目标，无法计算任何考核期',
      };
}

/** Refuses a period outside the plan, naming `where` (the option or cell it came from). */
export function requirePlanPeriod(
  s: Pick<Scenario, 'targets' | 'quotas'>,
  period: Period,
  where = '--period',
): void {
  const outside = periodOutsidePlan(s, period);
  if (outside) throw new InputError(outside.message, where, outside.zh);
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
      out.push({
        message: `year-to-date ${value} for ${year}Q${quarter} is below ${v} for ${year}Q${q}: a cumulative figure does not fall (check for a typing slip; a correction is accepted)`,
        zh: `${year}Q${quarter} 本年累计 ${value} 低于 ${year}Q${q} 的 ${v}：累计数不应下降（请核对是否填错；如系更正可忽略）`,
      });
    if (q > quarter && v < value)
      out.push({
        message: `year-to-date ${value} for ${year}Q${quarter} is above ${v} already recorded for ${year}Q${q}: a cumulative figure does not fall (check for a typing slip; a correction is accepted)`,
        zh: `${year}Q${quarter} 本年累计 ${value} 高于已录入的 ${year}Q${q} 的 ${v}：累计数不应下降（请核对是否填错；如系更正可忽略）`,
      });
  }
  return out;
}
