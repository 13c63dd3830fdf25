import { useEffect, useRef, useState } from 'react';
import {
  Badge,
  Button,
  Field,
  Link,
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { StepProps } from '../App';
import type { DownloadFile, FileResult, ListResult } from '../controllerTypes';
import { Feedback } from '../components/Feedback';
import { PeriodPicker } from '../components/PeriodPicker';
import { Section } from '../components/Section';
import { loadController } from '../loadController';
import { useJob } from '../useJob';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const useStyles = makeStyles({
  files: {
    margin: 0,
    paddingLeft: 0,
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
  },
  file: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    paddingBottom: '6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', alignItems: 'center', gap: '6px', wordBreak: 'break-all' },
  problem: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200 },
  hidden: { display: 'none' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

/** The chosen files, taken before the input is cleared (clearing empties its FileList). */
function takeFiles(input: HTMLInputElement): File[] {
  const files = [...(input.files ?? [])];
  input.value = '';
  return files;
}

async function readFiles(list: File[]): Promise<DownloadFile[]> {
  return Promise.all(
    list.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** Object URLs for generated workbooks, released when the list changes or the panel closes. */
function useDownloads(files: DownloadFile[]) {
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    const made = files.map((f) =>
      URL.createObjectURL(new Blob([f.data as BlobPart], { type: XLSX })),
    );
    setUrls(made);
    return () => made.forEach((u) => URL.revokeObjectURL(u));
  }, [files]);
  return urls;
}

export default function ReturnsPanel({ strings, summary, refresh }: StepProps) {
  const t = strings.returns;
  const s = useStyles();
  const job = useJob();
  // the outcome shows in the section whose button ran, where the user is looking
  const [ran, setRan] = useState<'templates' | 'returns' | 'list'>('templates');
  const feedback = (section: typeof ran) =>
    ran === section ? <Feedback strings={strings} state={job.state} /> : null;
  const [period, setPeriod] = useState(summary.period);
  const [templates, setTemplates] = useState<DownloadFile[]>([]);
  const urls = useDownloads(templates);
  const [imported, setImported] = useState<FileResult[]>([]);
  const [listResult, setListResult] = useState<ListResult | undefined>();
  const listIndicators = summary.indicators.filter((i) => i.allocatable);
  const [indicator, setIndicator] = useState(listIndicators[0]?.id ?? '');
  const returnsInput = useRef<HTMLInputElement>(null);
  const listInput = useRef<HTMLInputElement>(null);

  const makeTemplates = () =>
    job.run(
      strings.busy,
      async () => {
        setRan('templates');
        const files = await (await loadController()).makeTemplates(period);
        setTemplates(files);
        return files;
      },
      (files) => t.templatesMade(files.length),
    );

  const importReturns = (list: File[]) =>
    job.run(strings.writing, async () => {
      setRan('returns');
      const results = await (await loadController()).importReturns(await readFiles(list));
      setImported(results);
      await refresh();
    });

  const importList = (list: File[]) =>
    job.run(strings.writing, async () => {
      setRan('list');
      const [file] = await readFiles(list);
      if (!file) return;
      setListResult(await (await loadController()).importList(file, indicator));
      await refresh();
    });

  const downloadAll = () => {
    urls.forEach((href, i) => {
      const a = document.createElement('a');
      a.href = href;
      a.download = templates[i].name;
      a.click();
    });
  };

  // one file to send on, for mail systems and shares that take one attachment at a time
  const downloadZip = async () => {
    const { default: JSZip } = await import(/* webpackChunkName: "jszip" */ 'jszip');
    const zip = new JSZip();
    for (const f of templates) zip.file(f.name, f.data);
    // the workbooks are compressed already: stored, not deflated again
    const blob = await zip.generateAsync({ type: 'blob', mimeType: 'application/zip' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = t.zipName(period);
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  };

  return (
    <>
      <Section title={t.templatesTitle} help={t.templatesHelp}>
        <PeriodPicker
          strings={strings}
          label={t.period}
          years={summary.years}
          value={period}
          onChange={(p) => {
            setPeriod(p);
            setTemplates([]);
          }}
          disabled={job.busy}
        />
        <Button
          appearance="primary"
          disabled={job.busy}
          onClick={() => void makeTemplates()}
          data-testid="make-templates"
        >
          {t.makeTemplates}
        </Button>
        {feedback('templates')}
        {templates.length ? (
          <>
            <ul className={s.files} data-testid="templates">
              {templates.map((f, i) => (
                <li key={f.name}>
                  <Link href={urls[i]} download={f.name}>
                    {f.name}
                  </Link>
                </li>
              ))}
            </ul>
            <div className={s.buttons}>
              <Button onClick={downloadAll}>{t.downloadAll}</Button>
              <Button onClick={() => void downloadZip()} data-testid="templates-zip">
                {t.downloadZip}
              </Button>
            </div>
          </>
        ) : null}
      </Section>

      <Section title={t.importTitle} help={t.importHelp}>
        <input
          ref={returnsInput}
          className={s.hidden}
          type="file"
          multiple
          accept=".xlsx"
          data-testid="returns-input"
          onChange={(e) => void importReturns(takeFiles(e.target))}
        />
        <Button disabled={job.busy} onClick={() => returnsInput.current?.click()}>
          {t.chooseReturns}
        </Button>
        {feedback('returns')}
        {imported.length ? (
          <ul className={s.files} data-testid="import-results">
            {imported.map((r) => (
              <li key={r.file} className={s.file}>
                <div className={s.head}>
                  <Badge color={r.accepted ? 'success' : 'danger'}>
                    {r.accepted ? t.accepted : t.rejected}
                  </Badge>
                  <Text weight="semibold">{r.file}</Text>
                </div>
                {r.taken ? (
                  <Text size={200}>{t.taken(r.taken.unit, r.taken.period, r.taken.values)}</Text>
                ) : null}
                {r.problems.map((p, i) => (
                  <span key={`p${i}`} className={s.problem}>
                    {p.where}：{strings.problem(p)}
                  </span>
                ))}
                {r.warnings.map((p, i) => (
                  <span key={`w${i}`} className={s.warning}>
                    {t.warnings} {p.where}：{strings.problem(p)}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        ) : null}
      </Section>

      <Section title={t.listTitle} help={t.listHelp}>
        <Field label={t.listIndicator}>
          <Select value={indicator} onChange={(_, d) => setIndicator(d.value)}>
            {listIndicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </Select>
        </Field>
        <input
          ref={listInput}
          className={s.hidden}
          type="file"
          accept=".xlsx,.csv"
          data-testid="list-input"
          onChange={(e) => void importList(takeFiles(e.target))}
        />
        <Button disabled={job.busy || !indicator} onClick={() => listInput.current?.click()}>
          {t.chooseList}
        </Button>
        {feedback('list')}
        {listResult ? (
          <ul className={s.files} data-testid="list-result">
            <li className={s.file}>
              <Text weight="semibold">{listResult.file}</Text>
              <Text size={200}>{t.matched(listResult.matched)}</Text>
              {listResult.unmatched ? (
                <span className={s.warning}>{t.unmatched(listResult.unmatched)}</span>
              ) : null}
              {listResult.duplicates ? (
                <span className={s.warning}>{t.duplicates(listResult.duplicates)}</span>
              ) : null}
              {listResult.warnings.map((p, i) => (
                <span key={i} className={s.warning}>
                  {t.warnings} {p.where}：{strings.problem(p)}
                </span>
              ))}
            </li>
          </ul>
        ) : null}
      </Section>
    </>
  );
}
