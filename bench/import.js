#!/usr/bin/env node
'use strict';
// Returns and lists at scale (issue 5): 200 filled returns imported in one batch, and a
// 10,000-row recognition list matched against a 5,000-enterprise registry. Needs dist/ (npm run build:cli).
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const dist = path.resolve(__dirname, '../dist');
const { planInit } = require(`${dist}/plan/jobs/init`);
const { templatesJob } = require(`${dist}/plan/jobs/templates`);
const { importReturnsJob } = require(`${dist}/plan/jobs/importReturns`);
const { importListJob } = require(`${dist}/plan/jobs/importList`);
const { buildMatcher } = require(`${dist}/engine/matching`);
const { applyBookPlan, bookBuffer, loadBookBuffer, readSnapshot } = require(`${dist}/xlsx`);
const { readGridFile } = require(`${dist}/xlsx/returnFile`);

const UNITS = 200;
const ENTERPRISES = 5000;
const LIST_ROWS = 10000;
const NOW = '2019-10-10T08:00:00.000Z';

function ms(t0) {
  return `${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`;
}
const clock = () => process.hrtime.bigint();

function scenario() {
  const units = Array.from({ length: UNITS }, (_, i) => ({
    id: `u${i}`,
    name: `第${i}街道`,
    type: 'street',
  }));
  const indicators = ['a', 'b', 'c', 'd', 'e'].map((id, k) => ({
    id,
    name: `指标${id}`,
    measure: k === 4 ? '万元' : '家',
    kind: 'flow',
    assessed: 'street',
  }));
  return {
    plan: { name: '基准测试计划', district: '测试区', organization: '测试办' },
    units,
    indicators,
    targets: indicators.map((i) => ({ indicator: i.id, year: 2019, total: 4000, method: 'equal' })),
    basis: [],
    quotas: [],
    actuals: [],
    scoring: { rules: [], grades: [{ name: '合格', min: 0 }] },
    registry: Array.from({ length: ENTERPRISES }, (_, i) => ({
      name: [
        `杭州星${i}科技(集团)有限公司`,
        `浙江云${i}网络有限公司杭州分公司`,
        `杭州ABC${i}软件有限公司`,
      ][i % 3],
      ...(i % 2 === 0 ? { creditCode: `91330103MA${String(i).padStart(8, '0')}` } : {}),
      unit: `u${i % UNITS}`,
    })),
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-bench-import-'));
  try {
    const s = scenario();
    const wb0 = new ExcelJS.Workbook();
    applyBookPlan(wb0, planInit(s, { now: NOW }));
    const bookBuf = await bookBuffer(wb0);

    let t = clock();
    const { templates } = templatesJob(readSnapshot(await loadBookBuffer(bookBuf, 'plan.xlsx')), {
      period: '2019Q3',
      now: NOW,
    });
    const files = [];
    for (const [n, tpl] of templates.entries()) {
      // Filled as a unit would: 本年累计完成 typed into every row.
      tpl.book.sheets[0].tables[0].rows.forEach((r, k) => (r[4] = (n + k) % 23));
      const wb = new ExcelJS.Workbook();
      applyBookPlan(wb, tpl.book);
      const file = path.join(dir, tpl.fileName);
      fs.writeFileSync(file, await bookBuffer(wb, { properties: tpl.book.properties }));
      files.push(file);
    }
    console.log(`templates: ${files.length} return workbooks written in ${ms(t)}`);

    t = clock();
    const wb = await loadBookBuffer(bookBuf, 'plan.xlsx');
    const books = [];
    for (const f of files) books.push(await readGridFile(f));
    const tRead = ms(t);
    const t2 = clock();
    const { plan, report } = importReturnsJob(readSnapshot(wb), books, { now: NOW });
    const tCheck = ms(t2);
    const t3 = clock();
    applyBookPlan(wb, plan);
    await bookBuffer(wb);
    console.log(
      `import-returns: ${report.accepted} of ${files.length} returns (${report.files.reduce((n, f) => n + f.values.length, 0)} values) — ` +
        `read ${tRead}, check+plan ${tCheck}, write book ${ms(t3)}, total ${ms(t)}`,
    );

    const rows = [['序号', '企业名称', '统一社会信用代码', '证书编号', '发证日期']];
    for (let r = 0; r < LIST_ROWS; r++) {
      const i = (r * 7) % (ENTERPRISES * 1.2);
      const name =
        i >= ENTERPRISES
          ? `杭州未登记${i}有限公司`
          : [
              `杭州星${i}科技（集团）有限公司`,
              `浙江云${i}网络有限公司 杭州分公司`,
              `杭州ａｂｃ${i}软件有限公司`,
            ][i % 3];
      rows.push([
        String(r + 1),
        name,
        i % 4 === 0 && i < ENTERPRISES ? `91330103MA${String(i).padStart(8, '0')}` : '',
        `GR2019${String(r % 9000).padStart(6, '0')}`,
        `2019-${String((r % 12) + 1).padStart(2, '0')}-15`,
      ]);
    }
    const csv = path.join(dir, 'list.csv');
    fs.writeFileSync(csv, rows.map((r) => r.join(',')).join('\n'));

    t = clock();
    const m = buildMatcher(s.registry);
    const tIndex = ms(t);
    t = clock();
    let hits = 0;
    for (const r of rows.slice(1)) if (m.match(r[1], r[2]).status === 'matched') hits++;
    console.log(
      `matching: ${LIST_ROWS} names against ${ENTERPRISES} enterprises — index ${tIndex}, match ${ms(t)} (${hits} matched)`,
    );

    t = clock();
    const list = await readGridFile(csv);
    const tList = ms(t);
    const t4 = clock();
    const job = importListJob(readSnapshot(wb), list, { indicator: 'a', assign: {}, now: NOW });
    console.log(
      `import-list: ${job.report.rows} rows (${job.report.matched} matched, ${job.report.unmatched.length} unmatched, ${job.report.duplicates.length} duplicates) — ` +
        `read CSV ${tList}, match+count+plan ${ms(t4)}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
