/**
 * The 网页版 (dist/web, built by `npm run build`) in Debian's Chromium: all five steps on the sample
 * book held in the page, three filled returns and the sample recognition list imported by choosing
 * files, the book saved (a download where the browser has no save picker), and the saved book
 * compared, cell for cell in every TD_* table, with what the CLI makes of the same inputs; it passes
 * the OOXML schema check; and the page asks nothing of any origin but its own. Screenshots at
 * 1280×800 go to test-output/screenshots/ (SCREENSHOTS=docs/screenshots refreshes the committed ones).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { gzipSync } from 'zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { runCli } from '../support/cli';
import { ooxmlProblems } from '../support/ooxmlCheck';
import { xiachengSample } from '../../src/sample/xiacheng';
import { loadBook, readSnapshot } from '../../src/xlsx';
import { readXlsxGrid } from '../../src/xlsx/returnFile';
import type { TableData } from '../../src/plan/types';
import { launchChromium } from './launchChromium';
import { serveStatic } from './serveStatic';

const root = path.join(__dirname, '..', '..');
const build = path.join(root, 'dist', 'web');
const shots = path.resolve(
  root,
  process.env.SCREENSHOTS ?? path.join('test-output', 'screenshots'),
);
const LIST = path.join(root, 'examples', 'xiacheng-2019-gqq-list.csv');
const DATE = '2019-10-15';
const UNITS = ['武林街道', '天水街道', '区科技局'];

let server: Awaited<ReturnType<typeof serveStatic>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let dir: string;

beforeAll(async () => {
  if (!existsSync(path.join(build, 'index.html')))
    throw new Error('dist/web is missing: run `npm run build`');
  mkdirSync(shots, { recursive: true });
  mkdirSync(path.join(root, 'test-output'), { recursive: true });
  dir = mkdtempSync(path.join(tmpdir(), 'td-web-'));
  server = await serveStatic(build);
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The web page at 1280×800 with a fixed clock; requests to any other origin are collected. */
async function openPage(lang: string, init?: () => void) {
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    if (!/^(blob|data):/.test(r.url()) && !r.url().startsWith(server.url)) foreign.push(r.url());
  });
  if (init) await page.addInitScript(init);
  await page.clock.setFixedTime(new Date(`${DATE}T12:00:00Z`));
  await page.goto(`${server.url}/index.html?lang=${lang}`);
  return { page, errors, foreign };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/** A return template filled in as a unit would: every indicator's 本年累计完成. */
async function fillReturn(template: string, out: string, base: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.worksheets[0];
  const ref = (ws.getTable('TD_Return') as unknown as { table: { tableRef: string } }).table
    .tableRef;
  const [top, bottom] = ref.split(':').map((a) => Number(/\d+/.exec(a)![0]));
  for (let r = top + 1; r <= bottom; r++) ws.getCell(r, 5).value = base + r - top;
  await wb.xlsx.writeFile(out);
}

const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

/** Every TD_* table of a book, with the times rows were written (cells and inside JSON) masked. */
async function tdTables(file: string): Promise<Record<string, Omit<TableData, 'sheet'>>> {
  const { tables } = readSnapshot(await loadBook(file));
  const out: Record<string, Omit<TableData, 'sheet'>> = {};
  for (const [name, t] of Object.entries(tables)) {
    if (!name.startsWith('TD_')) continue;
    out[name] = {
      name,
      ref: t.ref,
      headers: t.headers,
      rows: t.rows.map((row) =>
        row.map((v) => (typeof v === 'string' ? v.replace(ISO_TIME, 'TIME') : v)),
      ),
    };
  }
  return out;
}

const resultText = (page: Page) => page.getByTestId('result').innerText();

