import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { loadBook, readSnapshot } from '../../src/xlsx';
import { readPackage } from '../../src/xlsx/zipPackage';
import { runCli } from '../support/cli';

/**
 * The foreign corpus (test/fixtures/foreign/, built by scripts/make-foreign-fixtures.js): books,
 * returns and lists saved by openpyxl, SheetJS, LibreOffice and ExcelJS, and Excel's 「Unicode 文本」
 * list, each read through the product and compared with NAME.expected.json.
 */
const FOREIGN = path.resolve(__dirname, '../fixtures/foreign');
const ROOT = path.resolve(__dirname, '../..');
let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-foreign-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Actual {
  indicator: string;
  unit: string;
  period: string;
  value: number;
}
const expected = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(FOREIGN, `${name}.expected.json`), 'utf8'));
const corpus = fs
  .readdirSync(FOREIGN)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace('.expected.json', ''));
const fileOf = (name: string) =>
  path.join(
    FOREIGN,
    fs.readdirSync(FOREIGN).find((f) => f.startsWith(`${name}.`) && !f.endsWith('.json'))!,
  );
const byKind = (kind: string) => corpus.filter((n) => expected(n).kind === kind);

function exported(book: string): { actuals: (Actual & { importedAt?: string })[] } {
  const r = runCli(['export', book]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const data = JSON.parse(r.stdout);
  for (const a of data.actuals ?? []) delete a.importedAt;
  return data;
}

it('holds books, returns and lists from openpyxl, SheetJS, LibreOffice, ExcelJS and Excel text', () => {
  expect(corpus.sort()).toEqual([
    'excel-unicode-list',
    'exceljs-return',
    'libreoffice-book',
    'libreoffice-list',
    'libreoffice-return',
    'openpyxl-book',
    'openpyxl-list',
    'openpyxl-return',
    'sheetjs-list',
    'sheetjs-return',
  ]);
});

it('openpyxl writes what ExcelJS alone cannot read: absolute targets and unprefixed drawings', async () => {
  const file = fileOf('openpyxl-return');
  const parts = readPackage(fs.readFileSync(file), file);
  expect(parts.get('xl/worksheets/_rels/sheet1.xml.rels')!.toString()).toContain(
    'Target="/xl/tables/table1.xml"',
  );
  expect(parts.get('xl/drawings/drawing1.xml')!.toString()).toMatch(
    /^<wsDr xmlns="http:\/\/schemas.openxmlformats.org\/drawingml\/2006\/spreadsheetDrawing">/,
  );
  await expect(
    new ExcelJS.Workbook().xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer),
  ).rejects.toThrow("Cannot read properties of undefined (reading 'anchors')");
});

describe.each(byKind('return'))('the return %s', (name) => {
  it('is imported with exactly the values typed into it', () => {
    const want: { scenario: string; actuals: Actual[] } = expected(name);
    const book = path.join(dir, `${name}-plan.xlsx`);
    expect(runCli(['init', '--scenario', path.join(ROOT, want.scenario), '--out', book]).code).toBe(
      0,
    );
    const r = runCli(['import-returns', book, fileOf(name)], '', undefined, {
      LANG: 'zh_CN.UTF-8',
    });
    expect(r.stdout).toContain(`${path.basename(fileOf(name))}: 已导入`);
    expect(r.code).toBe(0);
    const unit = want.actuals[0].unit;
    const got = exported(book)
      .actuals.filter((a) => a.unit === unit && a.period === '2019Q3')
      .map(({ indicator, unit, period, value }) => ({ indicator, unit, period, value }));
    expect(got).toEqual(want.actuals);
  });
});

describe.each(byKind('list'))('the list %s', (name) => {
  it('matches, counts and changes exactly what the original CSV list does', () => {
    const want = expected(name);
    const book = path.join(dir, `${name}-plan.xlsx`);
    expect(runCli(['init', '--sample', '--out', book]).code).toBe(0);
    const r = runCli(['import-list', book, fileOf(name), '--indicator', want.indicator, '--json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    for (const key of ['rows', 'matched', 'unmatched', 'duplicates', 'changes'])
      expect([key, report[key]]).toEqual([key, want[key]]);
  });
});

describe.each(byKind('book'))('the book %s', (name) => {
  it('exports exactly what the book it was saved from exports', async () => {
    const want = JSON.parse(fs.readFileSync(path.join(FOREIGN, expected(name).export), 'utf8'));
    expect(exported(fileOf(name))).toEqual(want);
    const snapshot = readSnapshot(await loadBook(fileOf(name)));
    expect(snapshot.tables.TD_Units.rows).toHaveLength(want.units.length);
  });
});
