import { readFileSync } from 'fs';
import * as path from 'path';
import { InputError, Problem } from '../../src/engine/errors';
import { validateScenario } from '../../src/engine/validate';
import { actuals, flow, quotas, unit } from '../fixtures/scenarios/builder';

const fixture = (name: string) =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../fixtures/scenarios', name), 'utf8'));

/** The problems validateScenario reports, formatted `where: message`, in order. */
function problems(input: unknown): string[] {
  try {
    validateScenario(input);
  } catch (e) {
    if (e instanceof InputError) return e.message.split('\n');
    throw e;
  }
  throw new Error('the scenario was accepted');
}

/** The problems validateScenario reports, as they are kept: code, where and arguments. */
function refusal(input: unknown): Problem[] {
  try {
    validateScenario(input);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('the scenario was accepted');
}

describe('validateScenario', () => {
  it('reports every problem of a scenario with its JSON path, not just the first', () => {
    expect(problems(fixture('many-problems.json'))).toEqual([
      'extra: unknown key (expected one of $schema, plan, units, indicators, targets, basis, quotas, actuals, scoring, registry)',
      'plan.district: must be a string (got 3)',
      'units[1].type: unknown unit type "stret" (expected street, department, platform)',
      'units[2].id: duplicate unit id "wulin" (also units[0].id)',
      'units[3].name: must not be empty',
      'indicators[1].profile: must be 4 numbers in [0, 1], non-decreasing, ending with 1 (got [0.5,0.25,0.75,1])',
      'indicators[2].assessed: a level indicator is a district value, not decomposed: must be "district" (got "street")',
      'indicators[4].kind: unknown kind "stock" (expected flow, level)',
      'targets[0].stretch: the stretch target (力争) 25 is below the total 28',
      'targets[1]: duplicate target for gqq_new 2019 (also targets[0])',
      'targets[2].method: unknown method "hare" (expected largest-remainder, equal, dhondt, sainte-lague, huntington-hill, adams)',
      'targets[2].precision: must be a whole number of decimal places from 0 to 6 (got 9)',
      'targets[3].indicator: unknown indicator "nope"',
      'targets[3].year: must be a year such as 2019 (got "2019")',
      'targets[3].total: must be ≥ 0 (got -1)',
      'basis[0].max: 2 is below the min 3',
      'basis[1].unit: unit "keji" (department) does not carry indicator "gqq_new" (assessed: street)',
      'basis[1].weight: must be ≥ 0 (got -1)',
      'basis[2].indicator: "ratio" is a level indicator (a district value): it is not decomposed to units',
      'basis[3]: duplicate basis row for gqq_new 2019, unit "wulin" (also basis[0])',
      "basis[3].locked: 1.5 has more decimal places than the target's precision 0",
      'quotas[0].unit: unknown unit "ghost"',
      'targets[4]: sme 2019 is allocated by weight (dhondt) but has no basis row for unit "wulin" (give weight 0 for no task, or quotas rows)',
      'actuals[1]: duplicate actual for gqq_new, unit "wulin", period 2019Q4 ("2019" and "2019Q4" are the same period) (also actuals[0])',
      'actuals[2].unit: is required',
      'actuals[3].unit: "ratio" is a level indicator: its actual is the district value and has no unit',
      'actuals[4].period: not a period: "2019Q5" (expected a year such as 2019 or a quarter such as 2019Q3)',
      'actuals[4].source: unknown source "phone" (expected return, list, manual)',
      'actuals[5].unit: unknown unit "foo"',
      'actuals[5].value: must be ≥ 0 (got -2)',
      'actuals[6].note: unknown key (expected one of indicator, unit, period, value, source, file, importedAt)',
      'actuals[6].value: must be a number (got "3")',
      'scoring.rules[0].bonusMax: needs bonusPerPoint (the bonus per percentage point above 100%)',
      'scoring.rules[0].cap: must be > 0 (got 0)',
      'scoring.rules[1]: duplicate rule for indicator "gqq_new" (also scoring.rules[0])',
      'scoring.rules[2].tiers: a tiered rule needs a non-empty list of tiers {min, factor} (got [])',
      'scoring.rules[3].indicator: "ratio" is a level indicator (a district value): it is not decomposed to units',
      'scoring.rules[4]: duplicate rule for indicator "sme" (also scoring.rules[2])',
      'scoring.rules[4].cap: applies to linear rules only (this rule is rank)',
      'scoring.rules[4].rankStep: is required',
      "scoring.rules[4].floor: 25 is above the rule's weight 20",
      'scoring.rules[5]: duplicate rule for indicator "sme" (also scoring.rules[2])',
      'scoring.rules[5].rule: unknown rule "best" (expected linear, tiered, rank)',
      'scoring.grades[1].name: duplicate grade name "优秀" (also scoring.grades[0].name)',
      'scoring.grades[2].min: duplicate grade min 90 (also scoring.grades[0].min)',
      'scoring.status.warn: 0.9 is above the ahead threshold 0.8',
      'registry[0].unit: unknown unit "nowhere"',
    ]);
  });

  it('keeps each problem as a code with its arguments, the texts rendered from them', () => {
    const kept = refusal(fixture('many-problems.json'));
    expect(kept.map((p) => [p.where, p.code])).toEqual([
      ['extra', 'value.unknownKey'],
      ['plan.district', 'value.notString'],
      ['units[1].type', 'value.unknownChoice'],
      ['units[2].id', 'duplicate.unitId'],
      ['units[3].name', 'value.empty'],
      ['indicators[1].profile', 'indicator.badProfile'],
      ['indicators[2].assessed', 'indicator.levelAssessed'],
      ['indicators[4].kind', 'value.unknownChoice'],
      ['targets[0].stretch', 'target.stretchBelowTotal'],
      ['targets[1]', 'duplicate.target'],
      ['targets[2].method', 'value.unknownChoice'],
      ['targets[2].precision', 'target.badPrecision'],
      ['targets[3].indicator', 'ref.unknownIndicator'],
      ['targets[3].year', 'value.notYear'],
      ['targets[3].total', 'value.belowMin'],
      ['basis[0].max', 'basis.maxBelowMin'],
      ['basis[1].unit', 'ref.unitNotCarrying'],
      ['basis[1].weight', 'value.belowMin'],
      ['basis[2].indicator', 'ref.levelNotDecomposed'],
      ['basis[3]', 'duplicate.basis'],
      ['basis[3].locked', 'basis.tooPrecise'],
      ['quotas[0].unit', 'ref.unknownUnit'],
      ['targets[4]', 'target.missingBasis'],
      ['actuals[1]', 'duplicate.actual'],
      ['actuals[2].unit', 'value.required'],
      ['actuals[3].unit', 'actual.levelHasUnit'],
      ['actuals[4].period', 'period.invalid'],
      ['actuals[4].source', 'value.unknownChoice'],
      ['actuals[5].unit', 'ref.unknownUnit'],
      ['actuals[5].value', 'value.belowMin'],
      ['actuals[6].note', 'value.unknownKey'],
      ['actuals[6].value', 'value.notNumber'],
      ['scoring.rules[0].bonusMax', 'rule.bonusMaxAlone'],
      ['scoring.rules[0].cap', 'rule.capNotPositive'],
      ['scoring.rules[1]', 'duplicate.rule'],
      ['scoring.rules[2].tiers', 'rule.noTiers'],
      ['scoring.rules[3].indicator', 'ref.levelNotDecomposed'],
      ['scoring.rules[4]', 'duplicate.rule'],
      ['scoring.rules[4].cap', 'rule.onlyFor'],
      ['scoring.rules[4].rankStep', 'value.required'],
      ['scoring.rules[4].floor', 'rule.floorAboveWeight'],
      ['scoring.rules[5]', 'duplicate.rule'],
      ['scoring.rules[5].rule', 'value.unknownChoice'],
      ['scoring.grades[1].name', 'duplicate.gradeName'],
      ['scoring.grades[2].min', 'duplicate.gradeMin'],
      ['scoring.status.warn', 'status.warnAboveAhead'],
      ['registry[0].unit', 'ref.unknownUnit'],
    ]);
    const at = (where: string) => kept.find((p) => p.where === where)?.args;
    expect(at('units[1].type')).toEqual({
      field: 'type',
      got: 'stret',
      allowed: ['street', 'department', 'platform'],
    });
    expect(at('units[2].id')).toEqual({ id: 'wulin', first: 'units[0].id' });
    expect(at('actuals[1]')).toEqual({
      indicator: 'gqq_new',
      unit: 'wulin',
      period: '2019Q4',
      sameAs: '2019',
      text: '2019Q4',
      first: 'actuals[0]',
    });
    expect(at('targets[4]')).toEqual({
      indicator: 'sme',
      year: 2019,
      method: 'dhondt',
      units: ['wulin'],
    });
    expect(refusal(null)).toEqual([{ code: 'scenario.notObject', where: '', args: { got: null } }]);
  });

  it('refuses input that is not an object', () => {
    expect(problems([1, 2])).toEqual(['a scenario must be a JSON object (got [1,2])']);
    expect(problems(null)).toEqual(['a scenario must be a JSON object (got null)']);
  });

  it('normalizes: fills defaults, keeps given values, leaves out absent optional fields', () => {
    const s = validateScenario({
      units: [unit('s1'), unit('d1', 'department')],
      indicators: [flow('f', 'all'), { id: 'share', name: '占比', kind: 'level' }],
      targets: [
        { indicator: 'f', year: 2019, total: 10, method: 'equal' },
        { indicator: 'share', year: 2019, total: 83.9 },
      ],
      actuals: [{ indicator: 'share', period: '2019Q3', value: 76.3 }],
      scoring: { rules: [{ indicator: 'f', weight: 40, rule: 'linear' }], status: { warn: 0.5 } },
    });
    expect(s).toEqual({
      plan: { name: '', district: '', organization: '' },
      units: [
        { id: 's1', name: 's1单位', type: 'street' },
        { id: 'd1', name: 'd1单位', type: 'department' },
      ],
      indicators: [
        {
          id: 'f',
          name: 'f指标',
          measure: '家',
          kind: 'flow',
          assessed: 'all',
          profile: [0.25, 0.5, 0.75, 1],
        },
        {
          id: 'share',
          name: '占比',
          measure: '',
          kind: 'level',
          assessed: 'district',
          profile: [0.25, 0.5, 0.75, 1],
        },
      ],
      targets: [
        { indicator: 'f', year: 2019, total: 10, method: 'equal', precision: 0 },
        { indicator: 'share', year: 2019, total: 83.9 },
      ],
      basis: [],
      quotas: [],
      actuals: [{ indicator: 'share', period: '2019Q3', value: 76.3 }],
      scoring: {
        rules: [{ indicator: 'f', weight: 40, rule: 'linear', cap: 1 }],
        grades: [],
        status: { ahead: 1, warn: 0.5 },
      },
      registry: [],
    });
    expect(validateScenario({}).scoring).toEqual({
      rules: [],
      grades: [],
      status: { ahead: 1, warn: 0.8 },
    });
  });

  it('accepts the Xiacheng fixture and is idempotent on its own output', () => {
    const s = validateScenario(fixture('xiacheng-2019.json'));
    expect(s.units).toHaveLength(13);
    expect(s.scoring.rules.find((r) => r.rule === 'rank')).toEqual({
      indicator: 'startup',
      weight: 30,
      rule: 'rank',
      rankStep: 2,
      floor: 20,
    });
    expect(validateScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('treats 2019 and 2019Q4 as one period when looking for duplicate actuals, also for level values', () => {
    expect(
      problems({
        indicators: [{ id: 'share', name: '占比', kind: 'level' }],
        actuals: [
          { indicator: 'share', period: '2019Q4', value: 80 },
          { indicator: 'share', period: '2019Q3', value: 79 },
          { indicator: 'share', period: '2019', value: 81 },
        ],
      }),
    ).toEqual([
      'actuals[2]: duplicate actual for share, period 2019Q4 ("2019Q4" and "2019" are the same period) (also actuals[0])',
    ]);
  });

  it('needs an explicit row for every unit that carries an allocated indicator', () => {
    const base = {
      units: [unit('s1'), unit('s2'), unit('s3'), unit('d1', 'department')],
      indicators: [flow('f'), flow('g'), flow('h')],
      targets: [
        { indicator: 'f', year: 2019, total: 10 },
        { indicator: 'g', year: 2019, total: 10, method: 'equal' },
        { indicator: 'h', year: 2019, total: 10, method: 'huntington-hill' },
      ],
      basis: [{ indicator: 'f', year: 2019, unit: 's2', weight: 0 }],
      quotas: [
        ...quotas('h', 2019, { s1: 5, s3: 5 }),
        ...quotas('g', 2020, { s1: 1, s2: 1, s3: 1 }),
      ],
    };
    // g is split equally (no weights needed); h's quotas rows replace its allocation but miss s2
    expect(problems(base)).toEqual([
      'quotas[0]: h 2019: no row for unit "s2" (quotas rows replace the allocation for the indicator and year: give 0 for no task)',
      'targets[0]: f 2019 is allocated by weight (largest-remainder) but has no basis row for units "s1", "s3" (give weight 0 for no task, or quotas rows)',
    ]);
  });

  it('refuses an allocated target that no unit carries', () => {
    const input = {
      units: [unit('s1')],
      indicators: [flow('f', 'platform')],
      targets: [{ indicator: 'f', year: 2019, total: 4 }],
    };
    expect(problems(input)).toEqual([
      'targets[0]: no unit carries indicator "f" (assessed: platform)',
    ]);
    expect(
      validateScenario({ ...input, targets: [{ indicator: 'f', year: 2019, total: 0 }] }).targets,
    ).toHaveLength(1);
  });

  it('keeps flow indicators on units and level indicators on the district', () => {
    expect(
      problems({
        units: [unit('s1'), unit('d1', 'department')],
        indicators: [
          { ...flow('f'), assessed: 'district' },
          flow('g', 'department'),
          { ...flow('x'), assessed: undefined },
        ],
        actuals: [
          ...actuals('g', '2019Q1', { s1: 1 }),
          { indicator: 'g', period: '2019Q1', value: 1, unit: 'd1' },
        ],
        quotas: quotas('g', 2019, { s1: 1 }),
      }),
    ).toEqual([
      'indicators[0].assessed: a flow indicator is decomposed to units: must be one of street, department, platform, all (got "district")',
      'indicators[2].assessed: is required',
      'quotas[0].unit: unit "s1" (street) does not carry indicator "g" (assessed: department)',
      'actuals[0].unit: unit "s1" (street) does not carry indicator "g" (assessed: department)',
    ]);
  });

  it('checks tiers, rank parameters, decimals against the precision, and nested unknown keys', () => {
    expect(
      problems({
        units: [unit('s1')],
        indicators: [flow('f'), flow('g'), flow('h')],
        targets: [
          { indicator: 'f', year: 2019, total: 10.5, precision: 1, stretch: 12 },
          { indicator: 'g', year: 2019, total: 3.25, precision: 1 },
        ],
        basis: [
          { indicator: 'f', year: 2019, unit: 's1', weight: 1, min: 0.25, max: 10.5 },
          { indicator: 'g', year: 2019, unit: 's1', weight: 1 },
        ],
        scoring: {
          rules: [
            {
              indicator: 'f',
              weight: 10,
              rule: 'tiered',
              tiers: [
                { min: 1, factor: 1 },
                { min: 1, factor: 0.5 },
                { min: -1, factor: 2, note: '' },
              ],
            },
            { indicator: 'g', weight: 10, rule: 'rank', rankStep: -1, floor: 3 },
            { indicator: 'h', weight: 10, rule: 'linear', bonusPerPoint: 0.1, bonusMax: -2 },
          ],
          grades: [{ name: '优秀' }],
          status: { ahead: '1' },
        },
      }),
    ).toEqual([
      'targets[1].total: 3.25 has more decimal places than the precision 1',
      "basis[0].min: 0.25 has more decimal places than the target's precision 1",
      'scoring.rules[0].tiers[1]: duplicate tier with min 1 (also scoring.rules[0].tiers[0])',
      'scoring.rules[0].tiers[2].note: unknown key (expected one of min, factor)',
      'scoring.rules[0].tiers[2].min: must be ≥ 0 (got -1)',
      'scoring.rules[1].rankStep: must be ≥ 0 (got -1)',
      'scoring.rules[2].bonusMax: must be ≥ 0 (got -2)',
      'scoring.grades[0].min: is required',
      'scoring.status.ahead: must be a number (got "1")',
    ]);
  });

  it('refuses a registry with one credit code twice', () => {
    expect(
      problems({
        units: [unit('s1')],
        registry: [
          { name: '甲公司', creditCode: '91330103MA27XXXXXX', unit: 's1' },
          { name: '乙公司', creditCode: '91330103MA27XXXXXX', unit: 's1' },
        ],
      }),
    ).toEqual([
      'registry[1].creditCode: duplicate credit code "91330103MA27XXXXXX" (also registry[0].creditCode)',
    ]);
  });
});
