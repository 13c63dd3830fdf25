/**
 * Applies a BookPlan (src/plan/types.ts, semantics in docs/sheet-plans.md) to an ExcelJS workbook in
 * memory. Saving, native charts and document properties are src/xlsx/book.ts's job.
 */
import ExcelJS from 'exceljs';
import { InputError } from '../engine/errors';
import { zhList } from '../engine/labels';
import { decodeCell, encodeCell } from '../plan/bookSchema';
import { resolveTableFormula } from '../plan/formula';
import type {
  BookPlan,
  ConditionalFormatPlan,
  PlanCell,
  RangeWrite,
  SheetPlan,
  TableColumn,
  TableUpdate,
  ValidationPlan,
} from '../plan/types';
import { applyCellStyle, argbColor, rawValue, restyle, setNumFmt, toExcelValue } from './cells';
import { rememberCharts } from './chartStore';
import { addValidation, setSheetOrder, setSheetProtection, sheetOrder } from './excelInternals';
import { findTable, headerTexts, tableArea } from './snapshot';

const DEFAULT_TABLE_STYLE = 'TableStyleMedium2';
/** The header look of TableStyleMedium2. */
const HEADER_STYLE = { bold: true, color: 'FFFFFF', fill: '4472C4' } as const;
const normHeader = (h: string) => h.normalize('NFKC').replace(/\s+/g, '');

export function applyBookPlan(wb: ExcelJS.Workbook, plan: BookPlan): void {
  for (const sheet of plan.sheets) writeSheet(wb, sheet);
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

function writeSheet(wb: ExcelJS.Workbook, plan: SheetPlan): void {
  const ws = freshSheet(wb, plan.sheet);
  if (plan.tabColor) ws.properties.tabColor = argbColor(plan.tabColor);
  plan.columnWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, h] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(row)).height = h;
  for (const r of plan.ranges) writeRange(ws, r);
  for (const m of plan.merges ?? []) ws.mergeCells(m);
  for (const t of plan.tables ?? []) {
    const { col, row } = decodeCell(t.at);
    writeTable(ws, t.name, col, row, t.columns, t.rows, t.style);
  }
  for (const v of plan.validations ?? []) writeValidation(ws, v);
  addConditionalFormats(ws, plan.conditionalFormats ?? []);
  if (plan.freeze) {
    ws.views = [
      {
        state: 'frozen',
        xSplit: plan.freeze.columns,
        ySplit: plan.freeze.rows,
        topLeftCell: encodeCell(plan.freeze.columns, plan.freeze.rows + 1),
      },
    ];
  }
  if (plan.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: plan.print.orientation,
      fitToPage: true,
      fitToWidth: plan.print.fitToWidth,
      fitToHeight: 0,
      ...(plan.print.titleRows ? { printTitlesRow: plan.print.titleRows } : {}),
    };
  }
  // ExcelJS breaks below a row; the plan names the row a page starts at.
  for (const r of plan.rowBreaks ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
  if (plan.protection) {
    setSheetProtection(ws, {
      sheet: true,
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    });
    for (const range of plan.protection.unlocked) {
      forEachCell(range, (col, row) => {
        restyle(ws.getCell(row, col + 1), 'unlocked', { protection: { locked: false } });
      });
    }
  }
}

function forEachCell(range: string, fn: (col: number, row: number) => void): void {
  const [a, b] = range.split(':');
  const tl = decodeCell(a);
  const br = decodeCell(b ?? a);
  for (let r = tl.row; r <= br.row; r++) for (let c = tl.col; c <= br.col; c++) fn(c, r);
}

function writeRange(ws: ExcelJS.Worksheet, w: RangeWrite): void {
  const { col, row } = decodeCell(w.at);
  w.values.forEach((cells, i) => {
    const r = ws.getRow(row + i);
    cells.forEach((v, j) => {
      const cell = r.getCell(col + j + 1);
      cell.value = toExcelValue(v);
      const fmt = Array.isArray(w.numberFormat) ? w.numberFormat[j] : w.numberFormat;
      if (fmt) setNumFmt(cell, fmt);
      if (w.style) applyCellStyle(cell, w.style);
    });
  });
}

function writeValidation(ws: ExcelJS.Worksheet, v: ValidationPlan): void {
  const common = {
    allowBlank: v.allowBlank ?? true,
    showErrorMessage: true,
    errorStyle: 'stop', // ST_DataValidationErrorStyle: stop | warning | information
    ...(v.error ? { errorTitle: '输入有误', error: v.error } : {}),
    ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
  };
  if (v.type === 'list') {
    addValidation(ws, v.range, {
      type: 'list',
      formulae: [`"${(v.list ?? []).join(',')}"`],
      ...common,
    } as ExcelJS.DataValidation);
    return;
  }
  const bounds =
    v.min !== undefined && v.max !== undefined
      ? { operator: 'between', formulae: [v.min, v.max] }
      : v.min !== undefined
        ? { operator: 'greaterThanOrEqual', formulae: [v.min] }
        : { operator: 'lessThanOrEqual', formulae: [v.max ?? 0] };
  addValidation(ws, v.range, {
    type: v.type,
    ...bounds,
    ...common,
  } as ExcelJS.DataValidation);
}

