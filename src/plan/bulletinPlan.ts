/**
 * Lays out the inspection bulletin (通报, SPEC §10) as a print-ready sheet: A4 landscape, one page
 * wide, title rows repeated. Ranking tables have one row per unit and indicator, grouped by unit
 * (rank, name, total and grade merged over the unit's rows), so that any number of indicators fits
 * the same thirteen columns. Rates, timeliness and status are live formulas over the quota and
 * actual cells; the row colours are conditional formats on the status, so an edited actual
 * recolours its row. Every row has an explicit height, so the plan knows how tall each printed page
 * is and breaks pages between blocks — never inside a unit's rows, a heading and what it heads, or
 * the chart.
 */
import type { Assessment, Scenario } from '../engine/types';
import { bulletinContent, STATUS_TEXT } from '../engine/bulletin';
import type { BulletinContent, BulletinGroup, BulletinOptions } from '../engine/bulletin';
import type { CellStyle, ConditionalFormatPlan, PlanCell, RangeWrite, SheetPlan } from './types';
import { columnWidthPoints } from './columnWidth';

export const BULLETIN_HEADERS = [
  '排名',
  '单位',
  '考核指标',
  '年度任务',
  '序时目标',
  '完成数',
  '完成率',
  '序时完成率',
  '进度状态',
  '指标得分',
  '总分',
  '等级',
  '备注',
];
/**
 * Column widths as stored in the file (characters of Calibri 11, padding included). The indicator
 * column (C) is widened to hold the longest indicator name on one line — up to INDICATOR_MAX_CHARS,
 * past which names wrap — and every header (序时完成率 is the widest) fits its column on one line.
 * No column is 9 wide: ExcelJS takes 9 for its default and leaves the width out, and Excel and
 * LibreOffice then draw the column 8.43 wide.
 */
export const BULLETIN_COLUMN_WIDTHS = [5, 16, 20, 9.5, 9.5, 8, 8.5, 12, 16, 9.5, 8, 8, 8];
const INDICATOR_COLUMN = 2;
const INDICATOR_MAX_CHARS = 45;
/** The share of a table cell's width its text may fill before it wraps. */
const CELL_FILL = 0.95;
const LAST_COLUMN = 'M';

/** Excel's standard good / neutral / bad fills and fonts. */
export const STATUS_COLOURS = {
  ahead: { fill: 'C6EFCE', color: '006100' },
  behind: { fill: 'FFEB9C', color: '9C5700' },
  lagging: { fill: 'FFC7CE', color: '9C0006' },
} as const;

const BODY_FONT = '宋体';
const TITLE_FONT = '黑体';
const PARAGRAPH_PT = 12;
const TABLE_PT = 11;
/**
 * Row heights are whole pixels (0.75 pt at 96 dpi), so printing does not round them. A line of CJK
 * text is about 1.45 em tall in LibreOffice's fallback for 宋体 (Noto CJK), more than in 宋体 itself.
 */
const LINE_EM = 1.45;
const TABLE_ROW_PT = 17.25;
const TABLE_HEADER_PT = 21;
const HEADING_PT = 21;
const TITLE_PT = 30;
const DATELINE_PT = 21;
const CHART_ROWS = 16;
const CHART_ROW_PT = 15;
/** ExcelJS's default margins, in inches: left/right 0.7, top/bottom 0.75. */
const PAGE = { widthPt: 841.89 - 2 * 0.7 * 72, heightPt: 595.28 - 2 * 0.75 * 72 };
const TITLE_ROWS_PT = TITLE_PT + DATELINE_PT;
/** Room left on each page for the printer's rounding of the scaled rows. */
const PAGE_SLACK = 0.01;
const SPACER_PT = 9;
export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

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

/**
 * The scale Excel prints a fit-to-one-page-wide sheet at: the printable width over the columns'
 * width, in whole percents.
 */
export function fitToWidthScale(columnWidths: number[]): number {
  const widthPt = columnWidths.reduce((sum, w) => sum + columnWidthPoints(w), 0);
  return Math.min(100, Math.floor((100 * PAGE.widthPt) / widthPt)) / 100;
}

