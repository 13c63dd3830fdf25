/**
 * Excel on the web refuses a request (one context.sync) over 5 MB. Writes are queued through a
 * RequestBudget that estimates each action (UTF-8 bytes of its JSON data plus a fixed framing
 * allowance, times a safety factor) and syncs before the batch would pass the budget; blocks larger
 * than the budget are split into runs of rows. So a command syncs once to write whenever its
 * payload fits, and once more per additional budget-full otherwise.
 */

/**
 * What a batch may carry, estimated: 3 MB leaves room under 5 MB for what the estimate misses.
 * The web host frames each action about twice as verbosely as its data and sends the request
 * JSON-encoded twice (+17–24 %: issue 14), hence SAFETY.
 */
export const DEFAULT_REQUEST_BUDGET = 3 * 1024 * 1024;
const SAFETY = 1.5;

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

  /**
   * Accounts for `actions` actions carrying `bytes` of data, syncing first when the batch would
   * pass the budget. Call it just before queuing them, and queue them all before the next call: a
   * sync it makes sends what was queued so far, so actions reserved earlier but queued after it
   * would ride in the next batch uncounted.
   */
  async reserve(bytes: number, actions = 1): Promise<void> {
    const cost = (bytes + ACTION_OVERHEAD * actions) * SAFETY;
    if (this.used > 0 && this.used + cost > this.limit) {
      await this.context.sync();
      this.flushes += 1;
      this.used = 0;
    }
    this.used += cost;
  }

  /**
   * Splits `rows` into consecutive runs whose size (`rowBytes`, values and number formats of the
   * row) fits the budget, the first one what is left of the current batch; a single row larger
   * than the budget stays alone.
   */
  chunks<T>(rows: readonly T[], rowBytes: (row: T) => number): { start: number; rows: T[] }[] {
    const out: { start: number; rows: T[] }[] = [];
    let start = 0;
    let size = 0;
    // The first run fills what is left of the current batch; the others, whole batches.
    const full = this.limit / SAFETY - ACTION_OVERHEAD * 4;
    let room = (this.limit - this.used) / SAFETY - ACTION_OVERHEAD * 4;
    rows.forEach((row, i) => {
      const b = rowBytes(row) + 1;
      if (i > start && size + b > room) {
        out.push({ start, rows: rows.slice(start, i) });
        start = i;
        size = 0;
        room = full;
      }
      size += b;
    });
    if (rows.length > start) out.push({ start, rows: rows.slice(start) });
    return out;
  }
}
