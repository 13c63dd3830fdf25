import { useState } from 'react';
import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { StepProps } from '../App';
import type { DownloadFile } from '../controllerTypes';
import { Feedback } from '../components/Feedback';
import { PeriodPicker } from '../components/PeriodPicker';
import { Section } from '../components/Section';
import { loadController } from '../loadController';
import { useJob } from '../useJob';

const useStyles = makeStyles({
  confirm: { display: 'flex', gap: '8px', marginTop: '6px' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

export default function BulletinPanel({ strings, summary, refresh }: StepProps) {
  const t = strings.bulletin;
  const s = useStyles();
  const job = useJob();
  const [period, setPeriod] = useState(summary.period);
  const [edited, setEdited] = useState<string | undefined>();
  const [docFile, setDocFile] = useState<{ name: string; url: string } | undefined>();

  /**
   * Built in the pane and handed over as a blob download (docs/addin.md: Excel on the web and the
   * 网页版 save it; where a desktop webview ignores the click, the link stays for the user).
   */
  const exportDocument = () =>
    job.run(
      strings.reading,
      async () => {
        if (docFile) URL.revokeObjectURL(docFile.url);
        setDocFile(undefined);
        const file: DownloadFile = await (await loadController()).bulletinDocument(period);
        const url = URL.createObjectURL(
          new Blob([new Uint8Array(file.data)], {
            type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          }),
        );
        setDocFile({ name: file.name, url });
        const a = window.document.createElement('a');
        a.href = url;
        a.download = file.name;
        a.click();
        return file.name;
      },
      (name) => t.exported(name),
    );

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
        <div className={s.actions}>
          <Button
            appearance="primary"
            disabled={job.busy}
            onClick={() => void generate(false)}
            data-testid="bulletin-generate"
          >
            {t.generate}
          </Button>
          <Button
            disabled={job.busy}
            onClick={() => void exportDocument()}
            data-testid="bulletin-docx"
          >
            {t.exportDocx}
          </Button>
        </div>
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
      {docFile && job.state.kind === 'done' ? (
        <Link href={docFile.url} download={docFile.name} data-testid="bulletin-docx-link">
          {docFile.name}
        </Link>
      ) : null}
    </>
  );
}
