/** A table (ListObject) of the simulated workbook. */
import { Rect } from './address';
import { HostError } from './model';
import { SimSheet } from './simSheet';

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
