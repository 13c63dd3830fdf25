#!/usr/bin/env node
'use strict';
// Times `run` on a plan workbook: the Xiacheng sample and a generated 100-unit × 50-indicator book
// (4,500 score rows), phase by phase in one process (wall and CPU time), then `target-desk run` end to
// end (node start-up included). Needs dist/ (npm run build:cli).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const ExcelJS = require('exceljs');
const { planInit } = require('../dist/plan/jobs/init.js');
const { planRun, runSheetsToRead } = require('../dist/plan/jobs/run.js');
const { applyBookPlan, loadBook, readSnapshot, saveBookAtomic } = require('../dist/xlsx/index.js');
const { xiachengSample } = require('../dist/sample/xiacheng.js');

const BIN = path.join(__dirname, '../bin/target-desk.js');
const METHODS = [
  'largest-remainder',
  'dhondt',
  'sainte-lague',
  'huntington-hill',
  'equal',
  'adams',
];
const TYPES = ['street', 'department', 'platform'];

/** 100 units, 45 flow indicators carried by all of them and 5 district shares; actuals through Q3. */
function bigScenario(units = 100, indicators = 50) {
  let seed = 12345;
  const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const us = Array.from({ length: units }, (_, i) => ({
    id: `u${i + 1}`,
    name: `单位${i + 1}`,
    type: TYPES[i % 3],
  }));
  const flows = indicators - 5;
  const inds = Array.from({ length: indicators }, (_, i) =>
    i < flows
      ? {
          id: `f${i + 1}`,
          name: `累计指标${i + 1}`,
          measure: '家',
          kind: 'flow',
          assessed: 'all',
          profile: [0.2, 0.45, 0.7, 1],
        }
      : {
          id: `s${i + 1}`,
          name: `占比指标${i + 1}`,
          measure: '%',
          kind: 'level',
          assessed: 'district',
          profile: [1, 1, 1, 1],
        },
  );
  const targets = [];
  const basis = [];
  const actuals = [];
  for (const [k, ind] of inds.entries()) {
    if (ind.kind === 'level') {
      targets.push({ indicator: ind.id, year: 2019, total: 0.8 });
      actuals.push({ indicator: ind.id, period: '2019Q3', value: Math.round(rnd() * 1000) / 1000 });
      continue;
    }
    const method = METHODS[k % METHODS.length];
    targets.push({ indicator: ind.id, year: 2019, total: 5 * units, method, precision: 0 });
    for (const u of us) {
      if (method !== 'equal')
        basis.push({
          indicator: ind.id,
          year: 2019,
          unit: u.id,
          weight: 1 + Math.floor(rnd() * 20),
        });
      if (rnd() < 0.9)
        actuals.push({
          indicator: ind.id,
          unit: u.id,
          period: '2019Q3',
          value: Math.floor(rnd() * 8),
          source: 'return',
          file: `2019Q3-${u.name}.xlsx`,
        });
    }
  }
  const rules = inds
    .filter((i) => i.kind === 'flow')
    .map((ind, k) =>
      k % 3 === 0
        ? {
            indicator: ind.id,
            weight: 2,
            rule: 'linear',
            cap: 1.2,
            bonusPerPoint: 0.05,
            bonusMax: 1,
          }
        : k % 3 === 1
          ? {
              indicator: ind.id,
              weight: 2,
              rule: 'tiered',
              tiers: [
                { min: 1, factor: 1 },
                { min: 0.6, factor: 0.6 },
              ],
            }
          : { indicator: ind.id, weight: 2, rule: 'rank', rankStep: 0.05, floor: 0.5 },
    );
  return {
    plan: { name: '基准测试计划', district: '测试区', organization: '测试区领导小组办公室' },
    units: us,
    indicators: inds,
    targets,
    basis,
    quotas: [],
    actuals,
    scoring: {
      rules,
      grades: [
        { name: '优秀', min: 80 },
        { name: '良好', min: 60 },
        { name: '一般', min: 0 },
      ],
    },
    registry: [],
  };
}

/** A phase's wall and CPU time: CPU time is the fairer figure on a machine others are loading. */
function phase() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const { user, system } = process.cpuUsage(cpu);
    return `${(performance.now() - wall).toFixed(0)} ms (cpu ${((user + system) / 1000).toFixed(0)})`;
  };
}

async function timeRun(label, scenario, dir) {
  const book = path.join(dir, `${label}.xlsx`);
  let t = phase();
  const wb0 = new ExcelJS.Workbook();
  applyBookPlan(wb0, planInit(scenario, { now: new Date().toISOString() }));
  await saveBookAtomic(wb0, book);
  const init = t();

  // The first run of a period finds no bulletin; the second replaces it, as `target-desk run` below does.
  const runs = [];
  let result;
  for (const which of ['first', 'second']) {
    const total = phase();
    t = phase();
    const wb = await loadBook(book);
    const load = t();
    t = phase();
    const snapshot = readSnapshot(wb, runSheetsToRead('2019Q3'));
    const read = t();
    t = phase();
    result = planRun(snapshot, '2019Q3', { now: new Date().toISOString(), force: true });
    const plan = t();
    t = phase();
    applyBookPlan(wb, result.plan);
    const apply = t();
    t = phase();
    await saveBookAtomic(wb, book, { properties: result.plan.properties });
    const save = t();
    runs.push(
      `  ${which} run in-process ${total()}: load ${load}, snapshot ${read}, plan ${plan}, apply ${apply}, save ${save}`,
    );
  }

  const wall = performance.now();
  const cli = spawnSync(
    process.execPath,
    [
      '-r',
      path.join(__dirname, '_report-cpu.js'),
      BIN,
      'run',
      book,
      '--period',
      '2019Q3',
      '--force',
    ],
    { encoding: 'utf8' },
  );
  if (cli.status !== 0) throw new Error(cli.stderr);
  const cliTime = `${(performance.now() - wall).toFixed(0)} ms (cpu ${/cpu-ms (\d+)/.exec(cli.stderr)?.[1]})`;
  const size = `${(fs.statSync(book).size / 1024).toFixed(0)} KiB`;
  console.log(
    `${label}: ${scenario.units.length} units × ${scenario.indicators.length} indicators, ${result.assessment.rows.length} score rows, book ${size}\n` +
      `  init ${init}\n${runs.join('\n')}\n` +
      `  target-desk run (a further run of the period, node start-up included) ${cliTime}`,
  );
}

module.exports = { bigScenario };

if (require.main === module) main();

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-bench-run-'));
  try {
    await timeRun('xiacheng-sample', xiachengSample(), dir);
    await timeRun('100x50', bigScenario(), dir);
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
