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

const empty = (v: Scalar | undefined) => v === null || v === undefined || v === '';

/**
 * cyrb53, a fast 53-bit string hash (no crypto needed, so it runs in the task pane too), fed piece
 * by piece: a bulletin's text is never built as one string.
 */
class Cyrb53 {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  add(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  /** A cell: `n` and the number to 12 digits, `b` and the boolean, `s` and the text. */
  addToken(v: Scalar): void {
    if (typeof v === 'number') {
      this.add('n');
      // An integer of 12 digits or fewer is its own 12-digit rounding (-0 written as 0 either way).
      this.add(String(Number.isInteger(v) && Math.abs(v) < 1e12 ? v : Number(v.toPrecision(12))));
    } else {
      this.add(typeof v === 'boolean' ? 'b' : 's');
      this.add(String(v));
    }
  }

  digest(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  }
}

/**
 * The fingerprint of a grid of values, with empty rows and columns around it trimmed: the hash of
 * its used rows from the leftmost used column, each row's cells to its last used one as tokens
 * joined by U+0001, the rows joined by U+0002 (empty cells, `''` and null alike, are empty tokens).
 */
export function gridHash(grid: readonly (readonly (Scalar | undefined)[] | undefined)[]): string {
  let first = -1;
  let last = -1;
  let left = Infinity;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    for (let c = 0; c < row.length && c < left; c++)
      if (!empty(row[c])) {
        left = c;
        break;
      }
    if (row.some((v) => !empty(v))) {
      if (first < 0) first = r;
      last = r;
    }
  }
  const hash = new Cyrb53();
  for (let r = first; r >= 0 && r <= last; r++) {
    if (r > first) hash.add('\u0002');
    const row = grid[r] ?? [];
    let end = row.length;
    while (end > left && empty(row[end - 1])) end--;
    for (let c = left; c < end; c++) {
      if (c > left) hash.add('\u0001');
      const v = row[c];
      if (!empty(v)) hash.addToken(v as Scalar);
    }
  }
  return hash.digest();
}
