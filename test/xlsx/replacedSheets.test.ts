/**
 * Sheets loaded as values only (src/xlsx/replacedSheets.ts, run's bulletin): they read the same
 * values as through ExcelJS's cells, a run that replaces them writes the same package, an edited
 * bulletin is refused or kept in TD_History the same way, and a book still holding one is not saved.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { planInit } from '../../src/plan/jobs/init';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import type { BookPlan } from '../../src/plan/types';
import { xiachengSample } from '../../src/sample/xiacheng';
import { otherBooks } from '../support/otherBooks';
import * as xlsx from '../../src/xlsx';
import { replacedSheetValues } from '../../src/xlsx/replacedSheets';
import { packageModel } from '../support/packageModel';

const NOW = '2019-10-15T09:00:00+08:00';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { province } = require('../../bench/assess.js') as {
  province: () => Parameters<typeof planInit>[0];
};

async function saved(plan: BookPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  xlsx.applyBookPlan(wb, plan);
  return xlsx.bookFileBytes(wb, { properties: plan.properties });
}

/** `run` of `period` on `book` and saved, the bulletin loaded as values only or not. */
async function runBytes(
  book: Buffer,
  period: string,
  replaced: boolean,
  force = true,
): Promise<Buffer> {
  const sheets = runSheetsToRead(period);
  const wb = await xlsx.loadBookBuffer(book, 'book.xlsx', replaced ? { replaced: sheets } : {});
  const { plan } = planRun(xlsx.readSnapshot(wb, sheets), period, { now: NOW, force });
  xlsx.applyBookPlan(wb, plan);
  return xlsx.bookFileBytes(wb, { properties: plan.properties });
}

/** A sheet with what merges do on loading: values under slave cells, merges past the last row. */
async function mergedBook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表').getCell('A1').value = 1;
  const ws = wb.addWorksheet('通报');
  ws.getCell('A1').value = '标题';
  ws.mergeCells('A1:D1');
  ws.getCell('B3').value = 3.5;
  ws.getCell('C3').value = { formula: 'B3*2', result: 7 };
  ws.getCell('D3').value = new Date(Date.UTC(2020, 6, 10));
  ws.getCell('E3').value = '';
  ws.mergeCells('A3:A5');
  ws.getCell('B4').style = { font: { bold: true } };
  ws.getCell('F7').value = true;
  ws.mergeCells('E9:F12'); // rows without a cell of their own, the last rows of the sheet
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  // Values under slave cells, as other programs may leave them: ExcelJS drops them on loading.
  const zip = await JSZip.loadAsync(bytes);
  const part = 'xl/worksheets/sheet2.xml';
  const xml = await zip.file(part)!.async('string');
  // Formulas with cached values (text, a number, a date) and one without, alone in the last row.
  const dateStyle = /<c r="D3" s="(\d+)"/.exec(xml)![1];
  const formulas =
    '<row r="13"><c r="B13" t="str"><f>A1&amp;&quot;x&quot;</f><v>标题x</v></c>' +
    `<c r="C13"><f>B3*2</f><v>7</v></c><c r="D13" s="${dateStyle}"><f>D3</f><v>44022</v></c></row>` +
    '<row r="14"><c r="G14"><f>1+1</f></c></row>';
  const patched = xml
    .replace(/<c r="B1"([^>]*?)\/>/, '<c r="B1"$1><v>9</v></c>')
    .replace(/<c r="A4"([^>]*?)\/>/, '<c r="A4"$1 t="str"><v>下</v></c>')
    .replace('</sheetData>', `${formulas}</sheetData>`);
  expect(patched).not.toBe(xml);
  zip.file(part, patched);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * mergedBook with merges ExcelJS never writes but reads: a reversed range (C8:B7: master B7), a
 * one-cell range, and `mergeCell` written as an element with content. `$` names a range with `$`
 * signs, which is left to ExcelJS's cells (still read the same); `overlap` two ranges that overlap,
 * which ExcelJS refuses to load.
 */
async function oddMergesBook(variant: 'plain' | '$' | 'overlap'): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await mergedBook());
  const part = 'xl/worksheets/sheet2.xml';
  const xml = await zip.file(part)!.async('string');
  const extra = {
    plain: '<mergeCell ref="C8:B7"/><mergeCell ref="H2"/><mergeCell ref="H4:H5"></mergeCell>',
    $: '<mergeCell ref="$C$8:$B$7"/>',
    overlap: '<mergeCell ref="C8:B7"/><mergeCell ref="C8:C9"/>',
  }[variant];
  const patched = xml
    .replace(
      /<mergeCells count="(\d+)">/,
      (_, n) => `<mergeCells count="${Number(n) + extra.split('<mergeCell ').length - 1}">${extra}`,
    )
    .replace(/<row r="7"([^>]*)>/, '<row r="7"$1><c r="B7"><v>71</v></c><c r="C7"><v>72</v></c>')
    .replace('<row r="9"', '<row r="8"><c r="B8"><v>81</v></c></row><row r="9"')
    .replace('<row r="3"', '<row r="2"><c r="H2"><v>2</v></c></row><row r="3"');
  expect(patched.match(/<c r="[BCH][278]"/g)).toHaveLength(4);
  zip.file(part, patched);
  return zip.generateAsync({ type: 'nodebuffer' });
}

let sampleRun: Buffer;
let provinceRun: Buffer;

