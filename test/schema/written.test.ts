import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { editWorkbook } from '../support/planBook';
import { ooxmlProblems } from '../support/ooxmlCheck';

/**
 * Every package the product writes passes the ECMA-376 schemas (SPEC §12 "Valid files"): the demo
 * book, every return template, the book after each command, and the foreign corpus carried through
 * our commands. Excel silently drops whatever breaks them.
 */
const ROOT = path.resolve(__dirname, '../..');
const FOREIGN = path.join(ROOT, 'test/fixtures/foreign');
let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-written-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `code` 3: a list with rows left unmatched on purpose, the rest applied (SPEC §9, issue 9). */
function ok(args: string[], code = 0): void {
  const r = runCli(args);
  expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), code, '']);
}

/** The book after each step, copied aside, with its schema problems (none expected). */
const problemsAfter = (book: string, step: string) => {
  const copy = path.join(dir, `${path.basename(book, '.xlsx')}-${step}.xlsx`);
  fs.copyFileSync(book, copy);
  return ooxmlProblems(copy);
};

it('the demo book after init --sample, run, import-returns and import-list', async () => {
  const book = path.join(dir, 'demo.xlsx');
  ok(['init', '--sample', '--out', book]);
  expect(problemsAfter(book, 'init')).toEqual([]);
  ok(['run', book, '--period', '2019Q3']);
  expect(problemsAfter(book, 'run')).toEqual([]);
  const templates = path.join(dir, 'demo-templates');
  ok(['templates', book, '--period', '2019Q4', '--out-dir', templates]);
  const files = fs.readdirSync(templates).map((f) => path.join(templates, f));
  expect(files.length).toBeGreaterThan(10);
  for (const f of files) expect(ooxmlProblems(f)).toEqual([]);
  const filled = path.join(dir, 'filled.xlsx');
  await editWorkbook(files[0], filled, (ws) => {
    ws.getCell('E14').value = 7;
  });
  expect(ooxmlProblems(filled)).toEqual([]);
  const r = runCli(['import-returns', book, filled]);
  expect(r.stdout).toContain(`${path.basename(filled)}: imported`);
  expect(problemsAfter(book, 'import-returns')).toEqual([]);
  const list = path.join(ROOT, 'examples/xiacheng-2019-gqq-list.csv');
  ok(['import-list', book, list, '--indicator', 'gqq_new'], 3);
  expect(problemsAfter(book, 'import-list')).toEqual([]);
  const out = path.join(dir, 'demo-q4.xlsx');
  ok(['run', book, '--period', '2019Q4', '--out', out]);
  expect(ooxmlProblems(out)).toEqual([]);
});

it('a scenario book with every return of the foreign corpus imported, and run', () => {
  const book = path.join(dir, 'scenario.xlsx');
  ok(['init', '--scenario', path.join(ROOT, 'test/fixtures/returns/scenario.json'), '--out', book]);
  expect(problemsAfter(book, 'init')).toEqual([]);
  const returns = fs
    .readdirSync(FOREIGN)
    .filter((f) => f.endsWith('-return.xlsx'))
    .map((f) => path.join(FOREIGN, f));
  expect(returns).toHaveLength(4);
  ok(['import-returns', book, ...returns]);
  expect(problemsAfter(book, 'import-returns')).toEqual([]);
  ok(['run', book, '--period', '2019Q3']);
  expect(problemsAfter(book, 'run')).toEqual([]);
});

it.each(['openpyxl-book.xlsx', 'libreoffice-book.xlsx'])(
  'the foreign book %s after run, templates, import-list',
  (name) => {
    const book = path.join(dir, name);
    fs.copyFileSync(path.join(FOREIGN, name), book);
    // A new period: openpyxl keeps no formula results, so the 2019Q3 bulletin reads as edited.
    ok(['run', book, '--period', '2019Q4']);
    expect(problemsAfter(book, 'run')).toEqual([]);
    const templates = path.join(dir, `${name}-templates`);
    ok(['templates', book, '--period', '2019Q3', '--out-dir', templates]);
    for (const f of fs.readdirSync(templates))
      expect(ooxmlProblems(path.join(templates, f))).toEqual([]);
    for (const list of ['openpyxl-list.xlsx', 'excel-unicode-list.txt']) {
      ok(['import-list', book, path.join(FOREIGN, list), '--indicator', 'gqq_new'], 3);
      expect(problemsAfter(book, list)).toEqual([]);
    }
  },
);
