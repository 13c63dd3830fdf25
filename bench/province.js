#!/usr/bin/env node
'use strict';
// Issue 13's province targets: `target-desk run` on a 100-unit × 50-indicator × 8-quarter book
// (40,016 actuals; bench/assess.js's province) — first run, then a second one replacing the bulletin
// — against LibreOffice opening, recalculating and saving a hand-made book of the same scale
// (SUMIFS over an actuals sheet + RANK), timed in the same run; and `import-list` of a 50,000-row
// CSV against the sample registry. CPU time of each process (steadier than wall time on a shared
// machine) and its peak resident memory. Needs dist/ (npm run build:cli) and soffice.
// TD_BENCH_RUNS_ONLY=1 times only the two runs (no LibreOffice, no import-list), for quick
// before/after comparisons of `run`; the default is the whole bench.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const ExcelJS = require('exceljs');
const { planInit } = require('../dist/plan/jobs/init.js');
const { applyBookPlan, saveBookAtomic } = require('../dist/xlsx/index.js');
const { xiachengSample } = require('../dist/sample/xiacheng.js');
const { province } = require('./assess.js');

const BIN = path.join(__dirname, '../bin/target-desk.js');
const PERIOD = '2020Q2';

/**
 * A target-desk command in its own process: CPU ms, wall ms and peak memory (MB). `ok`: the exit
 * codes it may end with (import-list ends with 3 when some rows are unmatched, as bigList's are).
 */
function cli(args, ok = [0]) {
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    ['-r', path.join(__dirname, '_report-cpu.js'), BIN, ...args],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (!ok.includes(r.status))
    throw new Error(`target-desk ${args[0]}: exit ${r.status}\n${r.stderr}`);
  return {
    cpu: Number(/cpu-ms (\d+)/.exec(r.stderr)[1]),
    wall: Date.now() - t0,
    rss: Number(/max-rss-mb (\d+)/.exec(r.stderr)[1]),
  };
}

const show = (m) => `${m.cpu} ms CPU (${m.wall} ms wall), peak ${m.rss} MB`;

/**
 * The same province by hand: the actuals on a sheet, and per unit and indicator a row summing its
 * actuals of the year to PERIOD (SUMIFS), its completion ratio and its RANK within the indicator.
 */
async function handMadeBook(s, file) {
  const wb = new ExcelJS.Workbook();
  const act = wb.addWorksheet('actuals');
  act.addRow(['indicator', 'unit', 'year', 'quarter', 'value']);
  for (const a of s.actuals)
    if (a.unit)
      act.addRow([
        a.indicator,
        a.unit,
        Number(a.period.slice(0, 4)),
        Number(a.period.slice(5)),
        a.value,
      ]);
  const n = act.rowCount;
  const col = (c) => `actuals!$${c}$2:$${c}$${n}`;
  const scores = wb.addWorksheet('scores');
  scores.addRow(['indicator', 'unit', 'quota', 'actual', 'ratio', 'rank']);
  const flows = s.indicators.filter((i) => i.kind === 'flow');
  let r = 2;
  for (const ind of flows) {
    const first = r;
    const last = r + s.units.length - 1;
    for (const u of s.units) {
      scores.addRow([
        ind.id,
        u.id,
        10,
        {
          formula: `SUMIFS(${col('E')},${col('A')},A${r},${col('B')},B${r},${col('C')},${PERIOD.slice(0, 4)},${col('D')},"<=${PERIOD.slice(5)}")`,
        },
        { formula: `IF(C${r}>0,D${r}/C${r},0)` },
        { formula: `RANK(E${r},$E$${first}:$E$${last})` },
      ]);
      r++;
    }
  }
  await wb.xlsx.writeFile(file);
  return { actuals: n - 1, rows: r - 2 };
}

