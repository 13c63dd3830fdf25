/**
 * A fingerprint of what a sheet shows, to tell whether a user edited a generated sheet: `run`
 * stores the fingerprint of the bulletin it wrote in TD_Log and compares it with the sheet's values
 * next time. It must give the same result for the plan's values and for the values either adapter
 * reads back, so it ignores position (Office.js reads the used range, not from A1), empty strings
 * versus empty cells, and the last bits of numbers (a recalculation may redo a division).
 */
import type { PlanCell, Scalar, SheetPlan } from '../types';
import { decodeCell } from '../../engine/address';

function scalarOf(c: PlanCell): Scalar {
  return typeof c === 'object' && c !== null ? c.value : c;
}

/** The values a sheet plan writes, as a grid from A1. */
export function sheetPlanGrid(plan: SheetPlan): Scalar[][] {
  const grid: Scalar[][] = [];
  const put = (col: number, row: number, v: Scalar) => {
    (grid[row - 1] ??= [])[col] = v;
  };
  for (const r of plan.ranges) {
    const { col, row } = decodeCell(r.at);
    r.values.forEach((cells, i) => cells.forEach((v, j) => put(col + j, row + i, scalarOf(v))));
  }
  for (const t of plan.tables ?? []) {
    const { col, row } = decodeCell(t.at);
    t.columns.forEach((c, j) => put(col + j, row, c.header));
    t.rows.forEach((cells, i) => cells.forEach((v, j) => put(col + j, row + 1 + i, scalarOf(v))));
  }
  return Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
}

function token(v: Scalar | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') return `n${Number(v.toPrecision(12))}`;
  if (typeof v === 'boolean') return `b${v}`;
  return `s${v}`;
}

/** cyrb53: a fast 53-bit string hash (no crypto needed, so it runs in the task pane too). */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The fingerprint of a grid of values, with empty rows and columns around it trimmed. */
export function gridHash(grid: readonly (readonly (Scalar | undefined)[] | undefined)[]): string {
  const rows = grid.map((r) => Array.from(r ?? [], token));
  const used = (r: string[]) => r.some((t) => t !== '');
  while (rows.length && !used(rows[rows.length - 1])) rows.pop();
  while (rows.length && !used(rows[0])) rows.shift();
  let left = Infinity;
  for (const r of rows) {
    const i = r.findIndex((t) => t !== '');
    if (i >= 0) left = Math.min(left, i);
  }
  const lines = rows.map((r) => {
    const cells = r.slice(left === Infinity ? 0 : left);
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    return cells.join('\u0001');
  });
  return cyrb53(lines.join('\u0002'));
}
