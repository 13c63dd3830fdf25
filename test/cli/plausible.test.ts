import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadBook, saveBookAtomic } from '../../src/xlsx';
import { runCli } from '../support/cli';

/** The import reports in Chinese, as a user with a Chinese locale reads them. */
const ZH = { LANG: 'zh_CN.UTF-8' };
import { editWorkbook } from '../support/planBook';

/**
 * Issue 9, observations 6, 7 and 11 at the command line: implausible numbers, periods outside the
 * plan and import-list outcomes, each with its exit code, its message and the book left as it was.
 */
const SCENARIO = path.resolve(__dirname, '../fixtures/returns/scenario.json');
let dir: string;
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

function freshBook(name: string): string {
  const book = path.join(dir, name);
  expect(runCli(['init', '--scenario', SCENARIO, '--out', book]).code).toBe(0);
  return book;
}

async function templateFor(book: string, period: string): Promise<string> {
  const out = path.join(dir, `templates-${period}`);
  if (!fs.existsSync(out))
    expect(runCli(['templates', book, '--period', period, '--out-dir', out]).code).toBe(0);
  return path.join(out, `${period}-武林街道-季度报表.xlsx`);
}

/** A 武林街道 return for `period` with 新增国高企 (E14) and 科技型初创企业 (E15) filled. */
async function wulinReturn(
  book: string,
  period: string,
  file: string,
  values: Record<string, ExcelJS.CellValue>,
): Promise<string> {
  const out = path.join(dir, file);
  await editWorkbook(await templateFor(book, period), out, (ws) => {
    for (const [cell, v] of Object.entries(values)) ws.getCell(cell).value = v;
  });
  return out;
}

/** Types values into TD_Actuals rows (1-based body rows) as someone would in Excel. */
async function typeActuals(book: string, values: Record<number, ExcelJS.CellValue>) {
  const wb = await loadBook(book);
  const ws = wb.getWorksheet('完成情况')!;
  const header = ws.getRow(1).values as unknown[];
  const col = header.indexOf('完成数');
  for (const [row, v] of Object.entries(values)) ws.getCell(Number(row) + 1, col).value = v;
  await saveBookAtomic(wb, book);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-plausible-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('implausible numbers (observation 6)', () => {
  it('refuses a return with 1e308, naming the cell, and leaves the book as it was', async () => {
    const book = freshBook('huge-return.xlsx');
    const file = await wulinReturn(book, '2019Q3', 'wulin-huge.xlsx', { E14: 1e308, E15: 2e7 });
    const before = sha(book);
    const r = runCli(['import-returns', book, file], '', undefined, ZH);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      'wulin-huge.xlsx › 季度报表 › E14: 1e+308 不合常理：超过 10000000（10^7 与年度任务 12 的 1000 倍中的较大者），请检查是否填错',
    );
    expect(r.stdout).toContain(
      'wulin-huge.xlsx › 季度报表 › E15: 20000000 不合常理：超过 10000000（10^7 与年度任务 9 的 1000 倍中的较大者）',
    );
    expect(sha(book)).toBe(before);
  });

  it('refuses a run over TD_Actuals holding 1e308, text and a negative count, listing all three', async () => {
    const book = path.join(dir, 'typed.xlsx');
    expect(runCli(['init', '--sample', '--out', book]).code).toBe(0);
    await typeActuals(book, { 1: 1e308, 2: 'abc', 3: -1 });
    const before = sha(book);
    const r = runCli(['run', book, '--period', '2019Q4']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.includes('TD_Actuals'))).toHaveLength(3);
    expect(r.stderr).toContain('完成情况 › TD_Actuals › 第2行 › 完成数: 1e+308 is not plausible');
    expect(r.stderr).toContain('完成情况 › TD_Actuals › 第3行 › 完成数: not a number: "abc"');
    expect(r.stderr).toContain('完成情况 › TD_Actuals › 第4行 › 完成数: must be ≥ 0 (got -1)');
    expect(sha(book)).toBe(before);
  });

  it('never writes Infinity into a book or NaN into the bulletin', async () => {
    const book = freshBook('overflow.xlsx');
    await typeActuals(book, { 1: '1e999' });
    const r = runCli(['run', book, '--period', '2019Q4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '完成情况 › TD_Actuals › 第2行 › 完成数: not a finite number: "1e999"',
    );
    const zip = await JSZip.loadAsync(fs.readFileSync(book));
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      expect(xml).not.toMatch(/<v>(-?Infinity|NaN)<\/v>/);
    }
  });

  it('warns, and imports, a year-to-date figure below the earlier quarter', async () => {
    const book = freshBook('drop.xlsx');
    const q3 = await wulinReturn(book, '2019Q3', 'wulin-q3.xlsx', { E14: 7 });
    expect(runCli(['import-returns', book, q3]).code).toBe(0);
    const q4 = await wulinReturn(book, '2019Q4', 'wulin-q4.xlsx', { E14: 0 });
    const r = runCli(['import-returns', book, q4], '', undefined, ZH);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '  提示 wulin-q4.xlsx › 季度报表 › E14: 2019Q4 本年累计 0 低于 2019Q3 的 7：累计数不应下降（请核对是否填错；如系更正可忽略）',
    );
    const actuals = JSON.parse(runCli(['export', book]).stdout).actuals;
    expect(
      actuals
        .filter(
          (a: { unit?: string; indicator: string }) =>
            a.unit === 'wulin' && a.indicator === 'gqq_new',
        )
        .map((a: { period: string; value: number }) => [a.period, a.value]),
    ).toEqual([
      ['2019Q2', 1],
      ['2019Q3', 7],
      ['2019Q4', 0],
    ]);
  });
});

