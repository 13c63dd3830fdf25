import { InputError } from '../../engine/errors';
import { snapshotToScenario } from '../../plan/scenarioTables';
import { loadBook, readSnapshot } from '../../xlsx';
import { CliIO, Command, EXIT_OK, parseArgs } from '../io';

const USAGE = 'export BOOK.xlsx';

/** `target-desk export` (SPEC §6): the scenario a plan workbook holds, as JSON on stdout. */
export const exportCommand: Command = {
  name: 'export',
  usage: USAGE,
  summary: 'the scenario JSON a plan workbook holds (round trip of init --scenario)',
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv);
    if (args.positional.length !== 1 || Object.keys(args.options).length)
      throw new InputError(`usage: target-desk ${USAGE}`);
    const wb = await loadBook(args.positional[0]);
    io.out(`${JSON.stringify(snapshotToScenario(readSnapshot(wb)), null, 2)}\n`);
    return EXIT_OK;
  },
};
