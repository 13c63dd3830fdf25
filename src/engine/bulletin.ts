/**
 * The content of the inspection bulletin (通报, SPEC §10): its texts and lists, worded the way a
 * district government bulletin is. Pure: the layout lives in src/plan/bulletinPlan.ts.
 */
import { InputError } from './errors';
import { parsePeriod } from './period';
import { DEFAULT_PROFILE, DEFAULT_STATUS } from './validate';
import type {
  Assessment,
  AssessmentRow,
  DistrictRow,
  Indicator,
  Scenario,
  Status,
  StatusThresholds,
  UnitType,
} from './types';
import { UNIT_TYPES } from './types';

export interface Discrepancy {
  unit: string;
  indicator: string;
  reported: number;
  listed: number;
}

export interface BulletinOptions {
  /** ISO date `YYYY-MM-DD`. */
  issuedOn: string;
  discrepancies?: Discrepancy[];
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
  total: number | null;
  grade: string | null;
  rows: BulletinRow[];
}

export interface BulletinGroup {
  type: UnitType;
  /** 街道 / 部门 / 园区平台 */
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
  organization: string;
  /** 2019年10月15日 */
  issuedOn: string;
  opening: string;
  paragraphs: BulletinParagraph[];
  thresholds: StatusThresholds;
  groups: BulletinGroup[];
  progress: ProgressList[];
  unreported: UnreportedUnit[];
  unreportedText: string;
  discrepancies: DiscrepancyLine[];
  chart: BulletinChart | null;
  closing: string;
}

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  street: '街道',
  department: '部门',
  platform: '园区平台',
};

export const STATUS_TEXT: Record<Status, string> = {
  ahead: '达到序时进度',
  behind: '略低于序时进度',
  lagging: '滞后序时进度',
  none: '—',
};

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度'];
const PLAN_SUFFIXES = ['三年行动计划', '行动计划', '实施方案', '工作方案'];

export function bulletinContent(
  s: Scenario,
  a: Assessment,
  options: BulletinOptions,
): BulletinContent {
  const { year, quarter } = parsePeriod(a.period, 'period');
  const issuedOn = chineseDate(options.issuedOn);
  const when = quarter === 4 ? `${year}年度` : `${year}年${QUARTER_NAMES[quarter - 1]}`;
  const topic = planTopic(s.plan.name, s.plan.district);
  const indicators = new Map(s.indicators.map((i) => [i.id, i]));
  const unitNames = new Map(s.units.map((u) => [u.id, u.name]));
  const thresholds = s.scoring.status ?? DEFAULT_STATUS;

  const context: ParagraphContext = { s, year, quarter, monthEnd: `截至${quarter * 3}月底` };
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
  const chart = completionChart(s, a, groups, quarter);

  return {
    period: a.period,
    year,
    quarter,
    periodText: when,
    topic,
    title: `关于${when}${topic}工作进展情况的通报`,
    organization: s.plan.organization,
    issuedOn,
    opening: `为深入贯彻落实《${s.plan.name}》，按照定期检查通报制度要求，现将${when}全区${topic}工作进展情况通报如下：`,
    paragraphs,
    thresholds,
    groups,
    progress,
    unreported,
    unreportedText: unreportedSentence(unreported),
    discrepancies: (options.discrepancies ?? []).map((d) => ({
      unitName: unitNames.get(d.unit) ?? d.unit,
      indicatorName: indicators.get(d.indicator)?.name ?? d.indicator,
      reported: d.reported,
      listed: d.listed,
      difference: cleanNumber(d.listed - d.reported),
    })),
    chart,
    closing:
      quarter === 4
        ? `请各单位认真总结${year}年度工作，对未完成年度目标任务的指标深入分析原因，切实抓好整改落实。`
        : '请各单位对照年度目标任务，进一步加大工作力度；进度滞后的单位要认真分析原因，采取有力措施，确保按期完成年度目标任务。',
  };
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
    throw new InputError(`发文日期“${iso}”不是有效日期，应为 YYYY-MM-DD`, 'issuedOn');
  }
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Ratio as a percentage to 0.1, half up, in tenths of a percent (exact integer). */
function percentTenths(ratio: number): number {
  return Math.round(Number((ratio * 1000).toPrecision(12)));
}

