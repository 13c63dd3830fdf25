/**
 * How a header typed by a user is compared with the header the product expects: full-width and
 * compatibility forms folded (NFKC: （ → (, Ａ → A) and all whitespace dropped, so "完成 数" and
 * "完成数" are one column. The one rule for every table, list and return file.
 */
export function headerKey(text: unknown): string {
  return String(text ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '');
}
