#!/usr/bin/env node
/**
 * Builds test/fixtures/foreign/: books, returns and lists written by tools other than ours —
 * openpyxl (/usr/bin/python3), SheetJS (npm xlsx), LibreOffice (soffice) and ExcelJS — each with
 * NAME.expected.json holding what the product must read from it. test/xlsx/foreign.test.ts reads
 * every one through the product.
 *
 *   npm run build:cli && node scripts/make-foreign-fixtures.js
 *
 * Expectations: a return yields the values typed into it; a list yields what the original CSV list
 * yields (examples/xiacheng-2019-gqq-list.csv, itself checked by test/cli/import-list.test.ts);
 * a book exports what the book it was saved from exports (sample-book.export.json).
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const XLSX = require('xlsx');

const ROOT = path.resolve(__dirname, '..');
const { loadBook, saveBookAtomic } = require(path.join(ROOT, 'dist/xlsx'));
const OUT = path.join(ROOT, 'test/fixtures/foreign');
const CLI = path.join(ROOT, 'bin/target-desk.js');
const PYTHON = '/usr/bin/python3';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'td-foreign-'));

const cli = (...args) => execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const python = (code, ...args) => execFileSync(PYTHON, ['-c', code, ...args], { stdio: 'inherit' });
const expect = (name, expected) =>
  fs.writeFileSync(
    path.join(OUT, `${name}.expected.json`),
    `${JSON.stringify(expected, null, 2)}\n`,
  );

/** LibreOffice's own xlsx of `input` (a private profile, so it runs beside an open office). */
function libreOffice(input, outName, infilter) {
  const dir = fs.mkdtempSync(path.join(tmp, 'lo-'));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--norestore',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      dir,
      input,
    ],
    { stdio: 'pipe' },
  );
  fs.copyFileSync(
    path.join(dir, `${path.basename(input, path.extname(input))}.xlsx`),
    path.join(OUT, outName),
  );
}

/** The export of a book, without the import times (they differ by run). */
function exported(book) {
  const data = JSON.parse(cli('export', book));
  for (const a of data.actuals ?? []) delete a.importedAt;
  return data;
}

