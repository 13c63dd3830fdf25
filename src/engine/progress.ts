import { Rational } from './rational';
import { Status, StatusThresholds } from './types';

/** Progress of an actual against an annual quota or target at the end of a quarter (SPEC §5). */
export interface Progress {
  /** 序时目标 M = Q · profile[q]. */
  milestone: Rational;
  /** r = A / Q; null when Q = 0 (无任务). */
  rate: Rational | null;
  /** t = A / M; null when M = 0. */
  timely: Rational | null;
  status: Status;
}

export interface ExactThresholds {
  ahead: Rational;
  warn: Rational;
}

export function exactThresholds(t: StatusThresholds): ExactThresholds {
  return { ahead: Rational.fromNumber(t.ahead), warn: Rational.fromNumber(t.warn) };
}

/** ahead (达到序时进度) when t ≥ ahead, behind (略低于) when t ≥ warn, else lagging (滞后); none without a milestone. */
export function statusOf(timely: Rational | null, th: ExactThresholds): Status {
  if (timely === null) return 'none';
  if (timely.ge(th.ahead)) return 'ahead';
  if (timely.ge(th.warn)) return 'behind';
  return 'lagging';
}

/** `share` is the profile's cumulative share for the quarter. */
export function progress(
  quota: Rational,
  actual: Rational,
  share: Rational,
  th: ExactThresholds,
): Progress {
  const milestone = quota.mul(share);
  const rate = quota.isZero() ? null : actual.div(quota);
  const timely = milestone.isZero() ? null : actual.div(milestone);
  return { milestone, rate, timely, status: statusOf(timely, th) };
}