function addConditionalFormats(ws: ExcelJS.Worksheet, plans: ConditionalFormatPlan[]): void {
  plans.forEach((p, i) => {
    ws.addConditionalFormatting({
      ref: p.range,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
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
  });
}

/**
 * Writes a table: header at (col, row), body below, number formats per column. An Excel table needs
 * at least one body row, so an empty table gets one blank row (readers skip blank rows).
 */
function writeTable(
  ws: ExcelJS.Worksheet,
  name: string,
  col: number,
  row: number,
  columns: readonly Pick<TableColumn, 'header' | 'numberFormat' | 'width'>[],
  rows: PlanCell[][],
  style: string | undefined,
): void {
  const headers = columns.map((c) => c.header);
  const body = (rows.length ? rows : [headers.map(() => null)]).map((cells, i) =>
    headers.map((_, j) =>
      toExcelValue(cells[j] ?? null, (f) => resolveTableFormula(f, headers, col, row + 1 + i)),
    ),
  );
  ws.addTable({
    name,
    ref: encodeCell(col, row),
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (style ?? DEFAULT_TABLE_STYLE) as ExcelJS.TableStyleProperties['theme'],
      showRowStripes: true,
    },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: body,
  });
  columns.forEach((c, j) => {
    // LibreOffice and WPS do not draw Excel's table styles: mark the header row explicitly too.
    applyCellStyle(ws.getCell(row, col + j + 1), HEADER_STYLE);
    if (c.width) ws.getColumn(col + j + 1).width = c.width;
    if (!c.numberFormat) return;
    for (let i = 0; i < body.length; i++)
      setNumFmt(ws.getCell(row + 1 + i, col + j + 1), c.numberFormat);
  });
}

/** Replaces or appends to a table found by name wherever it is, or creates it where the plan says. */
function updateTable(wb: ExcelJS.Workbook, u: TableUpdate): void {
  const found = findTable(wb, u.table);
  if (!found) {
    const ws = wb.getWorksheet(u.sheet) ?? wb.addWorksheet(u.sheet);
    const { col, row } = decodeCell(u.at);
    writeTable(ws, u.table, col, row, u.columns, u.rows, u.style);
    if (!ws.views?.length && row === 1)
      ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }];
    return;
  }
  const { ws, model } = found;
  const area = tableArea(model);
  const headers = headerTexts(ws, area);
  const normalized = headers.map(normHeader);
  const position = u.columns.map((c) => normalized.indexOf(normHeader(c.header)));
  const missing = u.columns.filter((_, j) => position[j] < 0).map((c) => c.header);
  if (missing.length) {
    const quoted = missing.map((h) => `"${h}"`).join(', ');
    throw new InputError(
      `missing column${missing.length > 1 ? 's' : ''} ${quoted}`,
      `${ws.name} › ${u.table}`,
      `缺少列${zhList(missing)}`,
    );
  }
  const planned = u.rows.map((cells) => {
    const out: PlanCell[] = headers.map(() => null);
    position.forEach((p, j) => {
      out[p] = cells[j] ?? null;
    });
    return out;
  });
  // Kept rows are carried as raw ExcelJS values (their formulas intact) and written back in place.
  const kept: ExcelJS.CellValue[][] = [];
  if (u.mode === 'append') {
    for (let r = area.firstRow; r <= area.lastRow; r++) {
      const row = ws.getRow(r);
      kept.push(headers.map((_, j) => rawValue(row.getCell(area.firstCol + j + 1))));
    }
    while (
      kept.length &&
      kept[kept.length - 1].every((v) => v === null || v === undefined || v === '')
    )
      kept.pop();
  }
  for (let r = area.firstRow; r <= area.lastRow; r++) {
    const row = ws.getRow(r);
    for (let c = area.firstCol; c <= area.lastCol; c++) {
      const cell = row.getCell(c + 1);
      cell.value = null;
      if (u.mode === 'replace') cell.style = {};
    }
  }
  ws.removeTable(u.table);
  const formats = headers.map((_, k) => u.columns[position.indexOf(k)]?.numberFormat);
  const keptCount = kept.length;
  const body: ExcelJS.CellValue[][] = [
    ...kept,
    ...planned.map((cells, i) =>
      cells.map((v) =>
        toExcelValue(v, (f) =>
          resolveTableFormula(f, headers, area.firstCol, area.firstRow + keptCount + i),
        ),
      ),
    ),
  ];
  ws.addTable({
    name: u.table,
    ref: encodeCell(area.firstCol, area.headerRow),
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (model.style?.theme ??
        u.style ??
        DEFAULT_TABLE_STYLE) as ExcelJS.TableStyleProperties['theme'],
      showRowStripes: true,
    },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows: body.length ? body : [headers.map(() => null)],
  });
  headers.forEach((_, j) => {
    const fmt = formats[j];
    if (!fmt) return;
    for (let i = keptCount; i < body.length; i++)
      setNumFmt(ws.getCell(area.firstRow + i, area.firstCol + j + 1), fmt);
  });
}
