/**
 * Applies a BookPlan (src/plan/types.ts, semantics in docs/sheet-plans.md) to an ExcelJS workbook in
 * memory, executing the entries src/plan/ lowers it into (sheetEntries.ts, tableWrite.ts). Saving,
 * native charts and document properties are src/xlsx/book.ts's job.
 */
import ExcelJS from 'exceljs';
import { encodeCell, parseRange } from '../engine/address';
import { SheetEntry, VALIDATION_ERROR_TITLE, sheetEntries, unhandled } from '../plan/sheetEntries';
import { NewTable, TableRewrite, tableRewrite, tableToCreate } from '../plan/tableWrite';
import type { BookPlan, TableUpdate, ValidationPlan } from '../plan/types';
import type { ValidationBounds } from '../plan/sheetEntries';
import { applyCellStyle, argbColor, rawValue, restyle, setNumFmt, toExcelValue } from './cells';
import { rememberCharts } from './chartStore';
import { addValidation, setSheetOrder, setSheetProtection, sheetOrder } from './excelInternals';
import { TableArea, findTable, headerTexts, tableArea } from './snapshot';
import { leanSheet, leanSheetsAllowed } from './leanSheet';
import { bigAfter, leanRawRows, makeLean, rewriteLeanTable } from './leanTable';

/** The header look of TableStyleMedium2. */
const HEADER_STYLE = { bold: true, color: 'FFFFFF', fill: '4472C4' } as const;

export function applyBookPlan(wb: ExcelJS.Workbook, plan: BookPlan): void {
  for (const sheet of plan.sheets) {
    const ws = freshSheet(wb, sheet.sheet);
    for (const entry of sheetEntries(sheet)) writeEntry(ws, entry);
  }
  for (const u of plan.tableUpdates) updateTable(wb, u);
  rememberCharts(
    wb,
    plan.sheets.map((s) => ({ sheet: s.sheet, charts: s.charts ?? [] })),
  );
  if (plan.activate) {
    const ws = wb.getWorksheet(plan.activate);
    if (ws)
      wb.views = [
        {
          x: 0,
          y: 0,
          width: 20000,
          height: 12000,
          firstSheet: 0,
          activeTab: wb.worksheets.indexOf(ws),
          visibility: 'visible',
        },
      ];
  }
}

/** A fresh, empty worksheet named `name`, in the place of the existing one if there is one. */
function freshSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const old = wb.getWorksheet(name);
  if (!old) return wb.addWorksheet(name);
  const orderNo = sheetOrder(old);
  wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name);
  setSheetOrder(ws, orderNo);
  return ws;
}

function writeEntry(ws: ExcelJS.Worksheet, e: SheetEntry): void {
  switch (e.kind) {
    case 'tabColor':
      ws.properties.tabColor = argbColor(e.color);
      return;
    case 'columnWidth':
      ws.getColumn(e.col + 1).width = e.width;
      return;
    case 'rowHeight':
      ws.getRow(e.row).height = e.height;
      return;
    case 'range':
      return writeRange(ws, e);
    case 'merge':
      ws.mergeCells(e.range);
      return;
    case 'table':
      return writeTable(ws, e.table);
    case 'validation':
      return writeValidation(ws, e.validation, e.bounds);
    case 'conditionalFormat':
      return addConditionalFormat(ws, e);
    case 'freeze':
      ws.views = [
        {
          state: 'frozen',
          xSplit: e.columns,
          ySplit: e.rows,
          topLeftCell: encodeCell(e.columns, e.rows + 1),
        },
      ];
      return;
    case 'print':
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9,
        orientation: e.print.orientation,
        fitToPage: true,
        fitToWidth: e.print.fitToWidth,
        fitToHeight: 0,
        ...(e.print.titleRows ? { printTitlesRow: e.print.titleRows } : {}),
      };
      return;
    case 'rowBreaks':
      // ExcelJS breaks below a row; the plan names the row a page starts at.
      for (const r of e.rows) if (r > 1) ws.getRow(r - 1).addPageBreak();
      return;
    case 'protection':
      setSheetProtection(ws, {
        sheet: true,
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
      });
      for (const range of e.unlocked) {
        const { top, left, bottom, right } = parseRange(range);
        for (let r = top; r <= bottom; r++)
          for (let c = left; c <= right; c++)
            restyle(ws.getCell(r + 1, c + 1), 'unlocked', { protection: { locked: false } });
      }
      return;
    case 'chart':
      // Drawn when the book is saved, from the record rememberCharts keeps (book.ts).
      return;
    default:
      return unhandled(e);
  }
}

