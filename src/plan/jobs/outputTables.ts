/**
 * The output tables as a job rewrites them: their rows as the book has them, the rows a rewrite
 * replaces kept in TD_History, TD_Quotas for a year, and the update of a whole table. Used by run
 * and allocate.
 */
import { InputError, Problem } from '../../engine/errors';
import type { QuotaRow, Scenario } from '../../engine/types';
import {
  LOG_ACTIONS,
  QUOTA_SOURCE_LABELS,
  TABLES,
  TableName,
  columnIndex,
  tableColumns,
} from '../bookSchema';
import { locateColumns } from '../scenarioTables';
import { quotaRowCells, rowCells } from '../tableRows';
import { DEFAULT_TABLE_STYLE } from '../tableWrite';
import type { BookSnapshot, PlanCell, Scalar, TableUpdate } from '../types';

/** The body of an output table in schema column order, or [] when the book lacks it. */
export function existingRows(snapshot: BookSnapshot, name: TableName): Scalar[][] {
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

export function valuesOf(cells: readonly PlanCell[]): Scalar[] {
  return cells.map((c) => (typeof c === 'object' && c !== null ? c.value : c));
}

const norm = (v: Scalar) =>
  v === '' || v === undefined ? null : typeof v === 'number' ? Number(v.toPrecision(12)) : v;
/** A row's values compared as a recalculation may leave them: numbers to 12 digits, '' as empty. */
const rowKey = (r: readonly Scalar[]) => JSON.stringify(r.map(norm));

/** What JSON writes as null: empty, and numbers that are not finite. */
const jsonNull = (v: Scalar) => v === null || (typeof v === 'number' && !Number.isFinite(v));

/** Whether two rows have the same rowKey, without building it (run compares thousands of rows). */
function sameRow(a: readonly Scalar[], b: readonly Scalar[]): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) {
    if (a[j] === b[j]) continue;
    const x = norm(a[j]);
    const y = norm(b[j]);
    if (jsonNull(x) || jsonNull(y) ? !(jsonNull(x) && jsonNull(y)) : x !== y) return false;
  }
  return true;
}

export const sameRows = (a: readonly Scalar[][], b: readonly Scalar[][]) =>
  a.length === b.length && a.every((r, i) => sameRow(r, b[i]));

export function historyRow(
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
    style: DEFAULT_TABLE_STYLE,
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
  // Quota rows are kept one by one: only those the new allocation does not reproduce. A rerun
  // mostly writes the same rows in the same order: those are compared in place, without keys.
  const replaced = old.filter(inScope);
  const inPlace =
    replaced.length === written.length &&
    replaced.every((r, i) => sameRow(r, valuesOf(written[i])));
  const fresh =
    inPlace || !replaced.length ? null : new Set(written.map((r) => rowKey(valuesOf(r))));
  const history = (fresh ? replaced.filter((r) => !fresh.has(rowKey(r))) : []).map((r) =>
    historyRow(log.time, 'TD_Quotas', String(year), r, log.action),
  );
  return {
    rows: [...old.filter((r) => !inScope(r)), ...written],
    written,
    history,
    computed: quotas.filter((q) => !isGiven(q)),
  };
}
