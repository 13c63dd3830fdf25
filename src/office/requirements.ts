/**
 * Features above the add-in's ExcelApi 1.7 baseline, checked with Office's requirement sets, and
 * what the user is told when the host lacks one the plan uses (or something else it skipped).
 */

export type Feature = 'validation' | 'print';

const NEEDS: Record<Feature, string> = {
  validation: '1.8',
  print: '1.9',
};

export function supports(feature: Feature): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', NEEDS[feature]);
}

/** What the user is told when the host lacks a feature the plan uses. */
export const NOTICES = {
  validation: '此版本的 Excel 不支持数据验证（需要 ExcelApi 1.8），已跳过数据验证。',
  print: '此版本的 Excel 不支持页面设置（需要 ExcelApi 1.9），已跳过打印设置和分页符。',
  manualCalculation: '此工作簿为手动计算模式：已在读取前和写入后各重新计算一次。',
  cosmetics:
    '数据已全部写入；冻结窗格和工作表标签颜色未能设置（此版本的 Excel 报错），可在“视图”中手动设置。',
};
