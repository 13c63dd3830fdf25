/**
 * The sample's bulletins over time (SPEC §10 "Over time", issue 11): 2019Q2 → 2019Q3 → 2019Q4,
 * checked against figures computed by hand from src/sample/xiacheng.ts.
 *
 * 2019 street quotas (allocation of the sample's targets), gqq_new / sme_new / startup_apply:
 *   武林 3/9/5, 天水 2/5/3, 朝晖 3/8/4, 潮鸣 2/5/3, 长庆 1/3/2, 东新 3/9/6, 石桥 2/6/3, 文晖 2/7/4.
 * Rules: gqq_new linear 40; sme_new tiered 30 at 100/80/60/40%; startup_apply rank 30, step 3,
 * floor 12 — a street with nothing done is not ranked and scores 0 (SPEC §5).
 * Profiles at Q1/Q2/Q3: gqq_new 0/0/0.2, sme_new 0.2/0.45/0.7, startup_apply 0.1/0.6/0.9.
 *
 * 2019Q1 street totals (gqq 0 done; every sme rate below 40% → 0; startup ranked among those with
 * A > 0: 文晖 1/4, 武林 1/5, 东新 1/6): 文晖 30 (#1), 武林 27 (#2), 东新 24 (#3), the other five 0 (#4).
 *
 * 2019Q2 (gqq 0 done by anyone):
 *   武林   sme 4/9 = 44% → 12, startup 4/5 = 0.8 (#1) → 30        = 42 (#1)
 *   文晖   sme 3/7 = 43% → 12, startup 3/4 = 0.75 (#2) → 27       = 39 (#2)
 *   天水   sme 2/5 = 40% → 12, startup 2/3 (#3, with 石桥) → 24   = 36 (#3)
 *   朝晖   sme 4/8 = 50% → 12, startup 2/4 (#5, with 东新, 长庆) → 18 = 30 (#4)
 *   石桥   sme 2/6 → 0, startup 2/3 (#3) → 24                     = 24 (#5)
 *   东新   sme 3/9 → 0, startup 3/6 (#5) → 18                     = 18 (#6)
 *   长庆   sme 1/3 → 0, startup 1/2 (#5) → 18                     = 18 (#6)
 *   潮鸣   sme 1/5 → 0, startup 1/3 (#8: 30 − 21 → floor 12)       = 12 (#8)
 *   moves against Q1: 武林 2→1 ↑1, 文晖 1→2 ↓1, 天水 4→3 ↑1, 朝晖 4→4 —, 石桥 4→5 ↓1,
 *   东新 3→6 ↓3, 长庆 4→6 ↓2, 潮鸣 4→8 ↓4.
 *
 * 2019Q3 (startup rates: 武林 6/5 #1; 天水, 石桥, 文晖 1.0 #2; 东新 5/6 #5; 朝晖 3/4 #6; 潮鸣 2/3 #7;
 * 长庆 no return → not ranked, 0 where it used to get the floor 12):
 *   文晖   gqq 1/2 → 20, sme 5/7 = 71% → 18, startup #2 → 27        = 65 (#1)
 *   武林   gqq 1/3 → 13.33, sme 7/9 = 78% → 18, startup #1 → 30     = 61.33 (#2)
 *   朝晖   13.33 + sme 6/8 → 18 + startup #6 → 15                    = 46.33 (#3)
 *   天水   0 + sme 3/5 → 18 + 27 = 45 (#4);  石桥 0 + sme 4/6 → 18 + 27 = 45 (#4)
 *   东新   13.33 + sme 5/9 → 12 + startup #5 → 18                    = 43.33 (#6)
 *   潮鸣   0 + sme 2/5 → 12 + startup #7 → 12 (floor)                = 24 (#7)
 *   长庆   0 + 0 + 0                                                 = 0 (#8)
 *   moves against Q2: 文晖 ↑1, 武林 ↓1, 朝晖 ↑1, 天水 ↓1, 石桥 ↑1, 东新 —, 潮鸣 ↑1, 长庆 ↓2.
 *
 * 2019Q4: nobody has reported; every street scores 0 (no floor for start-ups) and ties at #1:
 *   moves against Q3: 文晖 —, 武林 ↑1, 朝晖 ↑2, 天水 ↑3, 石桥 ↑3, 东新 ↑5, 潮鸣 ↑6, 长庆 ↑7.
 */
import { assess } from '../../src/engine/assess';
import { bulletinContent, BulletinContent } from '../../src/engine/bulletin';
import type { Scenario } from '../../src/engine/types';
import { xiachengSample } from '../../src/sample/xiacheng';

