/** A year-to-date `value` for year Q`quarter` against `v`, recorded for Q`q` of the same year. */
type CumulativeCompared = { year: number; quarter: number; value: number; q: number; v: number };

/** Numbers and periods anywhere (SPEC §12 plausible numbers, periods). */
export const figuresEn = {
  'period.invalid': (a: { got: unknown }) =>
    `not a period: ${JSON.stringify(a.got)} (expected a year such as 2019 or a quarter such as 2019Q3)`,
  'period.outsidePlan': (a: { year: number; years: number[] }) =>
    `the plan has no target for ${a.year} (its years: ${a.years.join(', ')})`,
  'period.noTargets': () => `the plan has no targets yet, so no period can be computed`,
  'number.notFinite': (a: { got: number }) => `not a finite number: ${a.got}`,
  'number.notNumber': (a: { got: unknown }) => `not a number: ${JSON.stringify(a.got)}`,
  'figure.notFinite': (a: { got: number }) => `not a finite number (${a.got})`,
  'figure.implausible': (a: { value: number; limit: number; task: number | null }) =>
    `${a.value} is not plausible: above ${a.limit} (` +
    (a.task === null
      ? 'no real figure is this large'
      : `the larger of 10^7 and 1,000 × the annual task ${a.task}`) +
    '); check for a typing slip',
  'figure.cumulativeBelow': (a: CumulativeCompared) =>
    `year-to-date ${a.value} for ${a.year}Q${a.quarter} is below ${a.v} for ${a.year}Q${a.q}: a cumulative figure does not fall (check for a typing slip; a correction is accepted)`,
  'figure.cumulativeAbove': (a: CumulativeCompared) =>
    `year-to-date ${a.value} for ${a.year}Q${a.quarter} is above ${a.v} already recorded for ${a.year}Q${a.q}: a cumulative figure does not fall (check for a typing slip; a correction is accepted)`,
};
