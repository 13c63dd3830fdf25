import { Actual } from '../../engine/types';
import { Discrepancy } from '../../engine/bulletin';
import { rowCells } from '../tableRows';
import { TABLES } from '../bookSchema';
import { BookSnapshot, PlanCell, TableUpdate } from '../types';
import { tableUpdate } from './outputTables';

/**
 * TD_Actuals as the import jobs change it: one row per indicator, unit and period (SPEC §3), a
 * recognition list outranking a return (SPEC §9), and every replaced or outranked row kept in
 * TD_History so that nothing typed or imported is lost.
 */
export const IMPORT_ACTIONS = {
  templates: '生成报表模板',
  returns: '导入季度报表',
  list: '导入认定名单',
} as const;

/** A bare year is the same period as its Q4 (SPEC §3): `2019` and `2019Q4` share one row. */
function samePeriod(period: string): string {
  const m = /^(\d{4})(?:Q([1-4]))?$/i.exec(period.trim());
  return m ? `${m[1]}Q${m[2] ?? 4}` : period;
}

const key = (a: { indicator: string; unit?: string; period: string }) =>
  `${a.indicator}\u0000${a.unit ?? ''}\u0000${samePeriod(a.period)}`;

export class ActualsLedger {
  private readonly rows: Actual[];
  private readonly index = new Map<string, number>();
  readonly history: { period: string; row: Actual }[] = [];

  constructor(actuals: readonly Actual[]) {
    this.rows = actuals.map((a) => ({ ...a }));
    this.rows.forEach((a, i) => this.index.set(key(a), i));
  }

  get(indicator: string, unit: string, period: string): Actual | undefined {
    const i = this.index.get(key({ indicator, unit, period }));
    return i === undefined ? undefined : this.rows[i];
  }

  /** Sets a value (null removes it); returns whether anything changed. Equal values stay untouched. */
  set(next: Actual | { indicator: string; unit: string; period: string; value: null }): boolean {
    const k = key(next);
    const i = this.index.get(k);
    const old = i === undefined ? undefined : this.rows[i];
    if (
      old &&
      next.value !== null &&
      old.value === next.value &&
      old.source === (next as Actual).source
    )
      return false;
    if (!old && next.value === null) return false;
    if (old) this.history.push({ period: old.period, row: old });
    if (next.value === null) {
      this.rows.splice(i!, 1);
      this.index.clear();
      this.rows.forEach((a, j) => this.index.set(key(a), j));
    } else if (old) this.rows[i!] = next as Actual;
    else {
      this.index.set(k, this.rows.length);
      this.rows.push(next as Actual);
    }
    return true;
  }

  /** Keeps a row that never entered TD_Actuals (a return outranked by the list) in the history. */
  keep(row: Actual): void {
    this.history.push({ period: row.period, row });
  }

  update(): TableUpdate {
    return tableUpdate(
      'TD_Actuals',
      this.rows.map((a) => rowCells('TD_Actuals', a as unknown as Record<string, unknown>)),
      'replace',
    );
  }

  historyUpdate(time: string, action: string): TableUpdate {
    return tableUpdate(
      'TD_History',
      this.history.map((h) =>
        rowCells('TD_History', { time, action, table: 'TD_Actuals', period: h.period, row: h.row }),
      ),
      'append',
    );
  }
}

export function logRow(r: {
  time: string;
  action: string;
  file: string;
  period: string | null;
  result: string;
  detail?: string;
}): PlanCell[] {
  // An Excel cell holds at most 32,767 characters.
  const detail = r.detail && r.detail.length > 32000 ? `${r.detail.slice(0, 32000)}…` : r.detail;
  return rowCells('TD_Log', { ...r, detail: detail ?? null });
}

/**
 * 核对差异 for a period: where TD_Actuals holds a list count and TD_History holds the unit's own
 * return for the same indicator and period (outranked or replaced by the list), the latest such
 * return and the list count, when they differ. For the bulletin (bulletinSheetPlan options).
 */
export function bookDiscrepancies(
  snapshot: BookSnapshot,
  actuals: readonly Actual[],
  period: string,
): Discrepancy[] {
  const history = snapshot.tables.TD_History;
  const listed = actuals.filter(
    (a) => samePeriod(a.period) === samePeriod(period) && a.source === 'list' && a.unit,
  );
  if (!history || listed.length === 0) return [];
  const tableCol = history.headers.indexOf(TABLES.TD_History.columns[2].header);
  const rowCol = history.headers.indexOf(TABLES.TD_History.columns[4].header);
  const reported = new Map<string, number>();
  for (const r of history.rows) {
    if (r[tableCol] !== 'TD_Actuals' || typeof r[rowCol] !== 'string') continue;
    let row: Actual;
    try {
      row = JSON.parse(r[rowCol] as string) as Actual;
    } catch {
      continue;
    }
    if (
      samePeriod(row.period) === samePeriod(period) &&
      row.source === 'return' &&
      typeof row.value === 'number'
    )
      reported.set(key(row), row.value);
  }
  const out: Discrepancy[] = [];
  for (const a of listed) {
    const r = reported.get(key(a));
    if (r !== undefined && r !== a.value)
      out.push({ unit: a.unit!, indicator: a.indicator, reported: r, listed: a.value });
  }
  return out;
}
