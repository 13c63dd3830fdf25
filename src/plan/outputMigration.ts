/**
 * Books made before a release added columns to the output tables (TD_Scores' 序时比例 and
 * over-time columns, TD_Ranking's 上期名次 and 较上期, 2026-11-29) get those columns when they are
 * next run. A job that replaces every row of such a table lays out the sheet holding it afresh,
 * in init's layout, with every row carried over and the users' own columns after the schema's.
 * Adding the columns in place cannot work: TD_Scores would grow into TD_Ranking beside it, and
 * Excel moves no table below ExcelApi 1.11. The sheet may hold nothing but tables the job
 * rewrites; anything else on it is refused before anything is written.
 */
import { inputError } from '../engine/errors';
import { headerKey } from '../engine/headerKey';
import { zhList } from '../engine/labels';
import { decodeCell, encodeCell } from '../engine/address';
import { TABLES, TableName, headerOf } from './bookSchema';
import { tableSheets } from './jobs/init';
import type { BookSnapshot, SheetPlan, TableUpdate } from './types';

/**
 * Columns of output tables that releases added after books were made (keys, by release). Their
 * absence marks a book to migrate; a display column a user deleted (单位名称, optionalOnRead)
 * does not, and is only restored when the sheet is laid out for one of these.
 */
const ADDED_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  // 2026-11-29: 序时比例 (one 序时目标 formula per column) and the bulletin's over-time fields.
  TD_Scores: ['share', 'projected', 'reportStatus', 'arrivedAt', 'rankChange'],
  TD_Ranking: ['previousRank', 'rankChange'],
};

/** Per output table the job replaces and a release added columns to: the headers it lacks. */
export type MissingColumns = Partial<Record<TableName, string[]>>;

export function missingOutputColumns(
  snapshot: BookSnapshot,
  replaced: readonly TableName[],
): MissingColumns {
  const out: MissingColumns = {};
  for (const name of replaced) {
    const table = snapshot.tables[name];
    if (!table || !TABLES[name].output) continue;
    const have = new Set(table.headers.map(headerKey));
    const lacks = (key: string) => !have.has(headerKey(headerOf(name, key)));
    if (!ADDED_COLUMNS[name]?.some(lacks)) continue;
    out[name] = TABLES[name].columns.filter((c) => lacks(c.key)).map((c) => c.header);
  }
  return out;
}

/** The log's words (Chinese, as the whole book) for the columns added, or '' when none. */
export function migrationLogText(missing: MissingColumns): string {
  return Object.entries(missing)
    .map(([t, h]) => `；${t} 已增加新版的列${zhList(h)}`)
    .join('');
}

/**
 * The plan's table updates with those of tables in `missing` (and of the other tables on their
 * sheets) turned into sheets laid out afresh. `updates` are final: the users' columns carried.
 */
export function relayOutputSheets(
  snapshot: BookSnapshot,
  updates: readonly TableUpdate[],
  missing: MissingColumns,
): { sheets: SheetPlan[]; tableUpdates: TableUpdate[] } {
  const sheets = new Set(Object.keys(missing).map((t) => snapshot.tables[t].sheet.toLowerCase()));
  const onSheet = (u: TableUpdate) => {
    const table = snapshot.tables[u.table];
    return !!table && sheets.has(table.sheet.toLowerCase());
  };
  const moved = updates.filter(onSheet);
  for (const table of Object.values(snapshot.tables)) {
    if (!sheets.has(table.sheet.toLowerCase())) continue;
    if (moved.some((u) => u.table === table.name && u.mode === 'replace')) continue;
    const added = Object.keys(missing).join(', ');
    throw inputError('book.migrationBlocked', `${table.sheet} › ${table.name}`, {
      added,
      sheet: table.sheet,
      table: table.name,
    });
  }
  const laidOut = [...sheets].map((key) => {
    const here = moved.filter((u) => snapshot.tables[u.table].sheet.toLowerCase() === key);
    // init's sheet for these tables (widths, frozen header row, print setup), with the book's
    // sheet name, the rows and columns of the updates, and each table right of the one before.
    const home = TABLES[here[0].table as TableName].sheet;
    const sheet = tableSheets({}).find((s) => s.sheet === home)!;
    const widths: number[] = [];
    let next = 0;
    const tables = here.map((u) => {
      const at = decodeCell(TABLES[u.table as TableName].at);
      const col = Math.max(at.col, next);
      next = col + u.columns.length + 1;
      u.columns.forEach((c, i) => (widths[col + i] = c.width ?? 12));
      const style = sheet.tables?.find((t) => t.name === u.table)?.style;
      return {
        name: u.table,
        at: encodeCell(col, at.row),
        columns: u.columns,
        rows: u.rows,
        style,
      };
    });
    return {
      ...sheet,
      sheet: snapshot.tables[here[0].table].sheet,
      tables,
      columnWidths: Array.from(widths, (w) => w ?? 3),
    };
  });
  return { sheets: laidOut, tableUpdates: updates.filter((u) => !onSheet(u)) };
}
