import { allocate } from '../../src/engine/allocation';
import { InputError, Problem, formatProblem } from '../../src/engine/errors';
import { AllocationMethod, AllocationRequest, AllocationUnit } from '../../src/engine/types';

/** Units a, b, c, … with the given weights. */
function units(...weights: (number | string)[]): AllocationUnit[] {
  return weights.map((weight, i) => ({ id: String.fromCharCode(97 + i), weight }));
}

function quotas(
  total: number | string,
  method: AllocationMethod,
  us: AllocationUnit[],
  precision?: number,
) {
  return allocate({ total, method, units: us, ...(precision === undefined ? {} : { precision }) });
}

function problems(req: unknown): Problem[] {
  try {
    allocate(req as AllocationRequest);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems;
  }
  throw new Error('expected an InputError');
}

describe('largest-remainder (Hamilton)', () => {
  it('gives each unit the floor of its quota, then the seats left to the largest remainders', () => {
    // Quotas 28·12/30 = 11.2, 28·10/30 = 9.333…, 28·8/30 = 7.466…: floors 11 + 9 + 7 = 27, the last seat to c (.466).
    expect(quotas(28, 'largest-remainder', units(12, 10, 8))).toEqual({ a: 11, b: 9, c: 8 });
  });

  it('breaks equal remainders by the larger weight, wherever it is listed', () => {
    // Quotas 3.5, 4.5, 2: remainders .5 and .5 tie; b weighs more.
    expect(quotas(10, 'largest-remainder', units(35, 45, 20))).toEqual({ a: 3, b: 5, c: 2 });
  });

  it('breaks equal remainders and equal weights by the unit listed first', () => {
    // 7/3 = 2.333 each: the one seat left goes to a.
    expect(quotas(7, 'largest-remainder', units(5, 5, 5))).toEqual({ a: 3, b: 2, c: 2 });
  });

  it('compares remainders exactly: weights 0.1 and 0.3 (sum 0.6) tie at .5 although doubles say a is ahead', () => {
    // Quotas 3·0.1/0.6 = 0.5, 3·0.3/0.6 = 1.5, 1; in doubles 0.5 vs 1.4999999999999996.
    expect(quotas(3, 'largest-remainder', units(0.1, 0.3, 0.2))).toEqual({ a: 0, b: 2, c: 1 });
  });

  it('caps a unit at its max and shares the rest by water-filling', () => {
    // a would take 8 but stops at 5; b and c share 5 as 2.5 each; the tie goes to b (listed first).
    const us = units(8, 1, 1);
    us[0].max = 5;
    expect(quotas(10, 'largest-remainder', us)).toEqual({ a: 5, b: 3, c: 2 });
  });

  it('raises a unit to its min and scales the others down (λ exact)', () => {
    // b holds 3 > λ·1, so 9λ = 7, λ = 7/9: a gets exactly 7.
    const us = units(9, 1);
    us[1].min = 3;
    expect(quotas(10, 'largest-remainder', us)).toEqual({ a: 7, b: 3 });
  });

  it('combines max, min, weight 0 and proportional units', () => {
    // d (weight 0) keeps its min 2; a (w 10) is capped at 6; b (w 1) is held up at its min 4;
    // c and e share 8 as 3λ + 2λ = 8, λ = 1.6: 4.8 and 3.2, and the seat left goes to c (.8).
    const us: AllocationUnit[] = [
      { id: 'a', weight: 10, max: 6 },
      { id: 'b', weight: 1, min: 4 },
      { id: 'c', weight: 3 },
      { id: 'd', weight: 0, min: 2 },
      { id: 'e', weight: 2 },
    ];
    expect(quotas(20, 'largest-remainder', us)).toEqual({ a: 6, b: 4, c: 5, d: 2, e: 3 });
  });

  it('keeps a weight-0 unit at its min', () => {
    const us = units(0, 1, 1);
    us[0].min = 1;
    expect(quotas(5, 'largest-remainder', us)).toEqual({ a: 1, b: 2, c: 2 });
  });

  it('accepts weights given as decimal strings', () => {
    expect(quotas(10, 'largest-remainder', units('12.5', '0.07', '7.43'))).toEqual({
      a: 6,
      b: 0,
      c: 4,
    });
  });
});

