'use strict';
// ExcelJS's Node entry (lib/exceljs.nodejs.js) loads its streaming reader and writer (unzipper,
// archiver and their dependencies: ~0.2 s of a CLI process's start) that Target Desk never uses.
// This puts the same exports in the module cache for `require('exceljs')`, each loaded on first use
// (the streaming ones never, commands without a workbook none). The export names are checked against ExcelJS's own entry
// by test/cli/exceljsWithoutStreams.test.ts.
const Module = require('module');
const path = require('path');

const main = require.resolve('exceljs');
const lib = path.join(path.dirname(main), 'lib');
const ExcelJS = {};
/** An export loaded on first use: commands that never open a workbook (allocate) load none of it. */
function lazy(name, load) {
  let value;
  Object.defineProperty(ExcelJS, name, { enumerable: true, get: () => (value ??= load()) });
}
lazy('Workbook', () => require(path.join(lib, 'doc/workbook')));
lazy('ModelContainer', () => require(path.join(lib, 'doc/modelcontainer')));
lazy('stream', () => ({
  xlsx: {
    WorkbookWriter: require(path.join(lib, 'stream/xlsx/workbook-writer')),
    WorkbookReader: require(path.join(lib, 'stream/xlsx/workbook-reader')),
  },
}));
Object.assign(ExcelJS, require(path.join(lib, 'doc/enums')));

const entry = new Module(main, module);
entry.filename = main;
entry.paths = Module._nodeModulePaths(path.dirname(main));
entry.exports = ExcelJS;
entry.loaded = true;
require.cache[main] = entry;
module.exports = ExcelJS;
