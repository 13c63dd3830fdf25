import fc from 'fast-check';
import { allocate } from '../../src/engine/allocation';
import { AllocationMethod, AllocationUnit } from '../../src/engine/types';

type Divisor = 'dhondt' | 'sainte-lague' | 'huntington-hill' | 'adams';
const DIVISORS: Divisor[] = ['dhondt', 'sainte-lague', 'huntington-hill', 'adams'];
const METHODS: AllocationMethod[] = ['largest-remainder', 'equal', ...DIVISORS];

interface Spec {
  weight: bigint;
  min: number;
  max: number | null;
}

/**
 * SPEC §4 divisor methods taken literally: from the mins, one seat at a time to the best priority
 * w / d(k), compared as exact fractions, ties to the larger weight, then the unit listed first.
 */
function oneSeatAtATime(method: Divisor, units: Spec[], total: number): number[] {
  const k = units.map((u) => u.min);
  const d = (n: number): [bigint, 1 | 2] => {
    const b = BigInt(n);
    if (method === 'dhondt') return [b + 1n, 1];
    if (method === 'sainte-lague') return [2n * b + 1n, 1];
    if (method === 'adams') return [b, 1];
    return [b * (b + 1n), 2];
  };
  const beats = (i: number, j: number): boolean => {
    const [di, p] = d(k[i]);
    const [dj] = d(k[j]);
    const wi = units[i].weight ** BigInt(p);
    const wj = units[j].weight ** BigInt(p);
    if (di === 0n || dj === 0n) {
      if (di !== dj) return di === 0n;
    } else if (wi * dj !== wj * di) return wi * dj > wj * di;
    if (units[i].weight !== units[j].weight) return units[i].weight > units[j].weight;
    return i < j;
  };
  for (let left = total - k.reduce((a, b) => a + b, 0); left > 0; left--) {
    let best = -1;
    units.forEach((u, i) => {
      if (u.weight > 0n && (u.max === null || k[i] < u.max) && (best < 0 || beats(i, best)))
        best = i;
    });
    k[best]++;
  }
  return k;
}

