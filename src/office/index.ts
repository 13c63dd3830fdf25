/** The Office.js adapter: reads plan tables and applies sheet plans inside Excel (SPEC §11). */
export { readSnapshot } from './readSnapshot';
export type { OfficeSnapshot, ReadOptions } from './readSnapshot';
export { applyBookPlan } from './applyBookPlan';
export { NOTICES } from './requirements';
export type { ApplyOptions, ApplyResult } from './applyBookPlan';
export { runJob } from './runJob';
export type { JobOptions } from './runJob';
