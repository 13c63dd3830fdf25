/**
 * The neutral dump (see dump.ts) of an ExcelJS workbook, to compare what the ExcelJS adapter wrote
 * with what the Office.js adapter wrote on the simulated host. Node-only (imports ExcelJS): kept out
 * of index.ts so the host stays browser-safe.
 */
import type ExcelJS from 'exceljs';
import { encodeCell } from '../../../src/engine/address';
import { rawValue } from '../../../src/xlsx/cells';
import { tableArea, tableModel } from '../../../src/xlsx/snapshot';
import type { BookDump, CellDump } from './dump';

function cellDump(cell: ExcelJS.Cell, formulaValues: boolean): CellDump {
  const dump: CellDump = {};
  // rawValue: ExcelJS's `value` getter drops a cached formula result of 0 or "".
  const v = rawValue(cell) as unknown;
  if (v !== null && v !== undefined && v !== '') {
    if (typeof v === 'object' && v !== null && 'formula' in v) {
      const f = v as { formula: string; result?: unknown };
      dump.formula = `=${f.formula}`;
      if (formulaValues && ['string', 'number', 'boolean'].includes(typeof f.result))
        dump.value = f.result as string | number | boolean;
    } else if (typeof v === 'object' && v !== null && 'richText' in v)
      dump.value = (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      dump.value = v;
    else
      throw new Error(
        `cell ${cell.address} holds a value the dump does not know: ${JSON.stringify(v)}`,
      );
  }
  if (cell.numFmt && cell.numFmt !== 'General') dump.numberFormat = cell.numFmt;
  return dump;
}

/** `formulaValues`: also dump each formula's cached result (what the engine computed). */
export function dumpExcelJs(
  wb: ExcelJS.Workbook,
  options: { skipSheets?: string[]; formulaValues?: boolean } = {},
): BookDump {
  const skip = new Set(options.skipSheets ?? []);
  const worksheets = wb.worksheets.filter((ws) => !skip.has(ws.name));
  return {
    sheets: worksheets.map((ws) => {
      const cells: Record<string, CellDump> = {};
      ws.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.isMerged && cell.master !== cell) return;
          const dump = cellDump(cell, options.formulaValues ?? false);
          if (Object.keys(dump).length > 0) cells[cell.address] = dump;
        });
      });
      return { name: ws.name, cells };
    }),
    tables: worksheets
      .flatMap((ws) =>
        ws.getTables().map((t) => {
          const m = tableModel(t);
          const a = tableArea(m);
          return {
            name: m.name,
            sheet: ws.name,
            ref: `${encodeCell(a.firstCol, a.headerRow)}:${encodeCell(a.lastCol, a.lastRow)}`,
          };
        }),
      )
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}
