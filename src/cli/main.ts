import { formatProblem, formatProblemIn, InputError, problem } from '../engine/errors';
import type { Lang } from '../engine/messages/catalogue';
import { osCauseText } from '../engine/messages/osCauses';
import { isOsError } from '../store/osError';
import { cliLang, commandHelp, envLang, parseCommandArgs } from './args';
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
    ...commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'target-desk <command> --help lists the command’s options.',
    'Exit codes: 0 ok, 2 bad input or a file that cannot be read or written (nothing changed),',
    '3 some inputs rejected, the rest applied. See README.md and docs/safe-writes.md.',
    '',
  ];
  return lines.join('\n');
}

/**
 * Runs one command. Every failure is a message and exit 2 (SPEC §12): bad input, an operating
 * system error (one line, path and cause), even a bug (one line; TARGET_DESK_DEBUG=1 shows the stack).
 */
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
    io.out(commandHelp(command));
    return EXIT_OK;
  }
  let lang: Lang = envLang(process.env);
  try {
    lang = cliLang(rest, process.env);
    return await command.run(parseCommandArgs(command, rest), io);
  } catch (e) {
    // --json readers get the problems language-neutral: code, where and the values they name.
    if (e instanceof InputError && rest.includes('--json'))
      io.out(`${JSON.stringify({ problems: e.problems })}\n`);
    io.err(`target-desk ${name}: ${failure(e, lang)}\n`);
    return EXIT_BAD_INPUT;
  }
}

function failure(e: unknown, lang: Lang): string {
  if (e instanceof InputError) return e.problems.map((p) => formatProblemIn(p, lang)).join('\n');
  if (isOsError(e)) {
    const where = e.path ? `${e.path}: ` : '';
    return `${where}${e.syscall ? `${e.syscall} failed` : 'failed'} (${osCauseText(e.code, e.message, 'en-US')})`;
  }
  if (process.env.TARGET_DESK_DEBUG) return String((e as Error)?.stack ?? e);
  return `internal error: ${(e as Error)?.message ?? String(e)} (please report it; TARGET_DESK_DEBUG=1 shows where)`;
}

/**
 * Standard output that cannot be written: a closed pipe (`… | head`) ends the command quietly;
 * anything else (a full disk, `> /dev/full`) is one line on stderr. Both exit 2.
 */
export function guardStdout(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE')
      process.stderr.write(`target-desk: ${formatProblem(stdoutFailure(e))}\n`);
    process.exit(EXIT_BAD_INPUT);
  });
}

function stdoutFailure(e: NodeJS.ErrnoException) {
  return problem('os.failed', 'standard output', {
    action: 'write',
    code: e.code ?? '',
    message: e.message,
  });
}
