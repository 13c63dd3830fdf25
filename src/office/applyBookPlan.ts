/**
 * Applies a BookPlan (src/plan/types.ts; the same plans the ExcelJS adapter applies) inside Excel:
 * every write is queued — whole 2-D ranges, split only to stay under the request limit — and sent
 * in one context.sync; freeze panes and tab colours follow in one more. Everything that can fail on
 * the plan's side (table columns, names, protection) is checked against the snapshot before the
 * first write is queued (preflight.ts), so a refused plan writes nothing.
 *
 * Core features use ExcelApi 1.7 at most; data validation (1.8) and print setup and page breaks
 * (1.9) are applied where `isSetSupported` allows and otherwise skipped with a notice. Charts are
 * native charts over figures kept in a very hidden sheet (chartData.ts).
 */
import { columnRange, rangeAddress } from '../engine/address';
import { SheetEntry, sheetEntries, unhandled } from '../plan/sheetEntries';
import {
  NewTable,
  TableRewrite,
  tableRewrite,
  tableToCreate,
  tablesAfterSheets,
} from '../plan/tableWrite';
import type {
  Scalar,
  BookPlan,
  BookSnapshot,
  ChartPlan,
  SheetPlan,
  TableUpdate,
} from '../plan/types';
import { OfficeInput, officeInput } from './cellInput';
import { CHART_STORE_SHEET, chartStoreRows } from '../plan/chartStore';
import { CHART_DATA_FORMATS, CHART_DATA_SHEET, chartBlock, ownedRuns } from './chartData';
import { RequestBudget, jsonBytes } from './requestBudget';
import type { OfficeSnapshot } from './readSnapshot';
import { Feature, NOTICES, supports } from './requirements';
import { columnWidthPoints } from '../plan/columnWidth';
import { checkSheetTables, checkStructure, checkUnprotected } from './preflight';
import {
  absoluteRows,
  addConditionalFormat,
  addValidation,
  BUDGET_GROUP,
  applyStyle,
  color,
  emptySheet,
  finishingActions,
  freeze,
  pad,
  styleActions,
} from './rangeWrites';

export interface ApplyOptions {
  /** Largest estimated payload per sync; default 3 MB (Excel on the web refuses 5 MB). */
  maxRequestBytes?: number;
}

export interface ApplyResult {
  /** Features the host lacks that the plan asked for, in the user's terms (zh-CN). */
  notices: string[];
  /**
   * Syncs made: 1 whenever the payload fits one request, plus 1 for the optional cosmetics (freeze
   * panes, tab colours) when the plan has any.
   */
  syncs: number;
}

/**
 * A table update lowered against the tables as the book has them once the plan's sheets are laid
 * out, or the table to create where the book lacks it.
 */
type PreparedUpdate =
  { update: TableUpdate; rewrite: TableRewrite } | { update: TableUpdate; rewrite?: undefined };

export async function applyBookPlan(
  context: Excel.RequestContext,
  plan: BookPlan,
  snapshot: BookSnapshot,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const tables = tablesAfterSheets(plan, snapshot);
  const updates: PreparedUpdate[] = plan.tableUpdates.map((u) => {
    const table = tables[u.table];
    return table ? { update: u, rewrite: tableRewrite(u, table) } : { update: u };
  });
  checkSheetTables(plan, snapshot);
  checkUnprotected(plan, snapshot);
  checkStructure(plan, snapshot);
  const office: Partial<OfficeSnapshot> = snapshot;
  const writer = new PlanWriter(
    context,
    snapshot,
    new RequestBudget(context, options.maxRequestBytes),
  );
  writer.clearChartData(plan.sheets.map((s) => s.sheet));
  for (const sheet of plan.sheets) await writer.sheet(sheet);
  for (const u of updates) await writer.tableUpdate(u);
  await writer.recordCharts(plan.sheets);
  const properties = Object.entries(plan.properties ?? {});
  for (const [key, value] of properties) context.workbook.properties.custom.add(key, value);
  if (plan.activate) context.workbook.worksheets.getItem(plan.activate).activate();
  if (office.manualCalculation) {
    // Excel would show the new formulas' dependents (the user's too) stale until F9.
    context.application.calculate('Recalculate');
    writer.notices.add(NOTICES.manualCalculation);
  }
  await context.sync();
  const cosmetic = await writer.applyCosmetics();
  return { notices: [...writer.notices], syncs: writer.budget.flushes + 1 + cosmetic };
}

