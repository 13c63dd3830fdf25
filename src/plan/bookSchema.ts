/**
 * The plan workbook's tables (SPEC §7): each table's name, the sheet it is created on, and its
 * columns — the Chinese header users see, the JSON key of the scenario field it holds, and its type.
 * Tables are found by name wherever the user moved them and columns by header wherever the user
 * moved them, so the headers below are part of the product's contract (README lists them).
 *
 * Enumerations are shown in Chinese (单位类型 街道 / 部门 / 平台) and read back from either the
 * Chinese label or the JSON code.
 */
import { columnName } from '../engine/grid';
import {
  ASSESSED_LABELS,
  KIND_LABELS,
  METHOD_LABELS,
  RULE_LABELS,
  SOURCE_LABELS,
  UNIT_TYPE_LABELS,
} from '../engine/labels';
import type { TableColumn, ValidationPlan } from './types';

export type ColumnType = 'text' | 'integer' | 'number' | 'percent' | 'enum' | 'json';

export interface ColumnDef {
  /** JSON key (a scenario field, or the table's own field for output and log tables). */
  key: string;
  header: string;
  type: ColumnType;
  /** For `enum` columns: JSON code → Chinese label. */
  labels?: Readonly<Record<string, string>>;
  /** A display format other than the type's (scores with two decimals). */
  numberFormat?: string;
  /** Display-only columns (names next to ids in output tables) may be missing when reading. */
  optionalOnRead?: boolean;
  /** Text columns where users type dates: read as YYYY-MM-DD from either host (cellDates.ts). */
  date?: boolean;
  width?: number;
}

export interface TableDef {
  name: TableName;
  /** Sheet the table is created on by `init` (users may rename it). */
  sheet: string;
  /** Top-left cell of the header row on that sheet. */
  at: string;
  columns: readonly ColumnDef[];
  /** Written by commands (TD_Quotas, TD_Scores, …) rather than typed by users. */
  output?: boolean;
  /**
   * For tables commands rewrite whole: the columns (keys) that identify a row across rewrites, so
   * the values of columns a user added stay on their row (userColumns.ts).
   */
  rowKey?: readonly string[];
}

export type TableName =
  | 'TD_Settings'
  | 'TD_Units'
  | 'TD_Indicators'
  | 'TD_Targets'
  | 'TD_Basis'
  | 'TD_Quotas'
  | 'TD_Actuals'
  | 'TD_Rules'
  | 'TD_Grades'
  | 'TD_Scores'
  | 'TD_Ranking'
  | 'TD_BulletinText'
  | 'TD_Registry'
  | 'TD_Recognitions'
  | 'TD_Log'
  | 'TD_History';

export {
  UNIT_TYPE_LABELS,
  KIND_LABELS,
  ASSESSED_LABELS,
  METHOD_LABELS,
  RULE_LABELS,
  SOURCE_LABELS,
};
/** TD_Quotas 来源: a quota typed by the user overrides the allocation (scenario `quotas`). */
export const QUOTA_SOURCE_LABELS = { given: '给定', computed: '分解' } as const;
export const STATUS_LABELS = {
  ahead: '达到序时进度',
  behind: '略低于序时进度',
  lagging: '滞后序时进度',
  none: '无序时要求',
} as const;
export const REPORTED_LABELS = { yes: '已报送', no: '未报送' } as const;
export const REPORT_STATUS_LABELS = { onTime: '按时', late: '迟报', missing: '未报送' } as const;
/** TD_BulletinText 部分: the bulletin's sections a user may rewrite. */
export const BULLETIN_SECTION_LABELS = {
  issues: '存在问题',
  requirements: '下步工作要求',
} as const;

/** TD_Log 操作 values written by this project's commands. */
export const LOG_ACTIONS = {
  init: '新建计划簿',
  run: '计算考核',
  allocate: '分解',
} as const;

/** Number formats: shares as percent with one decimal, counts as integers. */
export const FORMAT = {
  percent: '0.0%',
  integer: '0',
  score: '0.00',
  projected: '0.0',
} as const;

