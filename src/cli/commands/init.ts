import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { InputError } from '../../engine/errors';
import type { Scenario } from '../../engine/types';
import { validateScenario } from '../../engine/validate';
import { ILLUSTRATIVE_NOTE, planInit } from '../../plan/jobs/init';
import { xiachengSample } from '../../sample/xiacheng';
import { applyBookPlan, saveBookAtomic } from '../../xlsx';
import { CliIO, Command, EXIT_OK, parseArgs, parseJsonInput, requireOption } from '../io';

const USAGE = 'init --out BOOK.xlsx --sample|--scenario S.json [--force]';

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
    throw new InputError(
      `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      file,
    );
  }
  const json = parseJsonInput(text, file);
  try {
    validateScenario(json);
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(
        e.problems.map((p) => ({ where: `${file} › ${p.where}`, message: p.message })),
      );
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
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, ['sample', 'force']);
    const unknown = [
      ...args.positional,
      ...Object.keys(args.options)
        .filter((o) => !['out', 'sample', 'scenario', 'force'].includes(o))
        .map((o) => `--${o}`),
    ];
    if (unknown.length)
      throw new InputError(`unexpected argument ${unknown[0]} (usage: target-desk ${USAGE})`);
    const out = requireOption(args, 'out');
    const sample = args.options.sample === true;
    const scenarioFile =
      typeof args.options.scenario === 'string' ? args.options.scenario : undefined;
    if (sample === !!scenarioFile)
      throw new InputError(
        `give either --sample or --scenario S.json (usage: target-desk ${USAGE})`,
      );
    if (fs.existsSync(out) && args.options.force !== true) {
      throw new InputError(
        'the file already exists; choose another --out, or add --force to replace it',
        out,
      );
    }
    const scenario = sample ? xiachengSample() : readScenarioFile(scenarioFile!);
    const plan = planInit(scenario, {
      now: new Date().toISOString(),
      note: sample ? ILLUSTRATIVE_NOTE : undefined,
      file: sample ? '内置示例（下城区）' : path.basename(scenarioFile!),
    });
    const wb = new ExcelJS.Workbook();
    applyBookPlan(wb, plan);
    await saveBookAtomic(wb, out, { properties: plan.properties });
    io.out(
      `${out}: 计划簿已创建（${scenario.units.length} 个单位，${scenario.indicators.length} 个指标）\n`,
    );
    return EXIT_OK;
  },
};
