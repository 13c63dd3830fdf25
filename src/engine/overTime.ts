/**
 * The bulletin's view over time (SPEC §10 "Over time"): the previous period a ranking is compared
 * with, the year-end projection at the current pace, and whether each return arrived on time.
 */
import { formatPeriod, parsePeriod, Period } from './period';
import { Rational } from './rational';
import type { Actual, ReportStatus, Scenario } from './types';

export const DEFAULT_RETURN_DEADLINE_DAYS = 10;

/** The quarter before `p` (2019Q1 → 2018Q4). */
function quarterBefore(p: Period): Period {
  return p.quarter === 1
    ? { year: p.year - 1, quarter: 4 }
    : { year: p.year, quarter: (p.quarter - 1) as Period['quarter'] };
}

/**
 * The latest period before `p` in which some unit has a return or a recognised figure: the period
 * a ranking's moves (较上期) are read against. Null when the plan has no earlier results; the
 * search stops at the plan's first target year.
 */
export function previousResultPeriod(s: Scenario, p: Period): Period | null {
  const withResults = new Set<string>();
  for (const a of s.actuals) {
    if (a.unit === undefined) continue;
    try {
      withResults.add(formatPeriod(parsePeriod(a.period)));
    } catch {
      // A validated scenario has no such period; nothing to compare with either way.
    }
  }
  const first = Math.min(...s.targets.map((t) => t.year), p.year);
  for (let q = quarterBefore(p); q.year >= first; q = quarterBefore(q)) {
    if (withResults.has(formatPeriod(q))) return q;
  }
  return null;
}

/** The last day a return for `p` is on time: quarter end + `days` (ISO date). */
export function returnDeadline(p: Period, days: number): string {
  const end = new Date(Date.UTC(p.year, p.quarter * 3, 0));
  end.setUTCDate(end.getUTCDate() + days);
  return end.toISOString().slice(0, 10);
}

/** China Standard Time, where the deadline's day ends (the product serves Chinese districts). */
const CST_OFFSET_MS = 8 * 3600 * 1000;

/**
 * on time / 迟报 / 未报送 for the actual a row uses. Only a return's arrival counts: a figure from a
 * recognition list or typed by hand, or a return without a readable 导入时间, is not late.
 */
export function reportStatusOf(actual: Actual | undefined, deadline: string): ReportStatus {
  if (!actual) return 'missing';
  if ((actual.source ?? 'return') !== 'return' || !actual.importedAt) return 'onTime';
  const at = actual.importedAt.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at <= deadline ? 'onTime' : 'late';
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return 'onTime';
  const endOfDeadline = Date.parse(`${deadline}T00:00:00Z`) + 24 * 3600 * 1000 - CST_OFFSET_MS;
  return ms < endOfDeadline ? 'onTime' : 'late';
}

/**
 * The year-end figure at the current pace: A / profile[q] for a cumulative (flow) figure; for a
 * level, the previous year-end value plus its growth so far at the same pace. None when the
 * profile expects nothing yet (share 0) or a level has no previous year-end value.
 */
export function projectFlow(actual: Rational, share: Rational): Rational | null {
  return share.isPositive() ? actual.div(share) : null;
}

export function projectLevel(
  actual: Rational,
  base: Rational | null,
  share: Rational,
): Rational | null {
  if (base === null || !share.isPositive()) return null;
  return base.add(actual.sub(base).div(share));
}
