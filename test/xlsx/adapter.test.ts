import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { snapshotToScenario } from '../../src/plan/scenarioTables';
import { setSheetOrder, sheetOrder } from '../../src/xlsx/excelInternals';
import { xiachengSample } from '../../src/sample/xiacheng';
import {
  applyBookPlan,
  bookBuffer,
  loadBook,
  loadBookBuffer,
  readCustomProperties,
  readSnapshot,
  saveBookAtomic,
} from '../../src/xlsx';
import { initBook, reload, runBook } from '../plan/books';

const dir = mkdtempSync(join(tmpdir(), 'td-adapter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sheetXml(buffer: Buffer, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rid = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target =
    new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

describe('values users typed stay values', () => {
  const NAMES = ['=1+1', '+SUM(A1)', '@foo', '-3', '=HYPERLINK("http://example.com","x")'];

  it('writes strings that look like formulas as text, in sheets and tables', async () => {
    const wb = new ExcelJS.Workbook();
    applyBookPlan(wb, {
      sheets: [
        {
          sheet: 'S',
          ranges: [{ at: 'A1', values: [NAMES] }],
          tables: [
            { name: 'T', at: 'A3', columns: [{ header: '名称' }], rows: NAMES.map((n) => [n]) },
          ],
        },
      ],
      tableUpdates: [],
    });
    const buffer = await bookBuffer(wb);
    const xml = await sheetXml(buffer, 'S');
    expect(xml).not.toContain('<f>');
    const back = readSnapshot(await loadBookBuffer(buffer, 'b.xlsx'), ['S']);
    expect(back.sheets.S[0]).toEqual(NAMES);
    expect(back.tables.T.rows.map((r) => r[0])).toEqual(NAMES);
  });

  it('keeps unit names like =1+1 as text through init, run and a LibreOffice-free reload', async () => {
    const s = xiachengSample();
    s.units[0].name = '=1+1';
    s.units[1].name = '@foo';
    const wb = await reload(initBook(s));
    runBook(wb, '2019Q3');
    const buffer = await bookBuffer(wb);
    expect(await sheetXml(buffer, '单位')).not.toContain('<f>');
    const names = readSnapshot(await loadBookBuffer(buffer, 'b.xlsx')).tables.TD_Ranking.rows.map(
      (r) => r[2],
    );
    expect(names).toEqual(expect.arrayContaining(['=1+1', '@foo']));
  });
});

describe('books users rearranged', () => {
  it('reads every table after its sheet was renamed and moved', async () => {
    const wb = await reload(initBook(xiachengSample()));
    for (const ws of wb.worksheets) ws.name = `${ws.name}（改）`;
    const [first, last] = [wb.worksheets[0], wb.worksheets[wb.worksheets.length - 1]];
    const [a, z] = [sheetOrder(first), sheetOrder(last)];
    setSheetOrder(first, z);
    setSheetOrder(last, a);
    const back = readSnapshot(await reload(wb));
    expect(back.tables.TD_Units.sheet).toBe('单位（改）');
    expect(snapshotToScenario(back)).toEqual(JSON.parse(JSON.stringify(xiachengSample())));
  });
});

describe('what a plan book carries', () => {
  let buffer: Buffer;
  beforeAll(async () => {
    const wb = await reload(initBook(xiachengSample()));
    runBook(wb, '2019Q3');
    buffer = await bookBuffer(await reload(wb), { properties: { 'td.note': '示例' } });
  });

  it('keeps custom document properties across load and save', async () => {
    const wb = new ExcelJS.Workbook();
    applyBookPlan(wb, { sheets: [{ sheet: 'S', ranges: [] }], tableUpdates: [], properties: {} });
    const first = await bookBuffer(wb, { properties: { 'td.kind': 'plan', 'td.version': '1' } });
    const again = await bookBuffer(await loadBookBuffer(first, 'b.xlsx'), {
      properties: { 'td.period': '2019Q3' },
    });
    expect(await readCustomProperties(await JSZip.loadAsync(again))).toEqual({
      'td.kind': 'plan',
      'td.version': '1',
      'td.period': '2019Q3',
    });
  });

  it('keeps the bulletin’s native chart when the book is loaded and saved again', async () => {
    const zip = await JSZip.loadAsync(buffer);
    expect(
      Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)),
    ).toHaveLength(1);
    expect(await sheetXml(buffer, '通报 2019Q3')).toContain('<drawing ');
  });

  it('keeps data validations as ranges, once each, after a reload', async () => {
    const xml = await sheetXml(buffer, '单位');
    expect([...xml.matchAll(/sqref="([^"]+)"/g)].map((m) => m[1])).toEqual(['C2:C517']);
    expect(xml).toContain('&quot;街道,部门,平台&quot;');
  });

  it('freezes header rows and formats percentages', async () => {
    const xml = await sheetXml(buffer, '考核结果');
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const wb = await loadBookBuffer(buffer, 'b.xlsx');
    expect(wb.getWorksheet('指标')!.getCell('F2').numFmt).toBe('0.0%');
    expect(wb.getWorksheet('考核结果')!.getCell('L2').numFmt).toBe('0.0%');
  });
});

describe('saving', () => {
  it('replaces the file through a temporary file and leaves nothing behind', async () => {
    const file = join(dir, 'atomic', 'book.xlsx');
    await saveBookAtomic(initBook(xiachengSample()), file);
    const wb = await loadBook(file);
    await saveBookAtomic(wb, file, { properties: { 'td.kind': 'plan' } });
    expect(readdirSync(join(dir, 'atomic'))).toEqual(['book.xlsx']);
    expect(Object.keys(readSnapshot(await loadBook(file)).tables)).toContain('TD_Units');
  });

  it('leaves the old file untouched and no temporary file when the rename fails', async () => {
    const target = join(dir, 'blocked');
    mkdirSync(join(target, 'book.xlsx'), { recursive: true });
    writeFileSync(join(target, 'book.xlsx', 'inside'), 'x');
    await expect(
      saveBookAtomic(initBook(xiachengSample()), join(target, 'book.xlsx')),
    ).rejects.toThrow();
    expect(readdirSync(target)).toEqual(['book.xlsx']);
    expect(readFileSync(join(target, 'book.xlsx', 'inside'), 'utf8')).toBe('x');
  });

  it('names the file when it is missing or not a workbook', async () => {
    await expect(loadBook(join(dir, 'nope.xlsx'))).rejects.toThrow(
      `${join(dir, 'nope.xlsx')}: cannot read the workbook (ENOENT)`,
    );
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a zip');
    await expect(loadBook(junk)).rejects.toThrow(
      new RegExp(`^${junk.replace(/[.]/g, '\\.')}: not an xlsx workbook`),
    );
    expect(existsSync(junk)).toBe(true);
  });
});
