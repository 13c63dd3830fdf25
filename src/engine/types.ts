/**
 * The data model of SPEC §3/§6: the scenario (what the plan workbook holds) and the assessment
 * (what `assess` computes). JSON keys here are the CLI's and the workbook tables' contract.
 */

/** A cell's value as read or written: text, number, boolean, or empty. */
export type Scalar = string | number | boolean | null;

export type UnitType = 'street' | 'department' | 'platform';
export const UNIT_TYPES: readonly UnitType[] = ['street', 'department', 'platform'];

export interface Unit {
  id: string;
  name: string;
  type: UnitType;
}

export type IndicatorKind = 'flow' | 'level';
export type Assessed = UnitType | 'all' | 'district';

export interface Indicator {
  id: string;
  name: string;
  measure: string;
  kind: IndicatorKind;
  assessed: Assessed;
  /** Cumulative share of the annual target expected by the end of Q1..Q4; default [0.25, 0.5, 0.75, 1]. */
  profile?: [number, number, number, number];
}

export type AllocationMethod =
  'largest-remainder' | 'equal' | 'dhondt' | 'sainte-lague' | 'huntington-hill' | 'adams';
export const ALLOCATION_METHODS: readonly AllocationMethod[] = [
  'largest-remainder',
  'equal',
  'dhondt',
  'sainte-lague',
  'huntington-hill',
  'adams',
];

export interface Target {
  indicator: string;
  year: number;
  total: number;
  stretch?: number;
  method?: AllocationMethod;
  precision?: number;
}

export interface Basis {
  indicator: string;
  year: number;
  unit: string;
  weight: number;
  min?: number;
  max?: number;
  locked?: number;
}

export interface QuotaRow {
  indicator: string;
  year: number;
  unit: string;
  quota: number;
}

export type ActualSource = 'return' | 'list' | 'manual';

export interface Actual {
  indicator: string;
  /** Absent for a `level` indicator's district value. */
  unit?: string;
  period: string;
  value: number;
  source?: ActualSource;
  /** Source file name, when imported. */
  file?: string;
  /** ISO time of import. */
  importedAt?: string;
}

export type RuleKind = 'linear' | 'tiered' | 'rank';

export interface Tier {
  min: number;
  factor: number;
}

export interface Rule {
  indicator: string;
  weight: number;
  rule: RuleKind;
  cap?: number;
  tiers?: Tier[];
  rankStep?: number;
  floor?: number;
  bonusPerPoint?: number;
  bonusMax?: number;
}

export interface Grade {
  name: string;
  min: number;
}

export interface StatusThresholds {
  ahead: number;
  warn: number;
}

export interface Scoring {
  rules: Rule[];
  grades: Grade[];
  status?: StatusThresholds;
}

export interface RegistryRow {
  name: string;
  creditCode?: string;
  unit: string;
}

export interface Plan {
  name: string;
  district: string;
  organization: string;
  /** Days after quarter end a return is on time (SPEC §10 报送情况); default 10. */
  returnDeadlineDays?: number;
  /** The bulletin's 文号, e.g. `下科创办〔{year}〕{seq}号` ({seq}: the bulletin's number in its year). */
  docNumberPattern?: string;
}

export interface Scenario {
  plan: Plan;
  units: Unit[];
  indicators: Indicator[];
  targets: Target[];
  basis: Basis[];
  quotas: QuotaRow[];
  actuals: Actual[];
  scoring: Scoring;
  registry: RegistryRow[];
}

export type Status = 'ahead' | 'behind' | 'lagging' | 'none';
/** A row's return: on time, 迟报 (after the deadline) or 未报送 (SPEC §10). */
export type ReportStatus = 'onTime' | 'late' | 'missing';

export interface AssessmentRow {
  unit: string;
  indicator: string;
  quota: number;
  milestone: number;
  actual: number;
  reported: boolean;
  rate: number | null;
  timely: number | null;
  status: Status;
  score?: number;
  bonus?: number;
  /** Year-end figure at the current pace (A / profile[q]); null when the profile expects 0 yet. */
  projected: number | null;
  reportStatus: ReportStatus;
  /** The return's 导入时间, when recorded. */
  arrivedAt: string | null;
}

export interface UnitResult {
  unit: string;
  type: UnitType;
  total: number;
  rank: number;
  grade: string | null;
  /** The unit's rank in `previousPeriod`; null when it was not ranked then (新). */
  previousRank: number | null;
  /** previousRank − rank: 2 climbed two places, −1 fell one; null when new (新). */
  rankChange: number | null;
}

export interface DistrictRow {
  indicator: string;
  target: number;
  actual: number | null;
  rate: number | null;
  milestone: number;
  timely: number | null;
  status: Status;
  /** Year-end figure at the current pace (a level: previous year end + growth at the pace). */
  projected: number | null;
  /** The district actual and rate in `previousPeriod` (the rate only within the same year). */
  previousActual: number | null;
  previousRate: number | null;
}

export interface Assessment {
  period: string;
  /** The latest earlier period with unit results, that rank moves compare with; null if none. */
  previousPeriod: string | null;
  /** The last on-time day for this period's returns (ISO date). */
  returnDeadline: string;
  rows: AssessmentRow[];
  units: UnitResult[];
  district: DistrictRow[];
}

/** SPEC §4 allocation request. */
export interface AllocationUnit {
  id: string;
  weight: number | string;
  min?: number | string;
  max?: number | string;
  locked?: number | string;
}

export interface AllocationRequest {
  total: number | string;
  method: AllocationMethod;
  precision?: number;
  units: AllocationUnit[];
}

export interface AllocationResult {
  quotas: Record<string, number>;
}
