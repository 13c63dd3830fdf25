/**
 * Executes a DocumentModel (src/plan/bulletinDocumentModel.ts) with the `docx` package. No layout
 * decisions here: every size, font, width and alignment comes from the model. Runs in Node and in
 * the browser (the task pane): the result is the package's bytes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { FileChild, ISectionOptions } from 'docx';
import { ChartRun } from 'docx/charts';
import type {
  Align,
  Block,
  ChartBlock,
  DocumentModel,
  PageNumberFooter,
  ParagraphBlock,
  SectionModel,
  TableBlock,
  TextStyle,
} from '../plan/bulletinDocumentModel';
import { fontTableXml } from './fontTable';
import { normalizePackage } from './normalizePackage';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
} as const;

const GRID = {
  default: DocumentGridType.DEFAULT,
  lines: DocumentGridType.LINES,
} as const;

const BLACK = '000000';

/** The .docx bytes of the document: the same model gives the same bytes. */
export async function writeDocument(model: DocumentModel): Promise<Uint8Array> {
  const doc = new Document({
    title: model.title,
    creator: model.creator,
    lastModifiedBy: model.creator,
    evenAndOddHeaderAndFooters: true,
    // Normal's size too: Word and LibreOffice count the grid's character pitch from it.
    styles: {
      default: { document: { run: runStyle(model.defaultStyle) } },
      paragraphStyles: [
        { id: 'Normal', name: 'Normal', quickFormat: true, run: runStyle(model.defaultStyle) },
      ],
    },
    sections: model.sections.map((s, k) => section(s, k === 0 ? model.footer : null)),
  });
  const packed = await Packer.toArrayBuffer(doc, false, [
    { path: 'word/fontTable.xml', data: fontTableXml(model.fonts) },
  ]);
  return normalizePackage(new Uint8Array(packed), model.created);
}

function runStyle(style: TextStyle) {
  const latin = style.latinFont ?? style.font;
  return {
    font: { eastAsia: style.font, ascii: latin, hAnsi: latin, cs: latin },
    size: style.sizePt * 2,
    bold: style.bold ?? false,
    color: BLACK,
    ...(style.spacing && { characterSpacing: style.spacing }),
    // Chinese line breaking and punctuation rules in Word, WPS and LibreOffice.
    language: { value: 'zh-CN', eastAsia: 'zh-CN' },
  };
}

/** The first section carries the footers; the next ones inherit them (Word's "link to previous"). */
function section(s: SectionModel, footer: PageNumberFooter | null): ISectionOptions {
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: {
          width: Math.min(s.pageWidth, s.pageHeight),
          height: Math.max(s.pageWidth, s.pageHeight),
          orientation:
            s.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...s.margins, header: s.margins.footer, gutter: 0 },
      },
      grid: {
        type: GRID[s.grid.type],
        linePitch: s.grid.linePitch,
      },
    },
    ...(footer && {
      footers: { default: pageNumber(footer, 'odd'), even: pageNumber(footer, 'even') },
    }),
    children: s.blocks.map(block),
  };
}

function pageNumber(f: PageNumberFooter, side: 'odd' | 'even'): Footer {
  const place = f[side];
  return new Footer({
    children: [
      new Paragraph({
        alignment: ALIGN[place.align],
        indent: side === 'odd' ? { right: f.odd.right } : { left: f.even.left },
        children: [
          new TextRun({ ...runStyle(f.style), children: [f.before, PageNumber.CURRENT, f.after] }),
        ],
      }),
    ],
  });
}

function block(b: Block): FileChild {
  switch (b.kind) {
    case 'paragraph':
      return paragraph(b);
    case 'table':
      return table(b);
    case 'chart':
      return chart(b);
  }
}

function paragraph(p: ParagraphBlock): Paragraph {
  return new Paragraph({
    alignment: ALIGN[p.align],
    indent: {
      ...(p.firstLine && { firstLine: p.firstLine }),
      ...(p.left && { left: p.left }),
      ...(p.right && { right: p.right }),
    },
    keepNext: p.keepNext ?? false,
    children: p.text ? [new TextRun({ ...runStyle(p.style), text: p.text })] : [],
  });
}

function cellParagraph(text: string, style: TextStyle, align: Align, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    keepNext,
    children: [new TextRun({ ...runStyle(style), text })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: BLACK };

function table(t: TableBlock): Table {
  const width = t.columns.reduce((sum, w) => sum + w, 0);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: 0, rule: HeightRule.AUTO },
    children: t.header.map(
      (text, k) =>
        new TableCell({
          width: { size: t.columns[k], type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          children: [cellParagraph(text, t.headerStyle, 'center', true)],
        }),
    ),
  });
  // A row's cells start after the columns that cells spanning from above still cover.
  const covered: number[] = t.columns.map(() => 0);
  const rows = t.rows.map((cells, r) => {
    let col = 0;
    const children = cells.map((c) => {
      while (covered[col] > 0) col++;
      if (c.rowSpan && c.rowSpan > 1) covered[col] = c.rowSpan;
      const cell = new TableCell({
        width: { size: t.columns[col], type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        ...(c.rowSpan && c.rowSpan > 1 && { rowSpan: c.rowSpan }),
        children: [cellParagraph(c.text, t.style, c.align ?? t.align[col], t.keepWithNext[r])],
      });
      col++;
      return cell;
    });
    for (let k = 0; k < covered.length; k++) if (covered[k] > 0) covered[k]--;
    return new TableRow({ cantSplit: true, children });
  });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: t.columns,
    layout: TableLayoutType.FIXED,
    margins: { left: t.cellMargin, right: t.cellMargin, top: 0, bottom: 0 },
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [header, ...rows],
  });
}

function chart(c: ChartBlock): Paragraph {
  const font = { name: c.font, color: BLACK };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ChartRun({
        type: 'column',
        categories: c.categories,
        series: c.series.map((s) =>
          s.type === 'line'
            ? {
                name: s.name,
                values: s.values,
                type: 'line',
                color: s.color,
                markers: false,
                line: { color: s.color, width: 1.5, ...(s.dash && { dash: s.dash }) },
              }
            : { name: s.name, values: s.values, type: 'column', color: s.color },
        ),
        gapWidth: 80,
        font,
        legend: { position: 'bottom', font: { ...font, size: c.fontPt } },
        categoryAxis: { font: { ...font, size: c.fontPt } },
        valueAxis: { ...c.valueAxis, font: { ...font, size: c.fontPt } },
        chartArea: { fill: 'FFFFFF', border: 'none' },
        transformation: { width: c.widthPx, height: c.heightPx },
        altText: { name: 'chart', description: c.description },
      }),
    ],
  });
}
