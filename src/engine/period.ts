import { inputError } from './errors';

/** A reporting period: the end of a quarter. Actuals are cumulative from 1 January (SPEC §3). */
export interface Period {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const PERIOD_RE = /^(\d{4})(?:[Qq]([1-4]))?$/;

/**
 * `2019Q3` → {2019, 3}. A bare year `2019` is the year-end figure, i.e. the same period as `2019Q4`.
 */
export function parsePeriod(text: string, where = ''): Period {
  const m = typeof text === 'string' ? PERIOD_RE.exec(text) : null;
  if (!m) {
    throw inputError('period.invalid', where, { got: text });
  }
  return { year: Number(m[1]), quarter: (m[2] ? Number(m[2]) : 4) as Period['quarter'] };
}

/** The canonical text of a period: always with its quarter, so `2019` and `2019Q4` print alike. */
export function formatPeriod(p: Period): string {
  return `${p.year}Q${p.quarter}`;
}

/**
 * The calendar date of `d` where the user is (YYYY-MM-DD): a bulletin generated at 07:00 in
 * Hangzhou bears that day's date, not the previous day's as the UTC date would.
 */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
