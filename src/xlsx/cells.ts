/** Conversions between plan cells / snapshot scalars and ExcelJS cell values and styles. */
import { dateText } from '../plan/cellDates';
import type ExcelJS from 'exceljs';
import { isFormulaCell } from '../plan/types';
import type { CellStyle, PlanCell, Scalar } from '../plan/types';

/**
 * A plan cell as an ExcelJS value. Strings are always plain strings (ExcelJS writes them as shared
 * strings, so `=1+1` typed by a user stays text); only a FormulaCell becomes a formula, written with
 * its cached result. `resolve` turns table placeholders into A1 references.
 */
export function toExcelValue(
  c: PlanCell,
  resolve: (formula: string) => string = (f) => f,
): ExcelJS.CellValue {
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
  if (v instanceof Date) return dateText(v);
  const o = v as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o)
    return fromExcelValue((o.result ?? null) as ExcelJS.CellValue);
  if (Array.isArray(o.richText))
    return (o.richText as { text: string }[]).map((r) => r.text).join('') || null;
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
 * The ExcelJS style parts of a plan style and the key restyle() shares them by, made once per plan
 * style object: big sheets give the same style to thousands of cells.
 */
const converted = new WeakMap<CellStyle, { key: string; parts: ExcelStyle }>();

function excelStyle(s: CellStyle): { key: string; parts: ExcelStyle } {
  const cached = converted.get(s);
  if (cached) return cached;
  const parts: ExcelStyle = {};
  if (s.bold || s.italic || s.size || s.font || s.color) {
    parts.font = {
      ...(s.font ? { name: s.font } : {}),
      ...(s.size ? { size: s.size } : {}),
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.color ? { color: argb(s.color) } : {}),
    };
  }
  if (s.fill) parts.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(s.fill) };
  if (s.hAlign || s.vAlign || s.wrap) {
    parts.alignment = {
      ...(s.hAlign ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign ? { vertical: s.vAlign } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
    };
  }
  if (s.border === 'thin') {
    const thin = { style: 'thin' as const, color: argb('808080') };
    parts.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  const out = { key: `style ${JSON.stringify(parts)}`, parts };
  converted.set(s, out);
  return out;
}

/**
 * Gives `cell` its current style plus `patch`, as a style object shared by every cell that had the
 * same style and got the same patch (`key` names the patch). ExcelJS renders the XML of each
 * distinct style object it meets when writing, so a big sheet with one object per cell spends
 * seconds there. Shared objects must never be mutated: cell styles are only ever set through here.
 */
export function restyle(cell: ExcelJS.Cell, key: string, patch: Partial<ExcelJS.Style>): void {
  cell.style = derivedStyle(cell.style, key, patch) as ExcelJS.Style;
}

/**
 * The shared style object for `current` plus `patch` (restyle's, also for lean sheets' cells,
 * src/xlsx/leanTable.ts): one object per base style and patch key.
 */
export function derivedStyle(
  current: Partial<ExcelJS.Style> | null | undefined,
  key: string,
  patch: Partial<ExcelJS.Style>,
): Partial<ExcelJS.Style> {
  const base = current && Object.keys(current).length ? current : UNSTYLED;
  let byPatch = derived.get(base);
  if (!byPatch) derived.set(base, (byPatch = new Map()));
  let style = byPatch.get(key);
  if (!style) byPatch.set(key, (style = { ...base, ...patch }));
  return style;
}

const UNSTYLED: Partial<ExcelJS.Style> = {};
const derived = new WeakMap<Partial<ExcelJS.Style>, Map<string, Partial<ExcelJS.Style>>>();

export function applyCellStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  const { key, parts } = excelStyle(s);
  restyle(cell, key, parts);
}

export function setNumFmt(cell: ExcelJS.Cell, numFmt: string): void {
  cell.style = numFmtStyle(cell.style, numFmt) as ExcelJS.Style;
}

export function numFmtStyle(
  current: Partial<ExcelJS.Style> | null | undefined,
  numFmt: string,
): Partial<ExcelJS.Style> {
  return derivedStyle(current, `numFmt ${numFmt}`, { numFmt });
}

export function argbColor(hex: string): { argb: string } {
  return argb(hex);
}