const sample = xiachengSample();
const content = (period: string, s: Scenario = sample): BulletinContent =>
  bulletinContent(s, assess(s, period), { issuedOn: '2019-10-15', seq: 2 });
const streets = (c: BulletinContent) =>
  c.groups.find((g) => g.type === 'street')!.units.map((u) => [u.name, u.rank, u.move]);
const paragraph = (c: BulletinContent, indicator: string) =>
  c.paragraphs.find((p) => p.indicator === indicator)!.text;

describe('the sample over time: rank moves (较上期)', () => {
  it('2019Q2 against 2019Q1', () => {
    const c = content('2019Q2');
    expect(c.previousPeriod).toBe('2019Q1');
    expect(streets(c)).toEqual([
      ['武林街道', 1, '↑1'],
      ['文晖街道', 2, '↓1'],
      ['天水街道', 3, '↑1'],
      ['朝晖街道', 4, '—'],
      ['石桥街道', 5, '↓1'],
      ['长庆街道', 6, '↓2'],
      ['东新街道', 6, '↓3'],
      ['潮鸣街道', 8, '↓4'],
    ]);
  });

  it('2019Q3 against 2019Q2, with 长庆 (no return) unranked on start-ups and last', () => {
    const a = assess(sample, '2019Q3');
    const row = (u: string) => a.rows.find((r) => r.unit === u && r.indicator === 'startup_apply')!;
    expect([row('changqing').score, row('chaoming').score]).toEqual([0, 12]);
    const c = content('2019Q3');
    expect(c.previousPeriod).toBe('2019Q2');
    expect(streets(c)).toEqual([
      ['文晖街道', 1, '↑1'],
      ['武林街道', 2, '↓1'],
      ['朝晖街道', 3, '↑1'],
      ['天水街道', 4, '↓1'],
      ['石桥街道', 4, '↑1'],
      ['东新街道', 6, '—'],
      ['潮鸣街道', 7, '↑1'],
      ['长庆街道', 8, '↓2'],
    ]);
    const totals = a.units.filter((u) => u.type === 'street').map((u) => [u.unit, u.total]);
    expect(totals).toEqual([
      ['wulin', 40 / 3 + 18 + 30],
      ['tianshui', 45],
      ['zhaohui', 40 / 3 + 18 + 15],
      ['chaoming', 24],
      ['changqing', 0],
      ['dongxin', 40 / 3 + 12 + 18],
      ['shiqiao', 45],
      ['wenhui', 65],
    ]);
    expect(a.units.find((u) => u.unit === 'wenhui')).toMatchObject({
      previousRank: 2,
      rankChange: 1,
    });
  });

  it('2019Q4, when nobody has reported: no unit gets the rank rule’s points, all tie at 0', () => {
    const a = assess(sample, '2019Q4');
    expect(a.rows.every((r) => r.reportStatus === 'missing' && (r.score ?? 0) === 0)).toBe(true);
    expect(a.units.every((u) => u.total === 0 && u.rank === 1)).toBe(true);
    const c = content('2019Q4');
    expect(c.previousPeriod).toBe('2019Q3');
    expect(streets(c).map(([name, , move]) => `${name}${move}`)).toEqual([
      '武林街道↑1',
      '天水街道↑3',
      '朝晖街道↑2',
      '潮鸣街道↑6',
      '长庆街道↑7',
      '东新街道↑5',
      '石桥街道↑3',
      '文晖街道—',
    ]);
  });
});