class PlanWriter {
  readonly notices = new Set<string>();
  /** Freeze panes and tab colours, queued in a last sync of their own once the data is written. */
  private readonly cosmetics: (() => void)[] = [];
  private readonly sheetNames: string[];
  private temp = 0;
  private readonly chartRows: Scalar[][] | undefined;
  private readonly storeRows: Scalar[][] | undefined;
  private chartSheet: Excel.Worksheet | undefined;
  private readonly filters: OfficeSnapshot['tableFilters'];
  private readonly sheetTables: OfficeSnapshot['sheetTables'];
  private readonly sheetCharts: OfficeSnapshot['sheetCharts'];
  /** Protected sheets, by lower-case name. */
  private readonly locked: Set<string>;
  /** Next free row of the chart-data sheet (1-based). */
  private chartRow: number;

  constructor(
    private readonly context: Excel.RequestContext,
    snapshot: BookSnapshot,
    readonly budget: RequestBudget,
  ) {
    this.sheetNames = [...snapshot.sheetNames];
    this.chartRows = snapshot.sheets[CHART_DATA_SHEET];
    this.storeRows = snapshot.sheets[CHART_STORE_SHEET];
    this.chartRow = (this.chartRows?.length ?? 0) + 1;
    const office: Partial<OfficeSnapshot> = snapshot;
    this.filters = office.tableFilters ?? {};
    this.sheetTables = office.sheetTables ?? {};
    this.sheetCharts = office.sheetCharts ?? {};
    this.locked = new Set((office.protectedSheets ?? []).map((s) => s.toLowerCase()));
  }

  /** Clears the chart figures of sheets about to be laid out afresh (their charts go with them). */
  clearChartData(sheets: readonly string[]): void {
    if (!this.chartRows) return;
    const owners = new Set(sheets.map((s) => s.toLowerCase()));
    for (const [first, last] of ownedRuns(this.chartRows, owners))
      this.dataSheet().getRange(`A${first}:D${last}`).clear();
  }

  /**
   * The record of the charts drawn (src/plan/chartStore.ts), as the ExcelJS adapter keeps it: the
   * CLI redraws the recorded charts when it saves a book that was run in Excel.
   */
  async recordCharts(sheets: readonly SheetPlan[]): Promise<void> {
    const rows = chartStoreRows(this.storeRows, sheets);
    if (!rows) return;
    const worksheets = this.context.workbook.worksheets;
    let ws: Excel.Worksheet;
    if (this.storeRows) {
      ws = worksheets.getItem(CHART_STORE_SHEET);
      const width = Math.max(2, ...this.storeRows.map((r) => r.length));
      if (this.storeRows.length)
        ws.getRange(rangeAddress(0, 1, width, this.storeRows.length)).clear('Contents');
    } else {
      ws = worksheets.add(CHART_STORE_SHEET);
      ws.visibility = 'VeryHidden';
    }
    if (rows.length)
      await this.block(
        ws,
        0,
        1,
        rows.map((r) => r.map((v) => officeInput(v))),
        undefined,
      );
  }

  private dataSheet(): Excel.Worksheet {
    if (!this.chartSheet) {
      const worksheets = this.context.workbook.worksheets;
      if (this.chartRows) this.chartSheet = worksheets.getItem(CHART_DATA_SHEET);
      else {
        this.chartSheet = worksheets.add(CHART_DATA_SHEET);
        this.chartSheet.visibility = 'VeryHidden';
      }
    }
    return this.chartSheet;
  }

  /** A clustered column chart of the values by category, with the reference as a line (as the xlsx adapter draws it). */
  private async chart(ws: Excel.Worksheet, owner: string, plan: ChartPlan): Promise<void> {
    const data = this.dataSheet();
    const block = chartBlock(owner, plan);
    const first = this.chartRow;
    this.chartRow += block.length;
    await this.block(data, 0, first, block, CHART_DATA_FORMATS);
    await this.budget.reserve(jsonBytes(plan.title), 10);
    const chart = ws.charts.add(
      'ColumnClustered',
      data.getRange(`A${first}:C${first + block.length - 1}`),
      'Columns',
    );
    chart.title.text = plan.title;
    chart.series.getItemAt(1).chartType = 'Line';
    chart.legend.position = 'Bottom';
    chart.setPosition(plan.from, plan.to);
  }

  private exists(name: string): boolean {
    return this.sheetNames.some((n) => n.toLowerCase() === name.toLowerCase());
  }

  private need(feature: Feature): boolean {
    if (supports(feature)) return true;
    this.notices.add(NOTICES[feature]);
    return false;
  }