function tenthsText(tenths: number): string {
  const abs = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${Math.floor(abs / 10)}.${abs % 10}`;
}

export function percentText(ratio: number): string {
  return `${tenthsText(percentTenths(ratio))}%`;
}

/** Strips binary noise from a figure for display: 0.30000000000000004 → 0.3. */
export function cleanNumber(x: number): number {
  return Number(x.toPrecision(12));
}

function amount(x: number, measure: string): string {
  return `${cleanNumber(x)}${measure}`;
}

interface ParagraphContext {
  s: Scenario;
  year: number;
  quarter: number;
  monthEnd: string;
}

function profileOf(ind: Indicator): [number, number, number, number] {
  return ind.profile ?? DEFAULT_PROFILE;
}

function indicatorParagraph(
  c: ParagraphContext,
  ind: Indicator,
  d: DistrictRow | undefined,
): string | null {
  const stretch = c.s.targets.find((t) => t.indicator === ind.id && t.year === c.year)?.stretch;
  if (ind.kind === 'level') return levelParagraph(c, ind, d, stretch);
  if (!d) return null;
  const head = `${c.monthEnd}，全区${ind.name}${amount(d.actual ?? 0, ind.measure)}`;
  if (!(d.target > 0) || d.rate === null) return `${head}，未设年度目标。`;
  let text = `${head}，完成年度目标${amount(d.target, ind.measure)}的${percentText(d.rate)}`;
  if (stretch !== undefined && stretch > 0) {
    text += `、力争目标${amount(stretch, ind.measure)}的${percentText((d.actual ?? 0) / stretch)}`;
  }
  return `${text}，${flowComparison(c, ind, d)}。`;
}

function flowComparison(c: ParagraphContext, ind: Indicator, d: DistrictRow): string {
  const actual = d.actual ?? 0;
  if (c.quarter === 4) {
    if (actual > d.target) return '超额完成年度目标任务';
    if (actual === d.target) return '完成年度目标任务';
    return `未完成年度目标任务，尚差${amount(d.target - actual, ind.measure)}`;
  }
  const share = profileOf(ind)[c.quarter - 1];
  const gap = percentTenths(d.rate ?? 0) - percentTenths(share);
  switch (d.status) {
    case 'ahead':
      return gap > 0 ? `超序时进度${tenthsText(gap)}个百分点` : '达到序时进度';
    case 'behind':
      return gap < 0 ? `略低于序时进度${tenthsText(-gap)}个百分点` : '略低于序时进度';
    case 'lagging':
      return `滞后序时进度${tenthsText(Math.max(-gap, 0))}个百分点`;
    case 'none':
      return '本期暂无序时进度要求';
  }
}

function levelParagraph(
  c: ParagraphContext,
  ind: Indicator,
  d: DistrictRow | undefined,
  stretch: number | undefined,
): string | null {
  const actual = d
    ? d.actual
    : c.s.actuals.find((x) => x.indicator === ind.id && !x.unit && samePeriod(x.period, c))?.value;
  const subject = `${c.monthEnd}，全区${ind.name}`;
  if (!d || !(d.target > 0)) {
    return actual === undefined || actual === null
      ? null
      : `${subject}为${amount(actual, ind.measure)}，未设年度目标。`;
  }
  const target = `年度目标${amount(d.target, ind.measure)}${stretch ? `（力争${amount(stretch, ind.measure)}）` : ''}`;
  if (actual === undefined || actual === null) return `${subject}${target}，本期暂无统计数据。`;
  const head = `${subject}为${amount(actual, ind.measure)}，${target}`;
  const diff = cleanNumber(actual - d.target);
  if (ind.measure === '%') {
    if (diff === 0) return `${head}，达到年度目标。`;
    return `${head}，${diff > 0 ? '高于' : '低于'}年度目标${cleanNumber(Math.abs(diff))}个百分点。`;
  }
  const rate = `完成年度目标的${percentText(actual / d.target)}`;
  return diff >= 0 ? `${head}，${rate}。` : `${head}，${rate}，尚差${amount(-diff, ind.measure)}。`;
}

function samePeriod(p: string, c: ParagraphContext): boolean {
  if (c.quarter === 4 && (p === `${c.year}` || p === `${c.year}Q4`)) return true;
  return p === `${c.year}Q${c.quarter}`;
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
            };
          }),
        };
      });
    // A stable sort keeps the scenario's order among equal ranks.
    units.sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity));
    return units.length ? [{ type, label: UNIT_TYPE_LABELS[type], units }] : [];
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

function unreportedSentence(list: UnreportedUnit[]): string {
  if (!list.length) return '本期各单位均已按时报送季度报表。';
  const names = list.map((u) =>
    u.indicators.length ? `${u.name}（${u.indicators.join('、')}）` : u.name,
  );
  return `本期未报送季度报表的单位（${list.length}个）：${names.join('、')}。未报送的指标按完成数为0计算，请相关单位及时报送。`;
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
