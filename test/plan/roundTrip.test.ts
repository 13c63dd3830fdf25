import ExcelJS from 'exceljs';
import { Scenario } from '../../src/engine/types';
import { planInit } from '../../src/plan/jobs/init';
import { snapshotToScenario } from '../../src/plan/scenarioTables';
import { xiachengSample } from '../../src/sample/xiacheng';
import { applyBookPlan, bookBuffer, loadBookBuffer, readSnapshot } from '../../src/xlsx';

async function throughWorkbook(s: Scenario): Promise<Scenario> {
  const wb = new ExcelJS.Workbook();
  applyBookPlan(wb, planInit(s, { now: '2019-10-08T09:00:00.000Z' }));
  const loaded = await loadBookBuffer(await bookBuffer(wb), 'book.xlsx');
  return snapshotToScenario(readSnapshot(loaded));
}

const canonical = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('scenario → workbook → scenario', () => {
  it('gives back the Xiacheng sample', async () => {
    const s = xiachengSample();
    expect(await throughWorkbook(s)).toEqual(canonical(s));
  });
});
