/**
 * The subset of the Excel JavaScript API the adapter uses, as proxies over the in-memory model.
 * Names and semantics follow Office.js; members above ExcelApi 1.7 fail with ApiNotFound at sync
 * when the host is configured with a lower version.
 */
import { Rect, cellAddress, intersects, parseRect, rectAddress, splitSheet } from './address';
import { CellFormat, HostError, SimChart, SimSheet, SimTable, SimWorkbook } from './model';
import { CollectionProxy, Proxy, SimRequestContext } from './runtime';
import { fillCalculatedColumns } from './calculatedColumns';
import { quoteSheetName } from './sheetRefs';

interface RangeRef {
  sheet: SimSheet;
  rect: Rect;
}

function parseLocal(address: string): Rect {
  const rect = parseRect(address);
  if (!rect) throw new HostError('InvalidArgument', `The address ${address} is not valid.`);
  return rect;
}

function resolveAddress(
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
function matrixFor(ref: RangeRef, input: unknown): unknown[][] {
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

function mapCells<V>(ref: RangeRef, read: (r: number, c: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = ref.rect.r0; r <= ref.rect.r1; r++) {
    const row: V[] = [];
    for (let c = ref.rect.c0; c <= ref.rect.c1; c++) row.push(read(r, c));
    out.push(row);
  }
  return out;
}

function formatOf(ref: RangeRef, r: number, c: number): CellFormat {
  const cell = ref.sheet.cellForWrite(r, c);
  cell.format ??= {};
  return cell.format;
}

function eachCell(ref: RangeRef, f: (r: number, c: number) => void): void {
  for (let r = ref.rect.r0; r <= ref.rect.r1; r++)
    for (let c = ref.rect.c0; c <= ref.rect.c1; c++) f(r, c);
}

function sub(ref: RangeRef, rect: Rect): RangeRef {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    throw new HostError('InvalidArgument', 'The resulting range is outside the worksheet.');
  }
  return { sheet: ref.sheet, rect };
}

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

export class RangeFormat extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'RangeFormat');
  }
  protected override _scalars(): string[] {
    return ['columnWidth', 'rowHeight', 'horizontalAlignment', 'verticalAlignment', 'wrapText'];
  }
  protected override _read(ref: RangeRef, prop: string): unknown {
    const first = ref.sheet.cell(ref.rect.r0, ref.rect.c0)?.format ?? {};
    if (prop === 'columnWidth') return ref.sheet.columnWidths.get(ref.rect.c0) ?? 48;
    if (prop === 'rowHeight') return ref.sheet.rowHeights.get(ref.rect.r0) ?? 15;
    return (first as Record<string, unknown>)[prop] ?? null;
  }
  private _cellFormat(prop: keyof CellFormat, value: unknown): void {
    this._set(prop, value, (ref, v) =>
      eachCell(ref, (r, c) => ((formatOf(ref, r, c) as Record<string, unknown>)[prop] = v)),
    );
  }
  set columnWidth(points: number) {
    this._set('columnWidth', points, (ref) => {
      for (let c = ref.rect.c0; c <= ref.rect.c1; c++) ref.sheet.columnWidths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this._set('rowHeight', points, (ref) => {
      for (let r = ref.rect.r0; r <= ref.rect.r1; r++) ref.sheet.rowHeights.set(r, points);
    });
  }
  /** ExcelApi 1.2: the columns (rows) of the range back to the standard width (height). */
  set useStandardWidth(v: boolean) {
    this._set('useStandardWidth', v, (ref) => {
      if (v)
        for (const c of [...ref.sheet.columnWidths.keys()])
          if (c >= ref.rect.c0 && c <= ref.rect.c1) ref.sheet.columnWidths.delete(c);
    });
  }
  set useStandardHeight(v: boolean) {
    this._set('useStandardHeight', v, (ref) => {
      if (v)
        for (const r of [...ref.sheet.rowHeights.keys()])
          if (r >= ref.rect.r0 && r <= ref.rect.r1) ref.sheet.rowHeights.delete(r);
    });
  }
  set horizontalAlignment(v: string) {
    this._cellFormat('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    this._cellFormat('verticalAlignment', v);
  }
  set wrapText(v: boolean) {
    this._cellFormat('wrapText', v);
  }
  get font(): RangeFont {
    return this._nav(
      'font',
      () => new RangeFont(this.context),
      (ref) => ref,
    );
  }
  get fill(): RangeFill {
    return this._nav(
      'fill',
      () => new RangeFill(this.context),
      (ref) => ref,
    );
  }
  get borders(): RangeBorderCollection {
    return this._nav(
      'borders',
      () => new RangeBorderCollection(this.context),
      (ref) => ref,
    );
  }
  get protection(): FormatProtection {
    return this._nav(
      'protection',
      () => new FormatProtection(this.context),
      (ref) => ref,
    );
  }
}

export class RangeFont extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'RangeFont');
  }
  protected override _scalars(): string[] {
    return ['bold', 'italic', 'size', 'name', 'color'];
  }
  protected override _read(ref: RangeRef, prop: string): unknown {
    const f = ref.sheet.cell(ref.rect.r0, ref.rect.c0)?.format ?? {};
    const map: Record<string, unknown> = {
      bold: f.bold ?? false,
      italic: f.italic ?? false,
      size: f.size ?? 11,
      name: f.fontName ?? 'Calibri',
      color: f.fontColor ?? '#000000',
    };
    return map[prop];
  }
  private _font(prop: keyof CellFormat, name: string, value: unknown): void {
    this._set(name, value, (ref, v) =>
      eachCell(ref, (r, c) => ((formatOf(ref, r, c) as Record<string, unknown>)[prop] = v)),
    );
  }
  set bold(v: boolean) {
    this._font('bold', 'bold', v);
  }
  set italic(v: boolean) {
    this._font('italic', 'italic', v);
  }
  set size(v: number) {
    this._font('size', 'size', v);
  }
  set name(v: string) {
    this._font('fontName', 'name', v);
  }
  set color(v: string) {
    this._font('fontColor', 'color', v);
  }
}

