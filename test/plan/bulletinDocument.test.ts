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
import { columnWidths, fixed } from '../../src/plan/bulletinDocumentTables';
import { BULLETIN_HEADERS } from '../../src/plan/bulletinPlan';
import { readSnapshot } from '../../src/xlsx';
import scenarioJson from '../fixtures/bulletin/scenario.json';
import assessmentJson from '../fixtures/bulletin/assessment-2019Q3.json';
import { xiachengSample } from '../../src/sample/xiacheng';
import { initBook, inputProblems, reload, runBook, tableObjects } from './books';
import { runSheetsToRead } from '../../src/plan/jobs/run';
import type ExcelJS from 'exceljs';

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
    // 23.5 characters as set do not fit the 21.5 of a 2号 line: two lines, cut between words.
    expect(paragraphs(body).slice(0, 2)).toMatchObject([
      {
        text: '关于2019年第三季度',
        align: 'center',
        style: { font: '方正小标宋简体', sizePt: 22 },
      },
      { text: '国高企培育工作进展情况的通报', align: 'center', keepNext: true },
    ]);
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
    expect(paragraphs(numbered.sections[0]).slice(0, 4)).toMatchObject([
      { text: '下科创办〔2019〕3号', align: 'center' },
      { text: '' },
      { text: '关于2019年第三季度' },
      { text: '国高企培育工作进展情况的通报' },
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
      expect(t.header).toEqual(BULLETIN_HEADERS);
      expect(t.columns).toHaveLength(15);
      expect(t.columns.reduce((a, b) => a + b, 0)).toBe(LANDSCAPE_TEXT_WIDTH);
      // Every header on one line: its characters of 小五 (180 twips) and the cell margins.
      t.header.forEach((h, k) => expect(t.columns[k]).toBeGreaterThanOrEqual(h.length * 180 + 80));
      expect(t.style).toEqual({ font: '仿宋_GB2312', sizePt: 9 });
    }
    const streets = ranking[0];
    const first = content.groups[0].units[0];
    expect(streets.rows[0].slice(0, 4)).toEqual([
      { text: String(first.rank), rowSpan: first.rows.length },
      { text: first.move ?? '', rowSpan: first.rows.length },
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

  test('flexible columns get their longest text; short of room, four characters each and the same share of the rest', () => {
    // Fixed 2 characters of 10 pt + 80 margins = 480; needs 4 and 10 characters: 880, 2080.
    expect(columnWidths([2, 0, 0], [['甲'], ['一二三四五六七八九十']], 4000, 10)).toEqual([
      480,
      880,
      4000 - 480 - 880,
    ]);
    // 3000: 760 beyond the 4 + 4 characters; the short column needs nothing more, the long one
    // gets all 760 of the 1200 it wants.
    expect(columnWidths([2, 0, 0], [['甲'], ['一二三四五六七八九十']], 3000, 10)).toEqual([
      480, 880, 1640,
    ]);
    // Needs 6 and 10 characters (400 and 1200 beyond four): each gets 760 / 1600 of its excess.
    expect(columnWidths([2, 0, 0], [['一二三四五六'], ['一二三四五六七八九十']], 3000, 10)).toEqual(
      [480, 880 + 190, 880 + 570],
    );
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
      {
        code: 'bulletin.periodOutsidePlan',
        zh: '期间 2030Q1 不在计划的年度（2018、2019、2020）之内',
      },
    ]);
  });
});

/**
 * The 2019Q3 document of the sample book run for 2019Q2 and 2019Q3, as the `通报 2019Q3` sheet
 * shows it; the figures are hand-computed in test/sample/xiachengOverTime.test.ts.
 */
