/**
 * `run` (计算考核) for one period: quotas for the period's year, the assessment, the bulletin sheet
 * and a log row, as one BookPlan over a snapshot. Pure: the CLI (ExcelJS) and the task pane
 * (Office.js) read the snapshot, call planRun and apply the plan.
 *
 * Output tables keep other years' and periods' rows; the rows a run replaces go to TD_History when
 * they differ from the new ones. A bulletin sheet whose values no longer match the fingerprint
 * logged when it was written was edited by someone, and is only overwritten with `force` (its old
 * values then go to TD_History too).
 */
import { assess } from '../../engine/assess';
import { bulletinContent } from '../../engine/bulletin';
import { rankMoveText } from '../../engine/bulletinFormat';
import { InputError, Problem } from '../../engine/errors';
import { formatPeriod, parsePeriod } from '../../engine/period';
import { requirePlanPeriod } from '../../engine/plausible';
import { computeQuotas } from '../../engine/quotas';
import type { Assessment, QuotaRow, Scenario } from '../../engine/types';
import { bulletinSheetName, layoutBulletin } from '../bulletinPlan';
import {
  LOG_ACTIONS,
  QUOTA_SOURCE_LABELS,
  TABLES,
  TableName,
  columnIndex,
  headerOf,
  tableColumns,
} from '../bookSchema';
import { QuotaEdit, editText, markGiven, quotaDetail, quotaEdits } from './quotaEdits';
import { ref } from '../formula';
import { locateColumns, quotaRowCells, readScenario, readTable, rowCells } from '../scenarioTables';
import type { BookPlan, BookSnapshot, PlanCell, Scalar, SheetPlan, TableUpdate } from '../types';
import { withinBookColumns, withUserColumns } from '../userColumns';
import { migrationText, missingOutputColumns, relayOutputSheets } from '../outputMigration';
import { gridHash, sheetPlanGrid } from './sheetHash';
import { bookDiscrepancies } from './actualsLedger';
import { bulletinSeq, bulletinTextRows, keptTexts, periodKey } from './bulletinText';

export interface RunOptions {
  /** ISO time of the run, for the log. */
  now: string;
  /** The bulletin's issue date (YYYY-MM-DD); the date of `now` when absent. */
  issuedOn?: string;
  /** Overwrite a bulletin sheet someone edited. */
  force?: boolean;
  /** The book's file name, for the log. */
  file?: string;
  /**
   * false: plan no bulletin — 考核 without 通报 (the pane's 计算得分). No sheet, no fingerprint in the
   * log row (an existing bulletin keeps being compared with the one it was written with), and an
   * edited bulletin is neither refused nor kept in TD_History, since it is not touched.
   */
  bulletin?: boolean;
}

export interface RunResult {
  plan: BookPlan;
  assessment: Assessment;
  /** The validated scenario the run computed from. */
  scenario: Scenario;
  quotas: QuotaRow[];
  /** The period's bulletin sheet (planned unless `bulletin: false`). */
  bulletinSheet: string;
  /** Rows the run replaced and kept in TD_History. */
  historyRows: number;
  /** Computed quotas someone overtyped, now kept as 给定. */
  quotaEdits: QuotaEdit[];
}

/** The sheets planRun needs in its snapshot besides the tables (read them in the same sync). */
export function runSheetsToRead(period: string): string[] {
  return [bulletinSheetName(formatPeriod(parsePeriod(period, '--period')))];
}

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

/** The body of an output table in schema column order, or [] when the book lacks it. */
function existingRows(snapshot: BookSnapshot, name: TableName): Scalar[][] {
  if (!snapshot.tables[name]) return [];
  const problems: Problem[] = [];
  const located = locateColumns(snapshot, name, problems);
  if (!located) throw new InputError(problems);
  const { data, index } = located;
  return data.rows
    .map((cells) => index.map((i) => (i < 0 ? null : (cells[i] ?? null))))
    .filter((cells) => cells.some((v) => v !== null && v !== ''));
}

