import type { bookEn } from '../en/book';
import { zhShow } from '../format';

export const bookZh: typeof bookEn = {
  'cell.notNumber': (a) => `不是数字：${a.shown}，请填写数值`,
  'cell.notFinite': (a) => `不是有限数值：${a.shown}，请填写实际数值`,
  'cell.notWhole': (a) => `不是整数：${a.got}`,
  'cell.badTier': (a) => `分档写法有误：“${a.text}”，应为“完成率:系数”对，如“1:1; 0.8:0.8”`,
  'table.missing': (a) => `找不到此表（应在工作表“${a.sheet}”上），是否被删除或改名？`,
  'table.missingColumn': (a) => `缺少列“${a.header}”`,
  'table.existsElsewhere': (a) => `工作表“${a.sheet}”上已有表 ${a.table}，请删除或改名后重试`,
  'settings.duplicate': (a) => `设置项“${a.key}”重复`,
  'indicator.partialProfile': () =>
    'Q1–Q4序时进度四格应全部填写，或全部留空（按默认 25%/50%/75%/100%）',
  'quotas.unknownSource': (a) =>
    `来源${zhShow(a.got)}无法识别（自行设定的任务数填“${a.given}”，分解所得的填“${a.computed}”）`,
  'quotas.fixedOverTarget': (a) =>
    `指标“${a.indicator}”${a.year}年固定的任务数（来源为“${a.given}”、改写过的“${a.computed}”或分解依据中锁定的）合计 ${a.sum}，超过目标值 ${a.total}，其余单位无法分解`,
  'sheet.protected': (a) =>
    `工作表“${a.sheet}”受保护，无法写入表 ${a.table}；请先撤销工作表保护再重试`,
};
