/**
 * Excel on the web refuses a request (one context.sync) over 5 MB. Writes are queued through a
 * RequestBudget that measures each one (UTF-8 bytes of its JSON) and syncs before the batch would
 * pass the budget; blocks larger than the budget are split into runs of rows. So a command syncs
 * once to write whenever its payload fits, and once more per additional budget-full otherwise.
 */

/** What a batch may carry: 4 MB of measured data leaves room under 5 MB for the request's own framing. */
export const DEFAULT_REQUEST_BUDGET = 4 * 1024 * 1024;

const encoder = new TextEncoder();

export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** Fixed allowance per queued action (object path, method name, ids). */
const ACTION_OVERHEAD = 200;

export class RequestBudget {
  private used = 0;
  /** Syncs made to keep batches under the budget (the final write sync is the caller's). */
  flushes = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly limit: number = DEFAULT_REQUEST_BUDGET,
  ) {}

  /** Accounts for an action of `bytes`, syncing first when the batch would pass the budget. */
  async reserve(bytes: number): Promise<void> {
    const cost = bytes + ACTION_OVERHEAD;
    if (this.used > 0 && this.used + cost > this.limit) {
      await this.context.sync();
      this.flushes += 1;
      this.used = 0;
    }
    this.used += cost;
  }

  /**
   * Splits `rows` into consecutive runs whose measured size (`rowBytes`, values and number formats
   * of the row) fits the budget; a single row larger than the budget stays alone.
   */
  chunks<T>(rows: readonly T[], rowBytes: (row: T) => number): { start: number; rows: T[] }[] {
    const out: { start: number; rows: T[] }[] = [];
    let start = 0;
    let size = 0;
    const room = this.limit - ACTION_OVERHEAD * 4;
    rows.forEach((row, i) => {
      const b = rowBytes(row) + 1;
      if (i > start && size + b > room) {
        out.push({ start, rows: rows.slice(start, i) });
        start = i;
        size = 0;
      }
      size += b;
    });
    if (rows.length > start) out.push({ start, rows: rows.slice(start) });
    return out;
  }
}
