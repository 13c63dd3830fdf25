/**
 * Lays out the inspection bulletin (通报, SPEC §10) as a print-ready sheet: A4 landscape, one page
 * wide, title rows repeated. Ranking tables have one row per unit and indicator, grouped by unit
 * (rank, move, name, total and grade merged over the unit's rows), so that any number of
 * indicators fits the same fifteen columns. Milestone, projection, rate, timeliness and status are
 * live formulas over the quota and actual cells; the row colours are conditional formats on the
 * status, whose words carry the meaning in black and white too. Pages break between blocks —
 * never inside a unit's rows, a heading and what it heads, or the chart — and a ranking table
 * continued on a new page starts it with its header row again.
 */
import type { Assessment, Scenario } from '../engine/types';
import { bulletinContent } from '../engine/bulletin';
import { STATUS_LABELS } from '../engine/labels';
import {
  bulletinOutline,
  DISCREPANCY_INTRO,
  groupHeading,
  movesLegend,
  rowRemark,
} from '../engine/bulletinOutline';
import type { BulletinContent, BulletinGroup, BulletinOptions } from '../engine/bulletin';
import { columnName } from '../engine/address';
import type { CellStyle, ChartPlan, PlanCell, SheetPlan } from './types';
import {
  BODY_FONT,
  cellLines,
  PARAGRAPH_PT,
  SheetBuilder,
  TABLE_PT,
  tableRowHeight,
} from './sheetBuilder';

export { fitToWidthScale, paragraphHeight, wrappedLines } from './sheetBuilder';

const RANKING_HEADERS = [
  '排名',
  '较上期',
  '单位',
  '考核指标',
  '年度任务',
  '序时目标',
  '完成数',
  '预计全年',
  '完成率',
  '序时完成率',
  '进度状态',
  '指标得分',
  '总分',
  '等级',
  '备注',
] as const;
export const BULLETIN_HEADERS: string[] = [...RANKING_HEADERS];
type BulletinHeader = (typeof RANKING_HEADERS)[number];
/** A ranking-table column's letter, so that formulas and merges follow the header list. */
const col = (header: BulletinHeader) => columnName(RANKING_HEADERS.indexOf(header));
/**
 * Column widths as stored in the file (characters of Calibri 11, padding included). The indicator
 * column (D) is widened to hold the longest indicator name on one line — up to INDICATOR_MAX_CHARS,
 * past which names wrap — and every header (序时完成率 is the widest) fits its column on one line.
 * No column is 9 wide: ExcelJS takes 9 for its default and leaves the width out, and Excel and
 * LibreOffice then draw the column 8.43 wide.
 */
export const BULLETIN_COLUMN_WIDTHS = [5, 7, 16, 20, 9.5, 9.5, 8, 9.5, 8.5, 12, 16, 9.5, 8, 8, 8];
const UNIT_COLUMN = RANKING_HEADERS.indexOf('单位');
const INDICATOR_COLUMN = RANKING_HEADERS.indexOf('考核指标');
const QUOTA = col('年度任务');
const MILESTONE = col('序时目标');
const ACTUAL = col('完成数');
const TIMELY = col('序时完成率');
/** 核对差异 sits under the ranking tables from the unit column on. */
const DISCREPANCY_HEADERS = ['单位', '考核指标', '报表数', '名单数', '差异'] as const;
const discrepancyCol = (header: (typeof DISCREPANCY_HEADERS)[number]) =>
  columnName(UNIT_COLUMN + DISCREPANCY_HEADERS.indexOf(header));
const INDICATOR_MAX_CHARS = 45;
/** Columns merged over a unit's rows. */
const UNIT_MERGED = (['排名', '较上期', '单位', '总分', '等级'] as const).map(col);

/** Excel's standard good / neutral / bad fills and fonts. */
export const STATUS_COLOURS = {
  ahead: { fill: 'C6EFCE', color: '006100' },
  behind: { fill: 'FFEB9C', color: '9C5700' },
  lagging: { fill: 'FFC7CE', color: '9C0006' },
} as const;

