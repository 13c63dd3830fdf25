/**
 * A bulletin made in Excel keeps its chart when the CLI next saves the book: the Office.js adapter
 * records the charts it draws in TD_Charts as the ExcelJS adapter does, and the CLI (which loses
 * every chart when ExcelJS loads the book) draws the recorded ones again.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { planInit } from '../../src/plan/jobs/init';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { CHART_STORE_SHEET } from '../../src/plan/chartStore';
import { xiachengSample } from '../../src/sample/xiacheng';
import { runJob } from '../../src/office';
import { loadBook } from '../../src/xlsx';
import { storedCharts } from '../../src/xlsx/chartStore';
import { runCli } from '../support/cli';
import { installSimulatedOffice } from '../support/simulatedExcel';
import { simToExcelJs } from '../support/simulatedExcel/toExcelJs';

const NOW = '2019-10-15T09:00:00+08:00';
const dir = mkdtempSync(join(tmpdir(), 'td-chart-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a bulletin run through the Office.js adapter keeps its chart after the CLI runs another period and saves', async () => {
  const office = installSimulatedOffice(globalThis, { apiVersion: '1.9' });
  let run: Awaited<ReturnType<typeof runJob<ReturnType<typeof planRun>>>>;
  try {
    await runJob(() => ({ plan: planInit(xiachengSample(), { now: NOW }) }));
    run = await runJob((s) => planRun(s, '2019Q3', { now: NOW }), {
      sheets: runSheetsToRead('2019Q3'),
    });
    // A second run replaces the sheet's record rather than adding to it.
    run = await runJob((s) => planRun(s, '2019Q3', { now: NOW }), {
      sheets: runSheetsToRead('2019Q3'),
    });
    expect([...office.workbook.findSheet(CHART_STORE_SHEET)!.cells.keys()].length).toBe(2);
    expect(office.workbook.findSheet('通报 2019Q3')!.charts).toHaveLength(1);
    expect(office.workbook.findSheet(CHART_STORE_SHEET)!.visibility).toBe('VeryHidden');
  } finally {
    office.uninstall();
  }
  const charts = run.plan.sheets[0].charts!;
  expect(charts).toHaveLength(1);

  // The book as Excel saves it, then the CLI: load (charts dropped), run 2019Q2, save.
  const book = join(dir, 'excel.xlsx');
  const wb = simToExcelJs(office.workbook);
  expect(wb.getWorksheet(CHART_STORE_SHEET)!.state).toBe('veryHidden');
  await wb.xlsx.writeFile(book);
  expect(runCli(['run', book, '--period', '2019Q2']).code).toBe(0);

  const saved = await loadBook(book);
  expect(storedCharts(saved).filter((c) => c.sheet === '通报 2019Q3')).toEqual(
    charts.map((chart) => ({ sheet: '通报 2019Q3', chart })),
  );
  expect(storedCharts(saved).map((c) => c.sheet)).toEqual(['通报 2019Q3', '通报 2019Q2']);
  const zip = await JSZip.loadAsync(readFileSync(book));
  const parts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(parts).toHaveLength(2);
  const xml = await Promise.all(parts.map((p) => zip.file(p)!.async('string')));
  expect(xml.filter((x) => x.includes(charts[0].title)).length).toBeGreaterThan(0);
  expect(xml.some((x) => x.includes(charts[0].categories[0]))).toBe(true);
});
