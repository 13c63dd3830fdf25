import { thrownZh } from '../support/problems';
import { bulletinContent } from '../../src/engine/bulletin';
import type { Assessment, Scenario } from '../../src/engine/types';
import {
  CHAR_PITCH,
  LANDSCAPE_TEXT_WIDTH,
  LINE_PITCH,
  TEXT_WIDTH,
  layoutBulletinDocument,
  planBulletinDocument,
  setWidth,
  signature,
} from '../../src/plan/bulletinDocument';
import type {
  ParagraphBlock,
  SectionModel,
  TableBlock,
} from '../../src/plan/bulletinDocumentModel';
import { columnWidths } from '../../src/plan/bulletinDocumentTables';
import { readSnapshot } from '../../src/xlsx';
import scenarioJson from '../fixtures/bulletin/scenario.json';
import assessmentJson from '../fixtures/bulletin/assessment-2019Q3.json';
import { xiachengSample } from '../../src/sample/xiacheng';
import { initBook, inputProblems } from './books';

const content = bulletinContent(scenarioJson as Scenario, assessmentJson as Assessment, {
  issuedOn: '2019-10-15',
  discrepancies: [{ unit: 'tianshui', indicator: 'gqq_new', reported: 4, listed: 3 }],
});
const model = layoutBulletinDocument(content, '2019-10-15');
const [body, attachment] = model.sections;
const paragraphs = (s: SectionModel) =>
  s.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
const tables = (s: SectionModel) => s.blocks.filter((b): b is TableBlock => b.kind === 'table');

describe('the GB/T 9704 page', () => {
  test('A4 portrait, margins 37/35/28/26 mm, 22 lines of 579 twips, 28 characters a line', () => {
    expect(body).toMatchObject({
      orientation: 'portrait',
      pageWidth: 11906,
      pageHeight: 16838,
      margins: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
      grid: { type: 'lines', linePitch: 579 },
    });
    expect(LINE_PITCH).toBe(579);
    expect(22 * LINE_PITCH).toBeLessThanOrEqual(16838 - 2098 - 1984);
    expect(23 * LINE_PITCH).toBeGreaterThan(16838 - 2098 - 1984);
    // 3号 (320 twips) condensed by 5 twips: 28 characters fit the line, 29 do not.
    const text = paragraphs(body).find((p) => p.text === content.opening)!;
    expect(text.style).toEqual({ font: '仿宋_GB2312', sizePt: 16, spacing: -5 });
    expect(28 * 315).toBeLessThanOrEqual(TEXT_WIDTH);
    expect(29 * 315).toBeGreaterThan(TEXT_WIDTH);
    expect(Math.round(CHAR_PITCH)).toBe(316);
    expect(text).toMatchObject({ align: 'both', firstLine: 630 });
  });

  test('title 2号 方正小标宋简体 centred; headings 黑体 and 楷体_GB2312; fonts fall back', () => {
    expect(paragraphs(body)[0]).toMatchObject({
      text: '关于2019年第三季度国高企培育工作进展情况的通报',
      align: 'center',
      style: { font: '方正小标宋简体', sizePt: 22 },
    });
    expect(paragraphs(body).find((p) => p.text === '一、总体进展情况')).toMatchObject({
      style: { font: '黑体', sizePt: 16 },
      keepNext: true,
    });
    expect(paragraphs(attachment).find((p) => p.text === '（一）街道')).toMatchObject({
      style: { font: '楷体_GB2312', sizePt: 16 },
    });
    expect(Object.fromEntries(model.fonts.map((f) => [f.name, f.altName]))).toEqual({
      方正小标宋简体: '华文中宋',
      华文中宋: '宋体',
      仿宋_GB2312: '仿宋',
      黑体: 'SimHei',
      楷体_GB2312: '楷体',
      宋体: 'SimSun',
    });
  });

  test('page numbers "— N —" in 4号, right on odd pages and left on even ones', () => {
    expect(model.footer).toEqual({
      before: '— ',
      after: ' —',
      style: { font: '宋体', sizePt: 14 },
      odd: { align: 'right', right: 280 },
      even: { align: 'left', left: 280 },
    });
  });

  test('no 文号 line without a 文号; with one, centred above the title', () => {
    expect(paragraphs(body).some((p) => /〔/.test(p.text))).toBe(false);
    const numbered = layoutBulletinDocument(
      { ...content, docNumber: '下科创办〔2019〕3号' },
      '2019-10-15',
    );
    expect(paragraphs(numbered.sections[0]).slice(0, 3)).toMatchObject([
      { text: '下科创办〔2019〕3号', align: 'center' },
      { text: '' },
      { text: content.title },
    ]);
  });

  test('without rankings: no 主送 line, no 附件 note and no 附件 section', () => {
    const bare = layoutBulletinDocument({ ...content, groups: [], chart: null }, '2019-10-15');
    expect(bare.sections).toHaveLength(1);
    const texts = paragraphs(bare.sections[0]).map((p) => p.text);
    expect(texts.filter((t) => /附件|各街道/.test(t))).toEqual([]);
    expect(texts).toContain(content.closing);
  });

  test('the created time is the issue date, so reruns match', () => {
    expect(model.created).toBe('2019-10-15T00:00:00Z');
    expect(model.creator).toBe(content.organization);
  });
});

