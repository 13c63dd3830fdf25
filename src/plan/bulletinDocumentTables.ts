/**
 * The document's tables with explicit column widths (w:tblGrid/w:gridCol: WPS collapses a table
 * without them): the ranking table per unit type (附件) and the 核对差异 table. Figures are text as
 * the sheet's number formats show them.
 */
import { cleanNumber, percentText } from '../engine/bulletin';
import { STATUS_LABELS } from '../engine/labels';
import type { BulletinContent, BulletinGroup } from '../engine/bulletin';
import type { Align, TableBlock, TableCell, TextStyle } from './bulletinDocumentModel';
import { textChars } from './bulletinDocumentModel';
import { rowRemark } from '../engine/bulletinOutline';
import { BULLETIN_HEADERS } from './bulletinPlan';

/**
 * Widths in characters of the table font, cell padding aside: every header on one line (年度任务
 * needs 4, 序时完成率 5, with a quarter to spare), 进度状态 words on two lines; 0 shares what the
 * line has left between the unit and indicator columns, by the longest text in each.
 */
const RANKING_CHARS = [
  2.25, 3.25, 0, 0, 4.25, 4.25, 3.25, 4.25, 3.5, 5.25, 4.25, 4.25, 3, 3.25, 3.25,
];
const RANKING_ALIGN: Align[] = BULLETIN_HEADERS.map((_, k) =>
  k === 2 || k === 3 ? 'left' : 'center',
);
/** Cell margin each side in twips (0.7 mm, a third of Word's default), for fifteen columns a line. */
const CELL_MARGIN = 40;

/** The ranking table of one unit type: the sheet's fifteen columns, a unit's rows kept together. */
export function rankingTable(
  g: BulletinGroup,
  width: number,
  style: TextStyle,
  headerStyle: TextStyle,
): TableBlock {
  const rows: TableCell[][] = [];
  const keepWithNext: boolean[] = [];
  for (const u of g.units) {
    const span = u.rows.length;
    u.rows.forEach((row, k) => {
      const figures: TableCell[] = [
        { text: row.indicatorName },
        { text: String(cleanNumber(row.quota)) },
        { text: oneOrTwoDecimals(row.milestone) },
        { text: String(cleanNumber(row.actual)) },
        { text: row.share > 0 && row.projected !== null ? fixed(row.projected, 1) : '—' },
        { text: row.rate === null ? '—' : percentText(row.rate) },
        { text: row.timely === null ? '—' : percentText(row.timely) },
        { text: STATUS_LABELS[row.status] },
        { text: row.score === null ? '—' : fixed(row.score, 2) },
      ];
      const remark = { text: rowRemark(row) ?? '' };
      keepWithNext.push(k < span - 1);
      rows.push(
        k === 0
          ? [
              { text: u.rank === null ? '—' : String(u.rank), rowSpan: span },
              { text: u.move ?? '', rowSpan: span },
              { text: u.name, rowSpan: span },
              ...figures,
              { text: u.total === null ? '—' : fixed(u.total, 2), rowSpan: span },
              { text: u.grade ?? '—', rowSpan: span },
              remark,
            ]
          : [...figures, remark],
      );
    });
  }
  const names = g.units.map((u) => u.name);
  const indicators = g.units.flatMap((u) => u.rows.map((r) => r.indicatorName));
  return {
    kind: 'table',
    columns: columnWidths(RANKING_CHARS, [names, indicators], width, style.sizePt),
    header: BULLETIN_HEADERS,
    rows,
    keepWithNext,
    headerStyle,
    style,
    align: RANKING_ALIGN,
    cellMargin: CELL_MARGIN,
  };
}

export function discrepancyTable(
  c: BulletinContent,
  width: number,
  style: TextStyle,
  headerStyle: TextStyle,
): TableBlock {
  return {
    kind: 'table',
    columns: columnWidths(
      [0, 0, 4, 4, 4],
      [c.discrepancies.map((d) => d.unitName), c.discrepancies.map((d) => d.indicatorName)],
      width,
      style.sizePt,
    ),
    header: ['单位', '考核指标', '报表数', '名单数', '差异'],
    rows: c.discrepancies.map((d) => [
      { text: d.unitName },
      { text: d.indicatorName },
      { text: String(d.reported) },
      { text: String(d.listed) },
      { text: String(d.difference) },
    ]),
    keepWithNext: c.discrepancies.map(() => false),
    headerStyle,
    style,
    align: ['left', 'left', 'center', 'center', 'center'],
    cellMargin: CELL_MARGIN,
  };
}

/**
 * Twips per column: fixed columns at their character widths; each flexible one (0) as wide as its
 * longest text, at least four characters. Short of room, every flexible column keeps its four
 * characters and gives up the same share of what it needs beyond them (so a column of short names
 * stays readable beside one of long ones); the last flexible one takes what is left, so the
 * columns add up to `width` exactly.
 */
export function columnWidths(
  charWidths: number[],
  flexibleTexts: string[][],
  width: number,
  fontPt: number,
): number[] {
  const twips = (n: number) => Math.round(n * fontPt * 20 + 2 * CELL_MARGIN);
  const fixed = charWidths.reduce((sum, w) => sum + (w > 0 ? twips(w) : 0), 0);
  const least = twips(4);
  const needs = flexibleTexts.map((texts) => twips(Math.max(4, ...texts.map(textChars))));
  const beyond = needs.reduce((sum, n) => sum + n - least, 0);
  const spare = width - fixed - least * needs.length;
  const scale = beyond > 0 ? Math.max(0, Math.min(1, spare / beyond)) : 1;
  let k = 0;
  const widths = charWidths.map((w) => {
    if (w > 0) return twips(w);
    const need = needs[k++];
    return least + Math.floor((need - least) * scale);
  });
  const last = charWidths.lastIndexOf(0);
  widths[last] += width - widths.reduce((sum, w) => sum + w, 0);
  return widths;
}

/** As the sheet's `0.0#`: 2 → 2.0, 1.25 → 1.25. */
function oneOrTwoDecimals(x: number): string {
  const two = fixed(x, 2);
  return two.endsWith('0') ? fixed(x, 1) : two;
}

/** As a number format with `places` decimals shows `x`: half up on the decimal figure (1.45 → 1.5). */
export function fixed(x: number, places: number): string {
  const scale = 10 ** places;
  return (Math.round(Number((x * scale).toPrecision(12))) / scale).toFixed(places);
}
