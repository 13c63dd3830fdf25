/** How the catalogues quote values taken from the input. */
export { zhList, zhShow } from '../labels';

/** A value quoted from the input, for an English message: JSON. */
export const show = (x: unknown) => JSON.stringify(x) ?? String(x);

/** `"a", "b"` */
export const quoteList = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(', ');

/** `unit` or `units`, by how many. */
export const units = (xs: readonly unknown[]) => (xs.length === 1 ? 'unit' : 'units');

/** `2019Q3` → `2019年第3季度` (other text as given). */
export const zhPeriod = (p: string) => p.replace(/^(\d{4})Q([1-4])$/, '$1年第$2季度');
