/**
 * Excel's width in points of a column stored `width` characters wide: 7 px a character of Calibri
 * 11, rounded as the OOXML spec says. Office.js sets column widths in points with it, and the
 * bulletin's layout fits text and pages to it. LibreOffice draws columns about 6% wider (it
 * measures Carlito's digits exactly, 7.43 px), so Excel's narrower columns are the ones text must
 * fit in, and Excel's larger fit-to-width scale the one a page's rows must fit at.
 */
export function columnWidthPoints(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7) * 0.75;
}
