/** The scenario's plan fields, units and indicators, and the rows' references to them. */
import { DEFAULT_PROFILE } from './defaults';
import { carriesIndicator, Checker, Obj, unique } from './validateChecker';
import { Assessed, Indicator, IndicatorKind, Plan, UNIT_TYPES, Unit } from './types';
import { ENTITY_KEYS } from './scenarioKeys';

const KINDS: readonly IndicatorKind[] = ['flow', 'level'];

/**
 * A unit or indicator others may refer to: every one with a valid, unique id, even when its other
 * fields are wrong, so that one bad field does not also turn every reference into "unknown".
 */
export type KnownUnit = Pick<Unit, 'id'> & Partial<Unit>;
export type KnownIndicator = Pick<Indicator, 'id'> & Partial<Indicator>;

export interface Refs {
  c: Checker;
  unitById: Map<string, KnownUnit>;
  indicatorById: Map<string, KnownIndicator>;
}

export function readPlan(c: Checker, x: unknown): Plan {
  const plan: Plan = { name: '', district: '', organization: '' };
  if (x === undefined) return plan;
  const o = c.object(x, 'plan', ENTITY_KEYS.plan);
  if (!o) return plan;
  for (const key of ['name', 'district', 'organization'] as const)
    plan[key] = c.string(o, key, 'plan', false) ?? '';
  const days = c.number(o, 'returnDeadlineDays', 'plan', false, 0);
  if (days !== undefined && !Number.isInteger(days)) {
    c.add('plan.daysNotWhole', 'plan.returnDeadlineDays', { got: days });
  } else if (days !== undefined) plan.returnDeadlineDays = days;
  const pattern = c.string(o, 'docNumberPattern', 'plan', false);
  if (pattern !== undefined && pattern.trim() !== '') plan.docNumberPattern = pattern;
  return plan;
}

export function readUnits(c: Checker, list: unknown[], known: Map<string, KnownUnit>): Unit[] {
  const units: Unit[] = [];
  const seen = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `units[${i}]`;
    const o = c.object(x, where, ENTITY_KEYS.units);
    if (!o) return;
    const id = c.string(o, 'id', where, true);
    const name = c.string(o, 'name', where, true);
    const type = c.oneOf(o, 'type', where, UNIT_TYPES, 'type');
    const at = `${where}.id`;
    if (
      id === undefined ||
      !unique(seen, id, at, (first) => c.add('duplicate.unitId', at, { id, first }))
    )
      return;
    known.set(id, { id, type });
    if (name !== undefined && type !== undefined) units.push({ id, name, type });
  });
  return units;
}

function readProfile(c: Checker, x: unknown, where: string): Indicator['profile'] {
  if (x === undefined || x === null) return [...DEFAULT_PROFILE];
  const ok =
    Array.isArray(x) &&
    x.length === 4 &&
    x.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1) &&
    x.every((v, i) => i === 0 || v >= x[i - 1]) &&
    x[3] === 1;
  if (!ok) {
    c.add('indicator.badProfile', where, { got: x });
    return undefined;
  }
  return [x[0], x[1], x[2], x[3]];
}

export function readIndicators(
  c: Checker,
  list: unknown[],
  known: Map<string, KnownIndicator>,
): Indicator[] {
  const indicators: Indicator[] = [];
  const seen = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `indicators[${i}]`;
    const o = c.object(x, where, ENTITY_KEYS.indicators);
    if (!o) return;
    const id = c.string(o, 'id', where, true);
    const name = c.string(o, 'name', where, true);
    const measure = c.string(o, 'measure', where, false) ?? '';
    const kind = c.oneOf(o, 'kind', where, KINDS, 'kind');
    let assessed: Assessed | undefined;
    if (kind === 'level') {
      if (o.assessed !== undefined && o.assessed !== 'district') {
        c.add('indicator.levelAssessed', `${where}.assessed`, { got: o.assessed });
      } else {
        assessed = 'district';
      }
    } else if (kind === 'flow') {
      const units: Assessed[] = [...UNIT_TYPES, 'all'];
      if (o.assessed === 'district') {
        c.add('indicator.flowAssessed', `${where}.assessed`, { allowed: units });
      } else {
        assessed = c.oneOf(o, 'assessed', where, units, 'assessed');
      }
    }
    const profile = readProfile(c, o.profile, `${where}.profile`);
    const at = `${where}.id`;
    if (
      id === undefined ||
      !unique(seen, id, at, (first) => c.add('duplicate.indicatorId', at, { id, first }))
    )
      return;
    known.set(id, { id, kind, assessed });
    if (name !== undefined && kind && assessed && profile)
      indicators.push({ id, name, measure, kind, assessed, profile });
  });
  return indicators;
}

/** The indicator a row names, or undefined after reporting why it cannot be used. */
export function indicatorRef(
  r: Refs,
  o: Obj,
  where: string,
  decomposed: boolean,
): KnownIndicator | undefined {
  const id = r.c.string(o, 'indicator', where, true);
  if (id === undefined) return undefined;
  const ind = r.indicatorById.get(id);
  if (!ind) {
    r.c.add('ref.unknownIndicator', `${where}.indicator`, { id });
    return undefined;
  }
  if (decomposed && ind.kind === 'level') {
    r.c.add('ref.levelNotDecomposed', `${where}.indicator`, { id });
    return undefined;
  }
  return ind;
}

/** The unit a row names, which must carry the indicator. */
export function unitRef(
  r: Refs,
  o: Obj,
  where: string,
  ind: KnownIndicator | undefined,
): KnownUnit | undefined {
  const id = r.c.string(o, 'unit', where, true);
  if (id === undefined) return undefined;
  const unit = r.unitById.get(id);
  if (!unit) {
    r.c.add('ref.unknownUnit', `${where}.unit`, { id });
    return undefined;
  }
  if (unit.type && ind?.assessed && !carriesIndicator(unit.type, ind.assessed)) {
    r.c.add('ref.unitNotCarrying', `${where}.unit`, {
      unit: id,
      type: unit.type,
      indicator: ind.id,
      assessed: ind.assessed,
    });
    return undefined;
  }
  return unit;
}
