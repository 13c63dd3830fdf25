/**
 * Loading and saving plan workbooks. Saving writes ExcelJS's package, draws the native charts
 * (src/xlsx/chart.ts) and the custom document properties; the bytes go to disk through the book
 * store (src/store/), which replaces files atomically and safely.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as path from 'path';
import { inputError } from '../engine/errors';
import { replaceFile } from '../store/replaceFile';
import { drawNativeCharts } from './chart';
import { PartStore, StoredParts } from './partStore';
import { openParts } from './openPackage';
import { storedPackage } from './zipPackage';
import { attachLeanSheets, takeLeanSheets } from './leanLoad';
import { validationsCompacted } from './leanValidations';
import { spliceLeanSheets, stageLeanSheets, unstage } from './leanSave';
import { storedCharts } from './chartStore';
import { checkReplaced, sheetParts } from './replacedSheets';
import { partsCustomProperties, writeCustomProperties } from './properties';
import {
  setValidationModel,
  storedCells,
  storedRows,
  tableModel,
  validationModel,
} from './excelInternals';

/** Custom properties a loaded book carried, so saving it keeps them (ExcelJS drops them). */
const loadedProperties = new WeakMap<ExcelJS.Workbook, Record<string, string>>();

/** A book from the bytes of `file`, through the reading front door (src/xlsx/openPackage.ts). */
export async function loadBookBuffer(
  buffer: Buffer,
  file: string,
  options: LoadOptions = {},
): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const { parts, crcs } = await openParts(buffer, file);
  const properties = partsCustomProperties(parts);
  const changed = new Set<string>();
  const lean =
    options.lean === false
      ? []
      : takeLeanSheets(parts, changed, sheetParts(parts, options.replaced ?? []));
  for (const name of changed) crcs.delete(name);
  const stored = storedPackage(parts, crcs);
  parts.clear();
  try {
    await wb.xlsx.load(stored as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw inputError('file.notWorkbook', file, { detail: (e as Error).message });
  }
  if (options.lean !== false) attachLeanSheets(wb, lean);
  loadedProperties.set(wb, properties);
  for (const ws of wb.worksheets) {
    repairErrorStyles(ws);
    if (!validationsCompacted(ws)) compactValidations(ws);
    dropDefaultOutline(ws);
    // Books saved by LibreOffice have tables without a style, which ExcelJS cannot write back.
    for (const t of ws.getTables()) {
      const model = tableModel(t);
      if (!model.style) model.style = {};
    }
  }
  return wb;
}

export interface LoadOptions {
  /**
   * Keep big table sheets out of ExcelJS's cells (leanSheet.ts); false for a host that reads the
   * ExcelJS cells itself (the web version's grid).
   */
  lean?: boolean;
  /**
   * Sheets the job reads as values and then lays out afresh (run's bulletin): their values are
   * read without ExcelJS cells, and saving refuses a book that still holds one (replacedSheets.ts).
   */
  replaced?: readonly string[];
}

export async function loadBook(file: string, options: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (e) {
    throw inputError('book.unreadable', file, {
      cause: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
    });
  }
  return loadBookBuffer(buffer, file, options);
}

/**
 * openpyxl writes `<outlinePr summaryBelow="1" summaryRight="1"/>` (the defaults) on every sheet, and
 * ExcelJS writes it back after `<pageSetUpPr>`, against the schema's order. Default outline
 * properties say nothing, so they are dropped on loading.
 */
function dropDefaultOutline(ws: ExcelJS.Worksheet): void {
  const properties = ws.properties as Partial<ExcelJS.WorksheetProperties> & {
    outlineProperties?: { summaryBelow?: boolean; summaryRight?: boolean };
  };
  const outline = properties.outlineProperties;
  if (outline && outline.summaryBelow !== false && outline.summaryRight !== false)
    delete properties.outlineProperties;
}

/**
 * Our releases before 2026-11-29 wrote data validations with errorStyle="error", which the schema
 * lacks (ST_DataValidationErrorStyle: stop, warning, information) and Excel drops when it
 * "repairs" the file: read back as `stop`, what those books meant, so a re-saved book is valid.
 */
function repairErrorStyles(ws: ExcelJS.Worksheet): void {
  for (const v of Object.values(validationModel(ws))) {
    const validation = v as { errorStyle?: string } | undefined;
    if (
      validation?.errorStyle &&
      !['stop', 'warning', 'information'].includes(validation.errorStyle)
    )
      validation.errorStyle = 'stop';
  }
}

/**
 * ExcelJS expands each loaded validation range into one entry per cell and, writing them back,
 * merges them into overlapping ranges. Folding the cells back into column runs keeps the file as it was.
 */
