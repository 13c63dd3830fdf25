/**
 * A computed quota overtyped in 任务分解 is respected (issue 9): a 分解 row whose 任务数 differs from
 * what the allocation wrote there becomes 给定, and the other units are allocated around it
 * (givenQuotas.ts). What was written is known from the log row of the run or 分解 that wrote it:
 * its detail keeps each computed quota.
 */
import { Problem, problem } from '../../engine/errors';
import type { QuotaRow } from '../../engine/types';
import { LOG_ACTIONS, QUOTA_SOURCE_LABELS, headerOf } from '../bookSchema';
import { readTable } from '../scenarioTables';
import type { BookSnapshot, Scalar } from '../types';

/** A computed quota overtyped in 任务分解. `row` is the sheet row. */
export interface QuotaEdit {
  sheet: string;
  row: number;
  indicator: string;
  unit: string;
  /** What the allocation wrote, and what the cell holds now. */
  old: number;
  new: number;
}

/** Longer details are not kept in the log (a cell holds 32,767 characters): no edit is then seen. */
const MAX_DETAIL = 16_000;

const same = (a: number, b: number) => Number(a.toPrecision(12)) === Number(b.toPrecision(12));

/** The computed quotas a run or 分解 writes, for its log detail (`undefined` when too long). */
export function quotaDetail(
  written: readonly QuotaRow[],
): Record<string, Record<string, number>> | undefined {
  const out: Record<string, Record<string, number>> = {};
  for (const q of written) (out[q.indicator] ??= {})[q.unit] = q.quota;
  return JSON.stringify(out).length > MAX_DETAIL ? undefined : out;
}

/** The computed quotas last written for `year`, by indicator and unit, from TD_Log. */
function loggedQuotas(snapshot: BookSnapshot, year: number): Map<string, Record<string, number>> {
  const found = new Map<string, Record<string, number>>();
  const log = snapshot.tables.TD_Log ? readTable(snapshot, 'TD_Log', []) : null;
  const writers: string[] = [LOG_ACTIONS.run, LOG_ACTIONS.allocate];
  for (const r of [...(log?.rows ?? [])].reverse()) {
    if (!writers.includes(String(r.action)) || !String(r.period ?? '').startsWith(String(year)))
      continue;
    let detail: { computed?: Record<string, Record<string, number>> };
    try {
      detail = JSON.parse(String(r.detail ?? ''));
    } catch {
      detail = {};
    }
    // A writer that kept no values (too long, or an older version) hides everything before it.
    if (!detail.computed) break;
    for (const [indicator, units] of Object.entries(detail.computed))
      if (!found.has(indicator)) found.set(indicator, units);
  }
  return found;
}

/** The 分解 rows of `year` whose 任务数 differs from what the allocation wrote there. */
export function quotaEdits(snapshot: BookSnapshot, year: number): QuotaEdit[] {
  if (!snapshot.tables.TD_Quotas) return [];
  const logged = loggedQuotas(snapshot, year);
  if (logged.size === 0) return [];
  const table = readTable(snapshot, 'TD_Quotas', []);
  if (!table) return [];
  const edits: QuotaEdit[] = [];
  table.rows.forEach((r, i) => {
    if (r.source !== 'computed' || r.year !== year || typeof r.quota !== 'number') return;
    const old = logged.get(String(r.indicator))?.[String(r.unit)];
    if (old === undefined || same(old, r.quota)) return;
    edits.push({
      sheet: table.loc.sheet,
      row: table.rowNumbers[i],
      indicator: String(r.indicator),
      unit: String(r.unit),
      old,
      new: r.quota,
    });
  });
  return edits;
}

/** The snapshot with the edited rows marked 给定. */
export function markGiven(snapshot: BookSnapshot, edits: readonly QuotaEdit[]): BookSnapshot {
  if (edits.length === 0) return snapshot;
  const data = snapshot.tables.TD_Quotas;
  const top = Number(/\d+/.exec(data.ref)![0]);
  const col = data.headers.indexOf(headerOf('TD_Quotas', 'source'));
  const rows: Scalar[][] = data.rows.map((r, i) =>
    edits.some((e) => e.row === top + 1 + i)
      ? r.map((v, j) => (j === col ? QUOTA_SOURCE_LABELS.given : v))
      : r,
  );
  return { ...snapshot, tables: { ...snapshot.tables, TD_Quotas: { ...data, rows } } };
}

/**
 * An edit as the run's log and the CLI say it. The place is inside the text (not the problem's
 * `where`) so the Chinese reads as one sentence, as the log has always had it.
 */
export function editNotice(e: QuotaEdit): Problem {
  return problem('quota.typed', '', {
    at: `${e.sheet} › TD_Quotas › 第${e.row}行 › ${headerOf('TD_Quotas', 'quota')}`,
    unit: e.unit,
    indicator: e.indicator,
    old: e.old,
    new: e.new,
    given: QUOTA_SOURCE_LABELS.given,
  });
}
