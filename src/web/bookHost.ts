/**
 * The 网页版's host: one ExcelJS workbook held in the page, read and written through the same
 * ExcelJS adapter as the CLI (src/xlsx), so a step gives the cells the CLI gives. A lazy chunk:
 * ExcelJS loads after the first paint.
 */
import ExcelJS from 'exceljs';
import { decodeCell } from '../engine/address';
import type { Host, HostReadOptions } from '../taskpane/host';
import type { BookPlan, BookSnapshot } from '../plan/types';
import { applyBookPlan, bookBuffer, loadBookBuffer, readSnapshot } from '../xlsx';
import { rawValue } from '../xlsx/cells';

/** A sheet as the read-only view shows it: display texts, merged ranges and column widths. */
export interface SheetGrid {
  name: string;
  rows: string[][];
  /** Merged ranges as [top, left, bottom, right], zero-based and inclusive. */
  merges: [number, number, number, number][];
  /** Column widths in characters (Excel's unit), undefined where the sheet sets none. */
  widths: (number | undefined)[];
}

/** A number as its cell's format shows it: percentages and fixed decimals, else two at most. */
function formatNumber(n: number, numFmt: string | undefined): string {
  const decimals = /0\.(0+)/.exec(numFmt ?? '')?.[1].length ?? 0;
  if (numFmt?.includes('%')) return `${(n * 100).toFixed(decimals)}%`;
  if (decimals) return n.toFixed(decimals);
  return String(Math.round(n * 100) / 100);
}

function display(cell: ExcelJS.Cell): string {
  const v = rawValue(cell);
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return formatNumber(v, cell.numFmt);
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined || r === null) return `=${(v as ExcelJS.CellFormulaValue).formula ?? ''}`;
      return typeof r === 'number' ? formatNumber(r, cell.numFmt) : String(r);
    }
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

const cellIndex = (a: string): [number, number] => {
  const { col, row } = decodeCell(a);
  return [row - 1, col];
};

export class BookHost implements Host {
  private wb = new ExcelJS.Workbook();
  /** Custom properties the jobs set since the book was opened, written when it is saved. */
  private properties: Record<string, string> = {};
  private listeners = new Set<() => void>();
  /** The sheet the last job asked to show (Excel would select it), until the view takes it. */
  private activated: string | undefined;
  dirty = false;

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  async read(options: HostReadOptions = {}): Promise<BookSnapshot> {
    return readSnapshot(this.wb, options.sheets ?? []);
  }

  async run<R extends { plan: BookPlan }>(
    job: (snapshot: BookSnapshot) => R,
    options: HostReadOptions = {},
  ): Promise<R & { notices: string[] }> {
    const result = job(readSnapshot(this.wb, options.sheets ?? []));
    applyBookPlan(this.wb, result.plan);
    Object.assign(this.properties, result.plan.properties ?? {});
    if (result.plan.activate) this.activated = result.plan.activate;
    this.dirty = true;
    this.changed();
    // ExcelJS writes every feature a plan asks for: nothing to report as skipped
    return { ...result, notices: [] };
  }

  /** Replaces the book by a file's (an xlsx package); the book held until now is dropped. */
  async open(data: Uint8Array, name: string): Promise<void> {
    // The grid below reads ExcelJS cells: no lean sheets here.
    this.wb = await loadBookBuffer(Buffer.from(data), name, { lean: false });
    this.reset();
  }

  /** An empty workbook, to start from the sample or a blank plan. */
  empty(): void {
    this.wb = new ExcelJS.Workbook();
    this.reset();
  }

  private reset(): void {
    this.properties = {};
    this.activated = undefined;
    this.dirty = false;
    this.changed();
  }

  /** The xlsx package of the book as it is now. */
  async package(): Promise<Uint8Array> {
    return new Uint8Array(await bookBuffer(this.wb, { properties: this.properties }));
  }

  takeActivated(): string | undefined {
    const sheet = this.activated;
    this.activated = undefined;
    return sheet;
  }

  markSaved(): void {
    this.dirty = false;
    this.changed();
  }

  sheetNames(): string[] {
    return this.wb.worksheets.map((ws) => ws.name);
  }

  sheet(name: string): SheetGrid | undefined {
    const ws = this.wb.getWorksheet(name);
    if (!ws) return undefined;
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells[c - 1] = cell.isMerged && cell.master !== cell ? '' : display(cell);
      });
      rows[r - 1] = Array.from(cells, (c) => c ?? '');
    });
    const width = Math.max(0, ...rows.map((r) => r?.length ?? 0));
    const merges = (ws.model.merges ?? []).map((range): [number, number, number, number] => {
      const [a, b = a] = range.split(':');
      return [...cellIndex(a), ...cellIndex(b)];
    });
    return {
      name,
      rows: Array.from(rows, (r) => r ?? []),
      merges,
      widths: Array.from({ length: width }, (_, i) => ws.getColumn(i + 1).width),
    };
  }
}

/** The page's one book. */
export const bookHost = new BookHost();
