import { assess } from '../../engine/assess';
import { InputError, Problem } from '../../engine/errors';
import { parsePeriod } from '../../engine/period';
import { requirePlanPeriod } from '../../engine/plausible';
import { Scenario } from '../../engine/types';
import { validateScenario } from '../../engine/validate';
import { CommandArgs, requiredOption } from '../args';
import { CliIO, Command, EXIT_OK, parseJsonInput } from '../io';

const USAGE = 'assess --period P';

/** `target-desk assess --period P`, SPEC §6: scenario JSON on stdin, assessment JSON on stdout. */
export const assessCommand: Command = {
  name: 'assess',
  usage: USAGE,
  summary:
    'progress, scores, ranks and grades for a period (2019Q3, or 2019 = 2019Q4): scenario JSON on stdin',
  options: {
    period: { type: 'string', value: 'P', help: 'the period: 2019Q3, or 2019 for the year' },
  },
  positionals: [0, 0],
  async run(args: CommandArgs, io: CliIO): Promise<number> {
    const period = requiredOption(args, 'period');
    // A bad period and a bad scenario are reported together.
    const problems: Problem[] = [];
    const parsed = collect(problems, () => parsePeriod(period, '--period'));
    const text = await io.readStdin();
    const scenario = collect(problems, () => validateScenario(parseJsonInput(text, 'stdin')));
    if (parsed && scenario) collect(problems, () => requirePlanPeriod(scenario, parsed));
    if (problems.length > 0) throw new InputError(problems);
    io.out(`${JSON.stringify(assess(scenario as Scenario, period))}\n`);
    return EXIT_OK;
  },
};

function collect<T>(problems: Problem[], f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problems.push(...e.problems);
    return undefined;
  }
}
