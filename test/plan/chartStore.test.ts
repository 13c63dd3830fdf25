import { chartStoreRows, readChartStore } from '../../src/plan/chartStore';
import type { ChartPlan } from '../../src/plan/types';

const chart = (title: string, categories = ['武林街道']): ChartPlan => ({
  title,
  from: 'A1',
  to: 'H20',
  categories,
  values: categories.map(() => 0.5),
  reference: 0.75,
  referenceLabel: '序时进度',
  valueLabel: '完成率',
});

describe('the chart record (TD_Charts)', () => {
  it("replaces the charts of the sheets laid out, keeps the others' and skips rows broken by hand", () => {
    const current = [
      ['通报 2019Q2', JSON.stringify(chart('二季度'))],
      ['通报 2019Q3', JSON.stringify(chart('旧的'))],
      ['通报 2019Q1', '{not json'],
      [null, 'x'],
    ];
    const rows = chartStoreRows(current, [
      { sheet: '通报 2019Q3', charts: [chart('三季度')] },
      { sheet: '说明', charts: [] },
    ]);
    expect(rows).toEqual([
      ['通报 2019Q2', JSON.stringify(chart('二季度'))],
      ['通报 2019Q3', JSON.stringify(chart('三季度'))],
    ]);
    expect(readChartStore(rows!)).toEqual([
      { sheet: '通报 2019Q2', chart: chart('二季度') },
      { sheet: '通报 2019Q3', chart: chart('三季度') },
    ]);
  });

  it('is left alone when nothing is laid out, or when there is no record and no chart', () => {
    expect(chartStoreRows([['a', JSON.stringify(chart('x'))]], [])).toBeNull();
    expect(chartStoreRows(undefined, [{ sheet: '单位', charts: [] }])).toBeNull();
    expect(chartStoreRows([['单位', JSON.stringify(chart('x'))]], [{ sheet: '单位' }])).toEqual([]);
  });

  it('drops a chart whose record would not fit in one cell (32,767 characters)', () => {
    const big = chart(
      '大',
      Array.from({ length: 4000 }, (_, i) => `单位${i}号单位${i}号`),
    );
    expect(chartStoreRows(undefined, [{ sheet: 's', charts: [big, chart('小')] }])).toEqual([
      ['s', JSON.stringify(chart('小'))],
    ]);
  });
});
