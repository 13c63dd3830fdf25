import { inputError } from '../engine/errors';
import type { ArgsShape, CommandArgs } from './args';

/** Exit codes of SPEC §6. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
export const EXIT_PARTIAL = 3;

export interface CliIO {
  readStdin(): Promise<string>;
  /** Standard input as batches of complete lines, each batch as soon as it arrives (for --jsonl). */
  readStdinLines?(): AsyncIterable<string[]>;
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  readStdin: () =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      process.stdin.on('data', (c: Buffer) => chunks.push(c));
      process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      process.stdin.on('error', reject);
    }),
  readStdinLines: async function* () {
    process.stdin.setEncoding('utf8');
    let tail = '';
    for await (const chunk of process.stdin as AsyncIterable<string>) {
      const lines = (tail + chunk).split('\n');
      tail = lines.pop()!;
      if (lines.length) yield lines;
    }
    if (tail) yield [tail];
  },
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export interface Command extends ArgsShape {
  summary: string;
  /** Runs with its arguments parsed against `options` and `positionals`; returns the exit code. */
  run(args: CommandArgs, io: CliIO): Promise<number>;
}

export function parseJsonInput(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw inputError('input.notJson', what, { detail: (e as Error).message });
  }
}
