/**
 * The bulletin as an official document (公文, SPEC §10) in the layout of GB/T 9704-2012
 * 《党政机关公文格式》: A4 portrait body on a 22 × 28 grid, 2号 小标宋 title, 3号 仿宋 text,
 * 黑体 / 楷体 headings, the issuer and date at the end, "— N —" page numbers, and the ranking tables
 * as 附件 in a landscape section. The same content as the `通报 P` sheet (src/engine/bulletin.ts).
 */
import { assess } from '../engine/assess';
import { bulletinContent } from '../engine/bulletin';
import type { BulletinChart, BulletinContent } from '../engine/bulletin';
import { InputError, inputError } from '../engine/errors';
import { formatPeriod, parsePeriod } from '../engine/period';
import type { Assessment } from '../engine/types';
import {
  bulletinOutline,
  DISCREPANCY_INTRO,
  groupHeading,
  movesLegend,
} from '../engine/bulletinOutline';
import type {
  Block,
  DocumentModel,
  FontSpec,
  ParagraphBlock,
  SectionModel,
  TextStyle,
} from './bulletinDocumentModel';
import { mm, textChars } from './bulletinDocumentModel';
import { discrepancyTable, rankingTable } from './bulletinDocumentTables';
import { bookDiscrepancies } from './jobs/actualsLedger';
import { bulletinSeq, keptTexts } from './jobs/bulletinText';
import { readScenario } from './scenarioTables';
import type { BookSnapshot } from './types';

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** The font table: each GB/T 9704 face with the face installed on most Windows and WPS machines. */
export const FONT_TABLE: FontSpec[] = [
  { name: FONTS.title, altName: '华文中宋', panose: '02000000000000000000', family: 'roman' },
  { name: '华文中宋', altName: '宋体', panose: '02010600040101010101', family: 'roman' },
  { name: FONTS.body, altName: '仿宋', panose: '02010609030101010101', family: 'modern' },
  { name: FONTS.heading1, altName: 'SimHei', panose: '02010609060101010101', family: 'modern' },
  { name: FONTS.heading2, altName: '楷体', panose: '02010609030101010101', family: 'modern' },
  { name: FONTS.pageNumber, altName: 'SimSun', panose: '02010600030101010101', family: 'roman' },
];

/** 2号, 3号, 4号, 五号 and 小五 in points. */
const SIZE = { er: 22, san: 16, si: 14, wu: 10.5, xiaowu: 9 } as const;

const A4 = { width: mm(210), height: mm(297) };
const PORTRAIT_MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const LINES = 22;
const CHARS = 28;
/**
 * The page number's digits sit 7 mm under the text block (GB/T 9704 §7.5): the footer's bottom is
 * 28 mm up from the paper's edge.
 */
const FOOTER = mm(28);

export const TEXT_WIDTH = A4.width - PORTRAIT_MARGINS.left - PORTRAIT_MARGINS.right;
/** 12756 twips of text height / 22 lines, rounded down so that 22 lines fit: 579. */
export const LINE_PITCH = Math.floor(
  (A4.height - PORTRAIT_MARGINS.top - PORTRAIT_MARGINS.bottom) / LINES,
);
/** One character of the 28 to a line: 315.9 twips, a little under 3号 (320). */
export const CHAR_PITCH = TEXT_WIDTH / CHARS;

/**
 * The 附件 page turned a quarter: the paper's edges keep their margins (binding edge at the top),
 * and the tables are off the line grid.
 */
const LANDSCAPE_MARGINS = { top: mm(28), bottom: mm(26), left: mm(37), right: mm(35) };
export const LANDSCAPE_TEXT_WIDTH = A4.height - LANDSCAPE_MARGINS.left - LANDSCAPE_MARGINS.right;

