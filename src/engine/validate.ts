import { parseDecimal } from './decimal';
import { InputError, Problem } from './errors';
import {
  ASSESSED_LABELS,
  KIND_LABELS,
  METHOD_LABELS,
  RULE_LABELS,
  SOURCE_LABELS,
  UNIT_TYPE_LABELS,
  zhList,
  zhShow,
} from './labels';
import { formatPeriod, parsePeriod } from './period';
import { annualTask, implausibleActual, MAX_FIGURE } from './plausible';
import {
  ALLOCATION_METHODS,
  Actual,
  ActualSource,
  AllocationMethod,
  Assessed,
  Basis,
  Grade,
  Indicator,
  IndicatorKind,
  Plan,
  QuotaRow,
  RegistryRow,
  Rule,
  RuleKind,
  Scenario,
  Scoring,
  StatusThresholds,
  Target,
  Tier,
  UNIT_TYPES,
  Unit,
  UnitType,
} from './types';

export const DEFAULT_PROFILE: [number, number, number, number] = [0.25, 0.5, 0.75, 1];
export const DEFAULT_STATUS: StatusThresholds = { ahead: 1, warn: 0.8 };
/** Allocation precision above this is refused (quotas stay exact doubles). */
const MAX_PRECISION = 6;

const KINDS: readonly IndicatorKind[] = ['flow', 'level'];
const RULE_KINDS: readonly RuleKind[] = ['linear', 'tiered', 'rank'];
const SOURCES: readonly ActualSource[] = ['return', 'list', 'manual'];

type Obj = Record<string, unknown>;

const show = (x: unknown) => JSON.stringify(x) ?? String(x);
const quoteList = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(', ');

/** An `assessed` value as the workbook names it, else as given. */
const zhAssessed = (x: unknown) =>
  typeof x === 'string' && x in ASSESSED_LABELS ? `“${ASSESSED_LABELS[x as Assessed]}”` : zhShow(x);

/** What a value must not be below, in Chinese. */
const zhMin = (min: number) => (min === 0 ? '不能为负数' : `不能小于 ${min}`);

/**
 * Collects every problem with its JSON path, in English and in Chinese; helpers return undefined
 * for a bad value.
 */
class Checker {
  readonly problems: Problem[] = [];

  add(where: string, message: string, zh: string): void {
    this.problems.push({ where, message, zh });
  }

  required(where: string): void {
    this.add(where, 'is required', '必须填写');
  }

  object(x: unknown, where: string, allowed: readonly string[]): Obj | undefined {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) {
      this.add(
        where,
        `must be a JSON object (got ${show(x)})`,
        `应为对象结构（现为：${zhShow(x)}）`,
      );
      return undefined;
    }
    for (const key of Object.keys(x)) {
      if (!allowed.includes(key)) {
        this.add(
          at(where, key),
          `unknown key (expected one of ${allowed.join(', ')})`,
          `无法识别的字段，可用字段：${zhList(allowed)}`,
        );
      }
    }
    return x as Obj;
  }

  /** A missing array is empty. */
  array(o: Obj, key: string, where: string): unknown[] {
    const x = o[key];
    if (x === undefined) return [];
    if (!Array.isArray(x)) {
      this.add(
        at(where, key),
        `must be an array (got ${show(x)})`,
        `应为列表（现为：${zhShow(x)}）`,
      );
      return [];
    }
    return x;
  }

  string(o: Obj, key: string, where: string, required: boolean): string | undefined {
    const x = o[key];
    if (x === undefined || x === null) {
      if (required) this.required(at(where, key));
      return undefined;
    }
    if (typeof x !== 'string') {
      this.add(
        at(where, key),
        `must be a string (got ${show(x)})`,
        `应为文本（现为：${zhShow(x)}）`,
      );
      return undefined;
    }
    if (required && x.trim() === '') {
      this.add(at(where, key), 'must not be empty', '不能为空');
      return undefined;
    }
    return x;
  }

  number(o: Obj, key: string, where: string, required: boolean, min?: number): number | undefined {
    const x = o[key];
    if (x === undefined || x === null) {
      if (required) this.required(at(where, key));
      return undefined;
    }
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      this.add(
        at(where, key),
        `must be a number (got ${show(x)})`,
        `应为数值（现为：${zhShow(x)}）`,
      );
      return undefined;
    }
    if (min !== undefined && x < min) {
      this.add(at(where, key), `must be ≥ ${min} (got ${x})`, `${zhMin(min)}（现为：${x}）`);
      return undefined;
    }
    if (Math.abs(x) >= MAX_FIGURE) {
      this.add(
        at(where, key),
        `${x} is not plausible: no figure reaches 10^16 (beyond 2^53 whole numbers are no longer exact)`,
        `${x} 不合常理：任何数值都不会达到 10^16（超过 2^53 的整数已不再精确）`,
      );
      return undefined;
    }
    return x;
  }

  year(o: Obj, where: string): number | undefined {
    const x = o.year;
    if (x === undefined || x === null) {
      this.required(at(where, 'year'));
      return undefined;
    }
    if (!Number.isInteger(x) || (x as number) < 1000 || (x as number) > 9999) {
      this.add(
        at(where, 'year'),
        `must be a year such as 2019 (got ${show(x)})`,
        `应为四位年份，如 2019（现为：${zhShow(x)}）`,
      );
      return undefined;
    }
    return x as number;
  }

  /** `what` names the field; `labels` are the Chinese names of the allowed values (as the workbook shows them). */
  oneOf<T extends string>(
    o: Obj,
    key: string,
    where: string,
    allowed: readonly T[],
    what: { en: string; zh: string },
    labels: Readonly<Record<T, string>>,
  ): T | undefined {
    const x = o[key];
    if (x === undefined || x === null) {
      this.required(at(where, key));
      return undefined;
    }
    if (!allowed.includes(x as T)) {
      this.add(
        at(where, key),
        `unknown ${what.en} ${show(x)} (expected ${allowed.join(', ')})`,
        `${what.zh}${zhShow(x)}无法识别，可选：${allowed.map((a) => labels[a]).join('、')}`,
      );
      return undefined;
    }
    return x as T;
  }
}

