/**
 * The in-memory workbook behind the simulated Excel host. It holds what the proxies read and
 * write, with the Excel rules the adapter relies on: input parsing of written strings, table
 * geometry (a table always keeps one body row), cell shifting on row insert/delete, unique names.
 */
import { Rect, contains, intersects, rectAddress } from './address';
import { evaluateFormula } from './formula';
import { breakSheetRefs, renameSheetRefs } from './sheetRefs';

export type CellValue = string | number | boolean;

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontName?: string;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Record<string, string>;
}

export interface SimCell {
  /** Constant value, or the calculated value of a formula (see SimWorkbook.recalculate). */
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  format?: CellFormat;
  /** Cells are locked unless unlocked, as in Excel. */
  locked?: boolean;
}

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface ConditionalFormat {
  rect: Rect;
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface DataValidationState {
  rect: Rect;
  rule?: unknown;
  ignoreBlanks?: boolean;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface SimChart {
  type: string;
  source: string;
  title?: string;
  name?: string;
  topLeft?: string;
  bottomRight?: string;
  series: { name?: string; values?: string; xValues?: string; chartType?: string }[];
}

const key = (r: number, c: number) => r * 16384 + c;

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

/**
 * A table: r0..r1 is Table.getRange(), which holds the header row only while it is shown and the
 * totals row while it is shown (learn.microsoft.com/javascript/api/excel/excel.table: showHeaders,
 * showTotals, getDataBodyRange, getHeaderRowRange, getTotalRowRange, ExcelApi 1.1). A hidden
 * header row leaves the sheet: the column names stay the table's (TableColumn.name).
 */
export class SimTable {
  style = 'TableStyleMedium2';
  showHeaders = true;
  showTotals = false;
  /** Column names, kept while the header row is hidden. */
  private names: string[] = [];
  /** Filter criteria by column offset (TableColumn.filter, ExcelApi 1.2). */
  readonly filters = new Map<number, unknown>();

  constructor(
    public name: string,
    public sheet: SimSheet,
    public r0: number,
    public c0: number,
    public r1: number,
    public c1: number,
  ) {}

  get rect(): Rect {
    return { r0: this.r0, c0: this.c0, r1: this.r1, c1: this.c1 };
  }

  get bodyRect(): Rect {
    return {
      r0: this.r0 + (this.showHeaders ? 1 : 0),
      c0: this.c0,
      r1: this.r1 - (this.showTotals ? 1 : 0),
      c1: this.c1,
    };
  }

  get bodyRows(): number {
    return this.bodyRect.r1 - this.bodyRect.r0 + 1;
  }

  get headerRect(): Rect {
    if (!this.showHeaders)
      throw new HostError('InvalidOperation', `The header row of table ${this.name} is hidden.`);
    return { r0: this.r0, c0: this.c0, r1: this.r0, c1: this.c1 };
  }

  /** Table.showHeaders: hiding takes the header row off the sheet, showing puts it back above. */
  setShowHeaders(show: boolean): void {
    if (show === this.showHeaders) return;
    if (show) {
      this.r0 -= 1;
      this.showHeaders = true;
      this.names.forEach((n, j) => (this.sheet.cellForWrite(this.r0, this.c0 + j).value = n));
    } else {
      this.names = this.headers();
      this.sheet.clearRect(this.headerRect, 'All');
      this.showHeaders = false;
      this.r0 += 1;
    }
  }

  /** Table.showTotals: the totals row goes below the body, labelled in its first column. */
  setShowTotals(show: boolean): void {
    if (show === this.showTotals) return;
    if (show) {
      this.r1 += 1;
      this.sheet.cellForWrite(this.r1, this.c0).value = '汇总';
    } else {
      this.sheet.clearRect({ r0: this.r1, c0: this.c0, r1: this.r1, c1: this.c1 }, 'All');
      this.r1 -= 1;
    }
    this.showTotals = show;
  }

  headers(): string[] {
    if (!this.showHeaders) return [...this.names];
    const out: string[] = [];
    for (let c = this.c0; c <= this.c1; c++)
      out.push(String(this.sheet.cell(this.r0, c)?.value ?? ''));
    return out;
  }

  /** Header cells are always unique, non-empty text in Excel. */
  fixHeaders(): void {
    const seen = new Set<string>();
    for (let c = this.c0; c <= this.c1; c++) {
      const cell = this.sheet.cellForWrite(this.r0, c);
      let text = cell.formula !== undefined ? '' : String(cell.value ?? '');
      delete cell.formula;
      if (text === '') text = `Column${c - this.c0 + 1}`;
      let unique = text;
      for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${text}${n}`;
      seen.add(unique.toLowerCase());
      cell.value = unique;
    }
  }

  /** TableRowCollection.add: inserts rows (shifting the cells below the table down) and fills them. */
  addRows(index: number | null, values: unknown[][]): void {
    const count = values.length;
    const bodyRows = this.bodyRows;
    const at = index === null || index < 0 ? bodyRows : index;
    if (at > bodyRows) throw new HostError('InvalidArgument', 'The row index is out of range.');
    values.forEach((row) => {
      if (row.length !== this.c1 - this.c0 + 1)
        throw new HostError('InvalidArgument', 'The number of columns does not match the table.');
    });
    const insertRow = this.bodyRect.r0 + at;
    this.sheet.shiftRows(this.c0, this.c1, insertRow, count, this);
    this.r1 += count;
    values.forEach((row, i) =>
      row.forEach((v, j) => this.sheet.input(insertRow + i, this.c0 + j, v)),
    );
  }
}

export class SimWorkbook {
  /** Set when a cell was written: values are recalculated before they are next read. */
  dirty = false;
  /**
   * Application.calculationMode (ExcelApi 1.1). "Manual: calculations only occur when the user or
   * add-in requests them" (learn.microsoft.com/javascript/api/excel/excel.calculationmode), e.g.
   * with Application.calculate (ExcelApi 1.1); until then formulas keep the values they had. A
   * formula being entered is calculated once, from its precedents' values as they stand.
   */
  calculationMode: 'Automatic' | 'Manual' = 'Automatic';
  /** Formula cells written since the last calculation. */
  readonly entered = new Set<SimCell>();
  /**
   * Workbook.protection.protected (ExcelApi 1.7, learn.microsoft.com/javascript/api/excel/
   * excel.workbookprotection): structure protection (审阅 › 保护工作簿) forbids adding, deleting,
   * renaming, moving, hiding and unhiding sheets (VBA Workbook.ProtectStructure: "you cannot
   * delete, add, or change the location of any sheets"). Enforced by the API layer (api.ts).
   */
  structureProtected = false;
  sheets: SimSheet[] = [];
  tables: SimTable[] = [];
  customProperties = new Map<string, unknown>();
  activeSheet: SimSheet | null = null;

  /**
   * Calculates every formula cell, each once, following references (formula.ts). Like Excel with
   * automatic calculation, but on demand. References are not adjusted when cells shift.
   */
  recalculate(): void {
    if (!this.dirty) return;
    this.calculate(false);
  }

  /** What a read sees: everything recalculated in automatic mode, only entered formulas in manual. */
  settle(): void {
    if (this.calculationMode === 'Automatic') this.recalculate();
    else if (this.entered.size) this.calculate(true);
  }

  /** `enteredOnly`: the formulas entered since the last calculation, other cells as they stand. */
  calculate(enteredOnly: boolean): void {
    if (!enteredOnly) this.dirty = false;
    const state = new Map<SimCell, 'busy' | 'done'>();
    const read = (sheet: SimSheet, r: number, c: number): CellValue | undefined => {
      const cell = sheet.cell(r, c);
      if (!cell || cell.formula === undefined) return cell?.value;
      if (enteredOnly && !this.entered.has(cell)) return cell.value;
      const seen = state.get(cell);
      if (seen === 'busy') return '#REF!';
      if (seen !== 'done') {
        state.set(cell, 'busy');
        cell.value = evaluateFormula(cell.formula, sheet, r, read);
        state.set(cell, 'done');
      }
      return cell.value;
    };
    for (const sheet of this.sheets) {
      for (const [k, cell] of sheet.cells)
        if (cell.formula !== undefined) read(sheet, Math.floor(k / 16384), k % 16384);
    }
    this.entered.clear();
  }

  /** Test set-up helper: adds a sheet without going through the API. */
  addSheet(name: string): SimSheet {
    assertSheetName(name);
    if (this.findSheet(name))
      throw new HostError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    const sheet = new SimSheet(this, name);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  findSheet(name: string): SimSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  findTable(name: string): SimTable | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  deleteSheet(sheet: SimSheet): void {
    if (
      this.sheets.filter((s) => s.visibility === 'Visible').length <= 1 &&
      sheet.visibility === 'Visible'
    ) {
      throw new HostError(
        'InvalidOperation',
        'A workbook must contain at least one visible worksheet.',
      );
    }
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.rewriteFormulas((f) => breakSheetRefs(f, sheet.name));
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0] ?? null;
  }

  renameSheet(sheet: SimSheet, name: string): void {
    assertSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== sheet)
      throw new HostError('InvalidArgument', `A sheet named ${name} already exists.`);
    const from = sheet.name;
    sheet.name = name;
    this.rewriteFormulas((f) => renameSheetRefs(f, from, name));
  }

  /** Rewrites the formula of every cell (see sheetRefs.ts); changed ones are recalculated. */
  private rewriteFormulas(rewrite: (formula: string) => string): void {
    for (const sheet of this.sheets)
      for (const cell of sheet.cells.values()) {
        if (cell.formula === undefined) continue;
        const next = rewrite(cell.formula);
        if (next === cell.formula) continue;
        cell.formula = next;
        this.dirty = true;
        this.entered.add(cell);
      }
  }

  moveSheet(sheet: SimSheet, position: number): void {
    if (position < 0 || position >= this.sheets.length)
      throw new HostError('InvalidArgument', 'The position is out of range.');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  addTable(sheet: SimSheet, rect: Rect): SimTable {
    if (rect.r1 <= rect.r0)
      throw new HostError(
        'InvalidArgument',
        'A table needs a header row and at least one body row.',
      );
    for (const t of sheet.tables) {
      if (intersects(t.rect, rect))
        throw new HostError(
          'InvalidOperation',
          `The range ${rectAddress(rect)} overlaps table ${t.name}.`,
        );
    }
    let n = this.tables.length + 1;
    while (this.findTable(`Table${n}`)) n++;
    const table = new SimTable(`Table${n}`, sheet, rect.r0, rect.c0, rect.r1, rect.c1);
    this.tables.push(table);
    table.fixHeaders();
    return table;
  }

  renameTable(table: SimTable, name: string): void {
    if (
      !/^[A-Za-z_\\\u0080-\uFFFF][A-Za-z0-9_.\\\u0080-\uFFFF]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name)
    ) {
      throw new HostError('InvalidArgument', `The table name ${name} is not valid.`);
    }
    const other = this.findTable(name);
    if (other && other !== table)
      throw new HostError('InvalidArgument', `A table named ${name} already exists.`);
    table.name = name;
  }
}

function assertSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 31 ||
    /[\\/?*[\]:]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw new HostError('InvalidArgument', `The sheet name "${name}" is not valid.`);
  }
}

/**
 * What Excel makes of a string typed or written through `values`/`formulas`: a leading apostrophe
 * forces text (and is not part of the value), '=' starts a formula, '+'/'-'/'@' start one unless
 * the rest is a number, numbers/booleans/percentages are converted. A text-formatted ('@') cell
 * keeps the string as is, apostrophe included.
 */
export function parseInput(
  raw: unknown,
  textFormatted: boolean,
): { value?: CellValue; formula?: string; numberFormat?: string } {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new HostError('InvalidArgument', 'Numbers must be finite.');
    return { value: raw };
  }
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw !== 'string')
    throw new HostError('InvalidArgument', `Unsupported cell input ${JSON.stringify(raw)}.`);
  if (raw === '') return {};
  // Conservative: a text-formatted cell is taken to keep the apostrophe as part of its text.
  if (textFormatted) return { value: raw };
  if (raw.startsWith("'")) return raw.length > 1 ? { value: raw.slice(1) } : {};
  const numeric = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim());
  if (numeric) return { value: Number(raw.trim()) };
  const percent = /^[+-]?(\d+\.?\d*|\.\d+)%$/.exec(raw.trim());
  if (percent) return { value: Number(raw.trim().slice(0, -1)) / 100, numberFormat: '0%' };
  // A typed date becomes its serial number in a date format, and range.values returns the number
  // (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-dates; 25569 = 1970-01-01).
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(raw.trim());
  if (date) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    return { value: ms / 86400000 + 25569, numberFormat: 'yyyy/m/d' };
  }
  if (raw.startsWith('=') && raw.length > 1) return { formula: raw };
  if (/^[+\-@]/.test(raw) && raw.length > 1)
    return { formula: raw.startsWith('@') ? `=${raw.slice(1)}` : `=${raw}` };
  if (/^(true|false)$/i.test(raw)) return { value: raw.toLowerCase() === 'true' };
  return { value: raw };
}
