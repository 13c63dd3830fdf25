import { FreeUnits, Seats } from './free-units';
import { IndexedHeap } from './heap';

export type DivisorMethod = 'dhondt' | 'sainte-lague' | 'huntington-hill' | 'adams';

/**
 * The divisor d(k) of SPEC §4 in two forms: as a double for the fast comparison, and as an exact
 * integer `exact(k)` such that priorities compare as w^power / exact(k) (Sainte-Laguë doubles
 * k + 0.5 to 2k + 1; Huntington-Hill compares squares, w² / k(k+1), so no square root is taken).
 */
interface Divisor {
  approx(k: number): number;
  exact(k: bigint): bigint;
  power: 1 | 2;
  /** How many k ≥ 0 have d(k) < x: the seats a unit would get at quotient x (for the first guess). */
  seatsAt(x: number): number;
}

const DIVISORS: Record<DivisorMethod, Divisor> = {
  dhondt: {
    approx: (k) => k + 1,
    exact: (k) => k + 1n,
    power: 1,
    seatsAt: (x) => Math.max(0, Math.ceil(x) - 1),
  },
  'sainte-lague': {
    approx: (k) => k + 0.5,
    exact: (k) => 2n * k + 1n,
    power: 1,
    seatsAt: (x) => Math.max(0, Math.ceil(x - 0.5)),
  },
  'huntington-hill': {
    approx: (k) => Math.sqrt(k * (k + 1)),
    exact: (k) => k * (k + 1n),
    power: 2,
    seatsAt: (x) => Math.ceil(Math.sqrt(x * x + 0.25) - 0.5),
  },
  adams: { approx: (k) => k, exact: (k) => k, power: 1, seatsAt: (x) => Math.ceil(x) },
};

/** Doubles closer than this (relative) may be a tie or the wrong way round: decide exactly. */
const NEAR = 1e-12;

/**
 * A divisor method, SPEC §4: every unit starts at its min and seats go one at a time to the unit
 * (weight > 0, below its max) with the highest priority w / d(k); equal priorities go to the larger
 * weight, then to the unit listed first.
 *
 * Handing out R seats one by one costs O(R log n). Since each unit's priorities fall as it gains
 * seats, the result is the R − Σ min best (unit, k) steps in that order, so instead a common
 * quotient is estimated with doubles, every unit gets its seats at that quotient, and exact
 * comparisons then add, drop or swap single seats until no excluded step beats an included one
 * (unless the doubles already show every excluded step clearly below every included one).
 */
export function highestAverages(units: FreeUnits, rest: bigint, method: DivisorMethod): Seats {
  const d = DIVISORS[method];
  const n = units.weight.length;
  const total = Number(rest);
  const min = units.min.map(Number);
  const max = units.max.map((m) => (m === null || m > rest ? total : Number(m)));
  const takes = units.weight.map((w, i) => w > 0n && max[i] > min[i]);
  // Doubles decide only when every weight is a normal double far from overflow.
  const fast = units.approx.every((a, i) => units.weight[i] === 0n || (a > 1e-250 && a < 1e250));

  const seats = initialSeats(units, d, total, min, max, takes, fast);
  if (fast && clearlySettled(units.approx, d, seats, total, min, max, takes))
    return seats.map(BigInt);

  /** Whether the step (i, ki) — unit i's seat number ki + 1 — comes before the step (j, kj). */
  const before = (i: number, ki: number, j: number, kj: number): boolean => {
    const di = d.approx(ki);
    const dj = d.approx(kj);
    if (fast && di > 0 && dj > 0) {
      const pi = units.approx[i] / di;
      const pj = units.approx[j] / dj;
      if (Math.abs(pi - pj) > NEAR * Math.max(pi, pj)) return pi > pj;
    }
    const ei = d.exact(BigInt(ki));
    const ej = d.exact(BigInt(kj));
    // d(k) = 0 is an infinite priority.
    if (ei === 0n || ej === 0n) {
      if (ei !== ej) return ei === 0n;
    } else {
      const wi = units.weight[i];
      const wj = units.weight[j];
      const lhs = (d.power === 2 ? wi * wi : wi) * ej;
      const rhs = (d.power === 2 ? wj * wj : wj) * ei;
      if (lhs !== rhs) return lhs > rhs;
    }
    if (units.weight[i] !== units.weight[j]) return units.weight[i] > units.weight[j];
    return i < j;
  };
  const next = new IndexedHeap(n, (a, b) => before(a, seats[a], b, seats[b]));
  const last = new IndexedHeap(n, (a, b) => before(b, seats[b] - 1, a, seats[a] - 1));
  const refresh = (i: number) => {
    place(next, i, takes[i] && seats[i] < max[i]);
    place(last, i, takes[i] && seats[i] > min[i]);
  };
  let given = 0;
  for (let i = 0; i < n; i++) {
    given += seats[i];
    refresh(i);
  }
  for (; given < total; given++) {
    const i = next.top();
    seats[i]++;
    refresh(i);
  }
  for (; given > total; given--) {
    const i = last.top();
    seats[i]--;
    refresh(i);
  }
  for (;;) {
    const a = next.top();
    const b = last.top();
    if (a < 0 || b < 0 || !before(a, seats[a], b, seats[b] - 1)) break;
    // One unit at a time: a heap still holding the other at its old place would misorder it.
    seats[a]++;
    refresh(a);
    seats[b]--;
    refresh(b);
  }
  return seats.map(BigInt);
}

