import { carryUserColumns, withUserColumns } from '../../src/plan/userColumns';
import type { BookSnapshot, TableData, TableUpdate } from '../../src/plan/types';

const update = (rows: TableUpdate['rows'], mode: TableUpdate['mode'] = 'replace'): TableUpdate => ({
  table: 'TD_Ranking',
  sheet: '考核结果',
  at: 'Q1',
  columns: [{ header: '期间' }, { header: '单位编号' }, { header: '总分', numberFormat: '0.00' }],
  rows,
  mode,
});

// The user moved 总分 first, added two columns and sorted the rows by score.
const table: TableData = {
  name: 'TD_Ranking',
  sheet: '考核结果',
  ref: 'Q1:U5',
  headers: ['总分', '期间', '备注（人工）', '单位编号', ' 复核人 '],
  rows: [
    [90, '2019Q3', '核实过', 'b', '张三'],
    [80, '2019Q3', null, 'a', '李四'],
    [70, '2019Q2', '二季度', 'a', null],
    [null, null, null, null, null],
  ],
};

describe('carryUserColumns', () => {
  it('appends the user columns and carries each value to the new row of the same key, whatever the order', () => {
    const { update: out, leftOver } = carryUserColumns(
      table,
      update([
        ['2019Q2', 'a', 71],
        ['2019Q3', 'a', 85],
        ['2019Q3', 'c', 60],
        ['2019Q3', 'b', { formula: '=1', value: 1 }],
      ]),
      ['期间', '单位编号'],
    );
    expect(leftOver).toEqual([]);
    expect(out.columns).toEqual([
      { header: '期间' },
      { header: '单位编号' },
      { header: '总分', numberFormat: '0.00' },
      { header: '备注（人工）' },
      { header: ' 复核人 ' },
    ]);
    expect(out.rows).toEqual([
      ['2019Q2', 'a', 71, '二季度', null],
      ['2019Q3', 'a', 85, null, '李四'],
      ['2019Q3', 'c', 60, null, null],
      ['2019Q3', 'b', { formula: '=1', value: 1 }, '核实过', '张三'],
    ]);
  });

  it('matches keys as values (numbers to 12 digits, text after NFKC and trimming) and gives repeated keys the old rows in order', () => {
    const t: TableData = {
      ...table,
      headers: ['期间', '单位编号', '总分', '备注'],
      rows: [
        [' 2019Q3', 'ａ', 1, 'first'],
        ['2019Q3', 'a', 2, 'second'],
        [2019, 'x', 0, 'year'],
      ],
    };
    const { update: out } = carryUserColumns(
      t,
      update([
        ['2019Q3', 'a', 5],
        ['2019Q3', 'a', 6],
        ['2019Q3', 'a', 7],
        [2019.0000000000002, 'x', 0],
      ]),
      ['期间', '单位编号'],
    );
    expect(out.rows.map((r) => r[3])).toEqual(['first', 'second', null, 'year']);
  });

  it('leaves appends, new tables and tables without user columns as they are', () => {
    const u = update([['2019Q3', 'a', 1]]);
    expect(carryUserColumns(table, update([], 'append'), ['期间'])).toEqual({
      update: update([], 'append'),
      leftOver: [],
    });
    expect(carryUserColumns(undefined, u, ['期间']).update).toBe(u);
    expect(
      carryUserColumns({ ...table, headers: ['期间', '单位编号', '总分'] }, u, ['期间']).update,
    ).toBe(u);
  });

  it('returns the old rows with user values that no planned row takes, whole, in sheet order', () => {
    const { leftOver } = carryUserColumns(table, update([['2019Q3', 'a', 85]]), [
      '期间',
      '单位编号',
    ]);
    expect(leftOver).toEqual([table.rows[0], table.rows[2]]);
  });

  it('is applied by withUserColumns to the replaced tables with a row key, by the schema key, rows left over going to TD_History', () => {
    const snapshot: BookSnapshot = {
      sheetNames: ['考核结果'],
      sheets: {},
      tables: { TD_Ranking: table, TD_Log: { ...table, name: 'TD_Log' } },
    };
    const log: TableUpdate = { ...update([['x', 'y', 1]], 'append'), table: 'TD_Log' };
    const [ranking, logged, history] = withUserColumns(
      snapshot,
      [update([['2019Q3', 'b', 1]]), log],
      { time: 't', action: '计算考核' },
    );
    expect(ranking.rows).toEqual([['2019Q3', 'b', 1, '核实过', '张三']]);
    expect(logged).toBe(log);
    expect(history).toMatchObject({ table: 'TD_History', mode: 'append' });
    expect(history.rows).toEqual([
      [
        't',
        '计算考核',
        'TD_Ranking',
        '2019Q3',
        JSON.stringify({
          总分: 80,
          期间: '2019Q3',
          '备注（人工）': null,
          单位编号: 'a',
          ' 复核人 ': '李四',
        }),
      ],
      [
        't',
        '计算考核',
        'TD_Ranking',
        '2019Q2',
        JSON.stringify({
          总分: 70,
          期间: '2019Q2',
          '备注（人工）': '二季度',
          单位编号: 'a',
          ' 复核人 ': null,
        }),
      ],
    ]);
    // An existing TD_History append of the plan takes them instead.
    const old: TableUpdate = { ...update([['x']], 'append'), table: 'TD_History' };
    const out = withUserColumns(snapshot, [old, update([])], { time: 't', action: 'a' });
    expect(out.map((u) => u.table)).toEqual(['TD_History', 'TD_Ranking']);
    expect(out[0].rows).toHaveLength(4);
  });
});
