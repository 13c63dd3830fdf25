import { useCallback, useRef, useState } from 'react';
export type JobState =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string }
  | { kind: 'done'; message: string; notices: string[] }
  | { kind: 'error'; error: unknown };

/**
 * Runs one piece of work at a time with a progress label, and keeps its outcome for <Feedback>:
 * the success message the work returns, or its error.
 */
export function useJob() {
  const [state, setState] = useState<JobState>({ kind: 'idle' });
  const busy = useRef(false);
  const run = useCallback(
    async <T>(
      label: string,
      work: () => Promise<T>,
      /** The success line, and what the host could not do (features above ExcelApi 1.7). */
      message?: (result: T) => string | { message: string; notices: string[] } | undefined,
    ) => {
      if (busy.current) return undefined;
      busy.current = true;
      setState({ kind: 'busy', label });
      try {
        const result = await work();
        const said = message?.(result);
        if (said === undefined) setState({ kind: 'idle' });
        else
          setState(
            typeof said === 'string'
              ? { kind: 'done', message: said, notices: [] }
              : { kind: 'done', ...said },
          );
        return result;
      } catch (error) {
        console.error(error);
        setState({ kind: 'error', error });
        return undefined;
      } finally {
        busy.current = false;
      }
    },
    [],
  );
  return { state, run, busy: state.kind === 'busy', reset: () => setState({ kind: 'idle' }) };
}
