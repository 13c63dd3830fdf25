/**
 * Columns a user added to a table that commands rewrite whole (TD_Scores, TD_Actuals, …) are the
 * user's (SPEC §11: nothing typed is lost). A `replace` update only knows the table's own columns,
 * so before it goes to an adapter the user's columns are added to it and each of their values is
 * carried to the new row with the same key (period + unit + indicator for TD_Scores, …), wherever
 * the rows were sorted to. Values of rows that disappear stay in TD_History as the rows do.
 * Pure, and done once here so that both adapters apply the same plan.
 */
import { TABLES, TableName } from './bookSchema';
import type { BookSnapshot, PlanCell, Scalar, TableData, TableUpdate } from './types';

const normHeader = (h: string) => h.normalize('NFKC').replace(/\s+/g, '');

function keyPart(c: PlanCell | undefined): string {
  const v = c !== null && typeof c === 'object' ? c.value : c;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(Number(v.toPrecision(12)));
  return String(v).normalize('NFKC').trim();
}

const blank = (v: Scalar) => v === null || v === '';

/**
 * `update` with the columns `table` has beyond the update's own appended, each planned row
 * carrying the values those columns held on the old row of the same key (`keyHeaders`, headers of
 * the update's columns). Rows sharing a key take the old rows of that key in order. Anything but a
 * `replace` of an existing table with user columns is returned as it is.
 */
export function carryUserColumns(table: TableData | undefined, update: TableUpdate, keyHeaders: readonly string[]): TableUpdate {
  if (!table || update.mode !== 'replace') return update;
  const planned = new Set(update.columns.map((c) => normHeader(c.header)));
  const extra = table.headers.flatMap((h, i) => (normHeader(h) === '' || planned.has(normHeader(h)) ? [] : [i]));
  if (!extra.length) return update;

  const tableHeaders = table.headers.map(normHeader);
  const updateHeaders = update.columns.map((c) => normHeader(c.header));
  const inTable = keyHeaders.map((h) => tableHeaders.indexOf(normHeader(h)));
  const inUpdate = keyHeaders.map((h) => updateHeaders.indexOf(normHeader(h)));
  const keyOf = (cells: readonly PlanCell[], at: number[]) => JSON.stringify(at.map((i) => (i < 0 ? '' : keyPart(cells[i]))));

  const old = new Map<string, Scalar[][]>();
  for (const cells of table.rows) {
    const values = extra.map((i) => cells[i] ?? null);
    if (values.every(blank)) continue;
    const key = keyOf(cells, inTable);
    const queue = old.get(key);
    if (queue) queue.push(values);
    else old.set(key, [values]);
  }
  const none = extra.map(() => null);
  return {
    ...update,
    columns: [...update.columns, ...extra.map((i) => ({ header: table.headers[i] }))],
    rows: update.rows.map((cells) => [...update.columns.map((_, j) => cells[j] ?? null), ...(old.get(keyOf(cells, inUpdate))?.shift() ?? none)]),
  };
}

/** Every `replace` of a keyed plan table in `updates`, with the user's columns of the snapshot carried over. */
export function withUserColumns(snapshot: BookSnapshot, updates: readonly TableUpdate[]): TableUpdate[] {
  return updates.map((u) => {
    const def = TABLES[u.table as TableName];
    if (!def?.rowKey) return u;
    const keyHeaders = def.rowKey.map((k) => def.columns.find((c) => c.key === k)!.header);
    return carryUserColumns(snapshot.tables[u.table], u, keyHeaders);
  });
}