function compactValidations(ws: ExcelJS.Worksheet): void {
  const validations = validationModel(ws);
  const groups = new Map<string, { col: string; row: number }[]>();
  const specs = new Map<string, unknown>();
  const keys = new Map<unknown, string>();
  let ranges = 0;
  for (const [address, v] of Object.entries(validations)) {
    if (!v) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) {
      ranges++;
      continue;
    }
    // ExcelJS gives every cell of a loaded range the same object: stringify each object once.
    let key = keys.get(v);
    if (key === undefined) keys.set(v, (key = JSON.stringify(v)));
    specs.set(key, v);
    const cells = groups.get(key);
    if (cells) cells.push({ col: m[1], row: Number(m[2]) });
    else groups.set(key, [{ col: m[1], row: Number(m[2]) }]);
  }
  if (!groups.size) return;
  const model: Record<string, unknown> = {};
  if (ranges)
    for (const [a, v] of Object.entries(validations)) if (v && a.includes(':')) model[a] = v;
  for (const [key, cells] of groups) {
    cells.sort((a, b) =>
      a.col === b.col ? a.row - b.row : a.col.length - b.col.length || (a.col < b.col ? -1 : 1),
    );
    let start = cells[0];
    let prev = cells[0];
    const flush = () => {
      model[
        start.row === prev.row
          ? `${start.col}${start.row}`
          : `${start.col}${start.row}:${prev.col}${prev.row}`
      ] = specs.get(key);
    };
    for (const c of cells.slice(1)) {
      if (c.col === prev.col && c.row === prev.row + 1) {
        prev = c;
        continue;
      }
      flush();
      start = prev = c;
    }
    flush();
  }
  setValidationModel(ws, model);
}

export interface SaveOptions {
  /** Custom document properties to set (merged over those the book was loaded with). */
  properties?: Record<string, string>;
}

/**
 * The xlsx package of a workbook: ExcelJS's output plus native charts and custom properties.
 * ExcelJS writes its parts uncompressed, so the package is compressed once, after the additions.
 */
export async function bookBuffer(wb: ExcelJS.Workbook, options: SaveOptions = {}): Promise<Buffer> {
  const zip = await finishedPackage(wb, options, async (stored) => JSZip.loadAsync(stored));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * ExcelJS's stored package opened by `open`, with the lean sheets spliced in, the native charts
 * drawn and the custom properties set.
 */
async function finishedPackage<T extends PartStore>(
  wb: ExcelJS.Workbook,
  options: SaveOptions,
  open: (stored: Buffer) => Promise<T>,
): Promise<T> {
  checkReplaced(wb);
  const restore = shareEmptyStyles(wb);
  const lean = stageLeanSheets(wb);
  let stored: ExcelJS.Buffer;
  try {
    stored = await wb.xlsx.writeBuffer({
      zip: { compression: 'STORE' },
    } as ExcelJS.XlsxWriteOptions);
  } finally {
    unstage(lean);
    restore();
  }
  const zip = await open(stored as unknown as Buffer);
  await spliceLeanSheets(zip, lean);
  await drawNativeCharts(zip, storedCharts(wb));
  const props = { ...(loadedProperties.get(wb) ?? {}), ...(options.properties ?? {}) };
  if (Object.keys(props).length) await writeCustomProperties(zip, props);
  return zip;
}

interface Styled {
  style: Partial<ExcelJS.Style>;
}

/**
 * ExcelJS gives every new row and cell an empty style object of its own, and writing renders the
 * XML of each distinct style object (tens of thousands on a big book). For the write, empty styles
 * are swapped for one shared object per cell type (a Date cell without a format gets a date format,
 * nothing else differs), then given back so no later edit of a cell can reach the shared one.
 * Returns the function that gives them back.
 */
function shareEmptyStyles(wb: ExcelJS.Workbook): () => void {
  const swapped: [Styled, Partial<ExcelJS.Style>][] = [];
  const shared = new Map<number, Partial<ExcelJS.Style>>();
  const share = (o: Styled, type: number) => {
    const style = o.style;
    if (!style || Object.keys(style).length) return;
    let empty = shared.get(type);
    if (!empty) shared.set(type, (empty = {}));
    swapped.push([o, style]);
    o.style = empty;
  };
  for (const ws of wb.worksheets) {
    for (const row of storedRows(ws)) {
      share(row as unknown as Styled, -1);
      for (const cell of storedCells(row)) share(cell as unknown as Styled, cell.effectiveType);
    }
  }
  return () => {
    for (const [o, style] of swapped) o.style = style;
  };
}

/**
 * The package as saved to a file: bookBuffer's, its parts finished in place and compressed by Node's
 * zlib (much faster than jszip, which reading and writing the whole package again would need).
 */
export async function bookFileBytes(
  wb: ExcelJS.Workbook,
  options: SaveOptions = {},
): Promise<Buffer> {
  const parts = await finishedPackage(wb, options, async (stored) => new StoredParts(stored));
  return parts.deflated();
}

/** Saves a book as it is, replacing any file there (the CLI goes through src/store/bookStore.ts). */
export async function saveBookAtomic(
  wb: ExcelJS.Workbook,
  file: string,
  options: SaveOptions = {},
): Promise<void> {
  const bytes = await bookFileBytes(wb, options);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await replaceFile(file, bytes);
}
