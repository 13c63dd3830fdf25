/**
 * One list of the keys each scenario entity may carry (src/engine/scenarioKeys.ts): the validator
 * refuses any other key naming exactly that list, and the plan book gives back every key of it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { InputError } from '../../src/engine/errors';
import { ENTITY_KEYS } from '../../src/engine/scenarioKeys';
import type { Scenario } from '../../src/engine/types';
import { validateScenario } from '../../src/engine/validate';
import { snapshotToScenario } from '../../src/plan/scenarioTables';
import { readSnapshot } from '../../src/xlsx';
import { initBook, reload } from './books';

const HAND: Scenario = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/plan/hand-made-scenario.json'), 'utf8'),
);
/** …with the plan's optional settings too: every key of every entity is given somewhere. */
const FULL: Scenario = {
  ...HAND,
  plan: { ...HAND.plan, returnDeadlineDays: 10, docNumberPattern: '下科创办〔{year}〕{seq}号' },
  indicators: [
    ...HAND.indicators,
    { id: 'k', name: '线性指标', measure: '个', kind: 'flow', assessed: 'all' },
  ],
  scoring: {
    ...HAND.scoring,
    rules: [...HAND.scoring.rules, { indicator: 'k', weight: 10, rule: 'linear', cap: 1.2 }],
  },
};
type Entity = keyof typeof ENTITY_KEYS;

/** Each entity of a scenario: its path and its objects. */
function entities(s: Scenario): Record<Entity, { path: string; objects: object[] }> {
  return {
    scenario: { path: '', objects: [s] },
    plan: { path: 'plan', objects: [s.plan] },
    units: { path: 'units[0]', objects: s.units },
    indicators: { path: 'indicators[0]', objects: s.indicators },
    targets: { path: 'targets[0]', objects: s.targets },
    basis: { path: 'basis[0]', objects: s.basis },
    quotas: { path: 'quotas[0]', objects: s.quotas },
    actuals: { path: 'actuals[0]', objects: s.actuals },
    rules: { path: 'scoring.rules[0]', objects: s.scoring.rules },
    tiers: {
      path: `scoring.rules[${s.scoring.rules.findIndex((r) => r.tiers)}].tiers[0]`,
      objects: s.scoring.rules.flatMap((r) => r.tiers ?? []),
    },
    grades: { path: 'scoring.grades[0]', objects: s.scoring.grades },
    status: { path: 'scoring.status', objects: s.scoring.status ? [s.scoring.status] : [] },
    scoring: { path: 'scoring', objects: [s.scoring] },
    registry: { path: 'registry[0]', objects: s.registry },
  };
}

const keysOf = (objects: object[]) => [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
const ALL = Object.keys(ENTITY_KEYS) as Entity[];

describe('the scenario entity keys', () => {
  it('are all used by the hand-made scenario (with plan settings and a capped linear rule), so the checks below cover every key', () => {
    const e = entities(FULL);
    for (const entity of ALL)
      expect([entity, keysOf(e[entity].objects)]).toEqual([
        entity,
        [...ENTITY_KEYS[entity]].sort(),
      ]);
  });

  it.each(ALL)('%s: the validator refuses another key, naming exactly the list', (entity) => {
    const copy: Scenario = JSON.parse(JSON.stringify(FULL));
    const target = entities(copy)[entity];
    Object.assign(target.objects[0], { bogus: 1 });
    let problems: InputError['problems'] = [];
    try {
      validateScenario(copy);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems = e.problems;
    }
    const extra = ['$schema'].filter(() => entity === 'scenario');
    expect(problems).toEqual([
      {
        code: 'value.unknownKey',
        where: target.path ? `${target.path}.bogus` : 'bogus',
        args: { allowed: [...extra, ...ENTITY_KEYS[entity]] },
      },
    ]);
  });

  it('are every key the plan book gives back', async () => {
    const read = snapshotToScenario(readSnapshot(await reload(initBook(FULL))));
    const e = entities(read);
    for (const entity of ALL)
      expect([entity, keysOf(e[entity].objects)]).toEqual([
        entity,
        [...ENTITY_KEYS[entity]].sort(),
      ]);
  });
});
