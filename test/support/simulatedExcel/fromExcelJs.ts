/**
 * A simulated Excel workbook holding what an ExcelJS workbook holds — sheets, cell values,
 * formulas with their cached values, number formats and tables — to open a book saved by the CLI
 * (e.g. one made by an older release) in the simulated host. Node-only (imports ExcelJS), like
 * dumpExcelJs.ts. Styles, merges and charts are not carried: the jobs read none of them.
 */
import type ExcelJS from 'exceljs';
import { rawValue } from '../../../src/xlsx/cells';
import { tableArea, tableModel } from '../../../src/xlsx/snapshot';
import { SimWorkbook } from './model';

export function simFromExcelJs(wb: ExcelJS.Workbook): SimWorkbook {
  const book = new SimWorkbook();
  for (const ws of wb.worksheets) {
    const sheet = book.addSheet(ws.name);
    if (ws.state !== 'visible') sheet.visibility = ws.state === 'hidden' ? 'Hidden' : 'VeryHidden';
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        const v = rawValue(cell) as unknown;
        const target = sheet.cellForWrite(r - 1, c - 1);
        if (cell.numFmt) target.numberFormat = cell.numFmt;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
          target.value = v;
        } else if (typeof v === 'object' && v !== null && 'formula' in v) {
          const f = v as { formula: string; result?: unknown };
          target.formula = `=${f.formula}`;
          const result = f.result;
          if (
            typeof result === 'string' ||
            typeof result === 'number' ||
            typeof result === 'boolean'
          )
            target.value = result;
        } else if (typeof v === 'object' && v !== null && 'richText' in v) {
          target.value = (v as { richText: { text: string }[] }).richText
            .map((t) => t.text)
            .join('');
        } else if (v !== null && v !== undefined) {
          throw new Error(`cell ${ws.name}!${cell.address} holds ${JSON.stringify(v)}`);
        }
      });
    });
    for (const t of ws.getTables()) {
      const m = tableModel(t);
      const a = tableArea(m);
      const table = book.addTable(sheet, {
        r0: a.headerRow - 1,
        c0: a.firstCol,
        r1: a.lastRow - 1,
        c1: a.lastCol,
      });
      book.renameTable(table, m.name);
    }
  }
  book.dirty = true;
  return book;
}
