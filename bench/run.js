#!/usr/bin/env node
'use strict';
// Runs every benchmark in this folder in turn (each prints its own figures). Needs dist/ (npm run build:cli).
const { readdirSync } = require('fs');
const { spawnSync } = require('child_process');
const path = require('path');

const only = process.argv[2];
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.js') && f !== 'run.js' && !f.startsWith('_'))
  .filter((f) => !only || f.includes(only))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f}`);
  const r = spawnSync(process.execPath, [path.join(__dirname, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
