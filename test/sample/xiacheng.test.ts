import * as fs from 'fs';
import * as path from 'path';
import { UNIT_TYPES } from '../../src/engine/types';
import type { Scenario } from '../../src/engine/types';
import { SAMPLE_NOTE, xiachengSample } from '../../src/sample/xiacheng';

const sample = xiachengSample();
const unitById = new Map(sample.units.map((u) => [u.id, u]));
const indicatorById = new Map(sample.indicators.map((i) => [i.id, i]));

function target(indicator: string, year: number) {
  return sample.targets.find((t) => t.indicator === indicator && t.year === year);
}

function actual(indicator: string, unit: string | undefined, period: string) {
  return sample.actuals.find(
    (a) => a.indicator === indicator && a.unit === unit && a.period === period,
  )?.value;
}

function carries(indicatorId: string, unitId: string): boolean {
  const assessed = indicatorById.get(indicatorId)!.assessed;
  return assessed === 'all' || assessed === unitById.get(unitId)!.type;
}

describe('xiachengSample', () => {
  test('is deterministic and returns a fresh object each call', () => {
    const again = xiachengSample();
    expect(again).toEqual(sample);
    again.units[0].name = 'changed';
    again.indicators[1].profile![0] = 0.5;
    expect(xiachengSample().units[0].name).toBe('武林街道');
    expect(xiachengSample().indicators[1].profile).toEqual([0, 0, 0.2, 1]);
  });

  test('examples/xiacheng-scenario.json is the same sample', () => {
    // Regenerate with: npm run build:cli && node -e "process.stdout.write(JSON.stringify(
    //   require('./dist/sample/xiacheng').xiachengSample(), null, 2) + '\n')" > examples/xiacheng-scenario.json
    const file = path.resolve(__dirname, '../../examples/xiacheng-scenario.json');
    const text = fs.readFileSync(file, 'utf8');
    expect(JSON.parse(text) as Scenario).toEqual(sample);
    expect(text).toBe(JSON.stringify(sample, null, 2) + '\n');
  });

  test('carries the plan and the illustrative-data notice', () => {
    expect(sample.plan).toEqual({
      name: '下城区国高企培育三年行动计划',
      district: '下城区',
      organization: '区科技创新工作领导小组办公室',
      docNumberPattern: '下科创办〔{year}〕{seq}号',
    });
    expect(SAMPLE_NOTE).toBe('示例数据（除行动计划公布的目标外均为虚构）');
  });

  test('has the eight streets, the departments and the platforms of the plan', () => {
    const names = (type: string) => sample.units.filter((u) => u.type === type).map((u) => u.name);
    expect(names('street')).toEqual([
      '武林街道',
      '天水街道',
      '朝晖街道',
      '潮鸣街道',
      '长庆街道',
      '东新街道',
      '石桥街道',
      '文晖街道',
    ]);
    expect(names('department')).toEqual([
      '区科技局',
      '区经旅局',
      '区商务局',
      '区市场监管局',
      '区委宣传部（文创办）',
    ]);
    expect(names('platform')).toEqual([
      '区跨贸小镇管委会',
      '区电竞小镇管委会',
      '中国互联网影视产业园',
    ]);
    expect(sample.units.find((u) => u.name === '武林街道')!.id).toBe('wulin');
  });

  test('ids are unique and every reference resolves', () => {
    expect(unitById.size).toBe(sample.units.length);
    expect(indicatorById.size).toBe(sample.indicators.length);
    for (const id of [...unitById.keys(), ...indicatorById.keys()])
      expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
    const refs = [...sample.targets, ...sample.basis, ...sample.actuals, ...sample.scoring.rules];
    for (const r of refs) expect(indicatorById.has(r.indicator)).toBe(true);
    for (const b of sample.basis) expect(carries(b.indicator, b.unit)).toBe(true);
    for (const r of sample.registry)
      expect(['street', 'platform']).toContain(unitById.get(r.unit)?.type);
    const targetKeys = sample.targets.map((t) => `${t.indicator}/${t.year}`);
    expect(new Set(targetKeys).size).toBe(targetKeys.length);
    const basisKeys = sample.basis.map((b) => `${b.indicator}/${b.year}/${b.unit}`);
    expect(new Set(basisKeys).size).toBe(basisKeys.length);
    const actualKeys = sample.actuals.map((a) => `${a.indicator}/${a.unit ?? ''}/${a.period}`);
    expect(new Set(actualKeys).size).toBe(actualKeys.length);
    expect(sample.quotas).toEqual([]);
  });

  test('indicators have the plan measures, kinds and valid profiles', () => {
    expect(sample.indicators.map((i) => [i.id, i.measure, i.kind, i.assessed])).toEqual([
      ['gqq_total', '家', 'level', 'district'],
      ['gqq_new', '家', 'flow', 'all'],
      ['hitech_share', '%', 'level', 'district'],
      ['sme_new', '家', 'flow', 'all'],
      ['startup_apply', '家', 'flow', 'street'],
      ['pool_new', '家', 'flow', 'department'],
      ['platform_intro', '家', 'flow', 'platform'],
    ]);
    expect(indicatorById.get('gqq_new')!.profile).toEqual([0, 0, 0.2, 1]);
    for (const { profile } of sample.indicators) {
      expect(profile).toHaveLength(4);
      profile!.forEach((x, q) => {
        expect(x).toBeGreaterThanOrEqual(q === 0 ? 0 : profile![q - 1]);
        expect(x).toBeLessThanOrEqual(1);
      });
      expect(profile![3]).toBe(1);
    }
  });

  test('targets are the published figures of the action plan', () => {
    expect([2018, 2019, 2020].map((y) => target('gqq_total', y)!.total)).toEqual([108, 136, 160]);
    expect(target('gqq_total', 2020)!.stretch).toBe(170);
    // New recognitions are the path's yearly increments from 80 at the end of 2017.
    expect([2018, 2019, 2020].map((y) => target('gqq_new', y)!.total)).toEqual([
      108 - 80,
      136 - 108,
      160 - 136,
    ]);
    expect(target('gqq_new', 2020)!.stretch).toBe(170 - 136);
    expect(target('hitech_share', 2020)).toEqual({
      indicator: 'hitech_share',
      year: 2020,
      total: 83.9,
    });
    const share = [2018, 2019, 2020].map((y) => target('hitech_share', y)!.total);
    expect(share[0]).toBeGreaterThan(74);
    expect(share[0]).toBeLessThan(share[1]);
    expect(share[1]).toBeLessThan(share[2]);
    for (const y of [2018, 2019, 2020]) {
      expect(target('sme_new', y)!.total).toBeGreaterThanOrEqual(70);
      expect(target('startup_apply', y)!.total).toBeGreaterThanOrEqual(30);
    }
  });

  test('every flow target is decomposable over a basis row of each unit that carries it', () => {
    const methods = new Set(sample.targets.map((t) => t.method).filter(Boolean));
    expect(methods).toEqual(
      new Set(['largest-remainder', 'sainte-lague', 'huntington-hill', 'dhondt', 'equal']),
    );
    for (const t of sample.targets) {
      const ind = indicatorById.get(t.indicator)!;
      const rows = sample.basis.filter((b) => b.indicator === t.indicator && b.year === t.year);
      if (ind.kind === 'level') {
        expect(t.method).toBeUndefined();
        expect(rows).toEqual([]);
        continue;
      }
      expect(t.precision).toBe(0);
      expect(Number.isInteger(t.total)).toBe(true);
      const carriers = sample.units.filter((u) => carries(t.indicator, u.id)).map((u) => u.id);
      expect(rows.map((r) => r.unit)).toEqual(carriers);
      const locked = rows.reduce((s, r) => s + (r.locked ?? 0), 0);
      const mins = rows.reduce((s, r) => s + (r.locked === undefined ? (r.min ?? 0) : 0), 0);
      expect(locked + mins).toBeLessThanOrEqual(t.total);
      expect(rows.some((r) => r.locked === undefined && r.weight > 0)).toBe(true);
    }
    // Streets get at least one new 国高企; the departments' quotas are set by the leading group.
    for (const b of sample.basis.filter((x) => x.indicator === 'gqq_new')) {
      const type = unitById.get(b.unit)!.type;
      if (type === 'street') expect(b.min).toBe(1);
      expect(b.locked !== undefined).toBe(type === 'department');
    }
  });

  test('scoring shows every rule kind, a bonus on the main indicator, and 100 points per unit type', () => {
    const { rules, grades, status } = sample.scoring;
    expect(new Set(rules.map((r) => r.rule))).toEqual(new Set(['linear', 'tiered', 'rank']));
    expect(rules.find((r) => r.indicator === 'gqq_new')).toMatchObject({
      rule: 'linear',
      bonusPerPoint: 0.05,
      bonusMax: 5,
    });
    expect(grades).toEqual([
      { name: '优秀', min: 90 },
      { name: '良好', min: 75 },
      { name: '合格', min: 60 },
      { name: '不合格', min: 0 },
    ]);
    expect(status).toEqual({ ahead: 1, warn: 0.8 });
    for (const type of UNIT_TYPES) {
      const scored = rules.filter((r) => {
        const a = indicatorById.get(r.indicator)!.assessed;
        return a === 'all' || a === type;
      });
      expect(scored.reduce((s, r) => s + r.weight, 0)).toBe(100);
      expect(sample.units.filter((u) => u.type === type).length).toBeGreaterThanOrEqual(2);
    }
  });

  test('actuals are cumulative returns through 2019Q3 with two units missing the 2019Q3 return', () => {
    const periods = [...new Set(sample.actuals.map((a) => a.period))];
    expect(periods).toEqual(['2018', '2019Q1', '2019Q2', '2019Q3']);
    for (const a of sample.actuals) {
      expect(a.source).toBe('return');
      expect(a.value).toBeGreaterThanOrEqual(0);
      const ind = indicatorById.get(a.indicator)!;
      if (ind.kind === 'level') expect(a.unit).toBeUndefined();
      else {
        expect(Number.isInteger(a.value)).toBe(true);
        expect(carries(a.indicator, a.unit!)).toBe(true);
      }
    }
    for (const ind of sample.indicators.filter((i) => i.kind === 'flow')) {
      for (const u of sample.units.filter((x) => carries(ind.id, x.id))) {
        const q = ['2019Q1', '2019Q2', '2019Q3'].map((p) => actual(ind.id, u.id, p));
        expect(actual(ind.id, u.id, '2018')).toBeDefined();
        expect(q[0]).toBeDefined();
        expect(q[1]).toBeGreaterThanOrEqual(q[0]!);
        if (q[2] !== undefined) expect(q[2]).toBeGreaterThanOrEqual(q[1]!);
      }
    }
    const missing = sample.units.filter(
      (u) => !sample.actuals.some((a) => a.unit === u.id && a.period === '2019Q3'),
    );
    expect(missing.map((u) => u.id)).toEqual(['changqing', 'shichang']);
  });

  test('the 国高企 count follows the new recognitions', () => {
    const newIn = (period: string) =>
      sample.actuals
        .filter((a) => a.indicator === 'gqq_new' && a.period === period)
        .reduce((s, a) => s + a.value, 0);
    expect(newIn('2018')).toBe(35);
    expect(actual('gqq_total', undefined, '2018')).toBe(80 + 35 - 3);
    expect(newIn('2019Q3')).toBe(9);
    expect(actual('gqq_total', undefined, '2019Q3')).toBe(112 - 2 + 9 - 1);
    expect(actual('hitech_share', undefined, '2019Q3')).toBe(79.6);
  });
});