describe('the sample’s 2019Q3 document renders the whole bulletin', () => {
  let wb: ExcelJS.Workbook;
  let doc: ReturnType<typeof planBulletinDocument>;
  const texts = (s: SectionModel) => paragraphs(s).map((p) => p.text);

  beforeAll(async () => {
    wb = await reload(initBook(xiachengSample()));
    for (const period of ['2019Q2', '2019Q3']) {
      runBook(wb, period);
      wb = await reload(wb);
    }
    doc = planBulletinDocument(readSnapshot(wb), '2019Q3', { issuedOn: '2019-10-15' });
  });

  test('the 文号 as the book numbers its bulletins: the second of 2019', () => {
    expect(texts(doc.sections[0]).slice(0, 4)).toEqual([
      '下科创办〔2019〕2号',
      '',
      '关于2019年第三季度',
      '国高企培育工作进展情况的通报',
    ]);
  });

  test('the headings of the sheet, in its order and numbering', () => {
    const headings = paragraphs(doc.sections[0]).filter((p) => p.style.font === '黑体');
    expect(headings.map((p) => p.text)).toEqual([
      '一、总体进展情况',
      '二、各单位完成情况及考核排名',
      '三、各单位新增国高企完成率与序时进度',
      '四、序时进度情况',
      '五、报送情况',
      '六、存在问题',
      '七、下步工作要求',
    ]);
    const sheet = readSnapshot(wb, runSheetsToRead('2019Q3')).sheets['通报 2019Q3'];
    const sheetHeadings = sheet
      .flat()
      .filter((v) => typeof v === 'string' && /^[一二三四五六七八九十]、/.test(v));
    expect(sheetHeadings).toEqual(headings.map((p) => p.text));
  });

  test('the change since 2019Q2 and the projection in the paragraphs', () => {
    // 9 of 28 = 32.1%; 2019Q2 1 of 28 = 3.6%: +28.5 points; 序时 20%; 9 / 0.2 = 45 = 160.7% of 28.
    expect(texts(doc.sections[0])).toContain(
      '截至9月底，全区新增国高企9家，完成年度目标28家的32.1%，较上季度提高28.5个百分点，超序时进度12.1个百分点。按当前进度，预计全年可完成45家，为年度目标的160.7%。',
    );
    expect(texts(doc.sections[0])).toContain(
      '截至9月底，全区国高企数量为118家，较上季度增加8家，年度目标136家，完成年度目标的86.8%，尚差18家。按当前进度，预计年末可达120家，为年度目标的88.2%。',
    );
  });

  test('报送情况 with 天水街道 late and the missing units; 存在问题, 下步工作要求, 特此通报。', () => {
    const t = texts(doc.sections[0]);
    const after = (heading: string, n: number) =>
      t.slice(t.indexOf(heading) + 1, t.indexOf(heading) + 1 + n);
    expect(after('五、报送情况', 1)).toEqual([
      '本期季度报表报送截止日期为2019年10月10日。迟报的单位（1个）：天水街道；未报送的单位（2个）：长庆街道、区市场监管局。未报送的指标按完成数为0计算，请相关单位严格执行报送制度。',
    ]);
    expect(after('六、存在问题', 5).map((l) => l.slice(0, 2))).toEqual([
      '1．',
      '2．',
      '3．',
      '4．',
      '七、',
    ]);
    expect(after('六、存在问题', 4)[3]).toBe(
      '4．天水街道迟报季度报表，长庆街道、区市场监管局未报送季度报表。',
    );
    expect(after('七、下步工作要求', 5)).toEqual([
      expect.stringMatching(/^1．进度滞后的天水街道、石桥街道/),
      '2．长庆街道、区市场监管局、天水街道要严格执行季度报送制度，在每季度结束后10日内报送季度报表。',
      '3．各单位要对照年度目标任务，进一步加大工作力度，确保按期完成年度目标任务。',
      '特此通报。',
      '',
    ]);
    // The last requirement goes with 特此通报。 and the signature onto one page.
    const last = paragraphs(doc.sections[0]).find((p) => p.text.startsWith('3．各单位要对照'));
    expect(last?.keepNext).toBe(true);
  });

  test('附件: 较上期 moves, 预计全年 and 备注 in the streets’ table', () => {
    const [streets] = doc.sections[1].blocks.filter((b): b is TableBlock => b.kind === 'table');
    const leads = streets.rows.filter((r) => r[0].rowSpan);
    expect(leads.map((r) => r.slice(0, 3).map((c) => c.text))).toEqual([
      ['1', '↑1', '文晖街道'],
      ['2', '↓1', '武林街道'],
      ['3', '↑1', '朝晖街道'],
      ['4', '↓1', '天水街道'],
      ['4', '↑1', '石桥街道'],
      ['6', '—', '东新街道'],
      ['7', '↑1', '潮鸣街道'],
      ['8', '↓2', '长庆街道'],
    ]);
    // 文晖街道 新增国高企: quota 2, milestone 2 × 0.2, 1 done, 1 / 0.2 = 5 projected, 50% of the
    // quota, 250% of the milestone, linear 40 × 0.5 = 20; total 65, 合格.
    expect(streets.rows[0].map((c) => c.text)).toEqual([
      '1',
      '↑1',
      '文晖街道',
      '新增国高企',
      '2',
      '0.4',
      '1',
      '5.0',
      '50.0%',
      '250.0%',
      '达到序时进度',
      '20.00',
      '65.00',
      '合格',
      '',
    ]);
    const rowsOf = (name: string) => {
      const k = streets.rows.findIndex((r) => r[2]?.text === name);
      return streets.rows.slice(k, k + 3);
    };
    expect(rowsOf('天水街道').map((r) => r[r.length - 1].text)).toEqual(['迟报', '迟报', '迟报']);
    expect(rowsOf('长庆街道').map((r) => r[r.length - 1].text)).toEqual([
      '未报送',
      '未报送',
      '未报送',
    ]);
    expect(texts(doc.sections[1])).toContain(
      '较上期：与2019年第二季度排名相比，↑上升、↓下降、—持平、新为首次排名。',
    );
  });

  test('a user’s rewrite of 下步工作要求 (TD_BulletinText) is the document’s text too', async () => {
    const t = readSnapshot(wb).tables.TD_BulletinText;
    const row = tableObjects(wb, 'TD_BulletinText').findIndex(
      (r) => r['期间'] === '2019Q3' && r['部分'] === '下步工作要求',
    );
    const col = t.headers.indexOf('内容（可修改，重新生成通报时保留）');
    wb
      .getWorksheet(t.sheet)!
      .getRow(row + 2)
      .getCell(col + 1).value = '一、请各街道抓紧推进。\n二、请按时报送季度报表。';
    const edited = await reload(wb);
    const kept = planBulletinDocument(readSnapshot(edited), '2019Q3', { issuedOn: '2019-10-15' });
    const t2 = texts(kept.sections[0]);
    expect(t2.slice(t2.indexOf('七、下步工作要求') + 1, t2.indexOf('特此通报。'))).toEqual([
      '一、请各街道抓紧推进。',
      '二、请按时报送季度报表。',
    ]);
  });
});

test('figures as the sheet’s number formats show them: half up on the decimal figure', () => {
  expect([fixed(1.45, 1), fixed(0.125, 2), fixed(61.333333, 2), fixed(5, 1)]).toEqual([
    '1.5',
    '0.13',
    '61.33',
    '5.0',
  ]);
});
