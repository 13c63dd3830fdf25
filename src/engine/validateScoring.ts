/** The scenario's scoring: rules (linear, tiered, rank), grades and status thresholds. */
import { Grade, Rule, RuleKind, Scoring, StatusThresholds, Tier } from './types';
import { DEFAULT_STATUS } from './defaults';
import { Checker, Obj, unique, withOptional } from './validateChecker';
import { indicatorRef, Refs } from './validateUnits';
import { ENTITY_KEYS } from './scenarioKeys';

const RULE_KINDS: readonly RuleKind[] = ['linear', 'tiered', 'rank'];

function readTiers(c: Checker, x: unknown, where: string): Tier[] | undefined {
  if (!Array.isArray(x) || x.length === 0) {
    c.add('rule.noTiers', where, { got: x });
    return undefined;
  }
  const tiers: Tier[] = [];
  const seen = new Map<string, string>();
  x.forEach((t, i) => {
    const tw = `${where}[${i}]`;
    const o = c.object(t, tw, ENTITY_KEYS.tiers);
    if (!o) return;
    const min = c.number(o, 'min', tw, true, 0);
    const factor = c.number(o, 'factor', tw, true, 0);
    if (min === undefined || factor === undefined) return;
    if (unique(seen, String(min), tw, (first) => c.add('duplicate.tier', tw, { min, first })))
      tiers.push({ min, factor });
  });
  return tiers.length === x.length ? tiers : undefined;
}

/** `seen`: the indicators that already have a rule (one rule per indicator). */
function readRule(r: Refs, x: unknown, where: string, seen: Map<string, string>): Rule | undefined {
  const { c } = r;
  const o = c.object(x, where, ENTITY_KEYS.rules);
  if (!o) return undefined;
  const ind = indicatorRef(r, o, where, true);
  const fresh =
    !ind ||
    unique(seen, ind.id, where, (first) =>
      c.add('duplicate.rule', where, { indicator: ind.id, first }),
    );
  const weight = c.number(o, 'weight', where, true, 0);
  const kind = c.oneOf(o, 'rule', where, RULE_KINDS, 'rule');
  const only = (k: string, ruleKind: RuleKind) => {
    if (o[k] !== undefined && kind !== undefined && kind !== ruleKind)
      c.add('rule.onlyFor', `${where}.${k}`, { only: ruleKind, rule: kind });
  };
  only('cap', 'linear');
  only('tiers', 'tiered');
  only('rankStep', 'rank');
  only('floor', 'rank');
  const bonusPerPoint = c.number(o, 'bonusPerPoint', where, false, 0);
  const bonusMax = c.number(o, 'bonusMax', where, false, 0);
  if (o.bonusMax !== undefined && o.bonusPerPoint === undefined)
    c.add('rule.bonusMaxAlone', `${where}.bonusMax`, {});
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
        c.add('rule.capNotPositive', `${where}.cap`, { got: cap });
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
        c.add('rule.floorAboveWeight', `${where}.floor`, { floor, weight });
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
    const o = c.object(x, where, ENTITY_KEYS.grades);
    if (!o) return;
    const name = c.string(o, 'name', where, true);
    const min = c.number(o, 'min', where, true);
    if (name === undefined || min === undefined) return;
    const atName = `${where}.name`;
    const atMin = `${where}.min`;
    const okName = unique(names, name, atName, (first) =>
      c.add('duplicate.gradeName', atName, { name, first }),
    );
    const okMin = unique(mins, String(min), atMin, (first) =>
      c.add('duplicate.gradeMin', atMin, { min, first }),
    );
    if (okName && okMin) grades.push({ name, min });
  });
  return grades;
}

function readStatus(c: Checker, x: unknown): StatusThresholds {
  if (x === undefined) return { ...DEFAULT_STATUS };
  const o = c.object(x, 'scoring.status', ENTITY_KEYS.status);
  if (!o) return { ...DEFAULT_STATUS };
  const ahead =
    o.ahead === undefined ? DEFAULT_STATUS.ahead : c.number(o, 'ahead', 'scoring.status', true, 0);
  const warn =
    o.warn === undefined ? DEFAULT_STATUS.warn : c.number(o, 'warn', 'scoring.status', true, 0);
  if (ahead !== undefined && warn !== undefined && warn > ahead)
    c.add('status.warnAboveAhead', 'scoring.status.warn', { warn, ahead });
  return { ahead: ahead ?? DEFAULT_STATUS.ahead, warn: warn ?? DEFAULT_STATUS.warn };
}

export function readScoring(r: Refs, x: unknown): Scoring {
  const { c } = r;
  const scoring: Scoring = { rules: [], grades: [], status: { ...DEFAULT_STATUS } };
  if (x === undefined) return scoring;
  const o = c.object(x, 'scoring', ENTITY_KEYS.scoring);
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