/**
 * 28 characters of 3号 to a line: each is condensed by a quarter point (16 → 15.75 pt; the pitch is
 * 15.79 pt). A line grid with condensed text, not a character grid (type linesAndChars with a
 * negative charSpace): LibreOffice gives every glyph wider than the character pitch two cells and
 * breaks lines early, while this reads the same in Word, WPS and LibreOffice.
 */
const ON_GRID = Math.floor((CHAR_PITCH / 20 - SIZE.san) * 20);

const STYLE = {
  title: { font: FONTS.title, sizePt: SIZE.er },
  body: { font: FONTS.body, sizePt: SIZE.san, spacing: ON_GRID },
  heading1: { font: FONTS.heading1, sizePt: SIZE.san, spacing: ON_GRID },
  heading2: { font: FONTS.heading2, sizePt: SIZE.san, spacing: ON_GRID },
  pageNumber: { font: FONTS.pageNumber, sizePt: SIZE.si },
  table: { font: FONTS.body, sizePt: SIZE.wu },
  tableHeader: { font: FONTS.heading1, sizePt: SIZE.wu },
  // 小五: the fifteen columns of the ranking tables on one landscape line.
  rankingTable: { font: FONTS.body, sizePt: SIZE.xiaowu },
  rankingHeader: { font: FONTS.heading1, sizePt: SIZE.xiaowu },
} satisfies Record<string, TextStyle>;

const ATTACHMENT_TITLE = '各单位完成情况及考核排名表';

export interface DocumentOptions {
  /** ISO date YYYY-MM-DD: 成文日期 and the document's created/modified time. */
  issuedOn: string;
}

/** The period's bulletin of a plan book as a document model: `bulletin --docx` and 导出公文. */
export function planBulletinDocument(
  snapshot: BookSnapshot,
  periodText: string,
  options: DocumentOptions,
): DocumentModel {
  const period = formatPeriod(parsePeriod(periodText, '--period'));
  const read = readScenario(snapshot);
  const s = read.valid;
  // A bulletin of a year the plan sets no targets for would be a document of zeros.
  const years = [...new Set(s.targets.map((t) => t.year))].sort((x, y) => x - y);
  if (!years.includes(parsePeriod(period).year)) {
    throw inputError('bulletin.periodOutsidePlan', '--period', { period, years });
  }
  let a: Assessment;
  try {
    a = assess(s, period);
  } catch (e) {
    if (e instanceof InputError) throw read.relocate(e);
    throw e;
  }
  const content = bulletinContent(s, a, {
    issuedOn: options.issuedOn,
    discrepancies: bookDiscrepancies(snapshot, s.actuals, period),
    // Numbered and worded as the book's `通报 P` sheet: its 文号 and the user's kept text.
    seq: bulletinSeq(snapshot, period),
    keptText: keptTexts(snapshot, period),
  });
  return layoutBulletinDocument(content, options.issuedOn);
}

export function layoutBulletinDocument(c: BulletinContent, issuedOn: string): DocumentModel {
  return {
    title: c.title,
    creator: c.organization,
    created: `${issuedOn}T00:00:00Z`,
    fonts: FONT_TABLE,
    defaultStyle: STYLE.body,
    footer: {
      before: '— ',
      after: ' —',
      style: STYLE.pageNumber,
      odd: { align: 'right', right: chars(1, SIZE.si) },
      even: { align: 'left', left: chars(1, SIZE.si) },
    },
    // The ranking tables are the 附件: no rankings, no 附件.
    sections: c.groups.length ? [bodySection(c), attachmentSection(c)] : [bodySection(c)],
  };
}