describe('equal', () => {
  it('counts every weight as 1, including weight 0, with the first listed units taking the seats left', () => {
    expect(quotas(5, 'equal', units(0, 100, 3))).toEqual({ a: 2, b: 2, c: 1 });
  });

  it('respects min and max', () => {
    const us = units(1, 1, 1);
    us[0].max = 1;
    us[2].min = 5;
    // a stops at 1 and c is held up at its min 5, so b takes the other 4 (λ = 4).
    expect(quotas(10, 'equal', us)).toEqual({ a: 1, b: 4, c: 5 });
  });
});

describe('divisor methods on hand-worked cases', () => {
  // Weights 6, 3, 1. d'Hondt priorities w/(k+1): a 6 3 2 1.5 1.2 1 .86; b 3 1.5 1 .75; c 1 .5.
  // In order: a6, a3 (ties b3: larger weight), b3, a2, a1.5, b1.5, a1.2, then a tie at 1: a, b, c.
  it('dhondt', () => {
    expect(quotas(8, 'dhondt', units(6, 3, 1))).toEqual({ a: 6, b: 2, c: 0 });
    expect(quotas(9, 'dhondt', units(6, 3, 1))).toEqual({ a: 6, b: 3, c: 0 });
    expect(quotas(10, 'dhondt', units(6, 3, 1))).toEqual({ a: 6, b: 3, c: 1 });
  });

  // Sainte-Laguë w/(k+½): a 12 4 2.4 1.71; b 6 2 1.2; c 2 .67. In order: a12, b6, a4, a2.4, then b2 = c2
  // (the larger weight b first), a1.71.
  it('sainte-lague', () => {
    expect(quotas(5, 'sainte-lague', units(6, 3, 1))).toEqual({ a: 3, b: 2, c: 0 });
    expect(quotas(6, 'sainte-lague', units(6, 3, 1))).toEqual({ a: 3, b: 2, c: 1 });
  });

  // Huntington-Hill d = √(k(k+1)), min 0 so every unit's first seat has infinite priority.
  // 6 seats: a ∞ b ∞ c ∞, then a 6/√2 = 4.24, a 6/√6 = 2.45, b 3/√2 = 2.12 → a 3, b 2, c 1.
  it('huntington-hill', () => {
    expect(quotas(6, 'huntington-hill', units(6, 3, 1))).toEqual({ a: 3, b: 2, c: 1 });
  });

  // Adams d = k: first seats infinite (a, b, c by weight), then a 6, a 3, b 3 (tie: a first, larger weight), a 2.
  it('adams', () => {
    expect(quotas(6, 'adams', units(6, 3, 1))).toEqual({ a: 3, b: 2, c: 1 });
    expect(quotas(7, 'adams', units(6, 3, 1))).toEqual({ a: 4, b: 2, c: 1 });
  });

  it('gives a unit with weight 0 only its min', () => {
    const us = units(2, 0);
    us[1].min = 3;
    for (const m of ['dhondt', 'sainte-lague', 'huntington-hill', 'adams'] as const) {
      expect(quotas(10, m, us)).toEqual({ a: 7, b: 3 });
    }
  });

  it('starts every unit at its min and stops it at its max', () => {
    // d'Hondt, 10 seats, c starts at 2, a stops at 3. Seats 3..10 in order: a 6, a 3 (ties b 3, larger
    // weight), b 3, a 2 (a is now full), b 1.5, b 1, b .75, b .6 (c's next is only 1/3).
    const us: AllocationUnit[] = [
      { id: 'a', weight: 6, max: 3 },
      { id: 'b', weight: 3 },
      { id: 'c', weight: 1, min: 2 },
    ];
    expect(quotas(10, 'dhondt', us)).toEqual({ a: 3, b: 5, c: 2 });
  });
});

