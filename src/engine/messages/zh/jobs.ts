import type { jobsEn } from '../en/jobs';
import { METHOD_LABELS } from '../../labels';
import { zhList, zhShow } from '../format';

export const jobsZh: typeof jobsEn = {
  'allocate.yearNotWhole': (a) => `年份应为整数，不能是 ${zhShow(a.got)}`,
  'allocate.unknownMethod': (a) =>
    `分解方法${zhShow(a.got)}无法识别，可选：${a.allowed.map((m) => METHOD_LABELS[m]).join('、')}`,
  'allocate.unknownIndicator': (a) => `找不到指标“${a.id}”`,
  'allocate.levelIndicator': (a) => `指标“${a.id}”（${a.name}）是水平型指标，不分解任务数`,
  'allocate.noTarget': (a) =>
    `指标“${a.id}”（${a.name}）在工作表“${a.sheet}”（TD_Targets）中没有 ${a.year} 年的目标`,
  'allocate.noTargets': (a) =>
    `工作表“${a.sheet}”（TD_Targets）中没有任何可分解指标 ${a.year} 年的目标`,
  'table.lacksColumn': (a) => `表 ${a.table} 缺少列“${a.header}”`,
  'table.missingColumns': (a) => `缺少列${zhList(a.columns)}`,
  'bulletin.periodOutsidePlan': (a) =>
    `期间 ${a.period} 不在计划的年度（${a.years.join('、')}）之内`,
  'quota.typed': (a) =>
    `${a.at}：单位 ${a.unit} 指标 ${a.indicator} 的任务数由分解所得 ${a.old} 改为 ${a.new}：已按“${a.given}”保留，其余单位重新分解以保持总数`,
  'book.migrationBlocked': (a) =>
    `此版本为 ${a.added} 增加了列，需要重新排布工作表“${a.sheet}”，但该表上还有表 ${a.table}：请将其移到其他工作表后重试（未做任何更改）`,
  'book.structureProtected': (a) =>
    `工作簿结构受保护（审阅 › 保护工作簿），无法新建或替换工作表“${a.sheet}”；请先撤销工作簿保护再重试（未做任何更改）`,
};
