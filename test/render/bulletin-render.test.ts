/**
 * Renders the bulletin the way a user prints it: plan → ExcelJS book (with the native chart) →
 * headless LibreOffice → PDF → pixels. Checks the paper, that the table is one page wide, that the
 * Chinese text survives, and that the status colours and the chart are drawn.
 * Set BULLETIN_PNG=path to keep the first page as a PNG (docs/bulletin-2019Q3.png is made this way).
 */
import { execFileSync } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { bulletinSheetPlan } from '../../src/plan/bulletinPlan';
import { applyBookPlan, bookBuffer } from '../../src/xlsx';
import { assess } from '../../src/engine/assess';
import { xiachengSample } from '../../src/sample/xiacheng';
import { libreOfficeConvert } from '../support/libreoffice';

const dir = mkdtempSync(join(tmpdir(), 'td-bulletin-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Pixels of a binary PPM (P6) file. */
function readPpm(file: string): { width: number; height: number; rgb: Buffer } {
  const data = readFileSync(file);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'))!;
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    rgb: data.subarray(header[0].length),
  };
}

function countColour(ppm: { rgb: Buffer }, hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i + 2 < ppm.rgb.length; i += 3) {
    if (
      Math.abs(ppm.rgb[i] - r) <= 6 &&
      Math.abs(ppm.rgb[i + 1] - g) <= 6 &&
      Math.abs(ppm.rgb[i + 2] - b) <= 6
    )
      n++;
  }
  return n;
}

describe('the bulletin printed through LibreOffice', () => {
  let pdf: string;
  let pages: string[];
  let breaks: number[];
  let sheetXml: string;
  let paragraphs: string[];

  beforeAll(async () => {
    const sample = xiachengSample();
    const plan = bulletinSheetPlan(sample, assess(sample, '2019Q3'), {
      issuedOn: '2019-10-15',
      seq: 3,
      discrepancies: [
        { unit: 'tianshui', indicator: 'gqq_new', reported: 4, listed: 3 },
        { unit: 'yingshi', indicator: 'gqq_new', reported: 2, listed: 1 },
      ],
    });
    const wb = new ExcelJS.Workbook();
    applyBookPlan(wb, { sheets: [plan], tableUpdates: [] });
    const book = join(dir, 'bulletin.xlsx');
    const buffer = await bookBuffer(wb);
    writeFileSync(book, buffer);
    breaks = plan.rowBreaks!;
    paragraphs = plan.ranges
      .map((r) => r.values[0][0])
      .filter((v): v is string => typeof v === 'string' && v.startsWith('　　'));
    sheetXml = await (
      await JSZip.loadAsync(buffer)
    )
      .file('xl/worksheets/sheet1.xml')!
      .async('string');
    pdf = libreOfficeConvert(book, 'pdf', dir);
    pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
  });

  it('prints on A4 landscape', () => {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.\d+ pts \(A4\)/);
  });

  it('starts a page at each of the plan’s breaks and nowhere else, on five pages', () => {
    const ids = [...sheetXml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
    expect(ids).toEqual(breaks);
    expect(pages).toHaveLength(breaks.length + 1);
    expect(pages).toHaveLength(5);
  });

  it('repeats the table header on a continued table’s page and never prints the chart alone', () => {
    // The three ranking tables run over pages 1–3: each of those pages has the column headers.
    for (const page of pages.slice(0, 3)) expect(page).toMatch(/排名\s+较上期\s+单位\s+考核指标/);
    const chartPage = pages.find((p) => p.includes('各单位新增国高企完成率与序时进度'))!;
    expect(chartPage).toContain('序时进度情况');
    expect(chartPage).toMatch(/达到序时进度的有/);
  });

  it('keeps long unit names inside their cells: 中国互联网影视产业园 wraps in 核对差异', () => {
    const text = pages.join('\n');
    const table = text.slice(text.indexOf('六、核对差异'), text.indexOf('七、存在问题'));
    // Wrapped over two lines around its row's figures, rather than one line running into 考核指标.
    expect(table).toMatch(/中国互联网影视\s*\n\s*新增国高企\s+2\s+1\s+-1\s*\n\s*产业园/);
  });

  it('scales the columns to the full printable width', () => {
    // Column O's right edge is 0.7 inch (50.4 pt) from the paper's; a stray printed column (a chart
    // anchored past O) would shrink the scale and pull 备注 to the left.
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], {
      encoding: 'utf8',
    });
    const remark = /xMax="([\d.]+)"[^>]*>备注</.exec(bbox)!;
    expect(Number(remark[1])).toBeGreaterThan(760);
    expect(Number(remark[1])).toBeLessThan(841.89 - 50.4);
  });

  it('keeps the Chinese text and fits every table row on one page width', () => {
    expect(pages[0]).toContain('关于2019年第三季度国高企培育工作进展情况的通报');
    expect(pages[0]).toMatch(/截至9月底，全区新增国高企\d+家，完成年度目标\d+家的\d+\.\d%/);
    const text = pages.join('\n');
    // Three tables, two of them continued on a second page with their header again.
    for (const header of ['进度状态', '序时完成率']) expect(text.split(header).length - 1).toBe(5);
    // A page cut off at the right would leave a table's last column (备注: 未报送, 迟报) on a page
    // of its own; the status and the remark are words on the unit's own printed line.
    expect(text).toMatch(/长庆街道 [^\n]*滞后序时进度[^\n]*不合格\s+未报送/);
    expect(text).toMatch(/天水街道 [^\n]*略低于序时进度[^\n]*不合格\s+迟报/);
    expect(text).toMatch(/排名\s+较上期[^\n]*等级\s+备注/);
    expect(text).toContain('区跨贸小镇管委会');
    expect(text).not.toMatch(/\uFFFD/);
  });

  it('prints every paragraph whole: no row is too short for its wrapped lines', () => {
    const flat = pages.join('').replace(/\s/g, '');
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const p of paragraphs) expect(flat).toContain(p.replace(/\s/g, ''));
  });

  it('draws the status colours and the chart', () => {
    execFileSync('pdftoppm', ['-r', '40', pdf, join(dir, 'page')]);
    const ppms = readdirSync(dir)
      .filter((f) => f.startsWith('page') && f.endsWith('.ppm'))
      .map((f) => readPpm(join(dir, f)));
    const count = (hex: string) => ppms.reduce((n, p) => n + countColour(p, hex), 0);
    expect(count('C6EFCE')).toBeGreaterThan(200); // green: 达到序时进度
    expect(count('FFEB9C')).toBeGreaterThan(50); // yellow: 略低于序时进度
    expect(count('FFC7CE')).toBeGreaterThan(100); // red: 滞后序时进度
    expect(count('4472C4')).toBeGreaterThan(300); // the chart's columns
    expect(count('C00000')).toBeGreaterThan(20); // its 序时进度 line
    if (process.env.BULLETIN_PNG) {
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        join(dir, 'first'),
      ]);
      copyFileSync(join(dir, 'first.png'), process.env.BULLETIN_PNG);
    }
  });
});
