/**
 * A user's edit of the plan workbook, the same for both adapters' tests: a column 备注（人工） added
 * to tables with a note on every row naming the row's key, and the rows sorted the other way.
 */
import type { BookSnapshot, PlanCell, Scalar, SheetPlan } from '../../src/plan/types';

export const NOTE = '备注（人工）';

/** The note a user typed on a row: its key (e.g. 2019Q3/wulin/gqq_new for TD_Scores). */
export const NOTED_KEYS: Record<string, string[]> = {
  TD_Scores: ['期间', '单位编号', '指标编号'],
  TD_Actuals: ['期间', '单位编号', '指标编号'],
  TD_Recognitions: ['证书编号', '企业名称'],
  TD_Registry: ['企业名称'],
};

const keyOf = (headers: string[], row: readonly Scalar[], keys: string[]) =>
  keys.map((k) => row[headers.indexOf(k)] ?? '').join('/');

/** The sheet as the user leaves it: each noted table with the note column, rows reversed; other tables as they are. */
export function notedSheet(snapshot: BookSnapshot, sheet: string): SheetPlan {
  const tables = Object.values(snapshot.tables).filter((t) => t.sheet === sheet);
  return {
    sheet,
    ranges: [],
    tables: tables.map((t) => {
      const keys = NOTED_KEYS[t.name];
      const rows: PlanCell[][] = t.rows.filter((r) => r.some((v) => v !== null));
      return {
        name: t.name,
        at: t.ref.split(':')[0],
        columns: (keys ? [...t.headers, NOTE] : t.headers).map((header) => ({ header })),
        rows: keys
          ? rows.map((r) => [...r, keyOf(t.headers, r as Scalar[], keys)]).reverse()
          : rows,
      };
    }),
  };
}

/** Each row's note and the key it should name, for a noted table. */
export function notesAndKeys(
  snapshot: BookSnapshot,
  table: string,
): { note: Scalar; key: string }[] {
  const t = snapshot.tables[table];
  const col = t.headers.indexOf(NOTE);
  if (col < 0) throw new Error(`${table} lost its column ${NOTE}: ${t.headers.join(', ')}`);
  return t.rows
    .filter((r) => r.some((v) => v !== null))
    .map((r) => ({ note: r[col], key: keyOf(t.headers, r, NOTED_KEYS[table]) }));
}
