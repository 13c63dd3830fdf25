/**
 * A book saved with lean sheets (src/xlsx/leanSheet.ts) reads the same in programs we did not write:
 * LibreOffice shows the same text in every cell of every sheet (number formats applied) and openpyxl
 * reads the same values as from the book saved through ExcelJS cells.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { planInit } from '../../src/plan/jobs/init';
import { planRun, runSheetsToRead } from '../../src/plan/jobs/run';
import { xiachengSample } from '../../src/sample/xiacheng';
import * as xlsx from '../../src/xlsx';
import { LEAN_SETTINGS, leanSheet } from '../../src/xlsx/leanSheet';
import { libreOfficeConvert } from '../support/libreoffice';

const NOW = '2019-10-15T09:00:00+08:00';
/** LibreOffice's CSV filter: UTF-8, every sheet to its own file, cells as shown. */
const CSV_EVERY_SHEET =
  'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
const OPENPYXL_VALUES = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: [[c for c in r] for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, default=str, ensure_ascii=False))
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-lean-readers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The sample after run 2019Q3, its table sheets lean (rows 0) or not (Infinity), saved to `name`. */
async function runBook(rows: number, name: string): Promise<string> {
  const init = new ExcelJS.Workbook();
  xlsx.applyBookPlan(init, planInit(xiachengSample(), { now: NOW }));
  const initial = await xlsx.bookFileBytes(init);
  const saved = LEAN_SETTINGS.rows;
  LEAN_SETTINGS.rows = rows;
  try {
    const wb = await xlsx.loadBookBuffer(initial, name, { lean: Number.isFinite(rows) });
    expect(wb.worksheets.some((ws) => leanSheet(ws))).toBe(Number.isFinite(rows));
    const run = planRun(xlsx.readSnapshot(wb, runSheetsToRead('2019Q3')), '2019Q3', { now: NOW });
    xlsx.applyBookPlan(wb, run.plan);
    const file = path.join(dir, name);
    fs.writeFileSync(file, await xlsx.bookFileBytes(wb, { properties: run.plan.properties }));
    return file;
  } finally {
    LEAN_SETTINGS.rows = saved;
  }
}

function csvSheets(file: string): Record<string, string> {
  const out = path.join(dir, `${path.basename(file)}-csv`);
  libreOfficeConvert(file, CSV_EVERY_SHEET, out);
  return Object.fromEntries(
    fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]),
  );
}

it('LibreOffice and openpyxl read a run book saved lean as the one saved through ExcelJS cells', async () => {
  const plain = await runBook(Infinity, 'plain.xlsx');
  const lean = await runBook(0, 'lean.xlsx');

  const expected = csvSheets(plain);
  expect(Object.keys(expected).length).toBeGreaterThan(10);
  const actual = csvSheets(lean);
  expect(Object.keys(actual).map((f) => f.replace('lean', 'plain'))).toEqual(Object.keys(expected));
  for (const [f, text] of Object.entries(actual))
    expect({ sheet: f, text }).toEqual({ sheet: f, text: expected[f.replace('lean', 'plain')] });
  expect(expected['plain-完成情况.csv']).toContain('2019Q3');

  const values = (file: string) => {
    const r = spawnSync('/usr/bin/python3', ['-c', OPENPYXL_VALUES, file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as Record<string, unknown[][]>;
  };
  const read = values(lean);
  expect(read['考核结果'].length).toBeGreaterThan(10);
  expect(read).toEqual(values(plain));
}, 300_000);
