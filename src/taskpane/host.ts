/**
 * The seam between the controller and where the book lives: Excel through Office.js (the add-in,
 * ./officeHost) or an ExcelJS workbook held in the page (the 网页版, src/web/bookHost). Jobs and
 * panels see only this, so neither has a branch on which one runs.
 */
import type { BookPlan, BookSnapshot } from '../plan/types';

export interface HostReadOptions {
  /** Sheets whose values the job needs besides the plan tables, by name. */
  sheets?: readonly string[];
}

export interface Host {
  /** The plan tables (and the named sheets) as they are now. */
  read(options?: HostReadOptions): Promise<BookSnapshot>;
  /**
   * Reads a snapshot, runs the pure job on it and applies its plan. A job that throws has written
   * nothing. `notices`: what the host could not do, in the user's words.
   */
  run<R extends { plan: BookPlan }>(
    job: (snapshot: BookSnapshot) => R,
    options?: HostReadOptions,
  ): Promise<R & { notices: string[] }>;
}