describe('网页版 in Chromium', () => {
  test('the initial web bundle is at most 200 KB gzip, ExcelJS and the steps in lazy chunks', () => {
    const html = readFileSync(path.join(build, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(['web.js']);
    const js = readFileSync(path.join(build, 'web.js'));
    const kb = gzipSync(js, { level: 9 }).length / 1024;
    console.log(`initial web bundle: ${kb.toFixed(1)} KB gzip`);
    expect(kb).toBeLessThanOrEqual(200);
    expect(js.toString('utf8').includes('xl/worksheets/')).toBe(false);
    // nothing in the page points outside its folder
    expect(html).not.toMatch(/(src|href)="?(https?:)?\/\//);
  });

  test('zh-CN: five steps, returns and the list, save; the TD_* tables equal the CLI’s', async () => {
    // the CLI's book and the returns it fills in (templates from the CLI, filled as units would)
    const cliBook = path.join(dir, 'cli.xlsx');
    expect(runCli(['init', '--sample', '--out', cliBook]).code).toBe(0);
    const tplDir = path.join(dir, 'templates');
    expect(runCli(['templates', cliBook, '--period', '2019Q3', '--out-dir', tplDir]).code).toBe(0);
    const returns = await Promise.all(
      UNITS.map(async (unit, i) => {
        const name = `2019Q3-${unit}-季度报表.xlsx`;
        await fillReturn(path.join(tplDir, name), path.join(dir, name), i + 1);
        return path.join(dir, name);
      }),
    );

    // no save picker: the book is saved as a download, as in browsers without File System Access
    const { page, errors, foreign } = await openPage('zh-CN', () => {
      delete (window as { showOpenFilePicker?: unknown }).showOpenFilePicker;
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
    try {
      await page.getByText('当前工作簿还没有计划工作表').waitFor();
      expect(await page.getByTestId('file-name').innerText()).toBe('新工作簿（未保存）');
      await shot(page, 'web-zh-CN-0-start');

      // 计划: from the sample; the header shows the plan's name, the view its first sheet
      await page.getByTestId('create-sample').click();
      await page.getByTestId('result').waitFor();
      expect(await resultText(page)).toMatch(/^已建立计划工作表 \d+ 张。$/);
      await page.getByText(xiachengSample().plan.name!, { exact: true }).first().waitFor();
      await page.getByTestId('sheet-view').waitFor();
      await page.getByTestId('unsaved').waitFor();
      await shot(page, 'web-zh-CN-1-plan');

      // 分解: preview, then write
      await page.getByRole('tab', { name: '2 分解' }).click();
      await page.getByTestId('allocate-preview').click();
      await page.getByTestId('allocation-preview').getByText('武林街道').waitFor();
      await page.getByTestId('allocate-write').click();
      await page.getByTestId('result').waitFor();
      expect(await resultText(page)).toMatch(/^已写入任务分解表，共 \d+ 行。$/);
      await shot(page, 'web-zh-CN-2-allocate');

      // 报表: templates in the page; three returns at once, then the sample list
      await page.getByRole('tab', { name: '3 报表' }).click();
      await page.getByTestId('make-templates').click();
      await page.getByTestId('templates').waitFor();
      expect(await page.getByTestId('templates').locator('a').count()).toBe(16);
      const [zipped] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('templates-zip').click(),
      ]);
      expect(zipped.suggestedFilename()).toBe('2019Q3-季度报表模板.zip');
      const zip = await JSZip.loadAsync(readFileSync(await zipped.path()));
      const entries = Object.keys(zip.files).sort();
      expect(entries).toHaveLength(16);
      expect(entries).toContain('2019Q3-武林街道-季度报表.xlsx');
      // each entry is the workbook itself: the CLI's template for the unit, cell for cell
      const name = '2019Q3-武林街道-季度报表.xlsx';
      const fromZip = await readXlsxGrid(await zip.file(name)!.async('nodebuffer'), name);
      const fromCli = await readXlsxGrid(readFileSync(path.join(tplDir, name)), name);
      expect(fromZip.sheets[0].cells).toEqual(fromCli.sheets[0].cells);
      await page.getByTestId('returns-input').setInputFiles(returns);
      const results = page.getByTestId('import-results').locator('li');
      await results.nth(2).waitFor();
      const lines = await results.allInnerTexts();
      expect(lines).toHaveLength(3);
      for (const unit of UNITS) {
        const line = lines.find((l) => l.includes(unit))!;
        expect(line).toContain('已导入');
        expect(line).toContain(`${unit} 2019Q3：3 项`);
      }
      await page.getByTestId('list-input').setInputFiles(LIST);
      const listResult = await page.getByTestId('list-result').innerText();
      expect(listResult).toContain('xiacheng-2019-gqq-list.csv');
      expect(listResult).toMatch(/匹配 \d+ 家/);
      await page.getByTestId('import-results').scrollIntoViewIfNeeded();
      await shot(page, 'web-zh-CN-3-returns');

      // 考核 and 通报 for 2019Q3; the bulletin is shown in the page's sheet view
      await page.getByRole('tab', { name: '4 考核' }).click();
      await page.getByTestId('period-quarter').selectOption('3');
      await page.getByTestId('assess-compute').click();
      await page.getByTestId('ranking').getByText('武林街道').waitFor();
      await shot(page, 'web-zh-CN-4-assess');
      await page.getByRole('tab', { name: '5 通报' }).click();
      await page.getByTestId('period-quarter').selectOption('3');
      await page.getByTestId('bulletin-generate').click();
      await page.getByTestId('result').waitFor();
      expect(await page.getByTestId('view-sheet').inputValue()).toBe('通报 2019Q3');
      const view = page.locator('[data-testid="sheet-view"][data-sheet="通报 2019Q3"]');
      expect(await view.innerText()).toContain('关于2019年第三季度');
      await shot(page, 'web-zh-CN-5-bulletin');

      // save: a download named for a new book; the unsaved mark goes
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('save').click(),
      ]);
      expect(download.suggestedFilename()).toBe('目标考核计划.xlsx');
      const webBook = path.join(dir, 'web.xlsx');
      copyFileSync(await download.path(), webBook);
      await page.getByTestId('unsaved').waitFor({ state: 'detached' });
      expect(await page.getByTestId('file-message').innerText()).toContain('已下载');
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);

      // the CLI on the same inputs: the same steps (考核 and 通报 are two runs in the page)
      expect(runCli(['import-returns', cliBook, ...returns]).code).toBe(0);
      // exit 3: the sample list leaves three companies unmatched on purpose (the rest applied)
      expect(runCli(['import-list', cliBook, LIST, '--indicator', 'gqq_new']).code).toBe(3);
      for (let i = 0; i < 2; i++) {
        const r = runCli(['run', cliBook, '--period', '2019Q3', '--date', DATE]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
      const [web, cli] = await Promise.all([tdTables(webBook), tdTables(cliBook)]);
      expect(Object.keys(web).sort()).toEqual(Object.keys(cli).sort());
      // TD_Log records what was done, and the page did more (分解, and 考核 before 通报): every
      // other table must be the CLI's, cell for cell; the log, the same actions around those two
      for (const name of Object.keys(cli).filter((n) => n !== 'TD_Log'))
        expect({ [name]: web[name] }).toEqual({ [name]: cli[name] });
      const actions = (t: Omit<TableData, 'sheet'>) => t.rows.map((r) => r[1]);
      expect(web.TD_Log.headers).toEqual(cli.TD_Log.headers);
      expect(actions(web.TD_Log)).toEqual([
        ...actions(cli.TD_Log).slice(0, 1),
        '分解',
        ...actions(cli.TD_Log).slice(1),
      ]);
      expect(ooxmlProblems(webBook)).toEqual([]);
    } catch (e) {
      await page.screenshot({
        path: path.join(root, 'test-output', `web-failed-${Date.now()}.png`),
      });
      throw e;
    } finally {
      await page.close();
    }
  });
  test('opened from a folder (file://, an intranet share), without a server', async () => {
    const page = await chromium.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(`file://${path.join(build, 'index.html')}?lang=en-US`);
      await page.getByTestId('create-sample').click();
      await page.getByTestId('result').waitFor();
      expect(await resultText(page)).toMatch(/^Created \d+ plan sheets\.$/);
      expect(await page.getByTestId('view-sheet').inputValue()).toBe('说明');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('File System Access: saves in place, and asks before overwriting a file changed on disk', async () => {
    const planFile = path.join(dir, 'fsa-plan.xlsx');
    expect(runCli(['init', '--sample', '--out', planFile]).code).toBe(0);
    // a file handle as Chromium's picker gives one, over a "disk" the test can change behind the page
    const { page, errors, foreign } = await openPage('zh-CN', () => {
      const disk = { bytes: new Uint8Array(), mtime: 1_000, writes: 0 };
      const handle = {
        kind: 'file',
        name: '下城区计划.xlsx',
        getFile: async () =>
          new File([disk.bytes], '下城区计划.xlsx', { lastModified: disk.mtime }),
        queryPermission: async () => 'granted',
        createWritable: async () => {
          const parts: BlobPart[] = [];
          return {
            write: async (d: BlobPart) => void parts.push(d),
            close: async () => {
              disk.bytes = new Uint8Array(await new Blob(parts).arrayBuffer());
              disk.mtime += 1;
              disk.writes++;
            },
          };
        },
      };
      Object.assign(window, {
        __disk: disk,
        showOpenFilePicker: async () => [handle],
        showSaveFilePicker: async () => {
          throw new Error('no save picker expected: the book has its handle');
        },
      });
    });
    type Disk = { bytes: Uint8Array; mtime: number; writes: number };
    const writes = () => page.evaluate(() => (window as unknown as { __disk: Disk }).__disk.writes);
    const dialogs: string[] = [];
    try {
      await page.getByTestId('open').waitFor();
      await page.evaluate((b64) => {
        (window as unknown as { __disk: Disk }).__disk.bytes = Uint8Array.from(atob(b64), (c) =>
          c.charCodeAt(0),
        );
      }, readFileSync(planFile).toString('base64'));

      // a file that is not a workbook is not opened
      await page.getByTestId('open-input').setInputFiles({
        name: '说明.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('x'),
      });
      expect(await page.getByTestId('file-message').innerText()).toBe(
        '“说明.txt”不是 .xlsx 工作簿，未打开。',
      );

      // dropped on the page, a workbook opens (here without a handle: saving it would download)
      await page.evaluate((b64) => {
        const data = new DataTransfer();
        data.items.add(
          new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], '拖入的计划.xlsx'),
        );
        document
          .querySelector('[data-testid="open"]')!
          .dispatchEvent(
            new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
          );
      }, readFileSync(planFile).toString('base64'));
      await page.getByText('已打开：拖入的计划.xlsx').waitFor();
      expect(await page.getByTestId('file-name').innerText()).toBe('拖入的计划.xlsx');

      await page.getByTestId('open').click();
      await page.getByText('已打开：下城区计划.xlsx').waitFor();
      expect(await page.getByTestId('file-name').innerText()).toBe('下城区计划.xlsx');
      await page.getByText(xiachengSample().plan.name!, { exact: true }).first().waitFor();

      await page.getByRole('tab', { name: '4 考核' }).click();
      await page.getByTestId('period-quarter').selectOption('3');
      await page.getByTestId('assess-compute').click();
      await page.getByTestId('ranking').waitFor();
      await page.getByTestId('unsaved').waitFor();

      // someone saves the file in WPS meanwhile: the page asks, and "cancel" leaves it alone
      await page.evaluate(() => ((window as unknown as { __disk: Disk }).__disk.mtime += 5_000));
      page.once('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.getByTestId('save').click();
      await page.getByText('未覆盖“下城区计划.xlsx”', { exact: false }).waitFor();
      expect(dialogs).toHaveLength(1);
      expect(dialogs[0]).toContain('“下城区计划.xlsx”在本页面打开之后已被其他程序修改');
      expect(await writes()).toBe(0);
      await page.getByTestId('unsaved').waitFor();

      // "OK" overwrites it, in place
      page.once('dialog', (d) => void d.accept());
      await page.getByTestId('save').click();
      await page.getByText('已保存：下城区计划.xlsx').waitFor();
      await page.getByTestId('unsaved').waitFor({ state: 'detached' });
      expect(await writes()).toBe(1);
      const saved = path.join(dir, 'fsa-saved.xlsx');
      const bytes = await page.evaluate(() => [
        ...(window as unknown as { __disk: Disk }).__disk.bytes,
      ]);
      writeFileSync(saved, Buffer.from(bytes));
      const ranking = (await tdTables(saved)).TD_Ranking.rows;
      expect(ranking.filter((r) => r.includes('2019Q3'))).toHaveLength(16);

      // saving again over its own last write asks nothing
      await page.getByTestId('save').click();
      await page.waitForFunction(() => (window as unknown as { __disk: Disk }).__disk.writes === 2);
      expect(dialogs).toHaveLength(1);

      // unsaved changes: leaving the page asks first
      await page.getByTestId('assess-compute').click();
      await page.getByTestId('unsaved').waitFor();
      const leaving = page.waitForEvent('dialog');
      await page.close({ runBeforeUnload: true });
      const dialog = await leaving;
      expect(dialog.type()).toBe('beforeunload');
      await dialog.accept();
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      if (!page.isClosed()) await page.close();
    }
  });
});
