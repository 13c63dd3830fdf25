/**
 * What a plan holds where the user gave nothing, in one place: the validator fills these in, the
 * engine falls back on them, and a blank plan (the task pane's 新建) starts from them.
 */
import type { Grade, Scenario, StatusThresholds } from './types';

/** The year's cumulative milestones by quarter (序时进度). */
export const DEFAULT_PROFILE: [number, number, number, number] = [0.25, 0.5, 0.75, 1];
/** 达到序时进度 from a timeliness of 1, 略低于 from 0.8. */
export const DEFAULT_STATUS: StatusThresholds = { ahead: 1, warn: 0.8 };
export const DEFAULT_GRADES: readonly Grade[] = [
  { name: '优秀', min: 90 },
  { name: '良好', min: 75 },
  { name: '合格', min: 60 },
  { name: '不合格', min: 0 },
];

/** A plan with nothing in it but the defaults, for users to fill in. */
export function blankScenario(): Scenario {
  return {
    plan: { name: '', district: '', organization: '' },
    units: [],
    indicators: [],
    targets: [],
    basis: [],
    quotas: [],
    actuals: [],
    scoring: {
      rules: [],
      grades: DEFAULT_GRADES.map((g) => ({ ...g })),
      status: { ...DEFAULT_STATUS },
    },
    registry: [],
  };
}
