/**
 * The Chinese names of the scenario's enumerations: the workbook shows them in its cells
 * (src/plan/bookSchema.ts) and the engine's Chinese error messages list them.
 */
import type { Status } from './types';

/** 单位类型 as the book's cells, their dropdown, the task pane and the messages show it. */
export const UNIT_TYPE_LABELS = { street: '街道', department: '部门', platform: '平台' } as const;
/**
 * The groups of units as the bulletin names them (its 附件 headings, 各园区平台 in the document's
 * salutation): the action plan's own wording, 各部门、街道、园区平台.
 */
export const UNIT_GROUP_LABELS = { ...UNIT_TYPE_LABELS, platform: '园区平台' } as const;
export const KIND_LABELS = { flow: '累计型', level: '水平型' } as const;
export const ASSESSED_LABELS = { ...UNIT_TYPE_LABELS, all: '全部单位', district: '全区' } as const;
export const METHOD_LABELS = {
  'largest-remainder': '最大余额法',
  equal: '平均分配',
  dhondt: '洪特法',
  'sainte-lague': '圣拉古法',
  'huntington-hill': '亨廷顿-希尔法',
  adams: '亚当斯法',
} as const;
export const RULE_LABELS = { linear: '线性', tiered: '分档', rank: '排名' } as const;
export const SOURCE_LABELS = { return: '季度报表', list: '认定名单', manual: '手工录入' } as const;
/** 进度状态: the words TD_Scores, the bulletin and its formulas all show. */
export const STATUS_LABELS = {
  ahead: '达到序时进度',
  behind: '略低于序时进度',
  lagging: '滞后序时进度',
  none: '无序时要求',
} as const satisfies Record<Status, string>;

/** A value quoted from the input, for a Chinese message: text in Chinese quotes, numbers bare. */
export function zhShow(x: unknown): string {
  if (typeof x === 'number') return String(x);
  return `“${typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x))}”`;
}

/** `“a”、“b”` */
export const zhList = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join('、');
