import type { figuresEn } from '../en/figures';
import { zhShow } from '../format';

export const figuresZh: typeof figuresEn = {
  'period.invalid': (a) =>
    `不是有效的考核期：${zhShow(a.got)}（应为年份，如“2019”；或季度，如“2019Q3”）`,
  'period.outsidePlan': (a) => `本计划没有 ${a.year} 年的目标（计划年度：${a.years.join('、')}）`,
  'period.noTargets': () => '本计划还没有任何年度目标，无法计算任何考核期',
  'number.notFinite': (a) => `不是有效数字：${a.got}（不能为无穷大或非数）`,
  'number.notNumber': (a) => `不是数字：${zhShow(a.got)}，请填写数值`,
  'figure.notFinite': (a) => `不是有限数值（${a.got}）`,
  'figure.implausible': (a) =>
    `${a.value} 不合常理：超过 ${a.limit}（` +
    (a.task === null ? '没有这么大的实际数' : `10^7 与年度任务 ${a.task} 的 1000 倍中的较大者`) +
    '），请检查是否填错',
  'figure.cumulativeBelow': (a) =>
    `${a.year}Q${a.quarter} 本年累计 ${a.value} 低于 ${a.year}Q${a.q} 的 ${a.v}：累计数不应下降（请核对是否填错；如系更正可忽略）`,
  'figure.cumulativeAbove': (a) =>
    `${a.year}Q${a.quarter} 本年累计 ${a.value} 高于已录入的 ${a.year}Q${a.q} 的 ${a.v}：累计数不应下降（请核对是否填错；如系更正可忽略）`,
};
