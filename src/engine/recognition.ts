import { Problem, problem } from './errors';
import { a1 } from './address';
import { cellAt, cellText, GridBook, GridCell, GridSheet, isEmptyRow } from './grid';
import { headerKey } from './headerKey';
import { Period } from './period';

/**
 * Recognition lists (认定名单, SPEC §9). Real lists carry a title, notes and merged cells above the
 * header, so the header row is found by its texts anywhere in the first rows, and the columns by
 * header text whatever their order.
 */
export const LIST_HEADERS = {
  name: ['企业名称', '公司名称', '单位名称', '企业(单位)名称', '名称'],
  code: ['统一社会信用代码', '社会信用代码', '信用代码', '统一代码'],
  certificate: ['证书编号', '证书号', '证书号码'],
  date: ['发证日期', '发证时间', '认定日期', '认定时间', '颁证日期'],
  batch: ['批次', '认定批次', '公示批次'],
} as const;
type ListField = keyof typeof LIST_HEADERS;

/** The header row is looked for in this many rows from the top. */
export const LIST_HEAD_ROWS = 20;

export interface ListRow {
  /** 1-based row number in the sheet. */
  row: number;
  name: string;
  creditCode: string;
  certificate: string;
  /** The issue date (YYYY-MM-DD) or batch as written, for TD_Recognitions. */
  issued: string;
  period: Period;
}

export interface ParsedList {
  file: string;
  sheet: string;
  /** 1-based row of the header. */
  headerRow: number;
  rows: ListRow[];
  warnings: Problem[];
  errors: Problem[];
}

function findColumns(row: readonly GridCell[]): Partial<Record<ListField, number>> {
  const found: Partial<Record<ListField, number>> = {};
  const texts = row.map((c) => headerKey(cellText(c)));
  for (const field of Object.keys(LIST_HEADERS) as ListField[]) {
    for (const h of LIST_HEADERS[field]) {
      const i = texts.findIndex((t) => t === h || (field !== 'name' && t.startsWith(h)));
      if (i >= 0) {
        found[field] = i;
        break;
      }
    }
  }
  return found;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function quarterOfMonth(year: number, month: number): Period | null {
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return null;
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Period['quarter'] };
}

function validDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const CN_QUARTERS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};

/**
 * The quarter an issue date or batch falls in: Excel dates and serials, `2019-11-27`, `2019/11/27`,
 * `2019.11.27`, `2019年11月27日`, `20191127`, a month `2019年11月`, a quarter `2019Q4` or
 * `2019年第四季度`. A batch such as `2019年第一批` names no quarter: null.
 */
export function issueQuarter(cell: GridCell): { issued: string; period: Period } | null {
  if (cell === null || typeof cell === 'boolean') return null;
  if (typeof cell === 'object') {
    if (!('date' in cell)) return null;
    return issueQuarter(cell.date);
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 29991231)
      return issueQuarter(String(cell));
    if (cell >= 1 && cell < 2958466) {
      const d = new Date(EXCEL_EPOCH_MS + Math.floor(cell) * 86400000);
      return issueQuarter(d.toISOString().slice(0, 10));
    }
    return null;
  }
  const t = cell.normalize('NFKC').replace(/\s+/g, '');
  let m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T.*|\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const date = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    const period = date && quarterOfMonth(Number(m[1]), Number(m[2]));
    return date && period ? { issued: date, period } : null;
  }
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (m) {
    const period = quarterOfMonth(Number(m[1]), Number(m[2]));
    return period ? { issued: t, period } : null;
  }
  m = /^(\d{4})(?:Q([1-4])|年第([一二三四1-4])季度?)$/i.exec(t);
  if (m)
    return {
      issued: t,
      period: { year: Number(m[1]), quarter: CN_QUARTERS[m[2] ?? m[3]] as Period['quarter'] },
    };
  return null;
}

function locateHeader(
  sheet: GridSheet,
): { row: number; cols: Partial<Record<ListField, number>> } | null {
  let best: { row: number; cols: Partial<Record<ListField, number>> } | null = null;
  for (let r = 0; r < Math.min(LIST_HEAD_ROWS, sheet.cells.length); r++) {
    const cols = findColumns(sheet.cells[r] ?? []);
    if (cols.name === undefined) continue;
    const score = Object.keys(cols).length;
    if (!best || score > Object.keys(best.cols).length) best = { row: r, cols };
  }
  return best;
}