describe('exact ties where doubles differ in the last bit', () => {
  it('dhondt: 0.3/3 ties 0.1/1 (0.09999999999999999 vs 0.1 in doubles), won by the larger weight', () => {
    // [b 0.1, a 0.3], 3 seats: a 0.3, a 0.15, then a 0.3/3 = b 0.1/1 exactly → a.
    expect(
      quotas(3, 'dhondt', [
        { id: 'b', weight: 0.1 },
        { id: 'a', weight: 0.3 },
      ]),
    ).toEqual({ b: 0, a: 3 });
  });

  it('sainte-lague: 0.3/1.5 ties 0.1/0.5 (0.19999999999999998 vs 0.2)', () => {
    // a 0.6, then a 0.3/1.5 = b 0.1/0.5 = 0.2 exactly → a, the larger weight.
    expect(
      quotas(2, 'sainte-lague', [
        { id: 'b', weight: 0.1 },
        { id: 'a', weight: 0.3 },
      ]),
    ).toEqual({ b: 0, a: 2 });
  });

  it('huntington-hill: 0.6/√72 ties 0.1/√2 exactly (compared as squares)', () => {
    // Both start at min 1; a's priorities 0.6/√(k(k+1)) for k = 1..7 beat b's 0.1/√2; at k = 8 they tie → a.
    const us: AllocationUnit[] = [
      { id: 'b', weight: 0.1, min: 1 },
      { id: 'a', weight: 0.6, min: 1 },
    ];
    expect(allocate({ total: 10, method: 'huntington-hill', units: us })).toEqual({ b: 1, a: 9 });
    expect(allocate({ total: 11, method: 'huntington-hill', units: us })).toEqual({ b: 2, a: 9 });
  });

  it('adams: infinite priorities tie among themselves, and 0.3/3 ties 0.1/1', () => {
    // Seats: a ∞ (larger weight), b ∞, a 0.3, a 0.15, then a 0.3/3 = b 0.1/1 → a.
    expect(
      quotas(5, 'adams', [
        { id: 'b', weight: 0.1 },
        { id: 'a', weight: 0.3 },
      ]),
    ).toEqual({ b: 1, a: 4 });
  });

  it('equal weights and equal priorities go to the unit listed first', () => {
    for (const m of ['dhondt', 'sainte-lague', 'huntington-hill', 'adams'] as const) {
      expect(quotas(4, m, units(1, 1, 1))).toEqual({ a: 2, b: 1, c: 1 });
    }
  });
});

describe('priorities that differ by less than doubles show (weights near 10^18, as text)', () => {
  /** Units a, b, … weighing m·b + δ for each [m, δ], written out exactly. */
  const near = (b: bigint, parts: [bigint, bigint][]) =>
    units(...parts.map(([m, delta]) => String(m * b + delta)));

  it('dhondt: 3b, 3b, b + 1, b + 1, b for 6 seats (b = 1255068252266524246)', () => {
    // Priorities: a 3b, b 3b, a 1.5b, b 1.5b, then c, d (b + 1) before a's and b's third seats (b)
    // and e (b). Doubles see a's third seat and c's first as equal, and the seats at one quotient
    // are [3, 3, 0, 0, 0]: two exchanges decide it.
    const us = near(1255068252266524246n, [
      [3n, 0n],
      [3n, 0n],
      [1n, 1n],
      [1n, 1n],
      [1n, 0n],
    ]);
    expect(quotas(6, 'dhondt', us)).toEqual({ a: 2, b: 2, c: 1, d: 1, e: 0 });
  });

  it('dhondt: b, b, 3b − 1, 2b, 3b − 1 for 8 seats (b = 1823941718045252097)', () => {
    // c and e 3b − 1, 1.5b − ½, b − ⅓; d 2b, b; a and b b. The eighth seat goes to b at b (a tie
    // with d's second seat and a's first, taken by the larger weight first, then in listed order)
    // rather than to c's third at b − ⅓.
    const us = near(1823941718045252097n, [
      [1n, 0n],
      [1n, 0n],
      [3n, -1n],
      [2n, 0n],
      [3n, -1n],
    ]);
    expect(quotas(8, 'dhondt', us)).toEqual({ a: 1, b: 1, c: 2, d: 2, e: 2 });
  });
});

