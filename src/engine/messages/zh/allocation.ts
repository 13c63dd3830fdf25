import type { allocationEn } from '../en/allocation';
import { METHOD_LABELS } from '../../labels';
import { zhShow } from '../format';

/** The request's own fields are the target's, named as the workbook's TD_Targets headers. */
const TARGET_FIELDS: Record<string, string> = {
  total: '目标值',
  method: '分解方法',
  precision: '小数位数',
};

const left = (rest: string | null, total: string) =>
  rest !== null ? `扣除锁定值后剩余的 ${rest}` : `目标总数 ${total}`;

export const allocationZh: typeof allocationEn = {
  'alloc.notObject': () => '分解请求应为对象结构，包含总数、分解方法和各单位',
  'alloc.tooLarge': (a) => `${a.total} 过大（最大为 ${a.max}）`,
  'alloc.noUnits': () => '缺少单位：请列出各单位的编号和权重',
  'alloc.unitsNotList': () => '应为单位列表',
  'alloc.unitNotObject': () => '应为对象结构，包含编号和权重',
  'alloc.noMethod': (a) =>
    `缺少分解方法，可选：${a.allowed.map((m) => METHOD_LABELS[m]).join('、')}`,
  'alloc.unknownMethod': (a) =>
    `分解方法${zhShow(a.got)}无法识别，可选：${a.allowed.map((m) => METHOD_LABELS[m]).join('、')}`,
  'alloc.missing': () => '必须填写',
  'alloc.badId': (a) => `应为非空文本（现为：${zhShow(a.got)}）`,
  'alloc.duplicateId': (a) => `编号${zhShow(a.id)}重复（另见 ${a.first}）`,
  'alloc.negative': (a) => `不能为负数（现为：${a.got}）`,
  'alloc.maxBelowMin': (a) => `上限 ${a.max} 低于下限 ${a.min}`,
  'alloc.notWhole': (a) => `${a.value} 不是整数（分解精度为整数）`,
  'alloc.tooPrecise': (a) =>
    `${a.value} 的小数位数超过 ${a.precision} 位（分解精度为 ${a.precision} 位小数）`,
  'alloc.lockedOverTotal': (a) => `各单位锁定值合计 ${a.locked}，超过目标总数 ${a.total}`,
  'alloc.minimumsOver': (a) => `未锁定单位的下限合计 ${a.min}，超过${left(a.rest, a.total)}`,
  'alloc.capacityBelow': (a) =>
    `未锁定单位最多只能承担 ${a.capacity}（各单位不超过其上限，权重为 0 的单位只取其下限），少于${left(a.rest, a.total)}`,
  'quotas.refused': (a, nested) => {
    const field =
      a.unit !== null ? `${a.field}（单位${zhShow(a.unit)}）` : (TARGET_FIELDS[a.field] ?? a.field);
    return (field ? `${field}：` : '') + nested(a.problem);
  },
  'book.quotasFixedIn': (a, nested) => `${nested(a.problem)}（固定的任务数：${a.cells}）`,
};
