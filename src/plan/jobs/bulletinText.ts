/**
 * What a run needs from the book for the bulletin besides the scenario: the texts a user rewrote
 * (TD_BulletinText, SPEC §10 "text kept across runs") and the bulletin's number in its year for
 * the 文号. And the TD_BulletinText rows the run writes back.
 */
import type { BulletinContent, BulletinSectionKey } from '../../engine/bulletin';
import { formatPeriod, parsePeriod } from '../../engine/period';
import { BULLETIN_SECTION_LABELS, LOG_ACTIONS } from '../bookSchema';
import { bulletinSheetName } from '../bulletinPlan';
import { readTable } from '../scenarioTables';
import { rowCells } from '../tableRows';
import type { BookSnapshot, PlanCell } from '../types';

/** The period key of a cell: canonical when it parses, else the text as is. */
export function periodKey(v: unknown): string {
  const text = v === null || v === undefined ? '' : String(v).trim();
  try {
    return formatPeriod(parsePeriod(text));
  } catch {
    return text;
  }
}

const SECTIONS = Object.keys(BULLETIN_SECTION_LABELS) as BulletinSectionKey[];

/** TD_BulletinText's rows as {period, section, text, generated}, [] when the book lacks it. */
function textRows(snapshot: BookSnapshot) {
  if (!snapshot.tables.TD_BulletinText) return [];
  return (readTable(snapshot, 'TD_BulletinText', [])?.rows ?? []).map((r) => ({
    period: periodKey(r.period),
    section: String(r.section ?? ''),
    text: r.text === undefined || r.text === null ? '' : String(r.text),
    generated: r.generated === undefined || r.generated === null ? '' : String(r.generated),
  }));
}

/**
 * The sections of `period` a user rewrote: a 内容 that differs from the 生成内容 written with it.
 * A 内容 still equal to what was generated is not kept, so it follows the data.
 */
export function keptTexts(
  snapshot: BookSnapshot,
  period: string,
): Partial<Record<BulletinSectionKey, string>> {
  const kept: Partial<Record<BulletinSectionKey, string>> = {};
  for (const r of textRows(snapshot)) {
    const section = SECTIONS.find((k) => k === r.section);
    if (r.period !== period || !section) continue;
    if (r.text.trim() !== '' && r.text.trim() !== r.generated.trim()) kept[section] = r.text;
  }
  return kept;
}

/**
 * The bulletin's number among its year's bulletins: 1 + the earlier periods of the same year that
 * have a bulletin in the book (a sheet, or a run logged with its fingerprint).
 */
export function bulletinSeq(snapshot: BookSnapshot, period: string): number {
  const { year } = parsePeriod(period);
  const earlier = new Set<string>();
  for (let q = 1; q < parsePeriod(period).quarter; q++) {
    const p = `${year}Q${q}`;
    if (snapshot.sheetNames.includes(bulletinSheetName(p))) earlier.add(p);
  }
  if (snapshot.tables.TD_Log) {
    for (const r of readTable(snapshot, 'TD_Log', [])?.rows ?? []) {
      const p = periodKey(r.period);
      if (r.action === LOG_ACTIONS.run && typeof r.hash === 'string' && r.hash && p < period) {
        if (p.startsWith(`${year}Q`)) earlier.add(p);
      }
    }
  }
  return earlier.size + 1;
}

/** TD_BulletinText's body: other periods' rows as they are, then `period`'s sections. */
export function bulletinTextRows(snapshot: BookSnapshot, c: BulletinContent): PlanCell[][] {
  const others = textRows(snapshot)
    .filter((r) => r.period !== c.period)
    .map((r) => rowCells('TD_BulletinText', r));
  const mine = [c.issues, c.requirements].map((x) =>
    rowCells('TD_BulletinText', {
      period: c.period,
      section: x.key,
      text: x.text,
      generated: x.generated,
    }),
  );
  return [...others, ...mine];
}
