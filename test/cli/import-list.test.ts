import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Scenario } from '../../src/engine/types';
import { bookDiscrepancies } from '../../src/plan/jobs/actualsLedger';
import { readScenario } from '../../src/plan/scenarioTables';
import { loadBook, readSnapshot } from '../../src/xlsx';
import { runCli } from '../support/cli';
import { editWorkbook, RETURNS_SCENARIO } from '../support/planBook';

/**
 * A 300-row list against a 240-enterprise registry. Enterprise i belongs to unit i mod 4 and is
 * recognised in quarter ⌊i/4⌋ mod 4 + 1 of 2019, so each unit has 15 recognitions a quarter:
 * cumulative 15, 30, 45, 60. The list writes the names the way lists do — full-width brackets,
 * spaces before 分公司, full-width lower-case Latin, a former name with the credit code — then
 * lists 30 certificates a second time and 30 enterprises the registry lacks.
 */
const UNITS = ['wulin', 'tianshui', 'chaohui', 'keji'];
const registryName = (i: number) =>
  [`杭州星${i}科技(集团)有限公司`, `浙江云${i}网络有限公司杭州分公司`, `杭州ABC${i}软件有限公司`][
    i % 3
  ];
const listName = (i: number) =>
  i % 10 === 0
    ? `曾用名${i}有限公司`
    : [
        `杭州星${i}科技（集团）有限公司`,
        `浙江云${i}网络有限公司 杭州分公司`,
        `杭州ａｂｃ${i}软件有限公司`,
      ][i % 3];
const code = (i: number) => `91330103MA27${String(i).padStart(6, '0')}`;
const issued = (i: number) => `2019-${String((Math.floor(i / 4) % 4) * 3 + 2).padStart(2, '0')}-15`;

let dir: string;
let book: string;
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

async function writeList(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['2019年度第一、二、三、四批高新技术企业名单（测试）']);
  ws.mergeCells('A1:F1');
  ws.addRow(['序号', '企业名称', '统一社会信用代码', '证书编号', '发证日期', '备注']);
  for (let i = 0; i < 240; i++)
    ws.addRow([
      i + 1,
      listName(i),
      i % 2 === 0 && i % 10 === 0 ? code(i) : '',
      `GR2019330${String(i).padStart(5, '0')}`,
      issued(i),
      '',
    ]);
  for (let i = 0; i < 30; i++)
    ws.addRow([
      241 + i,
      `  ${registryName(i)} `,
      '',
      ` GR2019330${String(i).padStart(5, '0')}`,
      issued(i),
      '重复公示',
    ]);
  for (let k = 0; k < 30; k++)
    ws.addRow([
      271 + k,
      `杭州未登记${k}科技有限公司`,
      '',
      `GR2019339${String(k).padStart(5, '0')}`,
      '2019-11-27',
      '',
    ]);
  await wb.xlsx.writeFile(file);
}