export function layoutBulletin(c: BulletinContent): SheetPlan {
  const sheet = new SheetBuilder(bulletinColumnWidths(c));
  sheet.line(
    [[c.title]],
    { bold: true, size: 18, font: TITLE_FONT, hAlign: 'center', vAlign: 'middle' },
    TITLE_PT,
  );
  sheet.line(
    [[`${c.organization}　　${c.issuedOn}`]],
    { size: PARAGRAPH_PT, font: BODY_FONT, hAlign: 'center', vAlign: 'middle' },
    DATELINE_PT,
  );
  sheet.spacer();
  sheet.paragraph(c.opening);

  const headings = headingNumbers();
  sheet.heading(`${headings()}、总体进展情况`);
  for (const p of c.paragraphs) sheet.paragraph(p.text);

  if (c.groups.length) {
    sheet.heading(`${headings()}、各单位完成情况及考核排名`);
    c.groups.forEach((g, k) => {
      sheet.heading(`（${CHINESE_NUMERALS[k]}）${g.label}`, false);
      rankingTable(sheet, g, c);
    });
  }
  if (c.progress.length) {
    sheet.heading(`${headings()}、序时进度情况`);
    for (const p of c.progress) sheet.paragraph(p.text);
  }
  sheet.heading(`${headings()}、报送情况`);
  sheet.paragraph(c.unreportedText);
  if (c.discrepancies.length) {
    sheet.heading(`${headings()}、核对差异`);
    sheet.paragraph(
      '下列单位季度报表填报数与认定名单不一致，完成数以认定名单为准，请相关单位核实：',
      true,
    );
    discrepancyTable(sheet, c);
  }

  const charts = [];
  if (c.chart) {
    sheet.heading(`${headings()}、${c.chart.title}`);
    const from = sheet.row;
    for (let k = 0; k < CHART_ROWS; k++) sheet.blankRow(CHART_ROW_PT);
    // The closing paragraph stays with the chart rather than alone on a last page.
    sheet.keep(from, sheet.row - 1, true);
    // The anchor's end is the top-left corner of its cell. Ending at M, not N: LibreOffice prints
    // every column a drawing touches, and an N would shrink the fit-to-width scale.
    charts.push({ ...c.chart, from: `A${from}`, to: `${LAST_COLUMN}${from + CHART_ROWS}` });
    sheet.spacer();
  }
  sheet.paragraph(c.closing);

  return {
    sheet: bulletinSheetName(c.period),
    columnWidths: sheet.widths,
    rowHeights: sheet.heights,
    ranges: sheet.ranges,
    merges: sheet.merges,
    conditionalFormats: sheet.conditionalFormats,
    print: { paperSize: 'A4', orientation: 'landscape', fitToWidth: 1, titleRows: '1:2' },
    rowBreaks: sheet.pageBreaks(),
    charts,
  };
}

function headingNumbers(): () => string {
  let n = 0;
  return () => CHINESE_NUMERALS[n++];
}

class SheetBuilder {
  /** The next row to write. */
  row = 1;
  readonly ranges: RangeWrite[] = [];
  readonly merges: string[] = [];
  readonly heights: Record<number, number> = {};
  readonly conditionalFormats: ConditionalFormatPlan[] = [];
  /** Row spans printed on one page; a heading's span joins the next one. */
  private readonly blocks: { first: number; last: number; withNext: boolean }[] = [];
  /** The merged lines' width in points. */
  readonly lineWidthPt: number;

  constructor(readonly widths: number[]) {
    this.lineWidthPt = widths.reduce((sum, w) => sum + columnWidthPoints(w), 0);
  }

  /** One line merged across the page. */
  line(values: PlanCell[][], style: CellStyle, height: number): void {
    this.ranges.push({ at: `A${this.row}`, values, style });
    this.merges.push(`A${this.row}:${LAST_COLUMN}${this.row}`);
    this.blankRow(height);
  }

  blankRow(height: number): void {
    this.heights[this.row] = height;
    this.row++;
  }

  spacer(): void {
    this.blankRow(SPACER_PT);
  }

  keep(first: number, last: number, withNext = false): void {
    this.blocks.push({ first, last, withNext });
  }

  /** A wrapped paragraph; `withNext` keeps it on the page of what follows (a table it introduces). */
  paragraph(text: string, withNext = false): void {
    const body = `　　${text}`;
    this.keep(this.row, this.row, withNext);
    this.line(
      [[body]],
      { size: PARAGRAPH_PT, font: BODY_FONT, wrap: true, vAlign: 'top', hAlign: 'left' },
      paragraphHeight(body, this.lineWidthPt),
    );
  }

