import {
  ASSESSED_LABELS,
  KIND_LABELS,
  METHOD_LABELS,
  RULE_LABELS,
  SOURCE_LABELS,
  UNIT_TYPE_LABELS,
} from '../../labels';
import type { ChoiceField } from '../en/scenario';
import type { scenarioEn } from '../en/scenario';
import { zhList, zhPeriod, zhShow } from '../format';

/** A field with a fixed set of values: its name and its values' names, as the workbook shows them. */
const FIELD: Record<ChoiceField, { name: string; labels: Readonly<Record<string, string>> }> = {
  type: { name: '单位类型', labels: UNIT_TYPE_LABELS },
  kind: { name: '指标类型', labels: KIND_LABELS },
  assessed: { name: '考核对象', labels: ASSESSED_LABELS },
  method: { name: '分解方法', labels: METHOD_LABELS },
  source: { name: '来源', labels: SOURCE_LABELS },
  rule: { name: '计分方法', labels: RULE_LABELS },
};

/** What a value must not be below. */
const zhMin = (min: number) => (min === 0 ? '不能为负数' : `不能小于 ${min}`);

/** An `assessed` value as the workbook names it, else as given. */
const zhAssessed = (x: unknown) =>
  typeof x === 'string' && x in ASSESSED_LABELS
    ? `“${ASSESSED_LABELS[x as keyof typeof ASSESSED_LABELS]}”`
    : zhShow(x);

