/**
 * What the pages' ES5 check (the td-preflight script in taskpane.html and web.html) leaves for the
 * bundle: whether it already showed its notice (an IE11/EdgeHTML webview or an old browser, where
 * the bundle must not start), and the notice itself, for the pane opened outside Office.
 */
declare global {
  interface Window {
    tdBlocked?: boolean;
    tdNotice?: (kind: 'old' | 'outside') => void;
  }
}

export const preflightBlocked = (): boolean => window.tdBlocked === true;

/** Shows the pane's notice; false where the page has none (the test harness). */
export function showNotice(kind: 'outside'): boolean {
  if (!window.tdNotice) return false;
  window.tdNotice(kind);
  return true;
}