describe('weights beyond double range', () => {
  it('gives the same quotas when every weight is scaled by 10^300 or 10^-300 (exact comparisons only)', () => {
    const base = [9061, 7179, 5259, 3319, 1182];
    for (const m of [
      'largest-remainder',
      'dhondt',
      'sainte-lague',
      'huntington-hill',
      'adams',
    ] as const) {
      const plain = quotas(26, m, units(...base));
      expect(quotas(26, m, units(...base.map((w) => `${w}e300`)))).toEqual(plain);
      expect(quotas(26, m, units(...base.map((w) => `${w}e-300`)))).toEqual(plain);
    }
  });
});

describe('locked units', () => {
  it('get exactly their locked value and the rest is shared among the others', () => {
    const us = units(100, 1, 2);
    us[0].locked = 10;
    expect(quotas(28, 'largest-remainder', us)).toEqual({ a: 10, b: 6, c: 12 });
    expect(quotas(28, 'dhondt', us)).toEqual({ a: 10, b: 6, c: 12 });
  });

  it('ignore their own min and max', () => {
    expect(
      quotas(9, 'sainte-lague', [
        { id: 'a', weight: 1, locked: 5, min: 6, max: 4 },
        { id: 'b', weight: 1 },
      ]),
    ).toEqual({
      a: 5,
      b: 4,
    });
  });

  it('may take the whole total', () => {
    const us = units(1, 1);
    us[0].locked = 7;
    expect(quotas(7, 'huntington-hill', us)).toEqual({ a: 7, b: 0 });
  });
});

describe('precision', () => {
  it('runs on T·10^p steps: precision 1', () => {
    // 100 tenths; c (weight 0) keeps 5; a and b share 95 as 31.67 and 63.33 → 31 + 63, a's .67 takes the last.
    const us = units(1, 2, 0);
    us[2].min = 0.5;
    expect(quotas(10, 'largest-remainder', us, 1)).toEqual({ a: 3.2, b: 6.3, c: 0.5 });
  });

  it('returns numbers with exactly the precision (0.3, not 0.30000000000000004)', () => {
    const q = quotas(0.9, 'equal', units(1, 1, 1), 1);
    expect(Object.values(q)).toEqual([0.3, 0.3, 0.3]);
    expect(JSON.stringify(q)).toBe('{"a":0.3,"b":0.3,"c":0.3}');
  });

  it('precision 2', () => {
    expect(quotas(1, 'equal', units(1, 1, 1), 2)).toEqual({ a: 0.34, b: 0.33, c: 0.33 });
    expect(quotas(0.1, 'sainte-lague', units(1, 1, 1), 2)).toEqual({ a: 0.04, b: 0.03, c: 0.03 });
    expect(
      quotas(
        '12.34',
        'dhondt',
        [
          { id: 'a', weight: 3, min: '1.01' },
          { id: 'b', weight: 1 },
        ],
        2,
      ),
    ).toEqual({
      a: 9.26,
      b: 3.08,
    });
  });

  it('allows min, max and locked with up to p decimals', () => {
    const us: AllocationUnit[] = [
      { id: 'a', weight: 1, locked: 2.5 },
      { id: 'b', weight: 1, max: 1.5 },
      { id: 'c', weight: 1 },
    ];
    expect(quotas(10, 'largest-remainder', us, 1)).toEqual({ a: 2.5, b: 1.5, c: 6 });
  });
});

describe('output', () => {
  it('keys every unit, locked or free, by id', () => {
    const q = quotas(3, 'equal', [
      { id: '__proto__', weight: 1 },
      { id: '街道', weight: 1, locked: 1 },
      { id: 'x', weight: 1 },
    ]);
    expect(Object.keys(q)).toEqual(['__proto__', '街道', 'x']);
    expect(Object.getOwnPropertyDescriptor(q, '__proto__')?.value).toBe(1);
    expect(q['街道']).toBe(1);
    expect(q.x).toBe(1);
  });

  it('allocates nothing to no units when the total is 0', () => {
    expect(quotas(0, 'dhondt', [])).toEqual({});
  });
});

