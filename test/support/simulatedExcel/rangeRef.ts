/** A range proxy's target in the simulated model (a sheet and a rectangle) and its cell helpers. */
import { Rect, parseRect, splitSheet } from './address';
import { CellFormat, HostError } from './model';
import { SimSheet } from './simSheet';
import { SimWorkbook } from './simWorkbook';

export interface RangeRef {
  sheet: SimSheet;
  rect: Rect;
}

export function parseLocal(address: string): Rect {
  const rect = parseRect(address);
  if (!rect) throw new HostError('InvalidArgument', `The address ${address} is not valid.`);
  return rect;
}

export function resolveAddress(
  book: SimWorkbook,
  address: string,
  defaultSheet: SimSheet | null,
): RangeRef {
  const { sheet, local } = splitSheet(address);
  const target = sheet === null ? defaultSheet : book.findSheet(sheet);
  if (!target) throw new HostError('ItemNotFound', `The sheet of ${address} does not exist.`);
  return { sheet: target, rect: parseLocal(local) };
}

/** A 2-D input must match the range's shape; a single value applies to every cell. */
export function matrixFor(ref: RangeRef, input: unknown): unknown[][] {
  const rows = ref.rect.r1 - ref.rect.r0 + 1;
  const cols = ref.rect.c1 - ref.rect.c0 + 1;
  if (!Array.isArray(input))
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => input));
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new HostError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
    );
  }
  return input as unknown[][];
}

export function mapCells<V>(ref: RangeRef, read: (r: number, c: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = ref.rect.r0; r <= ref.rect.r1; r++) {
    const row: V[] = [];
    for (let c = ref.rect.c0; c <= ref.rect.c1; c++) row.push(read(r, c));
    out.push(row);
  }
  return out;
}

export function formatOf(ref: RangeRef, r: number, c: number): CellFormat {
  const cell = ref.sheet.cellForWrite(r, c);
  cell.format ??= {};
  return cell.format;
}

export function eachCell(ref: RangeRef, f: (r: number, c: number) => void): void {
  for (let r = ref.rect.r0; r <= ref.rect.r1; r++)
    for (let c = ref.rect.c0; c <= ref.rect.c1; c++) f(r, c);
}

export function sub(ref: RangeRef, rect: Rect): RangeRef {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    throw new HostError('InvalidArgument', 'The resulting range is outside the worksheet.');
  }
  return { sheet: ref.sheet, rect };
}
