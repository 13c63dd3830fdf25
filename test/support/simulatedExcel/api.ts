/**
 * The subset of the Excel JavaScript API the adapter uses, as proxies over the in-memory model
 * (ranges, sheets and tables in the api*.ts files beside this one). Names and semantics follow
 * Office.js; members above ExcelApi 1.7 fail with ApiNotFound at sync when the host is configured
 * with a lower version.
 */
import { cellAddress, rectAddress } from './address';
import { HostError, SimChart } from './model';
import { SimSheet } from './simSheet';
import { SimWorkbook } from './simWorkbook';
import { CollectionProxy, Proxy, SimRequestContext } from './runtime';
import { quoteSheetName } from './sheetRefs';
import { Range } from './apiRange';
import { WorksheetCollection } from './apiWorksheet';
import { TableCollection } from './apiTable';

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
export function assertStructureUnprotected(book: SimWorkbook, what: string): void {
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
