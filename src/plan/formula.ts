/**
 * Table formulas are planned against column headers, not letters: `=IF({{任务数}}>0,{{完成数}}/{{任务数}},"")`.
 * Only the adapter knows where a table sits in the book and in which order its columns are now
 * (users move both), so each adapter resolves the placeholders at write time with this one function.
 */
import { columnName } from '../engine/address';

const PLACEHOLDER = /\{\{([^}]+)\}\}/g;

/**
 * Replaces every `{{header}}` in `formula` by the A1 address of that column's cell in sheet row
 * `row`. `headers` are the table's headers in sheet order and `firstCol` the 0-based column of the
 * first one. An unknown header is a programming error (plans only name their own columns).
 */
export function resolveTableFormula(
  formula: string,
  headers: readonly string[],
  firstCol: number,
  row: number,
): string {
  return formula.replace(PLACEHOLDER, (_, name: string) => {
    const i = headers.indexOf(name);
    if (i < 0) throw new Error(`formula ${formula} names column "${name}", which the table lacks`);
    return `${columnName(firstCol + i)}${row}`;
  });
}

/** `{{header}}` for a formula template. */
export function ref(header: string): string {
  return `{{${header}}}`;
}
