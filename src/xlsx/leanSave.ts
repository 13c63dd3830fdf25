/**
 * Saving lean sheets (leanSheet.ts). Before ExcelJS writes, each lean sheet gets a stub row holding
 * one cell per style object its rows use, so ExcelJS registers those styles in styles.xml; after it
 * wrote, the stub's cells give each style its index, and the sheet's `<sheetData>` is replaced by
 * the lean rows rendered as ExcelJS renders rows and cells, their strings appended to the shared
 * strings ExcelJS wrote.
 */
import type ExcelJS from 'exceljs';
import { columnName } from '../engine/address';
import { ByteSink } from './byteSink';
import type { PartStore } from './partStore';
import { clearStoredRows, storedRows } from './excelInternals';
import { LeanRow, LeanSheet, LeanStyle, leanSheet } from './leanSheet';
import { readSharedStrings, sharedStringXml, xmlEscape } from './leanXml';

interface Staged {
  ws: ExcelJS.Worksheet;
  sheet: LeanSheet;
  styles: LeanStyle[];
}

/** The lean sheets of `wb` with their stub rows in place; `unstage` takes the stubs out again. */
export function stageLeanSheets(wb: ExcelJS.Workbook): Staged[] {
  const staged: Staged[] = [];
  let stringCell = false;
  for (const ws of wb.worksheets) {
    const sheet = leanSheet(ws);
    if (!sheet) continue;
    const styles = new Set<LeanStyle>();
    let text: string | undefined;
    for (const row of sheet.rows) {
      if (!row) continue;
      if (row.style) styles.add(row.style);
      for (const cell of row.cells) {
        if (!cell) continue;
        if (cell.style) styles.add(cell.style);
        if (text === undefined && typeof cell.value === 'string') text = cell.value;
      }
    }
    // Everything here writes a lean sheet's cells into its lean rows: a cell written through
    // ExcelJS would be lost, so it stops the save instead.
    if (storedRows(ws).length)
      throw new Error(
        `lean sheet ${ws.name}: a cell was written through ExcelJS, not its lean rows`,
      );
    const stub = ws.getRow(1);
    const list = [...styles];
    list.forEach((style, k) => {
      const cell = stub.getCell(k + 1);
      cell.value = 0;
      cell.style = style;
    });
    // A string of the sheet's own, so ExcelJS writes a sharedStrings part to append to.
    if (text !== undefined && !stringCell) {
      stub.getCell(list.length + 1).value = text;
      stringCell = true;
    }
    staged.push({ ws, sheet, styles: list });
  }
  return staged;
}

export function unstage(staged: Staged[]): void {
  for (const s of staged) clearStoredRows(s.ws);
}

const STRINGS_PART = 'xl/sharedStrings.xml';

