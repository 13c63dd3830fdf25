/** Range-level Office.js writes of a sheet plan: addresses, styles, validations, conditional formats, freeze panes. */
import { encodeCell } from '../plan/bookSchema';
import type {
  CellStyle,
  ConditionalFormatPlan,
  PlanCell,
  SheetPlan,
  ValidationPlan,
} from '../plan/types';
import { OfficeInput, officeInput } from './cellInput';
import { supports } from './requirements';

export const color = (hex: string) => `#${hex}`;

export function pad(cells: readonly PlanCell[], width: number): OfficeInput[] {
  return Array.from({ length: width }, (_, j) => officeInput(cells[j] ?? null));
}

export function rangeAddress(col: number, row: number, width: number, height: number): string {
  const a = encodeCell(col, row);
  return width === 1 && height === 1 ? a : `${a}:${encodeCell(col + width - 1, row + height - 1)}`;
}

export function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((r) => `$${r.replace(/\$/g, '')}`)
    .join(':');
}

export function freeze(ws: Excel.Worksheet, rows: number, columns: number): void {
  if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(rangeAddress(0, 1, columns, rows));
  else if (rows > 0) ws.freezePanes.freezeRows(rows);
  else if (columns > 0) ws.freezePanes.freezeColumns(columns);
}

export function applyStyle(range: Excel.Range, s: CellStyle): void {
  const font = range.format.font;
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.size) font.size = s.size;
  if (s.font) font.name = s.font;
  if (s.color) font.color = color(s.color);
  if (s.fill) range.format.fill.color = color(s.fill);
  if (s.hAlign)
    range.format.horizontalAlignment = (
      { left: 'Left', center: 'Center', right: 'Right' } as const
    )[s.hAlign];
  if (s.vAlign)
    range.format.verticalAlignment = ({ top: 'Top', middle: 'Center', bottom: 'Bottom' } as const)[
      s.vAlign
    ];
  if (s.wrap) range.format.wrapText = true;
  if (s.border === 'thin') {
    for (const edge of [
      'EdgeTop',
      'EdgeBottom',
      'EdgeLeft',
      'EdgeRight',
      'InsideHorizontal',
      'InsideVertical',
    ] as const) {
      const border = range.format.borders.getItem(edge);
      border.style = 'Continuous';
      border.color = '#808080';
    }
  }
}

/** How many actions applyStyle queues for `s`, for the request budget. */
export function styleActions(s: CellStyle): number {
  const font = [s.bold, s.italic, s.size, s.font, s.color].filter(Boolean).length;
  const format = [s.hAlign, s.vAlign, s.wrap].filter(Boolean).length;
  // The range and its format; the font, fill and borders objects with their sets; six edges of
  // three actions each.
  return 2 + (font && font + 1) + (s.fill ? 2 : 0) + format + (s.border === 'thin' ? 19 : 0);
}

/**
 * Actions a sheet plan queues after its values, merges and tables, for the request budget:
 * validations, conditional formats, print setup and page breaks, unlocked ranges and protection.
 */
export function finishingActions(plan: SheetPlan): number {
  const count = (list: readonly unknown[] | undefined, each: number) => each * (list?.length ?? 0);
  return (
    10 +
    count(plan.conditionalFormats, 4) +
    count(plan.validations, 5) +
    count(plan.rowBreaks, 2) +
    count(plan.protection?.unlocked, 2)
  );
}

export function addValidation(ws: Excel.Worksheet, v: ValidationPlan): void {
  const dv = ws.getRange(v.range).dataValidation;
  if (v.type === 'list') {
    dv.rule = { list: { inCellDropDown: true, source: (v.list ?? []).join(',') } };
  } else {
    const basic: Excel.BasicDataValidation =
      v.min !== undefined && v.max !== undefined
        ? { formula1: v.min, formula2: v.max, operator: 'Between' as Excel.DataValidationOperator }
        : v.min !== undefined
          ? { formula1: v.min, operator: 'GreaterThanOrEqualTo' as Excel.DataValidationOperator }
          : { formula1: v.max ?? 0, operator: 'LessThanOrEqualTo' as Excel.DataValidationOperator };
    dv.rule = v.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
  }
  dv.ignoreBlanks = v.allowBlank ?? true;
  if (v.prompt) dv.prompt = { showPrompt: true, message: v.prompt, title: '' };
  if (v.error)
    dv.errorAlert = {
      showAlert: true,
      style: 'Stop' as Excel.DataValidationAlertStyle,
      title: '输入有误',
      message: v.error,
    };
}

export function addConditionalFormat(ws: Excel.Worksheet, p: ConditionalFormatPlan): void {
  const cf = ws.getRange(p.range).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
  cf.custom.rule.formula = p.formula.startsWith('=') ? p.formula : `=${p.formula}`;
  cf.custom.format.fill.color = color(p.fill);
  if (p.color) cf.custom.format.font.color = color(p.color);
}

/**
 * Empties a sheet in place: contents, formats, merges, conditional formats, validations, page
 * breaks, column widths and row heights, and the given tables and charts on it.
 */
export function emptySheet(
  ws: Excel.Worksheet,
  tables: readonly string[],
  charts: readonly string[],
): void {
  for (const t of tables) ws.tables.getItem(t).delete();
  for (const c of charts) ws.charts.getItem(c).delete();
  const all = ws.getRange();
  all.clear('All');
  all.conditionalFormats.clearAll();
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  if (supports('validation')) all.dataValidation.clear();
  if (supports('print')) ws.horizontalPageBreaks.removePageBreaks();
}
