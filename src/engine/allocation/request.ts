import { Decimal, formatScaled, parseDecimal, toScaledInt } from '../decimal';
import { InputError, inputError, Problem, problem } from '../errors';
import { ALLOCATION_METHODS, AllocationMethod } from '../types';

/** Quotas are returned as JS numbers, so a scaled total must stay an exact double integer. */
const MAX_SCALED = BigInt(Number.MAX_SAFE_INTEGER);
/** More decimal places than anyone splits a target into; keeps T·10^p within exact doubles. */
export const MAX_PRECISION = 6;

/** A unit of a validated request; amounts are integers in units of 10^-precision. */
export interface ParsedUnit {
  id: string;
  weight: Decimal;
  min: bigint;
  max: bigint | null;
  locked: bigint | null;
}

export interface ParsedRequest {
  method: AllocationMethod;
  precision: number;
  total: bigint;
  units: ParsedUnit[];
}

/**
 * The request of SPEC §4, checked completely: every problem is collected and thrown as one
 * InputError naming its field, so nothing is allocated from a half-valid request.
 */
export function parseRequest(req: unknown): ParsedRequest {
  const problems: Problem[] = [];
  const add: Add = (p) => problems.push(p);
  if (typeof req !== 'object' || req === null || Array.isArray(req)) {
    throw inputError('alloc.notObject', '', {});
  }
  const r = req as Record<string, unknown>;

  const precision = readPrecision(r.precision, add);
  const method = readMethod(r.method, add);
  const total = readAmount(r.total, -1, 'total', precision, add);
  if (total !== null && total > MAX_SCALED) {
    const [t, max] = [formatScaled(total, precision!), formatScaled(MAX_SCALED, precision!)];
    add(problem('alloc.tooLarge', 'total', { total: t, max }));
  }

  const units: ParsedUnit[] = [];
  if (r.units === undefined) add(problem('alloc.noUnits', 'units', {}));
  else if (!Array.isArray(r.units)) add(problem('alloc.unitsNotList', 'units', {}));
  else {
    const firstIndex = new Map<string, number>();
    r.units.forEach((u, i) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) {
        add(problem('alloc.unitNotObject', `units[${i}]`, {}));
        return;
      }
      const o = u as Record<string, unknown>;
      const id = readId(o.id, i, firstIndex, add);
      const weight = readNumber(o.weight, i, 'weight', add);
      const min = o.min === undefined ? 0n : readAmount(o.min, i, 'min', precision, add);
      const max = o.max === undefined ? null : readAmount(o.max, i, 'max', precision, add);
      const locked =
        o.locked === undefined ? null : readAmount(o.locked, i, 'locked', precision, add);
      if (o.locked === undefined && min !== null && max !== null && max < min) {
        const [hi, lo] = [formatScaled(max, precision!), formatScaled(min, precision!)];
        add(problem('alloc.maxBelowMin', fieldAt(i, 'max'), { max: hi, min: lo }));
      }
      // A null from a bad field was reported, and then the request is refused below.
      units.push({ id: id!, weight: weight!, min: min!, max, locked });
    });
  }
  if (problems.length) throw new InputError(problems);
  const parsed: ParsedRequest = { method: method!, precision: precision!, total: total!, units };
  checkFeasible(parsed, add);
  if (problems.length) throw new InputError(problems);
  return parsed;
}

/** Reports a problem. */
type Add = (p: Problem) => void;

/**
 * Where a field is: `units[i].name`, or the request's own `name` for i = -1. Built only for a
 * problem: `--jsonl` reads thousands of units whose fields are all fine.
 */
function fieldAt(i: number, name: string): string {
  return i < 0 ? name : `units[${i}].${name}`;
}

function readPrecision(x: unknown, add: Add): number | null {
  if (x === undefined) return 0;
  if (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= MAX_PRECISION) return x;
  add(problem('target.badPrecision', 'precision', { max: MAX_PRECISION, got: x }));
  return null;
}

