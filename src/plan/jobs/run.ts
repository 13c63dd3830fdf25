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
import { InputError, problemText } from '../../engine/errors';
import { formatPeriod, parsePeriod } from '../../engine/period';
import { requirePlanPeriod } from '../../engine/plausible';
import { computeQuotas } from '../../engine/quotas';
import type { Assessment, QuotaRow, Scenario } from '../../engine/types';
import { bulletinSheetName, layoutBulletin } from '../bulletinPlan';
import { LOG_ACTIONS } from '../bookSchema';
import { QuotaEdit, editNotice, markGiven, quotaDetail, quotaEdits } from './quotaEdits';
import { readScenario } from '../scenarioTables';
import { rowCells } from '../tableRows';
import type { BookPlan, BookSnapshot, PlanCell, SheetPlan, TableUpdate } from '../types';
import { withinBookColumns, withUserColumns } from '../userColumns';
import { migrationLogText, missingOutputColumns, relayOutputSheets } from '../outputMigration';
import { gridHash, sheetPlanGrid } from './sheetHash';
import { bookDiscrepancies } from './actualsLedger';
import { bulletinSeq, bulletinTextRows, keptTexts } from './bulletinText';
import { QuotaTable, checkHeaders, planQuotaTable, tableUpdate } from './outputTables';
import { editedBulletinHistory } from './runBulletinEdits';
import { mergePeriod, rankingRows, scoreRows, withScoreFormulas } from './runScores';

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
  const history: PlanCell[][] = [];

  // TD_Quotas: other years as they are; this year's given quotas and the allocation.
  const quotaTable = planQuotaTable(book, s, year, quotas, {
    time: now,
    action: LOG_ACTIONS.run,
  });
  history.push(...quotaTable.history);

  const freshScores = scoreRows(s, assessment, period, quarter);
  const freshRanking = rankingRows(s, assessment, period);
  const scores = mergePeriod(snapshot, 'TD_Scores', period, freshScores, withScoreFormulas(s), now);
  const ranking = mergePeriod(snapshot, 'TD_Ranking', period, freshRanking, (r) => r, now);
  history.push(...scores.history, ...ranking.history);

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
  if (withBulletin)
    history.push(...editedBulletinHistory(snapshot, bulletinSheet, period, !!options.force, now));

  const missing = missingOutputColumns(snapshot, ['TD_Quotas', 'TD_Scores', 'TD_Ranking']);
  const logRow = runLogRow(options, {
    period,
    assessment,
    indicators: s.indicators.length,
    quotas: quotaTable,
    scores: freshScores.length,
    ranking: freshRanking.length,
    history: history.length,
    bulletin: bulletin && { sheet: bulletinSheet, hash: gridHash(sheetPlanGrid(bulletin)) },
    edits,
    missing,
  });

  const tableUpdates: TableUpdate[] = [
    tableUpdate('TD_Quotas', quotaTable.rows, 'replace'),
    tableUpdate('TD_Scores', scores.rows, 'replace'),
    tableUpdate('TD_Ranking', ranking.rows, 'replace'),
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

/** TD_Log's row for a run: what it wrote, in words and as JSON, and the bulletin's fingerprint. */
function runLogRow(
  options: RunOptions,
  run: {
    period: string;
    assessment: Assessment;
    indicators: number;
    quotas: QuotaTable;
    scores: number;
    ranking: number;
    history: number;
    bulletin: { sheet: string; hash: string } | null;
    edits: QuotaEdit[];
    /** Output columns the book lacks, added by this run (outputMigration.ts). */
    missing: ReturnType<typeof missingOutputColumns>;
  },
): PlanCell[] {
  const { period, assessment, bulletin, history } = run;
  const lagging = assessment.rows.filter((r) => r.status === 'lagging').length;
  const unreported = assessment.rows.filter((r) => !r.reported).length;
  const result =
    `${period}：${assessment.units.length} 个单位、${run.indicators} 个指标；任务分解 ${run.quotas.written.length} 行，考核结果 ${run.scores} 行，` +
    `排名 ${run.ranking} 行；滞后序时进度 ${lagging} 项，未报送 ${unreported} 项` +
    (bulletin ? `；已生成「${bulletin.sheet}」` : '') +
    (history ? `；被替换的 ${history} 行旧数据存入 TD_History` : '') +
    run.edits.map((e) => `；${problemText(editNotice(e), 'zh-CN')}`).join('') +
    migrationLogText(run.missing);
  return rowCells('TD_Log', {
    time: options.now,
    action: LOG_ACTIONS.run,
    file: options.file ?? null,
    period,
    result,
    detail: JSON.stringify({
      quotas: run.quotas.written.length,
      scores: run.scores,
      ranking: run.ranking,
      history,
      force: !!options.force,
      computed: quotaDetail(run.quotas.computed),
      ...(Object.keys(run.missing).length && { addedColumns: run.missing }),
    }),
    hash: bulletin?.hash ?? null,
  });
}
