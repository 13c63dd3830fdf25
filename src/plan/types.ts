/**
 * Sheet plans: the engine's adapter-neutral description of what to write into a workbook.
 * Two adapters apply them — Office.js (src/office/) inside Excel and ExcelJS (src/xlsx/) for files —
 * so layout logic lives here once. Plans are plain JSON-serialisable data: no functions, no I/O.
 *
 * Addresses are A1 strings on the plan's own sheet. Colours are 6-digit hex RGB without '#'.
 */

import type { Scalar } from '../engine/types';

export type { Scalar };

/**
 * A live formula (with leading '=') and the value the engine computed for it, written as the cached
 * result so the book reads right before any recalculation. Inside a TablePlan, `{{header}}` in a
 * formula stands for the cell of that column in the same row (see resolveTableFormula).
 */
export interface FormulaCell {
  formula: string;
  value: Scalar;
}

/** A string is always written as text, never as a formula, even when it starts with '='. */
export type PlanCell = Scalar | FormulaCell;

/** Whether a plan cell is a live formula: the one test both hosts write cells by. */
export function isFormulaCell(c: PlanCell): c is FormulaCell {
  return typeof c === 'object' && c !== null && 'formula' in c;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  font?: string;
  color?: string;
  fill?: string;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  border?: 'thin';
}

/** A rectangular block of cells written in one go. */
export interface RangeWrite {
  /** Top-left cell, e.g. "A1". */
  at: string;
  values: PlanCell[][];
  /** One format for the whole block, or one per column of the block. */
  numberFormat?: string | string[];
  style?: CellStyle;
}

export interface TableColumn {
  header: string;
  numberFormat?: string;
  width?: number;
}

/** An Excel table (ListObject). Found by name when it already exists in a book. */
export interface TablePlan {
  name: string;
  /** Top-left cell of the header row when the table is created. */
  at: string;
  columns: TableColumn[];
  rows: PlanCell[][];
  /** Built-in table style, e.g. "TableStyleMedium2". */
  style?: string;
}

export interface ValidationPlan {
  range: string;
  type: 'whole' | 'decimal' | 'list';
  min?: number;
  max?: number;
  list?: string[];
  allowBlank?: boolean;
  prompt?: string;
  error?: string;
}

/** Fill `range` cells for which `formula` (written for the range's top-left cell) is true. */
export interface ConditionalFormatPlan {
  range: string;
  formula: string;
  fill: string;
  color?: string;
}

export interface PrintSetup {
  paperSize: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Fit to this many pages wide; height is unbounded. */
  fitToWidth: number;
  /** Rows repeated at the top of every printed page, e.g. "1:3". */
  titleRows?: string;
}

/** A bar chart of values by category against a constant reference line. */
export interface ChartPlan {
  title: string;
  /** Where the picture or chart is anchored: top-left and bottom-right cells. */
  from: string;
  to: string;
  categories: string[];
  values: number[];
  /** The time-progress line (序时进度), as a fraction. */
  reference: number;
  referenceLabel: string;
  valueLabel: string;
}

export interface SheetPlan {
  sheet: string;
  tabColor?: string;
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** Row heights in points, by 1-based row number. */
  rowHeights?: Record<number, number>;
  ranges: RangeWrite[];
  merges?: string[];
  tables?: TablePlan[];
  validations?: ValidationPlan[];
  conditionalFormats?: ConditionalFormatPlan[];
  freeze?: { rows: number; columns: number };
  print?: PrintSetup;
  /** Manual page breaks: a printed page starts at each of these 1-based rows. */
  rowBreaks?: number[];
  /** Protect the sheet without a password, leaving these ranges editable. */
  protection?: { unlocked: string[] };
  charts?: ChartPlan[];
}

/**
 * Replace the body of an existing table found by name (wherever the user moved or renamed its
 * sheet), or create it on `sheet` at `at` when the book lacks it. `append` adds rows instead.
 */
export interface TableUpdate {
  table: string;
  sheet: string;
  at: string;
  columns: TableColumn[];
  rows: PlanCell[][];
  mode: 'replace' | 'append';
  style?: string;
}

/** Everything one command writes. Applied in one batch; nothing is written when planning fails. */
export interface BookPlan {
  /** Whole sheets laid out afresh (created, or cleared and rewritten). */
  sheets: SheetPlan[];
  tableUpdates: TableUpdate[];
  /** Sheet to activate when done. */
  activate?: string;
  /** Custom document properties (xlsx only; Office.js writes them where supported). */
  properties?: Record<string, string>;
}

/** A table as read from a book by either adapter: header texts and body values, in sheet order. */
export interface TableData {
  name: string;
  sheet: string;
  /** The whole table range including the header row, e.g. "A1:F9". */
  ref: string;
  headers: string[];
  /** Body rows; formulas read as their values; empty cells as null. */
  rows: Scalar[][];
}

/**
 * What a job reads from a book, in one go (one sync in Excel): every table, the sheet names, and the
 * used-range values of the sheets the job asks for by name (e.g. a bulletin sheet, to detect edits).
 */
export interface BookSnapshot {
  sheetNames: string[];
  tables: Record<string, TableData>;
  sheets: Record<string, Scalar[][]>;
}
