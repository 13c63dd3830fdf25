/**
 * Runs before the task pane's own script on test-harness.html: installs the simulated Excel host
 * (test/support/simulatedExcel) as the page's `Office` and `Excel`, with the display language from
 * `?lang=`, and exposes the workbook to the Playwright test as `window.__targetDesk`.
 */
import { installSimulatedOffice, SimTable } from '../../support/simulatedExcel';

type Value = string | number | boolean | null;

export interface HarnessApi {
  sheetNames(): string[];
  activeSheet(): string | null;
  /** Body rows of a table as header → value records (formulas as their formula text). */
  tableRows(name: string): Record<string, Value>[] | null;
  /** Every non-empty cell text of a sheet, in row order. */
  sheetText(name: string): string[];
  syncs(): number;
  /** Types a value into a cell, as a user would between two steps. */
  typeInto(sheet: string, address: string, value: string | number): void;
}

const params = new URLSearchParams(window.location.search);
const host = installSimulatedOffice(window, {
  displayLanguage: params.get('lang') ?? 'zh-CN',
  apiVersion: params.get('api') ?? '1.7',
});

function rowsOf(table: SimTable): Record<string, Value>[] {
  const headers = table.headers();
  const out: Record<string, Value>[] = [];
  for (let r = table.r0 + 1; r <= table.r1; r++) {
    const row: Record<string, Value> = {};
    headers.forEach((h, j) => {
      const cell = table.sheet.cell(r, table.c0 + j);
      row[h] = cell?.formula ?? cell?.value ?? null;
    });
    out.push(row);
  }
  return out;
}

const api: HarnessApi = {
  sheetNames: () => host.workbook.sheets.map((s) => s.name),
  activeSheet: () => host.workbook.activeSheet?.name ?? null,
  tableRows: (name) => {
    const table = host.workbook.findTable(name);
    return table ? rowsOf(table) : null;
  },
  sheetText: (name) => {
    const sheet = host.workbook.findSheet(name);
    if (!sheet) return [];
    return [...sheet.cells.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, c]) => c.value)
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  },
  syncs: () => host.stats.syncs,
  typeInto: (sheet, address, value) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    host.workbook.findSheet(sheet)!.input(Number(m[2]) - 1, col, value);
  },
};

(window as unknown as { __targetDesk: HarnessApi }).__targetDesk = api;
