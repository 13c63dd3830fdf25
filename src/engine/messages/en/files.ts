/** Files read (returns, lists) and the options of the jobs that read them. */
export const filesEn = {
  'file.unreadable': (a: { cause: string }) => `cannot read the file (${a.cause})`,
  'file.notXlsx': () => 'not a valid xlsx file: save it as xlsx from Excel, WPS or LibreOffice',
  'file.unsupportedType': (a: { ext: string | null }) =>
    `unsupported file type "${a.ext ?? 'no extension'}": use xlsx or csv`,
  'period.needsQuarter': (a: { year: number }) => `give a quarter, such as ${a.year}Q3`,
  'list.unknownIndicator': (a: { id: string }) => `unknown indicator "${a.id}"`,
  'list.notDecomposed': (a: { name: string }) =>
    `indicator "${a.name}" is not allocated to units, so a list cannot be counted for it`,
  'list.unknownUnit': (a: { unit: string }) => `unknown unit "${a.unit}"`,
  'list.badPeriod': (a: { period: string }) => `"${a.period}" is not a quarter (such as 2019Q4)`,
  'list.unknownUnitCell': (a: { unit: string }) =>
    `unknown unit "${a.unit}" (give a unit id or a unit name)`,
  'list.assignUnlisted': (a: { name: string; indicator: string }) =>
    `"${a.name}" is not in this list (nor in the 认定名单 sheet for ${a.indicator}): --assign places listed enterprises only`,
  'list.assignRegistered': (a: { name: string; from: string; unit: string | undefined }) =>
    `"${a.name}" is registered to unit ${a.from} in 企业库; add --reassign to move it to ${a.unit}`,
  'list.badAssign': (a: { text: string }) => `--assign ${a.text}: write it as 企业名称=单位编号`,
  'option.badDate': (a: { got: string }) =>
    `not a date: ${JSON.stringify(a.got)} (write YYYY-MM-DD)`,
  'file.symlinkLoop': () => 'too many levels of symbolic links',
  'file.notWorkbook': (a: { detail: string }) => `not an xlsx workbook (${a.detail})`,
  'templates.otherFileThere': () =>
    'a different file of this name is already there (perhaps a return filled in); move it away, choose another --out-dir, or add --force to replace it; nothing written',
  'returns.duplicate': (a: { first: string; unit: string | null; period: string | null }) =>
    `same unit (${a.unit}) and period (${a.period}) as ${a.first}: only one return per unit and period is imported`,
  'bulletin.badDate': (a: { date: string }) =>
    `issue date "${a.date}" is not a valid date (YYYY-MM-DD)`,
};