describe('errors', () => {
  const ok: AllocationRequest = { total: 10, method: 'dhondt', units: units(1, 2) };
  const at = (req: unknown) => problems(req).map(formatProblem);

  it('rejects a request that is not an object', () => {
    for (const req of [null, 7, 'x', []]) {
      expect(at(req)).toEqual([
        'an allocation request must be a JSON object with total, method and units',
      ]);
    }
  });

  it('total: missing, not a number, negative, too many decimals, too large', () => {
    expect(at({ ...ok, total: undefined })).toEqual(['total: missing']);
    expect(at({ ...ok, total: 'ten' })).toEqual(['total: not a number: "ten"']);
    expect(at({ ...ok, total: -5 })).toEqual(['total: must not be negative (got -5)']);
    expect(at({ ...ok, total: 2.5 })).toEqual(['total: 2.5 is not a whole number (precision 0)']);
    expect(at({ ...ok, total: 2.25, precision: 1 })).toEqual([
      'total: 2.25 has more than 1 decimal place (precision 1)',
    ]);
    expect(at({ ...ok, total: 2.125, precision: 2 })).toEqual([
      'total: 2.125 has more than 2 decimal places (precision 2)',
    ]);
    expect(at({ ...ok, total: 1e16 })).toEqual([
      'total: 10000000000000000 is too large (at most 9007199254740991)',
    ]);
    expect(at({ ...ok, total: 1e10, precision: 6 })).toEqual([
      'total: 10000000000 is too large (at most 9007199254.740991)',
    ]);
  });

  it('method: missing or unknown', () => {
    const known = 'largest-remainder, equal, dhondt, sainte-lague, huntington-hill, adams';
    expect(at({ ...ok, method: undefined })).toEqual([`method: missing: use one of ${known}`]);
    expect(at({ ...ok, method: 'hare' })).toEqual([
      `method: unknown method "hare": use one of ${known}`,
    ]);
  });

  it('precision: not a whole number from 0 to 6', () => {
    for (const p of [-1, 1.5, 7, '2']) {
      expect(at({ ...ok, precision: p })).toEqual([
        `precision: must be a whole number of decimal places from 0 to 6 (got ${JSON.stringify(p)})`,
      ]);
    }
  });

  it('units: missing, not a list, not objects', () => {
    expect(at({ ...ok, units: undefined })).toEqual([
      'units: missing: give a list of units with id and weight',
    ]);
    expect(at({ ...ok, units: {} })).toEqual(['units: must be a list of units']);
    expect(at({ ...ok, units: [{ id: 'a', weight: 1 }, 7] })).toEqual([
      'units[1]: must be an object with id and weight',
    ]);
  });

  it('units[i].id: missing, not a string, empty, duplicate', () => {
    expect(at({ ...ok, units: [{ weight: 1 }] })).toEqual(['units[0].id: missing']);
    expect(at({ ...ok, units: [{ id: 5, weight: 1 }] })).toEqual([
      'units[0].id: must be a non-empty string (got 5)',
    ]);
    expect(at({ ...ok, units: [{ id: '', weight: 1 }] })).toEqual([
      'units[0].id: must be a non-empty string (got "")',
    ]);
    expect(
      at({
        ...ok,
        units: [
          { id: 'a', weight: 1 },
          { id: 'b', weight: 1 },
          { id: 'a', weight: 1 },
        ],
      }),
    ).toEqual(['units[2].id: duplicate id "a" (also units[0].id)']);
  });

  it('units[i].weight: missing, not a number, negative', () => {
    expect(at({ ...ok, units: [{ id: 'a' }] })).toEqual(['units[0].weight: missing']);
    expect(at({ ...ok, units: [{ id: 'a', weight: 'heavy' }] })).toEqual([
      'units[0].weight: not a number: "heavy"',
    ]);
    expect(at({ ...ok, units: [{ id: 'a', weight: true }] })).toEqual([
      'units[0].weight: not a number: true',
    ]);
    expect(at({ ...ok, units: [{ id: 'a', weight: NaN }] })).toEqual([
      'units[0].weight: not a finite number: NaN',
    ]);
    expect(at({ ...ok, units: [{ id: 'a', weight: -0.5 }] })).toEqual([
      'units[0].weight: must not be negative (got -0.5)',
    ]);
  });

  it('units[i].min/max/locked: negative, too many decimals, max below min', () => {
    expect(at({ ...ok, units: [{ id: 'a', weight: 1, min: -1 }] })).toEqual([
      'units[0].min: must not be negative (got -1)',
    ]);
    expect(at({ ...ok, units: [{ id: 'a', weight: 1, max: 2.5 }] })).toEqual([
      'units[0].max: 2.5 is not a whole number (precision 0)',
    ]);
    expect(at({ ...ok, precision: 1, units: [{ id: 'a', weight: 1, min: 2.25 }] })).toEqual([
      'units[0].min: 2.25 has more than 1 decimal place (precision 1)',
    ]);
    expect(at({ ...ok, units: [{ id: 'a', weight: 1, locked: 'x' }] })).toEqual([
      'units[0].locked: not a number: "x"',
    ]);
    expect(at({ ...ok, units: [{ id: 'a', weight: 1, min: 5, max: 3 }] })).toEqual([
      'units[0].max: 3 is below min 5',
    ]);
  });

  it('lists every problem, in field order', () => {
    expect(
      at({
        total: 10.5,
        method: 'hare',
        units: [
          { id: 'a', weight: -1 },
          { id: 'a', weight: 'x', min: 3, max: 2 },
        ],
      }),
    ).toEqual([
      'method: unknown method "hare": use one of largest-remainder, equal, dhondt, sainte-lague, huntington-hill, adams',
      'total: 10.5 is not a whole number (precision 0)',
      'units[0].weight: must not be negative (got -1)',
      'units[1].id: duplicate id "a" (also units[0].id)',
      'units[1].weight: not a number: "x"',
      'units[1].max: 2 is below min 3',
    ]);
  });

  it('R < 0: the locked quotas exceed the total', () => {
    expect(
      at({
        ...ok,
        units: [
          { id: 'a', weight: 1, locked: 6 },
          { id: 'b', weight: 1, locked: 5 },
        ],
      }),
    ).toEqual(['total: the locked quotas add up to 11, more than the total 10']);
  });

  it('Σ min > R', () => {
    expect(
      at({
        ...ok,
        units: [
          { id: 'a', weight: 1, min: 6 },
          { id: 'b', weight: 1, min: 5 },
        ],
      }),
    ).toEqual(["total: the free units' minimums add up to 11, more than the total 10"]);
    expect(
      at({
        ...ok,
        units: [
          { id: 'a', weight: 1, locked: 4 },
          { id: 'b', weight: 1, min: 7 },
        ],
      }),
    ).toEqual([
      "total: the free units' minimums add up to 7, more than the 6 left after locked quotas",
    ]);
  });

  it('the free units cannot hold R: maxes, weight 0, no free unit', () => {
    const hold = (n: string, left: string) =>
      `total: the free units can hold at most ${n} (a unit stops at its max, a unit with weight 0 keeps its min), less than ${left}`;
    expect(
      at({
        ...ok,
        units: [
          { id: 'a', weight: 1, max: 4 },
          { id: 'b', weight: 1, max: 5 },
        ],
      }),
    ).toEqual([hold('9', 'the total 10')]);
    expect(
      at({
        ...ok,
        units: [
          { id: 'a', weight: 0, min: 2 },
          { id: 'b', weight: 0 },
        ],
      }),
    ).toEqual([hold('2', 'the total 10')]);
    expect(at({ ...ok, units: [{ id: 'a', weight: 1, locked: 3 }] })).toEqual([
      hold('0', 'the 7 left after locked quotas'),
    ]);
    expect(at({ ...ok, units: [] })).toEqual([hold('0', 'the total 10')]);
  });

  it('equal counts a weight-0 unit as able to take seats', () => {
    expect(quotas(10, 'equal', units(0, 0))).toEqual({ a: 5, b: 5 });
  });
});
