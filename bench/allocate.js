#!/usr/bin/env node
'use strict';
// Times `allocate` (exact) against the float npm package `sainte-lague` on the same inputs, and
// `target-desk allocate --jsonl` on 10,000 mixed requests. Needs dist/ (npm run build:cli).
const path = require('path');
const { spawnSync } = require('child_process');
const { allocate } = require('../dist/engine/allocation.js');
const usHouse = require('../test/fixtures/apportionment/us-house-2020.json');

/** A fixed pseudo-random sequence, so every run times the same inputs. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function votes(rnd, n, scale) {
  const v = {};
  for (let i = 0; i < n; i++) v[`u${i}`] = 1 + Math.floor(rnd() * scale);
  return v;
}

function toRequest(v, seats, method) {
  return { total: seats, method, units: Object.entries(v).map(([id, weight]) => ({ id, weight })) };
}

/**
 * Best of `rounds` runs of fn over all inputs, in milliseconds of this process's CPU time (the
 * machine may be shared, and wall time would count other processes' turns).
 */
function time(fn, inputs, rounds) {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    for (const x of inputs) fn(x);
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

function row(label, ours, theirs, count) {
  const each = (ms) => (count > 1 ? ` (${((ms * 1000) / count).toFixed(1)} µs each)` : '');
  console.log(
    `${label.padEnd(34)} allocate ${ours.toFixed(1).padStart(8)} ms${each(ours)}   sainte-lague ${theirs
      .toFixed(1)
      .padStart(8)} ms${each(theirs)}   ratio ${(ours / theirs).toFixed(2)}`,
  );
}

async function main() {
  const { default: sainteLague } = await import('sainte-lague');
  const rnd = random(2019);

  const small = Array.from({ length: 10_000 }, () => {
    const v = votes(rnd, 3 + Math.floor(rnd() * 10), 100_000);
    return { v, seats: 10 + Math.floor(rnd() * 190) };
  });
  const states = Object.fromEntries(usHouse.states.map((s) => [s.id, s.population]));
  const big = [{ v: votes(rnd, 1000, 1_000_000), seats: 100_000 }];
  const cases = [
    ['10,000 small (3-12 units, 10-199)', small, 3],
    ['435 seats / 50 states', Array(200).fill({ v: states, seats: 435 }), 3],
    ['100,000 seats / 1,000 units', big, 3],
  ];

  console.log('Sainte-Laguë on identical inputs (CPU time, best of 3):');
  for (const [label, inputs, rounds] of cases) {
    const requests = inputs.map(({ v, seats }) => toRequest(v, seats, 'sainte-lague'));
    // Both must agree before either is timed (the inputs have no exact ties).
    inputs.slice(0, 200).forEach(({ v, seats }, i) => {
      const a = allocate(requests[i]);
      const b = sainteLague(v, seats, { draw: true });
      for (const id of Object.keys(v))
        if (a[id] !== b[id]) throw new Error(`${label}: results differ for ${id}`);
    });
    const ours = time((req) => allocate(req), requests, rounds);
    const theirs = time(({ v, seats }) => sainteLague(v, seats, { draw: true }), inputs, rounds);
    row(
      `${label}${inputs.length > 1 && label.startsWith('435') ? ` ×${inputs.length}` : ''}`,
      ours,
      theirs,
      inputs.length,
    );
  }

  console.log('\nOther methods, allocate only (CPU time, best of 3):');
  for (const method of ['largest-remainder', 'dhondt', 'huntington-hill', 'adams']) {
    for (const [label, inputs] of [cases[0], cases[2]]) {
      const requests = inputs.map(({ v, seats }) => toRequest(v, seats, method));
      const ms = time((req) => allocate(req), requests, 3);
      console.log(`${method.padEnd(18)} ${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms`);
    }
  }

  const methods = [
    'largest-remainder',
    'equal',
    'dhondt',
    'sainte-lague',
    'huntington-hill',
    'adams',
  ];
  const lines = small.map(({ v, seats }, i) => {
    const req = toRequest(v, seats, methods[i % methods.length]);
    if (i % 5 === 0) req.units[0].min = 2;
    if (i % 7 === 0) req.units[1].locked = 3;
    if (i % 50 === 0) req.total = -1; // refused: answered with {"error": …}
    return JSON.stringify(req);
  });
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['-r', path.join(__dirname, '_report-cpu.js'), bin, 'allocate', '--jsonl'],
    {
      input: `${lines.join('\n')}\n`,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const ms = performance.now() - t0;
  const answers = r.stdout.trimEnd().split('\n');
  if (answers.length !== lines.length)
    throw new Error(`--jsonl answered ${answers.length} of ${lines.length} lines`);
  const refused = answers.filter((a) => a.startsWith('{"error"')).length;
  const cpu = /cpu-ms (\d+)/.exec(r.stderr)[1];
  console.log(
    `\ntarget-desk allocate --jsonl: ${lines.length} mixed requests (${refused} refused, exit ${r.status}) in ${ms.toFixed(0)} ms wall time, ${cpu} ms CPU, one process (startup included)`,
  );
  jsonlAgainstPackage(usHouse, rnd);
}

const bin = path.join(__dirname, '../bin/target-desk.js');

/** CPU milliseconds (best of `rounds`) of a node process reading `input` on stdin, and its stdout. */
function processCpu(args, input, rounds = 3) {
  let best = Infinity;
  let stdout = '';
  for (let i = 0; i < rounds; i++) {
    const r = spawnSync(process.execPath, ['-r', path.join(__dirname, '_report-cpu.js'), ...args], {
      input,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    best = Math.min(best, Number(/cpu-ms (\d+)/.exec(r.stderr)[1]));
    stdout = r.stdout;
  }
  return { ms: best, stdout };
}

/**
 * Issue 13's target: 2,000 US-House-sized Sainte-Laguë requests (50 states with populations varied
 * by up to ±5 %, 435 seats) through `allocate --jsonl` against the `sainte-lague` package doing the
 * same reading, allocating and writing in one process. Both answers must be identical.
 */
function jsonlAgainstPackage(usHouse, rnd) {
  const lines = Array.from({ length: 2000 }, () =>
    JSON.stringify({
      total: 435,
      method: 'sainte-lague',
      units: usHouse.states.map((s) => ({
        id: s.id,
        weight: Math.round(s.population * (0.95 + rnd() * 0.1)),
      })),
    }),
  );
  const input = `${lines.join('\n')}\n`;
  const ours = processCpu([bin, 'allocate', '--jsonl'], input);
  const theirs = processCpu([path.join(__dirname, '_sainte-lague-jsonl.mjs')], input);
  if (ours.stdout !== theirs.stdout) throw new Error('--jsonl and sainte-lague answers differ');
  console.log(
    `allocate --jsonl, 2,000 × 435 seats / 50 states: ${ours.ms} ms CPU vs sainte-lague ${theirs.ms} ms ` +
      `(one process each, start-up included, best of 3): ratio ${(ours.ms / theirs.ms).toFixed(2)} (target ≤ 0.50)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
