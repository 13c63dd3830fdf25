import type { filesEn } from '../en/files';

export const filesZh: typeof filesEn = {
  'file.unreadable': (a) => `无法读取文件（${a.cause}）`,
  'file.notXlsx': () => '不是有效的 xlsx 文件，请用 Excel、WPS 或 LibreOffice 另存为 xlsx 格式',
  'file.unsupportedType': (a) => `不支持的文件类型「${a.ext ?? '无扩展名'}」：请用 xlsx 或 csv`,
  'period.needsQuarter': (a) => `请给出季度，例如 ${a.year}Q3`,
  'list.unknownIndicator': (a) => `未知指标「${a.id}」`,
  'list.notDecomposed': (a) => `指标「${a.name}」不分解到单位，不能按名单计数`,
  'list.unknownUnit': (a) => `未知单位「${a.unit}」`,
  'list.badPeriod': (a) => `「${a.period}」不是季度（应如 2019Q4）`,
  'list.unknownUnitCell': (a) => `未知单位「${a.unit}」（填单位编号或单位名称）`,
  'list.assignUnlisted': (a) =>
    `「${a.name}」不在本名单中（认定名单表中指标 ${a.indicator} 也没有）：--assign 只能为名单中的企业指定单位`,
  'list.assignRegistered': (a) =>
    `「${a.name}」在企业库中属于单位 ${a.from}；确需改为 ${a.unit}，请加 --reassign`,
  'list.badAssign': (a) => `--assign ${a.text}：应写成 企业名称=单位编号`,
  'option.badDate': (a) => `不是日期：${JSON.stringify(a.got)}（应为 YYYY-MM-DD）`,
  'file.symlinkLoop': () => '符号链接层数过多',
  'file.notWorkbook': (a) => `不是 xlsx 工作簿（${a.detail}）`,
  'templates.otherFileThere': () =>
    '该处已有同名但内容不同的文件（可能是已填写的报表）；请移走、换一个 --out-dir，或加 --force 替换；未写入任何内容',
  'returns.duplicate': (a) =>
    `与 ${a.first} 重复：同一单位（${a.unit}）同一报送期（${a.period}）只能导入一份`,
  'bulletin.badDate': (a) => `发文日期“${a.date}”不是有效日期，应为 YYYY-MM-DD`,
};
