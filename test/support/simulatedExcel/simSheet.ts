/** A sheet of the simulated workbook: cells, merges, formats and the cell shifts of row edits. */
import { Rect, contains, intersects } from './address';
import { SimCell, HostError, ConditionalFormat, DataValidationState, SimChart } from './model';
import { SimTable } from './simTable';
import { SimWorkbook, parseInput } from './simWorkbook';

export const key = (r: number, c: number) => r * 16384 + c;

export class SimSheet {
  readonly cells = new Map<number, SimCell>();
  merges: Rect[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  tabColor = '';
  visibility = 'Visible';
  freeze: { rows: number; columns: number } | null = null;
  protection: { protected: boolean; options?: unknown } = { protected: false };
  conditionalFormats: ConditionalFormat[] = [];
  validations: DataValidationState[] = [];
  pageLayout: Record<string, unknown> = {};
  charts: SimChart[] = [];

  constructor(
    readonly book: SimWorkbook,
    public name: string,
  ) {}

  cell(r: number, c: number): SimCell | undefined {
    return this.cells.get(key(r, c));
  }

  cellForWrite(r: number, c: number): SimCell {
    let cell = this.cells.get(key(r, c));
    if (!cell) {
      cell = {};
      this.cells.set(key(r, c), cell);
    }
    return cell;
  }

  get position(): number {
    return this.book.sheets.indexOf(this);
  }

  get tables(): SimTable[] {
    return this.book.tables.filter((t) => t.sheet === this);
  }

  /** Used range (values only, or with formats): the bounding box of non-empty cells. */
  usedRect(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    for (const [k, cell] of this.cells) {
      const has = cell.value !== undefined || cell.formula !== undefined;
      if (!has && (valuesOnly || (cell.numberFormat === undefined && cell.format === undefined)))
        continue;
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      rect = rect
        ? {
            r0: Math.min(rect.r0, r),
            c0: Math.min(rect.c0, c),
            r1: Math.max(rect.r1, r),
            c1: Math.max(rect.c1, c),
          }
        : { r0: r, c0: c, r1: r, c1: c };
    }
    return rect;
  }

  /** Writes one input (what a user would type, or an Office.js values/formulas entry) into a cell. */
  input(r: number, c: number, raw: unknown): void {
    if (raw === null || raw === undefined) return; // Office.js: null leaves the cell unchanged
    if (this.protection.protected && this.cell(r, c)?.locked !== false) {
      throw new HostError(
        'AccessDenied',
        `The cell or chart you're trying to change is on a protected sheet (${this.name}).`,
      );
    }
    const cell = this.cellForWrite(r, c);
    const parsed = parseInput(raw, cell.numberFormat === '@');
    delete cell.value;
    delete cell.formula;
    this.book.dirty = true;
    if (parsed.formula !== undefined) {
      cell.formula = parsed.formula;
      this.book.entered.add(cell);
    } else if (parsed.value !== undefined) cell.value = parsed.value;
    if (
      parsed.numberFormat &&
      (cell.numberFormat === undefined || cell.numberFormat === 'General')
    ) {
      cell.numberFormat = parsed.numberFormat;
    }
    const table = this.tables.find((t) => t.showHeaders && t.r0 === r && c >= t.c0 && c <= t.c1);
    if (table) table.fixHeaders();
  }

  clearRect(rect: Rect, what: 'All' | 'Contents' | 'Formats'): void {
    for (const [k, cell] of [...this.cells]) {
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      if (r < rect.r0 || r > rect.r1 || c < rect.c0 || c > rect.c1) continue;
      if (what !== 'Formats') {
        delete cell.value;
        delete cell.formula;
      }
      if (what !== 'Contents') {
        delete cell.numberFormat;
        delete cell.format;
        delete cell.locked;
      }
      if (Object.keys(cell).length === 0) this.cells.delete(k);
    }
    if (what !== 'Contents') this.merges = this.merges.filter((m) => !contains(rect, m));
  }

  /** Moves the cells of columns c0..c1 at or below `fromRow` by `delta` rows (negative: up). */
  shiftRows(c0: number, c1: number, fromRow: number, delta: number, growing?: SimTable): void {
    this.assertTablesMovable({ r0: fromRow, c0, r1: Number.MAX_SAFE_INTEGER, c1 }, growing);
    const moved: [number, SimCell][] = [];
    for (const [k, cell] of [...this.cells]) {
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      if (c < c0 || c > c1 || r < fromRow) continue;
      this.cells.delete(k);
      moved.push([key(r + delta, c), cell]);
    }
    for (const [k, cell] of moved) this.cells.set(k, cell);
    for (const t of this.tables) {
      if (t !== growing && t.r0 >= fromRow && t.c0 >= c0 && t.c1 <= c1) {
        t.r0 += delta;
        t.r1 += delta;
      }
    }
  }

  /** Excel refuses to shift cells when that would cut through a table. */
  private assertTablesMovable(band: Rect, except?: SimTable): void {
    for (const t of this.tables) {
      if (t === except || !intersects(t.rect, band)) continue;
      if (!contains(band, t.rect)) {
        throw new HostError(
          'InvalidOperation',
          `This operation would move part of table ${t.name}.`,
        );
      }
    }
  }

  /**
   * Range.delete(shift up). Deleting whole body rows of a table shrinks the table. In a table with
   * a filter applied, Excel deletes nothing or throws GeneralException ("Can't move cells in a
   * filtered range or table": OfficeDev/office-js #994, #468; xlwings #2587): modelled as the throw.
   */
  deleteRect(rect: Rect): void {
    for (const t of this.tables) {
      if (!intersects(t.rect, rect)) continue;
      if (t.filters.size)
        throw new HostError('GeneralException', "Can't move cells in a filtered range or table.");
      const body = t.bodyRect;
      const wholeBodyRows =
        rect.r0 >= body.r0 && rect.r1 <= body.r1 && rect.c0 <= t.c0 && rect.c1 >= t.c1;
      if (!wholeBodyRows)
        throw new HostError(
          'InvalidOperation',
          `This operation would move part of table ${t.name}.`,
        );
      if (t.bodyRows - (rect.r1 - rect.r0 + 1) < 1) {
        throw new HostError('InvalidOperation', `Table ${t.name} must keep at least one row.`);
      }
    }
    const shrunk = this.tables.filter((t) => intersects(t.rect, rect));
    const below = this.tables.filter(
      (t) =>
        !shrunk.includes(t) &&
        t.r0 > rect.r1 &&
        intersects(t.rect, { ...rect, r1: Number.MAX_SAFE_INTEGER }),
    );
    const cut = below.find((t) => t.c0 < rect.c0 || t.c1 > rect.c1);
    if (cut)
      throw new HostError(
        'InvalidOperation',
        `This operation would move part of table ${cut.name}.`,
      );
    const h = rect.r1 - rect.r0 + 1;
    this.clearRect(rect, 'All');
    for (const t of shrunk) t.r1 -= h;
    for (const t of below) {
      t.r0 -= h;
      t.r1 -= h;
    }
    const moved: [number, SimCell][] = [];
    for (const [k, cell] of [...this.cells]) {
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      if (c < rect.c0 || c > rect.c1 || r <= rect.r1) continue;
      this.cells.delete(k);
      moved.push([key(r - h, c), cell]);
    }
    for (const [k, cell] of moved) this.cells.set(k, cell);
  }
}
