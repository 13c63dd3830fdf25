/**
 * A neutral dump of a workbook's cells and tables, for comparing what two adapters wrote (merged
 * cells as their top-left cell only). Formula
 * cells dump their formula only unless `formulaValues` asks for their calculated values too.
 */
import { cellAddress, rectAddress } from './address';
import { SimWorkbook } from './simWorkbook';

export type DumpScalar = string | number | boolean;

export interface CellDump {
  value?: DumpScalar;
  formula?: string;
  /** Omitted when General. */
  numberFormat?: string;
}

export interface BookDump {
  sheets: { name: string; cells: Record<string, CellDump> }[];
  tables: { name: string; sheet: string; ref: string }[];
}

/** `formulaValues`: also dump the calculated value of each formula cell. */
export function dumpWorkbook(
  book: SimWorkbook,
  options: { formulaValues?: boolean } = {},
): BookDump {
  if (options.formulaValues) book.recalculate();
  return {
    sheets: book.sheets.map((sheet) => {
      const entries: [number, number, CellDump][] = [];
      const hidden = (r: number, c: number) =>
        sheet.merges.some(
          (m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 && (r !== m.r0 || c !== m.c0),
        );
      for (const [k, cell] of sheet.cells) {
        if (hidden(Math.floor(k / 16384), k % 16384)) continue;
        const dump: CellDump = {};
        if (cell.formula !== undefined) dump.formula = cell.formula;
        if (cell.value !== undefined && (cell.formula === undefined || options.formulaValues))
          dump.value = cell.value;
        if (cell.numberFormat !== undefined && cell.numberFormat !== 'General')
          dump.numberFormat = cell.numberFormat;
        if (Object.keys(dump).length > 0) entries.push([Math.floor(k / 16384), k % 16384, dump]);
      }
      entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      return {
        name: sheet.name,
        cells: Object.fromEntries(entries.map(([r, c, d]) => [cellAddress(r, c), d])),
      };
    }),
    tables: book.tables
      .map((t) => ({ name: t.name, sheet: t.sheet.name, ref: rectAddress(t.rect) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}
