import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { runCli } from '../support/cli';

/** `templates` writes real xlsx files: identity in custom properties, protection, validation. */
const SCENARIO = path.resolve(__dirname, '../fixtures/returns/scenario.json');
let dir: string;
let book: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-templates-'));
  book = path.join(dir, 'plan.xlsx');
  expect(runCli(['init', '--scenario', SCENARIO, '--out', book]).code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function part(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file(name)!.async('string');
}

describe('target-desk templates', () => {
  it('writes one workbook per unit into the folder and logs it in the plan book', async () => {
    const out = path.join(dir, 'out');
    const r = runCli(['templates', book, '--period', '2019Q3', '--out-dir', out]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([
      '2019Q3-区科技局-季度报表.xlsx',
      '2019Q3-天水街道-季度报表.xlsx',
      '2019Q3-朝晖街道-季度报表.xlsx',
      '2019Q3-武林街道-季度报表.xlsx',
    ]);
    const file = path.join(out, '2019Q3-武林街道-季度报表.xlsx');
    const custom = await part(file, 'docProps/custom.xml');
    for (const [k, v] of [
      ['td.unit', 'wulin'],
      ['td.period', '2019Q3'],
      ['td.version', 'TD-RETURN-1'],
      ['td.plan', '测试区科技目标行动计划'],
    ]) {
      expect(custom).toContain(`name="${k}"><vt:lpwstr>${v}</vt:lpwstr>`);
    }
    const sheet = await part(file, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<sheetProtection sheet="1"/);
    expect(sheet).not.toMatch(/<sheetProtection[^>]*password/);
    expect(sheet).toMatch(
      /<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*sqref="E14"/,
    );
    expect(sheet).toMatch(
      /<dataValidation type="decimal" operator="greaterThanOrEqual"[^>]*sqref="E16"/,
    );
    const table = await part(file, 'xl/tables/table1.xml');
    expect(table).toContain('name="TD_Return"');
    expect(table).toContain('ref="A13:F16"');
    const strings = await part(book, 'xl/sharedStrings.xml');
    expect(strings).toContain('生成报表模板');
    expect(strings).toContain('生成 4 份季度报表模板');
  });

  it('unlocks exactly the 本年累计完成 and 备注 cells', async () => {
    const file = path.join(dir, 'out', '2019Q3-天水街道-季度报表.xlsx');
    const sheet = await part(file, 'xl/worksheets/sheet1.xml');
    const styles = await part(file, 'xl/styles.xml');
    const xfs = [
      ...styles
        .split('<cellXfs')[1]
        .split('</cellXfs>')[0]
        .matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g),
    ].map((m) => m[0]);
    const unlocked = [...sheet.matchAll(/<c r="([A-Z]+\d+)"[^>]*? s="(\d+)"/g)]
      .filter((m) => /locked="0"/.test(xfs[Number(m[2])]))
      .map((m) => m[1]);
    expect(unlocked).toEqual(['E14', 'F14', 'E15', 'F15', 'E16', 'F16']);
  });

  it('refuses a period without its quarter', () => {
    const args = ['templates', book, '--period', '2019', '--out-dir', path.join(dir, 'x')];
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--period: give a quarter, such as 2019Q3');
    const zh = runCli(args, '', undefined, { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain('--period: 请给出季度，例如 2019Q3');
  });
});