  heading(text: string, bold = true): void {
    this.keep(this.row, this.row, true);
    this.line(
      [[text]],
      { bold, size: PARAGRAPH_PT, font: BODY_FONT, vAlign: 'middle' },
      HEADING_PT,
    );
  }

  /**
   * Rows before which a new page starts: a block that does not fit in what is left of the page goes
   * to the next one. Fitting the width scales the page down, so a page holds more sheet points.
   */
  pageBreaks(): number[] {
    const pagePt = (PAGE.heightPt / fitToWidthScale(this.widths)) * (1 - PAGE_SLACK);
    const height = (first: number, last: number) => {
      let h = 0;
      for (let r = first; r <= last; r++) h += this.heights[r] ?? 15;
      return h;
    };
    const units: { first: number; last: number }[] = [];
    let open: { first: number; last: number } | null = null;
    for (const b of this.blocks) {
      open = open ? { first: open.first, last: b.last } : { first: b.first, last: b.last };
      if (!b.withNext) {
        units.push(open);
        open = null;
      }
    }
    if (open) units.push(open);
    const breaks: number[] = [];
    let used = height(1, units.length ? units[0].first - 1 : 0);
    let next = units.length ? units[0].first : 0;
    for (const u of units) {
      const h = height(next, u.last);
      if (used + h > pagePt && used > TITLE_ROWS_PT) {
        breaks.push(u.first);
        used = TITLE_ROWS_PT + height(u.first, u.last);
      } else {
        used += h;
      }
      next = u.last + 1;
    }
    return breaks;
  }
}

/** Rounds a height up to whole pixels. */
function wholePixels(pt: number): number {
  return Math.ceil(pt / 0.75 - 1e-9) * 0.75;
}

/**
 * How many lines a wrapped text takes in `widthPt`: Chinese glyphs are one em wide, Latin letters
 * and digits about half. Only `fill` of the width is used: a paragraph keeps 6% for the renderer's
 * padding, rounding and numbers carried whole to the next line; a table cell's short text needs less.
 */
export function wrappedLines(text: string, widthPt: number, fontPt: number, fill = 0.94): number {
  const room = widthPt * fill;
  let lines = 1;
  let used = 0;
  for (const ch of text) {
    const w = (ch.codePointAt(0) ?? 0) < 0x2e80 ? fontPt * 0.6 : fontPt;
    if (used + w > room) {
      lines++;
      used = 0;
    }
    used += w;
  }
  return lines;
}

/** The height that shows a paragraph merged across `widthPt` whole. */
export function paragraphHeight(text: string, widthPt: number, fontPt = PARAGRAPH_PT): number {
  return wholePixels(wrappedLines(text, widthPt, fontPt) * fontPt * LINE_EM + 4);
}

/** The height of a table row whose cell in the column of width `widthChars` holds `text`. */
function tableRowHeight(text: string, widthChars: number): number {
  return Math.max(TABLE_ROW_PT, wholePixels(cellLines(text, widthChars) * TABLE_PT * LINE_EM + 1));
}

function cellLines(text: string, widthChars: number): number {
  return wrappedLines(text, columnWidthPoints(widthChars), TABLE_PT, CELL_FILL);
}

