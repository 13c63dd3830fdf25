import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { bookBuffer } from '../../src/xlsx';
import { normaliseParts } from '../../src/xlsx/normalisePackage';
import { readGridFile } from '../../src/xlsx/returnFile';
import { readPackage, storedPackage } from '../../src/xlsx/zipPackage';
import { initBook } from '../plan/books';
import { xiachengSample } from '../../src/sample/xiacheng';
import { runCli } from '../support/cli';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const dir = mkdtempSync(join(tmpdir(), 'td-normalise-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let template: string;

beforeAll(async () => {
  const book = join(dir, 'plan.xlsx');
  writeFileSync(book, await bookBuffer(initBook(xiachengSample())));
  expect(runCli(['templates', book, '--period', '2019Q3', '--out-dir', join(dir, 't')]).code).toBe(
    0,
  );
  template = join(dir, 't', '2019Q3-武林街道-季度报表.xlsx');
});

describe('normaliseParts', () => {
  it('leaves a package ExcelJS reads as it is, byte for byte', () => {
    const parts = readPackage(readFileSync(template), template);
    const before = new Map(parts);
    expect(normaliseParts(parts, 'r.xlsx')).toEqual([]);
    expect(parts).toEqual(before);
  });

  it('puts SpreadsheetML written on a prefix (as the Open XML SDK does) back on the default namespace', async () => {
    const parts = readPackage(readFileSync(template), template);
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/tables/table1.xml', 'xl/workbook.xml']) {
      const xml = parts.get(name)!.toString('utf8');
      parts.set(
        name,
        Buffer.from(
          xml
            .replace(/<(\/?)(?![?!])([A-Za-z]+[\s/>])/g, '<$1x:$2')
            .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`),
        ),
      );
    }
    expect(parts.get('xl/worksheets/sheet1.xml')!.toString()).toMatch(/<x:worksheet xmlns:x=/);
    const prefixed = join(dir, 'prefixed.xlsx');
    writeFileSync(prefixed, storedPackage(parts, new Map()));
    // ExcelJS alone fails on it; through the front door it reads as the template does.
    await expect(
      new ExcelJS.Workbook().xlsx.load(readFileSync(prefixed) as unknown as ExcelJS.Buffer),
    ).rejects.toThrow("Cannot set properties of undefined (setting 'sheetNo')");
    expect(await readGridFile(prefixed)).toEqual({
      ...(await readGridFile(template)),
      file: 'prefixed.xlsx',
    });
  });

  it('makes absolute targets relative to their source part, leaving external ones alone', () => {
    const rels = (xml: string) =>
      new Map([['xl/worksheets/_rels/sheet1.xml.rels', Buffer.from(xml)]]);
    const parts = rels(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="t" Target="/xl/tables/table1.xml"/>' +
        '<Relationship Id="rId2" Type="t" Target="/xl/worksheets/other.xml"/>' +
        '<Relationship Id="rId3" Type="h" Target="/x/y.html" TargetMode="External"/>' +
        '</Relationships>',
    );
    expect(normaliseParts(parts, 'r.xlsx')).toEqual(['xl/worksheets/_rels/sheet1.xml.rels']);
    expect(parts.get('xl/worksheets/_rels/sheet1.xml.rels')!.toString()).toBe(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="t" Target="../tables/table1.xml"/>' +
        '<Relationship Id="rId2" Type="t" Target="other.xml"/>' +
        '<Relationship Id="rId3" Type="h" Target="/x/y.html" TargetMode="External"/>' +
        '</Relationships>',
    );
  });

  it('names the file and the part when a part it must rewrite is not well-formed XML', () => {
    const parts = new Map([
      [
        'xl/drawings/drawing1.xml',
        Buffer.from(
          '<wsDr xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><a>',
        ),
      ],
    ]);
    expect(() => normaliseParts(parts, 'bad.xlsx')).toThrow(
      /^bad\.xlsx: part xl\/drawings\/drawing1\.xml is not well-formed XML/,
    );
  });
});