export class RangeFill extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'RangeFill');
  }
  protected override _scalars(): string[] {
    return ['color'];
  }
  protected override _read(ref: RangeRef): unknown {
    return ref.sheet.cell(ref.rect.r0, ref.rect.c0)?.format?.fill ?? null;
  }
  set color(v: string) {
    this._set('color', v, (ref) => eachCell(ref, (r, c) => (formatOf(ref, r, c).fill = v)));
  }
}

export class RangeBorderCollection extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'RangeBorderCollection');
  }
  protected override _scalars(): string[] {
    return [];
  }
  protected override _read(): unknown {
    return null;
  }
  getItem(index: string): RangeBorder {
    return this._child(new RangeBorder(this.context, index), 'getItem', [index], (ref) => ref);
  }
}

export class RangeBorder extends Proxy<RangeRef> {
  constructor(
    context: SimRequestContext,
    private readonly side: string,
  ) {
    super(context, 'RangeBorder');
  }
  protected override _scalars(): string[] {
    return ['style'];
  }
  protected override _read(ref: RangeRef): unknown {
    return ref.sheet.cell(ref.rect.r0, ref.rect.c0)?.format?.borders?.[this.side] ?? 'None';
  }
  set style(v: string) {
    this._set('style', v, (ref) =>
      eachCell(ref, (r, c) => {
        const f = formatOf(ref, r, c);
        f.borders = { ...(f.borders ?? {}), [this.side]: v };
      }),
    );
  }
  /** Accepted; the host keeps border styles only. */
  set color(v: string) {
    this._set('color', v, () => undefined);
  }
}

export class FormatProtection extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'FormatProtection');
  }
  protected override _scalars(): string[] {
    return ['locked'];
  }
  protected override _read(ref: RangeRef): unknown {
    return ref.sheet.cell(ref.rect.r0, ref.rect.c0)?.locked ?? true;
  }
  set locked(v: boolean) {
    this._set('locked', v, (ref) =>
      eachCell(ref, (r, c) => (ref.sheet.cellForWrite(r, c).locked = v)),
    );
  }
}

export class ConditionalFormatCollection extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'ConditionalFormatCollection');
  }
  protected override _scalars(): string[] {
    return ['count'];
  }
  protected override _read(ref: RangeRef): unknown {
    return ref.sheet.conditionalFormats.length;
  }
  /** ExcelApi 1.6: removes the conditional formats that meet the range. */
  clearAll(): void {
    this._call('clearAll', [], (ref) => {
      ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter(
        (cf) => !intersects(cf.rect, ref.rect),
      );
    });
  }
  add(type: string): ConditionalFormat {
    const cf = new ConditionalFormat(this.context);
    this.context.queue({ a: 'call', id: this._id, m: 'add', args: [type], out: cf._id }, () => {
      if (type !== 'Custom')
        throw new HostError(
          'InvalidArgument',
          `The simulated host supports custom conditional formats only, not ${type}.`,
        );
      const ref = this._model();
      const state = { rect: ref.rect, formula: '' };
      ref.sheet.conditionalFormats.push(state);
      cf._resolveWith(state);
    });
    return cf;
  }
}

