import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ProblemText, Strings } from '../../i18n/strings';
import type { JobState } from '../useJob';

const useStyles = makeStyles({
  busy: { display: 'flex', flexDirection: 'column', gap: '6px' },
  problems: {
    margin: '6px 0 0',
    paddingLeft: '18px',
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  where: { fontWeight: tokens.fontWeightSemibold },
});

type ProblemLike = ProblemText & { where: string };

/** An InputError (by shape: the engine, the jobs and the adapter may each be a separate chunk). */
function problemsOf(error: unknown): ProblemLike[] | undefined {
  const problems = (error as { problems?: unknown } | null)?.problems;
  return Array.isArray(problems) ? (problems as ProblemLike[]) : undefined;
}

/** Progress while work runs, then its outcome: a success line, or every problem with its place. */
export function Feedback({ strings, state }: { strings: Strings; state: JobState }) {
  const s = useStyles();
  if (state.kind === 'busy') {
    return (
      <div className={s.busy} role="status" aria-live="polite" data-testid="progress">
        <Text>{state.label}</Text>
        <ProgressBar thickness="large" />
      </div>
    );
  }
  if (state.kind === 'done') {
    return (
      <>
        <MessageBar intent="success" data-testid="result">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
        {state.notices.length ? (
          <MessageBar intent="warning" layout="multiline" data-testid="notices">
            <MessageBarBody>
              <MessageBarTitle>{strings.noticesTitle}</MessageBarTitle>
              <ul className={s.problems}>
                {state.notices.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </>
    );
  }
  if (state.kind === 'error') {
    const problems = problemsOf(state.error);
    return (
      <MessageBar intent="error" layout="multiline" data-testid="error">
        <MessageBarBody>
          <MessageBarTitle>
            {problems ? strings.inputErrorTitle : strings.unexpectedErrorTitle}
          </MessageBarTitle>
          {problems ? (
            <ul className={s.problems}>
              {problems.map((p, i) => (
                <li key={i}>
                  {p.where ? <span className={s.where}>{p.where}：</span> : null}
                  {strings.problem(p)}
                </li>
              ))}
            </ul>
          ) : (
            <div>{state.error instanceof Error ? state.error.message : String(state.error)}</div>
          )}
          <div>{strings.unchanged}</div>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
