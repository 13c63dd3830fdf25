/**
 * Reads what a job needs from the open book in ONE context.sync (SPEC §11) — in more only when the
 * response would pass Excel on the web's 5 MB, see readBodyInBlocks — after asking Excel to
 * recalculate (a book in manual calculation mode would otherwise give stale formula values), and
 * with the workbook's structure protection and calculation mode: the sheet names, every
 * plan table found by name wherever it sits (name, sheet, address, header and body values) and
 * the used-range values of the sheets the job names. Missing tables and sheets come back as null
 * objects (the *OrNullObject methods, ExcelApi 1.4) and are simply absent from the snapshot.
 * The adapter's own chart-data sheet (chartData.ts) and the chart record (src/plan/chartStore.ts)
 * are read too, into `sheets`, when they exist; both are left out of `sheetNames`.
 */
import { TABLES, TABLE_ORDER, decodeCell, encodeCell } from '../plan/bookSchema';
import { dateText, isDateFormat, serialDate } from '../plan/cellDates';
import type { BookSnapshot, Scalar, TableData } from '../plan/types';
import { CHART_STORE_SHEET } from '../plan/chartStore';
import { snapshotScalar } from './cellInput';
import { CHART_DATA_SHEET } from './chartData';

export interface ReadOptions {
  /** Sheets whose values the job needs, by name. */
  sheets?: readonly string[];
  /** Tables to read; default every table of the plan workbook (SPEC §7). */
  tables?: readonly string[];
}

/**
 * The snapshot plus what only Excel has, which applyBookPlan checks before writing (Excel would
 * refuse halfway through the batch): the sheets a user protected and whether the workbook's
 * structure is protected; and whether the book calculates manually.
 */
export interface OfficeSnapshot extends BookSnapshot {
  protectedSheets: string[];
  /** Filters on plan tables, to clear before rows are added or deleted and reapply after. */
  tableFilters: Record<string, { column: number; criteria: Excel.FilterCriteria }[]>;
  /** Names of the tables on each sheet (by lower-case sheet name), all of them. */
  sheetTables: Record<string, string[]>;
  /** Names of the charts on each sheet, by lower-case sheet name. */
  sheetCharts: Record<string, string[]>;
  /** Workbook.protection.protected (ExcelApi 1.7): no sheet may be added, renamed or deleted. */
  structureProtected: boolean;
  /** Application.calculationMode is Manual: the adapter recalculates before reading and after writing. */
  manualCalculation: boolean;
}

