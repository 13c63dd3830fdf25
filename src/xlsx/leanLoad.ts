/**
 * Loading big table sheets lean (leanSheet.ts). Before ExcelJS reads the package, the `<sheetData>`
 * of each eligible worksheet part is read into lean rows, the way ExcelJS's cell and row xforms read
 * it, and replaced by one stub row (the last row of a sheet) holding a marker and one cell per style
 * index the rows use: ExcelJS resolves those indices to its style objects, and after loading the
 * stub gives each index its object and leaves the sheet.
 */
import type ExcelJS from 'exceljs';
import { columnFromLetters, columnName } from '../engine/address';
import { clearStoredRows, storedCells } from './excelInternals';
import {
  LEAN_SETTINGS,
  LeanCell,
  LeanRow,
  LeanSheet,
  LeanStyle,
  allowLeanSheets,
  setLeanSheet,
} from './leanSheet';
import { readSharedStrings, xmlText } from './leanXml';
import { CutValidation, restoreValidations, tryCutValidations } from './leanValidations';
import { MergeArea, replacedMerges, setReplacedValues, withoutMerges } from './replacedSheets';

const STUB_ROW = 1048576;
const MARKER = 'td-lean:';
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

/** A lean sheet as read, its style indices not yet resolved. */
interface ReadSheet {
  rows: (LeanRow | undefined)[];
  /**
   * The cells and rows read with a style, and its index in each: resolved after ExcelJS loaded the
   * stub (two arrays, not an object per cell).
   */
  styled: { targets: (LeanCell | LeanRow)[]; indices: number[] };
  /** The validations whose ranges ExcelJS was not given (leanValidations.ts). */
  validations?: CutValidation[];
  /** Read as values only, for a sheet the job replaces, with its merged ranges (replacedSheets.ts). */
  replaced?: { merges: MergeArea[] };
}

/** The lean sheets taken out of a package, to hand to ExcelJS's book once it is loaded. */
export type TakenSheets = ReadSheet[];

/** Attributes of one start tag, `name="value"` pairs (quotes of either kind). */
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]] = xmlText(m[2] ?? m[3]);
  return out;
}

/**
 * A copy of `s` that does not hold the text it was cut from: V8 keeps a substring of 13 or more
 * characters as a slice of its parent, and a few formulas would keep a whole sheet's XML alive.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

/** ExcelJS's utils.xmlDecode, applied once more to `t="str"` values on loading. */
function excelJsDecode(text: string): string {
  if (!text.includes('&')) return detached(text);
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
  return detached(text.replace(/&([a-z]*);/g, (c, name: string) => named[name] ?? c));
}

const CELL_ATTRIBUTE = /\s*([\w:]+)\s*=\s*"([^"]*)"/y;

/** A cell's r, s and t (the attributes ExcelJS reads), without a record per cell. */
function cellAttributes(text: string): { col: number; row: number; s: number; t?: string } {
  let col = -1;
  let row = 0;
  let s = 0;
  let t: string | undefined;
  let end = 0;
  CELL_ATTRIBUTE.lastIndex = 0;
  for (let m = CELL_ATTRIBUTE.exec(text); m; m = CELL_ATTRIBUTE.exec(text)) {
    end = CELL_ATTRIBUTE.lastIndex;
    if (m[1] === 'r') {
      const address = /^([A-Z]{1,3})(\d+)$/.exec(m[2]);
      if (!address) throw new NotLean();
      col = columnFromLetters(address[1]);
      row = Number(address[2]);
    } else if (m[1] === 's') s = parseInt(m[2], 10) || 0;
    else if (m[1] === 't') t = m[2];
  }
  if (col < 0 || !/^\s*$/.test(text.slice(end))) throw new NotLean();
  return { col, row, s, t };
}

/** Thrown inside the reader when a sheet holds something lean rows do not carry. */
class NotLean extends Error {}

const PLAIN_ROW = /^ r="(\d+)"/;
const ROW_NUMBER = /(?<![\w:])r\s*=/;
const ROW_FORMAT = /(?<![\w:])(?:r|ht|hidden|outlineLevel|collapsed|s)\s*=/;

/**
 * A row tag's attributes, as `attributes` reads them; the row number alone when that is all the
 * tag holds that ExcelJS reads (`<row r="2" spans="1:7" x14ac:dyDescent="0.25">`), or all a
 * values-only read needs: without a record of every attribute for each of tens of thousands of rows.
 */
function rowAttributes(text: string, valuesOnly: boolean): Record<string, string> {
  const plain = PLAIN_ROW.exec(text);
  if (plain && !(valuesOnly ? ROW_NUMBER : ROW_FORMAT).test(text.slice(plain[0].length)))
    return { r: plain[1] };
  return attributes(text);
}

