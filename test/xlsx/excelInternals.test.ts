/**
 * Canary for src/xlsx/excelInternals.ts: the undocumented ExcelJS members the adapter relies on.
 * When an ExcelJS upgrade moves or renames one of them, this fails before any output silently
 * changes. Every case checks the member through the module and against ExcelJS's written package.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  addValidation,
  clearStoredRows,
  hasMerges,
  rowStyle,
  setSheetOrder,
  setSheetProtection,
  setTableRange,
  setValidationModel,
  sheetMerges,
  sheetOrder,
  storedCells,
  storedRows,
  tableModel,
  validationModel,
} from '../../src/xlsx/excelInternals';

const root = join(__dirname, '../..');

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

async function part(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  return zip.file(name)!.async('string');
}

describe('the ExcelJS internals the xlsx adapter uses', () => {
  it('runs on exactly the ExcelJS version package.json pins', () => {
    const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies
      .exceljs;
    const installed = JSON.parse(
      readFileSync(join(root, 'node_modules/exceljs/package.json'), 'utf8'),
    ).version;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(pinned);
  });

  it('orderNo: the written tab order follows it', async () => {
    const wb = new ExcelJS.Workbook();
    const [a, b] = [wb.addWorksheet('甲'), wb.addWorksheet('乙')];
    expect([typeof sheetOrder(a), typeof sheetOrder(b)]).toEqual(['number', 'number']);
    const [oa, ob] = [sheetOrder(a), sheetOrder(b)];
    setSheetOrder(a, ob);
    setSheetOrder(b, oa);
    expect((await roundTrip(wb)).worksheets.map((w) => w.name)).toEqual(['乙', '甲']);
  });

  it('_rows/_cells: every stored row and cell object, the ones whose style is written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('B2').value = 1;
    ws.getCell('D2').value = 'x';
    ws.getCell('A5').value = 2;
    const rows = storedRows(ws);
    expect(rows.map((r) => r.number)).toEqual([2, 5]);
    expect(storedCells(rows[0]).map((c) => c.address)).toEqual(['B2', 'D2']);
    expect(storedCells(rows[0])[0]).toBe(ws.getCell('B2'));
    // A style set on the stored object is the one written.
    storedCells(rows[1])[0].style = { numFmt: '0.000"件"' };
    expect(await part(wb, 'xl/styles.xml')).toContain('formatCode="0.000&quot;件&quot;"');
  });

  it('dataValidations: added ranges are written; a loaded range comes back one entry per cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    const list: ExcelJS.DataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
    addValidation(ws, 'B2:B4', list);
    expect(Object.keys(validationModel(ws))).toEqual(['B2:B4']);
    const back = (await roundTrip(wb)).worksheets[0];
    expect(Object.keys(validationModel(back)).sort()).toEqual(['B2', 'B3', 'B4']);
    expect(validationModel(back).B3).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    setValidationModel(back, { 'C1:C2': validationModel(back).B2 });
    expect(await part(back.workbook, 'xl/worksheets/sheet1.xml')).toContain('sqref="C1:C2"');
  });

  it('sheetProtection: set, it is written as the sheet protection element', async () => {
    const wb = new ExcelJS.Workbook();
    setSheetProtection(wb.addWorksheet('s'), { sheet: true, formatColumns: true });
    expect(await part(wb, 'xl/worksheets/sheet1.xml')).toMatch(/<sheetProtection [^>]*sheet="1"/);
  });

  it('model.merges of a loaded sheet, and _merges', async () => {
    const wb = new ExcelJS.Workbook();
    expect(hasMerges(wb.addWorksheet('plain'))).toBe(false);
    wb.addWorksheet('s').mergeCells('A1:C1');
    expect(sheetMerges((await roundTrip(wb)).worksheets[1])).toEqual(['A1:C1']);
    expect(hasMerges((await roundTrip(wb)).worksheets[1])).toBe(true);
  });

  it('table model: created and loaded tables', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addTable({
      name: 'TD_T',
      ref: 'B2',
      headerRow: true,
      style: { theme: 'TableStyleMedium2', showRowStripes: true },
      columns: [{ name: '甲' }, { name: '乙' }],
      rows: [[1, 2]],
    });
    expect(tableModel(ws.getTables()[0])).toMatchObject({ name: 'TD_T', tableRef: 'B2:C3' });
    const loaded = tableModel((await roundTrip(wb)).worksheets[0].getTables()[0]);
    expect(loaded).toMatchObject({ name: 'TD_T', headerRow: true });
    expect(loaded.tableRef ?? loaded.ref).toBe('B2:C3');
    expect(loaded.style?.theme).toBe('TableStyleMedium2');
  });

  it('_rows emptied (lean sheets): no row is written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('B2').value = 1;
    clearStoredRows(ws);
    expect(storedRows(ws)).toEqual([]);
    expect(await part(wb, 'xl/worksheets/sheet1.xml')).not.toContain('<row');
  });

  it("a table's autoFilterRef and rows: setTableRange gives the written table its range", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addTable({
      name: 'TD_T',
      ref: 'A1',
      columns: [{ name: '甲' }, { name: '乙' }],
      rows: [[null, null]],
    });
    setTableRange(ws, 'TD_T', 'A1:B40');
    const xml = await part(wb, 'xl/tables/table1.xml');
    expect(xml).toMatch(/<table [^>]*ref="A1:B40"/);
    expect(xml).toContain('<autoFilter ref="A1:B40"');
  });

  it("a row's style: what a loaded row's s attribute gives and new cells take", async () => {
    const wb = new ExcelJS.Workbook();
    const row = wb.addWorksheet('s').getRow(3);
    row.font = { bold: true };
    row.getCell(1).value = 1;
    const loaded = (await roundTrip(wb)).worksheets[0].getRow(3);
    expect(rowStyle(loaded)).toMatchObject({ font: { bold: true } });
    expect(loaded.getCell(5).style).toMatchObject({ font: { bold: true } });
  });
});
