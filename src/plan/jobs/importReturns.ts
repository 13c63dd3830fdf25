import { formatProblemIn, Problem, problem } from '../../engine/errors';
import { formatPeriod, parsePeriod } from '../../engine/period';
import { GridBook } from '../../engine/grid';
import { annualTask, cumulativeDrops, planYears } from '../../engine/plausible';
import { carries, CheckedReturn, checkReturn, ReturnContext } from '../../engine/returns';
import { Discrepancy } from '../../engine/bulletin';
import { Scenario } from '../../engine/types';
import { readScenario } from '../scenarioTables';
import { BookPlan, BookSnapshot } from '../types';
import { withUserColumns } from '../userColumns';
import { ActualsLedger, IMPORT_ACTIONS, logRow } from './actualsLedger';
import { tableUpdate } from './outputTables';

/**
 * `import-returns` (SPEC §8) as a pure job: every file is checked completely first; a file with
 * any error is refused whole and the others go in. A unit's return replaces that unit's return
 * values for its period (a value left empty removes the earlier one: not reported is not 0); the
 * values it replaces go to TD_History. Where a recognition list already gave the count, the list
 * stays and the difference is reported as 核对差异.
 */
export interface ReturnsParams {
  /** ISO time of the import, for TD_Actuals, TD_Log and TD_History. */
  now: string;
  /** When given, returns for any other period are refused. */
  period?: string;
  /** Files that could not be read at all (not an xlsx, missing): refused and logged with the rest. */
  unreadable?: { file: string; problems: Problem[] }[];
}

export interface ValueChange {
  indicator: string;
  old: number | null;
  new: number | null;
}

export interface FileReport {
  file: string;
  unit: string | null;
  unitName: string | null;
  period: string | null;
  status: 'accepted' | 'rejected';
  /** Values written (or removed) in TD_Actuals. */
  changes: ValueChange[];
  /** Values taken from the file, changed or not. */
  values: { indicator: string; value: number }[];
  notReported: string[];
  discrepancies: Discrepancy[];
  /** Language-neutral (`--json` carries them as they are); each shell renders them in its own. */
  warnings: Problem[];
  errors: Problem[];
}

export interface ReturnsReport {
  files: FileReport[];
  accepted: number;
  rejected: number;
}

export function returnContext(s: Scenario, period?: string): ReturnContext {
  return {
    planName: s.plan.name,
    units: s.units,
    indicators: s.indicators,
    years: planYears(s),
    taskOf: (indicator, unit, year) => annualTask(s, indicator, year, unit),
    ...(period ? { period } : {}),
  };
}

/** Warnings for values that make a unit's year-to-date figures fall (SPEC §12), located by cell. */
function dropWarnings(
  ledger: ActualsLedger,
  unit: string,
  period: string,
  checked: CheckedReturn,
): Problem[] {
  const { year, quarter } = parsePeriod(period);
  return checked.values.flatMap((v) => {
    const others = new Map<number, number>();
    for (let q = 1; q <= 4; q++) {
      const other = q === quarter ? undefined : ledger.get(v.indicator, unit, `${year}Q${q}`);
      if (other) others.set(q, other.value);
    }
    const where = [checked.file, checked.sheet, v.cell].filter(Boolean).join(' › ');
    return cumulativeDrops(year, quarter, v.value, others).map((c) => ({ where, ...c }));
  });
}

