/**
 * The bulletin fingerprint (src/plan/jobs/sheetHash.ts) is stored in every book's TD_Log and compared
 * on the next run, so it must stay what books already hold: the hash, now fed cell by cell, equals
 * the one built from the whole text as before, on generated grids and on real bulletins.
 */
import * as fs from 'fs';
import * as path from 'path';
import { planRun } from '../../src/plan/jobs/run';
import { gridHash, sheetPlanGrid } from '../../src/plan/jobs/sheetHash';
import type { Scalar } from '../../src/plan/types';
import { xiachengSample } from '../../src/sample/xiacheng';
import { applyBookPlan, loadBookBuffer, readSnapshot } from '../../src/xlsx';
import { NOW, initBook } from './books';
import { seededRandom } from '../../src/sample/seededRandom';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { province } = require('../../bench/assess.js') as {
  province: () => Parameters<typeof initBook>[0];
};

/** The fingerprint as computed until 2026-11-29: every token, line and the text built, then hashed. */
function releasedHash(grid: readonly (readonly (Scalar | undefined)[] | undefined)[]): string {
  const token = (v: Scalar | undefined): string => {
    if (v === null || v === undefined || v === '') return '';
    if (typeof v === 'number') return `n${Number(v.toPrecision(12))}`;
    if (typeof v === 'boolean') return `b${v}`;
    return `s${v}`;
  };
  const rows = grid.map((r) => Array.from(r ?? [], token));
  const used = (r: string[]) => r.some((t) => t !== '');
  while (rows.length && !used(rows[rows.length - 1])) rows.pop();
  while (rows.length && !used(rows[0])) rows.shift();
  let left = Infinity;
  for (const r of rows) {
    const i = r.findIndex((t) => t !== '');
    if (i >= 0) left = Math.min(left, i);
  }
  const text = rows
    .map((r) => {
      const cells = r.slice(left === Infinity ? 0 : left);
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      return cells.join('\u0001');
    })
    .join('\u0002');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const random = (seed: number) => seededRandom(seed).next;

const VALUES: (Scalar | undefined)[] = [
  null,
  undefined,
  '',
  ' ',
  '通报',
  'a\u0001b',
  '\u0002',
  0,
  -0,
  1 / 3,
  1 / 3 + 1e-15,
  2e21,
  999_999_999_999,
  1e12,
  -123_456_789_012,
  1_234_567_890_123,
  123_456_789_012.5,
  42,
  1e-7,
  -12.5,
  true,
  false,
  '2020-07-10',
  'n1',
];

function grid(seed: number): (Scalar | undefined)[][] {
  const next = random(seed);
  const rows = Math.floor(next() * 7);
  return Array.from({ length: rows }, () => {
    const width = Math.floor(next() * 6);
    // Mostly empty, as sheets are, so that trimming rows and columns is exercised.
    return Array.from({ length: width }, () =>
      next() < 0.5 ? null : VALUES[Math.floor(next() * VALUES.length)],
    );
  });
}

it('equals the released fingerprint on 20,000 generated grids', () => {
  const differ: number[] = [];
  for (let seed = 1; seed <= 20_000; seed++) {
    const g = grid(seed);
    if (gridHash(g) !== releasedHash(g)) differ.push(seed);
  }
  expect(differ).toEqual([]);
  expect(gridHash([])).toBe(releasedHash([]));
  expect(gridHash([[], [null, '']])).toBe(gridHash([]));
});

it('equals the released fingerprint of the sample and province bulletins, planned and read back', () => {
  const books: [Parameters<typeof initBook>[0], string][] = [
    [xiachengSample(), '2019Q3'],
    [{ ...province(), registry: [] }, '2020Q2'],
  ];
  for (const [s, period] of books) {
    const wb = initBook(s);
    const { plan } = planRun(readSnapshot(wb, []), period, { now: NOW });
    const bulletin = plan.sheets.find((sheet) => sheet.sheet.startsWith('通报'))!;
    const planned = sheetPlanGrid(bulletin);
    expect(planned.length).toBeGreaterThan(period === '2019Q3' ? 30 : 5000);
    expect(gridHash(planned)).toBe(releasedHash(planned));
    applyBookPlan(wb, plan);
    const read = readSnapshot(wb, [bulletin.sheet]).sheets[bulletin.sheet];
    expect(gridHash(read)).toBe(releasedHash(read));
    expect(gridHash(read)).toBe(gridHash(planned));
  }
});

it('is the fingerprint books hold: the one an earlier release logged for its bulletin', async () => {
  const book = fs.readFileSync(path.join(__dirname, '../fixtures/plan/book-466c799-2019Q2.xlsx'));
  const sheet = '通报 2019Q2';
  for (const options of [{ replaced: [sheet] }, { lean: false }]) {
    const snapshot = readSnapshot(await loadBookBuffer(book, 'book.xlsx', options), [sheet]);
    const log = snapshot.tables.TD_Log;
    const logged = log.rows[1][log.headers.indexOf('校验值')];
    expect(logged).toBe('1005428e5d460b');
    expect(gridHash(snapshot.sheets[sheet])).toBe(logged);
  }
  expect(gridHash([['通报'], [], [null, 1 / 3, true, '']])).toBe('0e3aea685bd4b8');
});
