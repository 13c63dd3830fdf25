/**
 * The content of the inspection bulletin (通报, SPEC §10): its texts and lists, worded the way a
 * district government bulletin is. Pure: the layout lives in src/plan/bulletinPlan.ts.
 */
import { cleanNumber, periodName, rankMoveText } from './bulletinFormat';
import { indicatorParagraph, ParagraphContext, profileOf } from './bulletinParagraphs';
import { issuesText, reportingSentence, requirementsText } from './bulletinSections';
import { inputError } from './errors';
import { UNIT_GROUP_LABELS } from './labels';
import { parsePeriod } from './period';
import { DEFAULT_STATUS } from './defaults';
import type {
  Assessment,
  AssessmentRow,
  Scenario,
  Status,
  StatusThresholds,
  UnitType,
} from './types';

export { cleanNumber, percentText } from './bulletinFormat';
import { UNIT_TYPES } from './types';

export interface Discrepancy {
  unit: string;
  indicator: string;
  reported: number;
  listed: number;
}

export type BulletinSectionKey = 'issues' | 'requirements';

export interface BulletinOptions {
  /** ISO date `YYYY-MM-DD`. */
  issuedOn: string;
  discrepancies?: Discrepancy[];
  /** This bulletin's number among the year's bulletins, for the 文号's {seq}; 1 when absent. */
  seq?: number;
  /** A user's text for a section (TD_BulletinText), used instead of the generated one. */
  keptText?: Partial<Record<BulletinSectionKey, string>>;
}

export interface BulletinParagraph {
  indicator: string;
  text: string;
}

/** A unit's assessment row as the ranking table shows it: score and bonus added together. */
export interface BulletinRow extends Omit<AssessmentRow, 'unit' | 'score' | 'bonus'> {
  indicatorName: string;
  /** The indicator's cumulative profile share for the period: milestone = quota × share. */
  share: number;
  /** Rule score plus bonus; null for an indicator without a rule. */
  score: number | null;
}

export interface BulletinUnit {
  unit: string;
  name: string;
  rank: number | null;
  /** Places climbed since the previous period (negative: fell); null when new or unranked. */
  rankChange: number | null;
  /** ↑2, ↓1, — or 新 (first time ranked); null when the unit is not ranked. */
  move: string | null;
  total: number | null;
  grade: string | null;
  rows: BulletinRow[];
}

export interface BulletinGroup {
  type: UnitType;
  /** 街道 / 部门 / 园区平台 (UNIT_GROUP_LABELS) */
  label: string;
  units: BulletinUnit[];
}

export interface ProgressList {
  indicator: string;
  indicatorName: string;
  ahead: string[];
  behind: string[];
  lagging: string[];
  text: string;
}

export interface UnreportedUnit {
  unit: string;
  name: string;
  /** Names of the indicators not reported; empty when the unit reported none of them. */
  indicators: string[];
}

export interface LateUnit {
  unit: string;
  name: string;
  /** Names of the indicators reported late; empty when all of them were. */
  indicators: string[];
  /** The latest 导入时间 among them. */
  arrivedAt: string;
}

/**
 * 存在问题 or 下步工作要求: lines generated from the data, and the text shown — the user's, kept
 * across runs (TD_BulletinText), or else the generated one. One line per paragraph.
 */
export interface BulletinSection {
  key: BulletinSectionKey;
  title: string;
  generated: string;
  text: string;
  /** true when `text` is the user's, not `generated`. */
  kept: boolean;
  /** `text` split into its non-blank lines. */
  lines: string[];
}

export interface DiscrepancyLine {
  unitName: string;
  indicatorName: string;
  reported: number;
  listed: number;
  difference: number;
}

export interface BulletinChart {
  title: string;
  categories: string[];
  values: number[];
  reference: number;
  referenceLabel: string;
  valueLabel: string;
}

export interface BulletinContent {
  period: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** 2019年第三季度, or 2019年度 for the year end */
  periodText: string;
  topic: string;
  title: string;
  /** The title in the pieces it is made of, where a long title may turn to its next line. */
  titleParts: string[];
  organization: string;
  /** 2019年10月15日 */
  issuedOn: string;
  /** 文号 from the plan's docNumberPattern, e.g. 下科创办〔2019〕3号; null without a pattern. */
  docNumber: string | null;
  /** The period rank moves and rate changes compare with (2019Q2); null when none. */
  previousPeriod: string | null;
  /** 2019年10月10日: the last on-time day for the period's returns. */
  returnDeadline: string;
  opening: string;
  paragraphs: BulletinParagraph[];
  thresholds: StatusThresholds;
  groups: BulletinGroup[];
  progress: ProgressList[];
  unreported: UnreportedUnit[];
  late: LateUnit[];
  /** The 报送情况 paragraph: the deadline, late (迟报) and missing (未报送) units by name. */
  unreportedText: string;
  /** 存在问题 */
  issues: BulletinSection;
  /** 下步工作要求 */
  requirements: BulletinSection;
  discrepancies: DiscrepancyLine[];
  chart: BulletinChart | null;
  closing: string;
}