type CfState = { formula: string; fill?: string; fontColor?: string };

/** ConditionalFormat.custom.rule.formula / .custom.format.fill.color / .custom.format.font.color. */
export class ConditionalFormat extends Proxy<CfState> {
  constructor(context: SimRequestContext) {
    super(context, 'ConditionalFormat');
  }
  protected override _scalars(): string[] {
    return [];
  }
  protected override _read(): unknown {
    return null;
  }
  get custom() {
    const set = (prop: string, apply: (s: CfState, v: string) => void) => (v: string) =>
      this._set(prop, v, (s) => apply(s, v));
    const setFormula = set('custom.rule.formula', (s, v) => (s.formula = v));
    const setFill = set('custom.format.fill.color', (s, v) => (s.fill = v));
    const setFont = set('custom.format.font.color', (s, v) => (s.fontColor = v));
    return {
      rule: {
        set formula(v: string) {
          setFormula(v);
        },
      },
      format: {
        fill: {
          set color(v: string) {
            setFill(v);
          },
        },
        font: {
          set color(v: string) {
            setFont(v);
          },
        },
      },
    };
  }
}

export class DataValidation extends Proxy<RangeRef> {
  constructor(context: SimRequestContext) {
    super(context, 'DataValidation');
  }
  protected override _scalars(): string[] {
    return ['rule', 'ignoreBlanks', 'prompt', 'errorAlert'];
  }
  protected override _read(ref: RangeRef, prop: string): unknown {
    const v = ref.sheet.validations.find(
      (x) => x.rect.r0 === ref.rect.r0 && x.rect.c0 === ref.rect.c0,
    ) as Record<string, unknown> | undefined;
    return v?.[prop] ?? null;
  }
  private _state(ref: RangeRef) {
    let v = ref.sheet.validations.find((x) => rectAddress(x.rect) === rectAddress(ref.rect));
    if (!v) {
      v = { rect: ref.rect };
      ref.sheet.validations.push(v);
    }
    return v;
  }
  clear(): void {
    this._call('clear', [], (ref) => {
      ref.sheet.validations = ref.sheet.validations.filter((x) => !intersects(x.rect, ref.rect));
    });
  }
  set rule(rule: unknown) {
    this._set('rule', rule, (ref) => (this._state(ref).rule = rule));
  }
  set ignoreBlanks(v: boolean) {
    this._set('ignoreBlanks', v, (ref) => (this._state(ref).ignoreBlanks = v));
  }
  set prompt(v: unknown) {
    this._set('prompt', v, (ref) => (this._state(ref).prompt = v));
  }
  set errorAlert(v: unknown) {
    this._set('errorAlert', v, (ref) => (this._state(ref).errorAlert = v));
  }
}

