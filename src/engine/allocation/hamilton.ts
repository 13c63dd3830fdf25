import { FreeUnits, Seats } from './free-units';

/** λ as the exact rational num/den. */
interface Rational {
  num: bigint;
  den: bigint;
}

/**
 * Largest remainder (Hamilton) with bounds, SPEC §4: shares s_i = clamp(λ·w_i, min_i, max_i) with
 * Σ s_i = R (water-filling, λ exact), ⌊s_i⌋ each, then one more seat each to the largest
 * remainders; equal remainders go to the larger weight, then to the unit listed first.
 */
export function largestRemainder(units: FreeUnits, rest: bigint): Seats {
  const lambda = waterLevel(units, rest);
  const n = units.weight.length;
  const seats: Seats = new Array(n);
  const remainder: bigint[] = new Array(n);
  let given = 0n;
  for (let i = 0; i < n; i++) {
    const share = scaledShare(units, i, lambda);
    seats[i] = share / lambda.den;
    remainder[i] = share % lambda.den;
    given += seats[i];
  }
  // Σ s_i = R and each remainder is below 1, so the seats left never outnumber the positive remainders.
  const left = Number(rest - given);
  if (left > 0) {
    const order = [...Array(n).keys()].filter((i) => remainder[i] > 0n);
    order.sort(
      (a, b) =>
        cmpDesc(remainder[a], remainder[b]) || cmpDesc(units.weight[a], units.weight[b]) || a - b,
    );
    for (let j = 0; j < left; j++) seats[order[j]]++;
  }
  return seats;
}

function cmpDesc(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

/** den · clamp(λ·w_i, min_i, max_i): the unit's share on the common denominator of λ. */
function scaledShare(units: FreeUnits, i: number, { num, den }: Rational): bigint {
  const lo = units.min[i] * den;
  const w = units.weight[i];
  if (w === 0n) return lo;
  const s = num * w;
  if (s < lo) return lo;
  const max = units.max[i];
  if (max !== null && s > max * den) return max * den;
  return s;
}

/** den · Σ clamp(λ·w_i, min_i, max_i). */
function scaledSum(units: FreeUnits, lambda: Rational): bigint {
  let sum = 0n;
  for (let i = 0; i < units.weight.length; i++) sum += scaledShare(units, i, lambda);
  return sum;
}

function less(a: Rational, b: Rational): boolean {
  return a.num * b.den < b.num * a.den;
}

/**
 * The λ with Σ clamp(λ·w_i, min_i, max_i) = R. The sum is continuous, non-decreasing and linear
 * between the breakpoints min_i/w_i and max_i/w_i, so λ is found on the segment where it crosses R.
 * The request was checked to be feasible, so such a λ exists.
 */
function waterLevel(units: FreeUnits, rest: bigint): Rational {
  const n = units.weight.length;
  let fixed = 0n;
  let free = 0n;
  for (let i = 0; i < n; i++) {
    if (units.weight[i] === 0n) fixed += units.min[i];
    else free += units.weight[i];
  }
  if (free === 0n) return { num: 0n, den: 1n };
  // Most requests bind no bound: λ = (R − Σ mins of weight-0 units) / Σ w.
  const plain = { num: rest - fixed, den: free };
  if (scaledSum(units, plain) === rest * plain.den) return plain;

  const points: Rational[] = [];
  for (let i = 0; i < n; i++) {
    const w = units.weight[i];
    if (w === 0n) continue;
    if (units.min[i] > 0n) points.push({ num: units.min[i], den: w });
    const max = units.max[i];
    if (max !== null) points.push({ num: max, den: w });
  }
  points.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
  // The first breakpoint where the sum reaches R.
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scaledSum(units, points[mid]) >= rest * points[mid].den) hi = mid;
    else lo = mid + 1;
  }
  if (lo < points.length && scaledSum(units, points[lo]) === rest * points[lo].den)
    return points[lo];
  const below = lo > 0 ? points[lo - 1] : { num: 0n, den: 1n };
  const above = lo < points.length ? points[lo] : null;
  // Strictly between the two breakpoints each unit is at its min, at its max, or proportional.
  let settled = 0n;
  let slope = 0n;
  for (let i = 0; i < n; i++) {
    const w = units.weight[i];
    const max = units.max[i];
    if (w === 0n || (above && !less({ num: units.min[i], den: w }, above))) settled += units.min[i];
    else if (max !== null && !less(below, { num: max, den: w })) settled += max;
    else slope += w;
  }
  return { num: rest - settled, den: slope };
}
