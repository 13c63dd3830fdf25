/**
 * What Excel would refuse halfway through a batch, checked against the snapshot before the first
 * write is queued, so that a refused plan writes nothing.
 */
import { InputError, inputError, problem } from '../engine/errors';
import type { BookPlan, BookSnapshot } from '../plan/types';
import { CHART_STORE_SHEET } from '../plan/chartStore';
import { CHART_DATA_SHEET } from './chartData';
import type { OfficeSnapshot } from './readSnapshot';

/** A table a sheet plan creates must not already exist on a sheet the plan keeps. */
export function checkSheetTables(plan: BookPlan, snapshot: BookSnapshot): void {
  const rewritten = new Set(plan.sheets.map((s) => s.sheet.toLowerCase()));
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables ?? []) {
      const other = snapshot.tables[t.name];
      if (other && !rewritten.has(other.sheet.toLowerCase())) {
        throw inputError('table.existsElsewhere', `${sheet.sheet} › ${t.name}`, {
          sheet: other.sheet,
          table: t.name,
        });
      }
    }
  }
}

/**
 * Table updates write into sheets the plan keeps; Excel refuses writes into a protected sheet, and
 * would do so halfway through the batch. Sheets laid out afresh are replaced, which protection allows.
 */
export function checkUnprotected(plan: BookPlan, snapshot: BookSnapshot): void {
  const office: Partial<OfficeSnapshot> = snapshot;
  const locked = new Set((office.protectedSheets ?? []).map((s) => s.toLowerCase()));
  const problems = plan.tableUpdates.flatMap((u) => {
    const sheet = snapshot.tables[u.table]?.sheet ?? u.sheet;
    return locked.has(sheet.toLowerCase())
      ? [problem('sheet.protected', `${sheet} › ${u.table}`, { sheet, table: u.table })]
      : [];
  });
  if (problems.length) throw new InputError(problems);
}

/**
 * Structure protection (审阅 › 保护工作簿) forbids adding, renaming and deleting sheets: adding a
 * plan's sheet, a table's sheet or the chart sheets, and replacing a protected sheet; Excel would
 * refuse halfway through the batch. Sheets that exist are laid out again in place, which it allows.
 */
export function checkStructure(plan: BookPlan, snapshot: BookSnapshot): void {
  const office: Partial<OfficeSnapshot> = snapshot;
  if (!office.structureProtected) return;
  const has = (names: readonly string[], name: string) =>
    names.some((n) => n.toLowerCase() === name.toLowerCase());
  const charted = plan.sheets.some((s) => s.charts?.length);
  const sheets = [
    ...plan.sheets
      .map((s) => s.sheet)
      .filter((n) => !has(snapshot.sheetNames, n) || has(office.protectedSheets ?? [], n)),
    ...plan.tableUpdates
      .filter((u) => !snapshot.tables[u.table] && !has(snapshot.sheetNames, u.sheet))
      .map((u) => u.sheet),
    ...[CHART_DATA_SHEET, CHART_STORE_SHEET].filter((n) => charted && !snapshot.sheets[n]),
  ];
  if (!sheets.length) return;
  throw inputError('book.structureProtected', sheets[0], { sheet: sheets[0] });
}
