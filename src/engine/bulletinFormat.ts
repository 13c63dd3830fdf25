/** How the bulletin writes figures: percentages to 0.1 half up, counts without binary noise. */

/** Ratio as a percentage to 0.1, half up, in tenths of a percent (exact integer). */
export function percentTenths(ratio: number): number {
  return Math.round(Number((ratio * 1000).toPrecision(12)));
}

export function tenthsText(tenths: number): string {
  const abs = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${Math.floor(abs / 10)}.${abs % 10}`;
}

export function percentText(ratio: number): string {
  return `${tenthsText(percentTenths(ratio))}%`;
}

/** Strips binary noise from a figure for display: 0.30000000000000004 → 0.3. */
export function cleanNumber(x: number): number {
  return Number(x.toPrecision(12));
}

export function amount(x: number, measure: string): string {
  return `${cleanNumber(x)}${measure}`;
}

/**
 * A projected figure: whole for counts (a projection of 31.67 家 reads 32家), one decimal for a
 * percentage, half up.
 */
export function projectedAmount(x: number, measure: string): string {
  const places = measure === '%' ? 1 : 0;
  const scale = 10 ** places;
  return `${Math.round(Number((x * scale).toPrecision(12))) / scale}${measure}`;
}

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];

/** 2019年第三季度; 2019年度 for the year end. */
export function periodName(year: number, quarter: number): string {
  return quarter === 4 ? `${year}年度` : `${year}年${QUARTER_NAMES[quarter - 1]}`;
}

/**
 * The words for "compared with" a previous period: 较上季度 for the quarter just before, 较上年末 for
 * the end of the previous year, else 较2019年第一季度.
 */
export function comparedWith(year: number, quarter: number, previous: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(previous);
  if (!m) return `较${previous}`;
  const py = Number(m[1]);
  const pq = Number(m[2]);
  if (py === year && pq === quarter - 1) return '较上季度';
  if (py === year - 1 && pq === 4) return '较上年末';
  return `较${py}年${QUARTER_NAMES[pq - 1]}`;
}

/** ↑2 climbed two places, ↓1 fell one, — unchanged, 新 not ranked before. */
export function rankMoveText(change: number | null): string {
  if (change === null) return '新';
  if (change === 0) return '—';
  return change > 0 ? `↑${change}` : `↓${-change}`;
}
