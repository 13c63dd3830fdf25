/**
 * The official document (公文) as plain data: every layout decision of GB/T 9704-2012 made in
 * src/plan, so that the writer (src/docx/) only executes it and tests can read the decisions off
 * the model. Lengths are twips (1/20 pt) unless named otherwise; font sizes are points.
 */

export type Align = 'left' | 'center' | 'right' | 'both';

/** A font of the document's font table, with the face Word, WPS and LibreOffice fall back to. */
export interface FontSpec {
  name: string;
  /** w:altName: the face used where `name` is not installed. */
  altName: string;
  /** PANOSE-1 of `name`, 20 hex digits: how Word picks the nearest installed face. */
  panose: string;
  family: 'roman' | 'modern';
}

export interface TextStyle {
  font: string;
  /** Latin letters and digits; the CJK font when absent. */
  latinFont?: string;
  sizePt: number;
  bold?: boolean;
  /** w:spacing in twips: negative condenses each character by that much. */
  spacing?: number;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  style: TextStyle;
  align: Align;
  /** Twips; the first line's extra indent (two characters for body text). */
  firstLine?: number;
  left?: number;
  right?: number;
  /** Keep on the page of the next block (a heading and what it heads). */
  keepNext?: boolean;
}

export interface TableCell {
  text: string;
  /** Rows this cell spans downwards; the cells it covers are left out of the rows below. */
  rowSpan?: number;
  align?: Align;
}

export interface TableBlock {
  kind: 'table';
  /** Column widths in twips; they add up to the table's width. */
  columns: number[];
  header: string[];
  rows: TableCell[][];
  /** Per row: keep on the page of the next row (a unit's rows are not split across pages). */
  keepWithNext: boolean[];
  headerStyle: TextStyle;
  style: TextStyle;
  /** Default alignment per column. */
  align: Align[];
  /** Left and right cell margin, twips; the column widths include it. */
  cellMargin: number;
}

export interface ChartSeries {
  name: string;
  values: number[];
  type: 'column' | 'line';
  /** RGB hex; black, greys and dashes so a black-and-white print reads the same. */
  color: string;
  dash?: 'dash';
}

export interface ChartBlock {
  kind: 'chart';
  /** For screen readers: what the chart shows. */
  description: string;
  categories: string[];
  series: ChartSeries[];
  widthPx: number;
  heightPx: number;
  valueAxis: { minimum: number; maximum: number; interval: number; numberFormat: string };
  font: string;
  fontPt: number;
}

export type Block = ParagraphBlock | TableBlock | ChartBlock;

export interface SectionModel {
  orientation: 'portrait' | 'landscape';
  /** Page size as laid out (width across the page as printed in this orientation). */
  pageWidth: number;
  pageHeight: number;
  margins: { top: number; bottom: number; left: number; right: number; footer: number };
  /** w:docGrid: lines of linePitch twips (22 to the page), or no grid. */
  grid: { type: 'lines' | 'default'; linePitch: number };
  blocks: Block[];
}

export interface PageNumberFooter {
  /** Text either side of the PAGE field: "— " and " —". */
  before: string;
  after: string;
  style: TextStyle;
  /** Odd pages: right, one character in from the edge; even pages: left, likewise. */
  odd: { align: Align; right: number };
  even: { align: Align; left: number };
}

export interface DocumentModel {
  title: string;
  creator: string;
  /** W3C date-time written as created and modified: the issue date, so a rerun is identical. */
  created: string;
  fonts: FontSpec[];
  /** docDefaults: the grid's character pitch is counted from this size. */
  defaultStyle: TextStyle;
  footer: PageNumberFooter;
  sections: SectionModel[];
}

/** Millimetres to twips, rounded: 1 mm = 1440 / 25.4 twips. */
export function mm(x: number): number {
  return Math.round((x * 1440) / 25.4);
}

/** Width in characters: CJK and full-width forms one, Latin letters and digits half. */
export function textChars(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return n;
}
