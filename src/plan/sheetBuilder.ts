/**
 * Builds a print-ready sheet row by row with explicit heights, so the plan knows how tall each
 * printed page is and breaks pages between blocks — never inside a block, nor between a heading
 * and what it heads. Used by the bulletin's layout (bulletinPlan.ts).
 */
import { columnName } from '../engine/address';
import { columnWidthPoints } from './columnWidth';
import type { CellStyle, ConditionalFormatPlan, PlanCell, RangeWrite } from './types';

export const BODY_FONT = '宋体';
export const PARAGRAPH_PT = 12;
export const TABLE_PT = 11;
/**
 * Row heights are whole pixels (0.75 pt at 96 dpi), so printing does not round them. A line of CJK
 * text is about 1.45 em tall in LibreOffice's fallback for 宋体 (Noto CJK), more than in 宋体 itself.
 */
const LINE_EM = 1.45;
export const TABLE_ROW_PT = 17.25;
const HEADING_PT = 21;
/** ExcelJS's default margins, in inches: left/right 0.7, top/bottom 0.75. */
const PAGE = { widthPt: 841.89 - 2 * 0.7 * 72, heightPt: 595.28 - 2 * 0.75 * 72 };
/** Room left on each page for the printer's rounding of the scaled rows. */
const PAGE_SLACK = 0.01;
const SPACER_PT = 9;
/** The share of a table cell's width its text may fill before it wraps. */
const CELL_FILL = 0.95;

/**
 * The scale Excel prints a fit-to-one-page-wide sheet at: the printable width over the columns'
 * width, in whole percents.
 */
export function fitToWidthScale(columnWidths: number[]): number {
  const widthPt = columnWidths.reduce((sum, w) => sum + columnWidthPoints(w), 0);
  return Math.min(100, Math.floor((100 * PAGE.widthPt) / widthPt)) / 100;
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

export function cellLines(text: string, widthChars: number): number {
  return wrappedLines(text, columnWidthPoints(widthChars), TABLE_PT, CELL_FILL);
}

/** The height of a table row whose cell in the column of width `widthChars` holds `text`. */
export function tableRowHeight(text: string, widthChars: number): number {
  return Math.max(TABLE_ROW_PT, wholePixels(cellLines(text, widthChars) * TABLE_PT * LINE_EM + 1));
}

export class SheetBuilder {
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
  readonly lastColumn: string;

  constructor(
    readonly widths: number[],
    /** The height of the title rows printed again on every page. */
    private readonly titleRowsPt: number,
  ) {
    this.lineWidthPt = widths.reduce((sum, w) => sum + columnWidthPoints(w), 0);
    this.lastColumn = columnName(widths.length - 1);
  }

  /** One line merged across the page. */
  line(values: PlanCell[][], style: CellStyle, height: number): void {
    this.ranges.push({ at: `A${this.row}`, values, style });
    this.merges.push(`A${this.row}:${this.lastColumn}${this.row}`);
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
      if (used + h > pagePt && used > this.titleRowsPt) {
        breaks.push(u.first);
        used = this.titleRowsPt + height(u.first, u.last);
      } else {
        used += h;
      }
      next = u.last + 1;
    }
    return breaks;
  }
}
