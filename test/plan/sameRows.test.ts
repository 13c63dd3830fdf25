/**
 * run keeps the rows it replaces in TD_History only when they differ from the new ones
 * (src/plan/jobs/outputTables.ts): sameRows, comparing cell by cell, answers as the JSON of both rows
 * (numbers to 12 digits, '' as empty) did, on every generated pair of rows; TD_Quotas, compared in
 * place first, keeps exactly the rows the allocation does not reproduce.
 */
import { computeQuotas } from '../../src/engine/quotas';
import { planQuotaTable, sameRows } from '../../src/plan/jobs/outputTables';
import { readScenario } from '../../src/plan/scenarioTables';
import type { BookSnapshot, Scalar } from '../../src/plan/types';
import { xiachengSample } from '../../src/sample/xiacheng';
import { readSnapshot } from '../../src/xlsx';
import { NOW, initBook, runBook } from './books';
import { seededRandom } from '../../src/sample/seededRandom';

/** The comparison as released until 2026-11-29: each row's JSON. */
function releasedSameRows(a: Scalar[][], b: Scalar[][]): boolean {
  const norm = (v: Scalar) =>
    v === '' || v === undefined ? null : typeof v === 'number' ? Number(v.toPrecision(12)) : v;
  const key = (r: Scalar[]) => JSON.stringify(r.map(norm));
  return a.length === b.length && a.every((r, i) => key(r) === key(b[i]));
}

const VALUES = [
  null,
  undefined,
  '',
  'null',
  '1',
  1,
  1 + 1e-13,
  1.0001,
  0,
  -0,
  NaN,
  Infinity,
  -Infinity,
  true,
  'true',
  false,
  '考核',
] as Scalar[];

const random = (seed: number) => seededRandom(seed).next;

it('answers as the rows’ JSON did on 50,000 generated pairs', () => {
  const differ: number[] = [];
  let same = 0;
  for (let seed = 1; seed <= 50_000; seed++) {
    const next = random(seed);
    const pick = () => VALUES[Math.floor(next() * VALUES.length)];
    const a = Array.from({ length: 1 + Math.floor(next() * 3) }, () =>
      Array.from({ length: Math.floor(next() * 4) }, pick),
    );
    // b: a copy with a few cells, rows or lengths changed, so that both answers are frequent.
    const b = a.map((r) => r.map((v) => (next() < 0.15 ? pick() : v)));
    if (next() < 0.05) b[0].push(pick());
    if (next() < 0.03) b.pop();
    const expected = releasedSameRows(a, b);
    if (expected) same++;
    if (sameRows(a, b) !== expected) differ.push(seed);
  }
  expect(differ).toEqual([]);
  expect(same).toBeGreaterThan(10_000);
  expect(same).toBeLessThan(45_000);
});

it('treats a recalculation’s last bits, empty text and -0 as no change', () => {
  expect(sameRows([[1 / 3, '', -0, 'a']], [[1 / 3 + 1e-15, null, 0, 'a']])).toBe(true);
  expect(sameRows([[NaN]], [[null]])).toBe(true);
  expect(sameRows([[1, null]], [[1]])).toBe(false);
  expect(sameRows([['1']], [[1]])).toBe(false);
  expect(sameRows([[0.3334]], [[1 / 3]])).toBe(false);
});

describe('TD_Quotas rows a rerun replaces', () => {
  const wb = initBook(xiachengSample());
  runBook(wb, '2019Q3');
  const snapshot = readSnapshot(wb);
  const s = readScenario(snapshot).valid;
  const quotas = computeQuotas(s, 2019);
  const log = { time: NOW, action: '计算考核' };
  const withRows = (rows: Scalar[][]): BookSnapshot => ({
    ...snapshot,
    tables: { ...snapshot.tables, TD_Quotas: { ...snapshot.tables.TD_Quotas, rows } },
  });
  const rows = snapshot.tables.TD_Quotas.rows;
  const quotaCol = snapshot.tables.TD_Quotas.headers.indexOf('任务数');

  it('keeps none when the same rows come back, in place or in another order', () => {
    expect(rows.length).toBeGreaterThan(20);
    for (const body of [rows, [...rows].reverse()])
      expect(planQuotaTable(withRows(body), s, 2019, quotas, log).history).toEqual([]);
  });

  it('keeps exactly the rows the allocation does not reproduce, in the book’s order', () => {
    const changed = [...rows]
      .reverse()
      .map((r, i) => (i % 7 === 3 ? r.map((v, j) => (j === quotaCol ? Number(v) + 1 : v)) : r));
    const history = planQuotaTable(withRows(changed), s, 2019, quotas, log).history;
    const headers = snapshot.tables.TD_Quotas.headers;
    // TD_History keeps a replaced row as the JSON of its values by header.
    const kept = history.map((h) => JSON.parse(String(h.find((c) => String(c).startsWith('{')))));
    expect(kept).toEqual(
      changed
        .filter((_, i) => i % 7 === 3)
        .map((r) => Object.fromEntries(headers.map((h, j) => [h, r[j]]))),
    );
    expect(kept.length).toBeGreaterThan(2);
  });
});