const PLAN_SUFFIXES = ['三年行动计划', '行动计划', '实施方案', '工作方案'];

export function bulletinContent(
  s: Scenario,
  a: Assessment,
  options: BulletinOptions,
): BulletinContent {
  const { year, quarter } = parsePeriod(a.period, 'period');
  const issuedOn = chineseDate(options.issuedOn);
  const when = periodName(year, quarter);
  const topic = planTopic(s.plan.name, s.plan.district);
  const indicators = new Map(s.indicators.map((i) => [i.id, i]));
  const unitNames = new Map(s.units.map((u) => [u.id, u.name]));
  const thresholds = s.scoring.status ?? DEFAULT_STATUS;

  const context: ParagraphContext = {
    s,
    year,
    quarter,
    monthEnd: `截至${quarter * 3}月底`,
    previousPeriod: a.previousPeriod,
    planKind: planKind(s.plan.name),
  };
  const paragraphs = s.indicators.flatMap((ind) => {
    const text = indicatorParagraph(
      context,
      ind,
      a.district.find((d) => d.indicator === ind.id),
    );
    return text === null ? [] : [{ indicator: ind.id, text }];
  });

  const groups = rankingGroups(s, a, quarter);
  const progress = progressLists(s, a, groups);
  const unreported = unreportedUnits(groups);
  const late = lateUnits(groups);
  const chart = completionChart(s, a, groups, quarter);
  const returnDeadline = chineseDate(a.returnDeadline);
  const facts = { s, a, quarter, groups, progress, unreported, late, returnDeadline };
  const section = (key: BulletinSectionKey, title: string, generated: string): BulletinSection => {
    const mine = options.keptText?.[key];
    const kept = mine !== undefined && mine.trim() !== '' && mine.trim() !== generated;
    const text = kept ? mine.trim() : generated;
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    return { key, title, generated, text, kept, lines: lines.filter(Boolean) };
  };

  return {
    period: a.period,
    year,
    quarter,
    periodText: when,
    topic,
    title: `关于${when}${topic}工作进展情况的通报`,
    titleParts: [`关于${when}`, topic, '工作进展情况的通报'],
    organization: s.plan.organization,
    issuedOn,
    docNumber: docNumber(s.plan.docNumberPattern, year, options.seq ?? 1),
    previousPeriod: a.previousPeriod,
    returnDeadline,
    opening: `为深入贯彻落实《${s.plan.name}》，按照定期检查通报制度要求，现将${when}全区${topic}工作进展情况通报如下：`,
    paragraphs,
    thresholds,
    groups,
    progress,
    unreported,
    late,
    unreportedText: reportingSentence(unreported, late, returnDeadline),
    issues: section('issues', '存在问题', issuesText(facts)),
    requirements: section('requirements', '下步工作要求', requirementsText(facts)),
    discrepancies: (options.discrepancies ?? []).map((d) => ({
      unitName: unitNames.get(d.unit) ?? d.unit,
      indicatorName: indicators.get(d.indicator)?.name ?? d.indicator,
      reported: d.reported,
      listed: d.listed,
      difference: cleanNumber(d.listed - d.reported),
    })),
    chart,
    closing: '特此通报。',
  };
}

/** 下科创办〔{year}〕{seq}号 → 下科创办〔2019〕3号 */
export function docNumber(pattern: string | undefined, year: number, seq: number): string | null {
  if (!pattern || !pattern.trim()) return null;
  return pattern.trim().replaceAll('{year}', String(year)).replaceAll('{seq}', String(seq));
}

/** What the plan's last-year target is called: 三年行动计划目标, 实施方案目标, or 计划目标. */
function planKind(planName: string): string {
  return PLAN_SUFFIXES.find((x) => planName.trim().endsWith(x)) ?? '计划';
}

/** 下城区国高企培育三年行动计划 → 国高企培育 */
export function planTopic(planName: string, district: string): string {
  let topic = planName.trim();
  if (district && topic.startsWith(district)) topic = topic.slice(district.length);
  const suffix = PLAN_SUFFIXES.find((x) => topic.endsWith(x) && topic.length > x.length);
  if (suffix) topic = topic.slice(0, -suffix.length);
  return topic.replace(/工作$/, '');
}