/** Appended-to tables must have every column the plan writes (a missing one is the user's to fix). */
export function checkHeaders(snapshot: BookSnapshot, names: TableName[]): void {
  const problems: Problem[] = [];
  for (const name of names) if (snapshot.tables[name]) locateColumns(snapshot, name, problems);
  if (problems.length) throw new InputError(problems);
}

function valuesOf(cells: readonly PlanCell[]): Scalar[] {
  return cells.map((c) => (typeof c === 'object' && c !== null ? c.value : c));
}

const norm = (v: Scalar) =>
  v === '' || v === undefined ? null : typeof v === 'number' ? Number(v.toPrecision(12)) : v;
const rowKey = (r: readonly Scalar[]) => JSON.stringify(r.map(norm));
const sameRows = (a: readonly Scalar[][], b: readonly Scalar[][]) =>
  a.length === b.length && a.every((r, i) => rowKey(r) === rowKey(b[i]));

function historyRow(
  now: string,
  table: TableName,
  period: string,
  cells: readonly Scalar[],
  action: string = LOG_ACTIONS.run,
): PlanCell[] {
  const row = Object.fromEntries(TABLES[table].columns.map((c, j) => [c.header, cells[j] ?? null]));
  return rowCells('TD_History', { time: now, action, table, period, row });
}

export function tableUpdate(
  name: TableName,
  rows: PlanCell[][],
  mode: TableUpdate['mode'],
): TableUpdate {
  const def = TABLES[name];
  return {
    table: name,
    sheet: def.sheet,
    at: def.at,
    columns: tableColumns(name),
    rows,
    mode,
    style: 'TableStyleMedium2',
  };
}

export interface QuotaTable {
  /** The whole body of TD_Quotas: rows out of scope as they were, then the new ones. */
  rows: PlanCell[][];
  /** The new rows, in `quotas` order. */
  written: PlanCell[][];
  /** Replaced rows the new allocation does not reproduce, for TD_History. */
  history: PlanCell[][];
  /** The computed (not given) quotas written, for the log (quotaEdits.ts). */
  computed: QuotaRow[];
}

/**
 * TD_Quotas with `quotas` (the allocation of `year`) in place of that year's rows — only those of
 * `indicators` when given. Rows typed as given quotas stay marked 给定. Used by run and allocate.
 */
export function planQuotaTable(
  snapshot: BookSnapshot,
  s: Scenario,
  year: number,
  quotas: readonly QuotaRow[],
  log: { time: string; action: string },
  indicators?: ReadonlySet<string>,
): QuotaTable {
  const old = existingRows(snapshot, 'TD_Quotas');
  const yearCol = columnIndex('TD_Quotas', 'year');
  const indicatorCol = columnIndex('TD_Quotas', 'indicator');
  const inScope = (r: Scalar[]) =>
    Number(r[yearCol]) === year &&
    (!indicators || indicators.has(String(r[indicatorCol] ?? '').trim()));
  // Given quotas: the scenario's, and 给定 rows the allocation was made around (givenQuotas.ts).
  const sourceCol = columnIndex('TD_Quotas', 'source');
  const unitCol = columnIndex('TD_Quotas', 'unit');
  const given = new Set([
    ...s.quotas.filter((q) => q.year === year).map((q) => `${q.indicator}\u0001${q.unit}`),
    ...old
      .filter(
        (r) => inScope(r) && [QUOTA_SOURCE_LABELS.given, 'given'].includes(String(r[sourceCol])),
      )
      .map((r) => `${String(r[indicatorCol]).trim()}\u0001${String(r[unitCol]).trim()}`),
  ]);
  const isGiven = (q: QuotaRow) => given.has(`${q.indicator}\u0001${q.unit}`);
  const written = quotas.map((q) => quotaRowCells(s, q, isGiven(q) ? 'given' : 'computed'));
  // Quota rows are kept one by one: only those the new allocation does not reproduce.
  const fresh = new Set(written.map((r) => rowKey(valuesOf(r))));
  const history = old
    .filter((r) => inScope(r) && !fresh.has(rowKey(r)))
    .map((r) => historyRow(log.time, 'TD_Quotas', String(year), r, log.action));
  return {
    rows: [...old.filter((r) => !inScope(r)), ...written],
    written,
    history,
    computed: quotas.filter((q) => !isGiven(q)),
  };
}