function writeRange(ws: ExcelJS.Worksheet, w: Extract<SheetEntry, { kind: 'range' }>): void {
  w.values.forEach((cells, i) => {
    const r = ws.getRow(w.row + i);
    cells.forEach((v, j) => {
      const cell = r.getCell(w.col + j + 1);
      cell.value = toExcelValue(v);
      const fmt = w.formats?.[j];
      if (fmt) setNumFmt(cell, fmt);
      if (w.style) applyCellStyle(cell, w.style);
    });
  });
}

const OPERATORS = {
  between: 'between',
  atLeast: 'greaterThanOrEqual',
  atMost: 'lessThanOrEqual',
} as const satisfies Record<ValidationBounds['operator'], ExcelJS.DataValidationOperator>;

function writeValidation(ws: ExcelJS.Worksheet, v: ValidationPlan, b: ValidationBounds): void {
  const common = {
    allowBlank: v.allowBlank ?? true,
    showErrorMessage: true,
    errorStyle: 'stop', // ST_DataValidationErrorStyle: stop | warning | information
    ...(v.error ? { errorTitle: VALIDATION_ERROR_TITLE, error: v.error } : {}),
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
  } as const;
  if (v.type === 'list') {
    addValidation(ws, v.range, {
      type: 'list',
      formulae: [`"${(v.list ?? []).join(',')}"`],
      ...common,
    });
    return;
  }
  addValidation(ws, v.range, {
    type: v.type,
    operator: OPERATORS[b.operator],
    formulae:
      b.operator === 'between' ? [b.min, b.max] : [b.operator === 'atLeast' ? b.min : b.max],
    ...common,
  });
}

function addConditionalFormat(
  ws: ExcelJS.Worksheet,
  { format: p, priority }: Extract<SheetEntry, { kind: 'conditionalFormat' }>,
): void {
  ws.addConditionalFormatting({
    ref: p.range,
    rules: [
      {
        type: 'expression',
        priority,
        formulae: [p.formula.replace(/^=/, '')],
        style: {
          fill: {
            type: 'pattern',
            pattern: 'solid',
            bgColor: argbColor(p.fill),
            fgColor: argbColor(p.fill),
          },
          ...(p.color ? { font: { color: argbColor(p.color) } } : {}),
        },
      },
    ],
  });
}

/** ExcelJS takes a built-in style's name as a theme; every name the plan gives is one. */
function tableStyle(name: string): ExcelJS.TableStyleProperties {
  return { theme: name as ExcelJS.TableStyleProperties['theme'], showRowStripes: true };
}

/** Writes a new table: header, body and number formats as lowered (tableWrite.ts). */
function writeTable(ws: ExcelJS.Worksheet, t: NewTable): void {
  const body = t.body.map((cells) => cells.map((v) => toExcelValue(v)));
  ws.addTable({
    name: t.name,
    ref: encodeCell(t.col, t.row),
    headerRow: true,
    totalsRow: false,
    style: tableStyle(t.style),
    columns: t.headers.map((h) => ({ name: h, filterButton: true })),
    rows: body,
  });
  t.headers.forEach((_, j) => {
    // LibreOffice and WPS do not draw Excel's table styles: mark the header row explicitly too.
    applyCellStyle(ws.getCell(t.row, t.col + j + 1), HEADER_STYLE);
    const width = t.widths[j];
    if (width) ws.getColumn(t.col + j + 1).width = width;
    const fmt = t.formats[j];
    if (!fmt) return;
    for (let i = 0; i < body.length; i++) setNumFmt(ws.getCell(t.row + 1 + i, t.col + j + 1), fmt);
  });
}

