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

/** 0-based column index and 1-based row of an A1 address (`$` anchors allowed). */
export function decodeCell(a1: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a1.trim());
  if (!m) throw new Error(`not a cell address: ${a1}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: parseInt(m[2], 10) };
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