function rankingTable(sheet: SheetBuilder, g: BulletinGroup, c: BulletinContent): void {
  const header = sheet.row;
  sheet.keep(header, header, true);
  sheet.ranges.push({
    at: `A${header}`,
    values: [BULLETIN_HEADERS],
    style: {
      bold: true,
      size: 11,
      font: BODY_FONT,
      fill: 'D9D9D9',
      hAlign: 'center',
      vAlign: 'middle',
      wrap: true,
      border: 'thin',
    },
  });
  sheet.heights[header] = TABLE_HEADER_PT;
  const first = header + 1;
  let r = first;
  const rankCol: PlanCell[][] = [];
  const names: PlanCell[][] = [];
  const figures: PlanCell[][] = [];
  for (const u of g.units) {
    const top = r;
    for (const [k, row] of u.rows.entries()) {
      const lead = k === 0;
      rankCol.push([lead ? u.rank : null]);
      names.push([lead ? u.name : null, row.indicatorName]);
      figures.push([
        row.quota,
        { formula: `=D${r}*${row.share}`, value: row.milestone },
        row.actual,
        { formula: `=IF(D${r}>0,F${r}/D${r},"—")`, value: row.rate ?? '—' },
        { formula: `=IF(E${r}>0,F${r}/E${r},"—")`, value: row.timely ?? '—' },
        { formula: statusFormula(r, c), value: STATUS_TEXT[row.status] },
        row.score,
        lead ? u.total : null,
        lead ? u.grade : null,
        !row.reported ? '未报送' : row.quota === 0 ? '无任务' : null,
      ]);
      sheet.heights[r] = tableRowHeight(row.indicatorName, sheet.widths[INDICATOR_COLUMN]);
      r++;
    }
    // The unit's name is merged over its rows: the last row grows if they cannot hold it.
    const unitRows = Array.from({ length: r - top }, (_, k) => top + k);
    const nameNeeds = tableRowHeight(u.name, sheet.widths[1]);
    const nameHas = unitRows.reduce((sum, k) => sum + sheet.heights[k], 0);
    if (nameNeeds > nameHas) sheet.heights[r - 1] += nameNeeds - nameHas;
    if (r - top > 1) {
      for (const col of ['A', 'B', 'K', 'L']) sheet.merges.push(`${col}${top}:${col}${r - 1}`);
    }
    sheet.keep(top, r - 1);
  }
  sheet.row = r;
  if (r === first) return;
  const last = r - 1;
  const cell: CellStyle = {
    size: TABLE_PT,
    font: BODY_FONT,
    vAlign: 'middle',
    border: 'thin',
    wrap: true,
  };
  sheet.ranges.push(
    { at: `A${first}`, values: rankCol, numberFormat: '0', style: { ...cell, hAlign: 'center' } },
    { at: `B${first}`, values: names, style: { ...cell, hAlign: 'left' } },
    {
      at: `D${first}`,
      values: figures,
      numberFormat: [
        'General',
        '0.0#',
        'General',
        '0.0%',
        '0.0%',
        'General',
        '0.00',
        '0.00',
        'General',
        'General',
      ],
      style: { ...cell, hAlign: 'center' },
    },
  );
  for (const status of ['ahead', 'behind', 'lagging'] as const) {
    sheet.conditionalFormats.push({
      range: `C${first}:J${last}`,
      formula: `$I${first}="${STATUS_TEXT[status]}"`,
      ...STATUS_COLOURS[status],
    });
  }
  sheet.spacer();
}

/** Status as the engine decides it (SPEC §5), from the live timeliness cell. */
function statusFormula(r: number, c: BulletinContent): string {
  const { ahead, warn } = c.thresholds;
  return (
    `=IF(E${r}>0,IF(H${r}>=${ahead},"${STATUS_TEXT.ahead}",` +
    `IF(H${r}>=${warn},"${STATUS_TEXT.behind}","${STATUS_TEXT.lagging}")),"${STATUS_TEXT.none}")`
  );
}

function discrepancyTable(sheet: SheetBuilder, c: BulletinContent): void {
  const header = sheet.row;
  sheet.keep(header, header + c.discrepancies.length);
  sheet.ranges.push({
    at: `B${header}`,
    values: [['单位', '考核指标', '报表数', '名单数', '差异']],
    style: {
      bold: true,
      size: 11,
      font: BODY_FONT,
      fill: 'D9D9D9',
      hAlign: 'center',
      vAlign: 'middle',
      border: 'thin',
    },
  });
  sheet.heights[header] = 22;
  const first = header + 1;
  sheet.ranges.push({
    at: `B${first}`,
    values: c.discrepancies.map((d, k) => [
      d.unitName,
      d.indicatorName,
      d.reported,
      d.listed,
      { formula: `=E${first + k}-D${first + k}`, value: d.difference },
    ]),
    style: { size: 11, font: BODY_FONT, vAlign: 'middle', border: 'thin', hAlign: 'center' },
  });
  c.discrepancies.forEach((_, k) => (sheet.heights[first + k] = 20));
  sheet.row = first + c.discrepancies.length;
  sheet.spacer();
}