beforeAll(async () => {
  const sample = await saved(planInit(xiachengSample(), { now: NOW }));
  sampleRun = await runBytes(sample, '2019Q3', false);
  const provinceBook = await saved(planInit({ ...province(), registry: [] }, { now: NOW }));
  provinceRun = await runBytes(provinceBook, '2020Q2', false);
});

it('reads every sheet without a table as ExcelJS cells read it, and the rest of the book the same', async () => {
  const books = [
    ['the sample after run 2019Q3', sampleRun],
    ['the province after run 2020Q2', provinceRun],
    ['merges and slave values', await mergedBook()],
    ['odd merges', await oddMergesBook('plain')],
    ['merges with $ signs', await oddMergesBook('$')],
    ...otherBooks(),
  ] as [string, Buffer][];
  let valuesOnly = 0;
  for (const [name, book] of books) {
    const plain = await xlsx.loadBookBuffer(book, 'book.xlsx', { lean: false });
    const sheets = plain.worksheets.map((ws) => ws.name);
    const expected = xlsx.readSnapshot(plain, sheets);
    const lean = await xlsx.loadBookBuffer(book, 'book.xlsx', { replaced: sheets });
    valuesOnly += lean.worksheets.filter((ws) => replacedSheetValues(ws)).length;
    if (name.includes('after run'))
      expect(lean.worksheets.filter((ws) => replacedSheetValues(ws)).map((ws) => ws.name)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^通报 20/)]),
      );
    expect({ name, snapshot: xlsx.readSnapshot(lean, sheets) }).toEqual({
      name,
      snapshot: expected,
    });
    expect({ name, snapshot: expected }).toEqual({
      name,
      snapshot: xlsx.readSnapshot(lean, sheets),
    });
  }
  // The bulletins and the other sheets without a table (说明, TD_Charts, foreign sheets) of 13 books.
  expect(valuesOnly).toBeGreaterThanOrEqual(13);
});

it('reads merged sheets as ExcelJS does: slave cells empty, their rows kept', async () => {
  const wb = await xlsx.loadBookBuffer(await mergedBook(), 'book.xlsx', { replaced: ['通报'] });
  const ws = wb.getWorksheet('通报')!;
  expect(replacedSheetValues(ws)).toEqual([
    ['标题'],
    [],
    [null, 3.5, 7, '2020-07-10'],
    [],
    [],
    [],
    [null, null, null, null, null, true],
    [],
    [],
    [],
    [],
    [],
    [null, '标题x', 7, '2020-07-10'],
    [],
  ]);
});

it('reads merges ExcelJS reads but does not write without ExcelJS, the rest through its cells', async () => {
  const plainMerges = await xlsx.loadBookBuffer(await oddMergesBook('plain'), 'book.xlsx', {
    replaced: ['通报'],
  });
  expect(replacedSheetValues(plainMerges.getWorksheet('通报')!)).toEqual([
    ['标题'],
    [null, null, null, null, null, null, null, 2],
    [null, 3.5, 7, '2020-07-10'],
    [],
    [],
    [],
    [null, 71, null, null, null, true],
    [],
    [],
    [],
    [],
    [],
    [null, '标题x', 7, '2020-07-10'],
    [],
  ]);
  const dollars = await xlsx.loadBookBuffer(await oddMergesBook('$'), 'book.xlsx', {
    replaced: ['通报'],
  });
  expect(replacedSheetValues(dollars.getWorksheet('通报')!)).toBeUndefined();
  for (const options of [{ replaced: ['通报'] }, { lean: false }])
    await expect(
      xlsx.loadBookBuffer(await oddMergesBook('overlap'), 'book.xlsx', options),
    ).rejects.toMatchObject({
      problems: [
        { code: 'file.notWorkbook', args: { detail: 'Cannot merge already merged cells' } },
      ],
    });
});

describe('run with its bulletin loaded as values only', () => {
  it('writes the same package (sample and province, replacing the bulletin)', async () => {
    for (const [book, period] of [
      [sampleRun, '2019Q3'],
      [provinceRun, '2020Q2'],
    ] as const) {
      expect(await packageModel(await runBytes(book, period, true))).toEqual(
        await packageModel(await runBytes(book, period, false)),
      );
    }
  });

  it('refuses an edited bulletin alike, and with force keeps the same history', async () => {
    const wb = await xlsx.loadBookBuffer(sampleRun, 'book.xlsx');
    const sheet = runSheetsToRead('2019Q3')[0];
    wb.getWorksheet(sheet)!.getCell('A2').value = '改过的副标题';
    const edited = await xlsx.bookFileBytes(wb);
    for (const replaced of [true, false])
      await expect(runBytes(edited, '2019Q3', replaced, false)).rejects.toMatchObject({
        problems: [{ code: 'bulletin.edited', where: sheet }],
      });
    const withHistory = await runBytes(edited, '2019Q3', true);
    const model = await packageModel(withHistory);
    expect(model).toEqual(await packageModel(await runBytes(edited, '2019Q3', false)));
    expect(JSON.stringify(model)).toContain('改过的副标题');
  });
});

it('refuses to save a book whose values-only sheet was not replaced', async () => {
  const wb = await xlsx.loadBookBuffer(sampleRun, 'book.xlsx', {
    replaced: runSheetsToRead('2019Q3'),
  });
  await expect(xlsx.bookFileBytes(wb)).rejects.toThrow(/loaded as values only .* not replaced/);
});
