/**
 * A1 address maths, the one copy: the plan lays sheets out in A1, both hosts write to A1 ranges,
 * and return files are read with their cells named in A1. Columns are 0-based, rows 1-based.
 */

/** Column letter(s) for a 0-based index: 0 → A, 26 → AA. */
export function columnName(col0: number): string {
  let n = col0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of column letters in capitals: A → 0, AA → 26. */
export function columnFromLetters(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}

/** 0-based column index and 1-based row of an A1 address (`$` anchors allowed). */
export function decodeCell(a1: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a1.trim());
  if (!m) throw new Error(`not a cell address: ${a1}`);
  return { col: columnFromLetters(m[1].toUpperCase()), row: parseInt(m[2], 10) };
}

export function encodeCell(col: number, row: number): string {
  return `${columnName(col)}${row}`;
}

/** A1 address of a 0-based row and column. */
export function a1(row0: number, col0: number): string {
  return encodeCell(col0, row0 + 1);
}

/** The A1 range of a block `width` columns by `height` rows from (col, row); one cell as "B2". */
export function rangeAddress(col: number, row: number, width: number, height: number): string {
  const a = encodeCell(col, row);
  return width === 1 && height === 1 ? a : `${a}:${encodeCell(col + width - 1, row + height - 1)}`;
}

/** A whole column as a range, e.g. "C:C". */
export function columnRange(col: number): string {
  const letter = columnName(col);
  return `${letter}:${letter}`;
}

/** 0-based bounds (rows too) of "A1:F9" or of a single cell, whichever corners are given. */
export function parseRange(ref: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const [from, to = from] = ref.split(':');
  const a = decodeCell(from);
  const b = decodeCell(to);
  return {
    top: Math.min(a.row, b.row) - 1,
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row) - 1,
    right: Math.max(a.col, b.col),
  };
}

const PLAIN_RANGE = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/;

/**
 * parseRange's bounds of a plain range as a package stores it ("B2" or "A1:F9", capitals, no `$`,
 * corners in either order), or null for any other form (the lean sheets leave those to ExcelJS).
 */
export function plainRange(ref: string): ReturnType<typeof parseRange> | null {
  const m = PLAIN_RANGE.exec(ref);
  if (!m) return null;
  const [c1, c2] = [columnFromLetters(m[1]), columnFromLetters(m[3] ?? m[1])];
  const [r1, r2] = [Number(m[2]), Number(m[4] ?? m[2])];
  return {
    top: Math.min(r1, r2) - 1,
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2) - 1,
    right: Math.max(c1, c2),
  };
}
