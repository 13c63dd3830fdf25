/**
 * Columns a user added to a table that commands rewrite whole (TD_Scores, TD_Actuals, …) are the
 * user's (SPEC §11: nothing typed is lost). A `replace` update only knows the table's own columns,
 * so before it goes to an adapter the user's columns are added to it and each of their values is
 * carried to the new row with the same key (period + unit + indicator for TD_Scores, …), wherever
 * the rows were sorted to. A row that disappears with values in the user's columns goes to
 * TD_History whole ({header: value} of every column), so those values are not lost either.
 * Pure, and done once here so that both adapters apply the same plan.
 */
import { TABLES, TableName, headerOf, tableColumns } from './bookSchema';
import { rowCells } from './scenarioTables';
import type { BookSnapshot, PlanCell, Scalar, TableData, TableUpdate } from './types';

export const normHeader = (h: string) => h.normalize('NFKC').replace(/\s+/g, '');

function keyPart(c: PlanCell | undefined): string {
  const v = c !== null && typeof c === 'object' ? c.value : c;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(Number(v.toPrecision(12)));
  return String(v).normalize('NFKC').trim();
}

const blank = (v: Scalar) => v === null || v === '';

export interface CarriedColumns {
  update: TableUpdate;
  /** Old rows with values in the user's columns that no planned row took, whole and in sheet order. */
  leftOver: Scalar[][];
}

/**
 * `update` with the columns `table` has beyond the update's own appended, each planned row
 * carrying the values those columns held on the old row of the same key (`keyHeaders`, headers of
 * the update's columns). Rows sharing a key take the old rows of that key in order. Anything but a
 * `replace` of an existing table with user columns is returned as it is.
 */
export function carryUserColumns(
  table: TableData | undefined,
  update: TableUpdate,
  keyHeaders: readonly string[],
): CarriedColumns {
  if (!table || update.mode !== 'replace') return { update, leftOver: [] };
  const planned = new Set(update.columns.map((c) => normHeader(c.header)));
  const extra = table.headers.flatMap((h, i) =>
    normHeader(h) === '' || planned.has(normHeader(h)) ? [] : [i],
  );
  if (!extra.length) return { update, leftOver: [] };

  const tableHeaders = table.headers.map(normHeader);
  const updateHeaders = update.columns.map((c) => normHeader(c.header));
  const inTable = keyHeaders.map((h) => tableHeaders.indexOf(normHeader(h)));
  const inUpdate = keyHeaders.map((h) => updateHeaders.indexOf(normHeader(h)));
  const keyOf = (cells: readonly PlanCell[], at: number[]) =>
    JSON.stringify(at.map((i) => (i < 0 ? '' : keyPart(cells[i]))));

  const old = new Map<string, Scalar[][]>();
  for (const cells of table.rows) {
    if (extra.every((i) => blank(cells[i] ?? null))) continue;
    const key = keyOf(cells, inTable);
    const queue = old.get(key);
    if (queue) queue.push(cells);
    else old.set(key, [cells]);
  }
  const taken = new Set<Scalar[]>();
  const rows = update.rows.map((cells) => {
    const from = old.get(keyOf(cells, inUpdate))?.shift();
    if (from) taken.add(from);
    return [
      ...update.columns.map((_, j) => cells[j] ?? null),
      ...extra.map((i) => (from ? (from[i] ?? null) : null)),
    ];
  });
  return {
    update: {
      ...update,
      columns: [...update.columns, ...extra.map((i) => ({ header: table.headers[i] }))],
      rows,
    },
    leftOver: [...old.values()]
      .flat()
      .filter((r) => !taken.has(r))
      .sort((a, b) => table.rows.indexOf(a) - table.rows.indexOf(b)),
  };
}

/**
 * Every `replace` of a keyed plan table in `updates`, with the user's columns of the snapshot
 * carried over; rows left over go to TD_History (appended to the plan's TD_History update, if any),
 * logged with the job's `time` and `action`.
 */
/**
 * `update` without the columns added to its table in later versions (ColumnDef.optionalOnRead)
 * that the book's older table lacks: an older book keeps working, without the new figures,
 * rather than being refused.
 */
export function withinBookColumns(snapshot: BookSnapshot, update: TableUpdate): TableUpdate {
  const table = snapshot.tables[update.table];
  const def = TABLES[update.table as TableName];
  if (!table || !def) return update;
  const have = new Set(table.headers.map(normHeader));
  const keep = update.columns.map(
    (c, j) => have.has(normHeader(c.header)) || !def.columns[j]?.optionalOnRead,
  );
  if (keep.every(Boolean)) return update;
  return {
    ...update,
    columns: update.columns.filter((_, j) => keep[j]),
    rows: update.rows.map((cells) => cells.filter((_, j) => keep[j])),
  };
}

export function withUserColumns(
  snapshot: BookSnapshot,
  updates: readonly TableUpdate[],
  log: { time: string; action: string },
): TableUpdate[] {
  const history: PlanCell[][] = [];
  const out = updates.map((u) => {
    const def = TABLES[u.table as TableName];
    if (!def?.rowKey) return u;
    const keyHeaders = def.rowKey.map((k) => def.columns.find((c) => c.key === k)!.header);
    const table = snapshot.tables[u.table];
    const { update, leftOver } = carryUserColumns(table, u, keyHeaders);
    if (!table || !leftOver.length) return update;
    const period = def.columns.some((c) => c.key === 'period')
      ? table.headers.map(normHeader).indexOf(normHeader(headerOf(def.name, 'period')))
      : -1;
    for (const cells of leftOver) {
      const row = Object.fromEntries(table.headers.map((h, i) => [h, cells[i] ?? null]));
      history.push(
        rowCells('TD_History', {
          ...log,
          table: u.table,
          period: period < 0 ? null : (cells[period] ?? null),
          row,
        }),
      );
    }
    return update;
  });
  if (!history.length) return out;
  const i = out.findIndex((u) => u.table === 'TD_History' && u.mode === 'append');
  if (i >= 0) out[i] = { ...out[i], rows: [...out[i].rows, ...history] };
  else
    out.push({
      table: 'TD_History',
      sheet: TABLES.TD_History.sheet,
      at: TABLES.TD_History.at,
      columns: tableColumns('TD_History'),
      rows: history,
      mode: 'append',
    });
  return out;
}
