import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as iconv from 'iconv-lite';
import { inputError } from '../engine/errors';
import { GridBook, GridCell, GridSheet } from '../engine/grid';
import { openPackage } from './openPackage';
import { sheetMerges, tableModel } from './excelInternals';
import { NotAPackage } from './zipPackage';
import { readCustomProperties } from './properties';

/**
 * Reads return workbooks and recognition lists into plain grids (src/engine/grid.ts) for the pure
 * checks: what was typed stays apart from formulas, dates and error values.
 */

function gridCell(value: ExcelJS.CellValue): GridCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10) };
  const v = value as unknown as Record<string, unknown>;
  if (typeof v.formula === 'string') return { formula: v.formula };
  if (typeof v.sharedFormula === 'string') return { formula: v.sharedFormula };
  if ('error' in v) return { error: String(v.error) };
  if (Array.isArray(v.richText))
    return (v.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in v) return gridCell(v.text as ExcelJS.CellValue);
  if ('result' in v) return gridCell(v.result as ExcelJS.CellValue);
  return String(value);
}

function gridSheet(ws: ExcelJS.Worksheet): GridSheet {
  const cells: GridCell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: GridCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A merged cell other than its top-left one repeats the master's value in ExcelJS: read it empty.
      out[c - 1] = cell.isMerged && cell.master !== cell ? null : gridCell(cell.value);
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
    cells[r - 1] = out;
  });
  for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
  const tables = ws.getTables().map((t) => {
    const m = tableModel(t);
    return { name: m.name, ref: m.tableRef ?? m.ref ?? '' };
  });
  return { name: ws.name, cells, merges: sheetMerges(ws), tables };
}

/** An xlsx file (a return or a list) as grids plus its custom properties. */
export async function readXlsxGrid(buffer: Buffer, file: string): Promise<GridBook> {
  let zip: JSZip;
  const wb = new ExcelJS.Workbook();
  const notXlsx = () => inputError('file.notXlsx', file, {});
  let stored: Buffer;
  try {
    stored = await openPackage(buffer, file);
  } catch (e) {
    throw e instanceof NotAPackage ? notXlsx() : e;
  }
  try {
    zip = await JSZip.loadAsync(stored);
    await wb.xlsx.load(stored as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
  }
  const properties = await readCustomProperties(zip);
  return { file, properties, sheets: wb.worksheets.map(gridSheet) };
}

/** CSV bytes as text: UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 (Excel's 中文 CSV). */
export function decodeCsv(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return buffer.subarray(3).toString('utf8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), 'utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'gb18030');
  }
}

/** Fields of the line of `text` at `start` split by `sep` outside quotes, and where the next line starts. */
function countFields(text: string, start: number, sep: string): { fields: number; next: number } {
  let fields = 1;
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === sep) fields++;
    else if (!quoted && (ch === '\n' || ch === '\r'))
      return { fields, next: ch === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1 };
  }
  return { fields, next: text.length };
}

/**
 * Tab or comma, decided by the header row rather than the first line: lists often open with a title
 * line without any separator (Excel's 「Unicode 文本」 export is tab-separated). The separator that
 * splits some line of the first 20 into the most fields wins; a tie goes to the tab, since commas
 * turn up inside company names while a tab in a text export is only ever a separator.
 */
function separatorOf(text: string): string {
  const most = (sep: string) => {
    let best = 0;
    for (let line = 0, at = 0; line < 20 && at < text.length; line++) {
      const { fields, next } = countFields(text, at, sep);
      best = Math.max(best, fields);
      at = next;
    }
    return best;
  };
  const tabs = most('\t');
  return tabs > 1 && tabs >= most(',') ? '\t' : ',';
}

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); a tab-separated file is read by tabs.
 * Runs of plain characters are sliced out whole: a field built character by character is a chain
 * of one-character strings that every later use (hashing, comparing) has to flatten first.
 */
export function parseCsv(text: string): string[][] {
  const sep = separatorOf(text).charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    if (quoted) {
      const q = text.indexOf('"', i);
      if (q < 0) {
        field += text.slice(i);
        break;
      }
      field += text.slice(i, q);
      if (text.charCodeAt(q + 1) === QUOTE) {
        field += '"';
        i = q + 2;
      } else {
        quoted = false;
        i = q + 1;
      }
      continue;
    }
    const ch = text.charCodeAt(i);
    if (ch === QUOTE && field === '') {
      quoted = true;
      i++;
    } else if (ch === sep) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === LF || ch === CR) {
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      // A field that has begun takes a quote as a plain character, as it takes everything up to
      // the next separator or line end.
      let end = i + 1;
      for (; end < text.length; end++) {
        const c = text.charCodeAt(end);
        if (c === sep || c === LF || c === CR) break;
      }
      field += text.slice(i, end);
      i = end;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export function csvGrid(buffer: Buffer, file: string): GridBook {
  const cells = parseCsv(decodeCsv(buffer)).map((r) =>
    r.map((v): GridCell => (v.trim() === '' ? null : v)),
  );
  return { file, properties: {}, sheets: [{ name: '', cells, merges: [], tables: [] }] };
}

/** A return or list file by extension; `file` names it in messages (defaults to its base name). */
export async function readGridFile(
  filePath: string,
  file = path.basename(filePath),
): Promise<GridBook> {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(filePath);
  } catch (e) {
    throw inputError('file.unreadable', file, {
      cause: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
    });
  }
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return csvGrid(buffer, file);
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsxGrid(buffer, file);
  throw inputError('file.unsupportedType', file, { ext: ext || null });
}
