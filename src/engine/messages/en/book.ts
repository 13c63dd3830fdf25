/** The plan book's cells (src/plan/scenarioTables.ts), quoted as the cell shows them. */
export const bookEn = {
  // The cell is quoted as the English message quotes it, straight quotes included.
  'cell.notNumber': (a: { shown: string }) => `not a number: ${a.shown}`,
  // `1e999` typed as text, or an overflowing cell saved by another program, reads as Infinity.
  'cell.notFinite': (a: { shown: string }) => `not a finite number: ${a.shown}`,
  'cell.notWhole': (a: { got: number }) => `not a whole number: ${a.got}`,
  'cell.badTier': (a: { text: string }) =>
    `not a tier "${a.text}" (write completion-rate:factor pairs, e.g. "1:1; 0.8:0.8")`,
};
