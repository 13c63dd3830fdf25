import { InputError } from '../engine/errors';

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

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Parses its own arguments (see parseArgs) and returns the exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | true | string[]>;
}

/**
 * `--name value`, `--name=value` and bare `--flag`. Options listed in `flags` never take a value;
 * options listed in `repeatable` collect every occurrence.
 */
export function parseArgs(
  argv: string[],
  flags: string[] = [],
  repeatable: string[] = [],
): ParsedArgs {
  const positional: string[] = [];
  const options: ParsedArgs['options'] = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    let name = a.slice(2);
    let value: string | true = true;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    } else if (!flags.includes(name)) {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
        throw new InputError(`option --${name} needs a value`);
      }
      value = argv[++i];
    }
    if (repeatable.includes(name)) {
      const prev = options[name];
      options[name] = [...(Array.isArray(prev) ? prev : []), String(value)];
    } else {
      options[name] = value;
    }
  }
  return { positional, options };
}

export function requireOption(args: ParsedArgs, name: string): string {
  const v = args.options[name];
  if (typeof v !== 'string' || v === '') throw new InputError(`missing required option --${name}`);
  return v;
}

export function parseJsonInput(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`${what}: not valid JSON (${(e as Error).message})`);
  }
}
