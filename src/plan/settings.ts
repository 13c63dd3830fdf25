/** TD_Settings: the keys of its rows and the labels shown next to them. */
/** Keys of TD_Settings rows (键 column). */
export const SETTING_KEYS = {
  planName: 'plan.name',
  district: 'plan.district',
  organization: 'plan.organization',
  returnDeadlineDays: 'plan.returnDeadlineDays',
  docNumberPattern: 'plan.docNumberPattern',
  statusAhead: 'status.ahead',
  statusWarn: 'status.warn',
} as const;
export const SETTING_LABELS: Record<string, string> = {
  'plan.name': '计划名称',
  'plan.district': '区县',
  'plan.organization': '牵头单位（通报落款）',
  'plan.returnDeadlineDays': '季度报表报送期限（季度结束后天数，默认10）',
  'plan.docNumberPattern': '通报文号格式（{year} 年份，{seq} 当年第几期）',
  'status.ahead': '达到序时进度的阈值（序时完成率 ≥）',
  'status.warn': '略低于序时进度的阈值（序时完成率 ≥，低于此为滞后）',
};
