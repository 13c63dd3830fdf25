import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { loadBook, readSnapshot } from '../../src/xlsx';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'td-cli-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('target-desk init', () => {
  it('writes the sample plan workbook with every table and the illustrative-data note', async () => {
    const book = join(dir, 'sample.xlsx');
    const r = runCli(['init', '--sample', '--out', book]);
    expect(r).toEqual({
      code: 0,
      stdout: `${book}: plan workbook created (16 units, 7 indicators)\n`,
      stderr: '',
    });
    const zh = join(dir, 'sample-zh.xlsx');
    expect(
      runCli(['init', '--sample', '--out', zh], '', undefined, { LANG: 'zh_CN.UTF-8' }),
    ).toEqual({
      code: 0,
      stdout: `${zh}: 计划簿已创建（16 个单位，7 个指标）\n`,
      stderr: '',
    });
    const wb = await loadBook(book);
    const snap = readSnapshot(wb, ['说明']);
    expect(Object.keys(snap.tables).sort()).toEqual([
      'TD_Actuals',
      'TD_Basis',
      'TD_BulletinText',
      'TD_Grades',
      'TD_History',
      'TD_Indicators',
      'TD_Log',
      'TD_Quotas',
      'TD_Ranking',
      'TD_Recognitions',
      'TD_Registry',
      'TD_Rules',
      'TD_Scores',
      'TD_Settings',
      'TD_Targets',
      'TD_Units',
    ]);
    expect(snap.sheetNames.slice(0, 4)).toEqual(['说明', '设置', '单位', '指标']);
    expect(snap.sheets['说明'].flat().join('')).toContain('示例数据');
    expect(snap.tables.TD_Log.rows[0].slice(1, 3)).toEqual(['新建计划簿', '内置示例（下城区）']);
  });

  it('refuses to replace an existing file without --force, and replaces it with --force', () => {
    const book = join(dir, 'twice.xlsx');
    writeFileSync(book, 'precious');
    const r = runCli(['init', '--sample', '--out', book]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `target-desk init: ${book}: the file already exists; choose another --out, or add --force to replace it\n`,
    );
    expect(readFileSync(book, 'utf8')).toBe('precious');
    expect(runCli(['init', '--sample', '--force', '--out', book]).code).toBe(0);
  });

  it('names the scenario file and JSON path of a bad scenario, and writes nothing', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ units: [{ id: 'a', name: 'A', type: 'village' }] }));
    const book = join(dir, 'bad.xlsx');
    const r = runCli(['init', '--scenario', bad, '--out', book]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `^target-desk init: ${bad.replace(/\./g, '\\.')} › units\\[0\\]\\.type: unknown unit type "village"`,
      ),
    );
    expect(() => readFileSync(book)).toThrow();
  });

  it('needs exactly one of --sample and --scenario', () => {
    const r = runCli(['init', '--out', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give either --sample or --scenario S.json');
  });
});
