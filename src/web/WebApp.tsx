import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Badge,
  Button,
  FluentProvider,
  makeStyles,
  Select,
  Text,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Strings } from '../i18n/strings';
import { App } from '../taskpane/App';
import type { BookHost, SheetGrid } from './bookHost';
import {
  type BookFile,
  droppedHandle,
  isXlsx,
  pickBook,
  saveBook,
  saveBookAs,
  type SaveOutcome,
  stampOf,
} from './bookStore';
import { loadBookHost } from './loadBookHost';
import { SheetView } from './SheetView';
import type { WebStrings } from './webStrings';

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground3 },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    flexWrap: 'wrap',
    padding: '8px 14px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  fileName: { fontWeight: tokens.fontWeightSemibold, marginLeft: '8px' },
  message: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  columns: { display: 'flex', alignItems: 'flex-start' },
  // the steps and the sheet view scroll apart, as a task pane beside its workbook does
  pane: {
    width: '440px',
    flexShrink: 0,
    height: 'calc(100vh - 49px)',
    overflowY: 'auto',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    '& > div > div': { minHeight: 'calc(100vh - 49px)' },
  },
  view: {
    flexGrow: 1,
    minWidth: 0,
    padding: '12px 14px',
    height: 'calc(100vh - 49px)',
    boxSizing: 'border-box',
  },
  viewHead: { display: 'flex', alignItems: 'center', gap: '10px', marginBottom: '8px' },
  hint: { color: tokens.colorNeutralForeground3 },
  dropping: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
  hidden: { display: 'none' },
});

type Message = { text: string; error?: boolean };

/**
 * The 网页版's page: the task pane's App (same panels, same controller) over the in-page book,
 * with what Excel would otherwise provide — opening and saving the file, and a view of its sheets.
 */
export function WebApp({ strings, web }: { strings: Strings; web: WebStrings }) {
  const s = useStyles();
  const [host, setBookHost] = useState<BookHost>();
  // a new book remounts the steps so that they read it afresh
  const [generation, setGeneration] = useState(0);
  const [file, setFile] = useState<BookFile>({ name: '' });
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string>();
  const [grid, setGrid] = useState<SheetGrid>();
  const [dropping, setDropping] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let off: (() => void) | undefined;
    void loadBookHost().then((h) => {
      setBookHost(h);
      const update = () => {
        setDirty(h.dirty);
        const names = h.sheetNames();
        setSheets(names);
        const shown = h.takeActivated();
        setSheet((current) => shown ?? (current && names.includes(current) ? current : names[0]));
      };
      off = h.subscribe(update);
      update();
    });
    return () => off?.();
  }, []);

  // the view follows the book: redrawn after each step (host changes bump `sheets`)
  useEffect(() => {
    setGrid(host && sheet ? host.sheet(sheet) : undefined);
  }, [host, sheet, sheets, dirty, generation]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const replaceBook = useCallback(
    async (load: (h: BookHost) => Promise<void> | void, next: BookFile): Promise<boolean> => {
      // a file dropped while ExcelJS is still loading waits for it rather than being lost
      const h = await loadBookHost();
      if (h.dirty && !window.confirm(web.discard)) return false;
      await load(h);
      setFile(next);
      setSheet(undefined);
      setGeneration((g) => g + 1);
      return true;
    },
    [web],
  );

  const open = useCallback(
    async (f: File, handle?: FileSystemFileHandle) => {
      if (!isXlsx(f.name)) {
        setMessage({ text: web.notXlsx(f.name), error: true });
        return;
      }
      try {
        const data = new Uint8Array(await f.arrayBuffer());
        const next = { name: f.name, handle, stamp: stampOf(f) };
        if (await replaceBook((h) => h.open(data, f.name), next))
          setMessage({ text: web.opened(f.name) });
      } catch (e) {
        setMessage({ text: web.cannotOpen(f.name, (e as Error).message), error: true });
      }
    },
    [replaceBook, web],
  );

  const saveName =
    file.name || (strings.lang === 'zh-CN' ? '目标考核计划.xlsx' : 'target-plan.xlsx');
  const report = (outcome: SaveOutcome) => {
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'refused') {
      setMessage({ text: web.notOverwritten(file.name), error: true });
      return;
    }
    setFile(outcome.file);
    host?.markSaved();
    setMessage({
      text:
        outcome.kind === 'saved' ? web.saved(outcome.file.name) : web.downloaded(outcome.file.name),
    });
  };
  const save = async (as: boolean) => {
    if (!host) return;
    try {
      const data = await host.package();
      report(
        as
          ? await saveBookAs(data, saveName)
          : await saveBook(data, { ...file, name: saveName }, () =>
              window.confirm(web.changedOnDisk(file.name)),
            ),
      );
    } catch (e) {
      setMessage({ text: web.cannotSave((e as Error).message), error: true });
    }
  };

  const onDrop = async (e: React.DragEvent) => {
    e.preventDefault();
    setDropping(false);
    const f = e.dataTransfer.files[0];
    if (!f) return;
    // read the handle before any await: the drop's data is gone after the event
    const handle = droppedHandle(e.dataTransfer.items[0]).catch(() => undefined);
    await open(f, await handle);
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <div
        className={`${s.page} ${dropping ? s.dropping : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDropping(true);
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={(e) => void onDrop(e)}
      >
        <div className={s.toolbar}>
          <Badge appearance="tint">{web.edition}</Badge>
          <Button
            data-testid="open"
            appearance="primary"
            disabled={!host}
            onClick={() =>
              void pickBook(() => input.current?.click()).then(
                (picked) => picked && open(picked.file, picked.handle),
                (e: Error) => setMessage({ text: e.message, error: true }),
              )
            }
          >
            {web.open}
          </Button>
          <input
            ref={input}
            className={s.hidden}
            type="file"
            accept=".xlsx"
            data-testid="open-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void open(f);
            }}
          />
          <Button data-testid="save" disabled={!host} onClick={() => void save(false)}>
            {web.save}
          </Button>
          <Button data-testid="save-as" disabled={!host} onClick={() => void save(true)}>
            {web.saveAs}
          </Button>
          <Text className={s.fileName} data-testid="file-name">
            {file.name || web.untitled}
          </Text>
          {dirty && (
            <Badge color="warning" data-testid="unsaved">
              {web.unsaved}
            </Badge>
          )}
          <Text
            className={message?.error ? s.error : s.message}
            data-testid="file-message"
            aria-live="polite"
          >
            {message?.text ?? web.dropHere}
          </Text>
        </div>
        <div className={s.columns}>
          <div className={s.pane}>
            <App key={generation} strings={strings} initialStep="plan" dark={false} />
          </div>
          <section className={s.view} aria-label={web.viewTitle}>
            <div className={s.viewHead}>
              <Text weight="semibold">{web.viewTitle}</Text>
              {sheets.length > 0 && (
                <Select
                  size="small"
                  aria-label={web.sheet}
                  data-testid="view-sheet"
                  value={sheet ?? ''}
                  onChange={(_, d) => setSheet(d.value)}
                >
                  {sheets.map((n) => (
                    <option key={n}>{n}</option>
                  ))}
                </Select>
              )}
              <Text size={200} className={s.hint}>
                {web.privacy}
              </Text>
            </div>
            {grid ? (
              grid.rows.length ? (
                <SheetView grid={grid} />
              ) : (
                <Text className={s.hint}>{web.emptySheet}</Text>
              )
            ) : (
              <Text className={s.hint}>{web.noSheets}</Text>
            )}
          </section>
        </div>
      </div>
    </FluentProvider>
  );
}