const col = (
  key: string,
  header: string,
  type: ColumnType = 'text',
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({
  key,
  header,
  type,
  ...extra,
});
const idCol = (key: string, header: string) => col(key, header, 'text', { width: 14 });
const nameCol = (key: string, header: string, extra: Partial<ColumnDef> = {}) =>
  col(key, header, 'text', { width: 24, ...extra });
const enumCol = (
  key: string,
  header: string,
  labels: Readonly<Record<string, string>>,
  extra: Partial<ColumnDef> = {},
) => col(key, header, 'enum', { labels, width: 14, ...extra });

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

export const TABLES: Readonly<Record<TableName, TableDef>> = {
  TD_Settings: {
    name: 'TD_Settings',
    sheet: '设置',
    at: 'A1',
    columns: [
      col('label', '项目', 'text', { width: 58, optionalOnRead: true }),
      col('key', '键', 'text', { width: 18 }),
      col('value', '值', 'text', { width: 40 }),
    ],
  },
  TD_Units: {
    name: 'TD_Units',
    sheet: '单位',
    at: 'A1',
    columns: [
      idCol('id', '单位编号'),
      nameCol('name', '单位名称'),
      enumCol('type', '单位类型', UNIT_TYPE_LABELS),
    ],
  },
  TD_Indicators: {
    name: 'TD_Indicators',
    sheet: '指标',
    at: 'A1',
    columns: [
      idCol('id', '指标编号'),
      nameCol('name', '指标名称', { width: 30 }),
      col('measure', '计量单位', 'text', { width: 10 }),
      enumCol('kind', '指标类型', KIND_LABELS),
      enumCol('assessed', '考核对象', ASSESSED_LABELS),
      col('profile.0', 'Q1序时进度', 'percent', { width: 12 }),
      col('profile.1', 'Q2序时进度', 'percent', { width: 12 }),
      col('profile.2', 'Q3序时进度', 'percent', { width: 12 }),
      col('profile.3', 'Q4序时进度', 'percent', { width: 12 }),
    ],
  },
  TD_Targets: {
    name: 'TD_Targets',
    sheet: '目标',
    at: 'A1',
    columns: [
      idCol('indicator', '指标编号'),
      col('year', '年度', 'integer', { width: 8 }),
      col('total', '目标值', 'number', { width: 10 }),
      col('stretch', '力争值', 'number', { width: 10 }),
      enumCol('method', '分解方法', METHOD_LABELS, { width: 16 }),
      col('precision', '小数位数', 'integer', { width: 10 }),
    ],
  },
  TD_Basis: {
    name: 'TD_Basis',
    sheet: '分解依据',
    at: 'A1',
    columns: [
      idCol('indicator', '指标编号'),
      col('year', '年度', 'integer', { width: 8 }),
      idCol('unit', '单位编号'),
      col('weight', '权重', 'number', { width: 10 }),
      col('min', '下限', 'number', { width: 10 }),
      col('max', '上限', 'number', { width: 10 }),
      col('locked', '锁定值', 'number', { width: 10 }),
    ],
  },
  TD_Quotas: {
    name: 'TD_Quotas',
    sheet: '任务分解',
    at: 'A1',
    rowKey: ['indicator', 'year', 'unit'],
    output: true,
    columns: [
      idCol('indicator', '指标编号'),
      nameCol('indicatorName', '指标名称', { optionalOnRead: true, width: 30 }),
      col('year', '年度', 'integer', { width: 8 }),
      idCol('unit', '单位编号'),
      nameCol('unitName', '单位名称', { optionalOnRead: true, width: 16 }),
      col('quota', '任务数', 'number', { width: 10 }),
      enumCol('source', '来源', QUOTA_SOURCE_LABELS, { width: 8 }),
    ],
  },
  TD_Actuals: {
    name: 'TD_Actuals',
    sheet: '完成情况',
    at: 'A1',
    rowKey: ['indicator', 'unit', 'period'],
    columns: [
      idCol('indicator', '指标编号'),
      idCol('unit', '单位编号'),
      col('period', '期间', 'text', { width: 10 }),
      col('value', '完成数', 'number', { width: 10 }),
      enumCol('source', '来源', SOURCE_LABELS, { width: 12 }),
      col('file', '文件', 'text', { width: 30 }),
      col('importedAt', '导入时间', 'text', { width: 22 }),
    ],
  },
  TD_Rules: {
    name: 'TD_Rules',
    sheet: '考核办法',
    at: 'A1',
    columns: [
      idCol('indicator', '指标编号'),
      col('weight', '分值', 'number', { width: 8 }),
      enumCol('rule', '计分方法', RULE_LABELS, { width: 10 }),
      col('cap', '封顶完成率', 'number', { width: 12 }),
      col('tiers', '分档（完成率:系数；…）', 'text', { width: 28 }),
      col('rankStep', '名次递减分', 'number', { width: 12 }),
      col('floor', '保底分', 'number', { width: 8 }),
      col('bonusPerPoint', '每超1个百分点加分', 'number', { width: 18 }),
      col('bonusMax', '加分上限', 'number', { width: 10 }),
    ],
  },
  TD_Grades: {
    name: 'TD_Grades',
    sheet: '考核办法',
    at: 'K1',
    columns: [
      col('name', '等次', 'text', { width: 10 }),
      col('min', '最低分', 'number', { width: 10 }),
    ],
  },
  TD_Scores: {
    name: 'TD_Scores',
    sheet: '考核结果',
    at: 'A1',
    rowKey: ['period', 'unit', 'indicator'],
    output: true,
    columns: [
      col('period', '期间', 'text', { width: 9 }),
      idCol('unit', '单位编号'),
      nameCol('unitName', '单位名称', { optionalOnRead: true, width: 16 }),
      enumCol('type', '单位类型', UNIT_TYPE_LABELS, { width: 9 }),
      idCol('indicator', '指标编号'),
      nameCol('indicatorName', '指标名称', { optionalOnRead: true, width: 26 }),
      col('quota', '任务数', 'number', { width: 9 }),
      // The period's share of the year's quota: 序时目标 is one formula over the row (a calculated column).
      col('share', '序时比例', 'percent', { width: 9, optionalOnRead: true }),
      col('milestone', '序时目标', 'number', { width: 10 }),
      col('actual', '完成数', 'number', { width: 9 }),
      enumCol('reported', '报送', REPORTED_LABELS, { width: 9 }),
      col('rate', '完成率', 'percent', { width: 10 }),
      col('timely', '序时完成率', 'percent', { width: 11 }),
      enumCol('status', '进度状态', STATUS_LABELS, { width: 16 }),
      col('score', '得分', 'number', { width: 9, numberFormat: FORMAT.score }),
      col('bonus', '加分', 'number', { width: 9, numberFormat: FORMAT.score }),
      // Added with SPEC §10 "over time" (shown, never scored): optional in books made before.
      col('projected', '预计全年', 'number', {
        width: 10,
        numberFormat: FORMAT.projected,
        optionalOnRead: true,
      }),
      enumCol('reportStatus', '报送情况', REPORT_STATUS_LABELS, {
        width: 10,
        optionalOnRead: true,
      }),
      col('arrivedAt', '报送时间', 'text', { width: 22, optionalOnRead: true }),
      col('rankChange', '较上期', 'text', { width: 8, optionalOnRead: true }),
    ],
  },
  TD_Ranking: {
    name: 'TD_Ranking',
    sheet: '考核结果',
    // Right of TD_Scores (A–T) with a column of room.
    at: 'V1',
    rowKey: ['period', 'unit'],
    output: true,
    columns: [
      col('period', '期间', 'text', { width: 9 }),
      idCol('unit', '单位编号'),
      nameCol('unitName', '单位名称', { optionalOnRead: true, width: 16 }),
      enumCol('type', '单位类型', UNIT_TYPE_LABELS, { width: 9 }),
      col('total', '总分', 'number', { width: 9, numberFormat: FORMAT.score }),
      col('rank', '名次', 'integer', { width: 7 }),
      col('grade', '等次', 'text', { width: 8 }),
      col('previousRank', '上期名次', 'integer', { width: 9, optionalOnRead: true }),
      col('rankChange', '较上期', 'text', { width: 8, optionalOnRead: true }),
    ],
  },
  TD_BulletinText: {
    name: 'TD_BulletinText',
    sheet: '通报文字',
    at: 'A1',
    rowKey: ['period', 'section'],
    output: true,
    columns: [
      col('period', '期间', 'text', { width: 9 }),
      enumCol('section', '部分', BULLETIN_SECTION_LABELS, { width: 14 }),
      col('text', '内容（可修改，重新生成通报时保留）', 'text', { width: 80 }),
      col('generated', '生成内容', 'text', { width: 80 }),
    ],
  },
  TD_Registry: {
    name: 'TD_Registry',
    sheet: '企业库',
    at: 'A1',
    rowKey: ['name', 'creditCode'],
    columns: [
      nameCol('name', '企业名称', { width: 36 }),
      col('creditCode', '统一社会信用代码', 'text', { width: 22 }),
      idCol('unit', '单位编号'),
    ],
  },
  TD_Recognitions: {
    name: 'TD_Recognitions',
    sheet: '认定名单',
    at: 'A1',
    rowKey: ['indicator', 'certificate', 'name', 'file'],
    output: true,
    columns: [
      idCol('indicator', '指标编号'),
      nameCol('name', '企业名称', { width: 36 }),
      col('creditCode', '统一社会信用代码', 'text', { width: 22 }),
      col('certificate', '证书编号', 'text', { width: 18 }),
      col('issuedOn', '发证日期', 'text', { width: 12, date: true }),
      col('batch', '批次', 'text', { width: 12 }),
      col('period', '计入期间', 'text', { width: 10 }),
      idCol('unit', '单位编号'),
      col('match', '匹配结果', 'text', { width: 14 }),
      col('file', '导入文件', 'text', { width: 30 }),
      col('importedAt', '导入时间', 'text', { width: 22 }),
    ],
  },
  TD_Log: {
    name: 'TD_Log',
    sheet: '操作日志',
    at: 'A1',
    output: true,
    columns: [
      col('time', '时间', 'text', { width: 22 }),
      col('action', '操作', 'text', { width: 14 }),
      col('file', '文件', 'text', { width: 30 }),
      col('period', '期间', 'text', { width: 9 }),
      col('result', '结果', 'text', { width: 50 }),
      col('detail', '详情', 'text', { width: 40 }),
      col('hash', '校验值', 'text', { width: 18 }),
    ],
  },
  TD_History: {
    name: 'TD_History',
    sheet: '历史记录',
    at: 'A1',
    output: true,
    columns: [
      col('time', '时间', 'text', { width: 22 }),
      col('action', '操作', 'text', { width: 14 }),
      col('table', '表', 'text', { width: 16 }),
      col('period', '期间', 'text', { width: 9 }),
      col('row', '被替换的行（JSON）', 'json', { width: 100 }),
    ],
  },
};

/** Tables in the order `init` creates their sheets (after the 说明 cover sheet). */
export const TABLE_ORDER: readonly TableName[] = [
  'TD_Settings',
  'TD_Units',
  'TD_Indicators',
  'TD_Targets',
  'TD_Basis',
  'TD_Quotas',
  'TD_Actuals',
  'TD_Rules',
  'TD_Grades',
  'TD_Scores',
  'TD_Ranking',
  'TD_BulletinText',
  'TD_Registry',
  'TD_Recognitions',
  'TD_Log',
  'TD_History',
];

export const COVER_SHEET = '说明';

/** Tables `export` and `run` read the scenario from. */
export const INPUT_TABLES = [
  'TD_Settings',
  'TD_Units',
  'TD_Indicators',
  'TD_Targets',
  'TD_Basis',
  'TD_Quotas',
  'TD_Actuals',
  'TD_Rules',
  'TD_Grades',
  'TD_Registry',
] as const satisfies readonly TableName[];

export function numberFormatOf(c: ColumnDef): string | undefined {
  if (c.numberFormat) return c.numberFormat;
  if (c.type === 'percent') return FORMAT.percent;
  if (c.type === 'integer') return FORMAT.integer;
  return undefined;
}

/** The plan-format columns of a table (header, number format, width). */
export function tableColumns(name: TableName): TableColumn[] {
  return TABLES[name].columns.map((c) => {
    const numberFormat = numberFormatOf(c);
    return {
      header: c.header,
      ...(numberFormat ? { numberFormat } : {}),
      ...(c.width ? { width: c.width } : {}),
    };
  });
}

export function columnIndex(name: TableName, key: string): number {
  const i = TABLES[name].columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`${name} has no column ${key}`);
  return i;
}

