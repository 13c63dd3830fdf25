import { Problem, textProblem } from './errors';
import { a1, parseRange } from './address';
import { cellAt, cellText, GridBook, GridCell, GridSheet, isEmptyRow } from './grid';
import { headerKey } from './headerKey';
import { formatPeriod, Period } from './period';
import { implausibleActual } from './plausible';
import { parseTextNumber } from './textNumber';
import { Indicator, Unit } from './types';
import { carriesIndicator } from './validate';

/** The quarterly return (季度报表) of SPEC §8: its table, columns, header labels and properties. */
export const RETURN_TABLE = 'TD_Return';
export const RETURN_VERSION = 'TD-RETURN-1';
export const RETURN_COLUMNS = [
  '指标编号',
  '指标名称',
  '计量单位',
  '年度任务',
  '本年累计完成',
  '备注',
] as const;
export const RETURN_LABELS = {
  unit: '填报单位',
  unitId: '单位编号',
  period: '报送期',
  version: '模板版本',
  plan: '所属计划',
} as const;
export const RETURN_PROPS = {
  unit: 'td.unit',
  period: 'td.period',
  version: 'td.version',
  plan: 'td.plan',
} as const;

const ID_COL = 0;
const VALUE_COL = 4;
/** Header labels and the table header are looked for in this many rows from the top. */
const HEAD_ROWS = 40;

/** Flow indicators are decomposed to units; a unit reports those assessed for its type or for all. */
export function carries(unit: Unit, indicator: Indicator): boolean {
  return indicator.kind === 'flow' && carriesIndicator(unit.type, indicator.assessed);
}

/** Counts (家, 件, 个, …) take whole numbers; percentages and money take decimals. */
export function isWholeMeasure(indicator: Indicator): boolean {
  return !/%|％|万元|元|亿|比|率/.test(indicator.measure);
}

export function parseQuarter(text: string): Period | null {
  const m = /^(\d{4})Q([1-4])$/i.exec(text.normalize('NFKC').trim());
  return m ? { year: Number(m[1]), quarter: Number(m[2]) as Period['quarter'] } : null;
}

export interface ReturnContext {
  planName: string;
  units: Unit[];
  indicators: Indicator[];
  /** Years the plan has targets for; a return for any other year is refused. */
  years: number[];
  /** When given, a return for another period is refused. */
  period?: string;
  /** The unit's annual task for an indicator, against which a figure must be plausible (SPEC §12). */
  taskOf?: (indicator: string, unit: string, year: number) => number | undefined;
}

export interface ReturnValue {
  indicator: string;
  value: number;
  /** The cell the value came from, for the log. */
  cell: string;
}

export interface CheckedReturn {
  file: string;
  /** The sheet the values were read from. */
  sheet: string | null;
  unit: string | null;
  period: string | null;
  /** Reported values; an empty 本年累计完成 is not reported and absent here (not 0). */
  values: ReturnValue[];
  notReported: string[];
  warnings: Problem[];
  errors: Problem[];
}

interface Located {
  sheet: GridSheet;
  headerRow: number;
  /** Column of each RETURN_COLUMNS entry, -1 when missing. */
  cols: number[];
  left: number;
  right: number;
  bottom: number;
  fromTable: boolean;
}

function findReturnTable(book: GridBook): Located | null {
  for (const sheet of book.sheets) {
    const table = sheet.tables.find((t) => t.name === RETURN_TABLE);
    if (!table) continue;
    const r = parseRange(table.ref);
    const header = (sheet.cells[r.top] ?? []).map((c) => headerKey(cellText(c)));
    const cols = RETURN_COLUMNS.map((h) => {
      const found = header.indexOf(h, r.left);
      return found >= 0 && found <= r.right ? found : -1;
    });
    return {
      sheet,
      headerRow: r.top,
      left: r.left,
      right: r.right,
      cols,
      bottom: r.bottom,
      fromTable: true,
    };
  }
  // A table converted to a plain range (or dropped by another spreadsheet program) is still read.
  for (const sheet of book.sheets) {
    for (let r = 0; r < Math.min(HEAD_ROWS, sheet.cells.length); r++) {
      const header = (sheet.cells[r] ?? []).map((c) => headerKey(cellText(c)));
      if (header.includes(RETURN_COLUMNS[ID_COL]) && header.includes(RETURN_COLUMNS[VALUE_COL])) {
        const cols = RETURN_COLUMNS.map((h) => header.indexOf(h));
        return {
          sheet,
          headerRow: r,
          left: 0,
          right: Math.max(...cols),
          cols,
          bottom: sheet.cells.length - 1,
          fromTable: false,
        };
      }
    }
  }
  return null;
}

