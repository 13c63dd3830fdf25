import { ArgsOf, Code, formatProblem, Problem, problem } from './messages/catalogue';

export type { Problem } from './messages/catalogue';
export { formatProblem, formatProblemIn, problem, problemText } from './messages/catalogue';

/**
 * A user error: bad input, reported in full (every problem, not just the first) and never with a
 * stack trace. The CLI maps it to exit code 2 and prints the problems in the user's language; the
 * task pane shows them in its own. The message is the English text (logs, stack traces).
 */
export class InputError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(problems.map((p) => formatProblem(p)).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** One problem, thrown. */
export function inputError<C extends Code>(code: C, where: string, args: ArgsOf<C>): InputError {
  return new InputError([problem(code, where, args)]);
}

/**
 * The code of a refusal with a single problem, by shape: the task pane's chunks (engine, jobs,
 * adapter) may each hold their own copy of the class, so callers branch on this, not on text.
 */
export function refusalCode(e: unknown): Code | undefined {
  const problems = (e as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(problems) || problems.length !== 1) return undefined;
  const code: unknown = (problems[0] as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? (code as Code) : undefined;
}
