import type { returnsEn } from '../en/returns';

export const returnsZh: typeof returnsEn = {
  'return.otherPlan': (a) => `这是计划「${a.plan}」的报表模板，不是本计划「${a.planName}」的`,
  'return.badVersion': (a) => `模板版本「${a.version}」不受支持，请使用 ${a.expected} 版模板`,
  'return.unknownUnit': (a) => `未知单位「${a.unit}」，本计划没有这个单位`,
  'return.unknownUnitId': (a) => `未知单位编号「${a.id}」，本计划没有这个单位`,
  'return.noUnit': () => '无法确定填报单位：文档属性 td.unit 和表头「填报单位」都没有',
  'return.unitIdDisagrees': (a) => `单位编号「${a.id}」与文档属性 td.unit「${a.unit}」不一致`,
  'return.unitNameDisagrees': (a) => `填报单位「${a.name}」与文档属性 td.unit（${a.unit}）不一致`,
  'return.noPeriod': () => '无法确定报送期：文档属性 td.period 和表头「报送期」都没有',
  'return.badPeriod': (a) => `报送期「${a.period}」不是季度（应如 2019Q3）`,
  'return.periodDisagrees': (a) =>
    `报送期「${a.period}」与文档属性 td.period「${a.property}」不一致`,
  'return.otherPeriod': (a) => `这是 ${a.period} 的报表，本次导入的是 ${a.importing}`,
  'return.yearOutsidePlan': (a) => `本计划没有 ${a.year} 年的目标，不能导入 ${a.period} 的报表`,
  'return.noTable': (a) =>
    `找不到填报表 ${a.table}（表头：${a.columns.join('、')}），请使用下发的模板填报`,
  'return.tableIsRange': (a) => `表格 ${a.table} 已变为普通区域，按表头「${a.header}」所在行读取`,
  'return.badHeader': (a) =>
    `表头应为「${a.expected}」，实为${a.found ? `「${a.found}」` : '空'}，请不要修改表头`,
  'return.merged': () => '填报表中不能合并单元格',
  'return.noIndicatorId': () => '缺少指标编号',
  'return.unknownIndicator': (a) => `未知指标编号「${a.id}」`,
  'return.notCarried': (a) => `${a.unit}不承担指标「${a.indicator}」（${a.id}）`,
  'return.repeatedIndicator': (a) => `指标「${a.id}」重复出现（第 ${a.row} 行已填报）`,
  'return.notFinite': () => '不是有效数字',
  'return.textGrouping': (a) => `「${a.text}」的千分位逗号位置不对，无法确定数值，请填写数值`,
  'return.textAmbiguous': (a) => `「${a.text}」有多种读法，无法确定数值，请填写数值`,
  'return.textNotNumber': (a) => `「${a.text}」不是数字，请填写数值`,
  'return.formula': (a) => `不接受公式「=${a.formula}」，请直接填写数值`,
  'return.notNumeric': (a) =>
    `${a.kind === 'error' ? `错误值 ${a.text}` : a.kind === 'date' ? `日期 ${a.text}` : `「${a.text}」`}不是数值，请填写数值`,
  'return.negative': (a) => `不能为负数（${a.value}）`,
  'return.notWhole': (a) => `应为整数（${a.value}）`,
  'return.readFromText': (a) => `文本「${a.text}」按数值 ${a.value} 读取`,
};
