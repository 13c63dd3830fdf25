/**
 * The keys each scenario entity may carry (SPEC §3), in one list: the validator refuses any other
 * key, and the plan book's reader (src/plan/scenarioTables.ts) picks these from a table row. Each
 * list is checked against its type below: a field missing from a list, or a key that is no field,
 * does not compile.
 */
import type {
  Actual,
  Basis,
  Grade,
  Indicator,
  Plan,
  QuotaRow,
  RegistryRow,
  Rule,
  Scenario,
  Scoring,
  StatusThresholds,
  Target,
  Tier,
  Unit,
} from './types';

export const ENTITY_KEYS = {
  scenario: [
    'plan',
    'units',
    'indicators',
    'targets',
    'basis',
    'quotas',
    'actuals',
    'scoring',
    'registry',
  ],
  plan: ['name', 'district', 'organization', 'returnDeadlineDays', 'docNumberPattern'],
  units: ['id', 'name', 'type'],
  indicators: ['id', 'name', 'measure', 'kind', 'assessed', 'profile'],
  targets: ['indicator', 'year', 'total', 'stretch', 'method', 'precision'],
  basis: ['indicator', 'year', 'unit', 'weight', 'min', 'max', 'locked'],
  quotas: ['indicator', 'year', 'unit', 'quota'],
  actuals: ['indicator', 'unit', 'period', 'value', 'source', 'file', 'importedAt'],
  rules: [
    'indicator',
    'weight',
    'rule',
    'cap',
    'tiers',
    'rankStep',
    'floor',
    'bonusPerPoint',
    'bonusMax',
  ],
  tiers: ['min', 'factor'],
  grades: ['name', 'min'],
  status: ['ahead', 'warn'],
  scoring: ['rules', 'grades', 'status'],
  registry: ['name', 'creditCode', 'unit'],
} as const;

interface EntityTypes {
  scenario: Scenario;
  plan: Plan;
  units: Unit;
  indicators: Indicator;
  targets: Target;
  basis: Basis;
  quotas: QuotaRow;
  actuals: Actual;
  rules: Rule;
  tiers: Tier;
  grades: Grade;
  status: StatusThresholds;
  scoring: Scoring;
  registry: RegistryRow;
}

/** `true` when a list names exactly its type's fields. */
type Exact<K, T> = [Exclude<keyof T, K>, Exclude<K, keyof T>] extends [never, never] ? true : false;
type Assert<T extends true> = T;
/** Compiles only while every list names exactly its type's fields. */
export type EntityKeysMatchTypes = Assert<
  {
    [E in keyof EntityTypes]: Exact<(typeof ENTITY_KEYS)[E][number], EntityTypes[E]>;
  }[keyof EntityTypes]
>;
