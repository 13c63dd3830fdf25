/**
 * Quotas typed as 给定 in 任务分解 (TD_Quotas): each fixes its unit's quota. When every unit that
 * carries the indicator has one, they replace the allocation (scenario `quotas`, SPEC §6); when
 * only some do, the others are allocated around them — the given quotas become basis `locked`
 * values — so that the units' quotas still add up to the target.
 */
import { carriesIndicator } from '../engine/validate';
import type { Basis, Scenario, UnitType } from '../engine/types';

export interface GivenAsLocks {
  scenario: Scenario;
  rows: number[];
  lockedFrom: Map<number, number>;
  /** Given rows (sheet rows) of an indicator-year whose given quotas exceed its target. */
  tooMuch: { row: number; indicator: string; year: number; sum: number; total: number }[];
}

/**
 * Partly given indicator-years as basis locks. `rows[i]` is the sheet row of `s.quotas[i]`;
 * `lockedFrom` maps each basis row that now carries a given quota to the sheet row it came from.
 * Rows the conversion cannot judge (unknown indicator or unit) stay quotas for the validator.
 */
export function givenAsLocks(s: Scenario, rows: number[]): GivenAsLocks {
  const lockedFrom = new Map<number, number>();
  const tooMuch: GivenAsLocks['tooMuch'] = [];
  // Read from cells, not yet validated: a unit's type may be missing.
  const units = new Map<string, UnitType | undefined>(s.units.map((u) => [u.id, u.type]));
  const groups = new Map<string, number[]>();
  s.quotas.forEach((q, i) => {
    const k = `${q.indicator}\u0000${q.year}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  const basis: Basis[] = s.basis.map((b) => ({ ...b }));
  const moved = new Set<number>();
  for (const members of groups.values()) {
    const { indicator, year } = s.quotas[members[0]];
    const ind = s.indicators.find((i) => i.id === indicator);
    const target = s.targets.find((t) => t.indicator === indicator && t.year === year);
    if (!ind || ind.kind !== 'flow' || typeof target?.total !== 'number') continue;
    const carries = (type: UnitType | undefined) =>
      type !== undefined && carriesIndicator(type, ind.assessed);
    const carriers = [...units].filter(([, type]) => carries(type)).map(([id]) => id);
    const given = members.map((i) => s.quotas[i]);
    const judged = given.every((q) => carriers.includes(q.unit) && typeof q.quota === 'number');
    if (!judged || carriers.every((u) => given.some((q) => q.unit === u))) continue;
    // Locks typed into 分解依据 for other units count too.
    const locked = s.basis
      .filter(
        (b) =>
          b.indicator === indicator &&
          b.year === year &&
          typeof b.locked === 'number' &&
          !given.some((q) => q.unit === b.unit),
      )
      .reduce((a, b) => a + (b.locked ?? 0), 0);
    const sum = given.reduce((a, q) => a + q.quota, locked);
    if (sum > target.total)
      for (const i of members)
        tooMuch.push({ row: rows[i], indicator, year, sum, total: target.total });
    for (const i of members) {
      const q = s.quotas[i];
      let b = basis.findIndex(
        (x) => x.indicator === indicator && x.year === year && x.unit === q.unit,
      );
      if (b < 0) b = basis.push({ indicator, year, unit: q.unit, weight: 0 }) - 1;
      basis[b].locked = q.quota;
      lockedFrom.set(b, rows[i]);
      moved.add(i);
    }
  }
  if (moved.size === 0) return { scenario: s, rows, lockedFrom, tooMuch };
  const keep = (_: unknown, i: number) => !moved.has(i);
  return {
    scenario: { ...s, basis, quotas: s.quotas.filter(keep) },
    rows: rows.filter(keep),
    lockedFrom,
    tooMuch,
  };
}