describe('periods outside the plan (observation 7)', () => {
  let sample: string;
  beforeAll(() => {
    sample = path.join(dir, 'sample.xlsx');
    expect(runCli(['init', '--sample', '--out', sample]).code).toBe(0);
  });

  it.each(['2017Q3', '2025'])(
    'run --period %s: exit 2, the plan years listed, nothing written',
    (p) => {
      const before = sha(sample);
      const r = runCli(['run', sample, '--period', p]);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: `target-desk run: --period: the plan has no target for ${p.slice(0, 4)} (its years: 2018, 2019, 2020)\n`,
      });
      expect(sha(sample)).toBe(before);
    },
  );

  it('templates --period 2017Q3: exit 2 and no file', () => {
    const out = path.join(dir, 'no-templates');
    const r = runCli(['templates', sample, '--period', '2017Q3', '--out-dir', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the plan has no target for 2017 (its years: 2018, 2019, 2020)');
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });

  it('assess --period 2025: exit 2 with the years', () => {
    const scenario = runCli(['export', sample]).stdout;
    const r = runCli(['assess', '--period', '2025'], scenario);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the plan has no target for 2025 (its years: 2018, 2019, 2020)');
    expect(runCli(['assess', '--period', '2019Q3'], scenario).code).toBe(0);
  });
});