const TITLE_FONT = '黑体';
const TABLE_HEADER_PT = 21;
const TITLE_PT = 30;
const DATELINE_PT = 21;
const CHART_ROWS = 16;
const CHART_ROW_PT = 15;
const HEADER_STYLE: CellStyle = {
  bold: true,
  size: TABLE_PT,
  font: BODY_FONT,
  fill: 'D9D9D9',
  hAlign: 'center',
  vAlign: 'middle',
  wrap: true,
  border: 'thin',
};
const CELL_STYLE: CellStyle = {
  size: TABLE_PT,
  font: BODY_FONT,
  vAlign: 'middle',
  border: 'thin',
  wrap: true,
};

export function bulletinSheetName(period: string): string {
  return `通报 ${period}`;
}

export function bulletinSheetPlan(s: Scenario, a: Assessment, options: BulletinOptions): SheetPlan {
  return layoutBulletin(bulletinContent(s, a, options));
}

/** The bulletin's column widths: the indicator column fits the longest indicator name when it can. */
function bulletinColumnWidths(c: BulletinContent): number[] {
  const names = c.groups.flatMap((g) => g.units.flatMap((u) => u.rows.map((r) => r.indicatorName)));
  let chars = BULLETIN_COLUMN_WIDTHS[INDICATOR_COLUMN];
  while (chars < INDICATOR_MAX_CHARS && names.some((n) => cellLines(n, chars) > 1)) chars++;
  return BULLETIN_COLUMN_WIDTHS.map((w, k) => (k === INDICATOR_COLUMN ? chars : w));
}

/** 下科创办〔2019〕3号　　区科技创新工作领导小组办公室　　2019年10月15日 */
export function datelineText(c: BulletinContent): string {
  return [c.docNumber, c.organization, c.issuedOn].filter(Boolean).join('　　');
}

/**
 * Lays the bulletin out, then again with a header row before each unit a page break falls on,
 * first break first: a header only moves what comes after it, so each pass settles one more.
 */
export function layoutBulletin(c: BulletinContent): SheetPlan {
  const widths = bulletinColumnWidths(c);
  const repeatBefore = new Set<string>();
  // A province takes a hundred passes: they measure the table rows without filling them (heights
  // and kept blocks alone decide the breaks), and only the last layout is filled.
  for (;;) {
    const built = buildBulletin(c, widths, { repeatBefore, fill: false });
    const breaks = built.sheet.pageBreaks();
    const next = breaks.map((b) => built.unitStarts.get(b)).find((k) => k !== undefined);
    if (next === undefined)
      return buildBulletin(c, widths, { repeatBefore, fill: true }).plan(breaks);
    repeatBefore.add(next);
  }
}

interface BuildOptions {
  repeatBefore: ReadonlySet<string>;
  /** Write the ranking tables' cells (false: only their rows' heights and blocks). */
  fill: boolean;
}

interface BuiltBulletin {
  sheet: SheetBuilder;
  /** First rows of units that continue a table without a header row of their own, by unit key. */
  unitStarts: Map<number, string>;
  plan(breaks: number[]): SheetPlan;
}

