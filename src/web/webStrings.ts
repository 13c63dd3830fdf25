/** The 网页版's own words (file handling and the book view); the steps speak src/i18n/strings. */
export const webZh = {
  edition: '网页版',
  open: '打开工作簿…',
  save: '保存',
  saveAs: '另存为…',
  dropHere: '把计划工作簿（.xlsx）拖到这里打开',
  untitled: '新工作簿（未保存）',
  unsaved: '有未保存的修改',
  saved: (name: string) => `已保存：${name}`,
  downloaded: (name: string) => `已下载：${name}（浏览器不支持直接保存到原文件）`,
  opened: (name: string) => `已打开：${name}`,
  notXlsx: (name: string) => `“${name}”不是 .xlsx 工作簿，未打开。`,
  cannotOpen: (name: string, why: string) => `无法打开“${name}”：${why}`,
  cannotSave: (why: string) => `保存失败，工作簿仍在页面中，可再试或另存为：${why}`,
  discard: '当前工作簿有未保存的修改。打开另一个工作簿将丢弃这些修改，是否继续？',
  changedOnDisk: (name: string) =>
    `“${name}”在本页面打开之后已被其他程序修改。保存将覆盖那些修改。是否仍要覆盖？（选“取消”可改用“另存为”。）`,
  notOverwritten: (name: string) =>
    `未覆盖“${name}”：它在打开之后被其他程序修改过。可用“另存为”保存为新文件。`,
  viewTitle: '工作表预览（只读）',
  sheet: '工作表',
  emptySheet: '（空表）',
  noSheets: '工作簿中还没有工作表。请在“计划”步骤用示例或空白计划建立。',
  privacy: '工作簿只在本页面中处理，不会上传到任何服务器。',
};

export type WebStrings = typeof webZh;

export const webEn: WebStrings = {
  edition: 'web version',
  open: 'Open workbook…',
  save: 'Save',
  saveAs: 'Save as…',
  dropHere: 'Drop a plan workbook (.xlsx) here to open it',
  untitled: 'New workbook (not saved)',
  unsaved: 'Unsaved changes',
  saved: (name) => `Saved: ${name}`,
  downloaded: (name) => `Downloaded: ${name} (this browser cannot save to the original file)`,
  opened: (name) => `Opened: ${name}`,
  notXlsx: (name) => `"${name}" is not an .xlsx workbook; not opened.`,
  cannotOpen: (name, why) => `Cannot open "${name}": ${why}`,
  cannotSave: (why) =>
    `Not saved; the workbook is still in this page, try again or save as: ${why}`,
  discard: 'This workbook has unsaved changes. Opening another workbook discards them. Continue?',
  changedOnDisk: (name) =>
    `"${name}" was changed by another program after this page opened it. Saving overwrites those changes. Overwrite anyway? (Cancel to use Save as instead.)`,
  notOverwritten: (name) =>
    `"${name}" was not overwritten: another program changed it after it was opened. Use Save as to keep both.`,
  viewTitle: 'Sheet view (read-only)',
  sheet: 'Sheet',
  emptySheet: '(empty sheet)',
  noSheets:
    'The workbook has no sheets yet. Create the plan from the sample or blank in the Plan step.',
  privacy: 'The workbook stays in this page; nothing is uploaded to any server.',
};

export function pickWebStrings(lang: string): WebStrings {
  return lang === 'zh-CN' ? webZh : webEn;
}
