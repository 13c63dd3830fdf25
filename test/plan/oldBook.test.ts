/**
 * A book made by the previous release (466c799, before 序时比例 and the over-time columns):
 * test/fixtures/plan/book-466c799-2019Q2.xlsx is that release's `init --sample` followed by its
 * `run --period 2019Q2`, as saved by its CLI. Today's run adds the missing columns to TD_Scores and
 * TD_Ranking (laying out 考核结果 afresh, rows carried over) and says so in TD_Log — through the
 * ExcelJS adapter (the CLI) and through the Office.js adapter (the simulated host), which write the
 * same cells; its figures for 2019Q3 are those of a book made today.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { InputError } from '../../src/engine/errors';
import { runJob } from '../../src/office';
import { TABLES } from '../../src/plan/bookSchema';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import type { BookSnapshot } from '../../src/plan/types';
import { xiachengSample } from '../../src/sample/xiacheng';
import { loadBookBuffer, readSnapshot } from '../../src/xlsx';
import { runCli } from '../support/cli';
import { ooxmlProblems } from '../support/ooxmlCheck';
import { dumpWorkbook, installSimulatedOffice } from '../support/simulatedExcel';
import { dumpExcelJs } from '../support/simulatedExcel/dumpExcelJs';
import { simFromExcelJs } from '../support/simulatedExcel/fromExcelJs';
import { initBook, reload, runBook } from './books';

const FIXTURE = path.join(__dirname, '../fixtures/plan/book-466c799-2019Q2.xlsx');
const NOW = '2019-10-15T09:00:00+08:00';
const OPENPYXL_LOAD = 'import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])';
const OLD_SCORES = TABLES.TD_Scores.columns
  .map((c) => c.header)
  .filter((h) => !['序时比例', '预计全年', '报送情况', '报送时间', '较上期'].includes(h));
const headers = (name: 'TD_Scores' | 'TD_Ranking') => TABLES[name].columns.map((c) => c.header);

async function load(file: string): Promise<ExcelJS.Workbook> {
  return loadBookBuffer(fs.readFileSync(file), path.basename(file));
}

/** A table's rows of one period as objects keyed by header. */
function periodRows(snapshot: BookSnapshot, table: string, period: string) {
  const t = snapshot.tables[table];
  return t.rows
    .filter((r) => r[0] === period)
    .map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

function pick(rows: Record<string, unknown>[], keys: string[]) {
  return rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
}

describe('a book made by the previous release (before the over-time columns)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-old-book-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is what that release wrote: TD_Scores without 序时比例 and the over-time columns', async () => {
    const tables = readSnapshot(await load(FIXTURE)).tables;
    expect(tables.TD_Scores.headers).toEqual(OLD_SCORES);
    expect(tables.TD_Scores.ref).toBe('A1:O49');
    expect(tables.TD_Ranking.headers).toEqual(headers('TD_Ranking').slice(0, 7));
    expect(tables.TD_Ranking.ref).toBe('Q1:W17');
    expect(tables.TD_BulletinText).toBeUndefined();
  });

  it('runs 2019Q3 through the CLI, gains the new columns, logs them, and scores as a new book', async () => {
    const book = path.join(dir, 'cli.xlsx');
    fs.copyFileSync(FIXTURE, book);
    const r = runCli(['run', book, '--period', '2019Q3']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Valid now, old validations' errorStyle="error" included: openpyxl refused the old file.
    expect(ooxmlProblems(book)).toEqual([]);
    const openpyxl = (file: string) =>
      spawnSync('/usr/bin/python3', ['-c', OPENPYXL_LOAD, file], { encoding: 'utf8' }).status;
    expect([openpyxl(FIXTURE), openpyxl(book)]).toEqual([1, 0]);
    const snapshot = readSnapshot(await load(book));
    expect(snapshot.tables.TD_Scores.headers).toEqual(headers('TD_Scores'));
    expect(snapshot.tables.TD_Ranking.headers).toEqual(headers('TD_Ranking'));
    expect([snapshot.tables.TD_Scores.sheet, snapshot.tables.TD_Ranking.ref]).toEqual([
      '考核结果',
      'V1:AD33',
    ]);
    const log = snapshot.tables.TD_Log.rows.at(-1)!;
    expect(log[4]).toMatch(
      /；TD_Scores 已增加新版的列“序时比例”、“预计全年”、“报送情况”、“报送时间”、“较上期”；TD_Ranking 已增加新版的列“上期名次”、“较上期”$/,
    );
    expect(JSON.parse(String(log[5])).addedColumns).toEqual({
      TD_Scores: ['序时比例', '预计全年', '报送情况', '报送时间', '较上期'],
      TD_Ranking: ['上期名次', '较上期'],
    });

    // The rows of 2019Q2, written by the old release, are kept with their 序时比例 from the profile.
    const q2 = periodRows(snapshot, 'TD_Scores', '2019Q2');
    expect(q2).toHaveLength(48);
    const pool = q2.find((x) => x['单位编号'] === 'wenchuang' && x['指标编号'] === 'pool_new')!;
    expect([pool['任务数'], pool['序时比例'], pool['序时目标']]).toEqual([11, 0.5, 5.5]);

    // A book made today, run for 2019Q2 and 2019Q3: the same 2019Q3 rows in the old columns and
    // 序时比例, and the same ranking with its moves.
    const fresh = await reload(initBook(xiachengSample()));
    runBook(fresh, '2019Q2');
    runBook(fresh, '2019Q3');
    const today = readSnapshot(await reload(fresh));
    const shared = [...OLD_SCORES, '序时比例', '预计全年', '较上期'];
    expect(pick(periodRows(snapshot, 'TD_Scores', '2019Q3'), shared)).toEqual(
      pick(periodRows(today, 'TD_Scores', '2019Q3'), shared),
    );
    expect(periodRows(snapshot, 'TD_Ranking', '2019Q3')).toEqual(
      periodRows(today, 'TD_Ranking', '2019Q3'),
    );

    // Run again: nothing left to add, nothing logged about it.
    expect(runCli(['run', book, '--period', '2019Q4']).code).toBe(0);
    const again = readSnapshot(await load(book)).tables.TD_Log.rows.at(-1)!;
    expect(again[4]).not.toMatch(/新版的列/);
    expect(JSON.parse(String(again[5])).addedColumns).toBeUndefined();
  });

  it('runs 2019Q3 in Excel (simulated host) to the same 考核结果 cells as the CLI', async () => {
    const workbook = simFromExcelJs(await load(FIXTURE));
    const office = installSimulatedOffice(globalThis, { workbook, apiVersion: '1.9' });
    try {
      const run = await runJob((s) => planRun(s, '2019Q3', { now: NOW }), {
        sheets: runSheetsToRead('2019Q3'),
      });
      // Read, write, and the frozen header row of the sheet laid out afresh.
      expect(run.syncs).toBe(3);
    } finally {
      office.uninstall();
    }
    expect(workbook.findTable('TD_Scores')!.headers()).toEqual(headers('TD_Scores'));
    expect(workbook.findTable('TD_Ranking')!.headers()).toEqual(headers('TD_Ranking'));

    const book = path.join(dir, 'for-office.xlsx');
    fs.copyFileSync(FIXTURE, book);
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);
    const expected = dumpExcelJs(await load(book));
    const actual = dumpWorkbook(workbook);
    const sheet = (d: typeof actual) => d.sheets.find((s) => s.name === '考核结果')!.cells;
    expect(sheet(actual)).toEqual(sheet(expected));
    const outputs = (d: typeof actual) =>
      d.tables.filter((t) => t.name === 'TD_Scores' || t.name === 'TD_Ranking');
    expect(outputs(actual)).toEqual(outputs(expected));
  });
});

