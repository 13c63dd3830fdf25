import ExcelJS from 'exceljs';
import { applyCellStyle, setNumFmt } from '../../src/xlsx/cells';
import { applyBookPlan, bookBuffer, loadBookBuffer } from '../../src/xlsx';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadBookBuffer(await bookBuffer(wb), 'book.xlsx');
}

describe('cell styles shared between cells', () => {
  it('every cell keeps the look its ranges gave it, overlapping ranges adding up', async () => {
    const wb = new ExcelJS.Workbook();
    const bold = { bold: true };
    applyBookPlan(wb, {
      sheets: [
        {
          sheet: 'S',
          ranges: [
            {
              at: 'A1',
              values: [[0.5, 0.25, 'x']],
              numberFormat: ['0.0%', '0.0%', '@'],
              style: bold,
            },
            { at: 'A2', values: [[1, 2]], style: { fill: 'FFFF00', border: 'thin' } },
            { at: 'A1', values: [[0.75]], style: { fill: 'FF0000' } },
          ],
          protection: { unlocked: ['B2'] },
        },
      ],
      tableUpdates: [],
    });
    const ws = (await roundTrip(wb)).getWorksheet('S')!;
    const a1 = ws.getCell('A1');
    expect([a1.value, a1.numFmt, a1.font?.bold, a1.fill]).toEqual([
      0.75,
      '0.0%',
      true,
      { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } },
    ]);
    const b1 = ws.getCell('B1');
    expect([
      b1.value,
      b1.numFmt,
      b1.font?.bold,
      (b1.fill as ExcelJS.FillPattern | undefined)?.fgColor,
    ]).toEqual([0.25, '0.0%', true, undefined]);
    expect([ws.getCell('C1').numFmt, ws.getCell('C1').font?.bold]).toEqual(['@', true]);
    for (const a of ['A2', 'B2']) {
      expect(ws.getCell(a).fill).toEqual({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFFFFF00' },
      });
      expect(ws.getCell(a).border?.top?.style).toBe('thin');
      expect(ws.getCell(a).numFmt).toBeUndefined();
    }
    expect(ws.getCell('A2').protection?.locked).not.toBe(false);
    expect(ws.getCell('B2').protection?.locked).toBe(false);
  });

  it('restyling one cell never changes another that had the same style', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('S');
    const style = { bold: true, fill: 'EEEEEE' };
    for (const a of ['A1', 'B1']) applyCellStyle(ws.getCell(a), style);
    setNumFmt(ws.getCell('A1'), '0.00');
    applyCellStyle(ws.getCell('B1'), { italic: true });
    expect([ws.getCell('A1').numFmt, ws.getCell('A1').font]).toEqual(['0.00', { bold: true }]);
    expect([ws.getCell('B1').numFmt, ws.getCell('B1').font]).toEqual([undefined, { italic: true }]);
    expect(ws.getCell('B1').fill).toEqual(ws.getCell('A1').fill);
  });

  it('saving leaves every unstyled cell its own style, so editing one afterwards changes only it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('B1').value = 2;
    await bookBuffer(wb);
    ws.getCell('A1').numFmt = '0.000';
    const again = (await roundTrip(wb)).getWorksheet('S')!;
    expect([again.getCell('A1').numFmt, again.getCell('B1').numFmt]).toEqual(['0.000', undefined]);
  });

  it('a date without a format is still written as a date, whatever cell comes first', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    const day = new Date(Date.UTC(2019, 8, 30));
    ws.getRow(1).values = [5, day];
    ws.getRow(2).values = [day, 5];
    const again = (await roundTrip(wb)).getWorksheet('S')!;
    expect([
      again.getCell('A1').value,
      again.getCell('B1').value,
      again.getCell('A2').value,
      again.getCell('B2').value,
    ]).toEqual([5, day, day, 5]);
  });
});