function at(where: string, key: string): string {
  return where ? `${where}.${key}` : key;
}

function decimals(x: number): number {
  return parseDecimal(x).scale;
}

/** Adds the defined optional fields only (to a fresh `base`), so normalized JSON has no `undefined` keys. */
function withOptional<T extends object>(base: T, extra: Partial<T>): T {
  const out = base as Record<string, unknown>;
  for (const k in extra) if (extra[k] !== undefined) out[k] = extra[k];
  return base;
}

/** Which unit types carry an indicator assessed this way. */
export function carriesIndicator(unitType: UnitType, assessed: Assessed): boolean {
  return assessed === 'all' || assessed === unitType;
}

/**
 * Checks a scenario (SPEC §3, §6) completely and returns it normalized: defaults filled in
 * (profile [0.25, 0.5, 0.75, 1], target method largest-remainder and precision 0, linear cap 1,
 * rank floor 0, status {ahead: 1, warn: 0.8}, level indicators assessed "district", missing
 * arrays empty, plan fields ""), unknown keys refused. Throws one InputError listing every problem
 * with its JSON path.
 *
 * Explicit rows are required where a silent default would change a score: every unit that carries
 * an indicator needs a basis row for a target allocated by weight (weight 0 means no task), and a
 * `quotas` override for an indicator and year needs a row for every such unit (0 means no task).
 * Feasibility of the allocation itself is checked by computeQuotas.
 */
export function validateScenario(input: unknown): Scenario {
  const c = new Checker();
  const root = c.object(input, '', [
    '$schema',
    'plan',
    'units',
    'indicators',
    'targets',
    'basis',
    'quotas',
    'actuals',
    'scoring',
    'registry',
  ]);
  if (!root)
    throw new InputError(
      `a scenario must be a JSON object (got ${show(input)})`,
      '',
      `方案应为对象结构（现为：${zhShow(input)}）`,
    );

  const plan = readPlan(c, root.plan);
  const unitById = new Map<string, KnownUnit>();
  const units = readUnits(c, c.array(root, 'units', ''), unitById);
  const indicatorById = new Map<string, KnownIndicator>();
  const indicators = readIndicators(c, c.array(root, 'indicators', ''), indicatorById);
  const refs: Refs = { c, unitById, indicatorById };

  const targets = readTargets(refs, c.array(root, 'targets', ''));
  const { rows: basis, covered } = readBasis(refs, c.array(root, 'basis', ''), targets);
  const quotas = readQuotas(refs, c.array(root, 'quotas', ''));
  checkCoverage(refs, units, targets, covered, quotas);
  const actuals = readActuals(refs, c.array(root, 'actuals', ''), {
    targets: targets.map((t) => t.row),
    quotas: quotas.map((q) => q.row),
  });
  const scoring = readScoring(refs, root.scoring);
  const registry = readRegistry(refs, c.array(root, 'registry', ''));

  if (c.problems.length > 0) throw new InputError(c.problems);
  return {
    plan,
    units,
    indicators,
    targets: targets.map((t) => t.row),
    basis: basis.map((b) => b.row),
    quotas: quotas.map((q) => q.row),
    actuals,
    scoring,
    registry,
  };
}

