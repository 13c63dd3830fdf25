import { useState } from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { StepProps } from '../App';
import { Feedback } from '../components/Feedback';
import { PeriodPicker } from '../components/PeriodPicker';
import { Section } from '../components/Section';
import { loadController } from '../loadController';
import { useJob } from '../useJob';

const useStyles = makeStyles({ confirm: { display: 'flex', gap: '8px', marginTop: '6px' } });

export default function BulletinPanel({ strings, summary, refresh }: StepProps) {
  const t = strings.bulletin;
  const s = useStyles();
  const job = useJob();
  const [period, setPeriod] = useState(summary.period);
  const [edited, setEdited] = useState<string | undefined>();

  const generate = (overwrite: boolean) =>
    job.run(
      strings.writing,
      async () => {
        setEdited(undefined);
        const outcome = await (await loadController()).generateBulletin(period, overwrite);
        if ('editedSheet' in outcome) setEdited(outcome.editedSheet);
        else await refresh();
        return outcome;
      },
      (o) => ('sheet' in o ? { message: t.generated(o.sheet), notices: o.notices } : undefined),
    );

  return (
    <>
      <Section title={strings.steps.bulletin}>
        <PeriodPicker
          strings={strings}
          label={t.period}
          years={summary.years}
          value={period}
          onChange={(p) => {
            setPeriod(p);
            setEdited(undefined);
            job.reset();
          }}
          disabled={job.busy}
        />
        <Button
          appearance="primary"
          disabled={job.busy}
          onClick={() => void generate(false)}
          data-testid="bulletin-generate"
        >
          {t.generate}
        </Button>
      </Section>
      {edited ? (
        <MessageBar intent="warning" layout="multiline" data-testid="bulletin-edited">
          <MessageBarBody>
            <MessageBarTitle>{t.editedTitle}</MessageBarTitle>
            {t.edited(edited)}
            <div className={s.confirm}>
              <Button
                size="small"
                appearance="primary"
                onClick={() => void generate(true)}
                data-testid="bulletin-overwrite"
              >
                {t.overwrite}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  setEdited(undefined);
                  job.reset();
                }}
              >
                {t.keep}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Feedback strings={strings} state={job.state} />
    </>
  );
}
