/**
 * run's TD_Scores and TD_Ranking: the rows of the assessed period, with TD_Scores's live formulas,
 * put in their place among the other periods' rows (one block per period, in period order).
 */
import { rankMoveText } from '../../engine/bulletinFormat';
import { parsePeriod } from '../../engine/period';
import type { Assessment, Scenario } from '../../engine/types';
import { TableName, columnIndex, headerOf } from '../bookSchema';
import { ref } from '../formula';
import { rowCells } from '../tableRows';
import type { BookSnapshot, PlanCell, Scalar } from '../types';
import { periodKey } from './bulletinText';
import { existingRows, historyRow, sameRows, valuesOf } from './outputTables';

const H = (table: TableName, key: string) => ref(headerOf(table, key));

/**
 * Live formulas of TD_Scores (SPEC §7), each over the row's own cells only and the same in every
 * row: Excel turns a table column written with formulas into a calculated column of one row's
 * formula (office-js #2093, #5909), so a column's formula must be one formula, with the per-row
 * inputs (序时比例) in cells of their own.
 */
export const SCORE_FORMULAS = {
  milestone: `=${H('TD_Scores', 'quota')}*${H('TD_Scores', 'share')}`,
  rate: `=IF(${H('TD_Scores', 'quota')}>0,${H('TD_Scores', 'actual')}/${H('TD_Scores', 'quota')},"")`,
  timely: `=IF(${H('TD_Scores', 'milestone')}>0,${H('TD_Scores', 'actual')}/${H('TD_Scores', 'milestone')},"")`,
};

const formula = (f: string, value: Scalar | undefined): PlanCell => ({
  formula: f,
  value: value ?? '',
});

/** TD_Scores rows of the assessed period, in the assessment's order. */
export function scoreRows(
  s: Scenario,
  assessment: Assessment,
  period: string,
  quarter: number,
): PlanCell[][] {
  const units = new Map(s.units.map((u) => [u.id, u]));
  const indicators = new Map(s.indicators.map((i) => [i.id, i]));
  const moves = new Map(assessment.units.map((u) => [u.unit, rankMoveText(u.rankChange)]));
  return assessment.rows.map((r) => {
    const unit = units.get(r.unit)!;
    const ind = indicators.get(r.indicator)!;
    const share = ind.profile![quarter - 1];
    return rowCells('TD_Scores', {
      period,
      unit: r.unit,
      unitName: unit.name,
      type: unit.type,
      indicator: r.indicator,
      indicatorName: ind.name,
      quota: r.quota,
      share,
      milestone: formula(SCORE_FORMULAS.milestone, r.milestone),
      actual: r.actual,
      reported: r.reported ? 'yes' : 'no',
      rate: formula(SCORE_FORMULAS.rate, r.rate),
      timely: formula(SCORE_FORMULAS.timely, r.timely),
      status: r.status,
      score: r.score ?? null,
      bonus: r.bonus ?? null,
      projected: r.projected,
      reportStatus: r.reportStatus,
      arrivedAt: r.arrivedAt,
      rankChange: moves.get(r.unit) ?? null,
    });
  });
}

/** TD_Ranking rows of the assessed period. */
export function rankingRows(s: Scenario, assessment: Assessment, period: string): PlanCell[][] {
  const units = new Map(s.units.map((u) => [u.id, u]));
  return assessment.units.map((u) =>
    rowCells('TD_Ranking', {
      period,
      unit: u.unit,
      unitName: units.get(u.unit)!.name,
      type: u.type,
      total: u.total,
      rank: u.rank,
      grade: u.grade,
      previousRank: u.previousRank,
      rankChange: rankMoveText(u.rankChange),
    }),
  );
}

/**
 * A TD_Scores row of another period with the same formulas. A book written before 序时比例 existed
 * gets the share from the indicator's profile (none for a row that names no known indicator or
 * period).
 */
export function withScoreFormulas(s: Scenario): (r: Scalar[]) => PlanCell[] {
  const indicators = new Map(s.indicators.map((i) => [i.id, i]));
  const col = (key: string) => columnIndex('TD_Scores', key);
  const profileShare = (r: Scalar[]): number | null => {
    try {
      const q = parsePeriod(periodKey(r[col('period')])).quarter;
      return indicators.get(String(r[col('indicator')] ?? '').trim())?.profile?.[q - 1] ?? null;
    } catch {
      return null;
    }
  };
  return (r) => {
    const share = typeof r[col('share')] === 'number' ? r[col('share')] : profileShare(r);
    return r.map((v, j) =>
      j === col('share')
        ? share
        : j === col('milestone') && share !== null
          ? formula(SCORE_FORMULAS.milestone, v)
          : j === col('rate')
            ? formula(SCORE_FORMULAS.rate, v)
            : j === col('timely')
              ? formula(SCORE_FORMULAS.timely, v)
              : v,
    );
  };
}

/**
 * The table's rows with `fresh` in place of `period`'s (other periods' rows through `keep`), and
 * the replaced rows for TD_History when the fresh ones differ from them.
 */
export function mergePeriod(
  snapshot: BookSnapshot,
  name: 'TD_Scores' | 'TD_Ranking',
  period: string,
  fresh: PlanCell[][],
  keep: (r: Scalar[]) => PlanCell[],
  now: string,
): { rows: PlanCell[][]; history: PlanCell[][] } {
  const old = existingRows(snapshot, name);
  const pcol = columnIndex(name, 'period');
  // Each row's period parsed once (a province's table has thousands of rows).
  const keys = old.map((r) => periodKey(r[pcol]));
  const replaced = old.filter((_, i) => keys[i] === period);
  const history =
    replaced.length && !sameRows(replaced, fresh.map(valuesOf))
      ? replaced.map((r) => historyRow(now, name, period, r))
      : [];
  const before = old.filter((_, i) => keys[i] < period).map(keep);
  const after = old.filter((_, i) => keys[i] > period).map(keep);
  return { rows: [...before, ...fresh, ...after], history };
}
