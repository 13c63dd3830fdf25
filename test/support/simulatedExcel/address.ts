/** A1 addresses for the simulated host: 0-based rectangles, inclusive bounds. */
import { a1 } from '../../../src/engine/address';

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(r: number, c: number): string {
  return a1(r, c);
}

export function rectAddress(rect: Rect): string {
  const a = cellAddress(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? a : `${a}:${cellAddress(rect.r1, rect.c1)}`;
}

/** Splits "'My Sheet'!A1:B2" into sheet name (or null) and the local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses A1, A1:C3, A:C (whole columns) and 1:3 (whole rows); returns null when malformed. */
export function parseRect(local: string): Rect | null {
  const parts = local.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2) return null;
  const ends = parts.map(parseEnd);
  if (ends.some((e) => e === null)) return null;
  const [a, b] = [ends[0]!, ends[ends.length - 1]!];
  if (a.kind !== b.kind) return null;
  if (a.kind === 'col') return norm({ r0: 0, c0: a.c, r1: MAX_ROWS - 1, c1: b.c });
  if (a.kind === 'row') return norm({ r0: a.r, c0: 0, r1: b.r, c1: MAX_COLS - 1 });
  return norm({ r0: a.r, c0: a.c, r1: b.r, c1: b.c });
}

type End =
  | { kind: 'cell'; r: number; c: number }
  | { kind: 'col'; r: number; c: number }
  | { kind: 'row'; r: number; c: number };

function parseEnd(s: string): End | null {
  let m = /^([A-Z]{1,3})(\d{1,7})$/.exec(s);
  if (m) return valid({ kind: 'cell', r: Number(m[2]) - 1, c: columnIndex(m[1]) });
  m = /^([A-Z]{1,3})$/.exec(s);
  if (m) return valid({ kind: 'col', r: 0, c: columnIndex(m[1]) });
  m = /^(\d{1,7})$/.exec(s);
  if (m) return valid({ kind: 'row', r: Number(m[1]) - 1, c: 0 });
  return null;
}

function valid(e: End): End | null {
  return e.r >= 0 && e.r < MAX_ROWS && e.c >= 0 && e.c < MAX_COLS ? e : null;
}

function norm(r: Rect): Rect {
  return {
    r0: Math.min(r.r0, r.r1),
    c0: Math.min(r.c0, r.c1),
    r1: Math.max(r.r0, r.r1),
    c1: Math.max(r.c0, r.c1),
  };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    outer.r0 <= inner.r0 && inner.r1 <= outer.r1 && outer.c0 <= inner.c0 && inner.c1 <= outer.c1
  );
}

export const LIMITS = { rows: MAX_ROWS, columns: MAX_COLS };
