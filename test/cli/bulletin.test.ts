/**
 * `target-desk bulletin --docx` end to end: the package passes the OOXML schemas, its XML carries
 * the GB/T 9704 layout, it is the same bytes for the same book and date, LibreOffice renders it
 * as A4 pages, and every refusal is exit 2 with one line.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeDocument } from '../../src/docx/writeDocument';
import { planBulletinDocument } from '../../src/plan/bulletinDocument';
import { loadBook, readSnapshot } from '../../src/xlsx';
import { runCli } from '../support/cli';
import { libreOfficeConvert } from '../support/libreoffice';
import { ooxmlProblems } from '../support/ooxmlCheck';

const dir = mkdtempSync(join(tmpdir(), 'td-cli-bulletin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOOK = join(dir, 'sample.xlsx');
const DOC = join(dir, '通报2019Q3.docx');
let parts: Record<string, string>;

beforeAll(async () => {
  expect(runCli(['init', '--sample', '--out', BOOK]).code).toBe(0);
  // The book's second bulletin of 2019: 文号 下科创办〔2019〕2号.
  for (const [period, date] of [
    ['2019Q2', '2019-07-15'],
    ['2019Q3', '2019-10-15'],
  ]) {
    expect(runCli(['run', BOOK, '--period', period, '--date', date]).code).toBe(0);
  }
  const r = runCli(['bulletin', BOOK, '--period', '2019Q3', '--docx', DOC, '--date', '2019-10-15']);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  expect(r.stdout).toBe(`${DOC}: bulletin document (公文) for 2019Q3 written\n`);
  const zh = runCli(
    ['bulletin', BOOK, '--period', '2019Q3', '--docx', DOC, '--date', '2019-10-15', '--force'],
    '',
    undefined,
    { LANG: 'zh_CN.UTF-8' },
  );
  expect(zh.stdout).toBe(`${DOC}: 已生成公文「通报2019Q3.docx」（2019Q3）\n`);
  const zip = await JSZip.loadAsync(readFileSync(DOC));
  parts = {};
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    parts[name] = await zip.files[name].async('string');
  }
});

const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);

test('the package passes the OOXML schemas', () => {
  expect(ooxmlProblems(DOC)).toEqual([]);
});

test('page size, margins and grid: A4 body on 22 lines of 579 twips, landscape 附件', () => {
  const doc = parts['word/document.xml'];
  expect(all(doc, /(<w:pgSz [^>]*\/>)/g)).toEqual([
    '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>',
    '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>',
  ]);
  expect(all(doc, /<w:pgMar ([^>]*)\/>/g)).toEqual([
    'w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="1587" w:footer="1587" w:gutter="0"',
    'w:top="1587" w:right="1984" w:bottom="1474" w:left="2098" w:header="1134" w:footer="1134" w:gutter="0"',
  ]);
  expect(all(doc, /(<w:docGrid [^>]*\/>)/g)).toEqual([
    '<w:docGrid w:type="lines" w:linePitch="579"/>',
    '<w:docGrid w:type="default" w:linePitch="312"/>',
  ]);
  // The 附件 section starts a new page.
  expect(all(doc, /<w:type w:val="(\w+)"\/>/g)).toEqual(['nextPage', 'nextPage']);
});

test('fonts and sizes: 2号 小标宋 title, 3号 仿宋 body, 黑体 and 楷体 headings; black text', () => {
  const doc = parts['word/document.xml'];
  const runOf = (text: string) => {
    const m = new RegExp(`<w:rPr>((?:(?!</w:rPr>).)*)</w:rPr><w:t[^>]*>${text}</w:t>`).exec(doc);
    if (!m) throw new Error(`no run "${text}"`);
    return m[1];
  };
  const font = (rPr: string) => /w:eastAsia="([^"]+)"/.exec(rPr)![1];
  const size = (rPr: string) => Number(/<w:sz w:val="(\d+)"\/>/.exec(rPr)![1]) / 2;
  for (const line of ['关于2019年第三季度', '国高企培育工作进展情况的通报']) {
    const title = runOf(line);
    expect([font(title), size(title)]).toEqual(['方正小标宋简体', 22]);
  }
  const number = runOf('下科创办〔2019〕2号');
  expect([font(number), size(number)]).toEqual(['仿宋_GB2312', 16]);
  const heading1 = runOf('一、总体进展情况');
  expect([font(heading1), size(heading1)]).toEqual(['黑体', 16]);
  const heading2 = runOf('（一）街道');
  expect([font(heading2), size(heading2)]).toEqual(['楷体_GB2312', 16]);
  const body = runOf(
    '本期季度报表报送截止日期为2019年10月10日。迟报的单位（1个）：天水街道；未报送的单位（2个）：长庆街道、区市场监管局。未报送的指标按完成数为0计算，请相关单位严格执行报送制度。',
  );
  expect([font(body), size(body)]).toEqual(['仿宋_GB2312', 16]);
  expect(body).toContain('<w:spacing w:val="-5"/>');
  expect(body).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
  expect(new Set(all(doc, /<w:color w:val="(\w+)"\/>/g))).toEqual(new Set(['000000']));
  // Normal carries 3号 too: Word and LibreOffice count the grid from it.
  expect(parts['word/styles.xml']).toMatch(
    /<w:style w:type="paragraph" w:styleId="Normal" w:default="1">.*?<w:sz w:val="32"\/>.*?<\/w:style>/,
  );
  expect(parts['word/fontTable.xml']).toContain(
    '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>',
  );
  expect(parts['word/fontTable.xml']).toContain(
    '<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>',
  );
});

test('page numbers: "— PAGE —" in 4号, odd footer right, even footer left, even/odd on', () => {
  expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
  const doc = parts['word/document.xml'];
  const refs = Object.fromEntries(
    [...doc.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
  const rels = parts['word/_rels/document.xml.rels'];
  const footer = (type: string) => {
    const target = new RegExp(`Id="${refs[type]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    return parts[`word/${target}`];
  };
  for (const [type, jc, indent] of [
    ['default', 'right', 'w:right="280"'],
    ['even', 'left', 'w:left="280"'],
  ]) {
    const xml = footer(type);
    expect(xml).toContain(`<w:jc w:val="${jc}"/>`);
    expect(xml).toContain(indent);
    expect(xml).toContain('<w:t xml:space="preserve">— </w:t>');
    expect(xml).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(xml).toContain('<w:t xml:space="preserve"> —</w:t>');
    expect(xml).toContain('<w:sz w:val="28"/>');
    expect(xml).toContain('w:eastAsia="宋体"');
  }
});

test('every table has explicit column widths (w:tblGrid/w:gridCol) matching its cells', () => {
  const doc = parts['word/document.xml'];
  const grids = all(doc, /<w:tblGrid>(.*?)<\/w:tblGrid>/g).map((g) =>
    all(g, /<w:gridCol w:w="(\d+)"\/>/g).map(Number),
  );
  // No 核对差异 without a recognition list; 街道, 部门, 园区平台 in the 附件, the sheet's 15 columns.
  expect(grids.map((g) => g.length)).toEqual([15, 15, 15]);
  for (const g of grids) {
    expect(g.reduce((a, b) => a + b, 0)).toBe(16838 - 2098 - 1984);
    // 年度任务, 序时目标 (4 characters of 小五, 180 twips, and 2 × 40 of margins) and 序时完成率 (5) fit.
    expect([g[4], g[5], g[9]].map((w) => w >= 4 * 180 + 80)).toEqual([true, true, true]);
    expect(g[9]).toBeGreaterThanOrEqual(5 * 180 + 80);
  }
  const headerRow = /<w:tr>(?:(?!<\/w:tr>).)*?<w:tblHeader\/>.*?<\/w:tr>/.exec(doc)![0];
  expect(all(headerRow, /<w:t[^>]*>([^<]*)<\/w:t>/g)).toEqual([
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
  ]);
  expect(all(headerRow, /<w:tcW w:type="dxa" w:w="(\d+)"\/>/g).map(Number)).toEqual(grids[0]);
  expect(all(doc, /<w:tblLayout w:type="(\w+)"\/>/g)).toEqual(['fixed', 'fixed', 'fixed']);
  // The header row repeats on every page the table runs over.
  expect(doc.match(/<w:tblHeader\/>/g)).toHaveLength(3);
});

test('the chart is a native chart part with its data', () => {
  expect(parts['word/charts/chart1.xml']).toContain('<c:v>序时进度</c:v>');
  expect(parts['word/charts/chart1.xml']).toContain('<a:prstDash val="dash"/>');
  expect(parts['word/document.xml']).toMatch(/<c:chart [^>]*r:id="rId\d+"\/>/);
});

test('the same book and date give the same bytes, in one process or two', async () => {
  const again = join(dir, 'again.docx');
  expect(
    runCli(['bulletin', BOOK, '--period', '2019Q3', '--docx', again, '--date', '2019-10-15']).code,
  ).toBe(0);
  expect(readFileSync(again).equals(readFileSync(DOC))).toBe(true);
  const snapshot = readSnapshot(await loadBook(BOOK));
  const model = planBulletinDocument(snapshot, '2019Q3', { issuedOn: '2019-10-15' });
  const first = await writeDocument(model);
  const second = await writeDocument(model);
  expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  expect(Buffer.from(first).equals(readFileSync(DOC))).toBe(true);
  expect(parts['docProps/core.xml']).toContain(
    '<dcterms:created xsi:type="dcterms:W3CDTF">2019-10-15T00:00:00Z</dcterms:created>',
  );
});

test('LibreOffice renders it: 6 portrait A4 pages of text, then 4 landscape pages of 附件', () => {
  const pdf = libreOfficeConvert(DOC, 'pdf', join(dir, 'pdf'));
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' });
  const sizes = all(info, /Page +\d+ size: +([\d.]+ x [\d.]+) pts/g);
  expect(sizes).toEqual([
    ...Array(6).fill('595.304 x 841.89'),
    ...Array(4).fill('841.89 x 595.304'),
  ]);
  const page = (n: number) =>
    execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], {
      encoding: 'utf8',
    });
  expect(page(1)).toMatch(/下科创办〔2019〕2\s*号/);
  expect(page(1)).toContain('各街道、各部门、各园区平台：');
  // The number at the right on odd pages, at the left on even ones.
  const numberLine = (n: number) => new RegExp(`^( *)—\\s*${n}\\s*—\\s*$`, 'm').exec(page(n));
  expect(numberLine(1)![1].length).toBeGreaterThan(20);
  expect(numberLine(2)![1].length).toBeLessThan(10);
  expect(numberLine(3)![1].length).toBeGreaterThan(20);
  // 特此通报。 with the last requirement, 附件说明 and the signature on one page.
  expect(page(6)).toMatch(
    /确\s*保按期完成年度目标任务。\s+特此通报。\s+附件：各单位完成情况及考核排名表/,
  );
  expect(page(6)).toContain('区科技创新工作领导小组办公室');
  expect(page(6)).toMatch(/2019\s*年\s*10\s*月\s*15\s*日/);
  expect(page(7)).toMatch(/^\s*附件/);
  expect(page(7)).toContain('各单位完成情况及考核排名表');
  // Every header on one line: the header row reads as one line of text.
  expect(page(7)).toMatch(
    /排名 +较上期 +单位 +考核指标 +年度任务 +序时目标 +完成数 +预计全年 +完成率 +序时完成率 +进度状态 +指标得分 +总分 +等级 +备注/,
  );
  // 文晖街道 first with its move; the header row repeats on the continuation page.
  expect(page(7)).toMatch(/ 1 +↑1 /);
  expect(page(8)).toContain('考核指标');
  expect(page(8)).toMatch(/天水街道/);
  expect(page(8)).toContain('迟报');
});

describe('refusals: exit 2, one line, nothing written', () => {
  test('an existing output without --force; with --force it is replaced', () => {
    const out = join(dir, 'exists.docx');
    writeFileSync(out, 'keep me');
    const r = runCli([
      'bulletin',
      BOOK,
      '--period',
      '2019Q3',
      '--docx',
      out,
      '--date',
      '2019-10-15',
    ]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      `target-desk bulletin: ${out}: the file already exists; choose another --docx, or add --force to replace it\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = runCli([
      'bulletin',
      BOOK,
      '--period',
      '2019Q3',
      '--docx',
      out,
      '--date',
      '2019-10-15',
      '--force',
    ]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(DOC))).toBe(true);
  });

  test.each([
    [
      ['--period', '2019Q5'],
      '--period: not a period: "2019Q5" (expected a year such as 2019 or a quarter such as 2019Q3)',
    ],
    [
      ['--period', '2030Q1'],
      '--period: period 2030Q1 is outside the plan (years 2018, 2019, 2020)',
    ],
    [
      ['--period', '2019Q3', '--date', '2019-02-30'],
      '--date: not a date: "2019-02-30" (write YYYY-MM-DD)',
    ],
  ])('%j', (args, message) => {
    const out = join(dir, 'never.docx');
    const r = runCli(['bulletin', BOOK, ...args, '--docx', out]);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: `target-desk bulletin: ${message}\n` });
    expect(() => statSync(out)).toThrow();
  });

  test('an OS error writing the output names the path and the cause', () => {
    // A file where the output's folder should be (the store makes a missing folder).
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const inFile = runCli([
      'bulletin',
      BOOK,
      '--period',
      '2019Q3',
      '--docx',
      join(blocker, 'x.docx'),
    ]);
    expect(inFile).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `target-desk bulletin: ${join(blocker, 'x.docx')}: cannot write (a file stands where a folder is expected, ENOTDIR)\n`,
    });
    // A folder as the output, even with --force.
    const folder = runCli(['bulletin', BOOK, '--period', '2019Q3', '--docx', dir, '--force']);
    expect(folder).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `target-desk bulletin: ${dir}: cannot write (it is a folder, not a file, EISDIR)\n`,
    });
  });

  test('a missing output folder is made', () => {
    const out = join(dir, 'no-such-folder', 'x.docx');
    const r = runCli([
      'bulletin',
      BOOK,
      '--period',
      '2019Q3',
      '--docx',
      out,
      '--date',
      '2019-10-15',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(out).equals(readFileSync(DOC))).toBe(true);
  });
});
