/**
 * Lays out the inspection bulletin (通报, SPEC §10) as a print-ready sheet: A4 landscape, one page
 * wide, title rows repeated. Ranking tables have one row per unit and indicator, grouped by unit
 * (rank, name, total and grade merged over the unit's rows), so that any number of indicators fits
 * the same thirteen columns. Rates, timeliness and status are live formulas over the quota and
 * actual cells; the row colours are conditional formats on the status, so an edited actual
 * recolours its row.
 */
import type { Assessment, Scenario } from '../engine/types';
import { bulletinContent, STATUS_TEXT } from '../engine/bulletin';
import type { BulletinContent, BulletinGroup, BulletinOptions } from '../engine/bulletin';
import type { CellStyle, ConditionalFormatPlan, PlanCell, RangeWrite, SheetPlan } from './types';

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
export const BULLETIN_COLUMN_WIDTHS = [6, 16, 24, 9, 9, 9, 9, 10, 15, 9, 9, 8, 9];
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
const CHART_ROWS = 22;
const CHART_ROW_PT = 16;
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function bulletinSheetName(period: string): string {
  return `通报 ${period}`;
}

export function bulletinSheetPlan(s: Scenario, a: Assessment, options: BulletinOptions): SheetPlan {
  return layoutBulletin(bulletinContent(s, a, options));
}

export function layoutBulletin(c: BulletinContent): SheetPlan {
  const sheet = new SheetBuilder();
  sheet.block(1, [[c.title]], { bold: true, size: 18, font: TITLE_FONT, hAlign: 'center', vAlign: 'middle' }, 36);
  sheet.block(2, [[`${c.organization}　　${c.issuedOn}`]], { size: PARAGRAPH_PT, font: BODY_FONT, hAlign: 'center', vAlign: 'middle' }, 24);
  sheet.row = 4;
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
    sheet.paragraph('下列单位季度报表填报数与认定名单不一致，完成数以认定名单为准，请相关单位核实：');
    discrepancyTable(sheet, c);
  }

  const charts = [];
  if (c.chart) {
    sheet.heading(`${headings()}、${c.chart.title}`);
    const from = sheet.row;
    for (let r = from; r < from + CHART_ROWS; r++) sheet.heights[r] = CHART_ROW_PT;
    charts.push({ ...c.chart, from: `A${from}`, to: `${LAST_COLUMN}${from + CHART_ROWS}` });
    sheet.row = from + CHART_ROWS + 1;
  }
  sheet.paragraph(c.closing);

  return {
    sheet: bulletinSheetName(c.period),
    columnWidths: BULLETIN_COLUMN_WIDTHS,
    rowHeights: sheet.heights,
    ranges: sheet.ranges,
    merges: sheet.merges,
    conditionalFormats: sheet.conditionalFormats,
    print: { paperSize: 'A4', orientation: 'landscape', fitToWidth: 1, titleRows: '1:2' },
    charts,
  };
}

function headingNumbers(): () => string {
  let n = 0;
  return () => CHINESE_NUMERALS[n++];
}

class SheetBuilder {
  row = 1;
  readonly ranges: RangeWrite[] = [];
  readonly merges: string[] = [];
  readonly heights: Record<number, number> = {};
  readonly conditionalFormats: ConditionalFormatPlan[] = [];

  /** One line merged across the page. */
  block(row: number, values: PlanCell[][], style: CellStyle, height: number): void {
    this.ranges.push({ at: `A${row}`, values, style });
    this.merges.push(`A${row}:${LAST_COLUMN}${row}`);
    this.heights[row] = height;
  }

  paragraph(text: string): void {
    const body = `　　${text}`;
    this.block(this.row, [[body]], { size: PARAGRAPH_PT, font: BODY_FONT, wrap: true, vAlign: 'top', hAlign: 'left' }, paragraphHeight(body));
    this.row++;
  }

  heading(text: string, bold = true): void {
    this.block(this.row, [[text]], { bold, size: PARAGRAPH_PT, font: BODY_FONT, vAlign: 'middle' }, 24);
    this.row++;
  }
}

/**
 * The height that shows a wrapped paragraph whole: Chinese glyphs are one em wide, Latin letters and
 * digits about half; the printable width is the sum of the column widths (Excel: 7 px per
 * character plus 5 px padding at Calibri 11), less a margin for the renderer's own padding.
 */
export function paragraphHeight(text: string, fontPt = PARAGRAPH_PT): number {
  const widthPt = BULLETIN_COLUMN_WIDTHS.reduce((sum, w) => sum + (w * 7 + 5) * 0.75, 0) * 0.9;
  let lines = 1;
  let used = 0;
  for (const ch of text) {
    const w = (ch.codePointAt(0) ?? 0) < 0x2e80 ? fontPt * 0.6 : fontPt;
    if (used + w > widthPt) {
      lines++;
      used = 0;
    }
    used += w;
  }
  return Math.ceil(lines * fontPt * 1.5 + 6);
}

function rankingTable(sheet: SheetBuilder, g: BulletinGroup, c: BulletinContent): void {
  const header = sheet.row;
  sheet.ranges.push({
    at: `A${header}`,
    values: [BULLETIN_HEADERS],
    style: { bold: true, size: 11, font: BODY_FONT, fill: 'D9D9D9', hAlign: 'center', vAlign: 'middle', wrap: true, border: 'thin' },
  });
  sheet.heights[header] = 30;
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
      sheet.heights[r] = 20;
      r++;
    }
    if (r - top > 1) {
      for (const col of ['A', 'B', 'K', 'L']) sheet.merges.push(`${col}${top}:${col}${r - 1}`);
    }
  }
  if (r === first) return;
  const last = r - 1;
  const cell: CellStyle = { size: 11, font: BODY_FONT, vAlign: 'middle', border: 'thin', wrap: true };
  sheet.ranges.push(
    { at: `A${first}`, values: rankCol, numberFormat: '0', style: { ...cell, hAlign: 'center' } },
    { at: `B${first}`, values: names, style: { ...cell, hAlign: 'left' } },
    {
      at: `D${first}`,
      values: figures,
      numberFormat: ['General', '0.0#', 'General', '0.0%', '0.0%', 'General', '0.00', '0.00', 'General', 'General'],
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
  sheet.row = last + 2;
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
  sheet.ranges.push({
    at: `B${header}`,
    values: [['单位', '考核指标', '报表数', '名单数', '差异']],
    style: { bold: true, size: 11, font: BODY_FONT, fill: 'D9D9D9', hAlign: 'center', vAlign: 'middle', border: 'thin' },
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
  sheet.row = first + c.discrepancies.length + 1;
}
