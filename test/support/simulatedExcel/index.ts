/** The simulated Excel host: browser-safe (no Node APIs), for jest and for the task pane in Chromium. */
export { installSimulatedOffice } from './office';
export type { SimulatedOffice, SimulatedOfficeOptions } from './office';
export { SimWorkbook, SimSheet, SimTable, HostError } from './model';
export type { SimCell, CellValue } from './model';
export { dumpWorkbook } from './dump';
export type { BookDump, CellDump } from './dump';
export { PAYLOAD_LIMIT_BYTES } from './runtime';
export type { HostStats, BatchRecord } from './runtime';
