/**
 * The bulletin's texts generated from the data (SPEC §10): 报送情况, 存在问题 and 下步工作要求. A
 * user may rewrite 存在问题 and 下步工作要求; bulletin.ts keeps their text when they did.
 */
import { percentTenths, tenthsText } from './bulletinFormat';
import { profileOf } from './bulletinParagraphs';
import { DEFAULT_RETURN_DEADLINE_DAYS } from './overTime';
import type { BulletinGroup, LateUnit, ProgressList, UnreportedUnit } from './bulletin';
import type { Assessment, Scenario } from './types';

export interface SectionFacts {
  s: Scenario;
  a: Assessment;
  quarter: number;
  groups: BulletinGroup[];
  progress: ProgressList[];
  unreported: UnreportedUnit[];
  late: LateUnit[];
  /** 2019年10月10日 */
  returnDeadline: string;
}

const named = (list: { name: string; indicators: string[] }[]) =>
  list.map((u) => (u.indicators.length ? `${u.name}（${u.indicators.join('、')}）` : u.name));

/** 报送情况: the deadline, then the late (迟报) and the missing (未报送) units by name. */
export function reportingSentence(
  unreported: UnreportedUnit[],
  late: LateUnit[],
  deadline: string,
): string {
  const head = `本期季度报表报送截止日期为${deadline}。`;
  if (!unreported.length && !late.length) return `${head}各单位均已按时报送。`;
  const parts: string[] = [];
  if (late.length) parts.push(`迟报的单位（${late.length}个）：${named(late).join('、')}`);
  if (unreported.length)
    parts.push(`未报送的单位（${unreported.length}个）：${named(unreported).join('、')}`);
  const zero = unreported.length ? '未报送的指标按完成数为0计算，' : '';
  return `${head}${parts.join('；')}。${zero}请相关单位严格执行报送制度。`;
}

/**
 * Units whose projection falls short of an annual quota (Q1–Q3 only) on an indicator they are
 * not already lagging on: a risk the time line does not show.
 */
function shortfalls(f: SectionFacts): string[] {
  if (f.quarter === 4) return [];
  const names: string[] = [];
  for (const g of f.groups) {
    for (const u of g.units) {
      const short = u.rows.some(
        (r) =>
          r.reported &&
          r.projected !== null &&
          r.quota > 0 &&
          r.projected < r.quota &&
          r.status !== 'lagging',
      );
      if (short) names.push(u.name);
    }
  }
  return names;
}

/**
 * 存在问题, one line per kind of problem: district indicators behind the time line, how many
 * units lag on each indicator (named in 序时进度情况), units on course to miss a quota, reporting.
 */
export function issuesText(f: SectionFacts): string {
  const lines: string[] = [];
  const behind =
    f.quarter === 4
      ? []
      : f.a.district.flatMap((d) => {
          const ind = f.s.indicators.find((i) => i.id === d.indicator);
          if (!ind || ind.kind !== 'flow' || (d.status !== 'lagging' && d.status !== 'behind'))
            return [];
          const gap = percentTenths(profileOf(ind)[f.quarter - 1]) - percentTenths(d.rate ?? 0);
          return [`${ind.name}（低${tenthsText(Math.max(gap, 0))}个百分点）`];
        });
  if (behind.length) lines.push(`全区${behind.join('、')}完成率低于序时进度。`);
  const lagging = f.progress.filter((p) => p.lagging.length);
  if (lagging.length)
    lines.push(
      `滞后序时进度的单位：${lagging.map((p) => `${p.indicatorName}${p.lagging.length}个`).join('、')}（名单见序时进度情况）。`,
    );
  const short = shortfalls(f);
  if (short.length)
    lines.push(
      `按当前进度，${short.join('、')}（${short.length}个）预计不能完成部分指标的年度任务。`,
    );
  const reporting = [
    f.late.length ? `${named(f.late).join('、')}迟报季度报表` : '',
    f.unreported.length ? `${named(f.unreported).join('、')}未报送季度报表` : '',
  ].filter(Boolean);
  if (reporting.length) lines.push(`${reporting.join('，')}。`);
  if (!lines.length) return '本期各项指标均达到序时进度，各单位均按时报送季度报表。';
  return lines.map((l, k) => `${k + 1}．${l}`).join('\n');
}
/** 下步工作要求: what the lagging, late and missing units are asked to do, then everyone. */
export function requirementsText(f: SectionFacts): string {
  const lagging = [...new Set(f.progress.flatMap((p) => p.lagging))];
  const lines: string[] = [];
  if (lagging.length)
    lines.push(
      `进度滞后的${lagging.join('、')}要认真分析原因，制定针对性措施，加快推进，确保完成年度目标任务。`,
    );
  const late = [...new Set([...f.unreported, ...f.late].map((u) => u.name))];
  if (late.length)
    lines.push(
      `${late.join('、')}要严格执行季度报送制度，在每季度结束后${f.s.plan.returnDeadlineDays ?? DEFAULT_RETURN_DEADLINE_DAYS}日内报送季度报表。`,
    );
  lines.push(
    f.quarter === 4
      ? '各单位要认真总结全年工作，对未完成年度目标任务的指标深入分析原因，切实抓好整改落实。'
      : '各单位要对照年度目标任务，进一步加大工作力度，确保按期完成年度目标任务。',
  );
  return lines.map((l, k) => `${k + 1}．${l}`).join('\n');
}
