import { a1, parseRange } from './address';
import { cellAt, cellText, GridBook, GridSheet } from './grid';
import { headerKey } from './headerKey';
import { problem, Problem } from './messages/catalogue';
import { RETURN_COLUMNS, RETURN_TABLE } from './returnTemplate';

export const ID_COL = 0;
export const VALUE_COL = 4;
/** Header labels and the table header are looked for in this many rows from the top. */
export const HEAD_ROWS = 40;

/** Where a return's table is: its sheet, header row and columns. */
export interface Located {
  sheet: GridSheet;
  headerRow: number;
  /** Column of each RETURN_COLUMNS entry, -1 when missing. */
  cols: number[];
  left: number;
  right: number;
  bottom: number;
  fromTable: boolean;
}

export function findReturnTable(book: GridBook): Located | null {
  for (const sheet of book.sheets) {
    const table = sheet.tables.find((t) => t.name === RETURN_TABLE);
    if (!table) continue;
    const r = parseRange(table.ref);
    const header = (sheet.cells[r.top] ?? []).map((c) => headerKey(cellText(c)));
    const cols = RETURN_COLUMNS.map((h) => {
      const found = header.indexOf(h, r.left);
      return found >= 0 && found <= r.right ? found : -1;
    });
    return {
      sheet,
      headerRow: r.top,
      left: r.left,
      right: r.right,
      cols,
      bottom: r.bottom,
      fromTable: true,
    };
  }
  // A table converted to a plain range (or dropped by another spreadsheet program) is still read.
  for (const sheet of book.sheets) {
    for (let r = 0; r < Math.min(HEAD_ROWS, sheet.cells.length); r++) {
      const header = (sheet.cells[r] ?? []).map((c) => headerKey(cellText(c)));
      if (header.includes(RETURN_COLUMNS[ID_COL]) && header.includes(RETURN_COLUMNS[VALUE_COL])) {
        const cols = RETURN_COLUMNS.map((h) => header.indexOf(h));
        return {
          sheet,
          headerRow: r,
          left: 0,
          right: Math.max(...cols),
          cols,
          bottom: sheet.cells.length - 1,
          fromTable: false,
        };
      }
    }
  }
  return null;
}

/**
 * What is wrong with the table's shape — a changed header, merged cells — and whether its rows can
 * be read at all (both the id and the value column are there).
 */
export function checkLayout(
  located: Located,
  where: (sheet: string, cell?: string) => string,
  errors: Problem[],
  warnings: Problem[],
): boolean {
  const { sheet, headerRow, cols } = located;
  if (!located.fromTable) {
    warnings.push(
      problem('return.tableIsRange', where(sheet.name), {
        table: RETURN_TABLE,
        header: RETURN_COLUMNS[ID_COL],
      }),
    );
  }
  let headerOk = true;
  for (const i of [ID_COL, VALUE_COL]) {
    if (cols[i] >= 0) continue;
    headerOk = false;
    const expectedCol = located.left + i;
    errors.push(
      problem('return.badHeader', where(sheet.name, a1(headerRow, expectedCol)), {
        expected: RETURN_COLUMNS[i],
        found: cellText(cellAt(sheet, headerRow, expectedCol)),
      }),
    );
  }
  for (const m of sheet.merges) {
    const r = parseRange(m);
    if (
      r.bottom >= headerRow &&
      r.top <= located.bottom &&
      r.right >= located.left &&
      r.left <= located.right
    ) {
      errors.push(problem('return.merged', where(sheet.name, m), {}));
    }
  }
  return headerOk;
}