/** The value next to a label such as 填报单位 in the rows above the table. */
function labelled(
  sheet: GridSheet,
  label: string,
  above: number,
): { value: string; cell: string } | null {
  for (let r = 0; r < Math.min(above, sheet.cells.length); r++) {
    const row = sheet.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (headerKey(cellText(row[c])).replace(/[:：]$/, '') !== label) continue;
      // The value is the cell right of its label (the first of a merged range).
      return { value: cellText(row[c + 1] ?? null), cell: a1(r, c + 1) };
    }
  }
  return null;
}

function describeCell(cell: GridCell): string {
  if (cell !== null && typeof cell === 'object') {
    if ('formula' in cell) return `公式「=${cell.formula}」`;
    if ('error' in cell) return `错误值 ${cell.error}`;
    return `日期 ${cell.date}`;
  }
  return `「${String(cell)}」`;
}

type ValueRead =
  | { kind: 'blank' }
  | { kind: 'value'; value: number; warning?: string }
  | { kind: 'error'; message: string };

/** One 本年累计完成 cell: a non-negative number (whole for counts); typed text when unambiguous. */
export function readValueCell(cell: GridCell, whole: boolean): ValueRead {
  let value: number;
  let warning: string | undefined;
  if (cell === null) return { kind: 'blank' };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { kind: 'error', message: '不是有效数字' };
    value = cell;
  } else if (typeof cell === 'string') {
    const t = parseTextNumber(cell);
    if (t.kind === 'blank') return { kind: 'blank' };
    if (t.kind === 'invalid') return { kind: 'error', message: `${t.reason}，请填写数值` };
    value = t.value;
    warning = `文本「${cell}」按数值 ${t.value} 读取`;
  } else if (typeof cell === 'object' && 'formula' in cell) {
    return { kind: 'error', message: `不接受公式「=${cell.formula}」，请直接填写数值` };
  } else {
    return {
      kind: 'error',
      message: `${typeof cell === 'boolean' ? `「${cell}」` : describeCell(cell)}不是数值，请填写数值`,
    };
  }
  if (value < 0) return { kind: 'error', message: `不能为负数（${value}）` };
  if (whole && !Number.isInteger(value)) return { kind: 'error', message: `应为整数（${value}）` };
  return warning ? { kind: 'value', value, warning } : { kind: 'value', value };
}

/**
 * Checks a filled return completely — identity (plan, unit, period, template version) and every row
 * — and lists every problem, so that a file is either taken whole or refused whole with all its
 * errors, each as `file › sheet › cell: message`.
 */
