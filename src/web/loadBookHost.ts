import type { BookHost } from './bookHost';

let host: Promise<BookHost> | undefined;

/** The in-page book and ExcelJS with it: a lazy chunk, shared by the page and the controller. */
export function loadBookHost(): Promise<BookHost> {
  host ??= import(/* webpackChunkName: "book" */ './bookHost').then((m) => m.bookHost);
  return host;
}
