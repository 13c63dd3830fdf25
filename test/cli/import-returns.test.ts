import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { runCli } from '../support/cli';
import { editWorkbook } from '../support/planBook';
import { readGridFile } from '../../src/xlsx/returnFile';

/** Templates → filled by hand (some right, some broken) → import: exact actuals, errors and exit codes. */
const SCENARIO = path.resolve(__dirname, '../fixtures/returns/scenario.json');
let dir: string;
let book: string;
const tpl = (unit: string) => path.join(dir, 'templates', `2019Q3-${unit}-季度报表.xlsx`);
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

function actuals(): {
  indicator: string;
  unit?: string;
  period: string;
  value: number;
  source?: string;
  file?: string;
}[] {
  const r = runCli(['export', book]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).actuals.map(({ importedAt, ...a }: { importedAt?: string }) => a);
}

async function table(name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  for (const ws of wb.worksheets) {
    const t = ws
      .getTables()
      .find((x) => (x as unknown as { table: { name: string } }).table.name === name);
    if (!t) continue;
    const ref = (t as unknown as { table: { tableRef: string } }).table.tableRef;
    const [from, to] = ref.split(':').map((a) => Number(/\d+/.exec(a)![0]));
    const rows: unknown[][] = [];
    for (let r = from + 1; r <= to; r++) rows.push((ws.getRow(r).values as unknown[]).slice(1));
    return rows;
  }
  throw new Error(`no table ${name}`);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-returns-'));
  book = path.join(dir, 'plan.xlsx');
  expect(runCli(['init', '--scenario', SCENARIO, '--out', book]).code).toBe(0);
  const t = runCli([
    'templates',
    book,
    '--period',
    '2019Q3',
    '--out-dir',
    path.join(dir, 'templates'),
  ]);
  expect(t.code).toBe(0);
  const fill = (unit: string, out: string, values: Record<string, unknown>) =>
    editWorkbook(tpl(unit), path.join(dir, out), (ws) => {
      for (const [cell, v] of Object.entries(values))
        ws.getCell(cell).value = v as ExcelJS.CellValue;
    });
  await fill('武林街道', 'wulin.xlsx', { E14: 3, E15: 2, E16: 88.5, F14: '含1家迁入企业' });
  await fill('天水街道', 'tianshui.xlsx', { E14: '２', E15: '1,005' });
  await fill('朝晖街道', 'chaohui-broken.xlsx', {
    E14: -1,
    E15: '五',
    E16: { formula: '1+1', result: 2 },
  });
  await fill('区科技局', 'keji-lo.xlsx', { E14: 1 });
  await fill('武林街道', 'wulin-v2.xlsx', { E14: 4, E15: null, E16: 88.5 });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('target-desk templates', () => {
  it('writes templates that LibreOffice opens and saves, keeping table, properties and values', async () => {
    // The 区科技局 return is saved again by LibreOffice: its table, properties and values must survive.
    const profile = path.join(dir, 'lo-profile');
    const out = path.join(dir, 'lo');
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        out,
        path.join(dir, 'keji-lo.xlsx'),
      ],
      { encoding: 'utf8', timeout: 120000 },
    );
    expect(r.status).toBe(0);
    const saved = await readGridFile(path.join(out, 'keji-lo.xlsx'));
    expect(saved.properties).toEqual({
      'td.unit': 'keji',
      'td.period': '2019Q3',
      'td.version': 'TD-RETURN-1',
      'td.plan': '测试区科技目标行动计划',
    });
    expect(saved.sheets[0].tables).toEqual([{ name: 'TD_Return', ref: 'A13:F14' }]);
    expect(saved.sheets[0].cells[13].slice(0, 5)).toEqual(['gqq_new', '新增国高企', '家', 3, 1]);
    fs.copyFileSync(path.join(out, 'keji-lo.xlsx'), path.join(dir, 'keji-lo.xlsx'));
  });
});

