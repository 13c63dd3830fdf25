import { allocate } from './allocation';
import { InputError, Problem, problem } from './errors';
import { AllocationUnit, Indicator, QuotaRow, Scenario, Unit } from './types';
import { carriesIndicator } from './validate';

/** The units that carry an indicator (per `assessed`), in scenario order. */
export function carriers(s: Scenario, ind: Indicator): Unit[] {
  return s.units.filter((u) => carriesIndicator(u.type, ind.assessed));
}

/**
 * Every unit's quota of each flow indicator for `year` (SPEC §4), ordered by indicator then unit
 * (scenario order). `quotas` rows for an indicator and year replace its allocation; otherwise
 * the target is allocated over the units that carry the indicator, in scenario order, with their
 * basis rows. validateScenario makes both explicit: each such unit has a quotas row, or a basis
 * row (weight 0 means no task); only the `equal` method needs no basis row (weight counts as 1).
 * Infeasible allocations throw one InputError listing every target's problems.
 */
export function computeQuotas(s: Scenario, year: number): QuotaRow[] {
  const rows: QuotaRow[] = [];
  const problems: Problem[] = [];
  const givenFor = groupBy(s.quotas, year);
  const basisFor = groupBy(s.basis, year);
  for (const ind of s.indicators) {
    if (ind.kind !== 'flow') continue;
    const units = carriers(s, ind);
    const given = new Map(givenFor.get(ind.id)?.map((i) => [s.quotas[i].unit, s.quotas[i].quota]));
    if (given.size > 0) {
      for (const u of units)
        rows.push({ indicator: ind.id, year, unit: u.id, quota: given.get(u.id) ?? 0 });
      continue;
    }
    const ti = s.targets.findIndex((t) => t.indicator === ind.id && t.year === year);
    if (ti < 0 || units.length === 0) continue;
    const target = s.targets[ti];
    const basisIndex = new Map(basisFor.get(ind.id)?.map((i) => [s.basis[i].unit, i]));
    const request = units.map((u): AllocationUnit => {
      const i = basisIndex.get(u.id);
      if (i === undefined) return { id: u.id, weight: 1 };
      const { weight, min, max, locked } = s.basis[i];
      return {
        id: u.id,
        weight,
        ...(min !== undefined && { min }),
        ...(max !== undefined && { max }),
        ...(locked !== undefined && { locked }),
      };
    });
    try {
      const quotas = allocate({
        total: target.total,
        method: target.method ?? 'largest-remainder',
        precision: target.precision ?? 0,
        units: request,
      });
      for (const u of units)
        rows.push({ indicator: ind.id, year, unit: u.id, quota: quotas[u.id] });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const where = `targets[${ti}] (${ind.id} ${year})`;
      for (const p of e.problems)
        problems.push(
          problem('quotas.refused', where, {
            ...scenarioPath(p.where, units, basisIndex),
            problem: p,
          }),
        );
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return rows;
}

/** The indices of the rows of `year`, by indicator. */
function groupBy(rows: { indicator: string; year: number }[], year: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (row.year !== year) return;
    const list = out.get(row.indicator);
    if (list) list.push(i);
    else out.set(row.indicator, [i]);
  });
  return out;
}

/**
 * An allocation request path (`units[2].min`) as the scenario row it came from (`basis[7].min` of
 * unit "x"); the request's own fields (`total`) are the target's.
 */
function scenarioPath(
  where: string,
  units: Unit[],
  basisIndex: Map<string, number>,
): { field: string; unit: string | null } {
  const m = /^units\[(\d+)\](.*)$/.exec(where);
  if (!m) return { field: where, unit: null };
  const unit = units[Number(m[1])];
  const i = unit && basisIndex.get(unit.id);
  if (i === undefined) return { field: where, unit: null };
  return { field: `basis[${i}]${m[2]}`, unit: unit.id };
}
