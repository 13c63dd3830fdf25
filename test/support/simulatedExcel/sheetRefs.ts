/**
 * What renaming and deleting a sheet do to formulas that point at it, as Excel does: a rename
 * rewrites every reference to the new name, a delete turns each into #REF! ("If you delete a
 * worksheet that a formula refers to, the formula returns #REF!": support.microsoft.com, "How to
 * correct a #REF! error"). So renaming a sheet away and deleting it breaks the users' formulas
 * even when a new sheet of the old name takes its place (issue 14, item 4).
 */
const NAME_CHAR = /[A-Za-z0-9_.\u0080-\uFFFF]/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `formula` with every reference to sheet `name` (quoted or not) replaced by `by(…)`. */
function replaceSheetRefs(formula: string, name: string, by: string): string {
  const quoted = new RegExp(`'${escape(name.replace(/'/g, "''"))}'!`, 'gi');
  const bare = new RegExp(`${escape(name)}!`, 'gi');
  return formula
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(quoted, by)
            .replace(bare, (m, at: number) => (NAME_CHAR.test(part[at - 1] ?? '') ? m : by)),
    )
    .join('"');
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

export function renameSheetRefs(formula: string, from: string, to: string): string {
  return replaceSheetRefs(formula, from, `${quoteSheetName(to)}!`);
}

export function breakSheetRefs(formula: string, name: string): string {
  return replaceSheetRefs(formula, name, '#REF!');
}
