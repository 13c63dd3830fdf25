import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { applyBookPlan, loadBook, readSnapshot, saveBookAtomic } from '../../src/xlsx';
import { spawnSync } from 'child_process';
import { BIN, runCli } from '../support/cli';
import { editWorkbook } from '../support/planBook';
import { NOTE, notedSheet, notesAndKeys } from '../plan/userEdits';

const dir = mkdtempSync(join(tmpdir(), 'td-cli-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLE = join(dir, 'sample.xlsx');
beforeAll(() => {
  expect(runCli(['init', '--sample', '--out', SAMPLE]).code).toBe(0);
});

function copy(name: string): string {
  const file = join(dir, name);
  copyFileSync(SAMPLE, file);
  return file;
}

/** Objects keyed by header of a table's rows. */
async function rows(book: string, table: string): Promise<Record<string, unknown>[]> {
  const t = readSnapshot(await loadBook(book)).tables[table];
  return t.rows
    .filter((r) => r.some((v) => v !== null))
    .map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

async function edit(
  book: string,
  change: (wb: Awaited<ReturnType<typeof loadBook>>) => void,
): Promise<void> {
  const wb = await loadBook(book);
  change(wb);
  await saveBookAtomic(wb, book);
}

describe('target-desk run', () => {
  it('writes into --out and leaves the original byte for byte', async () => {
    const book = copy('out-source.xlsx');
    const bytes = readFileSync(book);
    const out = join(dir, 'out.xlsx');
    const r = runCli(['run', book, '--period', '2019Q3', '--out', out]);
    expect(r).toEqual({
      code: 0,
      stdout: `${out}: 2019Q3 computed (16 units), bulletin sheet "通报 2019Q3" written\n`,
      stderr: '',
    });
    const zh = runCli([
      'run',
      book,
      '--period',
      '2019Q3',
      '--out',
      join(dir, 'out-zh.xlsx'),
      '--lang',
      'zh-CN',
    ]);
    expect(zh.stdout).toBe(
      `${join(dir, 'out-zh.xlsx')}: 已计算 2019Q3（16 个单位），生成「通报 2019Q3」\n`,
    );
    expect(readFileSync(book).equals(bytes)).toBe(true);
    const snap = readSnapshot(await loadBook(out), ['通报 2019Q3']);
    expect(snap.sheetNames).toContain('通报 2019Q3');
    expect(snap.tables.TD_Scores.rows.length).toBeGreaterThan(40);
  });

  it.each([
    [
      'a missing table',
      'no-table.xlsx',
      (wb: Awaited<ReturnType<typeof loadBook>>) =>
        wb.getWorksheet('分解依据')!.removeTable('TD_Basis'),
      'TD_Basis: table not found (it belongs on sheet "分解依据"; was it deleted or renamed?)',
    ],
    [
      'a missing header',
      'no-header.xlsx',
      (wb: Awaited<ReturnType<typeof loadBook>>) => {
        wb.getWorksheet('目标')!.getCell('C1').value = '目标';
      },
      '目标 › TD_Targets: missing column "目标值"',
    ],
    [
      'a bad cell',
      'bad-cell.xlsx',
      (wb: Awaited<ReturnType<typeof loadBook>>) => {
        wb.getWorksheet('目标')!.getCell('E3').value = 'hare';
      },
      '目标 › TD_Targets › 第3行 › 分解方法: unknown method "hare"',
    ],
  ])(
    'refuses a book with %s, naming it, and leaves the file byte for byte',
    async (_, name, change, message) => {
      const book = copy(name);
      await edit(book, change);
      const bytes = readFileSync(book);
      const r = runCli(['run', book, '--period', '2019Q3']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`target-desk run: ${message}`)).toBe(true);
      expect(readFileSync(book).equals(bytes)).toBe(true);
    },
  );

  it('refuses a bad period before touching anything', () => {
    const r = runCli(['run', SAMPLE, '--period', '2019Q5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--period: not a period: "2019Q5"');
  });

  it('dates the bulletin with --date, or with today where the user is', async () => {
    const dated = join(dir, 'dated.xlsx');
    expect(
      runCli(['run', SAMPLE, '--period', '2019Q3', '--out', dated, '--date', '2019-10-15']).code,
    ).toBe(0);
    const grid = readSnapshot(await loadBook(dated), ['通报 2019Q3']).sheets['通报 2019Q3'];
    // The sample's 文号: its first bulletin of 2019 in this book.
    expect(grid.flat()).toContain(
      '下科创办〔2019〕1号　　区科技创新工作领导小组办公室　　2019年10月15日',
    );

    const today = join(dir, 'today.xlsx');
    // Hangzhou is UTC+8: at 07:00 there it is still the previous day in UTC.
    const r = spawnSync(
      process.execPath,
      [BIN, 'run', SAMPLE, '--period', '2019Q3', '--out', today],
      {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'Asia/Shanghai' },
      },
    );
    expect(r.status).toBe(0);
    const d = new Date(Date.now() + 8 * 3600e3);
    const expected = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    expect(
      readSnapshot(await loadBook(today), ['通报 2019Q3'])
        .sheets['通报 2019Q3'].flat()
        .join(' '),
    ).toContain(expected);
  });

  it('refuses a malformed --date, naming it, before touching anything', () => {
    const bytes = readFileSync(SAMPLE);
    const r = runCli(['run', SAMPLE, '--period', '2019Q3', '--date', '2019-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('target-desk run: --date: not a date: "2019-02-30" (write YYYY-MM-DD)\n');
    expect(readFileSync(SAMPLE).equals(bytes)).toBe(true);
  });

  it('after an actual is edited in the sheet, a new run updates the scores and keeps the old values', async () => {
    const book = copy('edit.xlsx');
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);
    expect(
      JSON.parse(runCli(['export', book]).stdout).actuals.find(
        (a: { indicator: string; unit: string; period: string }) =>
          a.indicator === 'gqq_new' && a.unit === 'wulin' && a.period === '2019Q3',
      ),
    ).toBeDefined();
    const before = (await rows(book, 'TD_Scores')).find(
      (r) => r['单位编号'] === 'wulin' && r['指标编号'] === 'gqq_new',
    )!;

    await edit(book, (wb) => {
      const t = readSnapshot(wb).tables.TD_Actuals;
      const i = t.rows.findIndex(
        (r) => r[0] === 'gqq_new' && r[1] === 'wulin' && r[2] === '2019Q3',
      );
      wb.getWorksheet(t.sheet)!.getCell(i + 2, 4).value = (before['完成数'] as number) + 5;
    });
    const r = runCli(['run', book, '--period', '2019Q3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/; the \d+ replaced rows of earlier results kept in TD_History\n$/);

    const after = (await rows(book, 'TD_Scores')).find(
      (x) => x['单位编号'] === 'wulin' && x['指标编号'] === 'gqq_new',
    )!;
    expect(after['完成数']).toBe((before['完成数'] as number) + 5);
    expect(after['完成率']).toBeCloseTo(
      ((before['完成数'] as number) + 5) / (before['任务数'] as number),
      12,
    );
    const history = (await rows(book, 'TD_History')).map((h) => ({
      table: h['表'],
      row: JSON.parse(h['被替换的行（JSON）'] as string),
    }));
    expect(history).toContainEqual({ table: 'TD_Scores', row: before });
    const log = await rows(book, 'TD_Log');
    expect(log.map((l) => l['操作'])).toEqual(['新建计划簿', '计算考核', '计算考核']);
    expect(log[2]['结果']).toMatch(/被替换的 \d+ 行旧数据存入 TD_History/);
  });

  it('refuses to overwrite a bulletin edited by hand unless --force', async () => {
    const book = copy('bulletin.xlsx');
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);
    await edit(book, (wb) => {
      wb.getWorksheet('通报 2019Q3')!.getCell('A1').value =
        '关于2019年第三季度工作的通报（修改稿）';
    });
    const bytes = readFileSync(book);
    const refused = runCli(['run', book, '--period', '2019Q3']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '通报 2019Q3: this bulletin was changed after it was generated',
    );
    expect(readFileSync(book).equals(bytes)).toBe(true);
    expect(runCli(['run', book, '--period', '2019Q3', '--force']).code).toBe(0);
    const kept = (await rows(book, 'TD_History'))
      .filter((h) => h['表'] === '通报 2019Q3')
      .map((h) => h['被替换的行（JSON）']);
    expect(kept).toContain(JSON.stringify(['关于2019年第三季度工作的通报（修改稿）']));
  });

  it('keeps a column a user added to TD_Scores and TD_Actuals, each value on its row, through run and import-returns', async () => {
    // The Office.js adapter's twin is in test/office/userColumns.test.ts.
    const book = copy('user-columns.xlsx');
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);
    await edit(book, (wb) => {
      const s = readSnapshot(wb);
      applyBookPlan(wb, {
        sheets: [notedSheet(s, s.tables.TD_Scores.sheet), notedSheet(s, s.tables.TD_Actuals.sheet)],
        tableUpdates: [],
      });
    });
    const noted = readSnapshot(await loadBook(book));
    const notedScores = notesAndKeys(noted, 'TD_Scores');
    const notedActuals = notesAndKeys(noted, 'TD_Actuals');
    expect(notedScores.length).toBeGreaterThan(40);
    expect(notedActuals.length).toBeGreaterThan(40);

    const templates = join(dir, 'user-columns-templates');
    expect(runCli(['templates', book, '--period', '2019Q3', '--out-dir', templates]).code).toBe(0);
    const files = readdirSync(templates).sort().slice(0, 3);
    for (const [k, f] of files.entries()) {
      await editWorkbook(join(templates, f), join(templates, f), (ws) => {
        for (let r = 14; r <= 20; r++)
          if (ws.getCell(r, 1).value) ws.getCell(r, 5).value = 20 + k + r;
      });
    }
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);
    expect(runCli(['import-returns', book, ...files.map((f) => join(templates, f))]).code).toBe(0);
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);

    const after = readSnapshot(await loadBook(book));
    for (const [table, was] of [
      ['TD_Scores', notedScores],
      ['TD_Actuals', notedActuals],
    ] as const) {
      expect(after.tables[table].headers[after.tables[table].headers.length - 1]).toBe(NOTE);
      const got = notesAndKeys(after, table);
      const keys = new Set(was.map((r) => r.key));
      expect(got.map((r) => r.note)).toEqual(got.map((r) => (keys.has(r.key) ? r.key : null)));
      expect(
        got
          .filter((r) => r.note !== null)
          .map((r) => r.note)
          .sort(),
      ).toEqual(was.map((r) => r.note).sort());
    }
    // TD_Scores is back in the run's order, not the user's reversed one.
    expect(notesAndKeys(after, 'TD_Scores').map((r) => r.key)).toEqual(
      notedScores.map((r) => r.key).reverse(),
    );
    expect((await rows(book, 'TD_Log')).filter((r) => r['操作'] === '导入季度报表').length).toBe(3);
    // The returns changed values: the rows they replaced are in TD_History.
    expect(
      (await rows(book, 'TD_History')).filter((r) => r['表'] === 'TD_Actuals').length,
    ).toBeGreaterThan(0);
  });
});