/**
 * Reads a list's rows. Every problem is listed; a list with any error is refused whole. A row
 * without a quarter (a batch such as 第一批) takes `fallback` (the `--period` option) when given.
 */
export function parseList(book: GridBook, fallback?: Period): ParsedList {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const sheet = book.sheets.find((s) => locateHeader(s)) ?? book.sheets[0];
  const out: ParsedList = {
    file: book.file,
    sheet: sheet?.name ?? '',
    headerRow: 0,
    rows: [],
    warnings,
    errors,
  };
  const where = (cell?: string) => [book.file, sheet?.name, cell].filter(Boolean).join(' › ');
  const header = sheet ? locateHeader(sheet) : null;
  const missing: string[] = [];
  if (!header) missing.push(LIST_HEADERS.name[0]);
  if (header?.cols.certificate === undefined) missing.push(LIST_HEADERS.certificate[0]);
  if (header?.cols.date === undefined && header?.cols.batch === undefined)
    missing.push(`${LIST_HEADERS.date[0]}（或${LIST_HEADERS.batch[0]}）`);
  if (!header || missing.length) {
    errors.push(problem('list.noHeader', where(), { rows: LIST_HEAD_ROWS, missing }));
    return out;
  }
  out.headerRow = header.row + 1;
  const {
    name: nameCol,
    code: codeCol,
    certificate: certCol,
    date: dateCol,
    batch: batchCol,
  } = header.cols;
  for (let r = header.row + 1; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    if (isEmptyRow(row)) continue;
    const name = cellText(cellAt(sheet, r, nameCol!));
    const certificate =
      certCol !== undefined
        ? cellText(cellAt(sheet, r, certCol))
            .normalize('NFKC')
            .replace(/\s+/g, '')
        : '';
    if (!name) {
      // A footer such as 合计 or 注：… has neither a name nor a certificate.
      if (certificate) errors.push(problem('list.noName', where(a1(r, nameCol!)), { certificate }));
      continue;
    }
    if (name.startsWith('注') || name === '合计') continue;
    const dateCell = dateCol !== undefined ? cellAt(sheet, r, dateCol) : null;
    const batchCell = batchCol !== undefined ? cellAt(sheet, r, batchCol) : null;
    const issue = issueQuarter(dateCell) ?? issueQuarter(batchCell);
    let period = issue?.period;
    let issued = issue?.issued ?? (cellText(dateCell) || cellText(batchCell));
    if (!period) {
      const col =
        dateCol !== undefined && cellText(dateCell) !== '' ? dateCol : (batchCol ?? dateCol)!;
      const text =
        cellText(cellAt(sheet, r, col)) ||
        (dateCell !== null && typeof dateCell === 'object' && 'formula' in dateCell
          ? `=${dateCell.formula}`
          : '');
      if (fallback) {
        period = fallback;
        if (!issued) issued = `${fallback.year}Q${fallback.quarter}`;
      } else {
        errors.push(
          text
            ? problem('list.noQuarter', where(a1(r, col)), { text })
            : problem('list.noDate', where(a1(r, col)), {}),
        );
        continue;
      }
    }
    if (!certificate)
      warnings.push(problem('list.noCertificate', where(a1(r, certCol!)), { name }));
    out.rows.push({
      row: r + 1,
      name,
      creditCode: codeCol !== undefined ? cellText(cellAt(sheet, r, codeCol)) : '',
      certificate,
      issued,
      period,
    });
  }
  if (out.rows.length === 0 && errors.length === 0) errors.push(problem('list.empty', where(), {}));
  return out;
}

/**
 * Cumulative counts by unit for one year: a recognition issued in quarter q counts in q and every
 * later quarter of that year, like a year-to-date actual. Returns, per unit, the counts at the end
 * of Q1..Q4.
 */
export function cumulativeCounts(
  items: readonly { unit: string; period: Period }[],
  year: number,
): Map<string, [number, number, number, number]> {
  const counts = new Map<string, [number, number, number, number]>();
  for (const it of items) {
    if (it.period.year !== year) continue;
    const c = counts.get(it.unit) ?? [0, 0, 0, 0];
    for (let q = it.period.quarter; q <= 4; q++) c[q - 1]++;
    counts.set(it.unit, c);
  }
  return counts;
}
