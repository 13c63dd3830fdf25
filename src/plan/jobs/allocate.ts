/**
 * 任务分解 on its own: one year's quotas (of one indicator, or of every allocatable one) written to
 * TD_Quotas, without scores or a bulletin — the task pane's 分解 step. A chosen method is written
 * into TD_Targets' 分解方法 cells first: the method belongs to the plan, so later runs (考核, the
 * CLI's run) allocate the same way. Pure, like the other jobs; `preview` is what `plan` writes.
 */
import { parseDecimal, scaledToNumber, toScaledInt } from '../../engine/decimal';
import { InputError, inputError } from '../../engine/errors';
import { computeQuotas } from '../../engine/quotas';
import { ALLOCATION_METHODS } from '../../engine/types';
import type { AllocationMethod, QuotaRow, Scenario } from '../../engine/types';
import { LOG_ACTIONS, METHOD_LABELS, TABLES } from '../bookSchema';
import { readScenario } from '../scenarioTables';
import { rowCells } from '../tableRows';
import type { BookPlan, BookSnapshot, TableData, TableUpdate } from '../types';
import { withUserColumns } from '../userColumns';
import { markGiven, quotaDetail, quotaEdits } from './quotaEdits';
import { checkHeaders, planQuotaTable, tableUpdate } from './outputTables';

export interface AllocateParams {
  year: number;
  /** Every allocatable (flow) indicator of the year when absent. */
  indicator?: string;
  /** The method set per target in TD_Targets when absent. */
  method?: AllocationMethod;
  /** ISO time of the job, for the log and the history. */
  now: string;
  /** The book's file name, for the log. */
  file?: string;
}

/** The quotas as a table: one column per indicator, one row per unit with a quota. */
export interface AllocationPreview {
  columns: { indicator: string; name: string; measure: string; total: number }[];
  rows: { unit: string; name: string; quotas: (number | null)[] }[];
}

export interface AllocateResult {
  plan: BookPlan;
  /** The quotas written, ordered by indicator then unit. */
  quotas: QuotaRow[];
  preview: AllocationPreview;
}

/** The flow indicators the request covers; throws naming an unknown indicator or year. */
function scopeOf(s: Scenario, params: AllocateParams): string[] {
  if (!Number.isInteger(params.year)) {
    throw inputError('allocate.yearNotWhole', 'year', { got: params.year });
  }
  if (params.method !== undefined && !ALLOCATION_METHODS.includes(params.method)) {
    throw inputError('allocate.unknownMethod', 'method', {
      got: params.method,
      allowed: ALLOCATION_METHODS,
    });
  }
  const targetsSheet = TABLES.TD_Targets.sheet;
  const planned = (id: string) =>
    s.targets.some((t) => t.indicator === id && t.year === params.year) ||
    s.quotas.some((q) => q.indicator === id && q.year === params.year);
  if (params.indicator !== undefined) {
    const ind = s.indicators.find((i) => i.id === params.indicator);
    if (!ind) throw inputError('allocate.unknownIndicator', 'indicator', { id: params.indicator });
    if (ind.kind !== 'flow') {
      throw inputError('allocate.levelIndicator', 'indicator', { id: ind.id, name: ind.name });
    }
    if (!planned(ind.id)) {
      throw inputError('allocate.noTarget', 'year', {
        id: ind.id,
        name: ind.name,
        year: params.year,
        sheet: targetsSheet,
      });
    }
    return [ind.id];
  }
  const ids = s.indicators.filter((i) => i.kind === 'flow' && planned(i.id)).map((i) => i.id);
  if (!ids.length) {
    throw inputError('allocate.noTargets', 'year', { year: params.year, sheet: targetsSheet });
  }
  return ids;
}

/** TD_Targets with `method` in the 分解方法 cell of each of the year's targets of `ids`, or null when none changes. */
function targetsWithMethod(
  snapshot: BookSnapshot,
  year: number,
  ids: ReadonlySet<string>,
  method: AllocationMethod,
): TableData | null {
  const targets = snapshot.tables.TD_Targets!;
  const col = (key: string) =>
    targets.headers.indexOf(TABLES.TD_Targets.columns.find((c) => c.key === key)!.header);
  const [ind, yr, at] = [col('indicator'), col('year'), col('method')];
  if (at < 0) {
    const header = TABLES.TD_Targets.columns.find((c) => c.key === 'method')!.header;
    throw inputError('table.lacksColumn', targets.sheet, { table: 'TD_Targets', header });
  }
  const label = METHOD_LABELS[method];
  let changed = false;
  const rows = targets.rows.map((r) => {
    if (Number(r[yr]) !== year || !ids.has(String(r[ind] ?? '').trim()) || r[at] === label)
      return r;
    changed = true;
    return r.map((v, j) => (j === at ? label : v));
  });
  return changed ? { ...targets, rows } : null;
}

