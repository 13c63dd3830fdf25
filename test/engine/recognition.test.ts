import { worded } from '../support/problems';
import { GridBook } from '../../src/engine/grid';
import { cumulativeCounts, issueQuarter, parseList } from '../../src/engine/recognition';

describe('issueQuarter', () => {
  it.each([
    [{ date: '2019-11-27' }, '2019-11-27', 2019, 4],
    ['2019-03-31', '2019-03-31', 2019, 1],
    ['2019/4/1', '2019-04-01', 2019, 2],
    ['2019.09.30', '2019-09-30', 2019, 3],
    ['2019年7月1日', '2019-07-01', 2019, 3],
    ['２０１９年１２月３１日', '2019-12-31', 2019, 4],
    ['20190615', '2019-06-15', 2019, 2],
    [20190615, '2019-06-15', 2019, 2],
    [43796, '2019-11-27', 2019, 4],
    ['2019年11月', '2019年11月', 2019, 4],
    ['2019Q3', '2019Q3', 2019, 3],
    ['2019年第二季度', '2019年第二季度', 2019, 2],
  ])('%j → %s (%d Q%d)', (cell, issued, year, quarter) => {
    expect(issueQuarter(cell)).toEqual({ issued, period: { year, quarter } });
  });

  it.each(['2019年第一批', '2019-02-30', '2019-13-01', '', 'GR201933000101', null])(
    '%j names no quarter',
    (cell) => {
      expect(issueQuarter(cell)).toBeNull();
    },
  );
});

function csvBook(rows: (string | null)[][]): GridBook {
  return {
    file: 'l.csv',
    properties: {},
    sheets: [{ name: '', cells: rows, merges: [], tables: [] }],
  };
}

describe('parseList', () => {
  it('finds the header under a title, with columns in any order and alternative header texts', () => {
    const l = parseList(
      csvBook([
        ['2019年第二批高新技术企业认定名单'],
        [null],
        ['证书号', '认定日期', '序号', '企业名称', '统一社会信用代码'],
        ['GR1', '2019-11-27', '1', '杭州甲有限公司', '91330103MA27AAAA01'],
        [null, null, null, null, null],
        ['GR2', '2019-12-02', '2', ' 杭州乙有限公司 ', null],
        [null, null, null, '合计', null],
      ]),
    );
    expect(l.errors).toEqual([]);
    expect(l.headerRow).toBe(3);
    expect(l.rows).toEqual([
      {
        row: 4,
        name: '杭州甲有限公司',
        creditCode: '91330103MA27AAAA01',
        certificate: 'GR1',
        issued: '2019-11-27',
        period: { year: 2019, quarter: 4 },
      },
      {
        row: 6,
        name: '杭州乙有限公司',
        creditCode: '',
        certificate: 'GR2',
        issued: '2019-12-02',
        period: { year: 2019, quarter: 4 },
      },
    ]);
  });

  it('takes --period for batches that name no quarter', () => {
    const l = parseList(
      csvBook([
        ['企业名称', '证书编号', '批次'],
        ['杭州甲有限公司', 'GR1', '2019年第一批'],
      ]),
      { year: 2019, quarter: 4 },
    );
    expect(l.errors).toEqual([]);
    expect(l.rows[0]).toMatchObject({ issued: '2019年第一批', period: { year: 2019, quarter: 4 } });
  });

  it('warns about a row without a certificate number and still counts it', () => {
    const l = parseList(
      csvBook([
        ['企业名称', '证书编号', '发证日期'],
        ['杭州甲有限公司', null, '2019-11-27'],
      ]),
    );
    expect(l.warnings.map((p) => p.code)).toEqual(['list.noCertificate']);
    expect(l.warnings.map(worded)).toEqual([
      {
        where: 'l.csv › B2',
        message: '"杭州甲有限公司" has no certificate number, so its duplicates cannot be found',
        zh: '「杭州甲有限公司」缺少证书编号，无法查重',
      },
    ]);
    expect(l.rows).toHaveLength(1);
  });
});

describe('cumulativeCounts', () => {
  it('counts a recognition in its quarter and every later quarter of its year only', () => {
    const c = cumulativeCounts(
      [
        { unit: 'a', period: { year: 2019, quarter: 3 } },
        { unit: 'a', period: { year: 2019, quarter: 1 } },
        { unit: 'b', period: { year: 2019, quarter: 4 } },
        { unit: 'b', period: { year: 2018, quarter: 2 } },
      ],
      2019,
    );
    expect(Object.fromEntries(c)).toEqual({ a: [1, 1, 2, 2], b: [0, 0, 0, 1] });
  });
});
