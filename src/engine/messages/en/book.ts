/** The plan book's cells (src/plan/scenarioTables.ts), quoted as the cell shows them. */
export const bookEn = {
  // The cell is quoted as the English message quotes it, straight quotes included.
  'cell.notNumber': (a: { shown: string }) => `not a number: ${a.shown}`,
  // `1e999` typed as text, or an overflowing cell saved by another program, reads as Infinity.
  'cell.notFinite': (a: { shown: string }) => `not a finite number: ${a.shown}`,
  'cell.notWhole': (a: { got: number }) => `not a whole number: ${a.got}`,
  'cell.badTier': (a: { text: string }) =>
    `not a tier "${a.text}" (write completion-rate:factor pairs, e.g. "1:1; 0.8:0.8")`,
  'table.missing': (a: { sheet: string }) =>
    `table not found (it belongs on sheet "${a.sheet}"; was it deleted or renamed?)`,
  'table.missingColumn': (a: { header: string }) => `missing column "${a.header}"`,
  'table.existsElsewhere': (a: { sheet: string; table: string }) =>
    `table ${a.table} already exists on sheet "${a.sheet}"`,
  'settings.duplicate': (a: { key: string }) => `duplicate setting "${a.key}"`,
  'indicator.partialProfile': () =>
    'fill in all four Q1–Q4 序时进度 cells, or leave all four blank for the default 25%/50%/75%/100%',
  'quotas.unknownSource': (a: { got: unknown; given: string; computed: string }) =>
    `unknown source ${JSON.stringify(a.got)} (${a.given} for a quota you set, ${a.computed} for a computed one)`,
  'quotas.fixedOverTarget': (a: {
    indicator: string;
    year: number;
    sum: number;
    total: number;
    given: string;
    computed: string;
  }) =>
    `the fixed quotas of ${a.indicator} ${a.year} (来源 ${a.given}, typed over ${a.computed}, or locked in 分解依据) add up to ${a.sum}, more than its target ${a.total}: the other units cannot be allocated`,
  'sheet.protected': (a: { sheet: string; table: string }) =>
    `sheet "${a.sheet}" is protected, so table ${a.table} cannot be written; unprotect the sheet and try again`,
};