export const scenarioZh: typeof scenarioEn = {
  'scenario.notObject': (a) => `方案应为对象结构（现为：${zhShow(a.got)}）`,
  'value.required': () => '必须填写',
  'value.notObject': (a) => `应为对象结构（现为：${zhShow(a.got)}）`,
  'value.unknownKey': (a) => `无法识别的字段，可用字段：${zhList(a.allowed)}`,
  'value.notArray': (a) => `应为列表（现为：${zhShow(a.got)}）`,
  'value.notString': (a) => `应为文本（现为：${zhShow(a.got)}）`,
  'value.empty': () => '不能为空',
  'value.notNumber': (a) => `应为数值（现为：${zhShow(a.got)}）`,
  'value.belowMin': (a) => `${zhMin(a.min)}（现为：${a.got}）`,
  'value.beyondExact': (a) =>
    `${a.got} 不合常理：任何数值都不会达到 10^16（超过 2^53 的整数已不再精确）`,
  'value.notYear': (a) => `应为四位年份，如 2019（现为：${zhShow(a.got)}）`,
  'value.unknownChoice': (a) =>
    `${FIELD[a.field].name}${zhShow(a.got)}无法识别，可选：${a.allowed.map((x) => FIELD[a.field].labels[x] ?? x).join('、')}`,
  'plan.daysNotWhole': (a) => `应为整数天数（现为：${a.got}）`,
  'indicator.badProfile': (a) =>
    `应为 4 个 0 到 1 之间的数，逐季不减，第四季度为 1（现为：${zhShow(a.got)}）`,
  'indicator.levelAssessed': (a) =>
    `水平型指标是全区数值，不分解到单位：考核对象应为“${ASSESSED_LABELS.district}”（现为：${zhAssessed(a.got)}）`,
  'indicator.flowAssessed': (a) =>
    `累计型指标要分解到单位：考核对象应为${a.allowed.map((u) => zhAssessed(u).slice(1, -1)).join('、')}之一（现为：“${ASSESSED_LABELS.district}”）`,
  'ref.unknownIndicator': (a) => `指标${zhShow(a.id)}不存在`,
  'ref.levelNotDecomposed': (a) => `${zhShow(a.id)}是水平型指标（全区数值），不分解到单位`,
  'ref.unknownUnit': (a) => `单位${zhShow(a.id)}不存在`,
  'ref.unitNotCarrying': (a) =>
    `单位${zhShow(a.unit)}（${UNIT_TYPE_LABELS[a.type]}）不承担指标${zhShow(a.indicator)}（考核对象：${ASSESSED_LABELS[a.assessed]}）`,
  'duplicate.unitId': (a) => `单位编号${zhShow(a.id)}重复（另见 ${a.first}）`,
  'duplicate.indicatorId': (a) => `指标编号${zhShow(a.id)}重复（另见 ${a.first}）`,
  'duplicate.target': (a) => `指标“${a.indicator}”${a.year}年的目标重复（另见 ${a.first}）`,
  'duplicate.basis': (a) =>
    `指标“${a.indicator}”${a.year}年单位${zhShow(a.unit)}的分解依据重复（另见 ${a.first}）`,
  'duplicate.quota': (a) =>
    `指标“${a.indicator}”${a.year}年单位${zhShow(a.unit)}的任务数重复（另见 ${a.first}）`,
  'duplicate.actual': (a) =>
    `指标“${a.indicator}”${a.unit !== null ? `单位${zhShow(a.unit)}` : ''}${zhPeriod(a.period)}的完成数` +
    (a.sameAs !== null ? `（${zhShow(a.sameAs)}与${zhShow(a.text)}是同一考核期）` : '') +
    `重复（另见 ${a.first}）`,
  'duplicate.tier': (a) => `完成率下限为 ${a.min} 的档次重复（另见 ${a.first}）`,
  'duplicate.rule': (a) => `指标${zhShow(a.indicator)}的计分规则重复（另见 ${a.first}）`,
  'duplicate.gradeName': (a) => `等次${zhShow(a.name)}重复（另见 ${a.first}）`,
  'duplicate.gradeMin': (a) => `最低分为 ${a.min} 的等次重复（另见 ${a.first}）`,
  'duplicate.creditCode': (a) => `统一社会信用代码${zhShow(a.code)}重复（另见 ${a.first}）`,
  'target.stretchBelowTotal': (a) => `力争值 ${a.stretch} 低于目标值 ${a.total}`,
  'target.badPrecision': (a) => `小数位数应为 0 到 ${a.max} 之间的整数（现为：${zhShow(a.got)}）`,
  'target.tooPrecise': (a) => `${a.total} 的小数位数超过了小数位数设定（${a.precision} 位）`,
  'target.noCarrier': (a) =>
    `没有单位承担指标${zhShow(a.indicator)}（考核对象：${ASSESSED_LABELS[a.assessed]}）`,
  'target.missingBasis': (a) =>
    `指标“${a.indicator}”${a.year}年按权重分解（${METHOD_LABELS[a.method]}），` +
    `但缺少单位${zhList(a.units)}的分解依据（无任务的单位请填权重 0，或直接给定任务数）`,
  'basis.maxBelowMin': (a) => `上限 ${a.max} 低于下限 ${a.min}`,
  'basis.tooPrecise': (a) => `${a.value} 的小数位数超过了该目标的小数位数设定（${a.precision} 位）`,
  'quotas.missingUnits': (a) =>
    `指标“${a.indicator}”${a.year}年：缺少单位${zhList(a.units)}的任务数（给定任务数即替代该指标该年度的分解结果，无任务的单位请填 0）`,
  'actual.levelHasUnit': (a) => `${zhShow(a.indicator)}是水平型指标：完成数为全区数值，不填单位`,
  'rule.noTiers': (a) => `分档计分至少要有一档（完成率下限与系数）（现为：${zhShow(a.got)}）`,
  'rule.onlyFor': (a) =>
    `仅适用于“${RULE_LABELS[a.only]}”计分方法（本规则为“${RULE_LABELS[a.rule]}”）`,
  'rule.bonusMaxAlone': () =>
    '填写了加分上限，还需填写每超1个百分点加分（完成率超过 100% 后每个百分点的加分）',
  'rule.capNotPositive': (a) => `应大于 0（现为：${a.got}）`,
  'rule.floorAboveWeight': (a) => `保底分 ${a.floor} 高于该项分值 ${a.weight}`,
  'status.warnAboveAhead': (a) => `${a.warn} 高于“达到序时进度”的阈值 ${a.ahead}`,
};
