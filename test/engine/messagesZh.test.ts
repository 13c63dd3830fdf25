/**
 * Every engine problem carries its Chinese text (`zh`) for the task pane, while `message` stays
 * the English the CLI prints.
 */
import { worded } from '../support/problems';
import { problemText } from '../../src/engine/messages/catalogue';
import { readFileSync } from 'fs';
import { join } from 'path';
import { allocate } from '../../src/engine/allocation';
import { parseDecimal } from '../../src/engine/decimal';
import { InputError, Problem } from '../../src/engine/errors';
import { computeQuotas } from '../../src/engine/quotas';
import { validateScenario } from '../../src/engine/validate';

const MANY = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/scenarios/many-problems.json'), 'utf8'),
);
const XIACHENG = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/scenarios/xiacheng-2019.json'), 'utf8'),
);

function problemsOf(f: () => unknown): Problem[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

const zhAt = (problems: Problem[], where: string) =>
  problems.filter((p) => p.where === where).map((p) => problemText(p, 'zh-CN'));

/** A JSON path quoted in a message (the task pane shows it as a cell once relocated). */
const PATH = /\b[a-z]+(?:\.[a-z]+)*\[\d+\](?:\.[A-Za-z]+(?:\[\d+\])?)*/g;

describe('Chinese problem texts', () => {
  const problems = problemsOf(() => validateScenario(MANY));

  it('gives each of the 47 problems of many-problems.json a Chinese text with no English but quoted input', () => {
    expect(problems).toHaveLength(47);
    for (const p of problems) {
      expect(problemText(p, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      const bare = problemText(p, 'zh-CN')
        .replace(/“[^”]*”/g, '')
        .replace(PATH, '');
      expect({ where: p.where, bare }).toEqual({
        where: p.where,
        bare: expect.not.stringMatching(/[A-Za-z]{2,}/),
      });
    }
  });

  it('says the typical ones the way the workbook does', () => {
    expect(zhAt(problems, 'targets[2].method')).toEqual([
      '分解方法“hare”无法识别，可选：最大余额法、平均分配、洪特法、圣拉古法、亨廷顿-希尔法、亚当斯法',
    ]);
    expect(zhAt(problems, 'units[1].type')).toEqual([
      '单位类型“stret”无法识别，可选：街道、部门、平台',
    ]);
    expect(zhAt(problems, 'units[2].id')).toEqual(['单位编号“wulin”重复（另见 units[0].id）']);
    expect(zhAt(problems, 'basis[1].weight')).toEqual(['不能为负数（现为：-1）']);
    expect(zhAt(problems, 'actuals[4].period')).toEqual([
      '不是有效的考核期：“2019Q5”（应为年份，如“2019”；或季度，如“2019Q3”）',
    ]);
    expect(zhAt(problems, 'indicators[1].profile')).toEqual([
      '应为 4 个 0 到 1 之间的数，逐季不减，第四季度为 1（现为：“[0.5,0.25,0.75,1]”）',
    ]);
    expect(zhAt(problems, 'actuals[1]')).toEqual([
      '指标“gqq_new”单位“wulin”2019年第4季度的完成数（“2019”与“2019Q4”是同一考核期）重复（另见 actuals[0]）',
    ]);
    expect(zhAt(problems, 'basis[1].unit')).toEqual([
      '单位“keji”（部门）不承担指标“gqq_new”（考核对象：街道）',
    ]);
    expect(zhAt(problems, 'scoring.rules[4].cap')).toEqual([
      '仅适用于“线性”计分方法（本规则为“排名”）',
    ]);
  });

  it('keeps the English message as the CLI prints it', () => {
    const method = problems.find((p) => p.where === 'targets[2].method')!;
    expect(method.code).toBe('value.unknownChoice');
    expect(problemText(method, 'en-US')).toBe(
      'unknown method "hare" (expected largest-remainder, equal, dhondt, sainte-lague, huntington-hill, adams)',
    );
    expect(new InputError(problems).message).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });
});

describe('Chinese allocation problems', () => {
  it('says Σmin > R, a negative weight, a duplicate id and an unknown method', () => {
    const units = [
      { id: 'a', weight: 1, min: 6 },
      { id: 'b', weight: 1, min: 5 },
    ];
    expect(
      problemsOf(() => allocate({ total: 10, method: 'largest-remainder', units })).map(worded),
    ).toEqual([
      {
        where: 'total',
        message: "the free units' minimums add up to 11, more than the total 10",
        zh: '未锁定单位的下限合计 11，超过目标总数 10',
      },
    ]);
    expect(
      problemsOf(() =>
        allocate({
          total: 10,
          method: 'dhondt',
          units: [{ id: 'c', weight: 1, locked: 4 }, ...units],
        }),
      ).map(worded),
    ).toEqual([
      {
        where: 'total',
        message: "the free units' minimums add up to 11, more than the 6 left after locked quotas",
        zh: '未锁定单位的下限合计 11，超过扣除锁定值后剩余的 6',
      },
    ]);
    const bad = {
      total: 10,
      method: 'hare',
      units: [
        { id: 'a', weight: -2 },
        { id: 'a', weight: 'x' },
      ],
    };
    expect(
      problemsOf(() => allocate(bad as never)).map((p) => [p.where, problemText(p, 'zh-CN')]),
    ).toEqual([
      [
        'method',
        '分解方法“hare”无法识别，可选：最大余额法、平均分配、洪特法、圣拉古法、亨廷顿-希尔法、亚当斯法',
      ],
      ['units[0].weight', '不能为负数（现为：-2）'],
      ['units[1].id', '编号“a”重复（另见 units[0].id）'],
      ['units[1].weight', '不是数字：“x”，请填写数值'],
    ]);
  });

  it('carries the Chinese text when computeQuotas names the scenario row', () => {
    const s = validateScenario(XIACHENG);
    const t = s.targets.findIndex((x) => x.indicator === 'gqq_new' && x.year === 2019);
    const b = s.basis.findIndex((x) => x.indicator === 'gqq_new' && x.year === 2019);
    s.basis[b] = { ...s.basis[b], min: 10_000 };
    const [p] = problemsOf(() => computeQuotas(s, 2019));
    expect(p.where).toBe(`targets[${t}] (gqq_new 2019)`);
    expect(problemText(p, 'en-US')).toMatch(
      /^total: the free units' minimums add up to 1\d{4}, more than the total \d+$/,
    );
    expect(problemText(p, 'zh-CN')).toMatch(
      /^目标值：未锁定单位的下限合计 1\d{4}，超过目标总数 \d+$/,
    );
  });
});

describe('Chinese number and period problems', () => {
  it('says a malformed number in Chinese', () => {
    expect(problemsOf(() => parseDecimal('12,5', 'x')).map(worded)).toEqual([
      { where: 'x', message: 'not a number: "12,5"', zh: '不是数字：“12,5”，请填写数值' },
    ]);
  });
});