export function checkReturn(book: GridBook, ctx: ReturnContext): CheckedReturn {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const out: CheckedReturn = {
    file: book.file,
    sheet: null,
    unit: null,
    period: null,
    values: [],
    notReported: [],
    warnings,
    errors,
  };
  const where = (sheet: string, cell?: string) =>
    [book.file, sheet, cell].filter(Boolean).join(' › ');
  const propWhere = (name: string) => `${book.file} › 文档属性 ${name}`;

  const located = findReturnTable(book);
  const headSheet = located?.sheet ?? book.sheets[0];
  const above = located ? located.headerRow : HEAD_ROWS;
  const label = (l: string) => (headSheet ? labelled(headSheet, l, above) : null);
  const props = book.properties;

  // Which plan: a template of another plan is refused even when its unit ids happen to agree.
  const planProp = props[RETURN_PROPS.plan];
  const planCell = label(RETURN_LABELS.plan);
  const plan = planProp ?? planCell?.value;
  if (plan !== undefined && plan !== '' && headerKey(plan) !== headerKey(ctx.planName)) {
    errors.push(
      textProblem(
        planProp !== undefined
          ? propWhere(RETURN_PROPS.plan)
          : where(headSheet.name, planCell!.cell),
        `这是计划「${plan}」的报表模板，不是本计划「${ctx.planName}」的`,
      ),
    );
  }

  const versionProp = props[RETURN_PROPS.version];
  const versionCell = label(RETURN_LABELS.version);
  const version = versionProp ?? versionCell?.value;
  if (version !== undefined && version !== RETURN_VERSION) {
    errors.push(
      textProblem(
        versionProp !== undefined
          ? propWhere(RETURN_PROPS.version)
          : where(headSheet.name, versionCell!.cell),
        `模板版本「${version}」不受支持，请使用 ${RETURN_VERSION} 版模板`,
      ),
    );
  }

  // Which unit: the property first, else the visible id or name; the two must agree.
  const unitProp = props[RETURN_PROPS.unit];
  const idCell = label(RETURN_LABELS.unitId);
  const nameCell = label(RETURN_LABELS.unit);
  let unit: Unit | undefined;
  if (unitProp !== undefined) {
    unit = ctx.units.find((u) => u.id === unitProp);
    if (!unit)
      errors.push(
        textProblem(propWhere(RETURN_PROPS.unit), `未知单位「${unitProp}」，本计划没有这个单位`),
      );
  } else if (idCell && idCell.value) {
    unit = ctx.units.find((u) => u.id === idCell.value);
    if (!unit)
      errors.push(
        textProblem(
          where(headSheet.name, idCell.cell),
          `未知单位编号「${idCell.value}」，本计划没有这个单位`,
        ),
      );
  } else if (nameCell && nameCell.value) {
    unit = ctx.units.find((u) => headerKey(u.name) === headerKey(nameCell.value));
    if (!unit)
      errors.push(
        textProblem(
          where(headSheet.name, nameCell.cell),
          `未知单位「${nameCell.value}」，本计划没有这个单位`,
        ),
      );
  } else {
    errors.push(
      textProblem(
        where(headSheet?.name ?? ''),
        '无法确定填报单位：文档属性 td.unit 和表头「填报单位」都没有',
      ),
    );
  }
  if (unit && unitProp !== undefined) {
    if (idCell && idCell.value && idCell.value !== unit.id) {
      errors.push(
        textProblem(
          where(headSheet.name, idCell.cell),
          `单位编号「${idCell.value}」与文档属性 td.unit「${unit.id}」不一致`,
        ),
      );
    } else if (nameCell && nameCell.value && headerKey(nameCell.value) !== headerKey(unit.name)) {
      errors.push(
        textProblem(
          where(headSheet.name, nameCell.cell),
          `填报单位「${nameCell.value}」与文档属性 td.unit（${unit.name}）不一致`,
        ),
      );
    }
  }
  if (unit) out.unit = unit.id;

  // Which period: the property first, else the visible cell; the two must agree.
  const periodProp = props[RETURN_PROPS.period];
  const periodCell = label(RETURN_LABELS.period);
  const periodText = periodProp ?? periodCell?.value;
  const periodWhere =
    periodProp !== undefined
      ? propWhere(RETURN_PROPS.period)
      : periodCell
        ? where(headSheet.name, periodCell.cell)
        : where(headSheet?.name ?? '');
  const period = periodText ? parseQuarter(periodText) : null;
  if (!periodText) {
    errors.push(
      textProblem(periodWhere, '无法确定报送期：文档属性 td.period 和表头「报送期」都没有'),
    );
  } else if (!period) {
    errors.push(textProblem(periodWhere, `报送期「${periodText}」不是季度（应如 2019Q3）`));
  } else {
    const text = formatPeriod(period);
    if (
      periodProp !== undefined &&
      periodCell &&
      periodCell.value &&
      parseQuarter(periodCell.value) &&
      formatPeriod(parseQuarter(periodCell.value)!) !== text
    ) {
      errors.push(
        textProblem(
          where(headSheet.name, periodCell.cell),
          `报送期「${periodCell.value}」与文档属性 td.period「${text}」不一致`,
        ),
      );
    }
    if (ctx.period && ctx.period !== text) {
      errors.push(textProblem(periodWhere, `这是 ${text} 的报表，本次导入的是 ${ctx.period}`));
    } else if (!ctx.years.includes(period.year)) {
      errors.push(
        textProblem(periodWhere, `本计划没有 ${period.year} 年的目标，不能导入 ${text} 的报表`),
      );
    } else {
      out.period = text;
    }
  }

  if (!located) {
    errors.push(
      textProblem(
        where(headSheet?.name ?? ''),
        `找不到填报表 ${RETURN_TABLE}（表头：${RETURN_COLUMNS.join('、')}），请使用下发的模板填报`,
      ),
    );
    return out;
  }
  const { sheet, headerRow, cols } = located;
  out.sheet = sheet.name;
  if (!located.fromTable) {
    warnings.push(
      textProblem(
        where(sheet.name),
        `表格 ${RETURN_TABLE} 已变为普通区域，按表头「${RETURN_COLUMNS[ID_COL]}」所在行读取`,
      ),
    );
  }
  let headerOk = true;
  for (const i of [ID_COL, VALUE_COL]) {
    if (cols[i] >= 0) continue;
    headerOk = false;
    const expectedCol = located.left + i;
    const found = cellText(cellAt(sheet, headerRow, expectedCol));
    errors.push(
      textProblem(
        where(sheet.name, a1(headerRow, expectedCol)),
        `表头应为「${RETURN_COLUMNS[i]}」，实为${found ? `「${found}」` : '空'}，请不要修改表头`,
      ),
    );
  }
  const bodyTop = headerRow + 1;
  for (const m of sheet.merges) {
    const r = parseRange(m);
    if (
      r.bottom >= headerRow &&
      r.top <= located.bottom &&
      r.right >= located.left &&
      r.left <= located.right
    ) {
      errors.push(textProblem(where(sheet.name, m), '填报表中不能合并单元格'));
    }
  }
  if (!headerOk) return out;

  const carried = new Map(
    unit ? ctx.indicators.filter((i) => carries(unit!, i)).map((i) => [i.id, i]) : [],
  );
  const known = new Map(ctx.indicators.map((i) => [i.id, i]));
  const seen = new Map<string, string>();
  const idCol = cols[ID_COL];
  const valueCol = cols[VALUE_COL];
  for (let r = bodyTop; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    if (isEmptyRow(row)) continue;
    const idCellAddr = a1(r, idCol);
    const id = cellText(cellAt(sheet, r, idCol));
    const valueAddr = a1(r, valueCol);
    const raw = cellAt(sheet, r, valueCol);
    if (!id) {
      if (cellText(raw) !== '' || (raw !== null && typeof raw === 'object')) {
        errors.push(textProblem(where(sheet.name, idCellAddr), '缺少指标编号'));
      }
      continue;
    }
    const indicator = known.get(id);
    if (!indicator) {
      errors.push(textProblem(where(sheet.name, idCellAddr), `未知指标编号「${id}」`));
      continue;
    }
    if (unit && !carried.has(id)) {
      errors.push(
        textProblem(
          where(sheet.name, idCellAddr),
          `${unit.name}不承担指标「${indicator.name}」（${id}）`,
        ),
      );
      continue;
    }
    const first = seen.get(id);
    if (first) {
      errors.push(
        textProblem(where(sheet.name, idCellAddr), `指标「${id}」重复出现（第 ${first} 行已填报）`),
      );
      continue;
    }
    seen.set(id, String(r + 1));
    const read = readValueCell(raw, isWholeMeasure(indicator));
    if (read.kind === 'error') errors.push(textProblem(where(sheet.name, valueAddr), read.message));
    else if (read.kind === 'blank') out.notReported.push(id);
    else {
      const task = unit && period ? ctx.taskOf?.(id, unit.id, period.year) : undefined;
      const wrong = implausibleActual(read.value, task);
      if (wrong) {
        errors.push({ where: where(sheet.name, valueAddr), ...wrong });
        continue;
      }
      if (read.warning) warnings.push(textProblem(where(sheet.name, valueAddr), read.warning));
      out.values.push({ indicator: id, value: read.value, cell: valueAddr });
    }
  }
  for (const id of carried.keys()) {
    if (!seen.has(id)) out.notReported.push(id);
  }
  return out;
}
