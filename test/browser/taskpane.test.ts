/**
 * The task pane in a real browser (Debian's Chromium through playwright-core) on the simulated Excel
 * host: the built test harness (npm run build:test-harness, run by pretest) is served from
 * 127.0.0.1 and clicked through as a user would — 计划 (create from the sample) → 分解 (preview,
 * write) → 报表 (templates) → 考核 → 通报 — in Chinese and in English, checking the workbook after
 * every step. Screenshots of each step go to test-output/screenshots/, or to the folder named by
 * SCREENSHOTS (`SCREENSHOTS=docs/screenshots npx jest test/browser` refreshes the committed ones).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import { gzipSync } from 'zlib';
import type { Page } from 'playwright-core';
import type { HarnessApi } from './harness/harness';
import { launchChromium } from './launchChromium';
import { serveStatic } from './serveStatic';

const root = path.join(__dirname, '..', '..');
const build = path.join(root, 'dist', 'test-harness');
const shots = path.resolve(
  root,
  process.env.SCREENSHOTS ?? path.join('test-output', 'screenshots'),
);

let server: Awaited<ReturnType<typeof serveStatic>>;
let chromium: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  if (!existsSync(path.join(build, 'test-harness.html'))) {
    throw new Error(
      'dist/test-harness is missing: run `npm run build:test-harness` (npm test runs it in pretest)',
    );
  }
  mkdirSync(shots, { recursive: true });
  mkdirSync(path.join(root, 'test-output'), { recursive: true });
  server = await serveStatic(build);
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

type Workbook = {
  [K in keyof HarnessApi]: (
    ...args: Parameters<HarnessApi[K]>
  ) => Promise<ReturnType<HarnessApi[K]>>;
};

/** The simulated workbook behind the page, queried inside the page. */
function workbookOf(page: Page): Workbook {
  return new Proxy({} as Workbook, {
    get:
      (_, method: string) =>
      (...args: unknown[]) =>
        page.evaluate(
          ([m, a]) => {
            const api = (
              window as unknown as { __targetDesk: Record<string, (...x: unknown[]) => unknown> }
            ).__targetDesk;
            return api[m as string](...(a as unknown[]));
          },
          [method, args] as const,
        ),
  });
}

/**
 * Opens the task pane in `lang`, runs `steps` on it, and closes it; a failing step leaves a
 * full-page screenshot in test-output/ to look at.
 */
async function withPane(
  lang: string,
  steps: (pane: { page: Page; book: Workbook; errors: string[] }) => Promise<void>,
) {
  const page = await chromium.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto(`${server.url}/test-harness.html?lang=${lang}`);
    await steps({ page, book: workbookOf(page), errors });
  } catch (e) {
    await page
      .screenshot({
        path: path.join(root, 'test-output', `failed-${Date.now()}.png`),
        fullPage: true,
      })
      .catch(() => undefined);
    throw e;
  } finally {
    await page.close();
  }
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

const resultText = (page: Page) => page.getByTestId('result').innerText();

