/** The data validations `init` gives the input tables, from their column types (bookSchema.ts). */
import { columnName, decodeCell } from '../engine/address';
import { TABLES, TableName } from './bookSchema';
import type { ValidationPlan } from './types';

/** Rows below a table's body that validations cover, so rows users add get them too. */
export const VALIDATION_SPARE_ROWS = 500;

/**
 * Drop-down lists for a table's enum columns and number checks for its numeric columns, covering
 * the body and VALIDATION_SPARE_ROWS more rows (a table created at `at` with `rows` body rows).
 */
export function tableValidations(name: TableName, rows: number): ValidationPlan[] {
  const def = TABLES[name];
  if (def.output) return [];
  const { col: c0, row: r0 } = decodeCell(def.at);
  const last = r0 + Math.max(rows, 1) + VALIDATION_SPARE_ROWS;
  const out: ValidationPlan[] = [];
  def.columns.forEach((c, i) => {
    const range = `${columnName(c0 + i)}${r0 + 1}:${columnName(c0 + i)}${last}`;
    if (c.type === 'enum' && c.labels) {
      out.push({
        range,
        type: 'list',
        list: Object.values(c.labels),
        allowBlank: true,
        error: `请从列表中选择${c.header}`,
      });
    } else if (c.type === 'integer') {
      out.push({
        range,
        type: 'whole',
        min: 0,
        max: 9999,
        allowBlank: true,
        error: `${c.header}应为整数`,
      });
    } else if (c.type === 'percent') {
      out.push({
        range,
        type: 'decimal',
        min: 0,
        max: 1,
        allowBlank: true,
        error: `${c.header}应在0%到100%之间`,
      });
    } else if (c.type === 'number' && name !== 'TD_Settings') {
      out.push({
        range,
        type: 'decimal',
        min: 0,
        max: 1e12,
        allowBlank: true,
        error: `${c.header}应为不小于0的数`,
      });
    }
  });
  return out;
}
