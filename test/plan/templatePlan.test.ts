import { thrownZh } from '../support/problems';
import ExcelJS from 'exceljs';
import { templatesJob } from '../../src/plan/jobs/templates';
import { planInit } from '../../src/plan/jobs/init';
import { RETURN_HEADER_ROW, templateFileName } from '../../src/plan/templatePlan';
import { applyBookPlan, readSnapshot } from '../../src/xlsx';
import { RETURNS_SCENARIO } from '../support/planBook';

function job(period = '2019Q3') {
  const wb = new ExcelJS.Workbook();
  applyBookPlan(wb, planInit(RETURNS_SCENARIO, { now: '2019-10-01T00:00:00.000Z' }));
  return templatesJob(readSnapshot(wb), { period, now: '2019-10-02T00:00:00.000Z' });
}

describe('templatesJob', () => {
  it('writes one template per unit that carries an indicator, named by period and unit', () => {
    const { templates } = job();
    expect(templates.map((t) => [t.fileName, t.indicators])).toEqual([
      ['2019Q3-武林街道-季度报表.xlsx', ['gqq_new', 'startup', 'rd_invest']],
      ['2019Q3-天水街道-季度报表.xlsx', ['gqq_new', 'startup', 'rd_invest']],
      ['2019Q3-朝晖街道-季度报表.xlsx', ['gqq_new', 'startup', 'rd_invest']],
      ['2019Q3-区科技局-季度报表.xlsx', ['gqq_new']],
    ]);
  });

  it('fills in the quotas of the year, identity at the top and in the properties, and leaves only the two columns editable', () => {
    const t = job().templates[0];
    const sheet = t.book.sheets[0];
    expect(t.book.properties).toEqual({
      'td.unit': 'wulin',
      'td.period': '2019Q3',
      'td.version': 'TD-RETURN-1',
      'td.plan': '测试区科技目标行动计划',
    });
    const table = sheet.tables![0];
    expect(table.name).toBe('TD_Return');
    expect(table.at).toBe(`A${RETURN_HEADER_ROW}`);
    expect(table.columns.map((c) => c.header)).toEqual([
      '指标编号',
      '指标名称',
      '计量单位',
      '年度任务',
      '本年累计完成',
      '备注',
    ]);
    // 12 / 4 units, 9 / 3 streets, 300.5 / 3 streets at one decimal (largest remainder: 100.2, 100.2, 100.1).
    expect(table.rows).toEqual([
      ['gqq_new', '新增国高企', '家', 3, null, null],
      ['startup', '科技型初创企业申报', '家', 3, null, null],
      ['rd_invest', '研发投入', '万元', 100.2, null, null],
    ]);
    expect(sheet.ranges[1].values.slice(0, 2)).toEqual([
      ['填报单位', '武林街道', '单位编号', 'wulin', '报送期', '2019Q3'],
      ['所属计划', '测试区科技目标行动计划', null, null, '模板版本', 'TD-RETURN-1'],
    ]);
    expect(sheet.protection).toEqual({ unlocked: ['E14:F16'] });
    expect(sheet.validations!.map((v) => [v.range, v.type, v.min])).toEqual([
      ['E14', 'whole', 0],
      ['E15', 'whole', 0],
      ['E16', 'decimal', 0],
    ]);
  });

  it('refuses a bare year and a year without targets', () => {
    expect(() => job('2019')).toThrow('--period: give a quarter, such as 2019Q3');
    expect(thrownZh(() => job('2019'))).toEqual([
      { code: 'period.needsQuarter', zh: '请给出季度，例如 2019Q3' },
    ]);
    expect(() => job('2021Q1')).toThrow(
      '--period: the plan has no target for 2021 (its years: 2019)',
    );
    expect(thrownZh(() => job('2021Q1'))).toEqual([
      { code: 'period.outsidePlan', zh: '本计划没有 2021 年的目标（计划年度：2019）' },
    ]);
  });

  it('keeps file names valid on every system', () => {
    expect(
      templateFileName(
        { id: 'x', name: '园区/小镇:平台', type: 'platform' },
        { year: 2019, quarter: 3 },
      ),
    ).toBe('2019Q3-园区_小镇_平台-季度报表.xlsx');
  });
});