export class Worksheet extends Proxy<SimSheet> {
  constructor(context: SimRequestContext) {
    super(context, 'Worksheet');
  }
  protected override _scalars(): string[] {
    return ['name', 'position', 'visibility', 'tabColor', 'id'];
  }
  protected override _read(sheet: SimSheet, prop: string): unknown {
    if (prop === 'id') return `{sheet-${sheet.book.sheets.indexOf(sheet)}}`;
    return (sheet as unknown as Record<string, unknown>)[prop];
  }
  protected override _navigate(prop: string): Proxy<unknown> | undefined {
    if (prop === 'protection') return this.protection;
    if (prop === 'tables') return this.tables;
    if (prop === 'charts') return this.charts;
    return undefined;
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (sheet) => {
      assertStructureUnprotected(sheet.book, 'rename');
      sheet.book.renameSheet(sheet, v);
    });
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._set('position', v, (sheet) => {
      assertStructureUnprotected(sheet.book, 'move');
      sheet.book.moveSheet(sheet, v);
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v, (sheet) => {
      assertStructureUnprotected(sheet.book, 'hide or unhide');
      sheet.visibility = v;
    });
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this.context.requireApi('1.7', 'Worksheet.tabColor');
    this._set('tabColor', v, (sheet) => (sheet.tabColor = v));
  }
  activate(): void {
    this._call('activate', [], (sheet) => (sheet.book.activeSheet = sheet));
  }
  delete(): void {
    this._call('delete', [], (sheet) => {
      assertStructureUnprotected(sheet.book, 'delete');
      sheet.book.deleteSheet(sheet);
    });
  }
  getRange(address?: string): Range {
    return this._child(new Range(this.context), 'getRange', [address ?? null], (sheet) => ({
      sheet,
      rect: address ? parseLocal(address) : { r0: 0, c0: 0, r1: 1048575, c1: 16383 },
    }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this._child(
      new Range(this.context),
      'getUsedRangeOrNullObject',
      [valuesOnly],
      (sheet) => {
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
    );
  }
  get tables(): TableCollection {
    return this._nav<TableCollection, TableScope>(
      'tables',
      () => new TableCollection(this.context),
      (sheet) => ({ book: sheet.book, sheet }),
    );
  }
  get charts(): ChartCollection {
    return this._nav(
      'charts',
      () => new ChartCollection(this.context),
      (sheet) => sheet,
    );
  }
  get freezePanes(): WorksheetFreezePanes {
    this.context.requireApi('1.7', 'Worksheet.freezePanes');
    return this._nav(
      'freezePanes',
      () => new WorksheetFreezePanes(this.context),
      (sheet) => sheet,
    );
  }
  get protection(): WorksheetProtection {
    return this._nav(
      'protection',
      () => new WorksheetProtection(this.context),
      (sheet) => sheet,
    );
  }
  get horizontalPageBreaks(): PageBreakCollection {
    this.context.requireApi('1.9', 'Worksheet.horizontalPageBreaks');
    return this._nav(
      'horizontalPageBreaks',
      () => new PageBreakCollection(this.context),
      (sheet) => sheet,
    );
  }
  get pageLayout(): PageLayout {
    this.context.requireApi('1.9', 'Worksheet.pageLayout');
    return this._nav(
      'pageLayout',
      () => new PageLayout(this.context),
      (sheet) => sheet,
    );
  }
}

export class WorksheetFreezePanes extends Proxy<SimSheet> {
  constructor(context: SimRequestContext) {
    super(context, 'WorksheetFreezePanes');
  }
  protected override _scalars(): string[] {
    return [];
  }
  protected override _read(): unknown {
    return null;
  }
  freezeRows(count: number): void {
    this._call('freezeRows', [count], (sheet) => {
      if (this.context.config.freezePanesFail)
        throw new HostError(
          'GeneralException',
          'There was an internal error while processing the request. WorksheetFreezePanes.freezeRows',
        );
      sheet.freeze = { rows: count, columns: 0 };
    });
  }
  unfreeze(): void {
    this._call('unfreeze', [], (sheet) => (sheet.freeze = null));
  }
  freezeColumns(count: number): void {
    this._call('freezeColumns', [count], (sheet) => (sheet.freeze = { rows: 0, columns: count }));
  }
  freezeAt(range: string | Range): void {
    this._call('freezeAt', [range], (sheet) => {
      const rect = typeof range === 'string' ? parseLocal(range) : range._model().rect;
      if (rect.r0 !== 0 || rect.c0 !== 0)
        throw new HostError('InvalidArgument', 'freezeAt needs a range starting at A1.');
      sheet.freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
    });
  }
}

export class WorksheetProtection extends Proxy<SimSheet> {
  constructor(context: SimRequestContext) {
    super(context, 'WorksheetProtection');
  }
  protected override _scalars(): string[] {
    return ['protected', 'options'];
  }
  protected override _read(sheet: SimSheet, prop: string): unknown {
    return prop === 'protected' ? sheet.protection.protected : (sheet.protection.options ?? {});
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protect(options?: unknown, password?: string): void {
    this._call('protect', [options ?? null, password ?? null], (sheet) => {
      if (sheet.protection.protected)
        throw new HostError('InvalidOperation', 'The worksheet is already protected.');
      sheet.protection = { protected: true, options };
    });
  }
}

export class PageLayout extends Proxy<SimSheet> {
  constructor(context: SimRequestContext) {
    super(context, 'PageLayout');
  }
  protected override _scalars(): string[] {
    return ['paperSize', 'orientation', 'zoom'];
  }
  protected override _read(sheet: SimSheet, prop: string): unknown {
    return sheet.pageLayout[prop] ?? null;
  }
  set paperSize(v: string) {
    this._set('paperSize', v, (sheet) => (sheet.pageLayout.paperSize = v));
  }
  set orientation(v: string) {
    this._set('orientation', v, (sheet) => (sheet.pageLayout.orientation = v));
  }
  set zoom(v: unknown) {
    this._set('zoom', v, (sheet) => (sheet.pageLayout.zoom = v));
  }
  setPrintTitleRows(rows: string): void {
    this._call('setPrintTitleRows', [rows], (sheet) => (sheet.pageLayout.printTitleRows = rows));
  }
}

export class PageBreakCollection extends Proxy<SimSheet> {
  constructor(context: SimRequestContext) {
    super(context, 'PageBreakCollection');
  }
  protected override _scalars(): string[] {
    return ['count'];
  }
  protected override _read(sheet: SimSheet): unknown {
    return ((sheet.pageLayout.rowBreaks as number[] | undefined) ?? []).length;
  }
  removePageBreaks(): void {
    this._call('removePageBreaks', [], (sheet) => (sheet.pageLayout.rowBreaks = []));
  }
  add(pageBreakRange: string | Range): void {
    this._call('add', [pageBreakRange], (sheet) => {
      const rect =
        typeof pageBreakRange === 'string'
          ? parseLocal(pageBreakRange)
          : pageBreakRange._model().rect;
      sheet.pageLayout.rowBreaks = [
        ...((sheet.pageLayout.rowBreaks as number[] | undefined) ?? []),
        rect.r0 + 1,
      ];
    });
  }
}

export class WorksheetCollection extends CollectionProxy<SimWorkbook, SimSheet, Worksheet> {
  constructor(context: SimRequestContext) {
    super(context, 'WorksheetCollection');
  }
  protected override _makeItem(): Worksheet {
    return new Worksheet(this.context);
  }
  protected override _list(book: SimWorkbook): SimSheet[] {
    return book.sheets;
  }
  getItem(key: string): Worksheet {
    return this._child(new Worksheet(this.context), 'getItem', [key], (book) => {
      const sheet = book.findSheet(key);
      if (!sheet) throw new HostError('ItemNotFound', `The worksheet ${key} does not exist.`);
      return sheet;
    });
  }
  getItemOrNullObject(key: string): Worksheet {
    return this._child(
      new Worksheet(this.context),
      'getItemOrNullObject',
      [key],
      (book) => book.findSheet(key) ?? null,
    );
  }
  add(name?: string): Worksheet {
    const ws = new Worksheet(this.context);
    this.context.queue(
      { a: 'call', id: this._id, m: 'add', args: [name ?? null], out: ws._id },
      () => {
        const book = this._model();
        assertStructureUnprotected(book, 'add');
        let n = book.sheets.length + 1;
        while (!name && book.findSheet(`Sheet${n}`)) n++;
        ws._resolveWith(book.addSheet(name ?? `Sheet${n}`));
      },
    );
    return ws;
  }
}

interface TableScope {
  book: SimWorkbook;
  sheet: SimSheet | null;
}

export class TableCollection extends CollectionProxy<TableScope, SimTable, Table> {
  constructor(context: SimRequestContext) {
    super(context, 'TableCollection');
  }
  protected override _makeItem(): Table {
    return new Table(this.context);
  }
  protected override _list(scope: TableScope): SimTable[] {
    return scope.sheet
      ? scope.book.tables.filter((t) => t.sheet === scope.sheet)
      : scope.book.tables;
  }
  private _tables(): SimTable[] {
    return this._list(this._model());
  }
  private _scopeModel(): TableScope {
    return this._model();
  }
  getItem(key: string): Table {
    return this._child(new Table(this.context), 'getItem', [key], () => {
      const t = this._tables().find((x) => x.name.toLowerCase() === key.toLowerCase());
      if (!t) throw new HostError('ItemNotFound', `The table ${key} does not exist.`);
      return t;
    });
  }
  getItemOrNullObject(key: string): Table {
    return this._child(
      new Table(this.context),
      'getItemOrNullObject',
      [key],
      () => this._tables().find((x) => x.name.toLowerCase() === key.toLowerCase()) ?? null,
    );
  }
  add(address: string | Range, hasHeaders: boolean): Table {
    const table = new Table(this.context);
    this.context.queue(
      {
        a: 'call',
        id: this._id,
        m: 'add',
        args: [address instanceof Range ? { ref: address._id } : address, hasHeaders],
        out: table._id,
      },
      () => {
        const scope = this._scopeModel();
        const ref =
          address instanceof Range
            ? address._model()
            : resolveAddress(scope.book, address, scope.sheet ?? scope.book.activeSheet);
        if (scope.sheet && ref.sheet !== scope.sheet)
          throw new HostError('InvalidArgument', 'The address is on another worksheet.');
        if (!hasHeaders)
          throw new HostError(
            'InvalidArgument',
            'The simulated host adds tables with headers only.',
          );
        table._resolveWith(scope.book.addTable(ref.sheet, ref.rect));
      },
    );
    return table;
  }
}

export class Table extends Proxy<SimTable> {
  constructor(context: SimRequestContext) {
    super(context, 'Table');
  }
  protected override _scalars(): string[] {
    return ['name', 'style', 'showHeaders', 'showTotals', 'id'];
  }
  protected override _read(t: SimTable, prop: string): unknown {
    if (prop === 'id') return String(t.sheet.book.tables.indexOf(t) + 1);
    return (t as unknown as Record<string, unknown>)[prop];
  }
  protected override _navigate(prop: string): Proxy<unknown> | undefined {
    return prop === 'worksheet'
      ? this.worksheet
      : prop === 'rows'
        ? this.rows
        : prop === 'columns'
          ? this.columns
          : undefined;
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (t) => t.sheet.book.renameTable(t, v));
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._set('style', v, (t) => (t.style = v));
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  set showHeaders(v: boolean) {
    this._set('showHeaders', v, (t) => t.setShowHeaders(v));
  }
  get showTotals(): boolean {
    return this._get('showTotals');
  }
  set showTotals(v: boolean) {
    this._set('showTotals', v, (t) => t.setShowTotals(v));
  }
  /** Deletes the table and its cells' contents and formats (ExcelApi 1.1). */
  delete(): void {
    this._call('delete', [], (t) => {
      t.sheet.clearRect(t.rect, 'All');
      t.sheet.book.tables = t.sheet.book.tables.filter((x) => x !== t);
    });
  }
  /** ExcelApi 1.2: removes every column's filter criteria. */
  clearFilters(): void {
    this.context.requireApi('1.2', 'Table.clearFilters');
    this._call('clearFilters', [], (t) => t.filters.clear());
  }
  get worksheet(): Worksheet {
    return this._nav(
      'worksheet',
      () => new Worksheet(this.context),
      (t) => t.sheet,
    );
  }
  get rows(): TableRowCollection {
    return this._nav(
      'rows',
      () => new TableRowCollection(this.context),
      (t) => t,
    );
  }
  get columns(): TableColumnCollection {
    return this._nav(
      'columns',
      () => new TableColumnCollection(this.context),
      (t) => t,
    );
  }
  getRange(): Range {
    return this._child(new Range(this.context), 'getRange', [], (t) => ({
      sheet: t.sheet,
      rect: t.rect,
    }));
  }
  getHeaderRowRange(): Range {
    return this._child(new Range(this.context), 'getHeaderRowRange', [], (t) => ({
      sheet: t.sheet,
      rect: t.headerRect,
    }));
  }
  getDataBodyRange(): Range {
    return this._child(new Range(this.context), 'getDataBodyRange', [], (t) => ({
      sheet: t.sheet,
      rect: t.bodyRect,
    }));
  }
}

export class TableRowCollection extends Proxy<SimTable> {
  constructor(context: SimRequestContext) {
    super(context, 'TableRowCollection');
  }
  protected override _scalars(): string[] {
    return ['count'];
  }
  protected override _read(t: SimTable): unknown {
    return t.bodyRows;
  }
  get count(): number {
    return this._get('count');
  }
  add(index: number | null | undefined, values: unknown[][]): void {
    this._call('add', [index ?? null, values], (t) => t.addRows(index ?? null, values));
  }
}

interface ColumnRef {
  table: SimTable;
  index: number;
}

export class TableColumnCollection extends CollectionProxy<SimTable, ColumnRef, TableColumn> {
  constructor(context: SimRequestContext) {
    super(context, 'TableColumnCollection');
  }
  protected override _makeItem(): TableColumn {
    return new TableColumn(this.context);
  }
  protected override _list(t: SimTable): ColumnRef[] {
    return t.headers().map((_, index) => ({ table: t, index }));
  }
  get count(): number {
    return this._get('count');
  }
  getItemOrNullObject(key: string): TableColumn {
    return this._child(new TableColumn(this.context), 'getItemOrNullObject', [key], (t) => {
      const index = t.headers().findIndex((h) => h.toLowerCase() === key.toLowerCase());
      return index < 0 ? null : { table: t, index };
    });
  }
  getItemAt(index: number): TableColumn {
    return this._child(new TableColumn(this.context), 'getItemAt', [index], (t) => {
      if (index < 0 || index > t.c1 - t.c0)
        throw new HostError('InvalidArgument', 'The column index is out of range.');
      return { table: t, index };
    });
  }
}

export class TableColumn extends Proxy<ColumnRef> {
  constructor(context: SimRequestContext) {
    super(context, 'TableColumn');
  }
  protected override _scalars(): string[] {
    return ['name', 'index'];
  }
  protected override _read(ref: ColumnRef, prop: string): unknown {
    return prop === 'name' ? ref.table.headers()[ref.index] : ref.index;
  }
  protected override _navigate(prop: string): Proxy<unknown> | undefined {
    return prop === 'filter' ? this.filter : undefined;
  }
  get name(): string {
    return this._get('name');
  }
  getDataBodyRange(): Range {
    return this._child(new Range(this.context), 'getDataBodyRange', [], (ref) => {
      const body = ref.table.bodyRect;
      const c = ref.table.c0 + ref.index;
      return { sheet: ref.table.sheet, rect: { ...body, c0: c, c1: c } };
    });
  }
  get filter(): Filter {
    return this._nav(
      'filter',
      () => new Filter(this.context),
      (ref) => ref,
    );
  }
}

/** TableColumn.filter (ExcelApi 1.2): criteria are kept, not evaluated (rows are not hidden). */
export class Filter extends Proxy<ColumnRef> {
  constructor(context: SimRequestContext) {
    super(context, 'Filter');
  }
  protected override _scalars(): string[] {
    return ['criteria'];
  }
  protected override _read(ref: ColumnRef): unknown {
    return ref.table.filters.get(ref.index) ?? null;
  }
  get criteria(): unknown {
    return this._get('criteria');
  }
  apply(criteria: unknown): void {
    this.context.requireApi('1.2', 'Filter.apply');
    this._call('apply', [criteria], (ref) => ref.table.filters.set(ref.index, criteria));
  }
}

export class ChartCollection extends CollectionProxy<SimSheet, SimChart, Chart> {
  constructor(context: SimRequestContext) {
    super(context, 'ChartCollection');
  }
  protected override _makeItem(): Chart {
    return new Chart(this.context);
  }
  protected override _list(sheet: SimSheet): SimChart[] {
    return sheet.charts;
  }
  getItem(name: string): Chart {
    return this._child(new Chart(this.context), 'getItem', [name], (sheet) => {
      const chart = sheet.charts.find((c) => c.name === name);
      if (!chart) throw new HostError('ItemNotFound', `The chart ${name} does not exist.`);
      return chart;
    });
  }
  add(type: string, sourceData: Range, seriesBy = 'Auto'): Chart {
    const chart = new Chart(this.context);
    this.context.queue(
      {
        a: 'call',
        id: this._id,
        m: 'add',
        args: [type, { ref: sourceData._id }, seriesBy],
        out: chart._id,
      },
      () => {
        const sheet = this._model();
        const src = sourceData._model();
        const rect = src.rect;
        const series: SimChart['series'] = [];
        const byColumns = seriesBy !== 'Rows';
        const count = byColumns ? rect.c1 - rect.c0 : rect.r1 - rect.r0;
        for (let i = 1; i <= count; i++)
          series.push({
            name: String(
              src.sheet.cell(byColumns ? rect.r0 : rect.r0 + i, byColumns ? rect.c0 + i : rect.c0)
                ?.value ?? '',
            ),
          });
        let n = sheet.charts.length + 1;
        while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
        const state: SimChart = {
          name: `Chart ${n}`,
          type,
          source: `${quoteSheetName(src.sheet.name)}!${rectAddress(rect)}`,
          series,
        };
        sheet.charts.push(state);
        chart._resolveWith(state);
      },
    );
    return chart;
  }
}

export class Chart extends Proxy<SimChart> {
  constructor(context: SimRequestContext) {
    super(context, 'Chart');
  }
  protected override _scalars(): string[] {
    return ['name'];
  }
  protected override _read(chart: SimChart): unknown {
    return chart.name ?? null;
  }
  set name(v: string) {
    this._set('name', v, (c) => (c.name = v));
  }
  get name(): string {
    return this._get('name');
  }
  delete(): void {
    this._call('delete', [], (c) => {
      // The context's Workbook proxy leads to the sheets (a chart does not know its own).
      for (const sheet of (this.context.workbook as Workbook)._model().sheets)
        sheet.charts = sheet.charts.filter((x) => x !== c);
    });
  }
  get title(): { text: string } {
    const setText = (v: string) => this._set('title.text', v, (c) => (c.title = v));
    return {
      set text(v: string) {
        setText(v);
      },
      get text(): string {
        throw new HostError('PropertyNotLoaded', "The property 'text' is not available.");
      },
    };
  }
  setPosition(startCell: string | Range, endCell?: string | Range): void {
    this._call('setPosition', [startCell, endCell ?? null], (c) => {
      c.topLeft =
        typeof startCell === 'string'
          ? startCell
          : cellAddress(startCell._model().rect.r0, startCell._model().rect.c0);
      if (endCell)
        c.bottomRight =
          typeof endCell === 'string'
            ? endCell
            : cellAddress(endCell._model().rect.r0, endCell._model().rect.c0);
    });
  }
  get series(): { getItemAt(index: number): ChartSeries } {
    return {
      getItemAt: (index: number) =>
        this._child(new ChartSeries(this.context), 'series.getItemAt', [index], (c) => {
          const s = c.series[index];
          if (!s) throw new HostError('InvalidArgument', 'The series index is out of range.');
          return s;
        }),
    };
  }
  get legend(): { position: string } {
    const setPos = (v: string) => this._set('legend.position', v, () => undefined);
    return {
      set position(v: string) {
        setPos(v);
      },
      get position(): string {
        throw new HostError('PropertyNotLoaded', "The property 'position' is not available.");
      },
    };
  }
}

export class ChartSeries extends Proxy<SimChart['series'][number]> {
  constructor(context: SimRequestContext) {
    super(context, 'ChartSeries');
  }
  protected override _scalars(): string[] {
    return ['name', 'chartType'];
  }
  protected override _read(s: SimChart['series'][number], prop: string): unknown {
    return (s as Record<string, unknown>)[prop] ?? null;
  }
  set chartType(v: string) {
    this.context.requireApi('1.7', 'ChartSeries.chartType');
    this._set('chartType', v, (s) => (s.chartType = v));
  }
  set name(v: string) {
    this._set('name', v, (s) => (s.name = v));
  }
}

export class CustomPropertyCollection extends Proxy<Map<string, unknown>> {
  constructor(context: SimRequestContext) {
    super(context, 'CustomPropertyCollection');
  }
  protected override _scalars(): string[] {
    return ['count'];
  }
  protected override _read(m: Map<string, unknown>): unknown {
    return m.size;
  }
  add(key: string, value: unknown): void {
    this._call('add', [key, value], (m) => {
      if (key.length === 0 || key.length > 255)
        throw new HostError(
          'InvalidArgument',
          'A custom property key must have 1 to 255 characters.',
        );
      m.set(key, value);
    });
  }
}

/** See SimWorkbook.structureProtected. */
function assertStructureUnprotected(book: SimWorkbook, what: string): void {
  if (book.structureProtected)
    throw new HostError(
      'AccessDenied',
      `The workbook's structure is protected: cannot ${what} a worksheet.`,
    );
}

export class WorkbookProtection extends Proxy<SimWorkbook> {
  constructor(context: SimRequestContext) {
    super(context, 'WorkbookProtection');
  }
  protected override _scalars(): string[] {
    return ['protected'];
  }
  protected override _read(book: SimWorkbook): unknown {
    return book.structureProtected;
  }
  get protected(): boolean {
    return this._get('protected');
  }
}

/** Application.calculationMode and calculate(), ExcelApi 1.1 (see SimWorkbook.calculationMode). */
export class Application extends Proxy<SimWorkbook> {
  constructor(context: SimRequestContext, book: SimWorkbook) {
    super(context, 'Application');
    this._resolveWith(book);
  }
  protected override _scalars(): string[] {
    return ['calculationMode'];
  }
  protected override _read(book: SimWorkbook): unknown {
    return book.calculationMode;
  }
  get calculationMode(): string {
    return this._get('calculationMode');
  }
  calculate(calculationType: 'Recalculate' | 'Full' | 'FullRebuild'): void {
    this._call('calculate', [calculationType], (book) => {
      book.dirty = true;
      book.calculate(false);
    });
  }
}

export class Workbook extends Proxy<SimWorkbook> {
  private readonly _worksheets: WorksheetCollection;
  private readonly _tables: TableCollection;

  constructor(context: SimRequestContext, book: SimWorkbook) {
    super(context, 'Workbook');
    this._resolveWith(book);
    this._worksheets = new WorksheetCollection(context);
    this._worksheets._resolveWith(book);
    this._tables = new TableCollection(context);
    this._tables._resolveWith({ book, sheet: null });
  }
  protected override _scalars(): string[] {
    return ['name'];
  }
  protected override _read(): unknown {
    return 'Book1.xlsx';
  }
  get worksheets(): WorksheetCollection {
    return this._worksheets;
  }
  get tables(): TableCollection {
    return this._tables;
  }
  get protection(): WorkbookProtection {
    this.context.requireApi('1.7', 'Workbook.protection');
    return this._nav(
      'protection',
      () => new WorkbookProtection(this.context),
      (b) => b,
    );
  }
  get properties(): { custom: CustomPropertyCollection } {
    this.context.requireApi('1.7', 'Workbook.properties');
    const custom = this._child(
      new CustomPropertyCollection(this.context),
      'properties.custom',
      [],
      (b) => b.customProperties,
    );
    return { custom };
  }
}
