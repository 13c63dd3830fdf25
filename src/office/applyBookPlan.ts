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
import { decodeCell, encodeCell } from '../plan/bookSchema';
import { resolveTableFormula } from '../plan/formula';
import type {
  Scalar,
  BookPlan,
  BookSnapshot,
  ChartPlan,
  PlanCell,
  SheetPlan,
  TableColumn,
} from '../plan/types';
import { OfficeInput, officeInput } from './cellInput';
import { CHART_STORE_SHEET, chartStoreRows } from '../plan/chartStore';
import { CHART_DATA_FORMATS, CHART_DATA_SHEET, chartBlock, ownedRuns } from './chartData';
import { RequestBudget, jsonBytes } from './requestBudget';
import type { OfficeSnapshot } from './readSnapshot';
import { Feature, supports } from './requirements';
import { columnWidthPoints } from '../plan/columnWidth';
import { checkSheetTables, checkStructure, checkUnprotected } from './preflight';
import { PreparedUpdate, prepareUpdate, tablesAfterSheets } from './tableUpdates';
import {
  absoluteRows,
  addConditionalFormat,
  addValidation,
  applyStyle,
  color,
  emptySheet,
  finishingActions,
  freeze,
  pad,
  rangeAddress,
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

/** What the user is told when the host lacks a feature the plan uses. */
export const NOTICES = {
  validation: '此版本的 Excel 不支持数据验证（需要 ExcelApi 1.8），已跳过数据验证。',
  print: '此版本的 Excel 不支持页面设置（需要 ExcelApi 1.9），已跳过打印设置和分页符。',
  manualCalculation: '此工作簿为手动计算模式：已在读取前和写入后各重新计算一次。',
  cosmetics:
    '数据已全部写入；冻结窗格和工作表标签颜色未能设置（此版本的 Excel 报错），可在“视图”中手动设置。',
};

const DEFAULT_TABLE_STYLE = 'TableStyleMedium2';

export async function applyBookPlan(
  context: Excel.RequestContext,
  plan: BookPlan,
  snapshot: BookSnapshot,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const tables = tablesAfterSheets(plan, snapshot);
  const updates = plan.tableUpdates.map((u) => prepareUpdate(u, tables[u.table]));
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
        ws.getRange(rangeAddress(0, 1, width, this.storeRows.length)).clear(
          'Contents' as Excel.ClearApplyTo,
        );
    } else {
      ws = worksheets.add(CHART_STORE_SHEET);
      ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
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
        this.chartSheet.visibility = 'VeryHidden' as Excel.SheetVisibility;
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
      'ColumnClustered' as Excel.ChartType,
      data.getRange(`A${first}:C${first + block.length - 1}`),
      'Columns' as Excel.ChartSeriesBy,
    );
    chart.title.text = plan.title;
    chart.series.getItemAt(1).chartType = 'Line' as Excel.ChartType;
    chart.legend.position = 'Bottom' as Excel.ChartLegendPosition;
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
    // sheet, widths and heights (a range and a set each) first.
    const sized = (plan.columnWidths?.length ?? 0) + Object.keys(plan.rowHeights ?? {}).length;
    await this.budget.reserve(0, 10 + 2 * sized);
    const ws = this.freshSheet(plan.sheet);
    const tabColor = plan.tabColor;
    if (tabColor)
      this.cosmetics.push(
        () => (this.context.workbook.worksheets.getItem(plan.sheet).tabColor = color(tabColor)),
      );
    plan.columnWidths?.forEach((w, i) => {
      const col = encodeCell(i, 1).replace(/\d+$/, '');
      ws.getRange(`${col}:${col}`).format.columnWidth = columnWidthPoints(w);
    });
    for (const [row, h] of Object.entries(plan.rowHeights ?? {}))
      ws.getRange(`${row}:${row}`).format.rowHeight = h;
    for (const r of plan.ranges) {
      const { col, row } = decodeCell(r.at);
      const width = Math.max(0, ...r.values.map((v) => v.length));
      const formats =
        r.numberFormat === undefined
          ? undefined
          : Array.from(
              { length: width },
              (_, j) =>
                (Array.isArray(r.numberFormat) ? r.numberFormat[j] : r.numberFormat) ?? null,
            );
      await this.block(
        ws,
        col,
        row,
        r.values.map((cells) => pad(cells, width)),
        formats,
      );
      if (r.style) {
        await this.budget.reserve(jsonBytes(r.style), styleActions(r.style));
        applyStyle(ws.getRange(rangeAddress(col, row, width, r.values.length)), r.style);
      }
    }
    await this.budget.reserve(jsonBytes(plan.merges ?? []), 2 * (plan.merges?.length ?? 0));
    for (const m of plan.merges ?? []) ws.getRange(m).merge(false);
    for (const t of plan.tables ?? []) {
      const { col, row } = decodeCell(t.at);
      await this.newTable(ws, t.name, col, row, t.columns, t.rows, t.style);
    }
    const extras = [plan.conditionalFormats, plan.validations, plan.protection];
    await this.budget.reserve(jsonBytes(extras), finishingActions(plan));
    if (plan.validations?.length && this.need('validation')) {
      for (const v of plan.validations) addValidation(ws, v);
    }
    plan.conditionalFormats?.forEach((p) => addConditionalFormat(ws, p));
    if (plan.freeze) this.freezeLater(plan.sheet, plan.freeze.rows, plan.freeze.columns);
    if ((plan.print || plan.rowBreaks?.length) && this.need('print')) {
      if (plan.print) {
        ws.pageLayout.paperSize = 'A4' as Excel.PaperType;
        ws.pageLayout.orientation = (
          plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait'
        ) as Excel.PageOrientation;
        ws.pageLayout.zoom = { horizontalFitToPages: plan.print.fitToWidth, verticalFitToPages: 0 };
        if (plan.print.titleRows)
          ws.pageLayout.setPrintTitleRows(absoluteRows(plan.print.titleRows));
      }
      for (const r of plan.rowBreaks ?? []) if (r > 1) ws.horizontalPageBreaks.add(`A${r}`);
    }
    if (plan.protection) {
      for (const range of plan.protection.unlocked)
        ws.getRange(range).format.protection.locked = false;
      ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    }
    for (const chart of plan.charts ?? []) await this.chart(ws, plan.sheet, chart);
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
      if (clearFormats) range.clear('Formats' as Excel.ClearApplyTo);
      range.formulas = chunk.rows;
      if (formats) range.numberFormat = chunk.rows.map(() => formats);
    }
  }

  private async newTable(
    ws: Excel.Worksheet,
    name: string,
    col: number,
    row: number,
    columns: readonly TableColumn[],
    rows: readonly PlanCell[][],
    style: string | undefined,
  ): Promise<void> {
    const headers = columns.map((c) => c.header);
    const body = (rows.length ? rows : [headers.map(() => null)]).map((cells, i) =>
      headers.map((_, j) =>
        officeInput(cells[j] ?? null, (f) => resolveTableFormula(f, headers, col, row + 1 + i)),
      ),
    );
    await this.block(ws, col, row, [headers.map((h) => officeInput(h))], undefined);
    const formats = columns.map((c) => c.numberFormat ?? null);
    await this.block(ws, col, row + 1, body, formats.some((f) => f !== null) ? formats : undefined);
    await this.budget.reserve(0, 3 + columns.length);
    const table = ws.tables.add(rangeAddress(col, row, headers.length, body.length + 1), true);
    table.name = name;
    table.style = style ?? DEFAULT_TABLE_STYLE;
    columns.forEach((c, j) => {
      if (c.width) {
        const letter = encodeCell(col + j, 1).replace(/\d+$/, '');
        ws.getRange(`${letter}:${letter}`).format.columnWidth = columnWidthPoints(c.width);
      }
    });
  }

  async tableUpdate({ update: u, existing }: PreparedUpdate): Promise<void> {
    if (!existing) {
      const created = !this.exists(u.sheet);
      const ws = created
        ? this.freshSheet(u.sheet)
        : this.context.workbook.worksheets.getItem(u.sheet);
      const { col, row } = decodeCell(u.at);
      await this.newTable(ws, u.table, col, row, u.columns, u.rows, u.style);
      if (created && row === 1) this.freezeLater(u.sheet, 1, 0);
      return;
    }
    const { headers, source, headerRow, firstCol, bodyRows, kept } = existing;
    const table = this.context.workbook.tables.getItem(u.table);
    const total = Math.max(kept + u.rows.length, 1);
    // Excel moves no cells in a filtered table (office-js #994, #468): the filters are cleared for
    // the rows to be added or deleted, and applied again to the rewritten rows.
    const filters = total === bodyRows ? [] : (this.filters[u.table] ?? []);
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
        .delete('Up' as Excel.DeleteShiftDirection);
    }
    const firstRow = headerRow + 1 + kept;
    const input = u.rows.map((cells, i) =>
      source.map((j) =>
        officeInput(j < 0 ? null : (cells[j] ?? null), (f) =>
          resolveTableFormula(f, headers, firstCol, firstRow + i),
        ),
      ),
    );
    if (kept === 0 && u.rows.length === 0) input.push(headers.map(() => ''));
    const formats = source.map((j) =>
      j < 0 ? 'General' : (u.columns[j].numberFormat ?? 'General'),
    );
    // Rewritten rows lose their old cell formats, as in the ExcelJS adapter (the table style stays).
    await this.block(table.worksheet, firstCol, firstRow, input, formats, true);
    for (const f of filters) table.columns.getItemAt(f.column).filter.apply(f.criteria);
  }
}
