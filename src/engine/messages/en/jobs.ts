import type { AllocationMethod } from '../../types';

/** Refusals of the jobs themselves: what they were asked (year, method, period) and the book's state. */
export const jobsEn = {
  'allocate.yearNotWhole': (a: { got: unknown }) =>
    `year must be a whole number, not ${JSON.stringify(a.got)}`,
  'allocate.unknownMethod': (a: { got: unknown; allowed: readonly AllocationMethod[] }) =>
    `unknown allocation method "${String(a.got)}" (one of ${a.allowed.join(', ')})`,
  'allocate.unknownIndicator': (a: { id: string }) => `unknown indicator "${a.id}"`,
  'allocate.levelIndicator': (a: { id: string; name: string }) =>
    `indicator "${a.id}" (${a.name}) is a level indicator and is not split into quotas`,
  'allocate.noTarget': (a: { id: string; name: string; year: number; sheet: string }) =>
    `indicator "${a.id}" (${a.name}) has no target for ${a.year} in TD_Targets (sheet "${a.sheet}")`,
  'allocate.noTargets': (a: { year: number; sheet: string }) =>
    `no indicator has a target for ${a.year} in TD_Targets (sheet "${a.sheet}")`,
  'table.lacksColumn': (a: { table: string; header: string }) =>
    `table ${a.table} has no column "${a.header}"`,
  'table.missingColumns': (a: { columns: string[] }) =>
    `missing column${a.columns.length > 1 ? 's' : ''} ${a.columns.map((h) => `"${h}"`).join(', ')}`,
  'bulletin.periodOutsidePlan': (a: { period: string; years: number[] }) =>
    `period ${a.period} is outside the plan (years ${a.years.join(', ')})`,
  'quota.typed': (a: {
    at: string;
    unit: string;
    indicator: string;
    old: number;
    new: number;
    given: string;
  }) =>
    `${a.at}: ${a.unit} ${a.indicator} typed ${a.new} over the allocation's ${a.old}: kept as ${a.given}, the other units allocated around it`,
  'book.migrationBlocked': (a: { added: string; sheet: string; table: string }) =>
    `this version adds columns to ${a.added}; to make room it lays out sheet "${a.sheet}" afresh, which also holds table ${a.table}: move that table to another sheet and run again (nothing was changed)`,
  'book.structureProtected': (a: { sheet: string }) =>
    `the workbook's structure is protected (Review › Protect Workbook), so sheet "${a.sheet}" cannot be added or replaced; unprotect the workbook and try again (nothing was changed)`,
};
