/**
 * Where a scenario's data sits in the workbook: a table's sheet, rows and columns named for
 * messages, and the engine validator's JSON paths (`targets[2].method`) mapped back to them.
 */
import { TABLES, TableName, headerOf } from './bookSchema';

/** Where a table's rows sit, to name them in errors. */
export interface TableLocation {
  table: TableName;
  sheet: string;
}

export function where(
  loc: Pick<TableLocation, 'table' | 'sheet'>,
  row?: number,
  header?: string,
): string {
  return [loc.sheet, loc.table, row === undefined ? undefined : `第${row}行`, header]
    .filter((x) => x !== undefined)
    .join(' › ');
}

/** Where each scenario array's elements came from: JSON array path → table and sheet rows. */
export interface Origins {
  arrays: Record<string, { loc: TableLocation; rows: number[] }>;
  settings: { loc: TableLocation; rows: Record<string, number> } | null;
  /** Basis rows (by index) whose `locked` is a 给定 quota of TD_Quotas (sheet row). */
  lockedFrom?: { loc: TableLocation; rows: Map<number, number> };
}

export const ARRAY_TABLES: Record<string, TableName> = {
  units: 'TD_Units',
  indicators: 'TD_Indicators',
  targets: 'TD_Targets',
  basis: 'TD_Basis',
  quotas: 'TD_Quotas',
  actuals: 'TD_Actuals',
  'scoring.rules': 'TD_Rules',
  'scoring.grades': 'TD_Grades',
  registry: 'TD_Registry',
};

/** Maps a validator's JSON path to the sheet, table, row and column it came from. */
export function locate(path: string, origins: Origins): string {
  const m = /^([a-z.]+?)\[(\d+)\](?:\.([A-Za-z]+))?(?:\[(\d+)\])?/.exec(path);
  const given = m?.[1] === 'basis' ? origins.lockedFrom?.rows.get(Number(m[2])) : undefined;
  if (m && given !== undefined && (m[3] === 'locked' || !origins.arrays.basis.rows[Number(m[2])]))
    return where(origins.lockedFrom!.loc, given, headerOf('TD_Quotas', 'quota'));
  if (m && origins.arrays[m[1]]) {
    const { loc, rows } = origins.arrays[m[1]];
    const row = rows[Number(m[2])];
    let key: string | undefined = m[3];
    if (key === 'profile') key = m[4] === undefined ? undefined : `profile.${m[4]}`;
    const header = key
      ? TABLES[loc.table].columns.find((c) => c.key === key)?.header
      : m[3] === 'profile'
        ? 'Q1–Q4序时进度'
        : undefined;
    return where(loc, row, header ?? key);
  }
  const s = /^(plan\.\w+|scoring\.status(?:\.\w+)?)/.exec(path);
  if (s && origins.settings) {
    const key = s[1].replace(/^scoring\./, '');
    const { loc, rows } = origins.settings;
    const rowKey = Object.keys(rows).find((k) => k === key || k.startsWith(`${key}.`));
    return rowKey
      ? where(loc, rows[rowKey], TABLES.TD_Settings.columns[2].header)
      : `${where(loc)} › ${key}`;
  }
  return path;
}