function buildBulletin(c: BulletinContent, widths: number[], options: BuildOptions): BuiltBulletin {
  const sheet = new SheetBuilder(widths, TITLE_PT + DATELINE_PT);
  const unitStarts = new Map<number, string>();
  sheet.line(
    [[c.title]],
    { bold: true, size: 18, font: TITLE_FONT, hAlign: 'center', vAlign: 'middle' },
    TITLE_PT,
  );
  sheet.line(
    [[datelineText(c)]],
    { size: PARAGRAPH_PT, font: BODY_FONT, hAlign: 'center', vAlign: 'middle' },
    DATELINE_PT,
  );
  sheet.spacer();
  sheet.paragraph(c.opening);

  const charts: ChartPlan[] = [];
  for (const heading of bulletinOutline(c)) {
    sheet.heading(heading.text);
    switch (heading.part) {
      case 'overview':
        for (const p of c.paragraphs) sheet.paragraph(p.text);
        break;
      case 'ranking':
        sheet.paragraph(movesLegend(c), true);
        c.groups.forEach((g, k) => {
          sheet.heading(groupHeading(g, k), false);
          rankingTable(sheet, g, c, { ...options, unitStarts });
        });
        break;
      case 'chart': {
        // Only in the outline with a chart.
        if (!c.chart) break;
        const from = sheet.row;
        for (let k = 0; k < CHART_ROWS; k++) sheet.blankRow(CHART_ROW_PT);
        // The text after the chart fills the rest of its page: no page holds the chart alone.
        sheet.keep(from, sheet.row - 1, true);
        // The anchor's end is the top-left corner of its cell. Ending at the last column, not past
        // it: LibreOffice prints every column a drawing touches, which would shrink the scale.
        charts.push({
          ...c.chart,
          from: `A${from}`,
          to: `${sheet.lastColumn}${from + CHART_ROWS}`,
        });
        sheet.spacer();
        break;
      }
      case 'progress':
        for (const p of c.progress) sheet.paragraph(p.text);
        break;
      case 'reporting':
        sheet.paragraph(c.unreportedText);
        break;
      case 'discrepancies':
        sheet.paragraph(DISCREPANCY_INTRO, true);
        discrepancyTable(sheet, c);
        break;
      case 'issues':
      case 'requirements':
        for (const line of c[heading.part].lines) sheet.paragraph(line);
        break;
    }
  }
  sheet.paragraph(c.closing);

  return {
    sheet,
    unitStarts,
    plan: (breaks) => ({
      sheet: bulletinSheetName(c.period),
      columnWidths: sheet.widths,
      rowHeights: sheet.heights,
      ranges: sheet.ranges,
      merges: sheet.merges,
      conditionalFormats: sheet.conditionalFormats,
      print: { paperSize: 'A4', orientation: 'landscape', fitToWidth: 1, titleRows: '1:2' },
      rowBreaks: breaks,
      charts,
    }),
  };
}

function headerRow(sheet: SheetBuilder): void {
  sheet.ranges.push({ at: `A${sheet.row}`, values: [BULLETIN_HEADERS], style: HEADER_STYLE });
  sheet.keep(sheet.row, sheet.row, true);
  sheet.blankRow(TABLE_HEADER_PT);
}

const FIGURE_FORMATS = [
  'General',
  '0.0#',
  'General',
  '0.0',
  '0.0%',
  '0.0%',
  'General',
  '0.00',
  '0.00',
  'General',
  'General',
];

