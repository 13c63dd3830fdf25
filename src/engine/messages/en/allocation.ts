import type { AllocationMethod } from '../../types';
import { show } from '../format';

/** A problem rendered inside another (in the same language). */
export interface Nested {
  code: string;
  args: unknown;
}
export type RenderNested = (p: Nested) => string;

/** The allocation request (SPEC §4) and the scenario's targets allocated through it. */
export const allocationEn = {
  'alloc.notObject': () =>
    'an allocation request must be a JSON object with total, method and units',
  'alloc.tooLarge': (a: { total: string; max: string }) =>
    `${a.total} is too large (at most ${a.max})`,
  'alloc.noUnits': () => 'missing: give a list of units with id and weight',
  'alloc.unitsNotList': () => 'must be a list of units',
  'alloc.unitNotObject': () => 'must be an object with id and weight',
  'alloc.noMethod': (a: { allowed: AllocationMethod[] }) =>
    `missing: use one of ${a.allowed.join(', ')}`,
  'alloc.unknownMethod': (a: { got: unknown; allowed: AllocationMethod[] }) =>
    `unknown method ${show(a.got)}: use one of ${a.allowed.join(', ')}`,
  'alloc.missing': () => 'missing',
  'alloc.badId': (a: { got: unknown }) => `must be a non-empty string (got ${show(a.got)})`,
  'alloc.duplicateId': (a: { id: string; first: string }) =>
    `duplicate id ${show(a.id)} (also ${a.first})`,
  'alloc.negative': (a: { got: string }) => `must not be negative (got ${a.got})`,
  'alloc.maxBelowMin': (a: { max: string; min: string }) => `${a.max} is below min ${a.min}`,
  'alloc.notWhole': (a: { value: string }) => `${a.value} is not a whole number (precision 0)`,
  'alloc.tooPrecise': (a: { value: string; precision: number }) =>
    `${a.value} has more than ${a.precision} decimal place${a.precision === 1 ? '' : 's'} (precision ${a.precision})`,
  'alloc.lockedOverTotal': (a: { locked: string; total: string }) =>
    `the locked quotas add up to ${a.locked}, more than the total ${a.total}`,
  /** `rest`: what is left after locked quotas (null: nothing is locked, the total is left). */
  'alloc.minimumsOver': (a: { min: string; rest: string | null; total: string }) =>
    `the free units' minimums add up to ${a.min}, more than ${a.rest !== null ? `the ${a.rest} left after locked quotas` : `the total ${a.total}`}`,
  'alloc.capacityBelow': (a: { capacity: string; rest: string | null; total: string }) =>
    `the free units can hold at most ${a.capacity} (a unit stops at its max, a unit with weight 0 keeps its min), less than ${a.rest !== null ? `the ${a.rest} left after locked quotas` : `the total ${a.total}`}`,
  /**
   * A target's allocation refused: `field` is the request's field (`total`) or the basis row a
   * unit's field came from (`basis[7].min`, with its `unit`), `problem` what is wrong with it.
   */
  'quotas.refused': (
    a: { field: string; unit: string | null; problem: Nested },
    nested: RenderNested,
  ) =>
    (a.field ? `${a.field}${a.unit !== null ? ` (unit ${show(a.unit)})` : ''}: ` : '') +
    nested(a.problem),
  /** A refused allocation around quotas fixed in 任务分解: `cells` names them. */
  'book.quotasFixedIn': (a: { problem: Nested; cells: string }, nested: RenderNested) =>
    `${nested(a.problem)} (quotas fixed in ${a.cells})`,
};
