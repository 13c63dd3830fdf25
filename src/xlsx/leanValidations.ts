/**
 * The data validations of a lean sheet, kept as ranges. ExcelJS expands each loaded validation range
 * into one entry per cell (80,000 on a province's 完成情况), which compactValidations (book.ts) then
 * folds back into column runs. For a lean sheet each validation's sqref is cut to its first cell
 * before ExcelJS reads it, and the runs compactValidations would make are set after loading.
 */
import type ExcelJS from 'exceljs';
import { columnName, plainRange } from '../engine/address';
import { setValidationModel, validationModel } from './excelInternals';

/** One validation: the cell ExcelJS is given, and the rows it covers by column. */
export interface CutValidation {
  first: string;
  byColumn: Map<number, [number, number][]>;
}

const compacted = new WeakSet<ExcelJS.Worksheet>();

/** Whether the sheet's validations were set as runs here (compactValidations leaves them). */
export function validationsCompacted(ws: ExcelJS.Worksheet): boolean {
  return compacted.has(ws);
}

/** Column → row intervals of a sqref, or null when it is not plain A1 ranges. */
function intervals(sqref: string): Map<number, [number, number][]> | null {
  const out = new Map<number, [number, number][]>();
  for (const part of sqref.trim().split(/\s+/)) {
    const r = plainRange(part);
    if (!r) return null;
    // Columns 1-based, rows 1-based, as in the package.
    for (let c = r.left + 1; c <= r.right + 1; c++) {
      const list = out.get(c) ?? [];
      list.push([r.top + 1, r.bottom + 1]);
      out.set(c, list);
    }
  }
  return out;
}

/** Each column's intervals sorted and joined where they touch or overlap. */
function merged(list: [number, number][]): [number, number][] {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * The sheet XML with each validation's sqref cut to its first cell, and what to restore; null (the
 * sheet left to ExcelJS and compactValidations) when a sqref is not plain ranges or two
 * validations overlap.
 */
export function cutValidations(xml: string): { xml: string; cut: CutValidation[] } | null {
  const cut: CutValidation[] = [];
  const taken = new Map<number, [number, number][]>();
  const out = xml.replace(/<dataValidation\b([^>]*?)\bsqref="([^"]*)"/g, (all, head, sqref) => {
    const byColumn = intervals(sqref);
    if (!byColumn) throw new Overlap();
    for (const [c, rows] of byColumn) {
      byColumn.set(c, merged(rows));
      taken.set(c, [...(taken.get(c) ?? []), ...merged(rows)]);
    }
    const c = Math.min(...byColumn.keys());
    const first = `${columnName(c - 1)}${byColumn.get(c)![0][0]}`;
    cut.push({ first, byColumn });
    return `<dataValidation${head}sqref="${first}"`;
  });
  for (const rows of taken.values()) {
    const sorted = [...rows].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) if (sorted[i][0] <= sorted[i - 1][1]) return null;
  }
  return { xml: out, cut };
}

class Overlap extends Error {}

/** cutValidations, or null for anything it does not handle. */
export function tryCutValidations(xml: string): { xml: string; cut: CutValidation[] } | null {
  if (!xml.includes('<dataValidation')) return { xml, cut: [] };
  try {
    return cutValidations(xml);
  } catch (e) {
    if (e instanceof Overlap) return null;
    throw e;
  }
}

/**
 * After loading: the runs compactValidations (book.ts) would make of ExcelJS's cells, in its order:
 * validations alike (the same JSON) are one group, by first appearance; a group's cells by column
 * and row, consecutive rows of a column one run; each run given the group's last object.
 */
export function restoreValidations(ws: ExcelJS.Worksheet, cut: CutValidation[]): void {
  if (!cut.length) return;
  const loaded = validationModel(ws);
  const groups = new Map<string, { spec: unknown; byColumn: Map<number, [number, number][]> }>();
  for (const { first, byColumn } of cut) {
    const spec = loaded[first];
    if (!spec) throw new Error(`lean sheet ${ws.name}: validation at ${first} not loaded`);
    const key = JSON.stringify(spec);
    const group = groups.get(key) ?? { spec, byColumn: new Map() };
    group.spec = spec;
    for (const [c, rows] of byColumn)
      group.byColumn.set(c, [...(group.byColumn.get(c) ?? []), ...rows]);
    groups.set(key, group);
  }
  const model: Record<string, unknown> = {};
  for (const { spec, byColumn } of groups.values())
    for (const c of [...byColumn.keys()].sort((a, b) => a - b)) {
      const letters = columnName(c - 1);
      for (const [a, b] of merged(byColumn.get(c) ?? []))
        model[a === b ? `${letters}${a}` : `${letters}${a}:${letters}${b}`] = spec;
    }
  setValidationModel(ws, model);
  compacted.add(ws);
}