const TOKEN = /\s*(?:<row\b([^>]*?)(\/)?>|<\/row>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>))/y;

/** A cell's value from its inner XML and `t`, as ExcelJS's cell xform reads it. */
function cellValue(
  inner: string,
  t: string | undefined,
  strings: (string | null)[],
): ExcelJS.CellValue {
  if (/<(?!\/?[fv]\b)/.test(inner)) throw new NotLean(); // inline strings, extensions
  const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
  const v = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(inner);
  const text = v?.[1] ? xmlText(v[1]) : undefined;
  if (f) {
    if (/\bt\s*=/.test(f[1])) throw new NotLean(); // shared and array formulas
    const formula = f[2] ? detached(xmlText(f[2])) : '';
    if (formula) {
      if (!text) return { formula } as ExcelJS.CellFormulaValue;
      let result: ExcelJS.CellFormulaValue['result'];
      if (t === 'str') result = excelJsDecode(text);
      else if (t === 'b') result = parseInt(text, 10) !== 0;
      else if (t === 'e') result = { error: detached(text) } as ExcelJS.CellErrorValue;
      else result = parseFloat(text);
      return { formula, result } as ExcelJS.CellFormulaValue;
    }
  }
  if (text === undefined) return undefined;
  switch (t) {
    case 's': {
      const s = strings[parseInt(text, 10)];
      if (typeof s !== 'string') throw new NotLean(); // rich text, or no such string
      return s;
    }
    case 'str':
      return excelJsDecode(text);
    case 'inlineStr':
      throw new NotLean();
    case 'b':
      return parseInt(text, 10) !== 0;
    case 'e':
      return { error: detached(text) } as ExcelJS.CellErrorValue;
    default:
      return parseFloat(text);
  }
}

/**
 * Where the digits digitsAt read, or the element plainElement read, end. The quick readers below
 * run for every cell of a sheet (hundreds of thousands): they return plain values and leave their
 * ends here, and quickCell its cell in `quick`, instead of an object per call.
 */
let scanEnd = 0;

/** Digits at `p` as a number (their end in scanEnd), or -1 (none, or more than nine). */
function digitsAt(text: string, p: number): number {
  let n = 0;
  let q = p;
  for (let c = text.charCodeAt(q); c >= 48 && c <= 57 && q - p < 10; c = text.charCodeAt(++q))
    n = n * 10 + c - 48;
  if (q === p || q - p > 9) return -1;
  scanEnd = q;
  return n;
}

/** The raw text of `<tag>text</tag>` at `p`, no markup in it (its end in scanEnd). */
function plainElement(text: string, p: number, tag: 'v' | 'f'): string | null {
  if (!text.startsWith(tag === 'v' ? '<v>' : '<f>', p)) return null;
  const close = text.indexOf('<', p + 3);
  if (close < 0 || !text.startsWith(tag === 'v' ? '</v>' : '</f>', close)) return null;
  scanEnd = close + 4;
  return text.slice(p + 3, close);
}

/** The `t` attributes quickCell reads. */
const QUICK_TYPES = ['s', 'str', 'n'] as const;

/** The cell quickCell read last. */
const quick = { col: 0, s: 0, value: undefined as ExcelJS.CellValue, end: 0 };

/**
 * The common cells ExcelJS and our lean save write — `<c r="B2" s="3" t="s"><v>12</v></c>`, a
 * formula with its cached number or string, a styled empty cell — read without regular
 * expressions, as cellAttributes and cellValue read them, into `quick`; false for any other form,
 * which the general reader then reads (or finds not lean). `valuesOnly`: a formula with a cached
 * value is read as that value (all leanValues reads of it), its text not decoded.
 */
