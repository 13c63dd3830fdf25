#!/usr/bin/env node
'use strict';
// The task pane's first download: the scripts taskpane.html loads (office.js aside), gzip-compressed.
// Target: at most 150 KB gzip, ExcelJS and the engine in lazy chunks. Builds dist/addin when missing.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const out = path.join(root, 'dist', 'addin');
if (!fs.existsSync(path.join(out, 'taskpane.html'))) {
  const r = spawnSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
const initial = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)]
  .map((m) => m[1])
  .filter((src) => !src.includes('office.js'));
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(out, file)), { level: 9 }).length;
let total = 0;
for (const file of initial) {
  const size = gz(file);
  total += size;
  console.log(`initial  ${file.padEnd(40)} ${(size / 1024).toFixed(1).padStart(7)} KB gzip`);
}
const chunks = fs.readdirSync(path.join(out, 'chunks')).filter((f) => f.endsWith('.js'));
const lazy = chunks.reduce((sum, f) => sum + gz(path.join('chunks', f)), 0);
console.log(
  `lazy     ${`${chunks.length} chunks`.padEnd(40)} ${(lazy / 1024).toFixed(1).padStart(7)} KB gzip`,
);
console.log(`initial task pane bundle: ${(total / 1024).toFixed(1)} KB gzip (limit 150 KB)`);
process.exitCode = total <= 150 * 1024 ? 0 : 1;