/** Units with small integer or decimal weights (some 0), mins and optional maxes, and a total they can hold. */
const feasible = fc
  .record({
    units: fc.array(
      fc.record({
        weight: fc.oneof(
          fc.integer({ min: 0, max: 60 }),
          fc.integer({ min: 0, max: 999 }).map((n) => n / 100),
        ),
        min: fc.integer({ min: 0, max: 3 }),
        extra: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    fill: fc.double({ min: 0, max: 1, noNaN: true }),
    spare: fc.integer({ min: 0, max: 40 }),
  })
  .map(({ units, fill, spare }) => {
    const specs = units.map((u) => ({ ...u, max: u.extra === null ? null : u.min + u.extra }));
    const mins = specs.reduce((a, u) => a + u.min, 0);
    const room = specs.reduce<number | null>(
      (a, u) =>
        a === null ? null : u.weight === 0 ? a + u.min : u.max === null ? null : a + u.max,
      0,
    );
    const total = mins + Math.floor(fill * ((room ?? mins + spare) - mins));
    const request: AllocationUnit[] = specs.map((u, i) => ({
      id: `u${i}`,
      weight: u.weight,
      min: u.min,
      ...(u.max === null ? {} : { max: u.max }),
    }));
    return { total, request, specs };
  });

const asSpecs = (units: { weight: number; min: number; max: number | null }[]): Spec[] =>
  units.map((u) => ({ weight: BigInt(Math.round(u.weight * 100)), min: u.min, max: u.max }));

describe('allocation properties', () => {
  it('every method: quotas add up to the total, stay within [min, max], and repeat exactly', () => {
    fc.assert(
      fc.property(feasible, fc.constantFrom(...METHODS), ({ total, request, specs }, method) => {
        const q = allocate({ total, method, units: request });
        const values = request.map((u) => q[u.id]);
        expect(values.reduce((a, b) => a + b, 0)).toBe(total);
        specs.forEach((u, i) => {
          expect(values[i]).toBeGreaterThanOrEqual(u.min);
          if (u.max !== null) expect(values[i]).toBeLessThanOrEqual(u.max);
          // In `equal` every weight counts as 1, so only the other methods hold weight-0 units at min.
          if (u.weight === 0 && method !== 'equal') expect(values[i]).toBe(u.min);
        });
        expect(allocate({ total, method, units: request })).toEqual(q);
      }),
      { numRuns: 400 },
    );
  });

  it('divisor methods equal the one-seat-at-a-time definition of SPEC §4', () => {
    fc.assert(
      fc.property(feasible, fc.constantFrom(...DIVISORS), ({ total, request, specs }, method) => {
        const q = allocate({ total, method, units: request });
        expect(request.map((u) => q[u.id])).toEqual(oneSeatAtATime(method, asSpecs(specs), total));
      }),
      { numRuns: 600 },
    );
  });

  it('divisor methods follow the definition where doubles cannot tell priorities apart', () => {
    // Weights m·b + δ near 2^61, given as text: as doubles they round alike, so priorities that
    // differ by a part in 10^18 (or tie, then the larger weight wins) must be decided exactly.
    fc.assert(
      fc.property(
        fc.bigInt({ min: 2n ** 60n, max: 2n ** 62n }),
        fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 3n }), fc.bigInt({ min: -2n, max: 2n })), {
          minLength: 2,
          maxLength: 6,
        }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom(...DIVISORS),
        (base, parts, total, method) => {
          const weights = parts.map(([m, delta]) => m * base + delta);
          const units = weights.map((w, i) => ({ id: `u${i}`, weight: String(w) }));
          const q = allocate({ total, method, units });
          const specs = weights.map((weight) => ({ weight, min: 0, max: null }));
          expect(units.map((u) => q[u.id])).toEqual(oneSeatAtATime(method, specs, total));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('divisor methods are house monotone: one more seat never takes a seat from anyone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom(...DIVISORS),
        (weights, total, method) => {
          const units = weights.map((weight, i) => ({ id: `u${i}`, weight }));
          const before = allocate({ total, method, units });
          const after = allocate({ total: total + 1, method, units });
          units.forEach((u) => expect(after[u.id]).toBeGreaterThanOrEqual(before[u.id]));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('largest-remainder satisfies quota: each unit gets its exact quota T·w/Σw rounded down or up', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 10 })
          .filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 0, max: 5_000 }),
        (weights, total) => {
          const q = allocate({
            total,
            method: 'largest-remainder',
            units: weights.map((weight, i) => ({ id: `u${i}`, weight })),
          });
          const sum = BigInt(weights.reduce((a, b) => a + b, 0));
          weights.forEach((w, i) => {
            const exact = BigInt(total) * BigInt(w);
            const floor = exact / sum;
            const ceil = floor + (exact % sum === 0n ? 0n : 1n);
            expect(BigInt(q[`u${i}`]) >= floor && BigInt(q[`u${i}`]) <= ceil).toBe(true);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('precision p: the same seats as the integer request on T·10^p, divided by 10^p', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 6 })
          .filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(...METHODS),
        (weights, steps, p, method) => {
          const units = weights.map((weight, i) => ({ id: `u${i}`, weight }));
          const whole = allocate({ total: steps, method, units });
          const scaled = allocate({
            total: (steps / 10 ** p).toFixed(p),
            precision: p,
            method,
            units,
          });
          units.forEach((u) =>
            expect(scaled[u.id]).toBe(Number((whole[u.id] / 10 ** p).toFixed(p))),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the divisor shortcut is exact on large totals: no refused seat beats a seat given', () => {
    // 100,000 seats among 1,000 units with decimal weights; checked by the divisor criterion, exactly.
    const rnd = fc.sample(fc.integer({ min: 1, max: 10_000_000 }), { numRuns: 1000, seed: 42 });
    const units = rnd.map((n, i) => ({
      id: `u${i}`,
      weight: (n / 1000).toFixed(3),
      min: i % 7 === 0 ? 5 : 0,
    }));
    const weights = rnd.map(BigInt);
    for (const method of DIVISORS) {
      const q = allocate({ total: 100_000, method, units });
      const k = units.map((u) => q[u.id]);
      expect(k.reduce((a, b) => a + b, 0)).toBe(100_000);
      // Priority of unit i's seat number s + 1, as an exact fraction num/den (squared for Huntington-Hill).
      const prio = (i: number, s: number): [bigint, bigint] => {
        const b = BigInt(s);
        if (method === 'dhondt') return [weights[i], b + 1n];
        if (method === 'sainte-lague') return [2n * weights[i], 2n * b + 1n];
        if (method === 'adams') return [weights[i], b];
        return [weights[i] * weights[i], b * (b + 1n)];
      };
      let weakest: [bigint, bigint] | null = null;
      let strongest: [bigint, bigint] | null = null;
      const lower = (a: [bigint, bigint], b: [bigint, bigint]) => a[0] * b[1] < b[0] * a[1];
      k.forEach((s, i) => {
        if (s > units[i].min) {
          const p = prio(i, s - 1);
          if (!weakest || lower(p, weakest)) weakest = p;
        }
        const p = prio(i, s);
        if (!strongest || lower(strongest, p)) strongest = p;
      });
      expect(lower(weakest!, strongest!)).toBe(false);
    }
  });
});
