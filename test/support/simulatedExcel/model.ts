/**
 * The in-memory workbook behind the simulated Excel host: the cell, chart and error types here,
 * sheets (simSheet.ts), tables (simTable.ts) and the workbook (simWorkbook.ts). It holds what the
 * proxies read and write, with the Excel rules the adapter relies on: input parsing of written
 * strings, table geometry (a table always keeps one body row), cell shifting on row insert/delete,
 * unique names.
 */
import { Rect } from './address';

export type CellValue = string | number | boolean;

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontName?: string;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Record<string, string>;
}

export interface SimCell {
  /** Constant value, or the calculated value of a formula (see SimWorkbook.recalculate). */
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  format?: CellFormat;
  /** Cells are locked unless unlocked, as in Excel. */
  locked?: boolean;
}

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface ConditionalFormat {
  rect: Rect;
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface DataValidationState {
  rect: Rect;
  rule?: unknown;
  ignoreBlanks?: boolean;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface SimChart {
  type: string;
  source: string;
  title?: string;
  name?: string;
  topLeft?: string;
  bottomRight?: string;
  series: { name?: string; values?: string; xValues?: string; chartType?: string }[];
}
