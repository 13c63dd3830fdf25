import { readFileSync } from 'fs';
import { join } from 'path';
import type { Scenario } from '../../src/engine/types';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { gridHash } from '../../src/plan/jobs/sheetHash';
import { applyBookPlan, readSnapshot } from '../../src/xlsx';
import { NOW, initBook, reload, runBook, tableObjects } from './books';

const HAND: Scenario = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/plan/hand-made-scenario.json'), 'utf8'),
);
const LATER = '2019-10-09T10:00:00.000Z';

describe('planRun with bulletin: false (考核 without 通报)', () => {
  it('plans the same tables with no bulletin sheet and no fingerprint; the default plans both', async () => {
    const snapshot = readSnapshot(await reload(initBook(HAND)), runSheetsToRead('2019Q3'));
    const full = planRun(snapshot, '2019Q3', { now: NOW });
    const bare = planRun(snapshot, '2019Q3', { now: NOW, bulletin: false });

    expect(full.plan.sheets.map((s) => s.sheet)).toEqual(['通报 2019Q3']);
    expect(full.plan.activate).toBe('通报 2019Q3');
    expect(bare.plan.sheets).toEqual([]);
    expect(bare.plan.activate).toBeUndefined();

    const log = (r: typeof full) => r.plan.tableUpdates.find((u) => u.table === 'TD_Log')!.rows[0];
    const at = (r: typeof full, header: string) =>
      log(r)[
        r.plan.tableUpdates
          .find((u) => u.table === 'TD_Log')!
          .columns.findIndex((c) => c.header === header)
      ];
    expect(at(full, '校验值')).toMatch(/^[0-9a-f]+$/);
    expect(at(bare, '校验值')).toBeNull();
    expect(at(full, '结果')).toMatch(/；已生成「通报 2019Q3」$/);
    expect(at(bare, '结果')).not.toMatch(/通报/);

    const tables = (r: typeof full) =>
      r.plan.tableUpdates.filter((u) => u.table !== 'TD_Log' && u.table !== 'TD_BulletinText');
    expect(tables(bare)).toEqual(tables(full));
    // The bulletin's texts are the bulletin's: written with it, untouched without it.
    const texts = (r: typeof full) =>
      r.plan.tableUpdates.filter((u) => u.table === 'TD_BulletinText');
    expect(texts(full).map((u) => u.rows.map((row) => row[1]))).toEqual([
      ['存在问题', '下步工作要求'],
    ]);
    expect(texts(bare)).toEqual([]);
    expect(bare.assessment).toEqual(full.assessment);
  });

  it('leaves an edited bulletin alone: no refusal, the sheet untouched, none of its rows in TD_History, its fingerprint still the last logged', async () => {
    let wb = await reload(initBook(HAND));
    runBook(wb, '2019Q3');
    wb = await reload(wb);
    const written = tableObjects(wb, 'TD_Log').at(-1)!['校验值'];
    wb.getWorksheet('通报 2019Q3')!.getCell('A3').value = '领导批示：请各街道抓紧推进。';
    wb = await reload(wb);
    const edited = gridHash(readSnapshot(wb, runSheetsToRead('2019Q3')).sheets['通报 2019Q3']);

    // Without the bulletin's values in the snapshot, as the task pane reads it for 考核.
    const result = planRun(readSnapshot(wb), '2019Q3', { now: LATER, bulletin: false });
    applyBookPlan(wb, result.plan);
    wb = await reload(wb);

    expect(wb.getWorksheet('通报 2019Q3')!.getCell('A3').value).toBe(
      '领导批示：请各街道抓紧推进。',
    );
    expect(gridHash(readSnapshot(wb, runSheetsToRead('2019Q3')).sheets['通报 2019Q3'])).toBe(
      edited,
    );
    expect(tableObjects(wb, 'TD_History').filter((h) => h['表'] === '通报 2019Q3')).toEqual([]);
    const log = tableObjects(wb, 'TD_Log');
    expect(log.map((r) => [r['操作'], r['校验值']])).toEqual([
      ['新建计划簿', null],
      ['计算考核', written],
      ['计算考核', null],
    ]);
    // So 通报 still sees the edit and refuses without --force.
    expect(() =>
      planRun(readSnapshot(wb, runSheetsToRead('2019Q3')), '2019Q3', { now: LATER }),
    ).toThrow(/this bulletin was changed/);
  });
});