describe('task pane in Chromium on the simulated Excel host', () => {
  test('the initial task pane bundle is at most 150 KB gzip, ExcelJS not in it', () => {
    const js = readFileSync(path.join(build, 'taskpane.js'));
    const kb = gzipSync(js, { level: 9 }).length / 1024;
    console.log(
      `initial task pane bundle: ${(js.length / 1024).toFixed(1)} KB, ${kb.toFixed(1)} KB gzip`,
    );
    expect(kb).toBeLessThanOrEqual(150);
    // ExcelJS (which writes xl/worksheets/…) is in a lazy chunk, not in the first download
    const marker = 'xl/worksheets/';
    expect(js.toString('utf8').includes(marker)).toBe(false);
    const lazy = readdirSync(path.join(build, 'chunks')).filter((f) =>
      readFileSync(path.join(build, 'chunks', f), 'utf8').includes(marker),
    );
    expect(lazy.length).toBeGreaterThan(0);
  });

  test('zh-CN: 计划 → 分解 → 报表 → 考核 → 通报 on the sample plan', async () => {
    await withPane('zh-CN', async ({ page, book, errors }) => {
      await page.getByRole('tab').first().waitFor();
      expect(await page.getByRole('tab').allInnerTexts()).toEqual([
        '1 计划',
        '2 分解',
        '3 报表',
        '4 考核',
        '5 通报',
      ]);
      await page.getByText('当前工作簿还没有计划工作表').waitFor();
      await shot(page, 'zh-CN-0-empty');

      // 计划: create the plan sheets from the sample
      await page.getByTestId('create-sample').click();
      await page.getByTestId('result').waitFor();
      expect(await resultText(page)).toMatch(/^已建立计划工作表 \d+ 张。$/);
      expect(await book.sheetNames()).toEqual(
        expect.arrayContaining(['单位', '指标', '目标', '分解依据', '考核办法']),
      );
      const units = await book.tableRows('TD_Units');
      expect(units!.map((u) => u['单位名称'])).toEqual(
        expect.arrayContaining(['武林街道', '天水街道', '文晖街道']),
      );
      await page.getByTestId('plan-summary').getByText('下城区', { exact: true }).waitFor();
      await page
        .getByTestId('plan-summary')
        .getByText(`${units!.length} 个`, { exact: true })
        .first()
        .waitFor();
      await shot(page, 'zh-CN-1-plan');

      // 分解: preview first (nothing written), then write
      await page.getByRole('tab', { name: '2 分解' }).click();
      expect(await page.getByTestId('allocate-year').inputValue()).toBe('2019');
      expect(await page.getByTestId('allocate-indicator').inputValue()).toBe('gqq_new');
      const quotasBefore = await book.tableRows('TD_Quotas');
      await page.getByTestId('allocate-preview').click();
      const preview = page.getByTestId('allocation-preview');
      await preview.waitFor();
      await preview.getByText('武林街道').waitFor();
      expect(await preview.locator('tr').last().innerText()).toMatch(/^合计/);
      expect(await book.tableRows('TD_Quotas')).toEqual(quotasBefore);
      await page.getByTestId('allocate-write').click();
      await page.getByTestId('result').waitFor();
      expect(await resultText(page)).toMatch(/^已写入任务分解表，共 \d+ 行。$/);
      const quotas2019 = (await book.tableRows('TD_Quotas'))!.filter((r) => r['年度'] === 2019);
      expect(quotas2019.length).toBeGreaterThan(0);
      expect(quotas2019.every((r) => typeof r['任务数'] === 'number')).toBe(true);
      await shot(page, 'zh-CN-2-allocate');

      // 报表: one return template per unit, built with ExcelJS in the browser (a lazy chunk)
      await page.getByRole('tab', { name: '3 报表' }).click();
      await page.getByTestId('make-templates').click();
      await page.getByTestId('templates').waitFor();
      const names = await page.getByTestId('templates').locator('a').allInnerTexts();
      expect(names.length).toBeGreaterThan(0);
      expect(names.every((n) => n.endsWith('.xlsx'))).toBe(true);
      expect(await resultText(page)).toBe(`已生成 ${names.length} 份报表模板。`);
      expect(names.length).toBe(units!.length);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('templates').locator('a').first().click(),
      ]);
      const template = await download.path();
      expect(readFileSync(template).subarray(0, 2).toString('latin1')).toBe('PK');

      // imports: a per-file result list; a file that is not a workbook is refused with its name
      await page.getByTestId('returns-input').setInputFiles([
        { name: names[0], mimeType: 'application/octet-stream', buffer: readFileSync(template) },
        {
          name: '损坏的报表.xlsx',
          mimeType: 'application/octet-stream',
          buffer: Buffer.from('not a workbook'),
        },
      ]);
      const results = page.getByTestId('import-results').locator('li');
      await results.nth(1).waitFor();
      expect(await results.count()).toBe(2);
      const broken = await results.filter({ hasText: '损坏的报表.xlsx' }).innerText();
      expect(broken).toContain('未导入');

      const registry = (await book.tableRows('TD_Registry'))!;
      // a registered company without a certificate number is counted, with a warning naming its cell
      const csv = `企业名称,证书编号,发证日期\n${registry[0]['企业名称']},GR201933009999,2019-11-30\n某某未登记科技有限公司,GR201933009998,2019-11-30\n${registry[1]['企业名称']},,2019-11-30\n`;
      await page.getByTestId('list-input').setInputFiles({
        name: '2019年第一批国高企名单.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      const listResult = await page.getByTestId('list-result').innerText();
      expect(listResult).toContain('2019年第一批国高企名单.csv');
      expect(listResult).toContain('匹配 2 家');
      expect(listResult).toContain('未匹配 1 家');
      expect(listResult).toContain(
        `提示 2019年第一批国高企名单.csv › B4：「${registry[1]['企业名称']}」缺少证书编号，无法查重`,
      );
      await shot(page, 'zh-CN-3-returns');

      // 考核: the latest period with actuals is offered first (the list just added 2019Q4 actuals)
      await page.getByRole('tab', { name: '4 考核' }).click();
      expect(await page.getByTestId('period-year').inputValue()).toBe('2019');
      expect(await page.getByTestId('period-quarter').inputValue()).toBe('4');
      await page.getByTestId('period-quarter').selectOption('3');
      await page.getByTestId('assess-compute').click();
      await page.getByTestId('ranking').waitFor();
      const ranking = (await book.tableRows('TD_Ranking'))!.filter((r) => r['期间'] === '2019Q3');
      expect(ranking.length).toBeGreaterThan(0);
      expect(await resultText(page)).toBe(
        `已计算 ${ranking.length} 个单位的得分，结果写入“考核结果”表。`,
      );
      await page.getByTestId('ranking').getByText('武林街道').waitFor();
      expect(await book.sheetNames()).not.toContain('通报 2019Q3'); // the bulletin is step 5's
      await shot(page, 'zh-CN-4-assess');

      // 通报: the bulletin sheet is generated and selected
      await page.getByRole('tab', { name: '5 通报' }).click();
      await page.getByTestId('period-quarter').selectOption('3');
      await page.getByTestId('bulletin-generate').click();
      await page.getByTestId('result').waitFor();
      expect(await resultText(page)).toBe('已生成通报工作表“通报 2019Q3”并转到该表。');
      expect(await book.sheetNames()).toContain('通报 2019Q3');
      expect(await book.activeSheet()).toBe('通报 2019Q3');
      expect((await book.sheetText('通报 2019Q3')).join('')).toContain('关于2019年第三季度');
      await shot(page, 'zh-CN-5-bulletin');

      // An edited bulletin is not overwritten without asking
      await book.typeInto('通报 2019Q3', 'A1', '（已人工修改）');
      await page.getByTestId('bulletin-generate').click();
      await page.getByTestId('bulletin-edited').waitFor();
      expect((await book.sheetText('通报 2019Q3'))[0]).toBe('（已人工修改）');
      await shot(page, 'zh-CN-6-bulletin-edited');
      await page.getByTestId('bulletin-overwrite').click();
      await page.getByTestId('result').waitFor();
      expect((await book.sheetText('通报 2019Q3')).join('')).not.toContain('（已人工修改）');

      // A bad cell: the error names the sheet and cell, and nothing is written
      const target = (await book.tableRows('TD_Targets'))!;
      const row = target.findIndex((r) => r['年度'] === 2019) + 2;
      await book.typeInto('目标', `C${row}`, '一百');
      const rankingBefore = await book.tableRows('TD_Ranking');
      await page.getByRole('tab', { name: '4 考核' }).click();
      await page.getByTestId('period-quarter').selectOption('3');
      await page.getByTestId('assess-compute').click();
      await page.getByTestId('error').waitFor();
      const error = await page.getByTestId('error').innerText();
      expect(error).toContain('输入有误');
      expect(error).toContain('目标');
      expect(error).toContain('不是数字："一百"');
      expect(error).toContain('工作簿未作任何修改。');
      expect(await book.tableRows('TD_Ranking')).toEqual(rankingBefore);
      await shot(page, 'zh-CN-7-error');
      expect(errors).toEqual([]);
    });
  });

  test('en-US: the same steps in English', async () => {
    await withPane('en-US', async ({ page, book, errors }) => {
      await page.getByRole('tab').first().waitFor();
      expect(await page.getByRole('tab').allInnerTexts()).toEqual([
        'Plan',
        'Allocate',
        'Returns',
        'Assess',
        'Bulletin',
      ]);
      await page.getByTestId('create-sample').click();
      await page.getByTestId('result').waitFor();
      expect(await resultText(page)).toMatch(/^Created \d+ plan sheets\.$/);
      await shot(page, 'en-US-1-plan');

      await page.getByRole('tab', { name: 'Allocate' }).click();
      await page.getByTestId('allocate-year').selectOption('2019');
      await page.getByTestId('allocate-indicator').selectOption('');
      await page.getByTestId('allocate-method').selectOption('sainte-lague');
      await page.getByTestId('allocate-preview').click();
      await page.getByTestId('allocation-preview').waitFor();
      await page.getByTestId('allocate-write').click();
      await page.getByTestId('result').waitFor();
      expect(await resultText(page)).toMatch(/^Quotas written: \d+ rows\.$/);
      const targets2019 = (await book.tableRows('TD_Targets'))!.filter((r) => r['年度'] === 2019);
      expect(
        targets2019
          .filter((r) => r['分解方法'] !== null)
          .every((r) => r['分解方法'] === '圣拉古法'),
      ).toBe(true);
      await shot(page, 'en-US-2-allocate');

      // a step whose code cannot be downloaded says so, and the other steps still work
      await page.route('**/chunks/step-returns.*', (route) => route.abort());
      await page.getByRole('tab', { name: 'Returns' }).click();
      await page.getByTestId('step-failed').waitFor();
      expect(await page.getByTestId('step-failed').innerText()).toContain(
        'This step could not be loaded',
      );

      await page.getByRole('tab', { name: 'Assess' }).click();
      await page.getByTestId('assess-compute').click();
      await page.getByTestId('ranking').waitFor();
      expect(await resultText(page)).toMatch(/^Scores computed for \d+ units/);
      await shot(page, 'en-US-4-assess');

      await page.getByRole('tab', { name: 'Bulletin' }).click();
      await page.getByTestId('bulletin-generate').click();
      await page.getByTestId('result').waitFor();
      expect(await resultText(page)).toBe('Bulletin sheet "通报 2019Q3" generated and selected.');
      expect(await book.activeSheet()).toBe('通报 2019Q3');
      await shot(page, 'en-US-5-bulletin');
      expect(errors).toEqual([]);
    });
  });
});
