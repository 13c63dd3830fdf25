/** Excel.Range of the simulated host: values, formulas, formats and the structure edits on a range. */
import { rectAddress } from './address';
import { HostError } from './model';
import { Proxy, SimRequestContext } from './runtime';
import { fillCalculatedColumns } from './calculatedColumns';
import { quoteSheetName } from './sheetRefs';
import { RangeRef, matrixFor, mapCells, eachCell, sub } from './rangeRef';
import { RangeFormat, ConditionalFormatCollection, DataValidation } from './apiRangeFormat';
import { Worksheet } from './apiWorksheet';

export class Range extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'Range');
  }

  protected override _scalars(): string[] {
    return [
      'address',
      'addressLocal',
      'values',
      'formulas',
      'numberFormat',
      'rowCount',
      'columnCount',
      'rowIndex',
      'columnIndex',
      'text',
    ];
  }

  protected override _read(ref: RangeRef, prop: string): unknown {
    const { rect, sheet } = ref;
    sheet.book.settle();
    switch (prop) {
      case 'address':
      case 'addressLocal':
        return `${quoteSheetName(sheet.name)}!${rectAddress(rect)}`;
      case 'values':
        return mapCells(ref, (r, c) => sheet.cell(r, c)?.value ?? '');
      case 'text':
        return mapCells(ref, (r, c) => String(sheet.cell(r, c)?.value ?? ''));
      case 'formulas':
        return mapCells(ref, (r, c) => sheet.cell(r, c)?.formula ?? sheet.cell(r, c)?.value ?? '');
      case 'numberFormat':
        return mapCells(ref, (r, c) => sheet.cell(r, c)?.numberFormat ?? 'General');
      case 'rowCount':
        return rect.r1 - rect.r0 + 1;
      case 'columnCount':
        return rect.c1 - rect.c0 + 1;
      case 'rowIndex':
        return rect.r0;
      default:
        return rect.c0;
    }
  }

  protected override _navigate(prop: string): Proxy<unknown> | undefined {
    return prop === 'worksheet' ? this.worksheet : prop === 'format' ? this.format : undefined;
  }

  get address(): string {
    return this._get('address');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  set values(input: unknown[][]) {
    this._set('values', input, (ref, v) => {
      const m = matrixFor(ref, v);
      eachCell(ref, (r, c) => ref.sheet.input(r, c, m[r - ref.rect.r0][c - ref.rect.c0]));
      fillCalculatedColumns(ref.sheet, ref.rect);
    });
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(input: unknown[][]) {
    this._set('formulas', input, (ref, v) => {
      const m = matrixFor(ref, v);
      eachCell(ref, (r, c) => ref.sheet.input(r, c, m[r - ref.rect.r0][c - ref.rect.c0]));
      fillCalculatedColumns(ref.sheet, ref.rect);
    });
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(input: string[][]) {
    this._set('numberFormat', input, (ref, v) => {
      const m = matrixFor(ref, v);
      eachCell(ref, (r, c) => {
        const f = m[r - ref.rect.r0][c - ref.rect.c0];
        if (f === null || f === undefined) return;
        if (typeof f !== 'string')
          throw new HostError('InvalidArgument', 'A number format must be a string.');
        ref.sheet.cellForWrite(r, c).numberFormat = f;
      });
    });
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get text(): string[][] {
    return this._get('text');
  }

  get worksheet(): Worksheet {
    return this._nav(
      'worksheet',
      () => new Worksheet(this.context),
      (ref) => ref.sheet,
    );
  }
  get format(): RangeFormat {
    return this._nav(
      'format',
      () => new RangeFormat(this.context),
      (ref) => ref,
    );
  }
  get conditionalFormats(): ConditionalFormatCollection {
    this.context.requireApi('1.6', 'Range.conditionalFormats');
    return this._nav(
      'conditionalFormats',
      () => new ConditionalFormatCollection(this.context),
      (ref) => ref,
    );
  }
  get dataValidation(): DataValidation {
    this.context.requireApi('1.8', 'Range.dataValidation');
    return this._nav(
      'dataValidation',
      () => new DataValidation(this.context),
      (ref) => ref,
    );
  }

  getCell(row: number, column: number): Range {
    return this._child(new Range(this.context), 'getCell', [row, column], (ref) =>
      sub(ref, {
        r0: ref.rect.r0 + row,
        c0: ref.rect.c0 + column,
        r1: ref.rect.r0 + row,
        c1: ref.rect.c0 + column,
      }),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._child(
      new Range(this.context),
      'getResizedRange',
      [deltaRows, deltaColumns],
      (ref) =>
        sub(ref, { ...ref.rect, r1: ref.rect.r1 + deltaRows, c1: ref.rect.c1 + deltaColumns }),
    );
  }
  getRow(row: number): Range {
    return this._child(new Range(this.context), 'getRow', [row], (ref) =>
      sub(ref, { ...ref.rect, r0: ref.rect.r0 + row, r1: ref.rect.r0 + row }),
    );
  }
  merge(across = false): void {
    this._call('merge', [across], (ref) => {
      const rows = across ? mapCells(ref, (r) => r).map((row) => row[0]) : [ref.rect.r0];
      for (const r0 of rows) {
        const m = across ? { ...ref.rect, r0, r1: r0 } : ref.rect;
        if (
          ref.sheet.tables.some(
            (t) => t.rect.r0 <= m.r1 && m.r0 <= t.rect.r1 && t.rect.c0 <= m.c1 && m.c0 <= t.rect.c1,
          )
        ) {
          throw new HostError('InvalidOperation', 'Cells in a table cannot be merged.');
        }
        ref.sheet.merges = ref.sheet.merges.filter(
          (x) => !(x.r0 <= m.r1 && m.r0 <= x.r1 && x.c0 <= m.c1 && m.c0 <= x.c1),
        );
        ref.sheet.merges.push(m);
        // Excel keeps only the top-left value of merged cells.
        for (let r = m.r0; r <= m.r1; r++) {
          for (let c = m.c0; c <= m.c1; c++) {
            const cell = r === m.r0 && c === m.c0 ? undefined : ref.sheet.cell(r, c);
            if (cell) {
              delete cell.value;
              delete cell.formula;
            }
          }
        }
      }
    });
  }
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this._call('clear', [applyTo], (ref) => ref.sheet.clearRect(ref.rect, applyTo));
  }
  delete(shift: 'Up'): void {
    this._call('delete', [shift], (ref) => ref.sheet.deleteRect(ref.rect));
  }
}
