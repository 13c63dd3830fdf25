/**
 * The bulletin's outline (SPEC §10): which first-level sections it has, in which order, under
 * which titles and numbers, and the words that go with its tables. The sheet (src/plan/bulletinPlan.ts)
 * and the official document (src/plan/bulletinDocument.ts) both lay out this one outline.
 */
import type { BulletinContent, BulletinGroup, BulletinRow } from './bulletin';

export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export type BulletinPart =
  | 'overview'
  | 'ranking'
  | 'chart'
  | 'progress'
  | 'reporting'
  | 'discrepancies'
  | 'issues'
  | 'requirements';

export interface BulletinHeading {
  part: BulletinPart;
  /** 一、总体进展情况 */
  text: string;
}

/** 备注 of a ranking row: the words of its return and task. */
export const REMARK_TEXT = { missing: '未报送', late: '迟报', noTask: '无任务' } as const;

export const DISCREPANCY_INTRO =
  '下列单位季度报表填报数与认定名单不一致，完成数以认定名单为准，请相关单位核实：';

/** The numbered first-level headings of the sections the content has, in the bulletin's order. */
export function bulletinOutline(c: BulletinContent): BulletinHeading[] {
  const parts: [BulletinPart, string, boolean][] = [
    ['overview', '总体进展情况', true],
    ['ranking', '各单位完成情况及考核排名', c.groups.length > 0],
    ['chart', c.chart?.title ?? '', c.chart !== null],
    ['progress', '序时进度情况', c.progress.length > 0],
    ['reporting', '报送情况', true],
    ['discrepancies', '核对差异', c.discrepancies.length > 0],
    ['issues', c.issues.title, true],
    ['requirements', c.requirements.title, true],
  ];
  return parts
    .filter(([, , shown]) => shown)
    .map(([part, title], k) => ({ part, text: `${CHINESE_NUMERALS[k]}、${title}` }));
}

/** （一）街道: the heading of the k-th unit type's ranking table. */
export function groupHeading(g: BulletinGroup, k: number): string {
  return `（${CHINESE_NUMERALS[k]}）${g.label}`;
}

/** What the 较上期 column compares with, in words, so its arrows need no legend elsewhere. */
export function movesLegend(c: BulletinContent): string {
  const marks = '↑上升、↓下降、—持平、新为首次排名';
  if (!c.previousPeriod) return `较上期：本期为首次排名（${marks}）。`;
  const m = /^(\d{4})Q([1-4])$/.exec(c.previousPeriod);
  const when = m
    ? Number(m[2]) === 4
      ? `${m[1]}年度`
      : `${m[1]}年第${CHINESE_NUMERALS[Number(m[2]) - 1]}季度`
    : c.previousPeriod;
  return `较上期：与${when}排名相比，${marks}。`;
}

export function rowRemark(row: BulletinRow): string | null {
  if (!row.reported) return REMARK_TEXT.missing;
  if (row.reportStatus === 'late') return REMARK_TEXT.late;
  return row.quota === 0 ? REMARK_TEXT.noTask : null;
}