function bodySection(c: BulletinContent): SectionModel {
  const blocks: Block[] = [];
  if (c.docNumber) {
    blocks.push(line(c.docNumber, STYLE.body, 'center'), blank());
  }
  const title = titleLines(c.titleParts, TEXT_WIDTH / (SIZE.er * 20));
  blocks.push(
    ...title.map((t) => ({ ...line(t, STYLE.title, 'center'), keepNext: true })),
    blank(),
  );
  // 主送机关: the unit types ranked.
  if (c.groups.length) {
    blocks.push(line(`${c.groups.map((g) => `各${g.label}`).join('、')}：`, STYLE.body, 'left'));
  }
  blocks.push(body(c.opening));

  for (const heading of bulletinOutline(c)) {
    blocks.push(heading1(heading.text));
    switch (heading.part) {
      case 'overview':
        blocks.push(...c.paragraphs.map((p) => body(p.text)));
        break;
      case 'ranking':
        blocks.push(body('各单位完成情况及考核排名详见附件。'));
        break;
      case 'chart':
        if (c.chart) blocks.push(chartBlock(c.chart));
        break;
      case 'progress':
        blocks.push(...c.progress.map((p) => body(p.text)));
        break;
      case 'reporting':
        blocks.push(body(c.unreportedText));
        break;
      case 'discrepancies':
        blocks.push(
          { ...body(DISCREPANCY_INTRO), keepNext: true },
          discrepancyTable(c, TEXT_WIDTH, STYLE.table, STYLE.tableHeader),
        );
        break;
      case 'issues':
      case 'requirements':
        blocks.push(...c[heading.part].lines.map(body));
        break;
    }
  }
  // The last requirement, 特此通报。, 附件说明 (正文下空一行左空二字, GB/T 9704 §7.3.4) and the
  // signature stay on one page: never a page with the signature alone.
  const last = blocks[blocks.length - 1];
  if (last.kind === 'paragraph') blocks[blocks.length - 1] = { ...last, keepNext: true };
  const tail: ParagraphBlock[] = [body(c.closing)];
  if (c.groups.length) tail.push(blank(), body(`附件：${ATTACHMENT_TITLE}`));
  tail.push(blank());
  blocks.push(
    ...tail.map((p) => ({ ...p, keepNext: true })),
    ...signature(c.organization, c.issuedOn),
  );
  return {
    orientation: 'portrait',
    pageWidth: A4.width,
    pageHeight: A4.height,
    margins: { ...PORTRAIT_MARGINS, footer: FOOTER },
    grid: { type: 'lines', linePitch: LINE_PITCH },
    blocks,
  };
}

/**
 * The title on as few lines as fit `maxChars`, turning only between its parts so no word is cut
 * (GB/T 9704 §7.3.3: 词意完整): two lines of nearly even length (梯形), on a tie the longer on top.
 */
export function titleLines(parts: string[], maxChars: number): string[] {
  const whole = parts.join('');
  if (setWidth(whole) <= maxChars) return [whole];
  const uneven = (l: string[]) => Math.abs(setWidth(l[0]) - setWidth(l[1]));
  const fitting = parts
    .slice(1)
    .map((_, k) => [parts.slice(0, k + 1).join(''), parts.slice(k + 1).join('')])
    .filter((l) => l.every((t) => setWidth(t) <= maxChars))
    .sort((x, y) => uneven(x) - uneven(y) || setWidth(y[0]) - setWidth(x[0]));
  return fitting[0] ?? [whole];
}

/**
 * 不加盖印章的公文 (GB/T 9704 §7.3.5.2): the issuer right-indented two characters, the date on the
 * next line starting two characters to the right of the issuer's first character; when the date
 * is the longer, the date is right-indented two characters and the issuer moves left to match.
 */
export function signature(organization: string, date: string): ParagraphBlock[] {
  const org = setWidth(organization);
  const when = setWidth(date);
  let orgRight = 2;
  let dateRight = orgRight + org - 2 - when;
  if (dateRight < 2) {
    dateRight = 2;
    orgRight = dateRight + when + 2 - org;
  }
  return [
    {
      ...line(organization, STYLE.body, 'right'),
      right: Math.round(grid(orgRight)),
      keepNext: true,
    },
    { ...line(date, STYLE.body, 'right'), right: Math.round(grid(dateRight)) },
  ];
}