export function importReturnsJob(
  snapshot: BookSnapshot,
  books: readonly GridBook[],
  params: ReturnsParams,
): { plan: BookPlan; report: ReturnsReport } {
  // `2019` is the same period as `2019Q4` (SPEC §3).
  const only = params.period ? formatPeriod(parsePeriod(params.period, '--period')) : undefined;
  const { scenario } = readScenario(snapshot);
  const ctx = returnContext(scenario, only);
  const ledger = new ActualsLedger(scenario.actuals);
  const files: FileReport[] = [];
  const log = [];
  const taken = new Map<string, string>();
  // TD_Log is in the book's language, Chinese, as its other columns are.
  const logText = (ps: Problem[]) => ps.map((p) => formatProblemIn(p, 'zh-CN'));

  for (const book of books) {
    const checked = checkReturn(book, ctx);
    const unit = scenario.units.find((u) => u.id === checked.unit) ?? null;
    const errors = [...checked.errors];
    if (errors.length === 0 && unit && checked.period)
      checked.warnings.push(...dropWarnings(ledger, unit.id, checked.period, checked));
    const slot = `${checked.unit}\u0000${checked.period}`;
    if (errors.length === 0 && taken.has(slot)) {
      errors.push(
        problem('returns.duplicate', book.file, {
          first: taken.get(slot) ?? '',
          unit: unit?.name ?? null,
          period: checked.period,
        }),
      );
    }
    const report: FileReport = {
      file: book.file,
      unit: checked.unit,
      unitName: unit?.name ?? null,
      period: checked.period,
      status: errors.length ? 'rejected' : 'accepted',
      changes: [],
      values: checked.values.map((v) => ({ indicator: v.indicator, value: v.value })),
      notReported: checked.notReported,
      discrepancies: [],
      warnings: checked.warnings,
      errors,
    };
    files.push(report);
    if (errors.length) {
      log.push(
        logRow({
          time: params.now,
          action: IMPORT_ACTIONS.returns,
          file: book.file,
          period: checked.period,
          result: `已拒绝：${errors.length}个错误`,
          detail: logText(errors).join('\n'),
        }),
      );
      continue;
    }
    taken.set(slot, book.file);
    const period = checked.period!;
    const given = new Map(checked.values.map((v) => [v.indicator, v.value]));
    for (const ind of scenario.indicators) {
      if (!unit || !carries(unit, ind)) continue;
      const value = given.get(ind.id);
      const current = ledger.get(ind.id, unit.id, period);
      const row = {
        indicator: ind.id,
        unit: unit.id,
        period,
        source: 'return' as const,
        file: book.file,
        importedAt: params.now,
      };
      if (current?.source === 'list') {
        if (value === undefined) continue;
        ledger.keep({ ...row, value });
        if (value !== current.value)
          report.discrepancies.push({
            unit: unit.id,
            indicator: ind.id,
            reported: value,
            listed: current.value,
          });
        continue;
      }
      if (value === undefined) {
        if (current?.source !== 'return') continue;
        if (ledger.set({ indicator: ind.id, unit: unit.id, period, value: null }))
          report.changes.push({ indicator: ind.id, old: current.value, new: null });
        continue;
      }
      if (current?.value === value) continue;
      ledger.set({ ...row, value });
      report.changes.push({ indicator: ind.id, old: current?.value ?? null, new: value });
    }
    const changed = report.changes.map(
      (c) => `${c.indicator}: ${c.old ?? '空'} → ${c.new ?? '空'}`,
    );
    const diffs = report.discrepancies.map(
      (d) => `核对差异 ${d.indicator}: 报表 ${d.reported}，名单 ${d.listed}`,
    );
    log.push(
      logRow({
        time: params.now,
        action: IMPORT_ACTIONS.returns,
        file: book.file,
        period,
        result: `已导入：${unit!.name} ${checked.values.length}项，变更${report.changes.length}项${checked.warnings.length ? `，${checked.warnings.length}个提示` : ''}`,
        detail: [...changed, ...diffs, ...logText(checked.warnings)].join('\n'),
      }),
    );
  }

  for (const u of params.unreadable ?? []) {
    files.push({
      file: u.file,
      unit: null,
      unitName: null,
      period: null,
      status: 'rejected',
      changes: [],
      values: [],
      notReported: [],
      discrepancies: [],
      warnings: [],
      errors: u.problems,
    });
    log.push(
      logRow({
        time: params.now,
        action: IMPORT_ACTIONS.returns,
        file: u.file,
        period: null,
        result: `已拒绝：${u.problems.length}个错误`,
        detail: logText(u.problems).join('\n'),
      }),
    );
  }
  const accepted = files.filter((f) => f.status === 'accepted').length;
  const report: ReturnsReport = { files, accepted, rejected: files.length - accepted };
  // A batch in which every file is refused changes nothing, not even the log.
  const plan: BookPlan =
    accepted === 0
      ? { sheets: [], tableUpdates: [] }
      : {
          sheets: [],
          tableUpdates: withUserColumns(
            snapshot,
            [
              ledger.update(),
              ledger.historyUpdate(params.now, IMPORT_ACTIONS.returns),
              tableUpdate('TD_Log', log, 'append'),
            ],
            { time: params.now, action: IMPORT_ACTIONS.returns },
          ),
        };
  return { plan, report };
}
