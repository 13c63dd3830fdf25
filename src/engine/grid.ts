import type { Scalar } from './types';

/**
 * A sheet as read from a return or list file, before any interpretation: what the user typed,
 * kept apart from what a formula or a date cell holds so that the checks can tell them apart.
 */
export type GridCell = Scalar | { formula: string } | { error: string } | { date: string };

export interface GridSheet {
  /** '' for a CSV or text file, which has no sheets: places in it are `file › cell`. */
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
