/**
 * The task pane's words. Chinese is the product's first language; English follows Office's display
 * language when it is not Chinese. Every key exists in both (the type makes sure of it).
 */
import { UNIT_TYPE_LABELS } from '../engine/labels';
import { Lang, Problem, problemText } from '../engine/messages/catalogue';

/** A problem: an InputError's (code and arguments), or one the controller already worded. */
export type ProblemText = Problem | { message: string; zh?: string };

/** A problem's text in `lang`, from the catalogue by its code. */
const localize =
  (lang: Lang) =>
  (p: ProblemText): string =>
    'code' in p ? problemText(p, lang) : lang === 'zh-CN' ? (p.zh ?? p.message) : p.message;

export const zhCN = {
  lang: 'zh-CN',
  appTitle: '目标分解考核助手',
  appSubtitle: '目标分解 · 报表收集 · 考核通报',
  steps: { plan: '计划', allocate: '分解', returns: '报表', assess: '考核', bulletin: '通报' },
  /** A tab's label: numbered in Chinese (two characters leave room), the bare word in English. */
  stepLabel: (n: number, name: string) => `${n} ${name}`,
  /** A problem's text in the user's language. */
  problem: localize('zh-CN'),
  stepHints: {
    plan: '第一步：建立或检查计划工作表（单位、指标、目标、分解依据、考核办法）。',
    allocate: '第二步：把年度目标分解为各单位的任务数。先预览，确认无误后再写入。',
    returns: '第三步：下发季度报表模板，收回后导入；导入省市认定名单。',
    assess: '第四步：选择考核期，计算各单位得分、排名和等次。',
    bulletin: '第五步：生成本期通报工作表，可直接打印或导出。',
  },
  busy: '正在处理，请稍候…',
  reading: '正在读取工作簿…',
  writing: '正在写入工作簿…',
  done: '完成',
  unchanged: '工作簿未作任何修改。',
  inputErrorTitle: '输入有误，请按下列位置修改后重试',
  unexpectedErrorTitle: '操作失败',
  where: '位置',
  stepFailed: '这一步的界面未能加载',
  reload: '重新加载',
  noticesTitle: '当前 Excel 版本不支持以下功能，已跳过（升级 Excel 后重新执行即可补上）',
  plan: {
    summaryTitle: '计划概况',
    noPlan: '当前工作簿还没有计划工作表。可以用示例建立，也可以建立空白计划后自行填写。',
    planName: '计划名称',
    district: '地区',
    organization: '牵头单位',
    units: '责任单位',
    indicators: '考核指标',
    targets: '年度目标',
    years: '目标年度',
    count: (n: number) => `${n} 个`,
    fromSample: '用示例建立（下城区国高企三年行动计划）',
    fromScratch: '建立空白计划',
    replaceWarning: '工作簿中已有计划表。重新建立会覆盖计划表中的内容，原内容记入操作日志。',
    created: (sheets: number) => `已建立计划工作表 ${sheets} 张。`,
    refresh: '刷新',
  },
  allocate: {
    year: '年度',
    indicator: '指标',
    allIndicators: '全部可分解指标',
    method: '分解方法',
    methodFromPlan: '按目标表中设定的方法',
    methods: {
      'largest-remainder': '最大余额法（按权重）',
      equal: '平均分配',
      dhondt: '洪特法（D’Hondt）',
      'sainte-lague': '圣拉古法（Sainte-Laguë）',
      'huntington-hill': '亨廷顿-希尔法',
      adams: '亚当斯法',
    } as Record<string, string>,
    preview: '预览分解结果',
    write: '写入任务分解表',
    previewTitle: '分解预览（尚未写入）',
    writtenTitle: '分解结果（已写入任务分解表）',
    unit: '单位',
    total: '合计',
    written: (rows: number) => `已写入任务分解表，共 ${rows} 行。`,
    noTargets: '目标表中没有可分解的目标。请先在“计划”步骤建立计划。',
  },
  returns: {
    period: '报表期',
    templatesTitle: '下发报表模板',
    templatesHelp:
      '为每个单位生成一份 Excel 报表，发给各街道和部门填写（无需安装本插件，WPS 也可填写）。',
    makeTemplates: '生成报表模板',
    download: '下载',
    downloadAll: '全部下载',
    downloadZip: '打包下载（zip）',
    zipName: (period: string) => `${period}-季度报表模板.zip`,
    templatesMade: (n: number) => `已生成 ${n} 份报表模板。`,
    importTitle: '导入各单位报表',
    importHelp: '可一次选择多个文件。有错误的文件整份不导入，其余文件照常导入。',
    chooseReturns: '选择报表文件…',
    listTitle: '导入认定名单',
    listHelp: '选择省市公布的认定名单（xlsx 或 csv），按企业库匹配到各单位。',
    listIndicator: '计入指标',
    chooseList: '选择名单文件…',
    accepted: '已导入',
    rejected: '未导入',
    taken: (unit: string, period: string, n: number) => `${unit} ${period}：${n} 项`,
    warnings: '提示',
    file: '文件',
    result: '结果',
    matched: (n: number) => `匹配 ${n} 家`,
    unmatched: (n: number) => `未匹配 ${n} 家，请在“认定名单”表中指定所属单位`,
    duplicates: (n: number) => `重复证书 ${n} 条（只计一次）`,
  },
  assess: {
    period: '考核期',
    year: '年度',
    quarter: '季度',
    quarters: ['第一季度', '第二季度', '第三季度', '全年（第四季度）'],
    compute: '计算考核得分',
    computed: (units: number) => `已计算 ${units} 个单位的得分，结果写入“考核结果”表。`,
    resultTitle: '考核结果',
    unit: '单位',
    type: '类型',
    total: '总分',
    rank: '排名',
    grade: '等次',
    unitTypes: UNIT_TYPE_LABELS as Record<string, string>,
  },
  bulletin: {
    period: '通报期',
    generate: '生成通报',
    generated: (sheet: string) => `已生成通报工作表“${sheet}”并转到该表。`,
    editedTitle: '通报表已被修改',
    edited: (sheet: string) =>
      `工作表“${sheet}”在生成后被手工修改过。重新生成将覆盖这些修改，是否继续？`,
    overwrite: '覆盖并重新生成',
    keep: '保留原表',
    kept: '已保留原通报表，未作修改。',
    exportDocx: '导出公文',
    exported: (name: string) => `已生成公文“${name}”（GB/T 9704 格式）。如未自动下载，请点击：`,
  },
};

