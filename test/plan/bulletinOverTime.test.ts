/**
 * The sample book run for 2019Q2, 2019Q3 and 2019Q4 in turn (SPEC §10 "Over time"): each bulletin
 * sheet carries its rank moves, projections, report status and 文号; TD_Scores and TD_Ranking the
 * same fields; a user's rewrite of 存在问题 / 下步工作要求 in TD_BulletinText survives a new run.
 * The hand computation of the moves is in test/sample/xiachengOverTime.test.ts.
 */
import type ExcelJS from 'exceljs';
import { runSheetsToRead } from '../../src/plan/jobs/run';
import { xiachengSample } from '../../src/sample/xiacheng';
import { applyBookPlan, readSnapshot } from '../../src/xlsx';
import { initBook, reload, runBook, tableObjects } from './books';

/** The bulletin sheet's rows as arrays of cell values. */
function sheetRows(wb: ExcelJS.Workbook, period: string) {
  const name = `通报 ${period}`;
  return readSnapshot(wb, runSheetsToRead(period)).sheets[name];
}

/** [unit name, move, 备注 of its first row] for each unit row of the streets' table. */
function streetRows(rows: (string | number | boolean | null)[][]) {
  const start = rows.findIndex((r) => r[0] === '（一）街道');
  const end = rows.findIndex((r) => r[0] === '（二）部门');
  return rows
    .slice(start + 2, end)
    .filter((r) => typeof r[2] === 'string' && r[2] !== '单位')
    .map((r) => [r[2], r[1], r[14] ?? null]);
}

describe('the sample book, quarter after quarter', () => {
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    wb = await reload(initBook(xiachengSample()));
    for (const period of ['2019Q2', '2019Q3', '2019Q4']) {
      runBook(wb, period);
      wb = await reload(wb);
    }
  });

  it('numbers the year’s bulletins in the 文号: 〔2019〕1号, 2号, 3号', () => {
    expect(sheetRows(wb, '2019Q2')[1][0]).toBe(
      '下科创办〔2019〕1号　　区科技创新工作领导小组办公室　　2019年10月8日',
    );
    expect(String(sheetRows(wb, '2019Q3')[1][0])).toMatch(/^下科创办〔2019〕2号/);
    expect(String(sheetRows(wb, '2019Q4')[1][0])).toMatch(/^下科创办〔2019〕3号/);
  });

  it('shows each street’s move and its return’s status in words', () => {
    expect(streetRows(sheetRows(wb, '2019Q2'))).toEqual([
      ['武林街道', '↑1', null],
      ['文晖街道', '↓1', null],
      ['天水街道', '↑1', null],
      ['朝晖街道', '—', '迟报'],
      ['石桥街道', '↓1', null],
      ['长庆街道', '↓2', null],
      ['东新街道', '↓3', null],
      ['潮鸣街道', '↓4', null],
    ]);
    expect(streetRows(sheetRows(wb, '2019Q3'))).toEqual([
      ['文晖街道', '↑1', null],
      ['武林街道', '↓1', null],
      ['朝晖街道', '↑1', null],
      ['天水街道', '↓1', '迟报'],
      ['石桥街道', '↑1', null],
      ['东新街道', '—', null],
      ['潮鸣街道', '↑1', null],
      ['长庆街道', '↓2', '未报送'],
    ]);
    const q3 = sheetRows(wb, '2019Q3').flat();
    expect(q3).toContain(
      '　　较上期：与2019年第二季度排名相比，↑上升、↓下降、—持平、新为首次排名。',
    );
    expect(q3).toContain(
      '　　本期季度报表报送截止日期为2019年10月10日。迟报的单位（1个）：天水街道；未报送的单位（2个）：长庆街道、区市场监管局。未报送的指标按完成数为0计算，请相关单位严格执行报送制度。',
    );
    expect(streetRows(sheetRows(wb, '2019Q4')).every((r) => r[2] === '未报送')).toBe(true);
  });

  it('keeps the projection in 预计全年 and in TD_Scores, the moves in TD_Ranking', () => {
    const q3 = sheetRows(wb, '2019Q3');
    const wulin = q3.findIndex((r) => r[2] === '武林街道');
    // 武林街道 2019Q3: 新增国高企 1 / 0.2 = 5; its sme 7 / 0.7 = 10 on the next row.
    expect([q3[wulin][7], q3[wulin + 1][7]]).toEqual([5, expect.closeTo(10, 12)]);
    const scores = tableObjects(wb, 'TD_Scores').filter(
      (r) => r['期间'] === '2019Q3' && r['单位编号'] === 'tianshui',
    );
    expect(scores.map((r) => [r['指标编号'], r['报送情况'], r['报送时间'], r['较上期']])).toEqual([
      ['gqq_new', '迟报', '2019-10-12T06:00:00.000Z', '↓1'],
      ['sme_new', '迟报', '2019-10-12T06:00:00.000Z', '↓1'],
      ['startup_apply', '迟报', '2019-10-12T06:00:00.000Z', '↓1'],
    ]);
    // 0 / 0.2, 3 / 0.7 = 30/7 and 3 / 0.9 = 10/3, exactly (then to the nearest double).
    expect(scores.map((r) => r['预计全年'])).toEqual([0, 30 / 7, 10 / 3]);
    const ranking = tableObjects(wb, 'TD_Ranking').filter((r) => r['期间'] === '2019Q3');
    expect(
      ranking
        .filter((r) => r['单位类型'] === '街道')
        .map((r) => [r['单位编号'], r['名次'], r['上期名次'], r['较上期']]),
    ).toEqual([
      ['wulin', 2, 1, '↓1'],
      ['tianshui', 4, 3, '↓1'],
      ['zhaohui', 3, 4, '↑1'],
      ['chaoming', 7, 8, '↑1'],
      ['changqing', 8, 6, '↓2'],
      ['dongxin', 6, 6, '—'],
      ['shiqiao', 4, 5, '↑1'],
      ['wenhui', 1, 2, '↑1'],
    ]);
  });

  it('keeps a user’s rewrite of 下步工作要求 across runs, and follows the data where untouched', async () => {
    const texts = () => tableObjects(wb, 'TD_BulletinText');
    expect(texts().map((r) => [r['期间'], r['部分']])).toEqual([
      ['2019Q2', '存在问题'],
      ['2019Q2', '下步工作要求'],
      ['2019Q3', '存在问题'],
      ['2019Q3', '下步工作要求'],
      ['2019Q4', '存在问题'],
      ['2019Q4', '下步工作要求'],
    ]);
    // The user rewrites 2019Q3's 下步工作要求 in its table cell.
    const snap = readSnapshot(wb);
    const t = snap.tables.TD_BulletinText;
    const ws = wb.getWorksheet(t.sheet)!;
    const row = texts().findIndex((r) => r['期间'] === '2019Q3' && r['部分'] === '下步工作要求');
    const col = t.headers.indexOf('内容（可修改，重新生成通报时保留）');
    ws.getRow(row + 2).getCell(col + 1).value = '一、请各街道抓紧推进。\n二、请按时报送季度报表。';
    wb = await reload(wb);
    runBook(wb, '2019Q3', { now: '2019-10-16T09:00:00.000Z' });
    wb = await reload(wb);

    const q3 = sheetRows(wb, '2019Q3').flat();
    expect(q3).toContain('　　一、请各街道抓紧推进。');
    expect(q3).toContain('　　二、请按时报送季度报表。');
    expect(q3).toContain(
      '　　1．全区新增省科技型中小企业和市级高新技术企业（低8.6个百分点）、杭州市科技型初创企业培育申报（低3.3个百分点）、国高企培育库新增入库企业（低15.9个百分点）、平台引进高新技术支撑型企业（低3.6个百分点）完成率低于序时进度。',
    );
    const kept = texts().find((r) => r['期间'] === '2019Q3' && r['部分'] === '下步工作要求')!;
    expect(kept['内容（可修改，重新生成通报时保留）']).toBe(
      '一、请各街道抓紧推进。\n二、请按时报送季度报表。',
    );
    expect(String(kept['生成内容'])).toMatch(/^1．进度滞后的/);
    // Still the second bulletin of 2019: its own earlier run does not count.
    expect(String(sheetRows(wb, '2019Q3')[1][0])).toMatch(/^下科创办〔2019〕2号/);
  });
});

