/**
 * Sheets a job reads as values and then lays out afresh (run's bulletin): kept out of ExcelJS's
 * cells on loading (docs/province-scale.md). Their values are read by the lean scanner
 * (leanLoad.ts) and merged ranges applied as ExcelJS applies them on loading; the ExcelJS sheet is
 * left without cells, so saving a book that still holds one is refused: the job must replace it.
 */
import type ExcelJS from 'exceljs';
import type { Scalar } from '../plan/types';
import { mergeAreas } from './excelInternals';
import { LeanSheet, leanValues } from './leanSheet';
import { xmlText } from './leanXml';

const replacedValues = new WeakMap<ExcelJS.Worksheet, Scalar[][]>();

/** The worksheet part of each named sheet (xl/workbook.xml and its relationships), when plain. */
export function sheetParts(parts: Map<string, Buffer>, names: readonly string[]): Set<string> {
  const out = new Set<string>();
  if (!names.length) return out;
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  const rels = parts.get('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id && targets.get(id);
    if (name !== undefined && part && names.includes(xmlText(name))) out.add(part);
  }
  return out;
}

/**
 * Whether a sheet part can be read as values only: no table (its rows would be read from cells),
 * nothing ExcelJS ties to cell values besides merges, no merge reaching the stub row.
 */
export function replaceable(xml: string, stubRow: number): boolean {
  if (/<(tablePart|hyperlinks|legacyDrawing|legacyDrawingHF)\b/.test(xml)) return false;
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="[A-Z]*(\d+)(?::[A-Z]*(\d+))?"/g))
    if (Math.max(Number(m[1]), Number(m[2] ?? 0)) >= stubRow) return false;
  return true;
}

/**
 * Keeps what sheetValues (snapshot.ts) reads from the ExcelJS sheet ExcelJS would have loaded, its
 * merged ranges' non-top-left cells read as leanValues reads them.
 */
export function setReplacedValues(
  ws: ExcelJS.Worksheet,
  sheet: LeanSheet,
  date1904: boolean,
): void {
  const merged = new Map<number, Set<number>>();
  for (const m of mergeAreas(ws))
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