function quickCell(
  text: string,
  at: number,
  rowNumber: number,
  strings: (string | null)[],
  valuesOnly: boolean,
): boolean {
  if (!text.startsWith('<c r="', at)) return false;
  let p = at + 6;
  let col = 0;
  for (let c = text.charCodeAt(p); c >= 65 && c <= 90 && p - at < 9; c = text.charCodeAt(++p))
    col = col * 26 + c - 64;
  if (p === at + 6 || p - at > 9) return false;
  if (digitsAt(text, p) !== rowNumber || text.charCodeAt(scanEnd) !== 34) return false;
  p = scanEnd + 1;
  let s = 0;
  if (text.startsWith(' s="', p)) {
    s = digitsAt(text, p + 4);
    if (s < 0 || text.charCodeAt(scanEnd) !== 34) return false;
    p = scanEnd + 1;
  }
  let t: 's' | 'str' | 'n' | undefined;
  if (text.startsWith(' t="', p)) {
    for (const type of QUICK_TYPES)
      if (text.startsWith(type, p + 4) && text.charCodeAt(p + 4 + type.length) === 34) t = type;
    if (!t) return false;
    p += 5 + t.length;
  }
  quick.col = col - 1;
  quick.s = s;
  if (text.startsWith('/>', p)) {
    quick.value = undefined;
    quick.end = p + 2;
    return true;
  }
  if (text.charCodeAt(p) !== 62) return false;
  let q = p + 1;
  const f = plainElement(text, q, 'f');
  if (f !== null) q = scanEnd;
  const v = plainElement(text, q, 'v');
  if (v !== null) q = scanEnd;
  if (q === p + 1 || !text.startsWith('</c>', q)) return false;
  const cached = v ? xmlText(v) : undefined; // `<v></v>` reads as no value, as in cellValue
  if (f !== null) {
    if (!f) return false;
    if (valuesOnly && cached !== undefined) {
      quick.value = t === 'str' ? excelJsDecode(cached) : parseFloat(cached);
      quick.end = q + 4;
      return true;
    }
    const formula = detached(xmlText(f));
    if (cached === undefined) quick.value = { formula } as ExcelJS.CellFormulaValue;
    else if (t === 'str') quick.value = { formula, result: excelJsDecode(cached) };
    else quick.value = { formula, result: parseFloat(cached) };
  } else if (cached === undefined) quick.value = undefined;
  else if (t === undefined || t === 'n') quick.value = parseFloat(cached);
  else if (t === 'str') quick.value = excelJsDecode(cached);
  else {
    const shared = strings[parseInt(cached, 10)];
    if (typeof shared !== 'string') return false;
    quick.value = shared;
  }
  quick.end = q + 4;
  return true;
}

/**
 * The rows of a sheetData's content, or NotLean. `valuesOnly` (a sheet read for its values,
 * replacedSheets.ts): cells without a value, and rows' heights and styles, are not kept.
 */
function readRows(content: string, strings: (string | null)[], valuesOnly: boolean): ReadSheet {
  const rows: (LeanRow | undefined)[] = [];
  // Pushed to directly: a closure made per call would be a new call target for each sheet read.
  const styled: ReadSheet['styled'] = { targets: [], indices: [] };
  let row: LeanRow | undefined;
  let rowNumber = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < content.length) {
    const at = TOKEN.lastIndex;
    if (row && quickCell(content, at, rowNumber, strings, valuesOnly)) {
      TOKEN.lastIndex = quick.end;
      if (quick.value === undefined && (!quick.s || valuesOnly)) continue;
      const cell: LeanCell = { value: quick.value ?? null, style: null };
      if (quick.s) {
        styled.targets.push(cell);
        styled.indices.push(quick.s);
      }
      row.cells[quick.col] = cell;
      continue;
    }
    const m = TOKEN.exec(content);
    if (!m) {
      if (/^\s*$/.test(content.slice(at))) break;
      throw new NotLean();
    }
    if (m[1] !== undefined) {
      const a = rowAttributes(m[1], valuesOnly);
      rowNumber = Number(a.r);
      if (!Number.isInteger(rowNumber) || rowNumber < 1 || rows[rowNumber - 1]) throw new NotLean();
      const opened: LeanRow = { cells: [] };
      rows[rowNumber - 1] = opened;
      row = m[2] ? undefined : opened;
      if (valuesOnly) continue;
      if (a.ht) opened.height = parseFloat(a.ht);
      if (a.hidden === '1' || a.hidden === 'true') opened.hidden = true;
      if (a.outlineLevel) opened.outlineLevel = parseInt(a.outlineLevel, 10);
      if (a.collapsed === '1' || a.collapsed === 'true') opened.collapsed = true;
      const s = a.s ? parseInt(a.s, 10) : 0;
      if (s) {
        styled.targets.push(opened);
        styled.indices.push(s);
      }
    } else if (m[3] !== undefined) {
      if (!row) throw new NotLean();
      const a = cellAttributes(m[3]);
      if (a.row !== rowNumber) throw new NotLean();
      const value = m[4] ? cellValue(m[4], a.t, strings) : undefined;
      const s = a.s;
      if (value === undefined && (!s || valuesOnly)) continue; // ExcelJS writes it as nothing
      const cell: LeanCell = { value: value ?? null, style: null };
      if (s) {
        styled.targets.push(cell);
        styled.indices.push(s);
      }
      row.cells[a.col] = cell;
    } else {
      row = undefined;
    }
  }
  return { rows, styled };
}