function rankingTable(
  sheet: SheetBuilder,
  g: BulletinGroup,
  c: BulletinContent,
  repeat: BuildOptions & { unitStarts: Map<number, string> },
): void {
  headerRow(sheet);
  const first = sheet.row;
  // The rows between two header rows go out as one range per column group: a range per unit
  // would make a host style and frame each one (about 60 requests per unit in Excel).
  let runTop = sheet.row;
  let lead: PlanCell[][] = [];
  let figures: PlanCell[][] = [];
  const flush = () => {
    if (!lead.length) return;
    sheet.ranges.push(
      {
        at: `${col('排名')}${runTop}`,
        values: lead,
        numberFormat: ['0', 'General', 'General', 'General'],
        style: { ...CELL_STYLE, hAlign: 'center' },
      },
      {
        at: `${QUOTA}${runTop}`,
        values: figures,
        numberFormat: FIGURE_FORMATS,
        style: { ...CELL_STYLE, hAlign: 'center' },
      },
    );
    lead = [];
    figures = [];
  };
  for (const [k, u] of g.units.entries()) {
    const key = `${g.type}:${u.unit}`;
    if (k > 0 && repeat.repeatBefore.has(key)) {
      flush();
      headerRow(sheet);
      runTop = sheet.row;
    } else if (k > 0) repeat.unitStarts.set(sheet.row, key);
    const top = sheet.row;
    for (const [j, row] of u.rows.entries()) {
      const r = top + j;
      sheet.heights[r] = tableRowHeight(row.indicatorName, sheet.widths[INDICATOR_COLUMN]);
      if (!repeat.fill) continue;
      lead.push(
        j === 0
          ? [u.rank, u.move, u.name, row.indicatorName]
          : [null, null, null, row.indicatorName],
      );
      figures.push([
        row.quota,
        { formula: `=${QUOTA}${r}*${row.share}`, value: row.milestone },
        row.actual,
        row.share > 0
          ? { formula: `=${ACTUAL}${r}/${row.share}`, value: row.projected ?? '—' }
          : '—',
        {
          formula: `=IF(${QUOTA}${r}>0,${ACTUAL}${r}/${QUOTA}${r},"—")`,
          value: row.rate ?? '—',
        },
        {
          formula: `=IF(${MILESTONE}${r}>0,${ACTUAL}${r}/${MILESTONE}${r},"—")`,
          value: row.timely ?? '—',
        },
        { formula: statusFormula(r, c), value: STATUS_LABELS[row.status] },
        row.score,
        j === 0 ? u.total : null,
        j === 0 ? u.grade : null,
        rowRemark(row),
      ]);
    }
    const last = top + u.rows.length - 1;
    // The unit's name is merged over its rows: the last row grows if they cannot hold it.
    const nameNeeds = tableRowHeight(u.name, sheet.widths[UNIT_COLUMN]);
    let nameHas = 0;
    for (let r = top; r <= last; r++) nameHas += sheet.heights[r];
    if (nameNeeds > nameHas) sheet.heights[last] += nameNeeds - nameHas;
    if (last > top) for (const col of UNIT_MERGED) sheet.merges.push(`${col}${top}:${col}${last}`);
    sheet.keep(top, last);
    sheet.row = last + 1;
  }
  flush();
  if (sheet.row === first) return;
  for (const status of ['ahead', 'behind', 'lagging'] as const) {
    sheet.conditionalFormats.push({
      range: `${col('考核指标')}${first}:${col('指标得分')}${sheet.row - 1}`,
      formula: `$${col('进度状态')}${first}="${STATUS_LABELS[status]}"`,
      ...STATUS_COLOURS[status],
    });
  }
  sheet.spacer();
}

/** Status as the engine decides it (SPEC §5), from the live timeliness cell. */
function statusFormula(r: number, c: BulletinContent): string {
  const { ahead, warn } = c.thresholds;
  return (
    `=IF(${MILESTONE}${r}>0,IF(${TIMELY}${r}>=${ahead},"${STATUS_LABELS.ahead}",` +
    `IF(${TIMELY}${r}>=${warn},"${STATUS_LABELS.behind}","${STATUS_LABELS.lagging}")),"${STATUS_LABELS.none}")`
  );
}

/** 核对差异 from the unit column on: unit and indicator names wrap inside their cells and rows grow. */
function discrepancyTable(sheet: SheetBuilder, c: BulletinContent): void {
  const header = sheet.row;
  sheet.keep(header, header + c.discrepancies.length);
  sheet.ranges.push({
    at: `${columnName(UNIT_COLUMN)}${header}`,
    values: [[...DISCREPANCY_HEADERS]],
    style: HEADER_STYLE,
  });
  sheet.heights[header] = TABLE_HEADER_PT;
  const first = header + 1;
  sheet.ranges.push({
    at: `${columnName(UNIT_COLUMN)}${first}`,
    values: c.discrepancies.map((d, k) => [
      d.unitName,
      d.indicatorName,
      d.reported,
      d.listed,
      {
        formula: `=${discrepancyCol('名单数')}${first + k}-${discrepancyCol('报表数')}${first + k}`,
        value: d.difference,
      },
    ]),
    style: { ...CELL_STYLE, hAlign: 'center' },
  });
  c.discrepancies.forEach((d, k) => {
    sheet.heights[first + k] = Math.max(
      20,
      tableRowHeight(d.unitName, sheet.widths[UNIT_COLUMN]),
      tableRowHeight(d.indicatorName, sheet.widths[INDICATOR_COLUMN]),
    );
  });
  sheet.row = first + c.discrepancies.length;
  sheet.spacer();
}
