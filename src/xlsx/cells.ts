/** Conversions between plan cells / snapshot scalars and ExcelJS cell values and styles. */
import type ExcelJS from 'exceljs';
import type { CellStyle, PlanCell, Scalar } from '../plan/types';

export function isFormulaCell(c: PlanCell): c is { formula: string; value: Scalar } {
  return typeof c === 'object' && c !== null && 'formula' in c;
}

/**
 * A plan cell as an ExcelJS value. Strings are always plain strings (ExcelJS writes them as shared
 * strings, so `=1+1` typed by a user stays text); only a FormulaCell becomes a formula, written with
 * its cached result. `resolve` turns table placeholders into A1 references.
 */
export function toExcelValue(c: PlanCell, resolve: (formula: string) => string = (f) => f): ExcelJS.CellValue {
  if (c === null || c === undefined) return null;
  if (!isFormulaCell(c)) return c;
  const formula = resolve(c.formula).replace(/^=/, '');
  const result = c.value === null ? undefined : c.value;
  return { formula, result } as ExcelJS.CellFormulaValue;
}

/** What a cell shows, as a snapshot scalar: formulas read as their cached result, empty as null. */
export function fromExcelValue(v: ExcelJS.CellValue): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  const o = v as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) return fromExcelValue((o.result ?? null) as ExcelJS.CellValue);
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('') || null;
  if ('error' in o) return String(o.error);
  if ('text' in o) return fromExcelValue(o.text as ExcelJS.CellValue);
  return String(v);
}

/** The value a cell shows, with merged cells other than their top-left one read as empty. */
export function cellScalar(cell: ExcelJS.Cell): Scalar {
  if (cell.isMerged && cell.master !== cell) return null;
  return fromExcelValue(rawValue(cell));
}

/**
 * A cell's value with its formula result intact: ExcelJS's `value` getter drops a cached result
 * that is falsy (0 or ""), while `result` keeps it.
 */
export function rawValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const v = cell.value;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    return { ...v, result: cell.result } as ExcelJS.CellValue;
  }
  return v;
}

const argb = (hex: string) => ({ argb: `FF${hex.toUpperCase()}` });

type ExcelStyle = Pick<Partial<ExcelJS.Style>, 'font' | 'fill' | 'alignment' | 'border'>;

/**
 * The ExcelJS style parts of a plan style, made once per plan style: big sheets assign the same
 * parts to thousands of cells, and sharing them spares ExcelJS most of its garbage.
 */
const converted = new WeakMap<CellStyle, ExcelStyle>();

function excelStyle(s: CellStyle): ExcelStyle {
  const cached = converted.get(s);
  if (cached) return cached;
  const out: ExcelStyle = {};
  if (s.bold || s.italic || s.size || s.font || s.color) {
    out.font = {
      ...(s.font ? { name: s.font } : {}),
      ...(s.size ? { size: s.size } : {}),
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.color ? { color: argb(s.color) } : {}),
    };
  }
  if (s.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(s.fill) };
  if (s.hAlign || s.vAlign || s.wrap) {
    out.alignment = {
      ...(s.hAlign ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign ? { vertical: s.vAlign } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
    };
  }
  if (s.border === 'thin') {
    const thin = { style: 'thin' as const, color: argb('808080') };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  converted.set(s, out);
  return out;
}

export function applyCellStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  const { font, fill, alignment, border } = excelStyle(s);
  if (font) cell.font = font;
  if (fill) cell.fill = fill;
  if (alignment) cell.alignment = alignment;
  if (border) cell.border = border;
}

export function argbColor(hex: string): { argb: string } {
  return argb(hex);
}

/** Worksheet members ExcelJS has but its type definitions lack. */
export interface WorksheetExtras {
  dataValidations: { model: Record<string, unknown>; add(address: string, validation: ExcelJS.DataValidation): void };
  sheetProtection: Record<string, unknown> | null;
}

export function extras(ws: ExcelJS.Worksheet): WorksheetExtras {
  return ws as unknown as WorksheetExtras;
}