/** LibreOffice opening `file`, recalculating every formula and saving it as xlsx. */
function libreOfficeRecalc(file, dir) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'td-bench-lo-'));
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  const args = [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'xlsx:Calc MS Excel 2007 XML',
    '--outdir',
    path.join(dir, 'lo'),
    file,
  ];
  try {
    // A first start sets up the profile; the timed one opens, recalculates and saves the book.
    spawnSync('soffice', [...args.slice(0, 3), '--terminate_after_init'], { stdio: 'ignore' });
    const t0 = Date.now();
    const r = spawnSync('/usr/bin/time', ['-f', 'time %U %S %M', 'soffice', ...args], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    const m = /time ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`soffice: exit ${r.status}\n${r.stderr}`);
    return {
      cpu: Math.round((Number(m[1]) + Number(m[2])) * 1000),
      wall: Date.now() - t0,
      rss: Math.round(Number(m[3]) / 1024),
    };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * 50,000 rows in the layout of examples/xiacheng-2019-gqq-list.csv: the sample registry's names
 * (every tenth one unknown to it), certificates unique, issued through 2019.
 */
function bigList(file) {
  const names = xiachengSample().registry.map((e) => e.name);
  const lines = [
    '2019年国家高新技术企业认定名单（基准测试）',
    '',
    '序号,企业名称,统一社会信用代码,证书编号,发证日期,批次',
  ];
  for (let i = 0; i < 50_000; i++) {
    const name = i % 10 === 9 ? `杭州未登记${i}科技有限公司` : names[i % names.length];
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      `${i + 1},${name},,GR2019${String(i).padStart(7, '0')},2019-${month}-20,2019年第一批`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-bench-province-'));
  try {
    const s = { ...province(), registry: [] };
    const book = path.join(dir, 'province.xlsx');
    const wb = new ExcelJS.Workbook();
    applyBookPlan(wb, planInit(s, { now: '2020-07-10T08:00:00.000Z' }));
    await saveBookAtomic(wb, book);
    const first = cli(['run', book, '--period', PERIOD, '--date', '2020-07-10']);
    const second = cli(['run', book, '--period', PERIOD, '--date', '2020-07-10', '--force']);
    if (process.env.TD_BENCH_RUNS_ONLY === '1') {
      console.log(`  target-desk run, first             ${show(first)}`);
      console.log(`  target-desk run, replacing bulletin ${show(second)}`);
      console.log(
        `  second / first ${(second.cpu / first.cpu).toFixed(2)} (≤ 1.2); peak ${Math.max(first.rss, second.rss)} MB (≤ 400)`,
      );
      return;
    }
    const hand = await handMadeBook(s, path.join(dir, 'hand.xlsx'));
    const lo = libreOfficeRecalc(path.join(dir, 'hand.xlsx'), dir);
    console.log(
      `province: ${s.units.length} units × ${s.indicators.length} indicators × 8 quarters, ${s.actuals.length} actuals, run ${PERIOD}`,
    );
    console.log(`  target-desk run, first             ${show(first)}`);
    console.log(`  target-desk run, replacing bulletin ${show(second)}`);
    console.log(
      `  LibreOffice open+recalc+save of a hand-made book (${hand.actuals} actuals, ${hand.rows} SUMIFS+RANK rows) ${show(lo)}`,
    );
    console.log(
      `  run / LibreOffice ${(first.cpu / lo.cpu).toFixed(2)} in CPU time, ${(first.wall / lo.wall).toFixed(2)} in wall time (target ≤ 0.25); peak ${Math.max(first.rss, second.rss)} MB (≤ 400); second / first ${(second.cpu / first.cpu).toFixed(2)} (≤ 1.2)`,
    );

    const sample = path.join(dir, 'sample.xlsx');
    const wb2 = new ExcelJS.Workbook();
    applyBookPlan(wb2, planInit(xiachengSample(), { now: '2019-10-10T08:00:00.000Z' }));
    await saveBookAtomic(wb2, sample);
    const list = path.join(dir, 'list.csv');
    bigList(list);
    const imported = cli(['import-list', sample, list, '--indicator', 'gqq_new', '--json'], [3]);
    console.log(
      `import-list, 50,000-row CSV against the sample registry: ${show(imported)} (target ≤ 2,000 ms, ≤ 300 MB)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
