/** The scenario's targets, basis and given quotas, and that every carrying unit has a row. */
import {
  ALLOCATION_METHODS,
  AllocationMethod,
  Assessed,
  Basis,
  QuotaRow,
  Target,
  Unit,
} from './types';
import { carriesIndicator, decimals, key, Obj, unique, withOptional } from './validateChecker';
import { indicatorRef, KnownIndicator, KnownUnit, Refs, unitRef } from './validateUnits';
import { ENTITY_KEYS } from './scenarioKeys';

/** Allocation precision above this is refused (quotas stay exact doubles). */
const MAX_PRECISION = 6;

/** Rows that failed a check are dropped from these lists (the scenario is refused anyway). */
export interface Located<T> {
  where: string;
  row: T;
}

export function readTargets(r: Refs, list: unknown[]): Located<Target>[] {
  const { c } = r;
  const out: Located<Target>[] = [];
  const seen = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `targets[${i}]`;
    const o = c.object(x, where, ENTITY_KEYS.targets);
    if (!o) return;
    const ind = indicatorRef(r, o, where, false);
    const year = c.year(o, where);
    const fresh =
      !ind ||
      year === undefined ||
      unique(seen, key(ind.id, year), where, (first) =>
        c.add('duplicate.target', where, { indicator: ind.id, year, first }),
      );
    const total = c.number(o, 'total', where, true, 0);
    const stretch = c.number(o, 'stretch', where, false, 0);
    if (stretch !== undefined && total !== undefined && stretch < total)
      c.add('target.stretchBelowTotal', `${where}.stretch`, { stretch, total });
    let method: AllocationMethod | undefined = 'largest-remainder';
    if (o.method !== undefined) method = c.oneOf(o, 'method', where, ALLOCATION_METHODS, 'method');
    let precision: number | undefined = 0;
    if (o.precision !== undefined) {
      precision = o.precision as number;
      if (!Number.isInteger(precision) || precision < 0 || precision > MAX_PRECISION) {
        c.add('target.badPrecision', `${where}.precision`, {
          max: MAX_PRECISION,
          got: o.precision,
        });
        precision = undefined;
      }
    }
    if (
      ind?.kind === 'flow' &&
      total !== undefined &&
      precision !== undefined &&
      decimals(total) > precision
    )
      c.add('target.tooPrecise', `${where}.total`, { total, precision });
    if (
      !fresh ||
      !ind?.kind ||
      year === undefined ||
      total === undefined ||
      method === undefined ||
      precision === undefined
    )
      return;
    const row: Target =
      ind.kind === 'flow'
        ? withOptional<Target>({ indicator: ind.id, year, total }, { stretch, method, precision })
        : withOptional<Target>({ indicator: ind.id, year, total }, { stretch });
    out.push({ where, row });
  });
  return out;
}

/**
 * The indicator, year and unit a basis or quota row names, and whether it is the first row for
 * them (a repeat is reported as a duplicate of its kind).
 */
function unitYearRow(
  r: Refs,
  o: Obj,
  where: string,
  seen: Map<string, string>,
  duplicate: 'duplicate.basis' | 'duplicate.quota',
): { ind?: KnownIndicator; year?: number; unit?: KnownUnit; fresh: boolean } {
  const ind = indicatorRef(r, o, where, true);
  const year = r.c.year(o, where);
  const unit = unitRef(r, o, where, ind);
  const fresh =
    !ind ||
    year === undefined ||
    !unit ||
    unique(seen, key(ind.id, year, unit.id), where, (first) =>
      r.c.add(duplicate, where, { indicator: ind.id, year, unit: unit.id, first }),
    );
  return { ind, year, unit, fresh };
}

/**
 * The valid basis rows, and the indicator-year-unit keys that have a row at all: a row with a bad
 * weight is reported once, not again as a missing row.
 */
