import { useState } from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { StepProps } from '../App';
import { Feedback } from '../components/Feedback';
import { Section } from '../components/Section';
import { loadController } from '../loadController';
import { useJob } from '../useJob';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: '12px',
    rowGap: '4px',
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  buttons: { display: 'flex', flexDirection: 'column', gap: '8px' },
  confirm: { display: 'flex', gap: '8px', marginTop: '6px' },
});

export default function PlanPanel({ strings, summary, refresh }: StepProps) {
  const t = strings.plan;
  const s = useStyles();
  const job = useJob();
  const [pending, setPending] = useState<'sample' | 'blank' | undefined>();

  const create = (source: 'sample' | 'blank') =>
    job.run(
      strings.writing,
      async () => {
        setPending(undefined);
        const result = await (await loadController()).createPlan(source);
        await refresh();
        return result;
      },
      (r) => ({ message: t.created(r.sheets), notices: r.notices }),
    );
  const ask = (source: 'sample' | 'blank') =>
    summary.hasPlan ? setPending(source) : void create(source);

  const facts: [string, string][] = [
    [t.planName, summary.name || '—'],
    [t.district, summary.district || '—'],
    [t.organization, summary.organization || '—'],
    [t.units, t.count(summary.units)],
    [t.indicators, t.count(summary.indicators.length)],
    [t.targets, t.count(summary.targets)],
    [t.years, summary.years.join('、') || '—'],
  ];

  return (
    <>
      <Section title={t.summaryTitle} testId="plan-summary">
        {summary.hasPlan ? (
          <dl className={s.facts}>
            {facts.map(([k, v]) => [
              <dt key={`${k}-k`} className={s.term}>
                {k}
              </dt>,
              <dd key={`${k}-v`} className={s.value}>
                {v}
              </dd>,
            ])}
          </dl>
        ) : (
          <Text>{t.noPlan}</Text>
        )}
      </Section>
      <div className={s.buttons}>
        <Button
          appearance="primary"
          disabled={job.busy}
          onClick={() => ask('sample')}
          data-testid="create-sample"
        >
          {t.fromSample}
        </Button>
        <Button disabled={job.busy} onClick={() => ask('blank')} data-testid="create-blank">
          {t.fromScratch}
        </Button>
      </div>
      {pending ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t.replaceWarning}
            <div className={s.confirm}>
              <Button
                size="small"
                appearance="primary"
                onClick={() => void create(pending)}
                data-testid="confirm-create"
              >
                {pending === 'sample' ? t.fromSample : t.fromScratch}
              </Button>
              <Button size="small" onClick={() => setPending(undefined)}>
                {strings.bulletin.keep}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Feedback strings={strings} state={job.state} />
    </>
  );
}