/**
 * A unit or indicator others may refer to: every one with a valid, unique id, even when its other
 * fields are wrong, so that one bad field does not also turn every reference into "unknown".
 */
type KnownUnit = Pick<Unit, 'id'> & Partial<Unit>;
type KnownIndicator = Pick<Indicator, 'id'> & Partial<Indicator>;

interface Refs {
  c: Checker;
  unitById: Map<string, KnownUnit>;
  indicatorById: Map<string, KnownIndicator>;
}

/** Rows that failed a check are dropped from these lists (the scenario is refused anyway). */
interface Located<T> {
  where: string;
  row: T;
}

function readPlan(c: Checker, x: unknown): Plan {
  const plan: Plan = { name: '', district: '', organization: '' };
  if (x === undefined) return plan;
  const o = c.object(x, 'plan', [
    'name',
    'district',
    'organization',
    'returnDeadlineDays',
    'docNumberPattern',
  ]);
  if (!o) return plan;
  for (const key of ['name', 'district', 'organization'] as const)
    plan[key] = c.string(o, key, 'plan', false) ?? '';
  const days = c.number(o, 'returnDeadlineDays', 'plan', false, 0);
  if (days !== undefined && !Number.isInteger(days)) {
    c.add(
      'plan.returnDeadlineDays',
      `must be a whole number of days (got ${days})`,
      `应为整数天数（现为：${days}）`,
    );
  } else if (days !== undefined) plan.returnDeadlineDays = days;
  const pattern = c.string(o, 'docNumberPattern', 'plan', false);
  if (pattern !== undefined && pattern.trim() !== '') plan.docNumberPattern = pattern;
  return plan;
}

function readUnits(c: Checker, list: unknown[], known: Map<string, KnownUnit>): Unit[] {
  const units: Unit[] = [];
  const seen = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `units[${i}]`;
    const o = c.object(x, where, ['id', 'name', 'type']);
    if (!o) return;
    const id = c.string(o, 'id', where, true);
    const name = c.string(o, 'name', where, true);
    const type = c.oneOf(
      o,
      'type',
      where,
      UNIT_TYPES,
      { en: 'unit type', zh: '单位类型' },
      UNIT_TYPE_LABELS,
    );
    if (
      id === undefined ||
      !unique(c, seen, id, `${where}.id`, {
        en: `unit id ${show(id)}`,
        zh: `单位编号${zhShow(id)}`,
      })
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
    c.add(
      where,
      `must be 4 numbers in [0, 1], non-decreasing, ending with 1 (got ${show(x)})`,
      `应为 4 个 0 到 1 之间的数，逐季不减，第四季度为 1（现为：${zhShow(x)}）`,
    );
    return undefined;
  }
  return [x[0], x[1], x[2], x[3]];
}

function readIndicators(
  c: Checker,
  list: unknown[],
  known: Map<string, KnownIndicator>,
): Indicator[] {
  const indicators: Indicator[] = [];
  const seen = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `indicators[${i}]`;
    const o = c.object(x, where, ['id', 'name', 'measure', 'kind', 'assessed', 'profile']);
    if (!o) return;
    const id = c.string(o, 'id', where, true);
    const name = c.string(o, 'name', where, true);
    const measure = c.string(o, 'measure', where, false) ?? '';
    const kind = c.oneOf(o, 'kind', where, KINDS, { en: 'kind', zh: '指标类型' }, KIND_LABELS);
    let assessed: Assessed | undefined;
    if (kind === 'level') {
      if (o.assessed !== undefined && o.assessed !== 'district') {
        c.add(
          `${where}.assessed`,
          `a level indicator is a district value, not decomposed: must be "district" (got ${show(o.assessed)})`,
          `水平型指标是全区数值，不分解到单位：考核对象应为“${ASSESSED_LABELS.district}”（现为：${zhAssessed(o.assessed)}）`,
        );
      } else {
        assessed = 'district';
      }
    } else if (kind === 'flow') {
      const units: Assessed[] = [...UNIT_TYPES, 'all'];
      if (o.assessed === 'district') {
        c.add(
          `${where}.assessed`,
          `a flow indicator is decomposed to units: must be one of ${units.join(', ')} (got "district")`,
          `累计型指标要分解到单位：考核对象应为${units.map((u) => ASSESSED_LABELS[u]).join('、')}之一（现为：“${ASSESSED_LABELS.district}”）`,
        );
      } else {
        assessed = c.oneOf(
          o,
          'assessed',
          where,
          units,
          { en: 'assessed', zh: '考核对象' },
          ASSESSED_LABELS,
        );
      }
    }
    const profile = readProfile(c, o.profile, `${where}.profile`);
    if (
      id === undefined ||
      !unique(c, seen, id, `${where}.id`, {
        en: `indicator id ${show(id)}`,
        zh: `指标编号${zhShow(id)}`,
      })
    )
      return;
    known.set(id, { id, kind, assessed });
    if (name !== undefined && kind && assessed && profile)
      indicators.push({ id, name, measure, kind, assessed, profile });
  });
  return indicators;
}