export function headerOf(name: TableName, key: string): string {
  return TABLES[name].columns[columnIndex(name, key)].header;
}

/** Column letter(s) for a 0-based index: 0 → A, 26 → AA. */
export const columnLetter = columnName;

/** 0-based column index and 1-based row of an A1 address. */
export function decodeCell(a1: string): { col: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a1.trim());
  if (!m) throw new Error(`not a cell address: ${a1}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: parseInt(m[2], 10) };
}

export function encodeCell(col: number, row: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Rows below a table's body that validations cover, so rows users add get them too. */
export const VALIDATION_SPARE_ROWS = 500;

/**
 * Drop-down lists for a table's enum columns and number checks for its numeric columns, covering
 * the body and VALIDATION_SPARE_ROWS more rows (a table created at `at` with `rows` body rows).
 */
export function tableValidations(name: TableName, rows: number): ValidationPlan[] {
  const def = TABLES[name];
  if (def.output) return [];
  const { col: c0, row: r0 } = decodeCell(def.at);
  const last = r0 + Math.max(rows, 1) + VALIDATION_SPARE_ROWS;
  const out: ValidationPlan[] = [];
  def.columns.forEach((c, i) => {
    const range = `${columnLetter(c0 + i)}${r0 + 1}:${columnLetter(c0 + i)}${last}`;
    if (c.type === 'enum' && c.labels) {
      out.push({
        range,
        type: 'list',
        list: Object.values(c.labels),
        allowBlank: true,
        error: `请从列表中选择${c.header}`,
      });
    } else if (c.type === 'integer') {
      out.push({
        range,
        type: 'whole',
        min: 0,
        max: 9999,
        allowBlank: true,
        error: `${c.header}应为整数`,
      });
    } else if (c.type === 'percent') {
      out.push({
        range,
        type: 'decimal',
        min: 0,
        max: 1,
        allowBlank: true,
        error: `${c.header}应在0%到100%之间`,
      });
    } else if (c.type === 'number' && name !== 'TD_Settings') {
      out.push({
        range,
        type: 'decimal',
        min: 0,
        max: 1e12,
        allowBlank: true,
        error: `${c.header}应为不小于0的数`,
      });
    }
  });
  return out;
}