/** The hash logged with the last run that wrote `period`'s bulletin, if any. */
function loggedBulletinHash(snapshot: BookSnapshot, period: string): string | null {
  if (!snapshot.tables.TD_Log) return null;
  const log = readTable(snapshot, 'TD_Log', []);
  if (!log) return null;
  let hash: string | null = null;
  for (const r of log.rows) {
    if (
      r.action === LOG_ACTIONS.run &&
      periodKey(r.period) === period &&
      typeof r.hash === 'string'
    )
      hash = r.hash;
  }
  return hash;
}

export function planRun(
  snapshot: BookSnapshot,
  periodText: string,
  options: RunOptions,
): RunResult {
  const period = formatPeriod(parsePeriod(periodText, '--period'));
  const { year, quarter } = parsePeriod(period);
  requirePlanPeriod(readScenario(snapshot).valid, { year, quarter });
  // Quotas overtyped in 任务分解 since they were computed are kept as 给定 (quotaEdits.ts).
  const edits = quotaEdits(snapshot, year);
  const book = markGiven(snapshot, edits);
  const read = readScenario(book);
  const s = read.valid;
  let quotas: QuotaRow[];
  let assessment: Assessment;
  try {
    quotas = computeQuotas(s, year);
    assessment = assess(s, period);
  } catch (e) {
    if (e instanceof InputError) throw read.relocate(e);
    throw e;
  }
  const now = options.now;
  const units = new Map(s.units.map((u) => [u.id, u]));
  const indicators = new Map(s.indicators.map((i) => [i.id, i]));
  const history: PlanCell[][] = [];

  // TD_Quotas: other years as they are; this year's given quotas and the allocation.
  const quotaTable = planQuotaTable(book, s, year, quotas, {
    time: now,
    action: LOG_ACTIONS.run,
  });
  history.push(...quotaTable.history);
  const newQuotas = quotaTable.written;

  // TD_Scores and TD_Ranking: one block of rows per period, in period order.
  const moves = new Map(assessment.units.map((u) => [u.unit, rankMoveText(u.rankChange)]));
  const scoreRows = assessment.rows.map((r) => {
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
  const rankingRows = assessment.units.map((u) =>
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
  const col = (key: string) => columnIndex('TD_Scores', key);
  // Rows of other periods get the same formulas; a book written before 序时比例 existed gets the
  // share from the indicator's profile (none for a row that names no known indicator or period).
  const profileShare = (r: Scalar[]): number | null => {
    try {
      const q = parsePeriod(periodKey(r[col('period')])).quarter;
      return indicators.get(String(r[col('indicator')] ?? '').trim())?.profile?.[q - 1] ?? null;
    } catch {
      return null;
    }
  };
  const withFormulas = (r: Scalar[]): PlanCell[] => {
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
  const merge = (
    name: 'TD_Scores' | 'TD_Ranking',
    fresh: PlanCell[][],
    keep: (r: Scalar[]) => PlanCell[],
  ) => {
    const old = existingRows(snapshot, name);
    const pcol = columnIndex(name, 'period');
    const replaced = old.filter((r) => periodKey(r[pcol]) === period);
    if (replaced.length && !sameRows(replaced, fresh.map(valuesOf)))
      history.push(...replaced.map((r) => historyRow(now, name, period, r)));
    const others = old.filter((r) => periodKey(r[pcol]) !== period);
    const before = others.filter((r) => periodKey(r[pcol]) < period).map(keep);
    const after = others.filter((r) => periodKey(r[pcol]) > period).map(keep);
    return [...before, ...fresh, ...after];
  };
  const scores = merge('TD_Scores', scoreRows, withFormulas);
  const ranking = merge('TD_Ranking', rankingRows, (r) => r);

  // The bulletin, unless someone edited the existing one.
  const withBulletin = options.bulletin !== false;
  const bulletinSheet = bulletinSheetName(period);
  const content = withBulletin
    ? bulletinContent(s, assessment, {
        issuedOn: options.issuedOn ?? now.slice(0, 10),
        discrepancies: bookDiscrepancies(snapshot, s.actuals, period),
        seq: bulletinSeq(snapshot, period),
        keptText: keptTexts(snapshot, period),
      })
    : null;
  const bulletin: SheetPlan | null = content && layoutBulletin(content);
  if (withBulletin && snapshot.sheetNames.includes(bulletinSheet)) {
    const current = snapshot.sheets[bulletinSheet];
    if (!current)
      throw new Error(
        `planRun: the snapshot lacks the values of sheet "${bulletinSheet}" (see runSheetsToRead)`,
      );
    if (gridHash(current) !== loggedBulletinHash(snapshot, period)) {
      if (!options.force) {
        throw new InputError(
          `this bulletin was changed after it was generated; rename the sheet to keep it, or run again with --force to overwrite it (its old contents go to TD_History)`,
          bulletinSheet,
          '此通报生成后被手工修改过：如要保留，请先给工作表改名；如要覆盖，请选“覆盖并重新生成”（命令行加 --force），原内容存入 TD_History',
        );
      }
      current.forEach((cells) => {
        if (cells.some((v) => v !== null && v !== '')) {
          history.push(
            rowCells('TD_History', {
              time: now,
              action: LOG_ACTIONS.run,
              table: bulletinSheet,
              period,
              row: cells,
            }),
          );
        }
      });
    }
  }
  const hash = bulletin ? gridHash(sheetPlanGrid(bulletin)) : null;

  const missing = missingOutputColumns(snapshot, ['TD_Quotas', 'TD_Scores', 'TD_Ranking']);
  const lagging = assessment.rows.filter((r) => r.status === 'lagging').length;
  const unreported = assessment.rows.filter((r) => !r.reported).length;
  const result =
    `${period}：${assessment.units.length} 个单位、${indicators.size} 个指标；任务分解 ${newQuotas.length} 行，考核结果 ${scoreRows.length} 行，` +
    `排名 ${rankingRows.length} 行；滞后序时进度 ${lagging} 项，未报送 ${unreported} 项` +
    (bulletin ? `；已生成「${bulletinSheet}」` : '') +
    (history.length ? `；被替换的 ${history.length} 行旧数据存入 TD_History` : '') +
    edits.map((e) => `；${editText(e).zh}`).join('') +
    migrationText(missing).zh;
  const logRow = rowCells('TD_Log', {
    time: now,
    action: LOG_ACTIONS.run,
    file: options.file ?? null,
    period,
    result,
    detail: JSON.stringify({
      quotas: newQuotas.length,
      scores: scoreRows.length,
      ranking: rankingRows.length,
      history: history.length,
      force: !!options.force,
      computed: quotaDetail(quotaTable.computed),
      ...(Object.keys(missing).length && { addedColumns: missing }),
    }),
    hash,
  });

  const tableUpdates: TableUpdate[] = [
    tableUpdate('TD_Quotas', quotaTable.rows, 'replace'),
    tableUpdate('TD_Scores', scores, 'replace'),
    tableUpdate('TD_Ranking', ranking, 'replace'),
    tableUpdate('TD_Log', [logRow], 'append'),
  ].map((u) => (u.table in missing ? u : withinBookColumns(snapshot, u)));
  if (content)
    tableUpdates.push(
      tableUpdate('TD_BulletinText', bulletinTextRows(snapshot, content), 'replace'),
    );
  if (history.length) tableUpdates.push(tableUpdate('TD_History', history, 'append'));
  checkHeaders(snapshot, ['TD_Log', 'TD_History']);

  const { sheets, tableUpdates: updates } = relayOutputSheets(
    snapshot,
    withUserColumns(snapshot, tableUpdates, { time: now, action: LOG_ACTIONS.run }),
    missing,
  );
  return {
    plan: {
      sheets: bulletin ? [bulletin, ...sheets] : sheets,
      tableUpdates: updates,
      ...(bulletin && { activate: bulletinSheet }),
    },
    assessment,
    scenario: s,
    quotas,
    bulletinSheet,
    historyRows: history.length,
    quotaEdits: edits,
  };
}
