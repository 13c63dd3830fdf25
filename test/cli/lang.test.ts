/**
 * The CLI speaks the user's language (SPEC §13): Chinese when LC_ALL or LANG starts with zh,
 * English otherwise, `--lang` to choose; `--json` carries problems as codes and arguments.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { runCli } from '../support/cli';

const MANY = fs.readFileSync(
  path.join(__dirname, '../fixtures/scenarios/many-problems.json'),
  'utf8',
);
const assess = (env: NodeJS.ProcessEnv, ...extra: string[]) =>
  runCli(['assess', '--period', '2019Q3', ...extra], MANY, undefined, env);

const EN = 'units[1].type: unknown unit type "stret" (expected street, department, platform)';
const ZH = 'units[1].type: 单位类型“stret”无法识别，可选：街道、部门、平台';

describe('the CLI language', () => {
  it('is Chinese under LANG=zh_CN.UTF-8', () => {
    const r = assess({ LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toContain(ZH);
    expect(r.stderr).not.toContain('unknown unit type');
  });

  it('is English under LANG=C, and LC_ALL wins over LANG', () => {
    expect(assess({ LANG: 'C' }).stderr.split('\n')).toContain(EN);
    expect(assess({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }).stderr.split('\n')).toContain(EN);
    expect(assess({ LANG: 'C', LC_ALL: 'zh_CN.UTF-8' }).stderr.split('\n')).toContain(ZH);
  });

  it('follows --lang over the environment', () => {
    expect(assess({ LANG: 'zh_CN.UTF-8' }, '--lang', 'en-US').stderr.split('\n')).toContain(EN);
    expect(assess({ LANG: 'C' }, '--lang=zh-CN').stderr.split('\n')).toContain(ZH);
    const bad = assess({ LANG: 'C' }, '--lang', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'target-desk assess: --lang: unknown language "fr" (use zh-CN or en-US)\n',
    );
  });

  it('names a refused option, a missing option and bad JSON in Chinese too', () => {
    const zh = { LANG: 'zh_CN.UTF-8' };
    const usage = 'target-desk assess --period P';
    expect(runCli(['assess', '--perod', '2019Q3'], MANY, undefined, zh).stderr).toBe(
      `target-desk assess: 未知选项 --perod（是否想用 --period？）（用法：${usage}）\n`,
    );
    expect(runCli(['assess'], MANY, undefined, zh).stderr).toBe(
      'target-desk assess: 缺少必需的选项 --period\n',
    );
    expect(runCli(['assess', '--period', '2019Q3', 'x.json'], MANY, undefined, zh).stderr).toBe(
      `target-desk assess: 多余的参数 x.json（用法：${usage}）\n`,
    );
    expect(runCli(['assess', '--period', '2019Q3'], '{', undefined, zh).stderr).toMatch(
      /^target-desk assess: stdin: 不是有效的 JSON（.+）\n$/,
    );
    expect(runCli(['assess', '--lang', 'fr'], MANY, undefined, zh).stderr).toBe(
      'target-desk assess: --lang: 无法识别的语言“fr”（可选 zh-CN 或 en-US）\n',
    );
  });

  it('names an operating-system failure in Chinese', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-lang-'));
    const r = runCli(['init', '--sample', '--force', '--out', dir], '', undefined, {
      LANG: 'zh_CN.UTF-8',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`target-desk init: ${dir}: 无法写入（这是文件夹，不是文件，EISDIR）\n`);
  });

  it('lists --lang in every command’s help', () => {
    expect(runCli(['run', '--help']).stdout).toMatch(
      /--lang zh-CN\|en-US {2}language of the messages/,
    );
  });
});

describe('--json refusals', () => {
  it('carry every problem as code, where and arguments, in any language', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-lang-'));
    const book = path.join(dir, 'b.xlsx');
    expect(runCli(['init', '--sample', '--out', book]).code).toBe(0);
    const list = path.join(dir, 'l.csv');
    fs.writeFileSync(list, '名称\n某公司\n');
    const args = ['import-list', book, list, '--indicator', 'gqq_new', '--json'];
    const en = runCli(args);
    const zh = runCli(args, '', undefined, { LANG: 'zh_CN.UTF-8' });
    expect(en.code).toBe(2);
    expect(JSON.parse(en.stdout)).toEqual({
      problems: [
        {
          code: 'list.noHeader',
          where: 'l.csv',
          args: { rows: 20, missing: ['证书编号', '发证日期（或批次）'] },
        },
      ],
    });
    expect(zh.stdout).toBe(en.stdout);
    expect(en.stderr).toBe(
      'target-desk import-list: l.csv: no header "证书编号", "发证日期（或批次）" in the first 20 rows: a list needs columns for the enterprise name, the certificate number and the issue date (or batch)\n',
    );
    expect(zh.stderr).toBe(
      'target-desk import-list: l.csv: 在前 20 行找不到表头「证书编号」「发证日期（或批次）」，名单须有企业名称、证书编号和发证日期（或批次）列\n',
    );
  });
});
