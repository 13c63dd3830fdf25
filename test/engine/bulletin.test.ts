import { bulletinContent, chineseDate, planTopic } from '../../src/engine/bulletin';
import { InputError } from '../../src/engine/errors';
import type { Assessment, Scenario } from '../../src/engine/types';
import scenarioJson from '../fixtures/bulletin/scenario.json';
import assessmentJson from '../fixtures/bulletin/assessment-2019Q3.json';

const scenario = () => structuredClone(scenarioJson) as Scenario;
const assessment = () => structuredClone(assessmentJson) as Assessment;
const issuedOn = '2019-10-15';

function paragraphs(s: Scenario, a: Assessment): string[] {
  return bulletinContent(s, a, { issuedOn }).paragraphs.map((p) => p.text);
}

function district(a: Assessment, indicator: string) {
  return a.district.find((d) => d.indicator === indicator)!;
}

describe('bulletin heading', () => {
  it('titles a quarter with the topic taken from the plan name, and dates it the Chinese way', () => {
    const c = bulletinContent(scenario(), assessment(), { issuedOn });
    expect(c.title).toBe('关于2019年第三季度国高企培育工作进展情况的通报');
    expect(c.organization).toBe('区科技创新工作领导小组办公室');
    expect(c.issuedOn).toBe('2019年10月15日');
    expect(c.opening).toBe(
      '为深入贯彻落实《下城区国高企培育三年行动计划》，按照定期检查通报制度要求，现将2019年第三季度全区国高企培育工作进展情况通报如下：',
    );
  });

  it('titles the year end 年度, for a bare year and for Q4 alike', () => {
    for (const period of ['2019', '2019Q4']) {
      const a = { ...assessment(), period };
      expect(bulletinContent(scenario(), a, { issuedOn: '2020-01-10' }).title).toBe(
        '关于2019年度国高企培育工作进展情况的通报',
      );
    }
  });

  it('strips the district and the plan-type suffix from the plan name', () => {
    expect(planTopic('下城区国高企培育三年行动计划', '下城区')).toBe('国高企培育');
    expect(planTopic('下城区科技企业培育行动计划', '下城区')).toBe('科技企业培育');
    expect(planTopic('拱墅区数字经济工作实施方案', '拱墅区')).toBe('数字经济');
    expect(planTopic('人才引进工作方案', '下城区')).toBe('人才引进');
  });

  it('refuses a malformed or impossible issue date, naming the field', () => {
    expect(chineseDate('2020-02-29')).toBe('2020年2月29日');
    for (const bad of ['2019/10/15', '2019-02-29', '2019-13-01', '']) {
      expect(() => chineseDate(bad)).toThrow(InputError);
    }
    expect(() => bulletinContent(scenario(), assessment(), { issuedOn: '15.10.2019' })).toThrow(
      /issuedOn/,
    );
  });
});