  /**
   * An empty sheet named `name`. An existing one is emptied in place — contents, formats, merges,
   * conditional formats, validations, page breaks, widths and heights, its tables and charts — so
   * that the users' formulas, charts and names that point at it keep working: renaming it away and
   * deleting it would turn them into #REF!. Its view (freeze panes, tab colour) stays as the user
   * left it unless the plan sets one. A protected sheet is replaced all the same (renamed, then
   * deleted), as unprotecting it could need its password.
   */
  private freshSheet(name: string): Excel.Worksheet {
    const worksheets = this.context.workbook.worksheets;
    const index = this.sheetNames.findIndex((n) => n.toLowerCase() === name.toLowerCase());
    if (index < 0) {
      this.sheetNames.push(name);
      return worksheets.add(name);
    }
    const key = name.toLowerCase();
    if (!this.locked.has(key)) {
      const ws = worksheets.getItem(name);
      emptySheet(ws, this.sheetTables[key] ?? [], this.sheetCharts[key] ?? []);
      return ws;
    }
    const old = worksheets.getItem(name);
    let temp: string;
    do temp = `~td-old-${++this.temp}`;
    while (this.exists(temp));
    old.name = temp;
    const sheet = worksheets.add(name);
    sheet.position = index;
    old.delete();
    return sheet;
  }

  /**
   * Optional cosmetics go last, in a sync of their own: a batch is not a transaction, and freeze
   * panes throw GeneralException on some Excel 2019 builds (office-js #2196). Their failure is a
   * notice; the data is written by then. Returns the syncs made (0 or 1).
   */
  async applyCosmetics(): Promise<number> {
    if (!this.cosmetics.length) return 0;
    for (const apply of this.cosmetics) apply();
    try {
      await this.context.sync();
    } catch {
      this.notices.add(NOTICES.cosmetics);
    }
    return 1;
  }

  private freezeLater(sheet: string, rows: number, columns: number): void {
    this.cosmetics.push(() =>
      freeze(this.context.workbook.worksheets.getItem(sheet), rows, columns),
    );
  }

  async sheet(plan: SheetPlan): Promise<void> {
    // Each group of actions is reserved just before it is queued (see RequestBudget): emptying the
    // sheet, widths and heights (a range and a set each) first, then merges, then what follows
    // the tables.
    const sized = (plan.columnWidths?.length ?? 0) + Object.keys(plan.rowHeights ?? {}).length;
    await this.budget.reserve(0, 10 + 2 * sized);
    const ws = this.freshSheet(plan.sheet);
    let group = 0;
    const reach = async (next: number) => {
      for (; group < next; group++) {
        if (group === 0)
          await this.budget.reserve(jsonBytes(plan.merges ?? []), 2 * (plan.merges?.length ?? 0));
        if (group === 2) {
          const extras = [plan.conditionalFormats, plan.validations, plan.protection];
          await this.budget.reserve(jsonBytes(extras), finishingActions(plan));
        }
      }
    };
    for (const entry of sheetEntries(plan)) {
      await reach(BUDGET_GROUP[entry.kind]);
      await this.entry(ws, plan.sheet, entry);
    }
    await reach(3);
  }

  private async entry(ws: Excel.Worksheet, sheet: string, e: SheetEntry): Promise<void> {
    switch (e.kind) {
      case 'tabColor':
        this.cosmetics.push(
          () => (this.context.workbook.worksheets.getItem(sheet).tabColor = color(e.color)),
        );
        return;
      case 'columnWidth':
        ws.getRange(columnRange(e.col)).format.columnWidth = columnWidthPoints(e.width);
        return;
      case 'rowHeight':
        ws.getRange(`${e.row}:${e.row}`).format.rowHeight = e.height;
        return;
      case 'range': {
        const formats = e.formats?.map((f) => f ?? null);
        await this.block(
          ws,
          e.col,
          e.row,
          e.values.map((cells) => pad(cells, e.width)),
          formats,
        );
        if (e.style) {
          await this.budget.reserve(jsonBytes(e.style), styleActions(e.style));
          applyStyle(ws.getRange(rangeAddress(e.col, e.row, e.width, e.values.length)), e.style);
        }
        return;
      }
      case 'merge':
        ws.getRange(e.range).merge(false);
        return;
      case 'table':
        return this.newTable(ws, e.table);
      case 'validation':
        if (this.need('validation')) addValidation(ws, e.validation, e.bounds);
        return;
      case 'conditionalFormat':
        addConditionalFormat(ws, e.format);
        return;
      case 'freeze':
        this.freezeLater(sheet, e.rows, e.columns);
        return;
      case 'print':
        if (!this.need('print')) return;
        ws.pageLayout.paperSize = 'A4';
        ws.pageLayout.orientation = e.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
        ws.pageLayout.zoom = { horizontalFitToPages: e.print.fitToWidth, verticalFitToPages: 0 };
        if (e.print.titleRows) ws.pageLayout.setPrintTitleRows(absoluteRows(e.print.titleRows));
        return;
      case 'rowBreaks':
        if (!this.need('print')) return;
        for (const r of e.rows) if (r > 1) ws.horizontalPageBreaks.add(`A${r}`);
        return;
      case 'protection':
        for (const range of e.unlocked) ws.getRange(range).format.protection.locked = false;
        ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
        return;
      case 'chart':
        return this.chart(ws, sheet, e.chart);
      default:
        return unhandled(e);
    }
  }

