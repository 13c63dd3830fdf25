import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import {
  FluentProvider,
  makeStyles,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import type { Strings } from '../i18n/strings';
import { STEPS, type Step } from './steps';
import type { PlanSummary } from './controllerTypes';
import { loadController } from './loadController';
import { Feedback } from './components/Feedback';
import { StepBoundary } from './components/StepBoundary';
import { useJob } from './useJob';

// Each step's panel is its own chunk: the first paint needs only the shell.
const panels = {
  plan: lazy(() => import(/* webpackChunkName: "step-plan" */ './panels/PlanPanel')),
  allocate: lazy(() => import(/* webpackChunkName: "step-allocate" */ './panels/AllocatePanel')),
  returns: lazy(() => import(/* webpackChunkName: "step-returns" */ './panels/ReturnsPanel')),
  assess: lazy(() => import(/* webpackChunkName: "step-assess" */ './panels/AssessPanel')),
  bulletin: lazy(() => import(/* webpackChunkName: "step-bulletin" */ './panels/BulletinPanel')),
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: '10px',
    padding: '12px 14px 8px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  logo: { width: '32px', height: '32px', flexShrink: 0 },
  titles: { display: 'flex', flexDirection: 'column' },
  tabs: {
    backgroundColor: tokens.colorNeutralBackground1,
    paddingLeft: '4px',
    overflowX: 'auto',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  body: { padding: '12px 14px 24px', display: 'flex', flexDirection: 'column', gap: '12px' },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface StepProps {
  strings: Strings;
  summary: PlanSummary;
  /** Re-read the plan after a step wrote to the workbook. */
  refresh: () => Promise<void>;
}

export function App({
  strings,
  initialStep,
  dark,
}: {
  strings: Strings;
  initialStep: Step;
  dark: boolean;
}) {
  const s = useStyles();
  const [step, setStep] = useState<Step>(initialStep);
  const [summary, setSummary] = useState<PlanSummary | undefined>();
  const loading = useJob();
  const { run } = loading;

  const refresh = useCallback(async () => {
    const controller = await loadController();
    setSummary(await controller.summary());
  }, []);

  useEffect(() => {
    void run(strings.reading, async () => {
      await refresh();
      return undefined;
    });
  }, [run, refresh, strings]);

  const Panel = panels[step];
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <div className={s.root}>
        <header className={s.header}>
          <img className={s.logo} src="assets/icon-64.png" alt="" />
          <div className={s.titles}>
            <Text weight="semibold" size={400}>
              {strings.appTitle}
            </Text>
            <Text size={200} className={s.hint}>
              {summary?.name || strings.appSubtitle}
            </Text>
          </div>
        </header>
        <TabList
          className={s.tabs}
          size="small"
          selectedValue={step}
          onTabSelect={(_, d) => setStep(d.value as Step)}
          aria-label={strings.appTitle}
        >
          {STEPS.map((id, i) => (
            <Tab key={id} value={id} data-step={id}>
              {strings.stepLabel(i + 1, strings.steps[id])}
            </Tab>
          ))}
        </TabList>
        <main className={s.body}>
          <Text size={300} className={s.hint}>
            {strings.stepHints[step]}
          </Text>
          {summary ? (
            <StepBoundary key={step} strings={strings}>
              <Suspense fallback={<Spinner size="small" label={strings.busy} />}>
                <Panel strings={strings} summary={summary} refresh={refresh} />
              </Suspense>
            </StepBoundary>
          ) : (
            <Feedback strings={strings} state={loading.state} />
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