/** A sheet part is kept lean when it has a table, many rows, and nothing ExcelJS ties to cells. */
function eligible(xml: string): boolean {
  if (!/<tablePart\b/.test(xml)) return false;
  if (/<(mergeCells|hyperlinks|legacyDrawing|legacyDrawingHF)\b/.test(xml)) return false;
  let rows = 0;
  const re = /<row\b/g;
  while (re.exec(xml)) if (++rows > LEAN_SETTINGS.rows + 1) return true;
  return false;
}

/**
 * Takes the eligible worksheet parts' rows out of `parts` (in place: their sheetData becomes the
 * stub) and returns them, and those of the `replaced` parts a job reads as values only and lays
 * out afresh (replacedSheets.ts). Parts it changes are named in `changed`.
 */
export function takeLeanSheets(
  parts: Map<string, Buffer>,
  changed: Set<string>,
  replaced: ReadonlySet<string> = new Set(),
): TakenSheets {
  const taken: ReadSheet[] = [];
  let strings: (string | null)[] | undefined;
  for (const [name, data] of parts) {
    if (!SHEET_PART.test(name)) continue;
    const xml = data.toString('utf8');
    const merges = replaced.has(name) ? replacedMerges(xml, STUB_ROW) : null;
    const valuesOnly = merges !== null;
    if (!valuesOnly && (replaced.has(name) || !eligible(xml))) continue;
    const open = /<sheetData\s*>/.exec(xml);
    const close = xml.indexOf('</sheetData>');
    if (!open || close < 0) continue;
    strings ??= readSharedStrings(parts.get('xl/sharedStrings.xml')?.toString('utf8') ?? '');
    let sheet: ReadSheet;
    try {
      sheet = readRows(xml.slice(open.index + open[0].length, close), strings, valuesOnly);
    } catch (e) {
      if (e instanceof NotLean) continue;
      throw e;
    }
    if (sheet.rows.length >= STUB_ROW) continue;
    const indices = [...new Set(sheet.styled.indices)];
    if (indices.length > 16000) continue;
    const stub = [
      `<row r="${STUB_ROW}"><c r="A${STUB_ROW}" t="str"><v>${MARKER}${taken.length}</v></c>`,
      ...indices.map((index, k) => `<c r="${columnName(k + 1)}${STUB_ROW}" s="${index}"/>`),
      '</row>',
    ].join('');
    const tail = valuesOnly ? undefined : tryCutValidations(xml.slice(close + 12));
    if (tail) sheet.validations = tail.cut;
    if (valuesOnly) sheet.replaced = { merges };
    const after = tail ? tail.xml : xml.slice(close + 12);
    parts.set(
      name,
      Buffer.from(
        `${xml.slice(0, open.index)}<sheetData>${stub}</sheetData>${valuesOnly ? withoutMerges(after) : after}`,
        'utf8',
      ),
    );
    changed.add(name);
    taken.push(sheet);
  }
  return taken;
}

/** Gives each worksheet loaded from a lean part its rows, styles resolved through the stub. */
export function attachLeanSheets(wb: ExcelJS.Workbook, taken: TakenSheets): void {
  allowLeanSheets(wb);
  if (!taken.length) return;
  for (const ws of wb.worksheets) {
    const stub = ws.findRow(STUB_ROW);
    const marker = stub?.getCell(1).value;
    if (!stub || typeof marker !== 'string' || !marker.startsWith(MARKER)) continue;
    const sheet = taken[Number(marker.slice(MARKER.length))];
    const byIndex = new Map<number, LeanStyle | null>();
    const indices = [...new Set(sheet.styled.indices)];
    const cells = new Map(storedCells(stub).map((c) => [Number(c.col), c]));
    indices.forEach((index, k) => {
      const style = cells.get(k + 2)?.style;
      byIndex.set(index, style && Object.keys(style).length ? style : null);
    });
    sheet.styled.targets.forEach((target, i) => {
      const style = byIndex.get(sheet.styled.indices[i]) ?? null;
      if ('cells' in target) {
        if (style) target.style = style;
      } else target.style = style;
    });
    // The stub was the part's only row (its row number makes ExcelJS's row array sparse: no scan).
    clearStoredRows(ws);
    if (sheet.replaced) {
      setReplacedValues(
        ws,
        { rows: sheet.rows },
        sheet.replaced.merges,
        Boolean(wb.properties.date1904),
      );
      continue;
    }
    const lean: LeanSheet = { rows: sheet.rows };
    setLeanSheet(ws, lean);
    restoreValidations(ws, sheet.validations ?? []);
  }
}