function place(heap: IndexedHeap, i: number, member: boolean): void {
  if (member) {
    if (heap.has(i)) heap.update(i);
    else heap.push(i);
  } else if (heap.has(i)) heap.remove(i);
}

/**
 * Whether seats found at a common quotient are already the answer: they add up to the total and
 * every open step (a unit's next seat) has a clearly lower priority than every step taken (a unit's
 * last seat above its min). Then no exchange helps, the answer is unique and no tie needs the exact
 * rule, so the doubles decide, at the margin `before` trusts them with. Most requests end here,
 * without the two heaps (which cost more than the rest of a 50-unit allocation).
 */
function clearlySettled(
  approx: number[],
  d: Divisor,
  seats: number[],
  total: number,
  min: number[],
  max: number[],
  takes: boolean[],
): boolean {
  let sum = 0;
  let open = 0;
  let taken = Infinity;
  for (let i = 0; i < seats.length; i++) {
    const k = seats[i];
    sum += k;
    if (!takes[i]) continue;
    if (k < max[i]) {
      const dk = d.approx(k);
      if (dk <= 0) return false;
      open = Math.max(open, approx[i] / dk);
    }
    if (k > min[i]) {
      // d(k − 1) = 0 is an infinite priority: that seat is never given up.
      const dl = d.approx(k - 1);
      if (dl > 0) taken = Math.min(taken, approx[i] / dl);
    }
  }
  return sum === total && open < taken * (1 - NEAR);
}

/**
 * Seats near the final ones: each unit's seats at a common quotient t (clamped to its bounds),
 * with t searched on doubles until the seats add up to the total, or as near as the doubles get
 * (units whose steps fall at one quotient move together). A pass is n multiplications, far cheaper
 * than settling the last seats through the heaps, so searching to the end pays.
 */
function initialSeats(
  units: FreeUnits,
  d: Divisor,
  total: number,
  min: number[],
  max: number[],
  takes: boolean[],
  fast: boolean,
): number[] {
  const n = units.weight.length;
  const rel = fast
    ? units.approx.map((a, i) => (takes[i] ? a : 0))
    : relativeWeights(units.weight, takes);
  const seatsAt = (t: number, out?: number[]) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const s = takes[i] ? Math.min(max[i], Math.max(min[i], d.seatsAt(rel[i] * t))) : min[i];
      if (out) out[i] = s;
      sum += s;
    }
    return sum;
  };
  const seats = min.slice();
  const relSum = rel.reduce((a, b) => a + b, 0);
  if (relSum === 0) return seats;
  // Unbounded, a unit's seats at t are within one of rel·t: the first guess follows that slope,
  // later ones the slope of the last two passes (bounds flatten it). The quotients known to give
  // too few (lo) and too many (hi) are kept, and that bracket is halved every fourth pass or when a
  // guess leaves it (doubling while there is no hi).
  let lo = 0;
  let hi = Infinity;
  let t = total / relSum;
  let s = seatsAt(t);
  let slope = relSum;
  for (let pass = 0; pass < 128 && s !== total; pass++) {
    if (s < total) lo = t;
    else hi = t;
    let next = t + (total - s) / slope;
    if (pass % 4 === 3 || !(next > lo && next < hi)) next = hi === Infinity ? 2 * t : (lo + hi) / 2;
    if (!(next > lo && next < hi)) break;
    const was = s;
    s = seatsAt(next);
    slope = s !== was ? (s - was) / (next - t) : relSum;
    t = next;
  }
  seatsAt(t, seats);
  return seats;
}

/** Weights relative to the largest, as doubles that neither overflow nor underflow. */
function relativeWeights(weight: bigint[], takes: boolean[]): number[] {
  let top = 0n;
  for (const w of weight) if (w > top) top = w;
  return weight.map((w, i) => (takes[i] ? Number((w << 53n) / top) : 0));
}