describe('the sample over time: district change and projection', () => {
  it('2019Q3: rates against 2019Q2 and the year at the current pace', () => {
    const c = content('2019Q3');
    // gqq_new: 9 of 28 = 32.1% (Q2: 1 of 28 = 3.6%, +28.5); 9 / 0.2 = 45 = 160.7% of 28.
    expect(paragraph(c, 'gqq_new')).toBe(
      '截至9月底，全区新增国高企9家，完成年度目标28家的32.1%，较上季度提高28.5个百分点，超序时进度12.1个百分点。按当前进度，预计全年可完成45家，为年度目标的160.7%。',
    );
    // sme_new: 43 of 70 = 61.4% (Q2: 26 = 37.1%, +24.3); 43 / 0.7 = 61.43 → 61家, 87.8%.
    expect(paragraph(c, 'sme_new')).toMatch(
      /较上季度提高24\.3个百分点，略低于序时进度8\.6个百分点。按当前进度，预计全年可完成61家，为年度目标的87\.8%。$/,
    );
    // startup_apply: 26 of 30 = 86.7% (Q2: 18 = 60.0%, +26.7); 26 / 0.9 = 28.89 → 29家, 96.3%.
    expect(paragraph(c, 'startup_apply')).toMatch(
      /较上季度提高26\.7个百分点.*预计全年可完成29家，为年度目标的96\.3%。$/,
    );
    // pool_new: 65 / 0.75 = 86.67 → 87家, 78.8% of 110; platform_intro: 15 / 0.75 = 20, 95.2% of 21.
    expect(paragraph(c, 'pool_new')).toMatch(/预计全年可完成87家，为年度目标的78\.8%。$/);
    expect(paragraph(c, 'platform_intro')).toMatch(/预计全年可完成20家，为年度目标的95\.2%。$/);
    // 国高企数量 (a level): 118, Q2 110 (+8); from the 2018 year end 112 at the pace of 0.75:
    // 112 + 6 / 0.75 = 120 = 88.2% of 136.
    expect(paragraph(c, 'gqq_total')).toBe(
      '截至9月底，全区国高企数量为118家，较上季度增加8家，年度目标136家，完成年度目标的86.8%，尚差18家。按当前进度，预计年末可达120家，为年度目标的88.2%。',
    );
    // The share: 79.6 (Q2 79.0, +0.6); 77.9 + 1.7 / 0.75 = 80.17 → 80.2%.
    expect(paragraph(c, 'hitech_share')).toMatch(
      /较上季度提高0\.6个百分点.*按当前进度，预计年末可达80\.2%（年度目标80\.6%）。$/,
    );
  });

  it('2019Q2: no projection where the profile expects nothing yet (新增国高企 0% by Q2)', () => {
    const c = content('2019Q2');
    expect(paragraph(c, 'gqq_new')).not.toMatch(/预计/);
    // sme_new 26 / 0.45 = 57.78 → 58家, 82.5% of 70; 国高企数量 112 + (110 − 112) / 0.5 = 108.
    expect(paragraph(c, 'sme_new')).toMatch(/预计全年可完成58家，为年度目标的82\.5%。$/);
    expect(paragraph(c, 'gqq_total')).toMatch(
      /较上季度减少2家.*预计年末可达108家，为年度目标的79\.4%。$/,
    );
  });

  it('2019Q3 per unit: projected = A / profile[q]', () => {
    const a = assess(sample, '2019Q3');
    const row = (u: string, i: string) => a.rows.find((r) => r.unit === u && r.indicator === i)!;
    expect(row('wulin', 'sme_new').projected).toBeCloseTo(10, 12); // 7 / 0.7
    expect(row('wenhui', 'startup_apply').projected).toBeCloseTo(40 / 9, 12); // 4 / 0.9
    expect(row('kuamao', 'gqq_new').projected).toBe(15); // 3 / 0.2
    expect(row('changqing', 'gqq_new').projected).toBe(0); // no return: 0
  });

  it('the plan’s last year: the same sentence against the three-year targets (160 / 力争 170)', () => {
    const s = xiachengSample();
    // Illustrative: 国高企 138 at the end of 2019, 150 by 2020Q3; 6 new by 2020Q3.
    s.actuals.push(
      { indicator: 'gqq_total', period: '2019', value: 138 },
      { indicator: 'gqq_total', period: '2020Q3', value: 150 },
      { indicator: 'gqq_new', unit: 'wulin', period: '2020Q3', value: 3 },
      { indicator: 'gqq_new', unit: 'kuamao', period: '2020Q3', value: 3 },
    );
    const c = content('2020Q3', s);
    // 138 + 12 / 0.75 = 154: 96.3% of 160, 90.6% of 170.
    expect(paragraph(c, 'gqq_total')).toMatch(
      /按当前进度，预计年末可达154家，为三年行动计划目标160家的96\.3%、力争目标170家的90\.6%。$/,
    );
    // 6 / 0.2 = 30: 125.0% of 24, 88.2% of 34.
    expect(paragraph(c, 'gqq_new')).toMatch(
      /按当前进度，预计全年可完成30家，为三年行动计划目标24家的125\.0%、力争目标34家的88\.2%。$/,
    );
  });
});

