/** Excel.Worksheet and its collection, freeze panes, protection, page layout and breaks, simulated. */
import { HostError } from './model';
import { SimSheet } from './simSheet';
import { SimWorkbook } from './simWorkbook';
import { CollectionProxy, Proxy, SimRequestContext } from './runtime';
import { parseLocal } from './rangeRef';
import { Range } from './apiRange';
import { TableScope, TableCollection } from './apiTable';
import { ChartCollection, assertStructureUnprotected } from './api';

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