export async function readSnapshot(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<OfficeSnapshot> {
  try {
    return await readInOneSync(context, options, true);
  } catch (e) {
    if (!isResponseTooLarge(e)) throw e;
  }
  // Excel on the web refuses a response over 5 MB ("payload size limit for requests and
  // responses of 5MB", Office add-in resource limits): read everything but the table bodies, then
  // the bodies in blocks of rows small enough to come back. Only a very large book takes this path.
  const snapshot = await readInOneSync(context, options, false);
  for (const name of Object.keys(snapshot.tables)) {
    const data = snapshot.tables[name];
    data.rows = await readBodyInBlocks(context, name, data.headers, data.rows.length);
  }
  return snapshot;
}

async function readInOneSync(
  context: Excel.RequestContext,
  options: ReadOptions,
  withBodies: boolean,
): Promise<OfficeSnapshot> {
  // In manual calculation mode formulas keep stale values until a calculation is requested
  // (Excel.CalculationMode.manual); in automatic mode nothing is dirty and this costs nothing.
  const application = context.application;
  application.calculate('Recalculate');
  application.load('calculationMode');
  const protection = context.workbook.protection;
  protection.load('protected');
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected,items/charts/items/name');
  // Headers are the columns' names and rows the data body: Table.getRange() would take in a totals
  // row and leave out a hidden header row (Table.showTotals / showHeaders).
  const tables = (options.tables ?? TABLE_ORDER).map((name) => {
    const table = context.workbook.tables.getItemOrNullObject(name);
    table.load('name');
    const sheet = table.worksheet;
    sheet.load('name');
    const columns = table.columns;
    columns.load('items/name,items/filter/criteria');
    const body = table.getDataBodyRange();
    body.load(withBodies ? 'address,values' : 'address,rowCount');
    const dates = withBodies
      ? dateFormats(name, (header) => columns.getItemOrNullObject(header).getDataBodyRange())
      : [];
    return { table, sheet, columns, body, dates };
  });
  // What a sheet laid out again in place must lose: every table and chart on it.
  const allTables = context.workbook.tables;
  allTables.load('items/name,items/worksheet/name');
  const sheets = [...(options.sheets ?? []), CHART_DATA_SHEET, CHART_STORE_SHEET].map((name) => {
    const used = worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
    used.load('values,rowIndex,columnIndex');
    return { name, used };
  });
  await context.sync();

  const allNames = worksheets.items.map((s) => s.name);
  const snapshot: OfficeSnapshot = {
    sheetNames: allNames.filter((n) => n !== CHART_STORE_SHEET && n !== CHART_DATA_SHEET),
    tables: {},
    sheets: {},
    protectedSheets: worksheets.items.filter((s) => s.protection.protected).map((s) => s.name),
    tableFilters: {},
    sheetTables: {},
    sheetCharts: Object.fromEntries(
      worksheets.items.map((s) => [s.name.toLowerCase(), s.charts.items.map((c) => c.name)]),
    ),
    structureProtected: protection.protected,
    manualCalculation: application.calculationMode === 'Manual',
  };
  for (const t of allTables.items) {
    const key = t.worksheet.name.toLowerCase();
    (snapshot.sheetTables[key] ??= []).push(t.name);
  }
  for (const { table, sheet, columns, body, dates } of tables) {
    if (table.isNullObject) continue;
    const headers = columns.items.map((c) => c.name);
    // Without bodies, the rows are placeholders of the right count for readBodyInBlocks.
    const values = withBodies ? body.values : Array.from({ length: body.rowCount }, () => []);
    const data = tableData(table.name, sheet.name, headers, body.address, values);
    datesAsText(data.rows, headers, dates);
    snapshot.tables[table.name] = data;
    const filters = columns.items.flatMap((c, column) =>
      c.filter.criteria?.filterOn ? [{ column, criteria: c.filter.criteria }] : [],
    );
    if (filters.length) snapshot.tableFilters[table.name] = filters;
  }
  for (const { name, used } of sheets) {
    if (!allNames.some((n) => n.toLowerCase() === name.toLowerCase())) continue;
    snapshot.sheets[name] = used.isNullObject
      ? []
      : fromA1(used.values, used.rowIndex, used.columnIndex);
  }
  return snapshot;
}

/**
 * The body rows of table `name`, a block of rows per sync: the whole body first, each block halved
 * whenever its response is still too large (a read changes nothing, so it is simply asked again).
 */
async function readBodyInBlocks(
  context: Excel.RequestContext,
  name: string,
  headers: string[],
  rowCount: number,
): Promise<Scalar[][]> {
  const rows: Scalar[][] = [];
  let size = rowCount;
  while (rows.length < rowCount) {
    const start = rows.length;
    const count = Math.min(size, rowCount - start);
    const body = context.workbook.tables.getItem(name).getDataBodyRange();
    const block = (column: number, columns: number) =>
      body.getCell(start, column).getResizedRange(count - 1, columns - 1);
    const values = block(0, headers.length);
    values.load('values');
    const dates = dateFormats(name, (header) => block(headers.indexOf(header), 1)).filter(
      ({ header }) => headers.includes(header),
    );
    try {
      await context.sync();
    } catch (e) {
      if (!isResponseTooLarge(e) || count === 1) throw e;
      size = Math.ceil(count / 2);
      continue;
    }
    const got = values.values.map((r) => r.map(snapshotScalar));
    datesAsText(got, headers, dates);
    rows.push(...got);
  }
  return rows;
}

/** The number formats of a table's date columns: a date comes back as its serial number. */
function dateFormats(
  table: string,
  rangeOf: (header: string) => Excel.Range,
): { header: string; formats: Excel.Range }[] {
  return (Object.values(TABLES).find((t) => t.name === table)?.columns ?? [])
    .filter((c) => c.date)
    .map((c) => {
      const formats = rangeOf(c.header);
      formats.load('numberFormat');
      return { header: c.header, formats };
    });
}

function datesAsText(
  rows: Scalar[][],
  headers: string[],
  dates: { header: string; formats: Excel.Range }[],
): void {
  for (const { header, formats } of dates) {
    const j = headers.indexOf(header);
    if (j < 0 || formats.isNullObject) continue;
    rows.forEach((row, i) => {
      const v = row[j];
      if (typeof v === 'number' && isDateFormat(formats.numberFormat[i]?.[0] ?? ''))
        row[j] = dateText(serialDate(v));
    });
  }
}

function isResponseTooLarge(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * `ref` spans the header row and the body, as in a file; when the header row is hidden, its row is
 * the one above the body all the same, so that body row i is always sheet row ref.row + 1 + i.
 */
function tableData(
  name: string,
  sheet: string,
  headers: string[],
  address: string,
  values: unknown[][],
): TableData {
  const { col, row } = decodeCell(
    address
      .slice(address.lastIndexOf('!') + 1)
      .replace(/\$/g, '')
      .split(':')[0],
  );
  return {
    name,
    sheet,
    ref: `${encodeCell(col, row - 1)}:${encodeCell(col + headers.length - 1, row + values.length - 1)}`,
    headers,
    rows: values.map((r) => r.map(snapshotScalar)),
  };
}

/** Used-range values placed from A1, trailing empty cells trimmed from each row (as the ExcelJS adapter does). */
function fromA1(values: unknown[][], rowIndex: number, columnIndex: number): Scalar[][] {
  const out: Scalar[][] = Array.from({ length: rowIndex }, () => []);
  for (const row of values) {
    const cells: Scalar[] = [
      ...Array.from({ length: columnIndex }, () => null),
      ...row.map(snapshotScalar),
    ];
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    out.push(cells);
  }
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}
