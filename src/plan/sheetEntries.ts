/**
 * A sheet plan lowered into the closed list of operations every host executes, in the order they
 * are executed. Hosts switch over `SheetEntry['kind']` with a `never` default, and LOWER has one
 * lowering per SheetPlan field: a new field fails to compile here until it is lowered, and a new
 * kind of entry fails to compile in each host until that host executes it (docs/sheet-plans.md).
 */
import { decodeCell } from '../engine/address';
import { NewTable, newTable } from './tableWrite';
import type {
  CellStyle,
  ChartPlan,
  ConditionalFormatPlan,
  PlanCell,
  PrintSetup,
  SheetPlan,
  ValidationPlan,
} from './types';

/** The bounds of a number validation: the operator is the plan's choice, not the host's. */
export type ValidationBounds =
  | { operator: 'between'; min: number; max: number }
  | { operator: 'atLeast'; min: number }
  | { operator: 'atMost'; max: number };

/** The title of the alert a refused entry shows. */
export const VALIDATION_ERROR_TITLE = '输入有误';

export type SheetEntry =
  | { kind: 'tabColor'; color: string }
  | { kind: 'columnWidth'; col: number; width: number }
  | { kind: 'rowHeight'; row: number; height: number }
  | {
      kind: 'range';
      col: number;
      row: number;
      /** The widest row's length; shorter rows leave the rest of the block as it is. */
      width: number;
      values: PlanCell[][];
      /** Number format per column of the block, when the plan gives any. */
      formats?: (string | undefined)[];
      style?: CellStyle;
    }
  | { kind: 'merge'; range: string }
  | { kind: 'table'; table: NewTable }
  | { kind: 'validation'; validation: ValidationPlan; bounds: ValidationBounds }
  | { kind: 'conditionalFormat'; format: ConditionalFormatPlan; priority: number }
  | { kind: 'freeze'; rows: number; columns: number }
  | { kind: 'print'; print: PrintSetup }
  | { kind: 'rowBreaks'; rows: number[] }
  | { kind: 'protection'; unlocked: string[] }
  | { kind: 'chart'; chart: ChartPlan };

export function validationBounds(v: ValidationPlan): ValidationBounds {
  if (v.min !== undefined && v.max !== undefined)
    return { operator: 'between', min: v.min, max: v.max };
  if (v.min !== undefined) return { operator: 'atLeast', min: v.min };
  return { operator: 'atMost', max: v.max ?? 0 };
}

/** What each SheetPlan field holds when the plan gives it. */
type Fields = { [K in Exclude<keyof SheetPlan, 'sheet'>]-?: NonNullable<SheetPlan[K]> };
type Lowering = { [K in keyof Fields]: (value: Fields[K]) => SheetEntry[] };

/** One lowering per SheetPlan field, in the order hosts apply them. */
const LOWER: Lowering = {
  tabColor: (color) => [{ kind: 'tabColor', color }],
  columnWidths: (widths) => widths.map((width, col) => ({ kind: 'columnWidth', col, width })),
  rowHeights: (heights) =>
    Object.entries(heights).map(([row, height]) => ({
      kind: 'rowHeight',
      row: Number(row),
      height,
    })),
  ranges: (ranges) =>
    ranges.map((r) => {
      const { col, row } = decodeCell(r.at);
      const width = Math.max(0, ...r.values.map((v) => v.length));
      const nf = r.numberFormat;
      return {
        kind: 'range',
        col,
        row,
        width,
        values: r.values,
        ...(nf === undefined
          ? {}
          : { formats: Array.from({ length: width }, (_, j) => (Array.isArray(nf) ? nf[j] : nf)) }),
        ...(r.style ? { style: r.style } : {}),
      };
    }),
  merges: (merges) => merges.map((range) => ({ kind: 'merge', range })),
  tables: (tables) => tables.map((t) => ({ kind: 'table', table: newTable(t) })),
  validations: (validations) =>
    validations.map((validation) => ({
      kind: 'validation',
      validation,
      bounds: validationBounds(validation),
    })),
  conditionalFormats: (formats) =>
    formats.map((format, i) => ({ kind: 'conditionalFormat', format, priority: i + 1 })),
  freeze: (freeze) => [{ kind: 'freeze', ...freeze }],
  print: (print) => [{ kind: 'print', print }],
  rowBreaks: (rows) => (rows.length ? [{ kind: 'rowBreaks', rows }] : []),
  protection: (protection) => [{ kind: 'protection', unlocked: protection.unlocked }],
  charts: (charts) => charts.map((chart) => ({ kind: 'chart', chart })),
};

function lowerField<K extends keyof Fields>(plan: Partial<Fields>, key: K): SheetEntry[] {
  const value = plan[key];
  return value === undefined ? [] : LOWER[key](value);
}

/** The operations a host performs, in order, to lay out `plan` on an empty sheet. */
export function sheetEntries(plan: SheetPlan): SheetEntry[] {
  return (Object.keys(LOWER) as (keyof Fields)[]).flatMap((key) => lowerField(plan, key));
}

/** The `never` default of a host's switch over SheetEntry. */
export function unhandled(entry: never): never {
  throw new Error(`no host handles sheet entry ${JSON.stringify(entry)}`);
}
