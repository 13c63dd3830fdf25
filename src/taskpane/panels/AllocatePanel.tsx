import { useState } from 'react';
import { Button, Field, makeStyles, Select } from '@fluentui/react-components';
import type { StepProps } from '../App';
import type { AllocationOptions, AllocationPreview, Method } from '../controllerTypes';
import { DataTable } from '../components/DataTable';
import { Feedback } from '../components/Feedback';
import { Section } from '../components/Section';
import { loadController } from '../loadController';
import { useJob } from '../useJob';

const useStyles = makeStyles({ buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' } });

export default function AllocatePanel({ strings, summary, refresh }: StepProps) {
  const t = strings.allocate;
  const s = useStyles();
  const job = useJob();
  const allocatable = summary.indicators.filter((i) => i.allocatable);
  // one indicator at a time reads best in a narrow pane; 全部 is one choice away
  const [options, setOptions] = useState<AllocationOptions>({
    year: Number(summary.period.slice(0, 4)),
    ...(allocatable[0] ? { indicator: allocatable[0].id } : {}),
  });
  const [preview, setPreview] = useState<AllocationPreview | undefined>();
  const [written, setWritten] = useState(false);
  const change = (patch: Partial<AllocationOptions>) => {
    setOptions({ ...options, ...patch });
    setPreview(undefined);
    setWritten(false);
    job.reset();
  };

  if (!summary.targets) return <Section title={strings.steps.allocate}>{t.noTargets}</Section>;

  const showPreview = () =>
    job.run(strings.busy, async () => {
      setWritten(false);
      setPreview(await (await loadController()).previewAllocation(options));
    });
  const write = () =>
    job.run(
      strings.writing,
      async () => {
        const result = await (await loadController()).writeAllocation(options);
        setWritten(true);
        await refresh();
        return result;
      },
      (r) => t.written(r.rows),
    );

  return (
    <>
      <Section title={strings.steps.allocate}>
        <Field label={t.year}>
          <Select
            value={String(options.year)}
            onChange={(_, d) => change({ year: Number(d.value) })}
            data-testid="allocate-year"
          >
            {summary.years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.indicator}>
          <Select
            value={options.indicator ?? ''}
            onChange={(_, d) => change({ indicator: d.value || undefined })}
            data-testid="allocate-indicator"
          >
            <option value="">{t.allIndicators}</option>
            {allocatable.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.method}>
          <Select
            value={options.method ?? ''}
            onChange={(_, d) => change({ method: (d.value || undefined) as Method | undefined })}
            data-testid="allocate-method"
          >
            <option value="">{t.methodFromPlan}</option>
            {Object.entries(t.methods).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <div className={s.buttons}>
          <Button
            appearance={preview ? 'secondary' : 'primary'}
            disabled={job.busy}
            onClick={() => void showPreview()}
            data-testid="allocate-preview"
          >
            {t.preview}
          </Button>
          <Button
            appearance={preview ? 'primary' : 'secondary'}
            disabled={job.busy || !preview || written}
            onClick={() => void write()}
            data-testid="allocate-write"
          >
            {t.write}
          </Button>
        </div>
      </Section>
      <Feedback strings={strings} state={job.state} />
      {preview ? (
        <Section title={written ? t.writtenTitle : t.previewTitle} testId="allocation-preview">
          <DataTable
            headers={[t.unit, ...preview.columns.map((c) => `${c.name}（${c.measure}）`)]}
            numeric={[false, ...preview.columns.map(() => true)]}
            rows={preview.rows.map((r) => [r.name, ...r.quotas])}
            footer={[t.total, ...preview.columns.map((c) => c.total)]}
          />
        </Section>
      ) : null}
    </>
  );
}