/** The indicator a row names, or undefined after reporting why it cannot be used. */
function indicatorRef(
  r: Refs,
  o: Obj,
  where: string,
  decomposed: boolean,
): KnownIndicator | undefined {
  const id = r.c.string(o, 'indicator', where, true);
  if (id === undefined) return undefined;
  const ind = r.indicatorById.get(id);
  if (!ind) {
    r.c.add(`${where}.indicator`, `unknown indicator ${show(id)}`, `指标${zhShow(id)}不存在`);
    return undefined;
  }
  if (decomposed && ind.kind === 'level') {
    r.c.add(
      `${where}.indicator`,
      `${show(id)} is a level indicator (a district value): it is not decomposed to units`,
      `${zhShow(id)}是水平型指标（全区数值），不分解到单位`,
    );
    return undefined;
  }
  return ind;
}

/** The unit a row names, which must carry the indicator. */
function unitRef(
  r: Refs,
  o: Obj,
  where: string,
  ind: KnownIndicator | undefined,
): KnownUnit | undefined {
  const id = r.c.string(o, 'unit', where, true);
  if (id === undefined) return undefined;
  const unit = r.unitById.get(id);
  if (!unit) {
    r.c.add(`${where}.unit`, `unknown unit ${show(id)}`, `单位${zhShow(id)}不存在`);
    return undefined;
  }
  if (unit.type && ind?.assessed && !carriesIndicator(unit.type, ind.assessed)) {
    r.c.add(
      `${where}.unit`,
      `unit ${show(id)} (${unit.type}) does not carry indicator ${show(ind.id)} (assessed: ${ind.assessed})`,
      `单位${zhShow(id)}（${UNIT_TYPE_LABELS[unit.type]}）不承担指标${zhShow(ind.id)}（考核对象：${ASSESSED_LABELS[ind.assessed]}）`,
    );
    return undefined;
  }
  return unit;
}

/** Reports a second row with the same key. */
function unique(
  c: Checker,
  seen: Map<string, string>,
  key: string,
  where: string,
  what: { en: string; zh: string },
): boolean {
  const first = seen.get(key);
  if (first) {
    c.add(where, `duplicate ${what.en} (also ${first})`, `${what.zh}重复（另见 ${first}）`);
    return false;
  }
  seen.set(key, where);
  return true;
}

const key = (...parts: (string | number)[]) => parts.join('\u0000');