/** The shared strings ExcelJS wrote, extended by the lean sheets' strings. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private readonly recent: string[] = [];
  private readonly recentIds: number[] = [];
  private readonly written: number;
  private count: number;

  constructor(private readonly xml: string) {
    const strings = readSharedStrings(xml);
    strings.forEach((s, i) => {
      if (s !== null && !this.index.has(s)) this.index.set(s, i);
    });
    this.written = strings.length;
    this.count = Number(/<sst\b[^>]*\bcount="(\d+)"/.exec(xml)?.[1] ?? strings.length);
  }

  get unique(): number {
    return this.written + this.added.length;
  }

  /**
   * The index of `s`, appended if ExcelJS did not write it; counts one more reference. `column`:
   * a table column often repeats its last string (a file name, a status), found without the map.
   */
  id(s: string, column: number): number {
    this.count++;
    if (this.recent[column] === s) return this.recentIds[column];
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.unique;
      this.index.set(s, i);
      this.added.push(s);
    }
    this.recent[column] = s;
    this.recentIds[column] = i;
    return i;
  }

  part(): Uint8Array {
    const end = this.xml.lastIndexOf('</sst>');
    const sink = new ByteSink();
    sink.write(
      this.xml
        .slice(0, end)
        .replace(/(<sst\b[^>]*?\bcount=")\d+"/, `$1${this.count}"`)
        .replace(/(<sst\b[^>]*?\buniqueCount=")\d+"/, `$1${this.unique}"`),
    );
    for (const s of this.added) sink.write(sharedStringXml(s));
    sink.write('</sst>');
    return sink.written();
  }
}

/** A formula cell's inner XML and type, as ExcelJS's cell xform renders it. */
function formulaXml(v: ExcelJS.CellFormulaValue): [string | undefined, string] {
  const f = `<f>${xmlEscape(v.formula)}</f>`;
  const r = v.result;
  if (r === null || r === undefined) return [undefined, f];
  if (typeof r === 'string') return ['str', `${f}<v>${xmlEscape(r)}</v>`];
  if (typeof r === 'number') return [undefined, `${f}<v>${r}</v>`];
  if (typeof r === 'boolean') return ['b', `${f}<v>${r ? 1 : 0}</v>`];
  if (typeof r === 'object' && 'error' in r)
    return ['e', `${f}<v>${xmlEscape(String(r.error))}</v>`];
  throw new Error(`lean sheet: a formula result ExcelJS would not write: ${JSON.stringify(r)}`);
}

/** One cell's XML (empty when ExcelJS writes nothing for it); `style` is its ` s="…"` or "". */
function cellXml(
  ref: string,
  value: ExcelJS.CellValue,
  style: string,
  strings: SharedStrings,
  column: number,
): string {
  if (value === null || value === undefined) return style ? `<c r="${ref}"${style}/>` : '';
  if (typeof value === 'number') return `<c r="${ref}"${style}><v>${value}</v></c>`;
  if (typeof value === 'string')
    return `<c r="${ref}"${style} t="s"><v>${strings.id(value, column)}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === 'object' && 'formula' in value && typeof value.formula === 'string') {
    const [t, inner] = formulaXml(value as ExcelJS.CellFormulaValue);
    return `<c r="${ref}"${style}${t ? ` t="${t}"` : ''}>${inner}</c>`;
  }
  if (typeof value === 'object' && 'error' in value)
    return `<c r="${ref}"${style} t="e"><v>${xmlEscape(String(value.error))}</v></c>`;
  throw new Error(`lean sheet: a cell value lean sheets do not write: ${JSON.stringify(value)}`);
}

/**
 * The range of the cells with values, as ExcelJS writes it in `<dimension>` ("A1" for none), and
 * how many cells there are.
 */
function usedRange(rows: (LeanRow | undefined)[]): { ref: string; cells: number } {
  let cells = 0;
  let top = 0;
  let bottom = 0;
  let left = 0;
  let right = 0;
  rows.forEach((row, i) => {
    row?.cells.forEach((cell, c) => {
      if (!cell) return;
      cells++;
      if (cell.value === null || cell.value === undefined) return;
      if (!top) top = i + 1;
      bottom = i + 1;
      left = left ? Math.min(left, c + 1) : c + 1;
      right = Math.max(right, c + 1);
    });
  });
  const ref = top ? `${columnName(left - 1)}${top}:${columnName(right - 1)}${bottom}` : 'A1';
  return { ref, cells };
}

/** Writes the rows' XML into `sink`. */
function renderRows(
  rows: (LeanRow | undefined)[],
  styleId: (style: LeanStyle | null | undefined) => number,
  strings: SharedStrings,
  letters: string[],
  sink: ByteSink,
): void {
  const attributes = new Map<LeanStyle, string>();
  const styleAttribute = (style: LeanStyle | null) => {
    if (!style) return '';
    let a = attributes.get(style);
    if (a === undefined) {
      const s = styleId(style);
      attributes.set(style, (a = s ? ` s="${s}"` : ''));
    }
    return a;
  };
  rows.forEach((row, i) => {
    if (!row) return;
    const r = i + 1;
    // Joined per row: a row built by += would keep every cell's string alive until it is written.
    const cells: string[] = [];
    let min = 0;
    let max = 0;
    row.cells.forEach((cell, c) => {
      if (!cell) return;
      letters[c] ??= columnName(c);
      const xml = cellXml(`${letters[c]}${r}`, cell.value, styleAttribute(cell.style), strings, c);
      if (!xml) return;
      cells.push(xml);
      if (!min) min = c + 1;
      max = c + 1;
    });
    if (!cells.length && !row.height) return;
    let attrs = `r="${r}"`;
    if (row.height) attrs += ` ht="${row.height}" customHeight="1"`;
    if (row.hidden) attrs += ' hidden="1"';
    if (min) attrs += ` spans="${min}:${max}"`;
    const s = styleId(row.style);
    if (s) attrs += ` s="${s}" customFormat="1"`;
    attrs += ' x14ac:dyDescent="0.25"';
    if (row.outlineLevel) attrs += ` outlineLevel="${row.outlineLevel}"`;
    if (row.collapsed) attrs += ' collapsed="1"';
    sink.write(`<row ${attrs}>${cells.join('')}</row>`);
  });
}

/** Replaces each staged sheet's stub with its rows in the package ExcelJS wrote. */
export async function spliceLeanSheets(zip: PartStore, staged: Staged[]): Promise<void> {
  if (!staged.length) return;
  const stringsPart = zip.file(STRINGS_PART);
  const strings = new SharedStrings(stringsPart ? await stringsPart.async('string') : '');
  const letters: string[] = [];
  for (const { ws, sheet, styles } of staged) {
    const name = `xl/worksheets/sheet${ws.id}.xml`;
    const part = zip.file(name);
    if (!part) throw new Error(`lean sheet: ExcelJS wrote no ${name}`);
    const xml = await part.async('string');
    // An empty stub (no styles, no string) is written as <sheetData/>.
    const data = /<sheetData>([\s\S]*?)<\/sheetData>|<sheetData\/>/.exec(xml);
    if (!data) throw new Error(`lean sheet: no sheetData in ${name}`);
    const open = data.index;
    const stub = data[1] ?? '';
    const ids = new Map<LeanStyle, number>();
    styles.forEach((style, k) => {
      const m = new RegExp(`<c r="${columnName(k)}1"(?: s="(\\d+)")?`).exec(stub);
      ids.set(style, Number(m?.[1] ?? 0));
    });
    const styleId = (style: LeanStyle | null | undefined) => (style ? (ids.get(style) ?? 0) : 0);
    const { ref, cells } = usedRange(sheet.rows);
    // A cell's XML, its reference, style and value, is ~40 bytes; its row's share of ~60 more.
    const sink = new ByteSink(3 * xml.length + 64 * cells);
    sink.write(
      xml.slice(0, open).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`),
    );
    sink.write('<sheetData>');
    renderRows(sheet.rows, styleId, strings, letters, sink);
    sink.write(`</sheetData>${xml.slice(open + data[0].length)}`);
    zip.file(name, sink.written());
  }
  if (stringsPart) zip.file(STRINGS_PART, strings.part());
  else if (strings.unique) throw new Error('lean sheet: strings but no sharedStrings part');
}
