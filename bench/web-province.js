#!/usr/bin/env node
'use strict';
// Issue 13's last figure: what the 网页版 (dist/web) does with the province book of
// bench/province.js (100 units × 52 indicators × 8 quarters, 40,016 actuals) in headless Chromium —
// open the file, 通报 → 生成通报 for 2020Q2 (the `run` job), then 保存 (a download). Prints the
// time of each step and the page's peak JavaScript heap (sampled through the DevTools protocol every
// 50 ms). No target is set for it; it is printed so a change that hurts the browser shows.
// Needs dist/ (npm run build:cli; dist/web from `npm run build`) and Chromium (CHROMIUM_PATH).
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const { chromium } = require('playwright-core');
const { webServer } = require('./_webServer');
const { planInit } = require('../dist/plan/jobs/init.js');
const { applyBookPlan, loadBook, saveBookAtomic } = require('../dist/xlsx/index.js');
const { province } = require('./assess.js');

const out = path.join(__dirname, '..', 'dist', 'web');

/** Samples the page's used JS heap until stopped; resolves to the peak in MB. */
async function heapSampler(page) {
  const cdp = await page.context().newCDPSession(page);
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      // the page may be busy or gone at the last sample: that sample is simply not taken
      const usage = await cdp.send('Runtime.getHeapUsage').catch(() => null);
      if (usage) peak = Math.max(peak, usage.usedSize);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return Math.round(peak / 2 ** 20);
  };
}

async function main() {
  if (!fs.existsSync(path.join(out, 'index.html'))) {
    console.log('web-province: dist/web is missing; build it with `npm run build`');
    process.exitCode = 1;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-bench-web-province-'));
  const server = webServer(out);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'td-bench-web-profile-'));
  let context;
  try {
    const book = path.join(dir, '省级计划.xlsx');
    const wb = new ExcelJS.Workbook();
    applyBookPlan(
      wb,
      planInit({ ...province(), registry: [] }, { now: '2020-07-10T08:00:00.000Z' }),
    );
    await saveBookAtomic(wb, book);
    const size = fs.statSync(book).size;

    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const page = await context.newPage();
    // No file picker in a headless page: saving takes the download path, as in browsers without one.
    await page.addInitScript(() => {
      delete globalThis.showSaveFilePicker;
    });
    page.on('dialog', (d) => d.accept());
    page.on('crash', () => console.log('web-province: the page crashed'));
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html?lang=zh-CN`);
    await page.getByTestId('open').waitFor();
    const stop = await heapSampler(page);

    let t = performance.now();
    await page.getByTestId('open-input').setInputFiles(book);
    await page.getByTestId('file-name').getByText('省级计划.xlsx').waitFor({ timeout: 300_000 });
    const opened = performance.now() - t;

    await page.getByRole('tab', { name: '5 通报' }).click();
    await page.getByTestId('period-year').selectOption('2020');
    await page.getByTestId('period-quarter').selectOption('2');
    t = performance.now();
    await page.getByTestId('bulletin-generate').click();
    await page
      .locator('[data-testid="sheet-view"][data-sheet^="通报"]')
      .waitFor({ timeout: 300_000 });
    const ran = performance.now() - t;

    t = performance.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.getByTestId('save').click(),
    ]);
    const saved = path.join(dir, 'saved.xlsx');
    await download.saveAs(saved);
    const savedIn = performance.now() - t;
    const peak = await stop();
    // the figure counts only if the saved book holds the bulletin the run made
    const back = await loadBook(saved);
    const bulletin = back.getWorksheet('通报 2020Q2');
    if (!bulletin) throw new Error('the saved book has no 通报 2020Q2');

    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `网页版, province book (${(size / 2 ** 20).toFixed(1)} MB): open ${s(opened)}, 生成通报 2020Q2 ${s(ran)}, ` +
        `save ${s(savedIn)} (${(fs.statSync(saved).size / 2 ** 20).toFixed(1)} MB, bulletin ${bulletin.rowCount} rows); peak JS heap ${peak} MB`,
    );
  } finally {
    await context?.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
