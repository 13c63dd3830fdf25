/**
 * Lean sheets (src/xlsx/leanSheet.ts) change nothing a book says: books loaded lean read the same
 * snapshot as books loaded into ExcelJS's cells, and jobs applied and saved lean write packages that
 * mean the same (test/support/packageModel.ts) and pass the schemas.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { planInit } from '../../src/plan/jobs/init';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { importListJob } from '../../src/plan/jobs/importList';
import { importReturnsJob } from '../../src/plan/jobs/importReturns';
import { templatesJob } from '../../src/plan/jobs/templates';
import type { BookPlan, BookSnapshot } from '../../src/plan/types';
import { xiachengSample } from '../../src/sample/xiacheng';
import { otherBooks } from '../support/otherBooks';
import * as xlsx from '../../src/xlsx';
import { validationModel } from '../../src/xlsx/excelInternals';
import { LEAN_SETTINGS, leanSheet } from '../../src/xlsx/leanSheet';
import { csvGrid } from '../../src/xlsx/returnFile';
import { filledReturns } from '../support/filledReturns';
import { ooxmlProblems } from '../support/ooxmlCheck';
import { packageModel } from '../support/packageModel';

const NOW = '2019-10-15T09:00:00+08:00';
// The bench's province (JavaScript over dist/, built before the tests run).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { province } = require('../../bench/assess.js') as {
  province: () => Parameters<typeof planInit>[0];
};

/** The product's threshold (the suite may run with TARGET_DESK_LEAN_ROWS=0, which this file sets itself). */
const defaultRows = 1000;
const initialRows = LEAN_SETTINGS.rows;
afterEach(() => {
  LEAN_SETTINGS.rows = initialRows;
});

async function saved(plan: BookPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  xlsx.applyBookPlan(wb, plan);
  return xlsx.bookFileBytes(wb, { properties: plan.properties });
}

/** Loads `book` with sheets above `rows` rows lean (Infinity: none), or plain ExcelJS. */
async function load(book: Buffer, rows: number): Promise<ExcelJS.Workbook> {
  LEAN_SETTINGS.rows = rows;
  return Number.isFinite(rows)
    ? xlsx.loadBookBuffer(book, 'book.xlsx')
    : xlsx.loadBookBuffer(book, 'book.xlsx', { lean: false });
}

function leanCount(wb: ExcelJS.Workbook): number {
  return wb.worksheets.filter((ws) => leanSheet(ws)).length;
}

let sample: Buffer;
let sampleRun: Buffer;
let provinceBook: Buffer;

beforeAll(async () => {
  sample = await saved(planInit(xiachengSample(), { now: NOW }));
  const wb = await load(sample, Infinity);
  xlsx.applyBookPlan(
    wb,
    planRun(xlsx.readSnapshot(wb, runSheetsToRead('2019Q3')), '2019Q3', { now: NOW }).plan,
  );
  sampleRun = await xlsx.bookFileBytes(wb);
  provinceBook = await saved(planInit({ ...province(), registry: [] }, { now: NOW }));
});

describe('a book loaded lean', () => {
  const books = () =>
    [
      ['the sample', sample],
      ['the sample after run 2019Q3', sampleRun],
      ['the province', provinceBook],
      ...otherBooks(),
    ] as [string, Buffer][];

  it('reads the same snapshot (every table, every sheet) as one loaded into ExcelJS cells', async () => {
    let leanSheets = 0;
    for (const [name, book] of books()) {
      const plain = await load(book, Infinity);
      const sheets = plain.worksheets.map((ws) => ws.name);
      const expected = xlsx.readSnapshot(plain, sheets);
      const lean = await load(book, 0);
      leanSheets += leanCount(lean);
      expect({ name, snapshot: xlsx.readSnapshot(lean, sheets) }).toEqual({
        name,
        snapshot: expected,
      });
      // The validations as ExcelJS holds them for writing, in order (leanValidations.ts).
      const validations = (wb: ExcelJS.Workbook) =>
        wb.worksheets.map((ws) =>
          Object.entries(validationModel(ws)).map(([k, v]) => [k, JSON.stringify(v)]),
        );
      expect({ name, validations: validations(lean) }).toEqual({
        name,
        validations: validations(plain),
      });
    }
    // Every table sheet of the plan books is lean at threshold 0; foreign books have some too.
    expect(leanSheets).toBeGreaterThan(40);
  });

  it('keeps only sheets with a table above the threshold lean', async () => {
    const wb = await load(provinceBook, defaultRows);
    expect(wb.worksheets.filter((ws) => leanSheet(ws)).map((ws) => ws.name)).toEqual([
      '分解依据',
      '完成情况',
    ]);
  });
});

