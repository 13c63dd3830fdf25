/**
 * One problem with the input, located by a JSON path (`targets[2].method`) or a file/sheet/cell.
 * `message` is English (the CLI, the SPEC's examples); `zh` says the same in Chinese for the task
 * pane, with the same `where`.
 */
export interface Problem {
  where: string;
  message: string;
  zh?: string;
}

/**
 * A user error: bad input, reported in full (every problem, not just the first) and never with a
 * stack trace. The CLI maps it to exit code 2; the task pane shows the problems in Chinese.
 */
export class InputError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[] | string, where = '', zh?: string) {
    const list =
      typeof problems === 'string'
        ? [zh === undefined ? { where, message: problems } : { where, message: problems, zh }]
        : problems;
    super(list.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = list;
  }
}

export function formatProblem(p: Problem): string {
  return p.where ? `${p.where}: ${p.message}` : p.message;
}
