/** The ExcelJS adapter: what commands outside Excel use to read books and apply sheet plans. */
export { readSnapshot, sheetValues } from './snapshot';
export { applyBookPlan } from './applyPlan';
export { loadBook, loadBookBuffer, saveBookAtomic, bookBuffer, bookFileBytes } from './book';
export type { LoadOptions, SaveOptions } from './book';
export { readCustomProperties, writeCustomProperties, withCustomProperties } from './properties';
