import { allocationAnswer as answer } from '../../engine/allocation/answer';
import { InputError, formatProblem } from '../../engine/errors';
import { CommandArgs, flag } from '../args';
import { CliIO, Command, EXIT_OK, EXIT_PARTIAL, parseJsonInput } from '../io';

/** `target-desk allocate [--jsonl]`, SPEC §6: allocation requests (SPEC §4) on stdin, quotas on stdout. */
export const allocateCommand: Command = {
  name: 'allocate',
  usage: 'allocate [--jsonl]',
  summary: 'split a total into quotas: request JSON on stdin, {"quotas": {…}} on stdout',
  options: {
    jsonl: { type: 'boolean', help: 'one request per line in, one answer per line out' },
  },
  positionals: [0, 0],
  async run(args: CommandArgs, io: CliIO): Promise<number> {
    if (flag(args, 'jsonl')) return allocateLines(io);
    const req = parseJsonInput(await io.readStdin(), 'stdin');
    io.out(`${answer(req)}\n`);
    return EXIT_OK;
  },
};

/**
 * One request per line, one answer line per request in the same order; a refused request answers
 * `{"error": …}` and the others still run. Lines are answered in batches as they arrive, so a
 * stream of any length runs in one process without being held in memory.
 */
async function allocateLines(io: CliIO): Promise<number> {
  const batches = io.readStdinLines ? io.readStdinLines() : wholeInput(io);
  let refused = false;
  let lineNo = 0;
  for await (const lines of batches) {
    let out = '';
    for (const raw of lines) {
      lineNo++;
      const line = (lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
      if (line === '') continue;
      try {
        out += `${answer(parseJsonInput(line, `line ${lineNo}`))}\n`;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        refused = true;
        out += `${JSON.stringify({ error: e.problems.map((p) => formatProblem(p)).join('; ') })}\n`;
      }
    }
    if (out) io.out(out);
  }
  return refused ? EXIT_PARTIAL : EXIT_OK;
}

async function* wholeInput(io: CliIO): AsyncIterable<string[]> {
  yield (await io.readStdin()).split('\n');
}