describe('the sample over time: 报送情况 (deadline 10 days after quarter end)', () => {
  it('2019Q2: 朝晖街道 reported on 15 July, after the 10 July deadline (迟报)', () => {
    const c = content('2019Q2');
    expect(c.returnDeadline).toBe('2019年7月10日');
    expect(c.late.map((u) => [u.name, u.indicators, u.arrivedAt])).toEqual([
      ['朝晖街道', [], '2019-07-15T01:30:00.000Z'],
    ]);
    expect(c.unreported).toEqual([]);
    expect(c.unreportedText).toBe(
      '本期季度报表报送截止日期为2019年7月10日。迟报的单位（1个）：朝晖街道。请相关单位严格执行报送制度。',
    );
  });

  it('2019Q3: 天水街道 late (12 October), 长庆街道 and 区市场监管局 missing', () => {
    const c = content('2019Q3');
    expect(c.returnDeadline).toBe('2019年10月10日');
    expect(c.late.map((u) => u.name)).toEqual(['天水街道']);
    expect(c.unreported.map((u) => u.name)).toEqual(['长庆街道', '区市场监管局']);
    expect(c.unreportedText).toBe(
      '本期季度报表报送截止日期为2019年10月10日。迟报的单位（1个）：天水街道；未报送的单位（2个）：长庆街道、区市场监管局。未报送的指标按完成数为0计算，请相关单位严格执行报送制度。',
    );
    const tianshui = c.groups[0].units.find((u) => u.name === '天水街道')!;
    expect(tianshui.rows.map((r) => r.reportStatus)).toEqual(['late', 'late', 'late']);
  });

  it('2019Q4: all sixteen units missing by the 10 January 2020 deadline', () => {
    const c = content('2019Q4');
    expect(c.returnDeadline).toBe('2020年1月10日');
    expect(c.unreported).toHaveLength(16);
    expect(c.late).toEqual([]);
  });

  it('counts a return arriving at 23:59 Beijing time on the deadline as on time, a minute later as late', () => {
    const s = xiachengSample();
    const last = s.actuals.find((a) => a.unit === 'wulin' && a.period === '2019Q3')!;
    const at = (importedAt: string) => {
      for (const a of s.actuals)
        if (a.unit === 'wulin' && a.period === '2019Q3') a.importedAt = importedAt;
      return assess(s, '2019Q3').rows.find((r) => r.unit === 'wulin')!.reportStatus;
    };
    expect(last).toBeDefined();
    expect(at('2019-10-10T15:59:00.000Z')).toBe('onTime');
    expect(at('2019-10-10T16:00:00.000Z')).toBe('late');
    expect(at('2019-10-10')).toBe('onTime');
    expect(at('2019-10-11')).toBe('late');
    s.plan.returnDeadlineDays = 15;
    expect(at('2019-10-12T06:00:00.000Z')).toBe('onTime');
  });
});

describe('the sample over time: 存在问题 and 下步工作要求 from the data', () => {
  it('2019Q3 names the districts indicators behind time, the lagging counts, the risks and the reporting', () => {
    const c = content('2019Q3');
    expect(c.issues.lines).toEqual([
      '1．全区新增省科技型中小企业和市级高新技术企业（低8.6个百分点）、杭州市科技型初创企业培育申报（低3.3个百分点）、国高企培育库新增入库企业（低15.9个百分点）、平台引进高新技术支撑型企业（低3.6个百分点）完成率低于序时进度。',
      '2．滞后序时进度的单位：新增国高企9个、新增省科技型中小企业和市级高新技术企业7个、杭州市科技型初创企业培育申报2个、国高企培育库新增入库企业3个、平台引进高新技术支撑型企业1个（名单见序时进度情况）。',
      '3．按当前进度，朝晖街道、天水街道、石桥街道、东新街道、区委宣传部（文创办）、中国互联网影视产业园、区电竞小镇管委会（7个）预计不能完成部分指标的年度任务。',
      '4．天水街道迟报季度报表，长庆街道、区市场监管局未报送季度报表。',
    ]);
    expect(c.requirements.lines[1]).toBe(
      '2．长庆街道、区市场监管局、天水街道要严格执行季度报送制度，在每季度结束后10日内报送季度报表。',
    );
    expect(c.issues.kept).toBe(false);
    expect(c.docNumber).toBe('下科创办〔2019〕2号');
  });

  it('shows a user’s text for a section instead of the generated one', () => {
    const s = xiachengSample();
    const c = bulletinContent(s, assess(s, '2019Q3'), {
      issuedOn: '2019-10-15',
      keptText: { requirements: '一、请各街道抓紧推进。\n二、请按时报送。' },
    });
    expect(c.requirements).toMatchObject({
      kept: true,
      lines: ['一、请各街道抓紧推进。', '二、请按时报送。'],
    });
    expect(c.requirements.generated).toMatch(/^1．进度滞后的/);
    expect(c.issues.kept).toBe(false);
  });
});