export type Strings = typeof zhCN;

export const enUS: Strings = {
  lang: 'en-US',
  appTitle: 'Target Desk',
  appSubtitle: 'Allocate · Collect returns · Assess and report',
  steps: {
    plan: 'Plan',
    allocate: 'Allocate',
    returns: 'Returns',
    assess: 'Assess',
    bulletin: 'Bulletin',
  },
  stepLabel: (_n: number, name: string) => name,
  problem: localize('en-US'),
  stepHints: {
    plan: 'Step 1: create or check the plan sheets (units, indicators, targets, basis, scoring rules).',
    allocate: 'Step 2: split each annual target into unit quotas. Preview first, then write.',
    returns:
      'Step 3: send quarterly return templates, import the filled returns and recognition lists.',
    assess: 'Step 4: pick the period and compute scores, ranks and grades.',
    bulletin: 'Step 5: generate the bulletin sheet for the period, ready to print.',
  },
  busy: 'Working…',
  reading: 'Reading the workbook…',
  writing: 'Writing to the workbook…',
  done: 'Done',
  unchanged: 'The workbook was not changed.',
  inputErrorTitle: 'Please correct the input at these places and try again',
  unexpectedErrorTitle: 'The command failed',
  where: 'Where',
  stepFailed: 'This step could not be loaded',
  reload: 'Reload',
  noticesTitle:
    'This Excel version lacks these features; they were skipped (run the step again after updating Excel)',
  plan: {
    summaryTitle: 'Plan summary',
    noPlan:
      'This workbook has no plan sheets yet. Create them from the sample, or start from a blank plan.',
    planName: 'Plan',
    district: 'District',
    organization: 'Lead office',
    units: 'Units',
    indicators: 'Indicators',
    targets: 'Targets',
    years: 'Years',
    count: (n: number) => String(n),
    fromSample: 'Create from the sample (Xiacheng high-tech plan)',
    fromScratch: 'Create a blank plan',
    replaceWarning:
      'This workbook already has plan sheets. Creating them again replaces their contents; the old contents go to the log.',
    created: (sheets: number) => `Created ${sheets} plan sheets.`,
    refresh: 'Refresh',
  },
  allocate: {
    year: 'Year',
    indicator: 'Indicator',
    allIndicators: 'All allocatable indicators',
    method: 'Method',
    methodFromPlan: 'As set in the targets table',
    methods: {
      'largest-remainder': 'Largest remainder (by weight)',
      equal: 'Equal shares',
      dhondt: "D'Hondt (Jefferson)",
      'sainte-lague': 'Sainte-Laguë (Webster)',
      'huntington-hill': 'Huntington-Hill',
      adams: 'Adams',
    },
    preview: 'Preview quotas',
    write: 'Write quotas',
    previewTitle: 'Preview (not written yet)',
    writtenTitle: 'Quotas (written to the quotas table)',
    unit: 'Unit',
    total: 'Total',
    written: (rows: number) => `Quotas written: ${rows} rows.`,
    noTargets: 'The targets table has nothing to allocate. Create the plan in the Plan step first.',
  },
  returns: {
    period: 'Period',
    templatesTitle: 'Send return templates',
    templatesHelp:
      'One Excel return per unit, for streets and departments to fill in (no add-in needed; WPS works too).',
    makeTemplates: 'Generate templates',
    download: 'Download',
    downloadAll: 'Download all',
    downloadZip: 'Download as zip',
    zipName: (period: string) => `${period}-return-templates.zip`,
    templatesMade: (n: number) => `${n} return templates generated.`,
    importTitle: 'Import returns',
    importHelp:
      'Choose several files at once. A file with any error is rejected whole; the others go in.',
    chooseReturns: 'Choose return files…',
    listTitle: 'Import a recognition list',
    listHelp:
      'Choose the official recognition list (xlsx or csv); rows are matched to units through the registry.',
    listIndicator: 'Counts toward',
    chooseList: 'Choose list file…',
    accepted: 'Imported',
    rejected: 'Rejected',
    taken: (unit: string, period: string, n: number) =>
      `${unit} ${period}: ${n} ${n === 1 ? 'value' : 'values'}`,
    warnings: 'Note',
    file: 'File',
    result: 'Result',
    matched: (n: number) => `${n} matched`,
    unmatched: (n: number) => `${n} unmatched: assign their units in the recognitions table`,
    duplicates: (n: number) => `${n} duplicate certificates (counted once)`,
  },
  assess: {
    period: 'Period',
    year: 'Year',
    quarter: 'Quarter',
    quarters: ['Q1', 'Q2', 'Q3', 'Full year (Q4)'],
    compute: 'Compute scores',
    computed: (units: number) =>
      `Scores computed for ${units} units and written to the results sheet.`,
    resultTitle: 'Results',
    unit: 'Unit',
    type: 'Type',
    total: 'Total',
    rank: 'Rank',
    grade: 'Grade',
    unitTypes: { street: 'Street', department: 'Dept.', platform: 'Platform' },
  },
  bulletin: {
    period: 'Period',
    generate: 'Generate bulletin',
    generated: (sheet: string) => `Bulletin sheet "${sheet}" generated and selected.`,
    editedTitle: 'The bulletin was edited',
    edited: (sheet: string) =>
      `Sheet "${sheet}" was edited by hand after it was generated. Generating it again replaces those edits. Continue?`,
    overwrite: 'Replace it',
    keep: 'Keep it',
    kept: 'The bulletin sheet was kept as it was.',
    exportDocx: 'Export document',
    exported: (name: string) =>
      `Document "${name}" (GB/T 9704 layout) made. If it did not download, click:`,
  },
};

/** Chinese for any Chinese display language (zh-CN, zh-TW, …), English otherwise. */
export function pickStrings(displayLanguage: string | undefined): Strings {
  return /^zh\b/i.test(displayLanguage ?? 'zh-CN') ? zhCN : enUS;
}
