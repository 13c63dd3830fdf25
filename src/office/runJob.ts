/**
 * One command inside Excel: read the book (one sync), compute the plan with a pure job, apply it
 * (one more sync, plus one per extra 3 MB of estimated payload, plus one for freeze panes and tab
 * colours when the plan has any: applyBookPlan). A job that throws has written nothing.
 */
import type { BookPlan, BookSnapshot } from '../plan/types';
import { ApplyOptions, ApplyResult, applyBookPlan } from './applyBookPlan';
import { ReadOptions, readSnapshot } from './readSnapshot';

export type JobOptions = ReadOptions & ApplyOptions;

export async function runJob<R extends { plan: BookPlan }>(
  job: (snapshot: BookSnapshot) => R,
  options: JobOptions = {},
): Promise<R & ApplyResult> {
  return Excel.run(async (context) => {
    const snapshot = await readSnapshot(context, options);
    const result = job(snapshot);
    const applied = await applyBookPlan(context, result.plan, snapshot, options);
    return { ...result, ...applied, syncs: applied.syncs + 1 };
  });
}
