/**
 * Books this release did not write: one made by an earlier release and the foreign corpus (saved by
 * openpyxl, SheetJS, LibreOffice, ExcelJS, Excel), as name and bytes, for tests that read every
 * book two ways and compare.
 */
import * as fs from 'fs';
import * as path from 'path';

const FIXTURES = path.join(__dirname, '../fixtures');

export function otherBooks(): [string, Buffer][] {
  const foreign = path.join(FIXTURES, 'foreign');
  return [
    ['an old release', fs.readFileSync(path.join(FIXTURES, 'plan/book-466c799-2019Q2.xlsx'))],
    ...fs
      .readdirSync(foreign)
      .filter((f) => f.endsWith('.xlsx'))
      .map((f): [string, Buffer] => [f, fs.readFileSync(path.join(foreign, f))]),
  ];
}
