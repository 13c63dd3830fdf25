/**
 * Plan cells as Office.js range input, and range output as snapshot scalars. Office.js parses
 * every string written through `values`/`formulas` as if typed (a leading =, +, - or @ makes a
 * formula, "007" becomes 7, "TRUE" a boolean), while a plan string is always text: so every
 * string goes in behind an apostrophe, which Excel keeps out of the value.
 */
import { isFormulaCell } from '../plan/types';
import type { PlanCell, Scalar } from '../plan/types';

export type OfficeInput = string | number | boolean;

/** `resolve` turns table placeholders into A1 references (see resolveTableFormula). */
export function officeInput(
  cell: PlanCell,
  resolve: (formula: string) => string = (f) => f,
): OfficeInput {
  if (cell === null || cell === undefined) return '';
  if (isFormulaCell(cell)) {
    const formula = resolve(cell.formula);
    return formula.startsWith('=') ? formula : `=${formula}`;
  }
  if (typeof cell === 'string') return cell === '' ? '' : `'${cell}`;
  return cell;
}

/** A value Office.js returned: empty cells come back as "". */
export function snapshotScalar(value: unknown): Scalar {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return String(value);
}

export function hasFormula(rows: readonly PlanCell[][]): boolean {
  return rows.some((row) => row.some(isFormulaCell));
}
