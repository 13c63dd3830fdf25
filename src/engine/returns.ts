/**
 * Checking a filled quarterly return (SPEC §8): whose and for when (returnIdentity), where its
 * table is and whether its shape was kept (returnLayout), and its value rows (returnValues).
 */
import { Problem } from './errors';
import { GridBook } from './grid';
import { readIdentity } from './returnIdentity';
import { checkLayout, findReturnTable, HEAD_ROWS } from './returnLayout';
import { RETURN_COLUMNS, RETURN_TABLE } from './returnTemplate';
import { readValueRows } from './returnValues';
import { Indicator, Unit } from './types';
import { problem } from './messages/catalogue';

export {
  carries,
  isWholeMeasure,
  parseQuarter,
  RETURN_COLUMNS,
  RETURN_LABELS,
  RETURN_PROPS,
  RETURN_TABLE,
  RETURN_VERSION,
} from './returnTemplate';
export { readValueCell } from './returnValues';

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

/**
 * Checks a filled return completely — identity (plan, unit, period, template version) and every row
 * — and lists every problem, so that a file is either taken whole or refused whole with all its
 * errors, each at `file › sheet › cell`.
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

  const located = findReturnTable(book);
  const headSheet = located?.sheet ?? book.sheets[0];
  const above = located ? located.headerRow : HEAD_ROWS;
  const { unit, year, period } = readIdentity(book, ctx, headSheet, above, errors);
  if (unit) out.unit = unit.id;
  out.period = period;

  if (!located) {
    errors.push(
      problem('return.noTable', where(headSheet?.name ?? ''), {
        table: RETURN_TABLE,
        columns: [...RETURN_COLUMNS],
      }),
    );
    return out;
  }
  const sheet = located.sheet.name;
  out.sheet = sheet;
  if (!checkLayout(located, where, errors, warnings)) return out;
  const task = (id: string) =>
    unit && year !== null ? ctx.taskOf?.(id, unit.id, year) : undefined;
  const rows = readValueRows(
    located,
    { indicators: ctx.indicators, unit, task },
    (cell) => where(sheet, cell),
    errors,
    warnings,
  );
  out.values = rows.values;
  out.notReported = rows.notReported;
  return out;
}
