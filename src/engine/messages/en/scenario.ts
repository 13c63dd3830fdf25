import type { AllocationMethod, Assessed, RuleKind, UnitType } from '../../types';
import { show, quoteList, units } from '../format';

/** A field with a fixed set of values, named in English. */
export type ChoiceField = 'type' | 'kind' | 'assessed' | 'method' | 'source' | 'rule';
const FIELD: Record<ChoiceField, string> = {
  type: 'unit type',
  kind: 'kind',
  assessed: 'assessed',
  method: 'method',
  source: 'source',
  rule: 'rule',
};

/** The scenario's checks (SPEC §3, §6), at JSON paths. */
export const scenarioEn = {
  'scenario.notObject': (a: { got: unknown }) =>
    `a scenario must be a JSON object (got ${show(a.got)})`,
  'value.required': () => 'is required',
  'value.notObject': (a: { got: unknown }) => `must be a JSON object (got ${show(a.got)})`,
  'value.unknownKey': (a: { allowed: string[] }) =>
    `unknown key (expected one of ${a.allowed.join(', ')})`,
  'value.notArray': (a: { got: unknown }) => `must be an array (got ${show(a.got)})`,
  'value.notString': (a: { got: unknown }) => `must be a string (got ${show(a.got)})`,
  'value.empty': () => 'must not be empty',
  'value.notNumber': (a: { got: unknown }) => `must be a number (got ${show(a.got)})`,
  'value.belowMin': (a: { min: number; got: number }) => `must be ≥ ${a.min} (got ${a.got})`,
  'value.beyondExact': (a: { got: number }) =>
    `${a.got} is not plausible: no figure reaches 10^16 (beyond 2^53 whole numbers are no longer exact)`,
  'value.notYear': (a: { got: unknown }) => `must be a year such as 2019 (got ${show(a.got)})`,
  'value.unknownChoice': (a: { field: ChoiceField; got: unknown; allowed: string[] }) =>
    `unknown ${FIELD[a.field]} ${show(a.got)} (expected ${a.allowed.join(', ')})`,
  'plan.daysNotWhole': (a: { got: number }) => `must be a whole number of days (got ${a.got})`,
  'indicator.badProfile': (a: { got: unknown }) =>
    `must be 4 numbers in [0, 1], non-decreasing, ending with 1 (got ${show(a.got)})`,
  'indicator.levelAssessed': (a: { got: unknown }) =>
    `a level indicator is a district value, not decomposed: must be "district" (got ${show(a.got)})`,
  'indicator.flowAssessed': (a: { allowed: string[] }) =>
    `a flow indicator is decomposed to units: must be one of ${a.allowed.join(', ')} (got "district")`,
  'ref.unknownIndicator': (a: { id: string }) => `unknown indicator ${show(a.id)}`,
  'ref.levelNotDecomposed': (a: { id: string }) =>
    `${show(a.id)} is a level indicator (a district value): it is not decomposed to units`,
  'ref.unknownUnit': (a: { id: string }) => `unknown unit ${show(a.id)}`,
  'ref.unitNotCarrying': (a: {
    unit: string;
    type: UnitType;
    indicator: string;
    assessed: Assessed;
  }) =>
    `unit ${show(a.unit)} (${a.type}) does not carry indicator ${show(a.indicator)} (assessed: ${a.assessed})`,
  'duplicate.unitId': (a: { id: string; first: string }) =>
    `duplicate unit id ${show(a.id)} (also ${a.first})`,
  'duplicate.indicatorId': (a: { id: string; first: string }) =>
    `duplicate indicator id ${show(a.id)} (also ${a.first})`,
  'duplicate.target': (a: { indicator: string; year: number; first: string }) =>
    `duplicate target for ${a.indicator} ${a.year} (also ${a.first})`,
  'duplicate.basis': (a: { indicator: string; year: number; unit: string; first: string }) =>
    `duplicate basis row for ${a.indicator} ${a.year}, unit ${show(a.unit)} (also ${a.first})`,
  'duplicate.quota': (a: { indicator: string; year: number; unit: string; first: string }) =>
    `duplicate quota for ${a.indicator} ${a.year}, unit ${show(a.unit)} (also ${a.first})`,
  'duplicate.actual': (a: {
    indicator: string;
    unit: string | null;
    period: string;
    /** The first row's period text when it was written differently from this one's. */
    sameAs: string | null;
    text: string;
    first: string;
  }) =>
    `duplicate actual for ${a.indicator}${a.unit !== null ? `, unit ${show(a.unit)}` : ''}, period ${a.period}` +
    (a.sameAs !== null ? ` (${show(a.sameAs)} and ${show(a.text)} are the same period)` : '') +
    ` (also ${a.first})`,
  'duplicate.tier': (a: { min: number; first: string }) =>
    `duplicate tier with min ${a.min} (also ${a.first})`,
  'duplicate.rule': (a: { indicator: string; first: string }) =>
    `duplicate rule for indicator ${show(a.indicator)} (also ${a.first})`,
  'duplicate.gradeName': (a: { name: string; first: string }) =>
    `duplicate grade name ${show(a.name)} (also ${a.first})`,
  'duplicate.gradeMin': (a: { min: number; first: string }) =>
    `duplicate grade min ${a.min} (also ${a.first})`,
  'duplicate.creditCode': (a: { code: string; first: string }) =>
    `duplicate credit code ${show(a.code)} (also ${a.first})`,
  'target.stretchBelowTotal': (a: { stretch: number; total: number }) =>
    `the stretch target (力争) ${a.stretch} is below the total ${a.total}`,
  'target.badPrecision': (a: { max: number; got: unknown }) =>
    `must be a whole number of decimal places from 0 to ${a.max} (got ${show(a.got)})`,
  'target.tooPrecise': (a: { total: number; precision: number }) =>
    `${a.total} has more decimal places than the precision ${a.precision}`,
  'target.noCarrier': (a: { indicator: string; assessed: Assessed }) =>
    `no unit carries indicator ${show(a.indicator)} (assessed: ${a.assessed})`,
  'target.missingBasis': (a: {
    indicator: string;
    year: number;
    method: AllocationMethod;
    units: string[];
  }) =>
    `${a.indicator} ${a.year} is allocated by weight (${a.method}) but has no basis row for ` +
    `${units(a.units)} ${quoteList(a.units)} (give weight 0 for no task, or quotas rows)`,
  'basis.maxBelowMin': (a: { max: number; min: number }) => `${a.max} is below the min ${a.min}`,
  'basis.tooPrecise': (a: { value: number; precision: number }) =>
    `${a.value} has more decimal places than the target's precision ${a.precision}`,
  'quotas.missingUnits': (a: { indicator: string; year: number; units: string[] }) =>
    `${a.indicator} ${a.year}: no row for ${units(a.units)} ${quoteList(a.units)} ` +
    '(quotas rows replace the allocation for the indicator and year: give 0 for no task)',
  'actual.levelHasUnit': (a: { indicator: string }) =>
    `${show(a.indicator)} is a level indicator: its actual is the district value and has no unit`,
  'rule.noTiers': (a: { got: unknown }) =>
    `a tiered rule needs a non-empty list of tiers {min, factor} (got ${show(a.got)})`,
  'rule.onlyFor': (a: { only: RuleKind; rule: RuleKind }) =>
    `applies to ${a.only} rules only (this rule is ${a.rule})`,
  'rule.bonusMaxAlone': () => 'needs bonusPerPoint (the bonus per percentage point above 100%)',
  'rule.capNotPositive': (a: { got: number }) => `must be > 0 (got ${a.got})`,
  'rule.floorAboveWeight': (a: { floor: number; weight: number }) =>
    `${a.floor} is above the rule's weight ${a.weight}`,
  'status.warnAboveAhead': (a: { warn: number; ahead: number }) =>
    `${a.warn} is above the ahead threshold ${a.ahead}`,
};