export function readBasis(
  r: Refs,
  list: unknown[],
  targets: Located<Target>[],
): { rows: Located<Basis>[]; covered: Set<string> } {
  const { c } = r;
  const out: Located<Basis>[] = [];
  const seen = new Map<string, string>();
  const precisionOf = new Map(
    targets.map((t) => [key(t.row.indicator, t.row.year), t.row.precision ?? 0]),
  );
  list.forEach((x, i) => {
    const where = `basis[${i}]`;
    const o = c.object(x, where, ENTITY_KEYS.basis);
    if (!o) return;
    const { ind, year, unit, fresh } = unitYearRow(r, o, where, seen, 'duplicate.basis');
    const weight = c.number(o, 'weight', where, true, 0);
    const bounds = {
      min: c.number(o, 'min', where, false, 0),
      max: c.number(o, 'max', where, false, 0),
      locked: c.number(o, 'locked', where, false, 0),
    };
    if (bounds.min !== undefined && bounds.max !== undefined && bounds.max < bounds.min)
      c.add('basis.maxBelowMin', `${where}.max`, { max: bounds.max, min: bounds.min });
    const precision = ind && year !== undefined ? precisionOf.get(key(ind.id, year)) : undefined;
    if (precision !== undefined) {
      for (const [k, v] of Object.entries(bounds)) {
        if (v !== undefined && decimals(v) > precision)
          c.add('basis.tooPrecise', `${where}.${k}`, { value: v, precision });
      }
    }
    if (!fresh || !ind || year === undefined || !unit || weight === undefined) return;
    out.push({
      where,
      row: withOptional<Basis>({ indicator: ind.id, year, unit: unit.id, weight }, bounds),
    });
  });
  return { rows: out, covered: new Set(seen.keys()) };
}

export function readQuotas(r: Refs, list: unknown[]): Located<QuotaRow>[] {
  const { c } = r;
  const out: Located<QuotaRow>[] = [];
  const seen = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `quotas[${i}]`;
    const o = c.object(x, where, ENTITY_KEYS.quotas);
    if (!o) return;
    const { ind, year, unit, fresh } = unitYearRow(r, o, where, seen, 'duplicate.quota');
    const quota = c.number(o, 'quota', where, true, 0);
    if (!fresh || !ind || year === undefined || !unit || quota === undefined) return;
    out.push({ where, row: { indicator: ind.id, year, unit: unit.id, quota } });
  });
  return out;
}

/** Every unit that carries a decomposed indicator needs an explicit basis or quotas row. */
export function checkCoverage(
  r: Refs,
  units: Unit[],
  targets: Located<Target>[],
  basisUnits: ReadonlySet<string>,
  quotas: Located<QuotaRow>[],
): void {
  const carriers = (assessed: Assessed) => units.filter((u) => carriesIndicator(u.type, assessed));
  const quotaUnits = new Map<string, Set<string>>();
  // A missing row is reported at the first row given for the indicator and year.
  const firstRow = new Map<string, string>();
  for (const { where, row } of quotas) {
    const k = key(row.indicator, row.year);
    if (!quotaUnits.has(k)) quotaUnits.set(k, new Set());
    quotaUnits.get(k)!.add(row.unit);
    if (!firstRow.has(k)) firstRow.set(k, where);
  }
  for (const [k, given] of quotaUnits) {
    const [indicator, year] = k.split('\u0000');
    const assessed = r.indicatorById.get(indicator)!.assessed;
    if (!assessed) continue;
    const missing = carriers(assessed).filter((u) => !given.has(u.id));
    if (missing.length > 0) {
      r.c.add('quotas.missingUnits', firstRow.get(k)!, {
        indicator,
        year: Number(year),
        units: missing.map((u) => u.id),
      });
    }
  }
  for (const { where, row } of targets) {
    const ind = r.indicatorById.get(row.indicator)!;
    if (ind.kind !== 'flow' || !ind.assessed || quotaUnits.has(key(row.indicator, row.year)))
      continue;
    const carrying = carriers(ind.assessed);
    if (carrying.length === 0) {
      if (row.total > 0)
        r.c.add('target.noCarrier', where, { indicator: ind.id, assessed: ind.assessed });
      continue;
    }
    if (row.method === 'equal') continue;
    const missing = carrying.filter((u) => !basisUnits.has(key(row.indicator, row.year, u.id)));
    if (missing.length > 0) {
      r.c.add('target.missingBasis', where, {
        indicator: row.indicator,
        year: row.year,
        method: row.method ?? 'largest-remainder',
        units: missing.map((u) => u.id),
      });
    }
  }
}
