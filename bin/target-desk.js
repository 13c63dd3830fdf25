#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm run build:cli` (run by `prepare` on `npm ci`).
const { main, guardStdout } = require('../dist/cli/main.js');
guardStdout();
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
