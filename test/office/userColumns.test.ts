/**
 * SPEC §11 inside Excel: a column a user adds to TD_Scores and TD_Actuals, with a note on every
 * row, survives `run` and an import of returns, each note on its own row after the user re-sorted
 * the tables (the ExcelJS adapter's twin is in test/cli/run.test.ts).
 */
import ExcelJS from 'exceljs';
import { planInit } from '../../src/plan/jobs/init';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { importReturnsJob } from '../../src/plan/jobs/importReturns';
import { templatesJob } from '../../src/plan/jobs/templates';
import { readXlsxGrid } from '../../src/xlsx/returnFile';
import { xiachengSample } from '../../src/sample/xiacheng';
import { runJob } from '../../src/office';
import { readSnapshot as readOfficeSnapshot } from '../../src/office/readSnapshot';
import * as xlsx from '../../src/xlsx';
import { installSimulatedOffice } from '../support/simulatedExcel';
import { NOTE, notedSheet, notesAndKeys } from '../plan/userEdits';

const NOW = '2019-10-15T09:00:00+08:00';

async function filledReturns() {
  const wb = new ExcelJS.Workbook();
  xlsx.applyBookPlan(wb, planInit(xiachengSample(), { now: NOW }));
  const { templates } = templatesJob(xlsx.readSnapshot(wb), { period: '2019Q3', now: NOW });
  return Promise.all(
    templates.slice(0, 3).map(async (t, k) => {
      const book = new ExcelJS.Workbook();
      xlsx.applyBookPlan(book, t.book);
      const table = xlsx.readSnapshot(book).tables.TD_Return!;
      const ws = book.getWorksheet(table.sheet)!;
      const first = Number(/\d+/.exec(table.ref)![0]) + 1;
      table.rows.forEach((_, i) => (ws.getRow(first + i).getCell(5).value = 20 + k + i));
      return readXlsxGrid(
        await xlsx.bookBuffer(book, { properties: t.book.properties }),
        t.fileName,
      );
    }),
  );
}

it('keeps a user column of TD_Scores and TD_Actuals, each value on its row, through run and import-returns', async () => {
  const files = await filledReturns();
  const office = installSimulatedOffice(globalThis, { apiVersion: '1.9' });
  try {
    const snapshot = () => Excel.run((context) => readOfficeSnapshot(context));
    const run = () =>
      runJob((s) => planRun(s, '2019Q3', { now: NOW }), { sheets: runSheetsToRead('2019Q3') });
    await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
    await run();
    const before = await snapshot();
    await runJob(() => ({
      plan: {
        sheets: [
          notedSheet(before, before.tables.TD_Scores.sheet),
          notedSheet(before, before.tables.TD_Actuals.sheet),
        ],
        tableUpdates: [],
      },
    }));
    const noted = await snapshot();
    const notedScores = notesAndKeys(noted, 'TD_Scores');
    const notedActuals = notesAndKeys(noted, 'TD_Actuals');
    expect(notedScores.length).toBeGreaterThan(40);
    expect(notedActuals.length).toBeGreaterThan(40);
    expect(notedScores.every((r) => r.note === r.key)).toBe(true);

    await run();
    const { report } = await runJob((s) => importReturnsJob(s, files, { now: NOW }));
    expect(report.files.map((f) => f.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(report.files.some((f) => f.changes.length > 0)).toBe(true);
    await run();

    const after = await snapshot();
    for (const [table, was] of [
      ['TD_Scores', notedScores],
      ['TD_Actuals', notedActuals],
    ] as const) {
      expect(after.tables[table].headers[after.tables[table].headers.length - 1]).toBe(NOTE);
      const rows = notesAndKeys(after, table);
      const keys = new Set(was.map((r) => r.key));
      expect(rows.map((r) => r.note)).toEqual(rows.map((r) => (keys.has(r.key) ? r.key : null)));
      expect(
        rows
          .filter((r) => r.note !== null)
          .map((r) => r.note)
          .sort(),
      ).toEqual(was.map((r) => r.note).sort());
    }
    // TD_Scores is back in the job's order, not the user's reversed one.
    expect(notesAndKeys(after, 'TD_Scores').map((r) => r.key)).toEqual(
      notedScores.map((r) => r.key).reverse(),
    );
  } finally {
    office.uninstall();
  }
});
