import { Period } from './period';
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
