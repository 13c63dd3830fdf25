/** Recognition lists (src/engine/recognition.ts), at file › sheet › cell. */
export const listsEn = {
  'list.yearOutsidePlan': (a: { year: number }) =>
    `${a.year} is not one of the plan's years: the list's enterprises of that year are not counted`,
  'list.noneMatched': () =>
    'no row matches the registry (企业库); nothing written (assign units with --assign and import again)',
  'list.noHeader': (a: { rows: number; missing: string[] }) =>
    `no header ${a.missing.map((m) => `"${m}"`).join(', ')} in the first ${a.rows} rows: a list needs columns for the enterprise name, the certificate number and the issue date (or batch)`,
  'list.noName': (a: { certificate: string }) =>
    `certificate ${a.certificate} has no enterprise name`,
  'list.noQuarter': (a: { text: string }) =>
    `cannot tell the quarter of issue from "${a.text}" (write it as 2019-11-27, or give --period)`,
  'list.noDate': () => 'no issue date (or give --period)',
  'list.noCertificate': (a: { name: string }) =>
    `"${a.name}" has no certificate number, so its duplicates cannot be found`,
  'list.empty': () => 'the list has no enterprises',
};
