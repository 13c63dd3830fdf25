/**
 * How a date cell reads, whichever host read it: ExcelJS gives a Date, Office.js the cell's serial
 * number (Excel's 1900 date system: learn.microsoft.com/office/dev/add-ins/excel/
 * excel-add-ins-ranges-dates) together with its number format. Both become the same text, so the
 * jobs see one value for a date typed into a text column such as 发证日期.
 */

/** YYYY-MM-DD, with THH:MM:SS when the value has a time of day. */
export function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** The date of an Excel serial number (day 25569 is 1970-01-01), to the second. */
export function serialDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400) * 1000);
}

/**
 * Whether a number format shows a date or time: it has y, m, d, h or s outside quoted text,
 * escaped characters and [..] sections (colours, locales), as ECMA-376 §18.8.31 numFmt reads.
 */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}
