import { Scalar } from '../plan/types';

/**
 * A sheet as read from a return or list file, before any interpretation: what the user typed,
 * kept apart from what a formula or a date cell holds so that the checks can tell them apart.
 */
export type GridCell = Scalar | { formula: string } | { error: string } | { date: string };

export interface GridSheet {
  name: string;
  /** Rows from row 1, columns from A; missing cells are null. */
  cells: GridCell[][];
  /** Merged ranges, e.g. "D10:E10". */
  merges: string[];
  tables: { name: string; ref: string }[];
}

export interface GridBook {
  /** The file name as the user gave it, used in every message. */
  file: string;
  /** Custom document properties (td.unit, td.period, …); empty for CSV. */
  properties: Record<string, string>;
  sheets: GridSheet[];
}

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

/** A1 address of a 0-based row and column. */
export function a1(row0: number, col0: number): string {
  return `${columnName(col0)}${row0 + 1}`;
}

/** 0-based row and column of an A1 address. */
export function parseA1(addr: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(addr.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${addr}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: parseInt(m[2], 10) - 1, col: col - 1 };
}

/** 0-based bounds of "A1:F9" (or of a single cell). */
export function parseRange(ref: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const [from, to = from] = ref.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function cellAt(sheet: GridSheet, row0: number, col0: number): GridCell {
  return sheet.cells[row0]?.[col0] ?? null;
}

/** The text a person sees in a plain cell, trimmed; '' for empty, formula and error cells. */
export function cellText(cell: GridCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return 'date' in cell ? cell.date : '';
  return String(cell).trim();
}

export function isEmptyRow(row: readonly GridCell[] | undefined): boolean {
  return !row || row.every((c) => cellText(c) === '' && !(c !== null && typeof c === 'object'));
}
