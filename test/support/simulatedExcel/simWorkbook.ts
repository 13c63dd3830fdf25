/** The simulated workbook: its sheets, tables, names and calculation, and Excel's input parsing. */
import { Rect, intersects, rectAddress } from './address';
import { evaluateFormula } from './formula';
import { breakSheetRefs, renameSheetRefs } from './sheetRefs';
import { CellValue, SimCell, HostError } from './model';
import { SimSheet } from './simSheet';
import { SimTable } from './simTable';

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

export function assertSheetName(name: string): void {
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
