import { InputError } from '../../src/engine/errors';
import { computeQuotas } from '../../src/engine/quotas';
import { Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validate';
import { flow, quotas, unit } from '../fixtures/scenarios/builder';

const units = [
  unit('s1'),
  unit('s2'),
  unit('s3'),
  unit('d1', 'department'),
  unit('d2', 'department'),
];

describe('computeQuotas', () => {
  const s = validateScenario({
    units,
    indicators: [
      flow('f'),
      flow('g', 'all'),
      flow('h', 'department'),
      { id: 'share', name: '占比', kind: 'level' },
    ],
    targets: [
      { indicator: 'f', year: 2019, total: 10 },
      { indicator: 'f', year: 2020, total: 9.5, precision: 1, method: 'dhondt' },
      { indicator: 'g', year: 2019, total: 7, method: 'equal' },
      { indicator: 'h', year: 2019, total: 6 },
      { indicator: 'share', year: 2019, total: 83.9 },
    ],
    basis: [
      // f 2019: s2 locked at 1; 9 left over weights 1 and 2: by weight 3 and 6, but s1's min 4 leaves s3 5
      { indicator: 'f', year: 2019, unit: 's1', weight: 1, min: 4 },
      { indicator: 'f', year: 2019, unit: 's2', weight: 5, locked: 1 },
      { indicator: 'f', year: 2019, unit: 's3', weight: 2 },
      { indicator: 'f', year: 2020, unit: 's1', weight: 3 },
      { indicator: 'f', year: 2020, unit: 's2', weight: 2 },
      { indicator: 'f', year: 2020, unit: 's3', weight: 0, min: 0.5 },
      { indicator: 'h', year: 2019, unit: 'd1', weight: 1 },
      { indicator: 'h', year: 2019, unit: 'd2', weight: 1 },
    ],
    quotas: quotas('h', 2019, { d1: 2, d2: 3.5 }),
  });

  it('allocates each target over the units that carry the indicator, ordered by indicator then unit', () => {
    expect(computeQuotas(s, 2019)).toEqual([
      { indicator: 'f', year: 2019, unit: 's1', quota: 4 },
      { indicator: 'f', year: 2019, unit: 's2', quota: 1 },
      { indicator: 'f', year: 2019, unit: 's3', quota: 5 },
      // equal: 7 over 5 units, no basis rows needed; the 2 seats left go to the units listed first
      { indicator: 'g', year: 2019, unit: 's1', quota: 2 },
      { indicator: 'g', year: 2019, unit: 's2', quota: 2 },
      { indicator: 'g', year: 2019, unit: 's3', quota: 1 },
      { indicator: 'g', year: 2019, unit: 'd1', quota: 1 },
      { indicator: 'g', year: 2019, unit: 'd2', quota: 1 },
      // quotas rows replace h's allocation (6 split 3 / 3 by its basis)
      { indicator: 'h', year: 2019, unit: 'd1', quota: 2 },
      { indicator: 'h', year: 2019, unit: 'd2', quota: 3.5 },
    ]);
  });

  it('uses the target year, method and precision', () => {
    // D'Hondt on 95 tenths: s3 keeps its min 5 tenths (weight 0); 90 tenths over 3:2 → 54 and 36
    expect(computeQuotas(s, 2020)).toEqual([
      { indicator: 'f', year: 2020, unit: 's1', quota: 5.4 },
      { indicator: 'f', year: 2020, unit: 's2', quota: 3.6 },
      { indicator: 'f', year: 2020, unit: 's3', quota: 0.5 },
    ]);
    expect(computeQuotas(s, 2021)).toEqual([]);
  });

  it('names the scenario rows of every refused allocation', () => {
    // Built without validateScenario, as code that assembles a scenario may do.
    const raw: Scenario = {
      ...s,
      targets: [
        { indicator: 'f', year: 2019, total: 10, method: 'largest-remainder', precision: 0 },
        { indicator: 'g', year: 2019, total: 3, method: 'adams', precision: 0 },
      ],
      basis: [
        { indicator: 'f', year: 2019, unit: 's1', weight: 1 },
        { indicator: 'f', year: 2019, unit: 's2', weight: 1, min: 2.5 },
        { indicator: 'f', year: 2019, unit: 's3', weight: 1 },
        ...units.map((u) => ({ indicator: 'g', year: 2019, unit: u.id, weight: 1, min: 1 })),
      ],
      quotas: [],
    };
    let error: unknown;
    try {
      computeQuotas(raw, 2019);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message.split('\n')).toEqual([
      'targets[0] (f 2019): basis[1].min (unit "s2"): 2.5 is not a whole number (precision 0)',
      "targets[1] (g 2019): total: the free units' minimums add up to 5, more than the total 3",
    ]);
  });
});
