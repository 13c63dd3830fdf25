/**
 * The document's tables with explicit column widths (w:tblGrid/w:gridCol: WPS collapses a table
 * without them): the ranking table per unit type (附件) and the 核对差异 table. Figures are text as
 * the sheet's number formats show them.
 */
import { cleanNumber, percentText, STATUS_TEXT } from '../engine/bulletin';
import type { BulletinContent, BulletinGroup } from '../engine/bulletin';
import type { Align, TableBlock, TableCell, TextStyle } from './bulletinDocumentModel';
import { textChars } from './bulletinDocumentModel';
import { BULLETIN_HEADERS } from './bulletinPlan';

/**
 * Widths in characters of the table font, cell padding included; 0 shares what the line has left
 * between the unit and indicator columns, by the longest text in each.
 */
const RANKING_CHARS = [2.5, 0, 0, 3, 3, 3, 3.5, 3.5, 7, 3, 3, 2, 3.5];
const RANKING_ALIGN: Align[] = [
  'center',
  'left',
  'left',
  'center',
  'center',
  'center',
  'center',
  'center',
  'center',
  'center',
  'center',
  'center',
  'center',
];
/** Cell margin each side in twips (1 mm, about half Word's default), for thirteen columns a line. */
const CELL_MARGIN = 57;

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
      const lead = k === 0;
      const figures: TableCell[] = [
        { text: String(cleanNumber(row.quota)) },
        { text: oneOrTwoDecimals(row.milestone) },
        { text: String(cleanNumber(row.actual)) },
        { text: row.rate === null ? '—' : percentText(row.rate) },
        { text: row.timely === null ? '—' : percentText(row.timely) },
        { text: STATUS_TEXT[row.status] },
        { text: row.score === null ? '—' : row.score.toFixed(2) },
      ];
      const note = !row.reported ? '未报送' : row.quota === 0 ? '无任务' : '';
      keepWithNext.push(k < span - 1);
      rows.push(
        lead
          ? [
              { text: u.rank === null ? '—' : String(u.rank), rowSpan: span },
              { text: u.name, rowSpan: span },
              { text: row.indicatorName },
              ...figures,
              { text: u.total === null ? '—' : u.total.toFixed(2), rowSpan: span },
              { text: u.grade ?? '—', rowSpan: span },
              { text: note },
            ]
          : [{ text: row.indicatorName }, ...figures, { text: note }],
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
 * longest text (at least four characters), all scaled down alike when they do not fit, and the
 * last flexible one taking what is left, so the columns add up to `width` exactly.
 */
export function columnWidths(
  charWidths: number[],
  flexibleTexts: string[][],
  width: number,
  fontPt: number,
): number[] {
  const twips = (n: number) => Math.round(n * fontPt * 20 + 2 * CELL_MARGIN);
  const fixed = charWidths.reduce((sum, w) => sum + (w > 0 ? twips(w) : 0), 0);
  const needs = flexibleTexts.map((texts) => twips(Math.max(4, ...texts.map(textChars))));
  const room = width - fixed;
  const total = needs.reduce((sum, n) => sum + n, 0);
  const scale = Math.min(1, room / total);
  let k = 0;
  const widths = charWidths.map((w) => (w > 0 ? twips(w) : Math.floor(needs[k++] * scale)));
  const last = charWidths.lastIndexOf(0);
  widths[last] += width - widths.reduce((sum, w) => sum + w, 0);
  return widths;
}

/** As the sheet's `0.0#`: 2 → 2.0, 1.25 → 1.25. */
function oneOrTwoDecimals(x: number): string {
  const two = x.toFixed(2);
  return two.endsWith('0') ? x.toFixed(1) : two;
}
