import { snapshotToScenario } from '../../plan/scenarioTables';
import { loadBook, readSnapshot } from '../../xlsx';
import { CommandArgs } from '../args';
import { CliIO, Command, EXIT_OK } from '../io';

const USAGE = 'export BOOK.xlsx';

/** `target-desk export` (SPEC §6): the scenario a plan workbook holds, as JSON on stdout. */
export const exportCommand: Command = {
  name: 'export',
  usage: USAGE,
  summary: 'the scenario JSON a plan workbook holds (round trip of init --scenario)',
  options: {},
  positionals: [1, 1],
  async run(args: CommandArgs, io: CliIO): Promise<number> {
    const wb = await loadBook(args.positional[0]);
    io.out(`${JSON.stringify(snapshotToScenario(readSnapshot(wb)), null, 2)}\n`);
    return EXIT_OK;
  },
};