  /**
   * Values (as formulas, so that FormulaCells live) and number formats of a block, split by rows to
   * fit a request. Values go in before the formats, so a text format ('@') never meets the
   * apostrophe that marks a string; `clearFormats` first resets cells that may carry old formats.
   */
  private async block(
    ws: Excel.Worksheet,
    col: number,
    row: number,
    input: OfficeInput[][],
    formats: (string | null)[] | undefined,
    clearFormats = false,
  ): Promise<void> {
    const width = input[0]?.length ?? 0;
    if (width === 0) return;
    const formatBytes = formats ? jsonBytes(formats) : 0;
    for (const chunk of this.budget.chunks(input, (r) => jsonBytes(r) + formatBytes)) {
      // getRange, clear, formulas, numberFormat.
      await this.budget.reserve(jsonBytes(chunk.rows) + formatBytes * chunk.rows.length, 4);
      const range = ws.getRange(rangeAddress(col, row + chunk.start, width, chunk.rows.length));
      if (clearFormats) range.clear('Formats');
      range.formulas = chunk.rows;
      if (formats) range.numberFormat = chunk.rows.map(() => formats);
    }
  }

  private async newTable(ws: Excel.Worksheet, t: NewTable): Promise<void> {
    const { col, row, headers } = t;
    const body = t.body.map((cells) => cells.map((v) => officeInput(v)));
    await this.block(ws, col, row, [headers.map((h) => officeInput(h))], undefined);
    const formats = t.formats.map((f) => f ?? null);
    await this.block(ws, col, row + 1, body, formats.some((f) => f !== null) ? formats : undefined);
    await this.budget.reserve(0, 3 + headers.length);
    const table = ws.tables.add(rangeAddress(col, row, headers.length, body.length + 1), true);
    table.name = t.name;
    table.style = t.style;
    t.widths.forEach((width, j) => {
      if (width) ws.getRange(columnRange(col + j)).format.columnWidth = columnWidthPoints(width);
    });
  }

  async tableUpdate({ update: u, rewrite }: PreparedUpdate): Promise<void> {
    if (!rewrite) {
      const { sheet, table, freezeHeader } = tableToCreate(u);
      const created = !this.exists(sheet);
      const ws = created ? this.freshSheet(sheet) : this.context.workbook.worksheets.getItem(sheet);
      await this.newTable(ws, table);
      if (created && freezeHeader) this.freezeLater(sheet, 1, 0);
      return;
    }
    const { headers, headerRow, firstCol, bodyRows, kept } = rewrite;
    const table = this.context.workbook.tables.getItem(rewrite.name);
    const total = kept + rewrite.body.length + (rewrite.blankRow ? 1 : 0);
    // Excel moves no cells in a filtered table (office-js #994, #468): the filters are cleared for
    // the rows to be added or deleted, and applied again to the rewritten rows.
    const filters = total === bodyRows ? [] : (this.filters[rewrite.name] ?? []);
    if (filters.length) table.clearFilters();
    if (total > bodyRows) {
      const blank = Array.from({ length: total - bodyRows }, () => headers.map(() => ''));
      await this.budget.reserve(jsonBytes(blank), 2 + filters.length * 2);
      table.rows.add(undefined, blank);
    } else if (total < bodyRows) {
      table
        .getDataBodyRange()
        .getRow(total)
        .getResizedRange(bodyRows - total - 1, 0)
        .delete('Up');
    }
    const input = rewrite.body.map((cells) => cells.map((v) => officeInput(v)));
    if (rewrite.blankRow) input.push(headers.map(() => ''));
    const formats = rewrite.formats.map((f) => f ?? 'General');
    // Rewritten rows lose their old cell formats, as in the ExcelJS adapter (the table style stays).
    await this.block(table.worksheet, firstCol, headerRow + 1 + kept, input, formats, true);
    for (const f of filters) table.columns.getItemAt(f.column).filter.apply(f.criteria);
  }
}