/**
 * Width in characters as set: Word, WPS and LibreOffice put a quarter em between Chinese and
 * digits (autospace), so 2019年10月15日 is 7 characters of glyphs and 8.25 as set.
 */
export function setWidth(text: string): number {
  const latin = [...text].map((ch) => (ch.codePointAt(0) ?? 0) < 0x2e80);
  const boundaries = latin.filter((l, k) => k > 0 && l !== latin[k - 1]).length;
  return textChars(text) + boundaries / 4;
}

function attachmentSection(c: BulletinContent): SectionModel {
  const blocks: Block[] = [
    // "附件" in 3号 黑体 at the top left; its title centred on the third line (§7.3.4, §8).
    { ...line('附件', STYLE.heading1, 'left'), keepNext: true },
    { ...blank(), keepNext: true },
    { ...line(ATTACHMENT_TITLE, STYLE.title, 'center'), keepNext: true },
    { ...blank(), keepNext: true },
  ];
  blocks.push({ ...line(movesLegend(c), STYLE.table, 'left'), keepNext: true });
  c.groups.forEach((g, k) => {
    blocks.push(
      { ...line(groupHeading(g, k), STYLE.heading2, 'left'), keepNext: true },
      rankingTable(g, LANDSCAPE_TEXT_WIDTH, STYLE.rankingTable, STYLE.rankingHeader),
    );
  });
  return {
    orientation: 'landscape',
    pageWidth: A4.height,
    pageHeight: A4.width,
    margins: { ...LANDSCAPE_MARGINS, footer: mm(20) },
    // Off the grid: table rows as tall as their text, not a 579-twip grid line each.
    grid: { type: 'default', linePitch: 312 },
    blocks,
  };
}

function chartBlock(chart: BulletinChart): Block {
  const top = Math.max(1, ...chart.values, chart.reference);
  // Whole tenths above the tallest bar, so the axis ends just past it.
  const maximum = Math.ceil(top * 10 - 1e-9) / 10;
  return {
    kind: 'chart',
    description: `${chart.title}：${chart.categories.map((n, k) => `${n}${Math.round(chart.values[k] * 1000) / 10}%`).join('，')}；${chart.referenceLabel}${Math.round(chart.reference * 1000) / 10}%。`,
    categories: chart.categories,
    series: [
      { name: chart.valueLabel, values: chart.values, type: 'column', color: '7F7F7F' },
      {
        name: chart.referenceLabel,
        values: chart.categories.map(() => chart.reference),
        type: 'line',
        color: '000000',
        dash: 'dash',
      },
    ],
    // The text block's width at 96 px to the inch, and a little over a third of its height.
    widthPx: Math.floor((TEXT_WIDTH / 1440) * 96),
    heightPx: 300,
    valueAxis: { minimum: 0, maximum, interval: maximum > 1 ? 0.2 : 0.1, numberFormat: '0%' },
    font: FONTS.body,
    fontPt: 9,
  };
}

function line(text: string, style: TextStyle, align: ParagraphBlock['align']): ParagraphBlock {
  return { kind: 'paragraph', text, style, align };
}

function blank(): ParagraphBlock {
  return line('', STYLE.body, 'left');
}

/** Body text: justified, the first line indented two characters. */
function body(text: string): ParagraphBlock {
  return { ...line(text, STYLE.body, 'both'), firstLine: grid(2) };
}

/** A first-level heading, 黑体, indented like body text and kept with what follows. */
function heading1(text: string): ParagraphBlock {
  return { ...line(text, STYLE.heading1, 'left'), firstLine: grid(2), keepNext: true };
}

/** `n` characters of body text as set (condensed), in twips. */
function grid(n: number): number {
  return n * (SIZE.san * 20 + ON_GRID);
}

/** `n` characters of a `pt` font, in twips. */
function chars(n: number, pt: number): number {
  return n * pt * 20;
}