describe('laying out the output sheet of an older book afresh', () => {
  let snapshot: BookSnapshot;
  beforeAll(async () => {
    snapshot = readSnapshot(await load(FIXTURE), runSheetsToRead('2019Q3'));
  });

  it('keeps a user’s own column of TD_Scores after the new ones, and moves TD_Ranking right of it', () => {
    const scores = snapshot.tables.TD_Scores;
    const withNote: BookSnapshot = {
      ...snapshot,
      tables: {
        ...snapshot.tables,
        TD_Scores: {
          ...scores,
          ref: 'A1:P49',
          headers: [...scores.headers, '核查人'],
          rows: scores.rows.map((r, i) => [...r, i === 0 ? '张三' : null]),
        },
      },
    };
    const sheet = planRun(withNote, '2019Q3', { now: NOW }).plan.sheets.find(
      (s) => s.sheet === '考核结果',
    )!;
    const [table, ranking] = sheet.tables!;
    expect(table.columns.map((c) => c.header)).toEqual([...headers('TD_Scores'), '核查人']);
    const first = table.rows[0];
    expect([first[0], first[1], first[4], first.at(-1)]).toEqual([
      '2019Q2',
      'wulin',
      'gqq_new',
      '张三',
    ]);
    expect([table.at, ranking.name, ranking.at]).toEqual(['A1', 'TD_Ranking', 'W1']);
  });

  it('leaves a current book whose user deleted a display column (单位名称) as it is', async () => {
    const current = readSnapshot(
      await reload(initBook(xiachengSample())),
      runSheetsToRead('2019Q3'),
    );
    const scores = current.tables.TD_Scores;
    const gone = scores.headers.indexOf('单位名称');
    const without: BookSnapshot = {
      ...current,
      tables: {
        ...current.tables,
        TD_Scores: {
          ...scores,
          headers: scores.headers.filter((_, i) => i !== gone),
          rows: scores.rows.map((r) => r.filter((_, i) => i !== gone)),
        },
      },
    };
    const { plan } = planRun(without, '2019Q3', { now: NOW });
    expect(plan.sheets.map((s) => s.sheet)).toEqual(['通报 2019Q3']);
    const update = plan.tableUpdates.find((u) => u.table === 'TD_Scores')!;
    expect(update.columns.map((c) => c.header)).toEqual(
      headers('TD_Scores').filter((h) => h !== '单位名称'),
    );
    const log = plan.tableUpdates.find((u) => u.table === 'TD_Log')!.rows[0];
    expect(JSON.parse(String(log[5])).addedColumns).toBeUndefined();
  });

  it('refuses, writing nothing, when that sheet holds a table the run does not rewrite', () => {
    const withNotes: BookSnapshot = {
      ...snapshot,
      tables: {
        ...snapshot.tables,
        备注表: { name: '备注表', sheet: '考核结果', ref: 'Z1:AA2', headers: ['a', 'b'], rows: [] },
      },
    };
    const run = () => planRun(withNotes, '2019Q3', { now: NOW });
    expect(run).toThrow(InputError);
    expect(run).toThrow(
      '考核结果 › 备注表: this version adds columns to TD_Scores, TD_Ranking; to make room it lays out sheet "考核结果" afresh, which also holds table 备注表: move that table to another sheet and run again (nothing was changed)',
    );
  });
});