/** Replaces or appends to a table found by name wherever it is, or creates it where the plan says. */
function updateTable(wb: ExcelJS.Workbook, u: TableUpdate): void {
  const found = findTable(wb, u.table);
  if (!found) {
    const lowered = tableToCreate(u);
    const ws = wb.getWorksheet(lowered.sheet) ?? wb.addWorksheet(lowered.sheet);
    writeTable(ws, lowered.table);
    if (!ws.views?.length && lowered.freezeHeader)
      ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }];
    return;
  }
  const { ws, model } = found;
  const area = tableArea(model);
  let lean = leanSheet(ws);
  // Only an append keeps rows: a replace needs their number, not their cells (big tables).
  const cells = (r: number) =>
    Array.from({ length: area.lastCol - area.firstCol + 1 }, (_, j) =>
      rawValue(ws.getRow(r).getCell(area.firstCol + j + 1)),
    );
  let rows: ExcelJS.CellValue[][] = [];
  if (lean && u.mode === 'append') rows = leanRawRows(lean, area);
  else
    for (let r = area.firstRow; r <= area.lastRow; r++)
      rows.push(u.mode === 'append' ? cells(r) : []);
  const headers = headerTexts(ws, area);
  const ref = `${encodeCell(area.firstCol, area.headerRow)}:${encodeCell(area.lastCol, area.lastRow)}`;
  const rewrite = tableRewrite(u, { sheet: ws.name, ref, headers, rows });
  if (!lean && leanSheetsAllowed(wb) && bigAfter(rewrite)) lean = makeLean(ws);
  if (lean)
    rewriteLeanTable(
      ws,
      lean,
      rewrite,
      rows.slice(0, rewrite.kept),
      area,
      tableStyle(model.style?.theme ?? rewrite.style),
    );
  else rewriteTable(ws, rewrite, rows.slice(0, rewrite.kept), area, model.style?.theme);
}

/**
 * ExcelJS cannot resize a table in place: the old one is emptied (its cell formats too, in replace
 * mode) and removed, and a new one added over the kept rows, raw so their formulas stay, and the
 * planned rows. The book's own table style stays.
 */
function rewriteTable(
  ws: ExcelJS.Worksheet,
  t: TableRewrite,
  kept: ExcelJS.CellValue[][],
  area: TableArea,
  theme: string | undefined,
): void {
  for (let r = area.firstRow; r <= area.lastRow; r++) {
    const row = ws.getRow(r);
    for (let c = area.firstCol; c <= area.lastCol; c++) {
      const cell = row.getCell(c + 1);
      cell.value = null;
      if (t.mode === 'replace') cell.style = {};
    }
  }
  ws.removeTable(t.name);
  const planned = t.body.map((cells) => cells.map((v) => toExcelValue(v)));
  const blank = t.blankRow ? [t.headers.map(() => null)] : [];
  ws.addTable({
    name: t.name,
    ref: encodeCell(t.firstCol, t.headerRow),
    headerRow: true,
    totalsRow: false,
    style: tableStyle(theme ?? t.style),
    columns: t.headers.map((h) => ({ name: h, filterButton: true })),
    rows: [...kept, ...planned, ...blank],
  });
  t.formats.forEach((fmt, j) => {
    if (!fmt) return;
    for (let i = 0; i < planned.length; i++)
      setNumFmt(ws.getCell(t.headerRow + 1 + t.kept + i, t.firstCol + j + 1), fmt);
  });
}
