import { InputError } from '../engine/errors';
import { Command, CliIO, processIO, EXIT_BAD_INPUT, EXIT_OK } from './io';
import { loadAllCommands, loadCommand } from './commands';

async function help(): Promise<string> {
  const commands = await loadAllCommands();
  const lines = [
    'target-desk — 目标分解考核助手 (Target Desk) command line',
    '',
    'Usage: target-desk <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`),
    '',
    'Exit codes: 0 ok, 2 bad input (nothing changed), 3 some inputs rejected, the rest applied.',
    'See README.md for the JSON formats.',
    '',
  ];
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await help());
    return name ? EXIT_OK : EXIT_BAD_INPUT;
  }
  const command: Command | undefined = await loadCommand(name);
  if (!command) {
    io.err(`target-desk: unknown command "${name}"\n\n${await help()}`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: target-desk ${command.usage}\n${command.summary}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`target-desk ${name}: ${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw e;
  }
}
