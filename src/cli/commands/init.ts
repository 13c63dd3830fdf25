import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { InputError, inputError } from '../../engine/errors';
import type { Scenario } from '../../engine/types';
import { validateScenario } from '../../engine/validate';
import { ILLUSTRATIVE_NOTE, planInit } from '../../plan/jobs/init';
import { xiachengSample } from '../../sample/xiacheng';
import { commitBook, refuseExistingOutput } from '../../store/bookStore';
import { CANNOT_READ, osFailure } from '../../store/osError';
import { applyBookPlan, bookFileBytes } from '../../xlsx';
import { CommandArgs, argsLang, flag, requiredOption, stringOption } from '../args';
import { doneWords } from '../doneText';
import { IGNORE_LOCK_FILE, storeOptions } from '../bookFiles';
import { CliIO, Command, EXIT_OK, parseJsonInput } from '../io';

const USAGE = 'init --out BOOK.xlsx --sample|--scenario S.json [--force] [--ignore-lock-file]';

/** Top-level members a scenario may leave out; the workbook has a table for each, so they become empty. */
function withEmptyMembers(s: Scenario): Scenario {
  return {
    ...s,
    plan: s.plan ?? { name: '', district: '', organization: '' },
    units: s.units ?? [],
    indicators: s.indicators ?? [],
    targets: s.targets ?? [],
    basis: s.basis ?? [],
    quotas: s.quotas ?? [],
    actuals: s.actuals ?? [],
    scoring: { ...s.scoring, rules: s.scoring?.rules ?? [], grades: s.scoring?.grades ?? [] },
    registry: s.registry ?? [],
  };
}

function readScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw osFailure(e, file, CANNOT_READ);
  }
  const json = parseJsonInput(text, file);
  try {
    validateScenario(json);
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(e.problems.map((p) => ({ ...p, where: `${file} › ${p.where}` })));
    throw e;
  }
  // The scenario as given (not the validator's defaults), so that `export` gives it back.
  const { $schema: _schema, ...rest } = json as Scenario & { $schema?: unknown };
  return withEmptyMembers(rest as Scenario);
}

/** `target-desk init` (SPEC §6): a new plan workbook from a scenario JSON or the bundled sample. */
export const initCommand: Command = {
  name: 'init',
  usage: USAGE,
  summary: 'a new plan workbook (计划簿) from a scenario JSON, or the bundled Xiacheng sample',
  options: {
    out: { type: 'string', value: 'BOOK.xlsx', help: 'the workbook to create' },
    sample: { type: 'boolean', help: 'the bundled Xiacheng sample (illustrative figures)' },
    scenario: { type: 'string', value: 'S.json', help: 'a scenario JSON (SPEC §6)' },
    force: { type: 'boolean', help: 'replace an existing file' },
    'ignore-lock-file': IGNORE_LOCK_FILE,
  },
  positionals: [0, 0],
  async run(args: CommandArgs, io: CliIO): Promise<number> {
    const out = requiredOption(args, 'out');
    const sample = flag(args, 'sample');
    const scenarioFile = stringOption(args, 'scenario');
    if (sample === !!scenarioFile) throw inputError('init.sampleOrScenario', '', { usage: USAGE });
    const force = flag(args, 'force');
    refuseExistingOutput(out, force, '--out');
    const scenario = sample ? xiachengSample() : readScenarioFile(scenarioFile!);
    const plan = planInit(scenario, {
      now: new Date().toISOString(),
      note: sample ? ILLUSTRATIVE_NOTE : undefined,
      file: sample ? '内置示例（下城区）' : path.basename(scenarioFile!),
    });
    const wb = new ExcelJS.Workbook();
    applyBookPlan(wb, plan);
    const bytes = await bookFileBytes(wb, { properties: plan.properties });
    await commitBook(out, null, bytes, storeOptions(args, 'init', force));
    const words = doneWords(argsLang(args));
    io.out(`${words.created(out, scenario.units.length, scenario.indicators.length)}\n`);
    return EXIT_OK;
  },
};
