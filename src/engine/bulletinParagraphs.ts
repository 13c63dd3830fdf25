/**
 * The bulletin's paragraph per district indicator (SPEC §10): where the district stands against
 * its target and the time progress, how the rate moved since the previous period (较上期), and
 * where the year is heading at the current pace (预计).
 */
import {
  amount,
  cleanNumber,
  comparedWith,
  percentTenths,
  percentText,
  projectedAmount,
  tenthsText,
} from './bulletinFormat';
import { DEFAULT_PROFILE } from './defaults';
import type { DistrictRow, Indicator, Scenario } from './types';

export interface ParagraphContext {
  s: Scenario;
  year: number;
  quarter: number;
  monthEnd: string;
  /** The period the district figures are compared with (Assessment.previousPeriod). */
  previousPeriod: string | null;
  /** 三年行动计划, 行动计划 …: what the plan's last-year target is called. */
  planKind: string;
}

export function profileOf(ind: Indicator): [number, number, number, number] {
  return ind.profile ?? DEFAULT_PROFILE;
}

export function indicatorParagraph(
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
  text += `，${rateChange(c, d)}${flowComparison(c, ind, d)}。`;
  return text + projection(c, ind, d, stretch, '全年可完成');
}

/** 较上季度提高12.5个百分点， — empty without a comparable previous rate. */
function rateChange(c: ParagraphContext, d: DistrictRow): string {
  if (d.previousRate === null || d.rate === null || c.previousPeriod === null) return '';
  const tenths = percentTenths(d.rate) - percentTenths(d.previousRate);
  const when = comparedWith(c.year, c.quarter, c.previousPeriod);
  if (tenths === 0) return `与${when.slice(1)}持平，`;
  return `${when}${tenths > 0 ? '提高' : '下降'}${tenthsText(Math.abs(tenths))}个百分点，`;
}

/**
 * 按当前进度，预计全年可完成100家，为年度目标的357.1%。 In the plan's last year the target is the
 * plan's own (三年行动计划目标). Nothing at the year end (the figure is final) or without a projection.
 */
function projection(
  c: ParagraphContext,
  ind: Indicator,
  d: DistrictRow,
  stretch: number | undefined,
  verb: string,
): string {
  if (c.quarter === 4 || d.projected === null || !(d.target > 0)) return '';
  // In the last year of a plan over several years, the year's target is the plan's own.
  const years = c.s.targets.filter((t) => t.indicator === ind.id).map((t) => t.year);
  const planEnd = years.length > 0 && c.year === Math.max(...years) && Math.min(...years) < c.year;
  const goal = planEnd ? `${c.planKind}目标` : '年度目标';
  const p = d.projected;
  if (ind.measure === '%') {
    return `按当前进度，预计年末可达${projectedAmount(p, '%')}（${goal}${amount(d.target, '%')}）。`;
  }
  let text = `按当前进度，预计${verb}${projectedAmount(p, ind.measure)}，为${goal}`;
  text += planEnd ? `${amount(d.target, ind.measure)}的` : '的';
  text += percentText(p / d.target);
  if (stretch !== undefined && stretch > 0) {
    text += `、力争目标${amount(stretch, ind.measure)}的${percentText(p / stretch)}`;
  }
  return `${text}。`;
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

/** 较上季度增加6家 / 较上年末提高0.7个百分点; empty without a previous figure. */
function levelChange(c: ParagraphContext, ind: Indicator, d: DistrictRow | undefined): string {
  if (!d || d.actual === null || d.previousActual === null || c.previousPeriod === null) return '';
  const diff = cleanNumber(d.actual - d.previousActual);
  const when = comparedWith(c.year, c.quarter, c.previousPeriod);
  if (diff === 0) return `，与${when.slice(1)}持平`;
  if (ind.measure === '%')
    return `，${when}${diff > 0 ? '提高' : '下降'}${cleanNumber(Math.abs(diff))}个百分点`;
  return `，${when}${diff > 0 ? '增加' : '减少'}${amount(Math.abs(diff), ind.measure)}`;
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
  const head = `${subject}为${amount(actual, ind.measure)}${levelChange(c, ind, d)}，${target}`;
  const diff = cleanNumber(actual - d.target);
  const ahead = projection(c, ind, d, stretch, '年末可达');
  if (ind.measure === '%') {
    if (diff === 0) return `${head}，达到年度目标。${ahead}`;
    return `${head}，${diff > 0 ? '高于' : '低于'}年度目标${cleanNumber(Math.abs(diff))}个百分点。${ahead}`;
  }
  const rate = `完成年度目标的${percentText(actual / d.target)}`;
  const stands =
    diff >= 0 ? `${head}，${rate}。` : `${head}，${rate}，尚差${amount(-diff, ind.measure)}。`;
  return stands + ahead;
}

function samePeriod(p: string, c: ParagraphContext): boolean {
  if (c.quarter === 4 && (p === `${c.year}` || p === `${c.year}Q4`)) return true;
  return p === `${c.year}Q${c.quarter}`;
}
