import { allocate } from '../../src/engine/allocation';
import balinskiYoung from '../fixtures/apportionment/balinski-young-26.json';
import usHouse2020 from '../fixtures/apportionment/us-house-2020.json';
import { AllocationMethod } from '../../src/engine/types';

describe('US House apportionment 2020 (Census Bureau, Table 1)', () => {
  const quotas = allocate({
    total: usHouse2020.seats,
    method: 'huntington-hill',
    units: usHouse2020.states.map((s) => ({ id: s.id, weight: s.population, min: 1 })),
  });

  it.each(usHouse2020.states.map((s) => [s.name, s.id, s.representatives] as const))(
    '%s (%s) gets %i seats',
    (_name, id, seats) => {
      expect(quotas[id]).toBe(seats);
    },
  );

  it('matches the headline figures: CA 52, TX 38, FL 28, NY 26, MT 2, six states with 1', () => {
    expect([quotas.CA, quotas.TX, quotas.FL, quotas.NY, quotas.MT]).toEqual([52, 38, 28, 26, 2]);
    expect(
      Object.keys(quotas)
        .filter((id) => quotas[id] === 1)
        .sort(),
    ).toEqual(['AK', 'DE', 'ND', 'SD', 'VT', 'WY']);
  });

  it('is the same with min 0, since d(0) = 0 gives every state its first seat anyway', () => {
    const noMin = allocate({
      total: usHouse2020.seats,
      method: 'huntington-hill',
      units: usHouse2020.states.map((s) => ({ id: s.id, weight: s.population })),
    });
    expect(noMin).toEqual(quotas);
  });
});

describe('Balinski–Young five states, 26 seats (Fair Representation)', () => {
  const units = balinskiYoung.states.map((s) => ({ id: s.id, weight: s.population }));
  // Hand checks (weakest seat given > strongest seat refused):
  //   Hamilton: quotas 9.061 7.179 5.259 3.319 1.182 → floors 25, the last seat to D (.319).
  //   Jefferson/d'Hondt 10,7,5,3,1: weakest given 9061/10 = 906.1 > strongest refused 7179/8 = 897.4.
  //   Webster/Sainte-Laguë 9,8,5,3,1: 7179/7.5 = 957.2 > 5259/5.5 = 956.2.
  //   Hill/Huntington-Hill 9,7,6,3,1: 5259/√30 = 960.2 > 7179/√56 = 959.3.
  //   Adams 9,7,5,3,2: 9061/8 = 1132.6 > 3319/3 = 1106.3.
  it.each(Object.entries(balinskiYoung.apportionments))('%s', (method, expected) => {
    expect(
      allocate({ total: balinskiYoung.seats, method: method as AllocationMethod, units }),
    ).toEqual(expected);
  });
});