describe('district paragraphs', () => {
  it('writes ahead, lagging and level indicators the way a bulletin does', () => {
    expect(paragraphs(scenario(), assessment())).toEqual([
      // 20 / 0.2 = 100 projected: 100 / 28 = 357.1%, 100 / 31 = 322.6%
      '截至9月底，全区新增国高企20家，完成年度目标28家的71.4%、力争目标31家的64.5%，超序时进度51.4个百分点。按当前进度，预计全年可完成100家，为年度目标的357.1%、力争目标31家的322.6%。',
      // 37 / 0.75 = 49.33 → 49家; 49.33 / 70 = 70.5%
      '截至9月底，全区新增省科技型中小企业和市级高企37家，完成年度目标70家的52.9%，滞后序时进度22.1个百分点。按当前进度，预计全年可完成49家，为年度目标的70.5%。',
      '截至9月底，全区高新技术产业增加值占比为80.1%，年度目标83.9%，低于年度目标3.8个百分点。',
    ]);
  });

  it('says 略低于 for a behind indicator and 达到 when the rate equals the time progress', () => {
    const a = assessment();
    Object.assign(district(a, 'kjxzx'), {
      actual: 49,
      rate: 0.7,
      timely: 0.7 / 0.75,
      status: 'behind',
      projected: null,
    });
    Object.assign(district(a, 'gqq_new'), {
      actual: 5.6,
      rate: 0.2,
      timely: 1,
      status: 'ahead',
      projected: null,
    });
    const [gqq, kjxzx] = paragraphs(scenario(), a);
    expect(gqq).toBe(
      '截至9月底，全区新增国高企5.6家，完成年度目标28家的20.0%、力争目标31家的18.1%，达到序时进度。',
    );
    expect(kjxzx).toBe(
      '截至9月底，全区新增省科技型中小企业和市级高企49家，完成年度目标70家的70.0%，略低于序时进度5.0个百分点。',
    );
  });

  it('says so when an indicator has no target, and when the period has no time progress yet', () => {
    const s = scenario();
    s.targets = s.targets.filter((t) => t.indicator !== 'gxcy');
    const a = { ...assessment(), period: '2019Q2' };
    a.district = a.district.filter((d) => d.indicator !== 'gxcy');
    Object.assign(district(a, 'gqq_new'), {
      actual: 3,
      rate: 3 / 28,
      milestone: 0,
      timely: null,
      status: 'none',
      projected: null, // the profile expects nothing by Q2
    });
    Object.assign(district(a, 'kjxzx'), {
      target: 0,
      actual: 12,
      rate: null,
      milestone: 0,
      timely: null,
      status: 'none',
    });
    s.actuals.push({ indicator: 'gxcy', period: '2019Q2', value: 78.5 });
    expect(paragraphs(s, a)).toEqual([
      '截至6月底，全区新增国高企3家，完成年度目标28家的10.7%、力争目标31家的9.7%，本期暂无序时进度要求。',
      '截至6月底，全区新增省科技型中小企业和市级高企12家，未设年度目标。',
      '截至6月底，全区高新技术产业增加值占比为78.5%，未设年度目标。',
    ]);
  });

  it('says a level indicator has no figure yet when the period has no district value', () => {
    const a = assessment();
    Object.assign(district(a, 'gxcy'), { actual: null, rate: null, timely: null, status: 'none' });
    expect(paragraphs(scenario(), a)[2]).toBe(
      '截至9月底，全区高新技术产业增加值占比年度目标83.9%，本期暂无统计数据。',
    );
  });

  it('writes the year end as completed, exceeded or short of the annual target', () => {
    const a = { ...assessment(), period: '2019Q4' };
    Object.assign(district(a, 'gqq_new'), {
      actual: 30,
      rate: 30 / 28,
      milestone: 28,
      timely: 30 / 28,
      status: 'ahead',
    });
    Object.assign(district(a, 'kjxzx'), {
      actual: 64,
      rate: 64 / 70,
      milestone: 70,
      timely: 64 / 70,
      status: 'behind',
    });
    Object.assign(district(a, 'gxcy'), {
      actual: 84.2,
      rate: 84.2 / 83.9,
      timely: 84.2 / 83.9,
      status: 'ahead',
    });
    expect(paragraphs(scenario(), a)).toEqual([
      '截至12月底，全区新增国高企30家，完成年度目标28家的107.1%、力争目标31家的96.8%，超额完成年度目标任务。',
      '截至12月底，全区新增省科技型中小企业和市级高企64家，完成年度目标70家的91.4%，未完成年度目标任务，尚差6家。',
      '截至12月底，全区高新技术产业增加值占比为84.2%，年度目标83.9%，高于年度目标0.3个百分点。',
    ]);
    Object.assign(district(a, 'kjxzx'), { actual: 70, rate: 1, timely: 1, status: 'ahead' });
    expect(paragraphs(scenario(), a)[1]).toBe(
      '截至12月底，全区新增省科技型中小企业和市级高企70家，完成年度目标70家的100.0%，完成年度目标任务。',
    );
  });

  it('writes a level count against its target with the shortfall', () => {
    const s = scenario();
    s.indicators.push({
      id: 'gqq',
      name: '国高企数量',
      measure: '家',
      kind: 'level',
      assessed: 'district',
    });
    s.targets.push({ indicator: 'gqq', year: 2019, total: 136, stretch: 140 });
    const a = assessment();
    a.district.push({
      indicator: 'gqq',
      target: 136,
      actual: 120,
      rate: 120 / 136,
      milestone: 136,
      timely: 120 / 136,
      status: 'behind',
      projected: null,
      previousActual: null,
      previousRate: null,
    });
    expect(paragraphs(s, a)[3]).toBe(
      '截至9月底，全区国高企数量为120家，年度目标136家（力争140家），完成年度目标的88.2%，尚差16家。',
    );
  });
});

