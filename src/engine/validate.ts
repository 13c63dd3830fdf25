/**
 * The scenario's check (SPEC §3, §6), one module per part: validateChecker (the field readers),
 * validateUnits (plan, units, indicators), validateTargets (targets, basis, quotas, coverage),
 * validateActuals (actuals, registry) and validateScoring.
 */
import { InputError, inputError } from './errors';
import type { Scenario } from './types';
import { readActuals, readRegistry } from './validateActuals';
import { Checker } from './validateChecker';
import { readScoring } from './validateScoring';
import { checkCoverage, readBasis, readQuotas, readTargets } from './validateTargets';
import {
  KnownIndicator,
  KnownUnit,
  readIndicators,
  readPlan,
  readUnits,
  Refs,
} from './validateUnits';
import { ENTITY_KEYS } from './scenarioKeys';

export { carriesIndicator } from './validateChecker';
export { DEFAULT_PROFILE, DEFAULT_STATUS } from './defaults';

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
  const root = c.object(input, '', ['$schema', ...ENTITY_KEYS.scenario]);
  if (!root) throw inputError('scenario.notObject', '', { got: input });

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
