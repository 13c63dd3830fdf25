/**
 * What the task pane asks of the controller (src/taskpane/controller.ts). The controller turns each
 * request into a job run against the workbook; components only show these results.
 */
import type { ProblemText } from '../i18n/strings';
import type { AllocationPreview } from '../plan/jobs/allocate';

export type Method =
  'largest-remainder' | 'equal' | 'dhondt' | 'sainte-lague' | 'huntington-hill' | 'adams';

export interface IndicatorInfo {
  id: string;
  name: string;
  measure: string;
  /** Only `flow` indicators are split into quotas. */
  allocatable: boolean;
}

export interface PlanSummary {
  hasPlan: boolean;
  name: string;
  district: string;
  organization: string;
  units: number;
  indicators: IndicatorInfo[];
  targets: number;
  years: number[];
  /** The period to offer first: the latest one with actuals, else Q1 of the first target year. */
  period: string;
}

export interface AllocationOptions {
  year: number;
  /** Every allocatable indicator of the year when absent. */
  indicator?: string;
  /** The method set per target in TD_Targets when absent. */
  method?: Method;
}

/** The quotas an allocation would write, as the 分解 step previews them. */
export type { AllocationPreview };

export interface DownloadFile {
  name: string;
  data: Uint8Array;
}

export interface FileResult {
  file: string;
  accepted: boolean;
  /** What went in (shown as "武林街道 2019Q3：4 项"), null for a refused file. */
  taken: { unit: string; period: string; values: number } | null;
  /** Why the file was refused, and what was noted about one taken: shown in the pane's language. */
  problems: PlacedProblem[];
  warnings: PlacedProblem[];
}

/** A problem (a code and its arguments, or a text the controller worded) and where it is. */
export type PlacedProblem = ProblemText & { where: string };

export interface ListResult {
  file: string;
  matched: number;
  unmatched: number;
  duplicates: number;
  /** What was noted about rows taken (a row without a certificate number, a year outside the plan). */
  warnings: PlacedProblem[];
}

export interface RankingRow {
  unit: string;
  name: string;
  type: string;
  total: number;
  rank: number;
  grade: string;
}

/** `notices`: what the host could not do (features above ExcelApi 1.7), in the user's words. */
export type BulletinOutcome = { sheet: string; notices: string[] } | { editedSheet: string };

export interface Controller {
  summary(): Promise<PlanSummary>;
  createPlan(source: 'sample' | 'blank'): Promise<{ sheets: number; notices: string[] }>;
  previewAllocation(options: AllocationOptions): Promise<AllocationPreview>;
  writeAllocation(options: AllocationOptions): Promise<{ rows: number }>;
  makeTemplates(period: string): Promise<DownloadFile[]>;
  importReturns(files: DownloadFile[]): Promise<FileResult[]>;
  importList(file: DownloadFile, indicator: string): Promise<ListResult>;
  computeScores(period: string): Promise<RankingRow[]>;
  generateBulletin(period: string, overwrite: boolean): Promise<BulletinOutcome>;
  /** The period's bulletin as a 公文 (.docx), built from the workbook without changing it. */
  bulletinDocument(period: string): Promise<DownloadFile>;
}