function exported(): Scenario {
  const r = runCli(['export', book]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}
const listActuals = (s: Scenario, unit: string) =>
  s.actuals
    .filter((a) => a.unit === unit && a.indicator === 'gqq_new')
    .map((a) => [a.period, a.value, a.source])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-list-'));
  book = path.join(dir, 'plan.xlsx');
  const scenario: Scenario = {
    ...RETURNS_SCENARIO,
    registry: Array.from({ length: 240 }, (_, i) => ({
      name: registryName(i),
      ...(i % 2 === 0 ? { creditCode: code(i) } : {}),
      unit: UNITS[i % 4],
    })),
  };
  fs.writeFileSync(path.join(dir, 'scenario.json'), JSON.stringify(scenario));
  expect(runCli(['init', '--scenario', path.join(dir, 'scenario.json'), '--out', book]).code).toBe(
    0,
  );
  await writeList(path.join(dir, 'list.xlsx'));
  // 武林街道 reports 3 new 国高企 by 2019Q3 before the list arrives.
  expect(runCli(['templates', book, '--period', '2019Q3', '--out-dir', dir]).code).toBe(0);
  await editWorkbook(
    path.join(dir, '2019Q3-武林街道-季度报表.xlsx'),
    path.join(dir, 'wulin.xlsx'),
    (ws) => {
      ws.getCell('E14').value = 3;
    },
  );
  expect(runCli(['import-returns', book, path.join(dir, 'wulin.xlsx')]).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('target-desk import-list', () => {
  it('refuses a list without the columns it needs and leaves the book byte for byte', () => {
    const before = sha(book);
    const r = runCli([
      'import-list',
      book,
      path.resolve(__dirname, '../fixtures/bad/list-no-certificate-column.csv'),
      '--indicator',
      'gqq_new',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'list-no-certificate-column.csv: no header "证书编号" in the first 20 rows',
    );
    expect(sha(book)).toBe(before);
  });

  it('reproduces the hand-counted numbers of a 300-row list, and reports 核对差异 against the return', async () => {
    const r = runCli([
      'import-list',
      book,
      path.join(dir, 'list.xlsx'),
      '--indicator',
      'gqq_new',
      '--json',
    ]);
    // Rows are left unmatched (the 30 enterprises the registry lacks): exit 3, the rest applied.
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect([
      report.rows,
      report.matched,
      report.unmatched.length,
      report.duplicates.length,
    ]).toEqual([300, 240, 30, 30]);
    expect(report.duplicates[0]).toEqual({
      row: 243,
      name: '杭州星0科技(集团)有限公司',
      certificate: 'GR201933000000',
    });
    expect(report.unmatched[29]).toEqual({ row: 302, name: '杭州未登记29科技有限公司' });
    for (const unit of UNITS) {
      expect(
        report.counts
          .filter((c: { unit: string }) => c.unit === unit)
          .map((c: { count: number }) => c.count),
      ).toEqual([15, 30, 45, 60]);
    }
    expect(report.discrepancies).toEqual([
      { unit: 'wulin', indicator: 'gqq_new', period: '2019Q3', reported: 3, listed: 45 },
    ]);
    const s = exported();
    expect(listActuals(s, 'wulin')).toEqual([
      ['2019Q1', 15, 'list'],
      ['2019Q2', 30, 'list'],
      ['2019Q3', 45, 'list'],
      ['2019Q4', 60, 'list'],
    ]);
    // The bulletin's 核对差异 come from the book: the return outranked by the list is kept in TD_History.
    const snapshot = readSnapshot(await loadBook(book));
    expect(bookDiscrepancies(snapshot, readScenario(snapshot).scenario.actuals, '2019Q3')).toEqual([
      { unit: 'wulin', indicator: 'gqq_new', reported: 3, listed: 45 },
    ]);
  });

  it('is idempotent: importing the same list again changes nothing', () => {
    const before = exported().actuals;
    const r = runCli([
      'import-list',
      book,
      path.join(dir, 'list.xlsx'),
      '--indicator',
      'gqq_new',
      '--json',
    ]);
    // Rows are left unmatched (the 30 enterprises the registry lacks): exit 3, the rest applied.
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.changes).toEqual([]);
    expect([report.rows, report.matched, report.duplicates.length]).toEqual([300, 240, 30]);
    expect(exported().actuals).toEqual(before);
  });

  it('remembers --assign and an edited 单位编号 cell in the registry, and counts those rows', async () => {
    // 杭州未登记1科技有限公司: the user types 天水街道's id into its 未匹配 row of TD_Recognitions.
    await editWorkbook(book, book, (_ws, wb) => {
      const ws = wb.getWorksheet('认定名单')!;
      ws.eachRow((row) => {
        if (row.getCell(2).value === '杭州未登记1科技有限公司') row.getCell(8).value = 'tianshui';
      });
    });
    const r = runCli([
      'import-list',
      book,
      path.join(dir, 'list.xlsx'),
      '--indicator',
      'gqq_new',
      '--assign',
      '杭州未登记0科技有限公司=wulin',
      '--json',
    ]);
    // Rows are left unmatched (the 30 enterprises the registry lacks): exit 3, the rest applied.
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.registryAdded).toEqual([
      { name: '杭州未登记1科技有限公司', unit: 'tianshui' },
      { name: '杭州未登记0科技有限公司', unit: 'wulin' },
    ]);
    expect(report.unmatched.length).toBe(28);
    expect(report.changes).toEqual([
      { unit: 'wulin', period: '2019Q4', old: 60, new: 61 },
      { unit: 'tianshui', period: '2019Q4', old: 60, new: 61 },
    ]);
    const s = exported();
    expect(s.registry.slice(240)).toEqual([
      { name: '杭州未登记1科技有限公司', unit: 'tianshui' },
      { name: '杭州未登记0科技有限公司', unit: 'wulin' },
    ]);
  });

  it('refuses an unknown indicator and an unknown unit in --assign, changing nothing', () => {
    const before = sha(book);
    const args = ['import-list', book, path.join(dir, 'list.xlsx'), '--indicator', 'nope'];
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--indicator: unknown indicator "nope"');
    const zh = runCli(args, '', undefined, { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain('--indicator: 未知指标「nope」');
    const a = runCli([
      'import-list',
      book,
      path.join(dir, 'list.xlsx'),
      '--indicator',
      'gqq_new',
      '--assign',
      '杭州未登记2科技有限公司=xihu',
    ]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('--assign 杭州未登记2科技有限公司=xihu: unknown unit "xihu"');
    expect(sha(book)).toBe(before);
  });

  it('reports in the CLI language, and --json carries its notes as codes', () => {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'td-list-lang-'));
    try {
      const sample = path.join(own, 'b.xlsx');
      expect(runCli(['init', '--sample', '--out', sample]).code).toBe(0);
      const known = JSON.parse(runCli(['export', sample]).stdout).registry[0].name;
      const list = path.join(own, 'l.csv');
      fs.writeFileSync(
        list,
        `企业名称,证书编号,发证日期\n${known},GR201933009999,2019-11-30\n某某未登记科技有限公司,GR201933009998,2019-11-30\n${known}二,GR201533009997,2015-05-01\n`,
      );
      const args = ['import-list', sample, list, '--indicator', 'gqq_new'];
      const zh = runCli(args, '', undefined, { LANG: 'zh_CN.UTF-8' }).stdout.split('\n');
      expect(zh[0]).toBe('l.csv: 指标 gqq_new，名单 3 行，匹配 1，未匹配 2，重复证书 0');
      expect(zh).toContain(
        '  未匹配 第3行 某某未登记科技有限公司（在认定名单表填写单位编号后重新导入，或用 --assign）',
      );
      expect(zh).toContain('  提示 l.csv: 2015 年不在本计划的年度内，名单中该年的企业不计入完成数');
      expect(zh.find((l) => l.startsWith('  变更'))).toMatch(
        /^ {2}变更 11 项；wulin 2019Q4 空 → 0；.*；kuamao 2019Q4 空 → 1；/,
      );
      const en = runCli(args).stdout.split('\n');
      expect(en[0]).toBe(
        'l.csv: indicator gqq_new, 3 rows in the list, 1 matched, 2 unmatched, 0 repeated certificates',
      );
      expect(en).toContain(
        '  unmatched row 3 某某未登记科技有限公司 (type its unit id in the 认定名单 sheet and import again, or use --assign)',
      );
      expect(en).toContain(
        "  note l.csv: 2015 is not one of the plan's years: the list's enterprises of that year are not counted",
      );
      // The same list again (now in English) changes nothing.
      expect(en).toContain('  0 changes');
      const json = JSON.parse(runCli([...args, '--json']).stdout);
      expect(json.warnings).toEqual([
        { code: 'list.yearOutsidePlan', where: 'l.csv', args: { year: 2015 } },
      ]);
      expect(json.unmatched.map((u: { row: number }) => u.row)).toEqual([3, 4]);
    } finally {
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('says in the CLI language that a list matching nothing writes nothing', () => {
    const before = sha(book);
    const list = path.join(dir, 'none.csv');
    fs.writeFileSync(
      list,
      '企业名称,证书编号,发证日期\n某某未登记科技有限公司,GR201933009998,2019-11-30\n',
    );
    const args = ['import-list', book, list, '--indicator', 'gqq_new'];
    const zh = runCli(args, '', undefined, { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      `${list}: 没有一行与企业库匹配，未写入任何内容（可用 --assign 指定单位后重新导入）\n`,
    );
    expect(runCli(args).stderr).toBe(
      `${list}: no row matches the registry (企业库); nothing written (assign units with --assign and import again)\n`,
    );
    expect(sha(book)).toBe(before);
  });

  it('puts the 核对差异 into the bulletin that run writes', async () => {
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const rows: string[] = [];
    wb.getWorksheet('通报 2019Q3')!.eachRow((row) =>
      rows.push(
        (row.values as unknown[])
          .slice(1)
          .filter((v) => v !== null && v !== undefined)
          .join('|'),
      ),
    );
    const at = rows.findIndex((r) => r.includes('核对差异'));
    expect(at).toBeGreaterThan(0);
    expect(rows.slice(at).some((r) => r.includes('武林街道') && r.includes('|3|45'))).toBe(true);
  });
});