function readTargets(r: Refs, list: unknown[]): Located<Target>[] {
  const { c } = r;
  const out: Located<Target>[] = [];
  const seen = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `targets[${i}]`;
    const o = c.object(x, where, ['indicator', 'year', 'total', 'stretch', 'method', 'precision']);
    if (!o) return;
    const ind = indicatorRef(r, o, where, false);
    const year = c.year(o, where);
    const fresh =
      !ind ||
      year === undefined ||
      unique(c, seen, key(ind.id, year), where, {
        en: `target for ${ind.id} ${year}`,
        zh: `指标“${ind.id}”${year}年的目标`,
      });
    const total = c.number(o, 'total', where, true, 0);
    const stretch = c.number(o, 'stretch', where, false, 0);
    if (stretch !== undefined && total !== undefined && stretch < total) {
      c.add(
        `${where}.stretch`,
        `the stretch target (力争) ${stretch} is below the total ${total}`,
        `力争值 ${stretch} 低于目标值 ${total}`,
      );
    }
    let method: AllocationMethod | undefined = 'largest-remainder';
    if (o.method !== undefined)
      method = c.oneOf(
        o,
        'method',
        where,
        ALLOCATION_METHODS,
        { en: 'method', zh: '分解方法' },
        METHOD_LABELS,
      );
    let precision: number | undefined = 0;
    if (o.precision !== undefined) {
      precision = o.precision as number;
      if (!Number.isInteger(precision) || precision < 0 || precision > MAX_PRECISION) {
        c.add(
          `${where}.precision`,
          `must be a whole number of decimal places from 0 to ${MAX_PRECISION} (got ${show(o.precision)})`,
          `小数位数应为 0 到 ${MAX_PRECISION} 之间的整数（现为：${zhShow(o.precision)}）`,
        );
        precision = undefined;
      }
    }
    if (
      ind?.kind === 'flow' &&
      total !== undefined &&
      precision !== undefined &&
      decimals(total) > precision
    ) {
      c.add(
        `${where}.total`,
        `${total} has more decimal places than the precision ${precision}`,
        `${total} 的小数位数超过了小数位数设定（${precision} 位）`,
      );
    }
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
 * them (a repeat is reported as a duplicate `what`).
 */
function unitYearRow(
  r: Refs,
  o: Obj,
  where: string,
  seen: Map<string, string>,
  what: { en: string; zh: string },
) {
  const ind = indicatorRef(r, o, where, true);
  const year = r.c.year(o, where);
  const unit = unitRef(r, o, where, ind);
  const fresh =
    !ind ||
    year === undefined ||
    !unit ||
    unique(r.c, seen, key(ind.id, year, unit.id), where, {
      en: `${what.en} for ${ind.id} ${year}, unit ${show(unit.id)}`,
      zh: `指标“${ind.id}”${year}年单位${zhShow(unit.id)}的${what.zh}`,
    });
  return { ind, year, unit, fresh };
}

/**
 * The valid basis rows, and the indicator-year-unit keys that have a row at all: a row with a bad
 * weight is reported once, not again as a missing row.
 */
function readBasis(
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
    const o = c.object(x, where, ['indicator', 'year', 'unit', 'weight', 'min', 'max', 'locked']);
    if (!o) return;
    const { ind, year, unit, fresh } = unitYearRow(r, o, where, seen, {
      en: 'basis row',
      zh: '分解依据',
    });
    const weight = c.number(o, 'weight', where, true, 0);
    const bounds = {
      min: c.number(o, 'min', where, false, 0),
      max: c.number(o, 'max', where, false, 0),
      locked: c.number(o, 'locked', where, false, 0),
    };
    if (bounds.min !== undefined && bounds.max !== undefined && bounds.max < bounds.min) {
      c.add(
        `${where}.max`,
        `${bounds.max} is below the min ${bounds.min}`,
        `上限 ${bounds.max} 低于下限 ${bounds.min}`,
      );
    }
    const precision = ind && year !== undefined ? precisionOf.get(key(ind.id, year)) : undefined;
    if (precision !== undefined) {
      for (const [k, v] of Object.entries(bounds)) {
        if (v !== undefined && decimals(v) > precision) {
          c.add(
            `${where}.${k}`,
            `${v} has more decimal places than the target's precision ${precision}`,
            `${v} 的小数位数超过了该目标的小数位数设定（${precision} 位）`,
          );
        }
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

function readQuotas(r: Refs, list: unknown[]): Located<QuotaRow>[] {
  const { c } = r;
  const out: Located<QuotaRow>[] = [];
  const seen = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `quotas[${i}]`;
    const o = c.object(x, where, ['indicator', 'year', 'unit', 'quota']);
    if (!o) return;
    const { ind, year, unit, fresh } = unitYearRow(r, o, where, seen, {
      en: 'quota',
      zh: '任务数',
    });
    const quota = c.number(o, 'quota', where, true, 0);
    if (!fresh || !ind || year === undefined || !unit || quota === undefined) return;
    out.push({ where, row: { indicator: ind.id, year, unit: unit.id, quota } });
  });
  return out;
}

/** Every unit that carries a decomposed indicator needs an explicit basis or quotas row. */
function checkCoverage(
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
      r.c.add(
        firstRow.get(k)!,
        `${indicator} ${year}: no row for ${missing.length === 1 ? 'unit' : 'units'} ${quoteList(missing.map((u) => u.id))} ` +
          '(quotas rows replace the allocation for the indicator and year: give 0 for no task)',
        `指标“${indicator}”${year}年：缺少单位${zhList(missing.map((u) => u.id))}的任务数（给定任务数即替代该指标该年度的分解结果，无任务的单位请填 0）`,
      );
    }
  }
  for (const { where, row } of targets) {
    const ind = r.indicatorById.get(row.indicator)!;
    if (ind.kind !== 'flow' || !ind.assessed || quotaUnits.has(key(row.indicator, row.year)))
      continue;
    const units = carriers(ind.assessed);
    if (units.length === 0) {
      if (row.total > 0) {
        r.c.add(
          where,
          `no unit carries indicator ${show(ind.id)} (assessed: ${ind.assessed})`,
          `没有单位承担指标${zhShow(ind.id)}（考核对象：${ASSESSED_LABELS[ind.assessed]}）`,
        );
      }
      continue;
    }
    if (row.method === 'equal') continue;
    const missing = units.filter((u) => !basisUnits.has(key(row.indicator, row.year, u.id)));
    if (missing.length > 0) {
      r.c.add(
        where,
        `${row.indicator} ${row.year} is allocated by weight (${row.method}) but has no basis row for ` +
          `${missing.length === 1 ? 'unit' : 'units'} ${quoteList(missing.map((u) => u.id))} (give weight 0 for no task, or quotas rows)`,
        `指标“${row.indicator}”${row.year}年按权重分解（${METHOD_LABELS[row.method ?? 'largest-remainder']}），` +
          `但缺少单位${zhList(missing.map((u) => u.id))}的分解依据（无任务的单位请填权重 0，或直接给定任务数）`,
      );
    }
  }
}