describe('import-list outcomes (observation 11)', () => {
  const writeList = (file: string, names: string[]) => {
    const rows = [
      '企业名称,证书编号,发证日期',
      ...names.map((n, i) => `${n},GR${i + 1},2019-11-27`),
    ];
    fs.writeFileSync(path.join(dir, file), `${rows.join('\n')}\n`);
    return path.join(dir, file);
  };

  it('exits 3 when rows are left unmatched and applies the rest', () => {
    const book = freshBook('list-partial.xlsx');
    const list = writeList('partial.csv', ['杭州云帆网络有限公司', '杭州未登记有限公司']);
    const r = runCli(['import-list', book, list, '--indicator', 'gqq_new'], '', undefined, ZH);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('未匹配 第3行 杭州未登记有限公司');
    const actuals = JSON.parse(runCli(['export', book]).stdout).actuals;
    expect(actuals).toContainEqual(
      expect.objectContaining({
        indicator: 'gqq_new',
        unit: 'wulin',
        period: '2019Q4',
        value: 1,
        source: 'list',
      }),
    );
  });

  it('exits 2 and writes nothing when no row matches', () => {
    const book = freshBook('list-none.xlsx');
    const list = writeList('none.csv', ['杭州未登记有限公司']);
    const before = sha(book);
    const r = runCli(['import-list', book, list, '--indicator', 'gqq_new'], '', undefined, ZH);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${list}: 没有一行与企业库匹配，未写入任何内容（可用 --assign 指定单位后重新导入）\n`,
    );
    expect(sha(book)).toBe(before);
  });

  it('refuses --assign for a company not in the list, naming it', () => {
    const book = freshBook('list-invent.xlsx');
    const list = writeList('one.csv', ['杭州云帆网络有限公司']);
    const before = sha(book);
    const r = runCli([
      'import-list',
      book,
      list,
      '--indicator',
      'gqq_new',
      '--assign',
      '不存在的公司=wulin',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--assign 不存在的公司=wulin: "不存在的公司" is not in this list');
    expect(sha(book)).toBe(before);
  });

  it('moves a registered company only with --reassign', () => {
    const book = freshBook('list-move.xlsx');
    const list = writeList('move.csv', ['杭州云帆网络有限公司']);
    const args = [
      'import-list',
      book,
      list,
      '--indicator',
      'gqq_new',
      '--assign',
      '杭州云帆网络有限公司=tianshui',
    ];
    const before = sha(book);
    const refused = runCli([...args]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '"杭州云帆网络有限公司" is registered to unit wulin in 企业库; add --reassign to move it to tianshui',
    );
    expect(sha(book)).toBe(before);
    const moved = runCli([...args, '--reassign'], '', undefined, ZH);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('企业库记住：杭州云帆网络有限公司 → tianshui');
    const registry = JSON.parse(runCli(['export', book]).stdout).registry;
    expect(registry).toContainEqual(
      expect.objectContaining({ name: '杭州云帆网络有限公司', unit: 'tianshui' }),
    );
  });
});

describe('a quota typed into 任务分解 (observation 12)', () => {
  type Row = {
    indicator: string;
    year: number;
    unit: string;
    quota: number;
    source: string;
    at: number;
  };
  async function quotaRows(book: string): Promise<Row[]> {
    const wb = await loadBook(book);
    const ws = wb.getWorksheet('任务分解')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = (h: string) => header.indexOf(h);
    const rows: Row[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const v = ws.getRow(r).values as unknown[];
      if (!v[col('指标编号')]) continue;
      rows.push({
        indicator: String(v[col('指标编号')]),
        year: Number(v[col('年度')]),
        unit: String(v[col('单位编号')]),
        quota: Number(v[col('任务数')]),
        source: String(v[col('来源')]),
        at: r,
      });
    }
    return rows;
  }
  async function typeQuota(book: string, at: number, quota: number, source?: string) {
    const wb = await loadBook(book);
    const ws = wb.getWorksheet('任务分解')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    ws.getCell(at, header.indexOf('任务数')).value = quota;
    if (source) ws.getCell(at, header.indexOf('来源')).value = source;
    await saveBookAtomic(wb, book);
  }

  it('is kept as 给定 by the next run, the other units adjusting to keep the total', async () => {
    const book = path.join(dir, 'quota-edit.xlsx');
    expect(runCli(['init', '--sample', '--out', book]).code).toBe(0);
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);
    const before = await quotaRows(book);
    const edited = before.find((r) => r.year === 2019 && r.source === '分解' && r.quota >= 1)!;
    const block = (rows: Row[]) =>
      rows.filter((r) => r.indicator === edited.indicator && r.year === 2019);
    const total = block(before).reduce((a, r) => a + r.quota, 0);
    await typeQuota(book, edited.at, edited.quota + 1);
    const r = runCli(['run', book, '--period', '2019Q3'], '', undefined, ZH);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `  任务分解 › TD_Quotas › 第${edited.at}行 › 任务数：单位 ${edited.unit} 指标 ${edited.indicator} 的任务数由分解所得 ${edited.quota} 改为 ${edited.quota + 1}：已按“给定”保留，其余单位重新分解以保持总数\n`,
    );
    const after = block(await quotaRows(book));
    expect(after.find((x) => x.unit === edited.unit)).toMatchObject({
      quota: edited.quota + 1,
      source: '给定',
    });
    expect(after.filter((x) => x.source === '给定')).toHaveLength(1);
    expect(after.reduce((a, x) => a + x.quota, 0)).toBeCloseTo(total, 9);
  });

  it('set to 给定 beyond the target stops the run, naming sheet, row and column', async () => {
    const book = path.join(dir, 'quota-given.xlsx');
    expect(runCli(['init', '--sample', '--out', book]).code).toBe(0);
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);
    const row = (await quotaRows(book)).find((r) => r.year === 2019 && r.source === '分解')!;
    await typeQuota(book, row.at, 99999, '给定');
    const before = sha(book);
    const r = runCli(['run', book, '--period', '2019Q3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `任务分解 › TD_Quotas › 第${row.at}行 › 任务数: the fixed quotas of ${row.indicator} 2019 (来源 给定, typed over 分解, or locked in 分解依据) add up to `,
    );
    expect(r.stderr).toMatch(
      /add up to 1\d{5}, more than its target \d+: the other units cannot be allocated/,
    );
    expect(r.stderr).not.toContain('JSON');
    expect(sha(book)).toBe(before);
  });
});
