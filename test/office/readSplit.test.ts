/**
 * The one-sync read grows with the book (+0.4 MB a quarter at 500 units) and Excel on the web
 * refuses a response over 5 MB ("payload size limit for requests and responses of 5MB", Office
 * add-in resource limits; the simulated host counts the response as the web host sends it, JSON
 * encoded twice). Past the limit the adapter reads the table bodies in blocks of rows that fit.
 * The limit is lowered here so that the sample book, small enough to test quickly, crosses it.
 */
import { planInit } from '../../src/plan/jobs/init';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { readSnapshot, runJob } from '../../src/office';
import { xiachengSample } from '../../src/sample/xiacheng';
import { SimWorkbook, installSimulatedOffice } from '../support/simulatedExcel';

const NOW = '2019-10-15T09:00:00+08:00';

async function sampleBookAfterRun(): Promise<SimWorkbook> {
  const workbook = new SimWorkbook();
  workbook.addSheet('Sheet1');
  const office = installSimulatedOffice(globalThis, { workbook, apiVersion: '1.9' });
  try {
    await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
    await runJob((s) => planRun(s, '2019Q3', { now: NOW, issuedOn: '2019-10-15' }), {
      sheets: runSheetsToRead('2019Q3'),
    });
  } finally {
    office.uninstall();
  }
  return workbook;
}

async function readWith(workbook: SimWorkbook, payloadLimitBytes?: number) {
  const office = installSimulatedOffice(globalThis, {
    workbook,
    apiVersion: '1.9',
    ...(payloadLimitBytes ? { payloadLimitBytes } : {}),
  });
  try {
    const snapshot = await readSnapshot(office.newContext(), { sheets: runSheetsToRead('2019Q3') });
    return { snapshot, batches: office.stats.batches };
  } finally {
    office.uninstall();
  }
}

describe('reading a book whose one-sync response would pass the size limit', () => {
  it('reads the table bodies in blocks of rows, each response under the limit, and gets the same snapshot', async () => {
    const workbook = await sampleBookAfterRun();
    const whole = await readWith(workbook);
    expect(whole.batches).toHaveLength(1);
    const oneSync = whole.batches[0].responseBytes;

    // A limit a third of the whole response, and above the largest single table row.
    const limit = Math.ceil(oneSync / 3);
    const split = await readWith(workbook, limit);
    expect(split.snapshot).toEqual(whole.snapshot);
    // The refused one-sync read, the read without bodies, then the blocks.
    expect(split.batches[0].failed).toBe('ResponsePayloadSizeLimitExceeded');
    const rest = split.batches.slice(1);
    expect(rest.every((b) => b.failed || b.responseBytes <= limit)).toBe(true);
    const answered = rest.filter((b) => !b.failed);
    expect(answered.length).toBeGreaterThan(3);
    // Every table body came back whole: TD_Scores alone has a row per unit and indicator.
    expect(split.snapshot.tables.TD_Scores.rows).toHaveLength(
      whole.snapshot.tables.TD_Scores.rows.length,
    );
    expect(whole.snapshot.tables.TD_Scores.rows.length).toBeGreaterThan(40);
  });

  it('still stops with the host error when a single row cannot come back', async () => {
    const workbook = await sampleBookAfterRun();
    const office = installSimulatedOffice(globalThis, { workbook, apiVersion: '1.9' });
    try {
      const context = office.newContext();
      const detail = context.workbook.tables.getItem('TD_Log').getDataBodyRange().getCell(0, 5);
      detail.values = [['说明'.repeat(20_000)]];
      await context.sync();
    } finally {
      office.uninstall();
    }
    await expect(readWith(workbook, 30_000)).rejects.toMatchObject({
      code: 'ResponsePayloadSizeLimitExceeded',
    });
  });
});
