/**
 * WARNING — ExcelJS internals. Every use of a member that ExcelJS (pinned exactly in package.json)
 * has but does not document or type lives here and nowhere else: a worksheet's `orderNo`, `_rows`
 * (read, and emptied for lean sheets) and each row's `_cells`, a worksheet's `_merges`, a table model's `autoFilterRef` and
 * `rows`, `dataValidations` and its `model`, `sheetProtection`, a worksheet's
 * `model.merges`, and a table's `table` (created or loaded) or `model`. They can change in any
 * ExcelJS release: test/xlsx/excelInternals.test.ts is the canary that fails when they do, so
 * upgrade ExcelJS only with that test green. The one use outside this module is the CLI's start
 * (bin/exceljs-without-streams.js, which loads ExcelJS's lib/ files by path to skip its streaming
 * classes); test/cli/exceljsWithoutStreams.test.ts is its canary.
 */
import type ExcelJS from 'exceljs';

/** The model fields of an ExcelJS table this adapter relies on (loaded or created in this session). */
export interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  style?: { theme?: string; showRowStripes?: boolean };
}

/** A table's model: `table` on tables added or loaded in this session, `model` otherwise. */
export function tableModel(t: unknown): TableModel {
  const o = t as { table?: TableModel; model?: TableModel };
  return (o.table ?? o.model) as TableModel;
}

type StoredRow = ExcelJS.Row & { _cells: (ExcelJS.Cell | undefined)[] };

interface Internals {
  orderNo: number;
  _rows: (StoredRow | undefined)[];
  dataValidations: {
    model: Record<string, unknown>;
    add(address: string, validation: ExcelJS.DataValidation): void;
  };
  sheetProtection: Record<string, unknown> | null;
}

function internals(ws: ExcelJS.Worksheet): Internals {
  return ws as unknown as Internals;
}

/** The sheet's place in the workbook's tab order (what ExcelJS sorts the written sheets by). */
export function sheetOrder(ws: ExcelJS.Worksheet): number {
  return internals(ws).orderNo;
}

export function setSheetOrder(ws: ExcelJS.Worksheet, orderNo: number): void {
  internals(ws).orderNo = orderNo;
}

/**
 * The row objects the sheet holds (ExcelJS's public eachRow creates or skips some) and, below, the
 * cell objects of a row: the objects whose `style` the writer renders.
 */
export function storedRows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  return internals(ws)._rows.filter((r): r is StoredRow => r !== undefined);
}

/** Drops every row object of the sheet: a lean sheet's cells live outside ExcelJS (leanSheet.ts). */
export function clearStoredRows(ws: ExcelJS.Worksheet): void {
  internals(ws)._rows = [];
}

/**
 * Sets the range of a table added in this session (header and body, no totals row) and drops the
 * body rows ExcelJS keeps in its model: a lean sheet's rows live outside ExcelJS.
 */
export function setTableRange(ws: ExcelJS.Worksheet, name: string, ref: string): void {
  const model = tableModel(ws.getTable(name)) as TableModel & {
    autoFilterRef?: string;
    rows?: unknown[];
  };
  model.tableRef = ref;
  model.autoFilterRef = ref;
  model.rows = [];
}

/** A row's own style (ExcelJS gives new cells its parts; the typings lack it). */
export function rowStyle(row: ExcelJS.Row): Partial<ExcelJS.Style> | undefined {
  return (row as unknown as { style?: Partial<ExcelJS.Style> }).style;
}

export function storedCells(row: ExcelJS.Row): ExcelJS.Cell[] {
  return (row as StoredRow)._cells.filter((c): c is ExcelJS.Cell => c !== undefined);
}

/**
 * The sheet's data validations by address: a range (`A2:A9`) as added, or, for a loaded sheet, one
 * entry per cell (ExcelJS expands every loaded range).
 */
export function validationModel(ws: ExcelJS.Worksheet): Record<string, unknown> {
  return internals(ws).dataValidations.model;
}

export function setValidationModel(ws: ExcelJS.Worksheet, model: Record<string, unknown>): void {
  internals(ws).dataValidations.model = model;
}

export function addValidation(
  ws: ExcelJS.Worksheet,
  range: string,
  validation: ExcelJS.DataValidation,
): void {
  internals(ws).dataValidations.add(range, validation);
}

export function setSheetProtection(
  ws: ExcelJS.Worksheet,
  protection: Record<string, unknown>,
): void {
  internals(ws).sheetProtection = protection;
}

/** Whether the sheet has merged cells, without building its model (which renders every cell). */
export function hasMerges(ws: ExcelJS.Worksheet): boolean {
  return Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).length > 0;
}

/** The merged ranges of a loaded sheet, as written in the file (`A1:C1`). */
export function sheetMerges(ws: ExcelJS.Worksheet): string[] {
  return (ws.model as unknown as { merges?: string[] }).merges ?? [];
}
