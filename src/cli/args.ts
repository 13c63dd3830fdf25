/**
 * Every command's options, parsed in one place by Node's util.parseArgs (strict): an unknown or
 * misspelled option is named (with the nearest known one), a missing value is named, and the
 * help text is drawn from the same declarations.
 */
import { parseArgs as parseNodeArgs } from 'util';
import { InputError, inputError } from '../engine/errors';
import type { Lang } from '../engine/messages/catalogue';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Collects every occurrence (string options). */
  multiple?: boolean;
  /** What the value is, for the help text (`P`, `DIR`). */
  value?: string;
  help: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface CommandArgs {
  positional: string[];
  options: Record<string, string | boolean | (string | boolean)[] | undefined>;
}

export interface ArgsShape {
  name: string;
  usage: string;
  options: OptionSpecs;
  /** How many positional arguments the command takes: [min, max]. */
  positionals: [number, number];
}

/** Options every command takes. */
export const GLOBAL_OPTIONS: OptionSpecs = {
  lang: {
    type: 'string',
    value: 'zh-CN|en-US',
    help: 'language of the messages (default: LC_ALL or LANG, Chinese when it starts with zh)',
  },
};

/**
 * The language the CLI speaks: `--lang`, else LC_ALL, else LANG (POSIX order); Chinese when it
 * starts with `zh`, English otherwise. Read before the command's own options, so that a refused
 * option is named in that language too.
 */
export function cliLang(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const { values } = parseNodeArgs({
    args: argv,
    options: { lang: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const given = values.lang;
  if (typeof given === 'string') {
    if (given === 'zh-CN' || given === 'en-US') return given;
    throw inputError('option.badLang', '--lang', { got: given });
  }
  return envLang(env);
}

/** The language a command speaks (main has refused a `--lang` other than these). */
export function argsLang(args: CommandArgs): Lang {
  const given = args.options.lang;
  return given === 'zh-CN' || given === 'en-US' ? given : envLang(process.env);
}

/** The language of the environment (a refused `--lang` is named in it). */
export function envLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

export function parseCommandArgs(command: ArgsShape, argv: string[]): CommandArgs {
  const options = Object.fromEntries(
    Object.entries({ ...command.options, ...GLOBAL_OPTIONS }).map(([name, o]) => [
      name,
      { type: o.type, ...(o.multiple ? { multiple: true } : {}) },
    ]),
  );
  const parsed = (() => {
    try {
      return parseNodeArgs({ args: argv, options, strict: true, allowPositionals: true });
    } catch (e) {
      const known = Object.keys({ ...command.options, ...GLOBAL_OPTIONS });
      throw refusal(e, known, command.usage);
    }
  })();
  const [min, max] = command.positionals;
  const n = parsed.positionals.length;
  if (n < min || n > max) {
    const usage = command.usage;
    throw n > max
      ? inputError('args.unexpected', '', { arg: parsed.positionals[max], usage })
      : inputError('args.missing', '', { usage });
  }
  return { positional: parsed.positionals, options: parsed.values };
}

/** util.parseArgs' own messages are long and name positional tricks; say it shortly. */
function refusal(e: unknown, known: string[], usage: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const message = (e as Error).message;
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = nearest(option.replace(/^-+/, ''), known) ?? null;
    return inputError('option.unknown', '', { option, near, usage });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /does not take an argument/.test(message)
      ? inputError('option.takesNoValue', '', { option, usage })
      : inputError('option.needsValue', '', { option, usage });
  throw e;
}

/** The known option within two edits of a misspelled one. */
function nearest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(name, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

export function stringOption(args: CommandArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function requiredOption(args: CommandArgs, name: string): string {
  const v = stringOption(args, name);
  if (v === undefined || v === '') throw inputError('option.missing', '', { name });
  return v;
}

export function flag(args: CommandArgs, name: string): boolean {
  return args.options[name] === true;
}

export function listOption(args: CommandArgs, name: string): string[] {
  const v = args.options[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Lines in two aligned columns. */
export function columns(rows: [string, string][], indent = '  '): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}  ${right}`.trimEnd());
}

/** `--help` of one command: usage, summary, its options in aligned columns. */
export function commandHelp(command: ArgsShape & { summary: string }): string {
  const rows = Object.entries({ ...command.options, ...GLOBAL_OPTIONS }).map(
    ([name, o]): [string, string] => [
      `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`,
      o.help,
    ],
  );
  return [
    `Usage: target-desk ${command.usage}`,
    command.summary,
    ...(rows.length ? ['', 'Options:', ...columns(rows)] : []),
    '',
  ].join('\n');
}
