#!/usr/bin/env node
'use strict';
// validateScenario + assess on a generated province: 100 units × 50 flow indicators (plus 2 level
// ones) × 8 quarters of actuals, targets allocated by basis. Needs dist/ (npm run build:cli).
const { validateScenario } = require('../dist/engine/validate.js');
const { assess } = require('../dist/engine/assess.js');

const UNITS = 100;
const INDICATORS = 50;
const YEARS = [2019, 2020];
const METHODS = [
  'largest-remainder',
  'equal',
  'dhondt',
  'sainte-lague',
  'huntington-hill',
  'adams',
];

// Deterministic pseudo-random numbers (mulberry32), so every run measures the same province.
let seed = 20190930;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

function province() {
  const types = ['street', 'department', 'platform'];
  const units = Array.from({ length: UNITS }, (_, i) => ({
    id: `u${i}`,
    name: `单位${i}`,
    type: types[i % 3],
  }));
  const indicators = Array.from({ length: INDICATORS }, (_, i) => ({
    id: `i${i}`,
    name: `指标${i}`,
    measure: '家',
    kind: 'flow',
    assessed: 'all',
    profile: i % 2 ? [0, 0, 0.2, 1] : [0.1, 0.35, 0.6, 1],
  }));
  indicators.push(
    { id: 'share', name: '占比', measure: '%', kind: 'level' },
    { id: 'rd', name: '研发投入强度', measure: '%', kind: 'level' },
  );
  const targets = [];
  const basis = [];
  for (const year of YEARS) {
    indicators.forEach((ind, i) => {
      if (ind.kind === 'level') {
        targets.push({ indicator: ind.id, year, total: 80 + (year - 2019) * 2.5 });
        return;
      }
      const method = METHODS[i % METHODS.length];
      targets.push({
        indicator: ind.id,
        year,
        total: int(500, 5000),
        method,
        precision: i % 5 === 0 ? 1 : 0,
      });
      if (method === 'equal') return;
      for (const u of units)
        basis.push({
          indicator: ind.id,
          year,
          unit: u.id,
          weight: int(0, 400) / 4,
          min: int(0, 2),
        });
    });
  }
  const actuals = [];
  for (const year of YEARS) {
    for (let q = 1; q <= 4; q++) {
      const period = `${year}Q${q}`;
      for (const ind of indicators) {
        if (ind.kind === 'level')
          actuals.push({
            indicator: ind.id,
            period,
            value: 70 + int(0, 150) / 10,
            source: 'manual',
          });
        else
          for (const u of units)
            actuals.push({
              indicator: ind.id,
              unit: u.id,
              period,
              value: int(0, 8) * q,
              source: 'return',
            });
      }
    }
  }
  const kinds = ['linear', 'tiered', 'rank'];
  const rules = indicators
    .filter((ind) => ind.kind === 'flow')
    .map((ind, i) => {
      const rule = {
        indicator: ind.id,
        weight: 2,
        rule: kinds[i % 3],
        bonusPerPoint: 0.01,
        bonusMax: 0.5,
      };
      if (rule.rule === 'tiered')
        rule.tiers = [
          { min: 1, factor: 1 },
          { min: 0.8, factor: 0.8 },
          { min: 0.6, factor: 0.6 },
        ];
      if (rule.rule === 'rank') Object.assign(rule, { rankStep: 0.05, floor: 1 });
      return rule;
    });
  return {
    plan: { name: '基准测试', district: '某省', organization: '考评办' },
    units,
    indicators,
    targets,
    basis,
    quotas: [],
    actuals,
    scoring: {
      rules,
      grades: [
        { name: '优秀', min: 90 },
        { name: '良好', min: 75 },
        { name: '合格', min: 60 },
        { name: '不合格', min: 0 },
      ],
    },
  };
}

/** Wall time, and CPU time (steadier on a shared machine), in ms. */
function time(f) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (c.user + c.system) / 1e3 };
}

/** The first (cold) run, the best of three, and the least CPU time of the three, in ms. */
function measure(f) {
  const runs = [time(f), time(f), time(f)];
  return {
    value: runs[0].value,
    cold: runs[0].ms,
    best: Math.min(...runs.map((r) => r.ms)),
    cpu: Math.min(...runs.map((r) => r.cpu)),
  };
}

const fmt = (m) =>
  `${m.cold.toFixed(0).padStart(5)} ms cold, ${m.best.toFixed(0).padStart(4)} ms best of 3 (${m.cpu.toFixed(0).padStart(4)} ms CPU)`;
module.exports = { province };

if (require.main === module) main();

function main() {
  const text = JSON.stringify(province());
  const validated = measure(() => validateScenario(JSON.parse(text)));
  const s = validated.value;
  console.log(
    `province: ${s.units.length} units, ${s.indicators.length} indicators, ${s.targets.length} targets, ` +
      `${s.basis.length} basis rows, ${s.actuals.length} actuals (${(text.length / 1e6).toFixed(1)} MB JSON)`,
  );
  console.log(`JSON.parse + validateScenario  ${fmt(validated)}`);
  for (const period of ['2019Q1', '2019Q3', '2019', '2020Q2', '2020']) {
    const run = measure(() => assess(s, period));
    const a = run.value;
    console.log(
      `assess ${period.padEnd(7)}                ${fmt(run)}  (${a.rows.length} rows, ${a.units.length} units, ${a.district.length} district rows)`,
    );
  }
}
