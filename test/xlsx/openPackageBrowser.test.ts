import * as path from 'path';
import * as fs from 'fs';
import { openPackage } from '../../src/xlsx/openPackage';
import { readXlsxGrid } from '../../src/xlsx/returnFile';
import { canInflate } from '../../src/xlsx/zipPackage';
import { craftPackage } from '../support/zipBomb';

/**
 * The browser build maps zlib to nothing (webpack.config.js): the front door works without Node's
 * inflater and CRC (ExcelJS, loaded here too, keeps the rest of zlib it needs in Node).
 */
jest.mock('zlib', () => ({
  ...jest.requireActual('zlib'),
  inflateRawSync: undefined,
  crc32: undefined,
}));

const FOREIGN = path.resolve(__dirname, '../fixtures/foreign');

it('has no zlib here, as in the browser', () => {
  expect(canInflate()).toBe(false);
});

it('reads and normalises an openpyxl return with jszip inflating', async () => {
  const file = path.join(FOREIGN, 'openpyxl-return.xlsx');
  const grid = await readXlsxGrid(fs.readFileSync(file), 'openpyxl-return.xlsx');
  expect(grid.sheets[0].tables).toEqual([{ name: 'TD_Return', ref: 'A13:F16' }]);
  expect(grid.sheets[0].cells.slice(13, 16).map((r) => r[4])).toEqual([3, 2, 88.5]);
});

it('refuses a bomb from the directory before jszip inflates anything', async () => {
  const bomb = craftPackage([
    {
      name: 'xl/worksheets/sheet1.xml',
      content: Buffer.alloc(1500),
      declaredSize: 1536 * 1024 * 1024,
    },
  ]);
  await expect(openPackage(bomb, 'bomb.xlsx')).rejects.toThrow(
    'bomb.xlsx: refused: the package expands to more than 100 MB (at least 1536 MB by part xl/worksheets/sheet1.xml); nothing read',
  );
});
