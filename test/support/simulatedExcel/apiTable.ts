/** Excel.Table and its collections (rows, columns, filters), simulated. */
import { HostError } from './model';
import { SimSheet } from './simSheet';
import { SimTable } from './simTable';
import { SimWorkbook } from './simWorkbook';
import { CollectionProxy, Proxy, SimRequestContext } from './runtime';
import { resolveAddress } from './rangeRef';
import { Range } from './apiRange';
import { Worksheet } from './apiWorksheet';

export interface TableScope {
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

export interface ColumnRef {
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