/** A job run on `book` and saved, with big sheets lean (rows) or none (Infinity). */
async function jobBytes(
  book: Buffer,
  rows: number,
  job: (s: BookSnapshot) => { plan: BookPlan },
  sheets: string[] = [],
): Promise<Buffer> {
  const wb = await load(book, rows);
  const { plan } = job(xlsx.readSnapshot(wb, sheets));
  xlsx.applyBookPlan(wb, plan);
  return xlsx.bookFileBytes(wb, { properties: plan.properties });
}

async function expectSameMeaning(
  book: Buffer,
  job: (s: BookSnapshot) => { plan: BookPlan },
  sheets: string[] = [],
  thresholds = [0],
): Promise<void> {
  const expected = await packageModel(await jobBytes(book, Infinity, job, sheets));
  for (const rows of thresholds) {
    const bytes = await jobBytes(book, rows, job, sheets);
    expect(await packageModel(bytes)).toEqual(expected);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'td-lean-')), 'book.xlsx');
    fs.writeFileSync(file, bytes);
    expect(ooxmlProblems(file)).toEqual([]);
  }
}

it('saves a lean sheet whose stub row ExcelJS writes empty (no styles, its strings elsewhere)', async () => {
  const wb = new ExcelJS.Workbook();
  for (const name of ['甲', '乙']) {
    const ws = wb.addWorksheet(name);
    ws.addTable({
      name: `T_${name}`,
      ref: 'A1',
      columns: [{ name: '单位' }, { name: '数' }],
      rows: [
        ['上城', 1],
        ['下城', 2.5],
      ],
    });
  }
  const plain = Buffer.from(await wb.xlsx.writeBuffer());
  const lean = await load(plain, 0);
  expect(leanCount(lean)).toBe(2);
  const expected = await xlsx.bookFileBytes(await load(plain, Infinity));
  expect(await packageModel(await xlsx.bookFileBytes(lean))).toEqual(await packageModel(expected));
});

it('refuses to save a lean sheet edited through ExcelJS cells rather than lose the edit', async () => {
  const wb = await load(sample, 0);
  const ws = wb.getWorksheet('完成情况')!;
  expect(leanSheet(ws)).toBeDefined();
  ws.getCell('D2').value = 7;
  await expect(xlsx.bookFileBytes(wb)).rejects.toThrow(
    'lean sheet 完成情况: a cell was written through ExcelJS, not its lean rows',
  );
});

describe('a job applied and saved lean', () => {
  const run = (s: BookSnapshot) => planRun(s, '2019Q3', { now: NOW, force: true });

  it('run: the same package as through ExcelJS cells, schema-valid (sample, first and second run)', async () => {
    await expectSameMeaning(sample, run, runSheetsToRead('2019Q3'));
    await expectSameMeaning(sampleRun, run, runSheetsToRead('2019Q3'));
  });

  it('run on the province: the same package with the default threshold', async () => {
    const provinceRun = (s: BookSnapshot) => planRun(s, '2020Q2', { now: NOW, force: true });
    await expectSameMeaning(provinceBook, provinceRun, runSheetsToRead('2020Q2'), [defaultRows]);
  });

  it('import-list: a list that makes 认定名单 big moves it lean, and means the same', async () => {
    const registry = xiachengSample().registry;
    const lines = ['企业名称,证书编号,发证日期'];
    for (let i = 0; i < 1500; i++)
      lines.push(
        `${registry[i % registry.length].name},GR2019${String(i).padStart(6, '0')},2019-09-0${1 + (i % 9)}`,
      );
    const list = csvGrid(Buffer.from(lines.join('\n'), 'utf8'), '认定名单.csv');
    const job = (s: BookSnapshot) =>
      importListJob(s, list, { indicator: 'gqq_new', assign: {}, now: NOW });
    await expectSameMeaning(sample, job, [], [defaultRows, 0]);
    const wb = await load(sample, defaultRows);
    xlsx.applyBookPlan(wb, job(xlsx.readSnapshot(wb)).plan);
    expect(leanSheet(wb.getWorksheet('认定名单')!)).toBeDefined();
  });

  it('templates and import-returns: the same package', async () => {
    const files = await filledReturns(xlsx.readSnapshot(await load(sample, Infinity)), NOW);
    await expectSameMeaning(sample, (s) => templatesJob(s, { period: '2019Q3', now: NOW }));
    await expectSameMeaning(sampleRun, (s) => importReturnsJob(s, files, { now: NOW }));
  });
});