async function main() {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });

  // --- Returns: the templates of the returns scenario, filled by each tool.
  const plan = path.join(tmp, 'plan.xlsx');
  cli('init', '--scenario', path.join(ROOT, 'test/fixtures/returns/scenario.json'), '--out', plan);
  cli('templates', plan, '--period', '2019Q3', '--out-dir', path.join(tmp, 'tpl'));
  const tpl = (unit) => path.join(tmp, 'tpl', `2019Q3-${unit}-季度报表.xlsx`);
  const returns = {
    // openpyxl: table and chart written back with absolute targets and unprefixed drawing XML.
    'openpyxl-return': { unit: 'wulin', name: '武林街道', values: { E14: 3, E15: 2, E16: 88.5 } },
    // SheetJS: a return typed afresh with the template's cells (no table, no properties).
    'sheetjs-return': { unit: 'tianshui', name: '天水街道', values: { E14: 1, E15: 4 } },
    // LibreOffice: openpyxl's return for 朝晖街道 saved again by Calc.
    'libreoffice-return': { unit: 'chaohui', name: '朝晖街道', values: { E14: 2, E16: 12.5 } },
    // ExcelJS: our own library, as the product loads and saves with it.
    'exceljs-return': { unit: 'keji', name: '区科技局', values: { E14: 0 } }, // one indicator only
  };
  const fillWithOpenpyxl = (from, to, values, chart) =>
    python(
      `import json, sys, openpyxl
from openpyxl.chart import BarChart, Reference
wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active
for cell, v in json.loads(sys.argv[3]).items(): ws[cell] = v
if sys.argv[4] == "1":
    c = BarChart(); c.title = "本年累计完成"
    c.add_data(Reference(ws, min_col=5, min_row=13, max_row=16), titles_from_data=True)
    ws.add_chart(c, "H2")
wb.save(sys.argv[2])`,
      from,
      to,
      JSON.stringify(values),
      chart ? '1' : '0',
    );
  fillWithOpenpyxl(
    tpl('武林街道'),
    path.join(OUT, 'openpyxl-return.xlsx'),
    returns['openpyxl-return'].values,
    true,
  );
  {
    const source = XLSX.readFile(tpl('天水街道'));
    const rows = XLSX.utils.sheet_to_json(source.Sheets[source.SheetNames[0]], {
      header: 1,
      defval: null,
    });
    const ws = XLSX.utils.aoa_to_sheet(rows);
    for (const [cell, v] of Object.entries(returns['sheetjs-return'].values))
      ws[cell] = { t: 'n', v };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, source.SheetNames[0]);
    XLSX.writeFile(wb, path.join(OUT, 'sheetjs-return.xlsx'));
  }
  {
    const filled = path.join(tmp, '2019Q3-朝晖街道-季度报表.xlsx');
    fillWithOpenpyxl(tpl('朝晖街道'), filled, returns['libreoffice-return'].values, false);
    libreOffice(filled, 'libreoffice-return.xlsx');
  }
  {
    const wb = await loadBook(tpl('区科技局'));
    for (const [cell, v] of Object.entries(returns['exceljs-return'].values))
      wb.worksheets[0].getCell(cell).value = v;
    await saveBookAtomic(wb, path.join(OUT, 'exceljs-return.xlsx'));
  }
  const indicators = { E14: 'gqq_new', E15: 'startup', E16: 'rd_invest' };
  for (const [name, r] of Object.entries(returns))
    expect(name, {
      kind: 'return',
      scenario: 'test/fixtures/returns/scenario.json',
      actuals: Object.entries(r.values).map(([cell, value]) => ({
        indicator: indicators[cell],
        unit: r.unit,
        period: '2019Q3',
        value,
      })),
    });

  // --- Lists: the example 认定名单 (a title line, a blank line, the header, 80 rows) as each tool writes it.
  const csv = path.join(ROOT, 'examples/xiacheng-2019-gqq-list.csv');
  const lines = fs
    .readFileSync(csv, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const rows = lines.filter((l, i) => l !== '' || i < 3).map((l) => (l === '' ? [] : l.split(',')));
  const grid = rows.map((r, i) =>
    i > 2 ? r.map((v, j) => (j === 0 && v !== '' ? Number(v) : v === '' ? null : v)) : r,
  );
  fs.writeFileSync(path.join(tmp, 'list.json'), JSON.stringify(grid));
  python(
    `import json, sys, openpyxl
from openpyxl.worksheet.table import Table
from openpyxl.chart import PieChart, Reference
rows = json.load(open(sys.argv[1], encoding="utf-8"))
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "认定名单"
for r in rows: ws.append(r)
ws.add_table(Table(displayName="名单", ref="A3:F%d" % len(rows)))
c = PieChart(); c.add_data(Reference(ws, min_col=1, min_row=4, max_row=8)); ws.add_chart(c, "H3")
wb.save(sys.argv[2])`,
    path.join(tmp, 'list.json'),
    path.join(OUT, 'openpyxl-list.xlsx'),
  );
  {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(grid), '认定名单');
    XLSX.writeFile(wb, path.join(OUT, 'sheetjs-list.xlsx'));
  }
  {
    const copy = path.join(tmp, 'libreoffice-list.csv');
    fs.copyFileSync(csv, copy);
    libreOffice(copy, 'libreoffice-list.xlsx', 'CSV:44,34,76,1');
  }
  // Excel's 「Unicode 文本」: UTF-16LE with a BOM, tab-separated, the title line has no tab.
  fs.writeFileSync(
    path.join(OUT, 'excel-unicode-list.txt'),
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`, 'utf16le'),
    ]),
  );
  const sample = path.join(tmp, 'sample.xlsx');
  cli('init', '--sample', '--out', sample);
  const listBook = path.join(tmp, 'list-book.xlsx');
  fs.copyFileSync(sample, listBook);
  const report = JSON.parse(cli('import-list', listBook, csv, '--indicator', 'gqq_new', '--json'));
  const listExpected = {
    kind: 'list',
    book: 'init --sample',
    indicator: 'gqq_new',
    rows: report.rows,
    matched: report.matched,
    unmatched: report.unmatched,
    duplicates: report.duplicates,
    changes: report.changes,
  };
  for (const name of ['openpyxl-list', 'sheetjs-list', 'libreoffice-list', 'excel-unicode-list'])
    expect(name, listExpected);

  // --- Books: the sample plan after run 2019Q3, saved again by openpyxl and by LibreOffice.
  cli('run', sample, '--period', '2019Q3');
  python(
    `import sys, openpyxl
openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])`,
    sample,
    path.join(OUT, 'openpyxl-book.xlsx'),
  );
  libreOffice(sample, 'libreoffice-book.xlsx');
  fs.writeFileSync(
    path.join(OUT, 'sample-book.export.json'),
    `${JSON.stringify(exported(sample), null, 2)}\n`,
  );
  const bookExpected = { kind: 'book', export: 'sample-book.export.json' };
  expect('openpyxl-book', bookExpected);
  expect('libreoffice-book', bookExpected);

  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(
    fs
      .readdirSync(OUT)
      .filter((f) => !f.endsWith('.json'))
      .join('\n'),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