describe('target-desk import-returns', () => {
  it('refuses a batch in which every file is broken with exit 2 and leaves the book byte for byte', () => {
    const before = sha(book);
    const args = ['import-returns', book, path.join(dir, 'chaohui-broken.xlsx')];
    const r = runCli(args, '', undefined, { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      [
        'chaohui-broken.xlsx: 已拒绝  单位 朝晖街道（chaohui）  报送期 2019Q3',
        '  错误 chaohui-broken.xlsx › 季度报表 › E14: 不能为负数（-1）',
        '  错误 chaohui-broken.xlsx › 季度报表 › E15: 「五」不是数字，请填写数值',
        '  错误 chaohui-broken.xlsx › 季度报表 › E16: 不接受公式「=1+1」，请直接填写数值',
        '共 1 份：导入 0 份，拒绝 1 份',
        '',
      ].join('\n'),
    );
    // The same report in English (LANG=C), and --lang choosing over the environment.
    const en = [
      'chaohui-broken.xlsx: refused  unit 朝晖街道 (chaohui)  period 2019Q3',
      '  error chaohui-broken.xlsx › 季度报表 › E14: must not be negative (-1)',
      '  error chaohui-broken.xlsx › 季度报表 › E15: "五" is not a number: type a number',
      '  error chaohui-broken.xlsx › 季度报表 › E16: a formula "=1+1" is not accepted: type the value itself',
      '1 file: 0 imported, 1 refused',
      '',
    ].join('\n');
    expect(runCli(args).stdout).toBe(en);
    expect(
      runCli([...args, '--lang', 'en-US'], '', undefined, { LANG: 'zh_CN.UTF-8' }).stdout,
    ).toBe(en);
    expect(sha(book)).toBe(before);
  });

  it('takes the good files, refuses the broken one whole with every error, and exits 3', () => {
    const r = runCli([
      'import-returns',
      book,
      ...['wulin.xlsx', 'tianshui.xlsx', 'chaohui-broken.xlsx', 'keji-lo.xlsx'].map((f) =>
        path.join(dir, f),
      ),
      '--json',
    ]);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(
      report.files.map((f: { file: string; status: string; unit: string; period: string }) => [
        f.file,
        f.status,
        f.unit,
        f.period,
      ]),
    ).toEqual([
      ['wulin.xlsx', 'accepted', 'wulin', '2019Q3'],
      ['tianshui.xlsx', 'accepted', 'tianshui', '2019Q3'],
      ['chaohui-broken.xlsx', 'rejected', 'chaohui', '2019Q3'],
      ['keji-lo.xlsx', 'accepted', 'keji', '2019Q3'],
    ]);
    // --json carries the problems as code, where and arguments, whatever the language.
    expect(report.files[2].errors).toEqual([
      {
        code: 'return.negative',
        where: 'chaohui-broken.xlsx › 季度报表 › E14',
        args: { value: -1 },
      },
      {
        code: 'return.textNotNumber',
        where: 'chaohui-broken.xlsx › 季度报表 › E15',
        args: { text: '五' },
      },
      {
        code: 'return.formula',
        where: 'chaohui-broken.xlsx › 季度报表 › E16',
        args: { formula: '1+1' },
      },
    ]);
    expect(report.files[1].warnings).toEqual([
      {
        code: 'return.readFromText',
        where: 'tianshui.xlsx › 季度报表 › E14',
        args: { text: '２', value: 2 },
      },
      {
        code: 'return.readFromText',
        where: 'tianshui.xlsx › 季度报表 › E15',
        args: { text: '1,005', value: 1005 },
      },
    ]);
    expect(report.files[1].notReported).toEqual(['rd_invest']);
    expect(actuals()).toEqual([
      { indicator: 'gqq_new', unit: 'wulin', period: '2019Q2', value: 1, source: 'manual' },
      {
        indicator: 'gqq_new',
        unit: 'wulin',
        period: '2019Q3',
        value: 3,
        source: 'return',
        file: 'wulin.xlsx',
      },
      {
        indicator: 'startup',
        unit: 'wulin',
        period: '2019Q3',
        value: 2,
        source: 'return',
        file: 'wulin.xlsx',
      },
      {
        indicator: 'rd_invest',
        unit: 'wulin',
        period: '2019Q3',
        value: 88.5,
        source: 'return',
        file: 'wulin.xlsx',
      },
      {
        indicator: 'gqq_new',
        unit: 'tianshui',
        period: '2019Q3',
        value: 2,
        source: 'return',
        file: 'tianshui.xlsx',
      },
      {
        indicator: 'startup',
        unit: 'tianshui',
        period: '2019Q3',
        value: 1005,
        source: 'return',
        file: 'tianshui.xlsx',
      },
      {
        indicator: 'gqq_new',
        unit: 'keji',
        period: '2019Q3',
        value: 1,
        source: 'return',
        file: 'keji-lo.xlsx',
      },
    ]);
  });

  it('is idempotent: the same return again changes nothing and counts nothing twice', () => {
    const before = actuals();
    const args = ['import-returns', book, path.join(dir, 'wulin.xlsx')];
    const r = runCli(args, '', undefined, { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'wulin.xlsx: 已导入  单位 武林街道（wulin）  报送期 2019Q3\n  变更 0 项\n共 1 份：导入 1 份，拒绝 0 份\n',
    );
    // Again, in English (LANG=C): still nothing changes.
    expect(runCli(args).stdout).toBe(
      'wulin.xlsx: imported  unit 武林街道 (wulin)  period 2019Q3\n  0 changes\n1 file: 1 imported, 0 refused\n',
    );
    expect(actuals()).toEqual(before);
  });

  it('replaces the unit’s values for the period on a new version, keeping the old ones in TD_History and TD_Log', async () => {
    const r = runCli(['import-returns', book, path.join(dir, 'wulin-v2.xlsx'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].changes).toEqual([
      { indicator: 'gqq_new', old: 3, new: 4 },
      { indicator: 'startup', old: 2, new: null },
    ]);
    const wulin = actuals().filter((a) => a.unit === 'wulin' && a.period === '2019Q3');
    expect(wulin).toEqual([
      {
        indicator: 'gqq_new',
        unit: 'wulin',
        period: '2019Q3',
        value: 4,
        source: 'return',
        file: 'wulin-v2.xlsx',
      },
      {
        indicator: 'rd_invest',
        unit: 'wulin',
        period: '2019Q3',
        value: 88.5,
        source: 'return',
        file: 'wulin.xlsx',
      },
    ]);
    const history = (await table('TD_History'))
      .filter((row) => row[1] === '导入季度报表')
      .map((row) => JSON.parse(String(row[4])));
    expect(history.map(({ importedAt, ...h }: { importedAt: string }) => h)).toEqual([
      {
        indicator: 'gqq_new',
        unit: 'wulin',
        period: '2019Q3',
        value: 3,
        source: 'return',
        file: 'wulin.xlsx',
      },
      {
        indicator: 'startup',
        unit: 'wulin',
        period: '2019Q3',
        value: 2,
        source: 'return',
        file: 'wulin.xlsx',
      },
    ]);
    const log = (await table('TD_Log'))
      .filter((row) => row[1] === '导入季度报表')
      .map((row) => [row[2], row[3], row[4]]);
    expect(log).toEqual([
      ['wulin.xlsx', '2019Q3', '已导入：武林街道 3项，变更3项'],
      ['tianshui.xlsx', '2019Q3', '已导入：天水街道 2项，变更2项，2个提示'],
      ['chaohui-broken.xlsx', '2019Q3', '已拒绝：3个错误'],
      ['keji-lo.xlsx', '2019Q3', '已导入：区科技局 1项，变更1项'],
      ['wulin.xlsx', '2019Q3', '已导入：武林街道 3项，变更0项'],
      ['wulin.xlsx', '2019Q3', '已导入：武林街道 3项，变更0项'],
      ['wulin-v2.xlsx', '2019Q3', '已导入：武林街道 2项，变更2项'],
    ]);
  });

  it('refuses returns of another period when --period is given', () => {
    const args = ['import-returns', book, path.join(dir, 'wulin.xlsx'), '--period', '2019Q4'];
    const r = runCli(args, '', undefined, { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      '错误 wulin.xlsx › 文档属性 td.period: 这是 2019Q3 的报表，本次导入的是 2019Q4',
    );
    expect(runCli(args).stdout).toContain(
      'error wulin.xlsx › 文档属性 td.period: this is a return for 2019Q3; this import is for 2019Q4',
    );
  });

  it('names a missing file and refuses it', () => {
    const args = ['import-returns', book, path.join(dir, 'nope.xlsx')];
    const r = runCli(args, '', undefined, { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('错误 nope.xlsx: 无法读取文件（ENOENT）');
    expect(runCli(args).stdout).toContain('error nope.xlsx: cannot read the file (ENOENT)');
    expect(JSON.parse(runCli([...args, '--json']).stdout).files[0].errors).toEqual([
      { code: 'file.unreadable', where: 'nope.xlsx', args: { cause: 'ENOENT' } },
    ]);
  });
});