/** 2019-10-15 → 2019年10月15日 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (
    !m ||
    !date ||
    date.getUTCMonth() !== Number(m[2]) - 1 ||
    date.getUTCDate() !== Number(m[3])
  ) {
    throw inputError('bulletin.badDate', 'issuedOn', { date: iso });
  }
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

function rankingGroups(s: Scenario, a: Assessment, quarter: number): BulletinGroup[] {
  const indicatorOrder = new Map(s.indicators.map((ind, k) => [ind.id, k]));
  const indicators = new Map(s.indicators.map((i) => [i.id, i]));
  const results = new Map(a.units.map((u) => [u.unit, u]));
  const rowsByUnit = new Map<string, AssessmentRow[]>();
  for (const row of a.rows) {
    const list = rowsByUnit.get(row.unit) ?? [];
    list.push(row);
    rowsByUnit.set(row.unit, list);
  }
  return UNIT_TYPES.flatMap((type) => {
    const units: BulletinUnit[] = s.units
      .filter((u) => u.type === type && rowsByUnit.has(u.id))
      .map((u) => {
        const r = results.get(u.id);
        const rows = [...rowsByUnit.get(u.id)!].sort(
          (x, y) => (indicatorOrder.get(x.indicator) ?? 0) - (indicatorOrder.get(y.indicator) ?? 0),
        );
        return {
          unit: u.id,
          name: u.name,
          rank: r?.rank ?? null,
          rankChange: r?.rankChange ?? null,
          move: r ? rankMoveText(r.rankChange) : null,
          total: r?.total ?? null,
          grade: r?.grade ?? null,
          rows: rows.map((row) => {
            const ind = indicators.get(row.indicator);
            return {
              indicator: row.indicator,
              indicatorName: ind?.name ?? row.indicator,
              quota: row.quota,
              share: ind ? profileOf(ind)[quarter - 1] : 0,
              milestone: row.milestone,
              actual: row.actual,
              reported: row.reported,
              rate: row.rate,
              timely: row.timely,
              status: row.status,
              score: row.score === undefined ? null : row.score + (row.bonus ?? 0),
              projected: row.projected,
              reportStatus: row.reportStatus,
              arrivedAt: row.arrivedAt,
            };
          }),
        };
      });
    // A stable sort keeps the scenario's order among equal ranks.
    units.sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity));
    return units.length ? [{ type, label: UNIT_GROUP_LABELS[type], units }] : [];
  });
}

function progressLists(s: Scenario, a: Assessment, groups: BulletinGroup[]): ProgressList[] {
  const units = groups.flatMap((g) => g.units);
  return s.indicators.flatMap((ind) => {
    const named = (status: Status) =>
      units
        .filter((u) => u.rows.some((r) => r.indicator === ind.id && r.status === status))
        .map((u) => u.name);
    const ahead = named('ahead');
    const behind = named('behind');
    const lagging = named('lagging');
    if (!a.rows.some((r) => r.indicator === ind.id)) return [];
    const parts = [
      ahead.length ? `达到序时进度的有${ahead.join('、')}（${ahead.length}个）` : '',
      behind.length ? `略低于序时进度的有${behind.join('、')}（${behind.length}个）` : '',
      lagging.length ? `滞后序时进度的有${lagging.join('、')}（${lagging.length}个）` : '',
    ].filter(Boolean);
    const text = `${ind.name}：${parts.length ? parts.join('；') : '本期暂无序时进度要求'}。`;
    return [{ indicator: ind.id, indicatorName: ind.name, ahead, behind, lagging, text }];
  });
}

function unreportedUnits(groups: BulletinGroup[]): UnreportedUnit[] {
  return groups.flatMap((g) =>
    g.units.flatMap((u) => {
      const missing = u.rows.filter((r) => !r.reported);
      if (!missing.length) return [];
      const all = missing.length === u.rows.length;
      return [
        { unit: u.unit, name: u.name, indicators: all ? [] : missing.map((r) => r.indicatorName) },
      ];
    }),
  );
}

function lateUnits(groups: BulletinGroup[]): LateUnit[] {
  return groups.flatMap((g) =>
    g.units.flatMap((u) => {
      const late = u.rows.filter((r) => r.reportStatus === 'late');
      if (!late.length) return [];
      const all = late.length === u.rows.length;
      const arrivedAt = late.map((r) => r.arrivedAt ?? '').sort()[late.length - 1];
      const indicators = all ? [] : late.map((r) => r.indicatorName);
      return [{ unit: u.unit, name: u.name, indicators, arrivedAt }];
    }),
  );
}

/** Completion rate by unit for the first flow indicator with unit quotas, against its 序时进度. */
function completionChart(
  s: Scenario,
  a: Assessment,
  groups: BulletinGroup[],
  quarter: number,
): BulletinChart | null {
  const ind = s.indicators.find(
    (i) => i.kind === 'flow' && a.rows.some((r) => r.indicator === i.id && r.rate !== null),
  );
  if (!ind) return null;
  const points = groups.flatMap((g) =>
    g.units.flatMap((u) => {
      const row = u.rows.find((r) => r.indicator === ind.id && r.rate !== null);
      return row ? [{ name: u.name, rate: row.rate as number }] : [];
    }),
  );
  return {
    title: `各单位${ind.name}完成率与序时进度`,
    categories: points.map((p) => p.name),
    values: points.map((p) => p.rate),
    reference: profileOf(ind)[quarter - 1],
    referenceLabel: '序时进度',
    valueLabel: '完成率',
  };
}
