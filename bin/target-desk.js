#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm run build:cli` (run by `prepare` on `npm ci`).
// `run` holds a whole plan book (~100 MB live for a province, its bulletin as ExcelJS cells) and
// makes much short-lived garbage; V8 lets the old generation grow to 4× what survived its last full
// collection, 1.5× here: a province's second run peaks near 350 MB instead of 540 MB, for ~10 % more
// CPU in the collector (docs/province-scale.md). Other commands stay well under that without it.
// V8 reads this flag at every collection, so setting it now takes effect.
if (process.argv[2] === 'run') require('v8').setFlagsFromString('--heap-growing-percent=50');
require('./exceljs-without-streams.js');
const { main, guardStdout } = require('../dist/cli/main.js');
guardStdout();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
