/**
 * Calculated columns, as Excel makes them when an add-in writes formulas into a table.
 *
 * With Excel's default AutoCorrect option "Fill formulas in tables to create calculated columns",
 * a formula written through the API into a table column whose body holds no constants turns the
 * column into a calculated column: every body cell gets ONE row's formula, adjusted to its own
 * row, whatever the other rows were given. Microsoft calls this by design (OfficeDev/office-js
 * #2093 "Excel duplicates and replaces formulas within a column"; #5909 "Setting different formula
 * in a table creates calculated column": "the formula set in the first or last row is used for
 * every cell in the column"; also #6745, #1916). The API ignores the AutoCorrect setting (#5909).
 * A column that keeps a constant in some body cell stays as written (Excel marks the formulas as
 * inconsistent instead). The simulator takes the last formula written, as #5909's reporter saw.
 */
import type { Rect } from './address';
import type { SimSheet } from './model';

const CELL_REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g;

/** `formula` as written `delta` rows lower: relative row references move, `$` rows stay. */
export function shiftFormulaRows(formula: string, delta: number): string {
  // Only outside string literals ("..." with "" as an escaped quote).
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            CELL_REF,
            (whole, colAbs: string, col: string, rowAbs: string, row: string, at: number) =>
              /[A-Za-z0-9_.]/.test(part[at - 1] ?? '') || rowAbs === '$'
                ? whole
                : `${colAbs}${col}${Number(row) + delta}`,
          ),
    )
    .join('"');
}

/** Applies the rule after a write of `rect` on `sheet` (Range.values / Range.formulas). */
export function fillCalculatedColumns(sheet: SimSheet, rect: Rect): void {
  for (const t of sheet.tables) {
    const body = t.bodyRect;
    const r0 = Math.max(rect.r0, body.r0);
    const r1 = Math.min(rect.r1, body.r1);
    if (r0 > r1) continue;
    for (let c = Math.max(rect.c0, body.c0); c <= Math.min(rect.c1, body.c1); c++) {
      let last: { row: number; formula: string } | undefined;
      for (let r = r0; r <= r1; r++) {
        const formula = sheet.cell(r, c)?.formula;
        if (formula !== undefined) last = { row: r, formula };
      }
      if (!last) continue;
      let constant = false;
      for (let r = body.r0; r <= body.r1 && !constant; r++) {
        const cell = sheet.cell(r, c);
        constant = cell?.formula === undefined && cell?.value !== undefined;
      }
      if (constant) continue;
      for (let r = body.r0; r <= body.r1; r++) {
        const cell = sheet.cellForWrite(r, c);
        delete cell.value;
        cell.formula = shiftFormulaRows(last.formula, r - last.row);
        sheet.book.entered.add(cell);
      }
      sheet.book.dirty = true;
    }
  }
}