describe('signature (GB/T 9704 §7.3.5.2, unsealed)', () => {
  // Right indents in characters of 315 twips.
  test('the date as set: digits half a character, a quarter between digits and Chinese', () => {
    // 8 digits (4) + 3 characters + 5 boundaries (1.25)
    expect(setWidth('2019年10月15日')).toBe(8.25);
    expect(setWidth('区科技局')).toBe(4);
  });

  test('issuer right-indented two characters, the date starting two characters further right', () => {
    // 区科技创新工作领导小组办公室: 14 characters; the date 8.25.
    const [org, date] = signature('区科技创新工作领导小组办公室', '2019年10月15日');
    expect(org).toMatchObject({ align: 'right', right: 2 * 315, keepNext: true });
    expect(date).toMatchObject({ align: 'right', right: Math.round((2 + 14 - 2 - 8.25) * 315) });
  });

  test('a date longer than the issuer is right-indented two characters; the issuer moves', () => {
    const [org, date] = signature('区科技局', '2019年10月15日');
    // date: 2 from the right, its first character at 10.25; the issuer's first at 12.25.
    expect(date.right).toBe(2 * 315);
    expect(org.right).toBe(Math.round((12.25 - 4) * 315));
  });
});

describe('附件: the ranking tables in a landscape section', () => {
  test('landscape A4 with the margins turned, off the line grid', () => {
    expect(attachment).toMatchObject({
      orientation: 'landscape',
      pageWidth: 16838,
      pageHeight: 11906,
      margins: { top: 1587, bottom: 1474, left: 2098, right: 1984 },
      grid: { type: 'default' },
    });
    expect(paragraphs(attachment)[0]).toMatchObject({ text: '附件', style: { font: '黑体' } });
  });

  test('one table per unit type, columns adding up to the text width', () => {
    const ranking = tables(attachment);
    expect(ranking.map((t) => t.rows.length)).toEqual(
      content.groups.map((g) => g.units.reduce((n, u) => n + u.rows.length, 0)),
    );
    for (const t of ranking) {
      expect(t.columns).toHaveLength(13);
      expect(t.columns.reduce((a, b) => a + b, 0)).toBe(LANDSCAPE_TEXT_WIDTH);
      expect(t.columns.every((w) => w >= 400)).toBe(true);
    }
    const streets = ranking[0];
    const first = content.groups[0].units[0];
    expect(streets.rows[0].slice(0, 3)).toEqual([
      { text: String(first.rank), rowSpan: first.rows.length },
      { text: first.name, rowSpan: first.rows.length },
      { text: first.rows[0].indicatorName },
    ]);
    // A unit's rows are kept together; the last row of each unit may break.
    expect(streets.keepWithNext.slice(0, first.rows.length)).toEqual([
      ...Array(first.rows.length - 1).fill(true),
      false,
    ]);
  });

  test('the 核对差异 table is in the body at the portrait text width', () => {
    const [t] = tables(body);
    expect(t.header).toEqual(['单位', '考核指标', '报表数', '名单数', '差异']);
    expect(t.rows).toEqual([
      [{ text: '天水街道' }, { text: '新增国高企' }, { text: '4' }, { text: '3' }, { text: '-1' }],
    ]);
    expect(t.columns.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
  });

  test('flexible columns get their longest text, scaled down alike when short of room', () => {
    // Fixed 2 characters of 10 pt + 114 padding = 514; needs 4 and 10 characters: 914, 2114.
    expect(columnWidths([2, 0, 0], [['甲'], ['一二三四五六七八九十']], 4000, 10)).toEqual([
      514,
      914,
      4000 - 514 - 914,
    ]);
    const narrow = columnWidths([2, 0, 0], [['甲'], ['一二三四五六七八九十']], 2000, 10);
    expect(narrow.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(narrow[1] / narrow[2]).toBeCloseTo(914 / 2114, 2);
  });
});

describe('planBulletinDocument over a plan book', () => {
  const snapshot = readSnapshot(initBook(xiachengSample()));

  test('the chart: completion rate per unit against the 序时进度 line, in greys and black', () => {
    const doc = planBulletinDocument(snapshot, '2019Q3', { issuedOn: '2019-10-15' });
    const chart = doc.sections[0].blocks.find((b) => b.kind === 'chart');
    expect(chart).toMatchObject({
      kind: 'chart',
      series: [
        { name: '完成率', type: 'column', color: '7F7F7F' },
        { name: '序时进度', type: 'line', color: '000000', dash: 'dash' },
      ],
      valueAxis: { minimum: 0, numberFormat: '0%' },
    });
  });

  test('a period outside the plan is refused in English and Chinese', () => {
    const refuse = () => planBulletinDocument(snapshot, '2030Q1', { issuedOn: '2030-04-10' });
    expect(inputProblems(refuse)).toEqual([
      '--period: period 2030Q1 is outside the plan (years 2018, 2019, 2020)',
    ]);
    expect(thrownZh(refuse)).toEqual([
      { code: 'text', zh: '期间 2030Q1 不在计划的年度（2018、2019、2020）之内' },
    ]);
  });
});
