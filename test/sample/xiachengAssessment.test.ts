/**
 * The sample through the engine: it validates, its quotas are the designed ones, and assessing
 * 2019Q3 gives the spread the demo and the bulletin rely on (ahead / behind / lagging, 未报送,
 * an over-quota bonus, every unit type ranked, every grade). Expected values are worked by hand
 * from the sample's tables; fractions are written as such.
 */
import { assess } from '../../src/engine/assess';
import { computeQuotas } from '../../src/engine/quotas';
import type { Assessment, Status } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validate';
import { xiachengSample } from '../../src/sample/xiacheng';

const sample = xiachengSample();
const scenario = validateScenario(JSON.parse(JSON.stringify(sample)));

function quotaTable(year: number): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  for (const q of computeQuotas(scenario, year)) (table[q.indicator] ??= {})[q.unit] = q.quota;
  return table;
}

function row(a: Assessment, unit: string, indicator: string) {
  const r = a.rows.find((x) => x.unit === unit && x.indicator === indicator);
  if (!r) throw new Error(`no row ${unit}/${indicator}`);
  return r;
}

describe('the Xiacheng sample through the engine', () => {
  test('validates and is its own normalized form (what `export` of `init --sample` gives back)', () => {
    expect(scenario).toEqual(sample);
  });

  test('2019 quotas: largest remainder with locked departments, Sainte-Laguë, Huntington-Hill, D’Hondt, equal', () => {
    expect(quotaTable(2019)).toEqual({
      // 28 − 6 locked = 22 over weights summing to 107; the streets' min 1 does not bind.
      gqq_new: {
        wulin: 3,
        tianshui: 2,
        zhaohui: 3,
        chaoming: 2,
        changqing: 1,
        dongxin: 3,
        shiqiao: 2,
        wenhui: 2,
        keji: 2,
        jinglv: 1,
        shangwu: 1,
        shichang: 1,
        wenchuang: 1,
        kuamao: 2,
        dianjing: 1,
        yingshi: 1,
      },
      sme_new: {
        wulin: 9,
        tianshui: 5,
        zhaohui: 8,
        chaoming: 5,
        changqing: 3,
        dongxin: 9,
        shiqiao: 6,
        wenhui: 7,
        keji: 2,
        jinglv: 2,
        shangwu: 1,
        shichang: 1,
        wenchuang: 1,
        kuamao: 5,
        dianjing: 3,
        yingshi: 3,
      },
      startup_apply: {
        wulin: 5,
        tianshui: 3,
        zhaohui: 4,
        chaoming: 3,
        changqing: 2,
        dongxin: 6,
        shiqiao: 3,
        wenhui: 4,
      },
      pool_new: { keji: 41, jinglv: 26, shangwu: 18, shichang: 14, wenchuang: 11 },
      platform_intro: { kuamao: 7, dianjing: 7, yingshi: 7 },
    });
    for (const year of [2018, 2019, 2020]) {
      const table = quotaTable(year);
      for (const [indicator, byUnit] of Object.entries(table)) {
        const target = sample.targets.find((t) => t.indicator === indicator && t.year === year)!;
        expect(Object.values(byUnit).reduce((s, q) => s + q, 0)).toBe(target.total);
      }
    }
  });

  describe('2019Q3', () => {
    const a = assess(scenario, '2019Q3');

    test('statuses: every unit type has units ahead, behind and lagging', () => {
      const expected: Record<string, Partial<Record<string, Status>>> = {
        wulin: { gqq_new: 'ahead', sme_new: 'ahead', startup_apply: 'ahead' },
        tianshui: { gqq_new: 'lagging', sme_new: 'behind', startup_apply: 'ahead' },
        zhaohui: { gqq_new: 'ahead', sme_new: 'ahead', startup_apply: 'behind' },
        chaoming: { gqq_new: 'lagging', sme_new: 'lagging', startup_apply: 'lagging' },
        changqing: { gqq_new: 'lagging', sme_new: 'lagging', startup_apply: 'lagging' },
        // 5 against a milestone of 9 × 0.7 = 6.3 is 0.794: just under the warning line.
        dongxin: { gqq_new: 'ahead', sme_new: 'lagging', startup_apply: 'behind' },
        shiqiao: { gqq_new: 'lagging', sme_new: 'behind', startup_apply: 'ahead' },
        wenhui: { gqq_new: 'ahead', sme_new: 'ahead', startup_apply: 'ahead' },
        keji: { gqq_new: 'ahead', sme_new: 'ahead', pool_new: 'ahead' },
        jinglv: { gqq_new: 'lagging', sme_new: 'lagging', pool_new: 'lagging' },
        shangwu: { gqq_new: 'lagging', sme_new: 'ahead', pool_new: 'lagging' },
        shichang: { gqq_new: 'lagging', sme_new: 'lagging', pool_new: 'lagging' },
        wenchuang: { gqq_new: 'lagging', sme_new: 'lagging', pool_new: 'behind' },
        kuamao: { gqq_new: 'ahead', sme_new: 'ahead', platform_intro: 'ahead' },
        dianjing: { gqq_new: 'lagging', sme_new: 'behind', platform_intro: 'lagging' },
        yingshi: { gqq_new: 'ahead', sme_new: 'lagging', platform_intro: 'behind' },
      };
      const actual: Record<string, Partial<Record<string, Status>>> = {};
      for (const r of a.rows) (actual[r.unit] ??= {})[r.indicator] = r.status;
      expect(actual).toEqual(expected);
    });

    test('长庆街道 and 区市场监管局 did not report: counted as 0, shown as 未报送', () => {
      const unreported = a.rows.filter((r) => !r.reported).map((r) => `${r.unit}/${r.indicator}`);
      expect(unreported).toEqual([
        'changqing/gqq_new',
        'changqing/sme_new',
        'changqing/startup_apply',
        'shichang/gqq_new',
        'shichang/sme_new',
        'shichang/pool_new',
      ]);
      expect(row(a, 'changqing', 'sme_new')).toMatchObject({
        quota: 3,
        actual: 0,
        rate: 0,
        timely: 0,
        score: 0,
      });
      // Nothing done on start-up applications (no return): not ranked and 0 — not the floor 12
      // that 潮鸣街道 gets at 66.7% (SPEC §5).
      expect(row(a, 'changqing', 'startup_apply')).toMatchObject({
        rate: 0,
        score: 0,
        reportStatus: 'missing',
      });
      expect(row(a, 'chaoming', 'startup_apply')).toMatchObject({ rate: 2 / 3, score: 12 });
    });

    test('跨贸小镇 exceeds its 国高企 quota and earns the bonus', () => {
      expect(row(a, 'kuamao', 'gqq_new')).toEqual({
        unit: 'kuamao',
        indicator: 'gqq_new',
        quota: 2,
        milestone: 0.4,
        actual: 3,
        reported: true,
        rate: 1.5,
        timely: 7.5,
        status: 'ahead',
        score: 40,
        bonus: 2.5,
        projected: 15, // 3 / 0.2: the 2019 profile expects 20% by Q3
        reportStatus: 'onTime',
        arrivedAt: '2019-10-08T02:00:00.000Z',
      });
      expect(a.rows.filter((r) => (r.bonus ?? 0) > 0).map((r) => r.unit)).toEqual(['kuamao']);
    });

    test('the rule kinds score as designed', () => {
      // linear: 40 × 1/3; tiered: rate 0.8 exactly reaches the 0.8 tier; rank: 1.0 three ways at rank 2.
      expect(row(a, 'wulin', 'gqq_new').score).toBeCloseTo(40 / 3, 12);
      expect(row(a, 'kuamao', 'sme_new')).toMatchObject({ rate: 0.8, score: 24 });
      expect(row(a, 'yingshi', 'sme_new')).toMatchObject({ score: 0 });
      expect(
        ['wulin', 'tianshui', 'shiqiao', 'wenhui', 'dongxin', 'zhaohui', 'chaoming'].map(
          (u) => row(a, u, 'startup_apply').score,
        ),
      ).toEqual([30, 27, 27, 27, 18, 15, 12]);
      expect(
        ['kuamao', 'yingshi', 'dianjing'].map((u) => row(a, u, 'platform_intro').score),
      ).toEqual([30, 25, 20]);
    });

    test('every unit type is ranked, with a tie, and every grade occurs', () => {
      const expected: Array<[string, number, number, string]> = [
        ['wulin', 184 / 3, 2, '合格'],
        ['tianshui', 45, 4, '不合格'],
        ['zhaohui', 139 / 3, 3, '不合格'],
        ['chaoming', 24, 7, '不合格'],
        ['changqing', 0, 8, '不合格'],
        ['dongxin', 130 / 3, 6, '不合格'],
        ['shiqiao', 45, 4, '不合格'],
        ['wenhui', 65, 1, '合格'],
        ['keji', 3100 / 41, 1, '良好'],
        ['jinglv', 381 / 13, 3, '不合格'],
        ['shangwu', 125 / 3, 2, '不合格'],
        ['shichang', 0, 5, '不合格'],
        ['wenchuang', 240 / 11, 4, '不合格'],
        ['kuamao', 96.5, 1, '优秀'],
        ['dianjing', 38, 3, '不合格'],
        ['yingshi', 65, 2, '合格'],
      ];
      expect(a.units.map((u) => [u.unit, u.rank, u.grade])).toEqual(
        expected.map(([u, , rank, grade]) => [u, rank, grade]),
      );
      a.units.forEach((u, i) => expect(u.total).toBeCloseTo(expected[i][1], 9));
      expect(new Set(a.units.map((u) => u.type))).toEqual(
        new Set(['street', 'department', 'platform']),
      );
    });

    test('district rows: 国高企 ahead of the time line, the rest behind or lagging', () => {
      const d = Object.fromEntries(a.district.map((r) => [r.indicator, r]));
      expect(Object.keys(d)).toEqual([
        'gqq_total',
        'gqq_new',
        'hitech_share',
        'sme_new',
        'startup_apply',
        'pool_new',
        'platform_intro',
      ]);
      expect(d.gqq_total).toMatchObject({
        target: 136,
        actual: 118,
        milestone: 136,
        status: 'behind',
      });
      expect(d.gqq_total.rate).toBeCloseTo(118 / 136, 12);
      expect(d.gqq_new).toMatchObject({ target: 28, actual: 9, status: 'ahead' });
      expect(d.gqq_new.milestone).toBeCloseTo(5.6, 12);
      expect(d.hitech_share).toMatchObject({ target: 80.6, actual: 79.6, status: 'behind' });
      expect(d.sme_new).toMatchObject({ target: 70, actual: 43, milestone: 49, status: 'behind' });
      expect(d.startup_apply).toMatchObject({
        target: 30,
        actual: 26,
        milestone: 27,
        status: 'behind',
      });
      // 65 against 110 × 0.75 = 82.5 is 0.788.
      expect(d.pool_new).toMatchObject({
        target: 110,
        actual: 65,
        milestone: 82.5,
        status: 'lagging',
      });
      expect(d.platform_intro).toMatchObject({
        target: 21,
        actual: 15,
        milestone: 15.75,
        status: 'behind',
      });
    });
  });

  test('2018 year-end: most units meet their quotas, with every grade and a tie in the ranking', () => {
    const a = assess(scenario, '2018');
    expect(a.units.map((u) => [u.unit, u.rank, u.grade])).toEqual([
      ['wulin', 2, '优秀'],
      ['tianshui', 4, '优秀'],
      ['zhaohui', 5, '优秀'],
      ['chaoming', 8, '不合格'],
      ['changqing', 6, '良好'],
      ['dongxin', 2, '优秀'],
      ['shiqiao', 7, '合格'],
      ['wenhui', 1, '优秀'],
      ['keji', 1, '优秀'],
      ['jinglv', 3, '优秀'],
      ['shangwu', 2, '优秀'],
      ['shichang', 4, '优秀'],
      ['wenchuang', 5, '不合格'],
      ['kuamao', 1, '优秀'],
      ['dianjing', 3, '不合格'],
      ['yingshi', 2, '良好'],
    ]);
    // 武林: 5 of 3 new 国高企 = 40 + (5/3 − 1) × 100 × 0.05; 12 of 10 SMEs = 30; start-ups ranked 2nd = 27.
    expect(a.units[0].total).toBeCloseTo(40 + 10 / 3 + 30 + 27, 9);
    expect(a.rows.every((r) => r.reported)).toBe(true);
    const d = Object.fromEntries(a.district.map((r) => [r.indicator, r]));
    expect(d.gqq_total).toMatchObject({ target: 108, actual: 112, status: 'ahead' });
    expect(d.gqq_new).toMatchObject({ target: 28, actual: 35, status: 'ahead' });
    expect(d.sme_new).toMatchObject({ target: 70, actual: 72, status: 'ahead' });
    expect(d.startup_apply).toMatchObject({ target: 30, actual: 32, status: 'ahead' });
  });
});