describe('ranking groups and lists', () => {
  const c = bulletinContent(scenario(), assessment(), { issuedOn });

  it('groups units by type in rank order, with their indicators in scenario order', () => {
    expect(
      c.groups.map((g) => [g.label, g.units.map((u) => `${u.rank}${u.name}${u.grade}`)]),
    ).toEqual([
      ['街道', ['1武林街道优秀', '2朝晖街道良好', '3天水街道合格', '4石桥街道不合格']],
      ['部门', ['1区科技局合格', '2区经旅局不合格']],
      ['园区平台', ['1区跨贸小镇管委会不合格']],
    ]);
    const wulin = c.groups[0].units[0];
    expect(
      wulin.rows.map((r) => [r.indicatorName, r.quota, r.share, r.actual, r.status, r.score]),
    ).toEqual([
      ['新增国高企', 6, 0.2, 6, 'ahead', 60],
      ['新增省科技型中小企业和市级高企', 20, 0.75, 16, 'ahead', 32],
    ]);
  });

  it('lists units by their progress on each indicator, and the units that did not report', () => {
    expect(c.progress.map((p) => p.text)).toEqual([
      '新增国高企：达到序时进度的有武林街道、朝晖街道、天水街道、区科技局、区经旅局、区跨贸小镇管委会（6个）；滞后序时进度的有石桥街道（1个）。',
      '新增省科技型中小企业和市级高企：达到序时进度的有武林街道（1个）；略低于序时进度的有天水街道（1个）；滞后序时进度的有朝晖街道、石桥街道（2个）。',
    ]);
    expect(c.unreportedText).toBe(
      '本期季度报表报送截止日期为2019年10月10日。未报送的单位（1个）：石桥街道。未报送的指标按完成数为0计算，请相关单位严格执行报送制度。',
    );
  });

  it('names the indicators a unit left out when it reported some, and says when all reported', () => {
    const a = assessment();
    a.rows.find((r) => r.unit === 'shiqiao' && r.indicator === 'gqq_new')!.reported = true;
    expect(bulletinContent(scenario(), a, { issuedOn }).unreportedText).toBe(
      '本期季度报表报送截止日期为2019年10月10日。未报送的单位（1个）：石桥街道（新增省科技型中小企业和市级高企）。未报送的指标按完成数为0计算，请相关单位严格执行报送制度。',
    );
    for (const r of a.rows) r.reported = true;
    expect(bulletinContent(scenario(), a, { issuedOn }).unreportedText).toBe(
      '本期季度报表报送截止日期为2019年10月10日。各单位均已按时报送。',
    );
  });

  it('names units and indicators in the return-versus-list differences', () => {
    const d = bulletinContent(scenario(), assessment(), {
      issuedOn,
      discrepancies: [{ unit: 'tianshui', indicator: 'gqq_new', reported: 4, listed: 3 }],
    }).discrepancies;
    expect(d).toEqual([
      { unitName: '天水街道', indicatorName: '新增国高企', reported: 4, listed: 3, difference: -1 },
    ]);
  });

  it('charts the first flow indicator by unit against its time progress', () => {
    expect(c.chart).toEqual({
      title: '各单位新增国高企完成率与序时进度',
      categories: [
        '武林街道',
        '朝晖街道',
        '天水街道',
        '石桥街道',
        '区科技局',
        '区经旅局',
        '区跨贸小镇管委会',
      ],
      values: [1, 1, 0.6, 0, 1, 2 / 3, 1 / 3],
      reference: 0.2,
      referenceLabel: '序时进度',
      valueLabel: '完成率',
    });
  });
});