/** The whole of TD_Targets written back where it is, with every column it has. */
function targetsUpdate(targets: TableData): TableUpdate {
  return {
    table: 'TD_Targets',
    sheet: targets.sheet,
    at: targets.ref.split(':')[0],
    columns: targets.headers.map((header) => ({ header })),
    rows: targets.rows,
    mode: 'replace',
  };
}

function exactSum(values: readonly number[]): number {
  const scale = Math.max(0, ...values.map((v) => parseDecimal(v).scale));
  return scaledToNumber(
    values.reduce((a, v) => a + toScaledInt(parseDecimal(v), scale)!, 0n),
    scale,
  );
}

function previewOf(
  s: Scenario,
  quotas: readonly QuotaRow[],
  ids: readonly string[],
): AllocationPreview {
  const shown = ids.filter((id) => quotas.some((q) => q.indicator === id));
  const columns = shown.map((id) => {
    const ind = s.indicators.find((i) => i.id === id)!;
    return {
      indicator: id,
      name: ind.name,
      measure: ind.measure,
      total: exactSum(quotas.filter((q) => q.indicator === id).map((q) => q.quota)),
    };
  });
  const units = s.units.filter((u) => quotas.some((q) => q.unit === u.id));
  return {
    columns,
    rows: units.map((u) => ({
      unit: u.id,
      name: u.name,
      quotas: shown.map(
        (id) => quotas.find((q) => q.indicator === id && q.unit === u.id)?.quota ?? null,
      ),
    })),
  };
}

export function planAllocate(snapshot: BookSnapshot, params: AllocateParams): AllocateResult {
  const ids = scopeOf(readScenario(snapshot).valid, params);
  const scope = new Set(ids);
  const targets = params.method
    ? targetsWithMethod(snapshot, params.year, scope, params.method)
    : null;
  // Quotas overtyped in 任务分解 are kept as 给定 here too, as `run` keeps them (quotaEdits.ts).
  const edited = markGiven(snapshot, quotaEdits(snapshot, params.year));
  const book = targets ? { ...edited, tables: { ...edited.tables, TD_Targets: targets } } : edited;
  const read = readScenario(book);
  const s = read.valid;
  let quotas: QuotaRow[];
  try {
    quotas = computeQuotas(s, params.year).filter((q) => scope.has(q.indicator));
  } catch (e) {
    throw e instanceof InputError ? read.relocate(e) : e;
  }

  const log = { time: params.now, action: LOG_ACTIONS.allocate };
  // Without a chosen indicator the whole year is replaced, as a run does.
  const table = planQuotaTable(
    book,
    s,
    params.year,
    quotas,
    log,
    params.indicator === undefined ? undefined : scope,
  );
  const method = params.method ? `，分解方法改为${METHOD_LABELS[params.method]}` : '';
  const result =
    `${params.year} 年任务分解：${ids.length} 个指标，${table.written.length} 行${method}` +
    (table.history.length ? `；被替换的 ${table.history.length} 行旧数据存入 TD_History` : '');
  const logRow = rowCells('TD_Log', {
    ...log,
    file: params.file ?? null,
    period: String(params.year),
    result,
    detail: JSON.stringify({
      indicators: ids,
      method: params.method ?? null,
      quotas: table.written.length,
      history: table.history.length,
      computed: quotaDetail(table.computed),
    }),
    hash: null,
  });
  const updates: TableUpdate[] = [tableUpdate('TD_Quotas', table.rows, 'replace')];
  if (targets) updates.push(targetsUpdate(targets));
  updates.push(tableUpdate('TD_Log', [logRow], 'append'));
  if (table.history.length) updates.push(tableUpdate('TD_History', table.history, 'append'));
  checkHeaders(snapshot, ['TD_Log', 'TD_History']);

  return {
    plan: { sheets: [], tableUpdates: withUserColumns(snapshot, updates, log) },
    quotas,
    preview: previewOf(s, quotas, ids),
  };
}