/** `tasks`: the targets and given quotas an actual's plausibility is measured against (SPEC §12). */
function readActuals(
  r: Refs,
  list: unknown[],
  tasks: Pick<Scenario, 'targets' | 'quotas'>,
): Actual[] {
  const { c } = r;
  const out: Actual[] = [];
  const seen = new Map<string, string>();
  const firstText = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `actuals[${i}]`;
    const o = c.object(x, where, [
      'indicator',
      'unit',
      'period',
      'value',
      'source',
      'file',
      'importedAt',
    ]);
    if (!o) return;
    const ind = indicatorRef(r, o, where, false);
    let unit: KnownUnit | undefined;
    if (ind?.kind === 'level') {
      if (o.unit !== undefined && o.unit !== null) {
        c.add(
          `${where}.unit`,
          `${show(ind.id)} is a level indicator: its actual is the district value and has no unit`,
          `${zhShow(ind.id)}是水平型指标：完成数为全区数值，不填单位`,
        );
      }
    } else if (ind?.kind === 'flow') {
      unit = unitRef(r, o, where, ind);
    }
    const periodText = c.string(o, 'period', where, true);
    let period: string | undefined;
    let periodZh = '';
    let year: number | undefined;
    if (periodText !== undefined) {
      try {
        const parsed = parsePeriod(periodText);
        year = parsed.year;
        period = formatPeriod(parsed);
        periodZh = `${parsed.year}年第${parsed.quarter}季度`;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const p = e.problems[0];
        c.add(`${where}.period`, p.message, p.zh ?? p.message);
      }
    }
    let fresh = true;
    if (
      ind?.kind &&
      (ind.kind === 'level' || unit) &&
      periodText !== undefined &&
      period !== undefined
    ) {
      const k = key(ind.id, unit?.id ?? '', period);
      const first = firstText.get(k);
      const samePeriod = first !== undefined && first !== periodText;
      const what = {
        en:
          `actual for ${ind.id}${unit ? `, unit ${show(unit.id)}` : ''}, period ${period}` +
          (samePeriod ? ` (${show(first)} and ${show(periodText)} are the same period)` : ''),
        zh:
          `指标“${ind.id}”${unit ? `单位${zhShow(unit.id)}` : ''}${periodZh}的完成数` +
          (samePeriod ? `（${zhShow(first)}与${zhShow(periodText)}是同一考核期）` : ''),
      };
      fresh = unique(c, seen, k, where, what);
      if (fresh) firstText.set(k, periodText);
    }
    let value = c.number(o, 'value', where, true, ind?.kind === 'flow' ? 0 : undefined);
    if (value !== undefined && ind && year !== undefined) {
      const wrong = implausibleActual(value, annualTask(tasks, ind.id, year, unit?.id));
      if (wrong) {
        c.add(`${where}.value`, wrong.message, wrong.zh);
        value = undefined;
      }
    }
    let source: ActualSource | undefined;
    if (o.source !== undefined)
      source = c.oneOf(o, 'source', where, SOURCES, { en: 'source', zh: '来源' }, SOURCE_LABELS);
    const file = c.string(o, 'file', where, false);
    const importedAt = c.string(o, 'importedAt', where, false);
    if (
      !fresh ||
      !ind?.kind ||
      (ind.kind === 'flow' && !unit) ||
      periodText === undefined ||
      value === undefined
    )
      return;
    out.push(
      withOptional<Actual>(
        { indicator: ind.id, period: periodText, value },
        { unit: unit?.id, source, file, importedAt },
      ),
    );
  });
  return out;
}

