/**
 * What a saved xlsx package means, read back by plain ExcelJS (no lean sheets): every cell's value,
 * type and style resolved through styles.xml, row heights, tables, validations, conditional formats,
 * columns, views, merges, page setup. Two packages that give the same model say the same thing.
 */
import ExcelJS from 'exceljs';

export interface SheetModel {
  cells: Record<string, string>;
  rows: Record<number, string>;
  rest: Record<string, string>;
}

export async function packageModel(bytes: Buffer): Promise<Record<string, SheetModel>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const out: Record<string, SheetModel> = {};
  for (const ws of wb.worksheets) {
    const model = ws.model as unknown as Record<string, unknown>;
    const cells: Record<string, string> = {};
    const rows: Record<number, string> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const style = (row as unknown as { style?: object }).style;
      if (row.height || row.hidden || row.outlineLevel || Object.keys(style ?? {}).length)
        rows[r] = JSON.stringify([row.height, row.hidden, row.outlineLevel, style]);
      row.eachCell({ includeEmpty: true }, (c) => {
        const empty = c.value === null || c.value === undefined;
        if (empty && !Object.keys(c.style ?? {}).length) return;
        cells[c.address] = JSON.stringify([c.type, c.value, c.style]);
      });
    });
    out[ws.name] = {
      cells,
      rows,
      rest: {
        tables: JSON.stringify(
          ws.getTables().map((t) => {
            const m = (t as unknown as { table?: object; model?: object }).table;
            return m ?? (t as unknown as { model: object }).model;
          }),
        ),
        validations: JSON.stringify(model.dataValidations),
        conditionalFormats: JSON.stringify(model.conditionalFormattings),
        columns: JSON.stringify((ws.columns ?? []).map((c) => [c.width, c.hidden, c.style])),
        views: JSON.stringify(ws.views),
        merges: JSON.stringify(model.merges),
        properties: JSON.stringify(ws.properties),
        pageSetup: JSON.stringify(ws.pageSetup),
        state: ws.state,
      },
    };
  }
  return out;
}