function readMethod(x: unknown, add: Add): AllocationMethod | null {
  if (typeof x === 'string' && (ALLOCATION_METHODS as readonly string[]).includes(x))
    return x as AllocationMethod;
  const allowed = [...ALLOCATION_METHODS];
  if (x === undefined) add(problem('alloc.noMethod', 'method', { allowed }));
  else add(problem('alloc.unknownMethod', 'method', { got: x, allowed }));
  return null;
}

function readId(x: unknown, i: number, firstIndex: Map<string, number>, add: Add): string | null {
  if (x === undefined) add(problem('alloc.missing', fieldAt(i, 'id'), {}));
  else if (typeof x !== 'string' || x === '')
    add(problem('alloc.badId', fieldAt(i, 'id'), { got: x }));
  else {
    const first = firstIndex.get(x);
    if (first !== undefined)
      add(problem('alloc.duplicateId', fieldAt(i, 'id'), { id: x, first: fieldAt(first, 'id') }));
    else firstIndex.set(x, i);
    return x;
  }
  return null;
}

function readNumber(x: unknown, i: number, name: string, add: Add): Decimal | null {
  // Whole numbers, the common case, skip the text round trip.
  if (typeof x === 'number' && Number.isSafeInteger(x) && x >= 0)
    return { int: BigInt(x), scale: 0 };
  const where = fieldAt(i, name);
  if (x === undefined) {
    add(problem('alloc.missing', where, {}));
    return null;
  }
  try {
    const d = parseDecimal(x as number | string, where);
    if (d.int < 0n) {
      const text = formatScaled(d.int, d.scale);
      add(problem('alloc.negative', where, { got: text }));
      return null;
    }
    return d;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    e.problems.forEach(add);
    return null;
  }
}

/**
 * An amount (total, min, max, locked) as an integer count of 10^-precision steps; null when it is
 * malformed or the precision is (reported elsewhere as) invalid.
 */
function readAmount(
  x: unknown,
  i: number,
  name: string,
  precision: number | null,
  add: Add,
): bigint | null {
  const d = readNumber(x, i, name, add);
  if (d === null || precision === null) return null;
  const scaled = toScaledInt(d, precision);
  if (scaled === null) {
    const text = formatScaled(d.int, d.scale);
    if (precision === 0) add(problem('alloc.notWhole', fieldAt(i, name), { value: text }));
    else add(problem('alloc.tooPrecise', fieldAt(i, name), { value: text, precision }));
  }
  return scaled;
}

/** SPEC §4 point 2: the locked quotas, minimums and capacities must fit the total. */
function checkFeasible(req: ParsedRequest, add: Add): void {
  const p = req.precision;
  const fmt = (n: bigint) => formatScaled(n, p);
  let lockedSum = 0n;
  let minSum = 0n;
  let capacity: bigint | null = 0n;
  for (const u of req.units) {
    if (u.locked !== null) {
      lockedSum += u.locked;
      continue;
    }
    minSum += u.min;
    const takesSeats = req.method === 'equal' || u.weight.int > 0n;
    if (!takesSeats) capacity = capacity === null ? null : capacity + u.min;
    else if (u.max === null) capacity = null;
    else if (capacity !== null) capacity += u.max;
  }
  const rest = req.total - lockedSum;
  // Texts for a message only: most requests fit.
  const left = () => ({ rest: lockedSum > 0n ? fmt(rest) : null, total: fmt(req.total) });
  if (rest < 0n)
    add(
      problem('alloc.lockedOverTotal', 'total', { locked: fmt(lockedSum), total: fmt(req.total) }),
    );
  else if (minSum > rest)
    add(problem('alloc.minimumsOver', 'total', { min: fmt(minSum), ...left() }));
  else if (capacity !== null && capacity < rest)
    add(problem('alloc.capacityBelow', 'total', { capacity: fmt(capacity), ...left() }));
}
