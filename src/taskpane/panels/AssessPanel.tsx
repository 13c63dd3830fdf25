import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { StepProps } from '../App';
import type { RankingRow } from '../controllerTypes';
import { DataTable } from '../components/DataTable';
import { Feedback } from '../components/Feedback';
import { PeriodPicker } from '../components/PeriodPicker';
import { Section } from '../components/Section';
import { loadController } from '../loadController';
import { useJob } from '../useJob';

export default function AssessPanel({ strings, summary, refresh }: StepProps) {
  const t = strings.assess;
  const job = useJob();
  const [period, setPeriod] = useState(summary.period);
  const [ranking, setRanking] = useState<RankingRow[] | undefined>();

  const compute = () =>
    job.run(
      strings.busy,
      async () => {
        const rows = await (await loadController()).computeScores(period);
        setRanking(rows);
        await refresh();
        return rows;
      },
      (rows) => t.computed(rows.length),
    );

  return (
    <>
      <Section title={strings.steps.assess}>
        <PeriodPicker
          strings={strings}
          label={t.period}
          years={summary.years}
          value={period}
          onChange={(p) => {
            setPeriod(p);
            setRanking(undefined);
            job.reset();
          }}
          disabled={job.busy}
        />
        <Button
          appearance="primary"
          disabled={job.busy}
          onClick={() => void compute()}
          data-testid="assess-compute"
        >
          {t.compute}
        </Button>
      </Section>
      <Feedback strings={strings} state={job.state} />
      {ranking ? (
        <Section title={`${t.resultTitle} ${period}`} testId="ranking">
          <DataTable
            headers={[t.unit, t.type, t.total, t.rank, t.grade]}
            numeric={[false, false, true, true, false]}
            rows={ranking.map((r) => [
              r.name,
              t.unitTypes[r.type] ?? r.type,
              r.total.toFixed(2),
              r.rank,
              r.grade,
            ])}
          />
        </Section>
      ) : null}
    </>
  );
}
