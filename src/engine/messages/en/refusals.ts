/** Refusals callers branch on (by code: src/engine/errors.ts refusalCode). */
export const refusalsEn = {
  /** At the bulletin's sheet: the task pane offers to overwrite it. */
  'bulletin.edited': () =>
    'this bulletin was changed after it was generated; rename the sheet to keep it, or run again with --force to overwrite it (its old contents go to TD_History)',
  /** A book written by someone else between read and commit. */
  'book.changed': () => 'changed by another program since it was read; nothing written',
  /** An owner file of Excel/WPS or LibreOffice beside the book. */
  'book.openElsewhere': (a: {
    program: 'office' | 'libreoffice';
    user: string | null;
    host: string | null;
    since: string | null;
    ownerFile: string;
  }) =>
    `the book is open in ${a.program === 'office' ? 'Excel or WPS' : 'LibreOffice'} (` +
    (a.user !== null ? `by ${a.user}` : 'user not named') +
    (a.host !== null ? ` on ${a.host}` : '') +
    (a.since !== null ? ` since ${a.since}` : '') +
    `, owner file ${a.ownerFile}); close it there first, or add --ignore-lock-file if that file is left over; nothing written`,
};
