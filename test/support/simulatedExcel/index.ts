/**
 * The simulated Excel host: browser-safe (no Node APIs), for jest and for the task pane in Chromium.
 *
 *   const office = installSimulatedOffice(globalThis, { workbook: new SimWorkbook(), displayLanguage: 'zh-CN', apiVersion: '1.7' });
 *   await runJob(job);                       // code written against Excel.run / Office.* runs unchanged
 *   office.stats.syncs;                      // every context.sync counted; office.stats.batches: bytes per request
 *   dumpWorkbook(office.workbook);           // values, formulas, number formats, tables: for comparisons
 *   office.uninstall();
 *
 * dumpExcelJs.ts (Node-only, not exported here) gives the same dump for an ExcelJS workbook.
 */
export { installSimulatedOffice } from './office';
export type { SimulatedOffice, SimulatedOfficeOptions } from './office';
export { HostError } from './model';
export { SimSheet } from './simSheet';
export { SimTable } from './simTable';
export { SimWorkbook } from './simWorkbook';
export type { SimCell, CellValue } from './model';
export { dumpWorkbook } from './dump';
export type { BookDump, CellDump } from './dump';
export { PAYLOAD_LIMIT_BYTES } from './runtime';
export type { HostStats, BatchRecord } from './runtime';