describe('a book made before the over-time columns', () => {
  // test/plan/oldBook.test.ts runs a book the previous release really wrote.
  it('gains them: TD_Scores and TD_Ranking get the new columns, TD_BulletinText is created', async () => {
    let wb = await reload(initBook(xiachengSample()));
    const snap = readSnapshot(wb);
    const added = ['序时比例', '预计全年', '报送情况', '报送时间', '较上期', '上期名次'];
    const scores = snap.tables.TD_Scores.headers.filter((h) => !added.includes(h));
    const ranking = snap.tables.TD_Ranking.headers.filter((h) => !added.includes(h));
    expect([scores.length, ranking.length]).toEqual([15, 7]);
    const ws = wb.getWorksheet(snap.tables.TD_Scores.sheet)!;
    ws.removeTable('TD_Scores');
    ws.removeTable('TD_Ranking');
    wb.removeWorksheet(wb.getWorksheet('通报文字')!.id);
    applyBookPlan(wb, {
      sheets: [
        {
          sheet: '考核结果',
          ranges: [],
          tables: [
            {
              name: 'TD_Scores',
              at: 'A1',
              columns: scores.map((header) => ({ header })),
              rows: [],
            },
            {
              name: 'TD_Ranking',
              at: 'Q1',
              columns: ranking.map((header) => ({ header })),
              rows: [],
            },
          ],
        },
      ],
      tableUpdates: [],
    });
    wb = await reload(wb);
    expect(Object.keys(readSnapshot(wb).tables)).not.toContain('TD_BulletinText');

    const result = runBook(wb, '2019Q3');
    wb = await reload(wb);
    const after = readSnapshot(wb).tables;
    expect(after.TD_Scores.headers).toEqual(snap.tables.TD_Scores.headers);
    expect(after.TD_Ranking.headers).toEqual(snap.tables.TD_Ranking.headers);
    expect(tableObjects(wb, 'TD_Scores')).toHaveLength(result.assessment.rows.length);
    expect(tableObjects(wb, 'TD_Ranking').map((r) => r['名次'])).toEqual(
      result.assessment.units.map((u) => u.rank),
    );
    expect(tableObjects(wb, 'TD_BulletinText').map((r) => r['部分'])).toEqual([
      '存在问题',
      '下步工作要求',
    ]);
    // The bulletin itself has every new field: it does not depend on the tables' columns.
    expect(sheetRows(wb, '2019Q3').flat()).toContain('较上期');
  });
});