function readTiers(c: Checker, x: unknown, where: string): Tier[] | undefined {
  if (!Array.isArray(x) || x.length === 0) {
    c.add(
      where,
      `a tiered rule needs a non-empty list of tiers {min, factor} (got ${show(x)})`,
      `分档计分至少要有一档（完成率下限与系数）（现为：${zhShow(x)}）`,
    );
    return undefined;
  }
  const tiers: Tier[] = [];
  const seen = new Map<string, string>();
  x.forEach((t, i) => {
    const tw = `${where}[${i}]`;
    const o = c.object(t, tw, ['min', 'factor']);
    if (!o) return;
    const min = c.number(o, 'min', tw, true, 0);
    const factor = c.number(o, 'factor', tw, true, 0);
    if (min === undefined || factor === undefined) return;
    if (
      unique(c, seen, String(min), tw, {
        en: `tier with min ${min}`,
        zh: `完成率下限为 ${min} 的档次`,
      })
    )
      tiers.push({ min, factor });
  });
  return tiers.length === x.length ? tiers : undefined;
}

/** `seen`: the indicators that already have a rule (one rule per indicator). */
function readRule(r: Refs, x: unknown, where: string, seen: Map<string, string>): Rule | undefined {
  const { c } = r;
  const o = c.object(x, where, [
    'indicator',
    'weight',
    'rule',
    'cap',
    'tiers',
    'rankStep',
    'floor',
    'bonusPerPoint',
    'bonusMax',
  ]);
  if (!o) return undefined;
  const ind = indicatorRef(r, o, where, true);
  const fresh =
    !ind ||
    unique(c, seen, ind.id, where, {
      en: `rule for indicator ${show(ind.id)}`,
      zh: `指标${zhShow(ind.id)}的计分规则`,
    });
  const weight = c.number(o, 'weight', where, true, 0);
  const kind = c.oneOf(o, 'rule', where, RULE_KINDS, { en: 'rule', zh: '计分方法' }, RULE_LABELS);
  const only = (k: string, ruleKind: RuleKind) => {
    if (o[k] !== undefined && kind !== undefined && kind !== ruleKind) {
      c.add(
        `${where}.${k}`,
        `applies to ${ruleKind} rules only (this rule is ${kind})`,
        `仅适用于“${RULE_LABELS[ruleKind]}”计分方法（本规则为“${RULE_LABELS[kind]}”）`,
      );
    }
  };
  only('cap', 'linear');
  only('tiers', 'tiered');
  only('rankStep', 'rank');
  only('floor', 'rank');
  const bonusPerPoint = c.number(o, 'bonusPerPoint', where, false, 0);
  const bonusMax = c.number(o, 'bonusMax', where, false, 0);
  if (o.bonusMax !== undefined && o.bonusPerPoint === undefined) {
    c.add(
      `${where}.bonusMax`,
      'needs bonusPerPoint (the bonus per percentage point above 100%)',
      '填写了加分上限，还需填写每超1个百分点加分（完成率超过 100% 后每个百分点的加分）',
    );
  }
  const bonus = { bonusPerPoint, bonusMax };
  const params = kind && ruleParams(c, o, where, kind, weight);
  if (!fresh || !ind || weight === undefined || !kind || !params) return undefined;
  return withOptional<Rule>({ indicator: ind.id, weight, rule: kind, ...params }, bonus);
}

