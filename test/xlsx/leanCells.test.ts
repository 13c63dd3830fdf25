/**
 * The lean scanner's quick cell reader (src/xlsx/leanLoad.ts) and its general one agree with
 * ExcelJS on every form of cell: the common forms it reads itself, and the rest it hands on.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as xlsx from '../../src/xlsx';
import { LEAN_SETTINGS, leanSheet } from '../../src/xlsx/leanSheet';
import { packageModel } from '../support/packageModel';

const initialRows = LEAN_SETTINGS.rows;
afterEach(() => {
  LEAN_SETTINGS.rows = initialRows;
});

const CELLS = [
  '<c r="A2" t="s"><v>0</v></c>',
  '<c r="B2" s="1"><v>1.5</v></c>',
  '<c r="C2" t="str"><f>A2&amp;"x"</f><v>甲x</v></c>',
  '<c r="D2" t="str"><f>B2*2</f><v>3</v></c>',
  '<c r="E2" t="b"><f>TRUE()</f><v>1</v></c>',
  '<c r="F2" t="n"><v>7</v></c>',
  '<c r="G2" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
  '<c r="H2"><f>B2+1</f></c>',
  '<c r="I2" t="str"><v>a&amp;b</v></c>',
  '<c r="J2" s="1" t="s"><v>1</v></c>',
  '<c r="K2" t="s" s="1"><v>0</v></c>',
  '<c r="L2"><v></v></c>',
  '<c r="M2" s="1"/>',
  '<c r="N2"><f>B2</f><v>0</v></c>',
  '<c r="O2" s="1"><f>B2</f><v>44000</v></c>',
  '<c r="P2" s="1" t="str"><f>IF(B2&gt;0,&quot;&quot;,1)</f><v></v></c>',
  '<c r="Q2" t="str"><v>x&amp;y&#10;z&lt;</v></c>',
  '<c r="R2"><f>B2&lt;&gt;1\r\n</f><v>1</v></c>',
  '<c r="S2" t="s"><v></v></c>',
];

async function book(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.addTable({
    name: 'T',
    ref: 'A1',
    columns: CELLS.map((_, j) => ({ name: j ? `列${j}` : '甲' })),
    rows: [CELLS.map(() => 1), CELLS.map(() => 2)],
  });
  ws.getCell('Z9').numFmt = 'yyyy-mm-dd';
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  const patched = xml.replace(
    /<row r="2"([^>]*)>[\s\S]*?<\/row>/,
    `<row r="2"$1>${CELLS.join('')}</row>`,
  );
  expect(patched).not.toBe(xml);
  // s="1" is the date format of Z9, so numbers under it read as dates.
  expect(patched).toContain('<c r="Z9" s="1"');
  zip.file(part, patched);
  return zip.generateAsync({ type: 'nodebuffer' });
}

it('reads every form of cell as ExcelJS loads it', async () => {
  const bytes = await book();
  const plain = await xlsx.loadBookBuffer(bytes, 'book.xlsx', { lean: false });
  LEAN_SETTINGS.rows = 0;
  const lean = await xlsx.loadBookBuffer(bytes, 'book.xlsx');
  expect(leanSheet(lean.getWorksheet('表')!)).toBeDefined();
  const expected = xlsx.readSnapshot(plain, ['表']);
  expect(xlsx.readSnapshot(lean, ['表'])).toEqual(expected);
  expect(expected.tables.T.rows[0]).toEqual([
    '甲',
    '1899-12-31T12:00:00',
    '甲x',
    '3',
    true,
    7,
    '#DIV/0!',
    null,
    'a&b',
    expect.any(String),
    '甲',
    null,
    null,
    0,
    '2020-06-18',
    null,
    'x&y\nz<',
    1,
    null,
  ]);
});

/**
 * A loaded ExcelJS cell's value as lean rows keep it: numbers ExcelJS turned into dates (a date
 * format) as the serial numbers in the file, a formula with its cached result as the cell holds it
 * (ExcelJS's `value` getter drops a result of 0).
 */
function asRead(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const serial = (v: unknown) => (v instanceof Date ? v.getTime() / 86400000 + 25569 : v);
  if (cell.type !== ExcelJS.ValueType.Formula) return serial(cell.value) as ExcelJS.CellValue;
  const result = serial(cell.result);
  return (
    result === undefined ? { formula: cell.formula } : { formula: cell.formula, result }
  ) as ExcelJS.CellValue;
}

it('keeps every cell value, formula and style as ExcelJS loads them', async () => {
  const bytes = await book();
  const plain = (await xlsx.loadBookBuffer(bytes, 'book.xlsx', { lean: false })).getWorksheet(
    '表',
  )!;
  LEAN_SETTINGS.rows = 0;
  const lean = leanSheet((await xlsx.loadBookBuffer(bytes, 'book.xlsx')).getWorksheet('表')!)!;
  const cells = CELLS.map((_, j) => lean.rows[1]!.cells[j]);
  expect(cells.map((c) => c?.value ?? null)).toEqual(
    CELLS.map((_, j) => asRead(plain.getCell(2, j + 1))),
  );
  expect(cells.map((c) => c?.style?.numFmt)).toEqual(
    CELLS.map((_, j) => plain.getCell(2, j + 1).style.numFmt),
  );
  expect(cells[15]?.value).toEqual({ formula: 'IF(B2>0,"",1)' });
  expect(cells[17]?.value).toEqual({ formula: 'B2<>1\n', result: 1 });
});

/** Row tags as writers leave them: the row number alone, and with what ExcelJS reads of a row. */
const ROWS = [
  '<row r="3" spans="1:2" x14ac:dyDescent="0.25">',
  '<row r="4" ht="30" customHeight="1" spans="1:2">',
  '<row r="5" spans="1:2" hidden="1">',
  '<row r="6" s="1" customFormat="1">',
  '<row r="7" x14ac:dyDescent="0.25" outlineLevel="1" collapsed="1">',
  "<row r='8' ht='12.5'>",
  '<row  r="9">',
];

it('reads every form of row tag as ExcelJS does, and saves it the same', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.addTable({
    name: 'T',
    ref: 'A1',
    columns: [{ name: '甲' }, { name: '乙' }],
    rows: ROWS.concat('<row r="10">', '<row r="11">').map((_, i) => [`行${i + 2}`, i]),
  });
  ws.getCell('Z20').numFmt = '0.00%';
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  const xml = await zip.file(part)!.async('string');
  let patched = xml;
  for (const tag of ROWS) {
    const r = /r=['"](\d+)/.exec(tag)![1];
    patched = patched.replace(new RegExp(`<row r="${r}"[^>]*>`), tag);
  }
  expect(patched.match(/<row [^>]*>/g)).toEqual(expect.arrayContaining(ROWS));
  expect(patched).toContain('<c r="Z20" s="1"');
  zip.file(part, patched);
  const bytes = await zip.generateAsync({ type: 'nodebuffer' });
  const plain = await xlsx.loadBookBuffer(bytes, 'book.xlsx', { lean: false });
  LEAN_SETTINGS.rows = 0;
  const lean = await xlsx.loadBookBuffer(bytes, 'book.xlsx');
  const rows = leanSheet(lean.getWorksheet('表')!)!.rows;
  expect([rows[3]?.height, rows[4]?.hidden, rows[5]?.style?.numFmt, rows[6]?.outlineLevel]).toEqual(
    [30, true, '0.00%', 1],
  );
  expect(await packageModel(await xlsx.bookFileBytes(lean))).toEqual(
    await packageModel(await xlsx.bookFileBytes(plain)),
  );
});
