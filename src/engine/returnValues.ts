/** The value rows of a return (SPEC §8): one 本年累计完成 per carried indicator, each cell checked. */
import { a1 } from './address';
import { cellAt, cellText, GridCell, isEmptyRow } from './grid';
import { Complaint, complaint, placed, problem, Problem } from './messages/catalogue';
import { implausibleActual } from './plausible';
import { ID_COL, Located, VALUE_COL } from './returnLayout';
import { carries, isWholeMeasure } from './returnTemplate';
import { parseTextNumber } from './textNumber';
import { Indicator, Unit } from './types';

type ValueRead =
  | { kind: 'blank' }
  | { kind: 'value'; value: number; warning?: Complaint }
  | { kind: 'error'; complaint: Complaint };

const TEXT_REASONS = {
  grouping: 'return.textGrouping',
  ambiguous: 'return.textAmbiguous',
  notNumber: 'return.textNotNumber',
} as const;

/** One 本年累计完成 cell: a non-negative number (whole for counts); typed text when unambiguous. */
export function readValueCell(cell: GridCell, whole: boolean): ValueRead {
  const error = (c: Complaint): ValueRead => ({ kind: 'error', complaint: c });
  let value: number;
  let warning: Complaint | undefined;
  if (cell === null) return { kind: 'blank' };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return error(complaint('return.notFinite', {}));
    value = cell;
  } else if (typeof cell === 'string') {
    const t = parseTextNumber(cell);
    if (t.kind === 'blank') return { kind: 'blank' };
    if (t.kind === 'invalid') return error(complaint(TEXT_REASONS[t.reason], { text: cell }));
    value = t.value;
    warning = complaint('return.readFromText', { text: cell, value });
  } else if (typeof cell === 'boolean') {
    return error(complaint('return.notNumeric', { kind: 'boolean', text: String(cell) }));
  } else if ('formula' in cell) {
    return error(complaint('return.formula', { formula: cell.formula }));
  } else if ('error' in cell) {
    return error(complaint('return.notNumeric', { kind: 'error', text: cell.error }));
  } else {
    return error(complaint('return.notNumeric', { kind: 'date', text: cell.date }));
  }
  if (value < 0) return error(complaint('return.negative', { value }));
  if (whole && !Number.isInteger(value)) return error(complaint('return.notWhole', { value }));
  return warning ? { kind: 'value', value, warning } : { kind: 'value', value };
}

export interface RowsRead {
  values: { indicator: string; value: number; cell: string }[];
  notReported: string[];
}

/**
 * The rows below the header: each names a known indicator the unit carries, once, with a plausible
 * value or none; carried indicators without a row are not reported (not 0).
 */
export function readValueRows(
  located: Located,
  ctx: {
    indicators: Indicator[];
    unit: Unit | undefined;
    task: (indicator: string) => number | undefined;
  },
  where: (cell: string) => string,
  errors: Problem[],
  warnings: Problem[],
): RowsRead {
  const { sheet, headerRow, cols } = located;
  const { unit } = ctx;
  const out: RowsRead = { values: [], notReported: [] };
  const carried = new Map(
    unit ? ctx.indicators.filter((i) => carries(unit, i)).map((i) => [i.id, i]) : [],
  );
  const known = new Map(ctx.indicators.map((i) => [i.id, i]));
  const seen = new Map<string, number>();
  const idCol = cols[ID_COL];
  const valueCol = cols[VALUE_COL];
  for (let r = headerRow + 1; r < sheet.cells.length; r++) {
    if (isEmptyRow(sheet.cells[r])) continue;
    const idWhere = where(a1(r, idCol));
    const id = cellText(cellAt(sheet, r, idCol));
    const valueAddr = a1(r, valueCol);
    const raw = cellAt(sheet, r, valueCol);
    if (!id) {
      if (cellText(raw) !== '' || (raw !== null && typeof raw === 'object')) {
        errors.push(problem('return.noIndicatorId', idWhere, {}));
      }
      continue;
    }
    const indicator = known.get(id);
    if (!indicator) {
      errors.push(problem('return.unknownIndicator', idWhere, { id }));
      continue;
    }
    if (unit && !carried.has(id)) {
      const args = { unit: unit.name, indicator: indicator.name, id };
      errors.push(problem('return.notCarried', idWhere, args));
      continue;
    }
    const first = seen.get(id);
    if (first) {
      errors.push(problem('return.repeatedIndicator', idWhere, { id, row: first }));
      continue;
    }
    seen.set(id, r + 1);
    const read = readValueCell(raw, isWholeMeasure(indicator));
    if (read.kind === 'error') errors.push(placed(read.complaint, where(valueAddr)));
    else if (read.kind === 'blank') out.notReported.push(id);
    else {
      const wrong = implausibleActual(read.value, ctx.task(id));
      if (wrong) {
        errors.push(placed(wrong, where(valueAddr)));
        continue;
      }
      if (read.warning) warnings.push(placed(read.warning, where(valueAddr)));
      out.values.push({ indicator: id, value: read.value, cell: valueAddr });
    }
  }
  for (const id of carried.keys()) {
    if (!seen.has(id)) out.notReported.push(id);
  }
  return out;
}