/** The parameters of one kind of rule, defaults filled; undefined after reporting a bad one. */
function ruleParams(
  c: Checker,
  o: Obj,
  where: string,
  kind: RuleKind,
  weight: number | undefined,
): Partial<Rule> | undefined {
  switch (kind) {
    case 'linear': {
      if (o.cap === undefined) return { cap: 1 };
      const cap = c.number(o, 'cap', where, true);
      if (cap === undefined) return undefined;
      if (cap <= 0) {
        c.add(`${where}.cap`, `must be > 0 (got ${cap})`, `应大于 0（现为：${cap}）`);
        return undefined;
      }
      return { cap };
    }
    case 'tiered': {
      const tiers = readTiers(c, o.tiers, `${where}.tiers`);
      return tiers && { tiers };
    }
    case 'rank': {
      const rankStep = c.number(o, 'rankStep', where, true, 0);
      let floor: number | undefined = 0;
      if (o.floor !== undefined) floor = c.number(o, 'floor', where, true, 0);
      if (floor !== undefined && weight !== undefined && floor > weight) {
        c.add(
          `${where}.floor`,
          `${floor} is above the rule's weight ${weight}`,
          `保底分 ${floor} 高于该项分值 ${weight}`,
        );
        floor = undefined;
      }
      return rankStep === undefined || floor === undefined ? undefined : { rankStep, floor };
    }
  }
}

function readGrades(c: Checker, list: unknown[]): Grade[] {
  const grades: Grade[] = [];
  const names = new Map<string, string>();
  const mins = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `scoring.grades[${i}]`;
    const o = c.object(x, where, ['name', 'min']);
    if (!o) return;
    const name = c.string(o, 'name', where, true);
    const min = c.number(o, 'min', where, true);
    if (name === undefined || min === undefined) return;
    const okName = unique(c, names, name, `${where}.name`, {
      en: `grade name ${show(name)}`,
      zh: `等次${zhShow(name)}`,
    });
    const okMin = unique(c, mins, String(min), `${where}.min`, {
      en: `grade min ${min}`,
      zh: `最低分为 ${min} 的等次`,
    });
    if (okName && okMin) grades.push({ name, min });
  });
  return grades;
}

function readStatus(c: Checker, x: unknown): StatusThresholds {
  if (x === undefined) return { ...DEFAULT_STATUS };
  const o = c.object(x, 'scoring.status', ['ahead', 'warn']);
  if (!o) return { ...DEFAULT_STATUS };
  const ahead =
    o.ahead === undefined ? DEFAULT_STATUS.ahead : c.number(o, 'ahead', 'scoring.status', true, 0);
  const warn =
    o.warn === undefined ? DEFAULT_STATUS.warn : c.number(o, 'warn', 'scoring.status', true, 0);
  if (ahead !== undefined && warn !== undefined && warn > ahead) {
    c.add(
      'scoring.status.warn',
      `${warn} is above the ahead threshold ${ahead}`,
      `${warn} 高于“达到序时进度”的阈值 ${ahead}`,
    );
  }
  return { ahead: ahead ?? DEFAULT_STATUS.ahead, warn: warn ?? DEFAULT_STATUS.warn };
}

function readScoring(r: Refs, x: unknown): Scoring {
  const { c } = r;
  const scoring: Scoring = { rules: [], grades: [], status: { ...DEFAULT_STATUS } };
  if (x === undefined) return scoring;
  const o = c.object(x, 'scoring', ['rules', 'grades', 'status']);
  if (!o) return scoring;
  const seen = new Map<string, string>();
  c.array(o, 'rules', 'scoring').forEach((rx, i) => {
    const where = `scoring.rules[${i}]`;
    const rule = readRule(r, rx, where, seen);
    if (rule) scoring.rules.push(rule);
  });
  scoring.grades = readGrades(c, c.array(o, 'grades', 'scoring'));
  scoring.status = readStatus(c, o.status);
  return scoring;
}

function readRegistry(r: Refs, list: unknown[]): RegistryRow[] {
  const { c } = r;
  const out: RegistryRow[] = [];
  const codes = new Map<string, string>();
  list.forEach((x, i) => {
    const where = `registry[${i}]`;
    const o = c.object(x, where, ['name', 'creditCode', 'unit']);
    if (!o) return;
    const name = c.string(o, 'name', where, true);
    const creditCode = c.string(o, 'creditCode', where, false);
    if (creditCode) {
      unique(c, codes, creditCode, `${where}.creditCode`, {
        en: `credit code ${show(creditCode)}`,
        zh: `统一社会信用代码${zhShow(creditCode)}`,
      });
    }
    const unit = unitRef(r, o, where, undefined);
    if (name !== undefined && unit)
      out.push(withOptional<RegistryRow>({ name, unit: unit.id }, { creditCode }));
  });
  return out;
}
