/**
 * Sheets a job reads as values and then lays out afresh (run's bulletin): kept out of ExcelJS's
 * cells on loading (docs/province-scale.md). Their values are read by the lean scanner
 * (leanLoad.ts) and their merged ranges read from the part, applied to the values as ExcelJS applies
 * them on loading; the ExcelJS sheet is left without cells or merges, so saving a book that still
 * holds one is refused: the job must replace it.
 */
import type ExcelJS from 'exceljs';
import { plainRange } from '../engine/address';
import type { Scalar } from '../plan/types';
import { LeanSheet, leanValues } from './leanSheet';
import { sheetPartPaths } from './packageParts';

const replacedValues = new WeakMap<ExcelJS.Worksheet, Scalar[][]>();

/** The worksheet part of each named sheet (xl/workbook.xml and its relationships). */
export function sheetParts(parts: Map<string, Buffer>, names: readonly string[]): Set<string> {
  if (!names.length) return new Set();
  const paths = sheetPartPaths(
    parts.get('xl/workbook.xml')?.toString('utf8') ?? '',
    parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '',
  );
  return new Set(names.flatMap((name) => paths.get(name) ?? []));
}

/** A merged range, 1-based and inclusive, as ExcelJS's Range holds it. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MERGE_CELLS = /<mergeCells\b[^>]*?(?:\/>|>[\s\S]*?<\/mergeCells>)/;
/** More merged cells than this are left to ExcelJS, as a sheet it reads through cells. */
const MERGED_CELLS_LIMIT = 1_000_000;

/**
 * The merged ranges of a sheet part that can be read as values only, or null when it cannot: a
 * table (its rows would be read from cells), anything else ExcelJS ties to cell values, or merges
 * other than plain `A1:B2` ranges apart from each other and the stub row (ExcelJS refuses
 * overlapping ones on loading: such a sheet is left to it). ExcelJS is then not given the merges
 * (takeLeanSheets cuts them with `withoutMerges`): it would make cells for them, checking each
 * range against every other, on a sheet the job replaces anyway.
 */
export function replacedMerges(xml: string, stubRow: number): MergeArea[] | null {
  if (/<(tablePart|hyperlinks|legacyDrawing|legacyDrawingHF)\b/.test(xml)) return null;
  const element = MERGE_CELLS.exec(xml)?.[0];
  if (!element) return /<mergeCell\b/.test(xml) ? null : [];
  const areas: MergeArea[] = [];
  const covered = new Set<number>();
  for (const m of element.matchAll(/<mergeCell\b([^>]*)>/g)) {
    const ref = /^\s*ref="([^"]*)"\s*\/?$/.exec(m[1])?.[1];
    const r = ref === undefined ? null : plainRange(ref);
    if (!r) return null;
    const area = { top: r.top + 1, left: r.left + 1, bottom: r.bottom + 1, right: r.right + 1 };
    if (area.top < 1 || area.bottom >= stubRow) return null;
    for (let row = area.top; row <= area.bottom; row++)
      for (let col = area.left; col <= area.right; col++) {
        const key = row * 16384 + col;
        if (covered.has(key) || covered.size >= MERGED_CELLS_LIMIT) return null;
        covered.add(key);
      }
    areas.push(area);
  }
  return areas;
}

/** A sheet part's XML without its merged ranges (replacedMerges read them). */
export function withoutMerges(xml: string): string {
  return xml.replace(MERGE_CELLS, '');
}

/**
 * Keeps what sheetValues (snapshot.ts) reads from the ExcelJS sheet ExcelJS would have loaded, the
 * non-top-left cells of its merged ranges read as leanValues reads them.
 */
export function setReplacedValues(
  ws: ExcelJS.Worksheet,
  sheet: LeanSheet,
  merges: readonly MergeArea[],
  date1904: boolean,
): void {
  const merged = new Map<number, Set<number>>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        let cols = merged.get(r - 1);
        if (!cols) merged.set(r - 1, (cols = new Set()));
        cols.add(c - 1);
      }
  replacedValues.set(ws, leanValues(sheet, date1904, merged));
}

/** The values of a sheet loaded as values only (a copy), or undefined for any other sheet. */
export function replacedSheetValues(ws: ExcelJS.Worksheet): Scalar[][] | undefined {
  return replacedValues.get(ws)?.map((row) => [...row]);
}

/** Refuses to save a book that still holds a sheet loaded as values only: it has no cells. */
export function checkReplaced(wb: ExcelJS.Workbook): void {
  const left = wb.worksheets.find((ws) => replacedValues.has(ws));
  if (left)
    throw new Error(
      `saving: sheet "${left.name}" was loaded as values only (LoadOptions.replaced) and not replaced`,
    );
}
