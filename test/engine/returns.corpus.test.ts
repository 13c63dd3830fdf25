import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { InputError, formatProblemIn } from '../../src/engine/errors';
import { importListJob } from '../../src/plan/jobs/importList';
import { importReturnsJob } from '../../src/plan/jobs/importReturns';
import { planInit } from '../../src/plan/jobs/init';
import { BookSnapshot } from '../../src/plan/types';
import { applyBookPlan, readSnapshot } from '../../src/xlsx';
import { readGridFile } from '../../src/xlsx/returnFile';
import { RETURNS_SCENARIO } from '../support/planBook';

/** The malformed corpus of test/fixtures/bad (made by generate.js): each file's exact errors. */
const BAD = path.join(__dirname, '../fixtures/bad');
interface Case {
  kind: 'return' | 'list';
  file: string;
  exit: number;
  errors: string[];
  warnings: string[];
  values?: Record<string, number>;
  rows?: number;
  matched?: number;
  unmatched?: unknown[];
  duplicates?: unknown[];
  counts?: unknown[];
}
const cases: Case[] = JSON.parse(fs.readFileSync(path.join(BAD, 'cases.json'), 'utf8'));

let snapshot: BookSnapshot;
beforeAll(() => {
  const wb = new ExcelJS.Workbook();
  applyBookPlan(wb, planInit(RETURNS_SCENARIO, { now: '2019-10-01T00:00:00.000Z' }));
  snapshot = readSnapshot(wb);
});

const NOW = '2019-10-10T08:00:00.000Z';

it('holds at least 20 malformed files, returns and lists', () => {
  expect(cases.filter((c) => c.errors.length > 0).length).toBeGreaterThanOrEqual(20);
  expect(cases.filter((c) => c.kind === 'list').length).toBeGreaterThanOrEqual(8);
});

describe.each(cases.filter((c) => c.kind === 'return'))('return $file', (c) => {
  it(`is ${c.exit ? 'refused with exactly its errors' : 'accepted'}`, async () => {
    let errors: string[];
    let warnings: string[] = [];
    let values: Record<string, number> = {};
    try {
      const book = await readGridFile(path.join(BAD, c.file));
      const { report } = importReturnsJob(snapshot, [book], { now: NOW });
      errors = report.files[0].errors.map((p) => formatProblemIn(p, 'zh-CN'));
      warnings = report.files[0].warnings.map((p) => formatProblemIn(p, 'zh-CN'));
      values = Object.fromEntries(report.files[0].values.map((v) => [v.indicator, v.value]));
      expect(report.files[0].status).toBe(c.exit ? 'rejected' : 'accepted');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors = e.problems.map((p) => formatProblemIn(p, 'zh-CN'));
    }
    expect(errors).toEqual(c.errors);
    expect(warnings).toEqual(c.warnings);
    if (c.values) expect(values).toEqual(c.values);
  });
});

describe.each(cases.filter((c) => c.kind === 'list'))('list $file', (c) => {
  it(`is ${c.exit ? 'refused with exactly its errors' : 'read with the hand-counted numbers'}`, async () => {
    try {
      const list = await readGridFile(path.join(BAD, c.file));
      const { report } = importListJob(snapshot, list, {
        indicator: 'gqq_new',
        assign: {},
        now: NOW,
      });
      expect(c.errors).toEqual([]);
      expect({
        rows: report.rows,
        matched: report.matched,
        unmatched: report.unmatched,
        duplicates: report.duplicates,
        counts: report.counts,
      }).toEqual({
        rows: c.rows,
        matched: c.matched,
        unmatched: c.unmatched,
        duplicates: c.duplicates,
        counts: c.counts,
      });
      expect(report.warnings.map((p) => formatProblemIn(p, 'en-US'))).toEqual(c.warnings);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      expect(e.problems.map((p) => formatProblemIn(p, 'zh-CN'))).toEqual(c.errors);
    }
  });
});
