import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { loadBook, readSnapshot } from '../../src/xlsx';
import { BIN, CliRun, runCli } from '../support/cli';
import { editWorkbook } from '../support/planBook';
import { excelOwnerFile, libreOfficeLockFile, wordOwnerFile } from '../support/ownerFiles';

/** SPEC §12 through the real binary: concurrent commands, owner files, outputs, identity, OS errors. */
const SCENARIO = path.resolve(__dirname, '../fixtures/returns/scenario.json');
let dir: string;
let plan: string;
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** The binary run asynchronously, so that two can run at once. */
function runAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** As an unprivileged user (the tests may run as root, whom permissions do not stop). */
function runAsNobody(args: string[]): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    ...(process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}),
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function oneLine(r: CliRun): string {
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr.trimEnd();
}

function copy(name: string): string {
  const file = path.join(dir, name);
  fs.copyFileSync(plan, file);
  return file;
}

function actualUnits(book: string): string[] {
  const r = runCli(['export', book]);
  expect(r.code).toBe(0);
  const actuals: { unit: string; period: string }[] = JSON.parse(r.stdout).actuals;
  return [...new Set(actuals.filter((a) => a.period === '2019Q3').map((a) => a.unit))].sort();
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-safe-'));
  fs.chmodSync(dir, 0o755);
  plan = path.join(dir, 'plan.xlsx');
  expect(runCli(['init', '--scenario', SCENARIO, '--out', plan]).code).toBe(0);
  const tdir = path.join(dir, 'templates');
  expect(runCli(['templates', plan, '--period', '2019Q3', '--out-dir', tdir]).code).toBe(0);
  const fill = (unit: string, out: string, e14: number) =>
    editWorkbook(path.join(tdir, `2019Q3-${unit}-季度报表.xlsx`), path.join(dir, out), (ws) => {
      ws.getCell('E14').value = e14 as ExcelJS.CellValue;
    });
  await fill('武林街道', 'wulin.xlsx', 3);
  await fill('天水街道', 'tianshui.xlsx', 2);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('two commands on one book at once', () => {
  it('import-returns & import-returns: both units end up in the book', async () => {
    const book = copy('both.xlsx');
    const [a, b] = await Promise.all([
      runAsync(['import-returns', book, path.join(dir, 'wulin.xlsx')]),
      runAsync(['import-returns', book, path.join(dir, 'tianshui.xlsx')]),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(actualUnits(book)).toEqual(['tianshui', 'wulin']);
    expect(fs.readdirSync(dir).filter((f) => f.includes('lock') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('run beside import-returns: the bulletin, the log row and the actuals all survive', async () => {
    const book = copy('run-and-import.xlsx');
    const [r, i] = await Promise.all([
      runAsync(['run', book, '--period', '2019Q3', '--date', '2019-10-10']),
      runAsync(['import-returns', book, path.join(dir, 'wulin.xlsx')]),
    ]);
    expect([r.code, i.code]).toEqual([0, 0]);
    expect(actualUnits(book)).toEqual(['wulin']);
    const snap = readSnapshot(await loadBook(book));
    expect(snap.sheetNames).toContain('通报 2019Q3');
    const log = snap.tables.TD_Log.rows.map((row) => row.join(' '));
    expect(log.some((l) => l.includes('2019Q3') && /run|计算/.test(l))).toBe(true);
    expect(log.some((l) => /导入/.test(l))).toBe(true);
  });

  it('waits for a live lock a bounded time, then refuses naming its holder', () => {
    const book = copy('locked.xlsx');
    const lock = path.join(dir, '.locked.xlsx.target-desk-lock');
    const holder = { pid: process.pid, host: os.hostname(), command: 'run', since: 'now' };
    fs.writeFileSync(lock, JSON.stringify(holder));
    const before = sha(book);
    const r = spawnSync(
      process.execPath,
      [BIN, 'import-returns', book, path.join(dir, 'wulin.xlsx')],
      {
        encoding: 'utf8',
        env: { ...process.env, TARGET_DESK_LOCK_WAIT_MS: '300' },
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `another target-desk command is writing this book (pid ${process.pid} on ${os.hostname()}, run, since now)`,
    );
    expect(sha(book)).toBe(before);
    fs.rmSync(lock);
  });

  it('replaces a stale lock whose process is gone', () => {
    const book = copy('stale.xlsx');
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    const lock = path.join(dir, '.stale.xlsx.target-desk-lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: dead, host: os.hostname() }));
    expect(runCli(['import-returns', book, path.join(dir, 'wulin.xlsx')]).code).toBe(0);
    expect(actualUnits(book)).toEqual(['wulin']);
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe('a book open in another program', () => {
  it.each([
    [
      'Excel ~$NAME',
      '~$open.xlsx',
      excelOwnerFile('张三', Buffer.from([0xd5, 0xc5, 0xc8, 0xfd])),
      'Excel or WPS (by 张三',
    ],
    [
      'Word-style ~$ + NAME less two',
      '~$en.xlsx',
      wordOwnerFile('wang.fang'),
      'Excel or WPS (by wang.fang',
    ],
    [
      'LibreOffice .~lock.NAME#',
      '.~lock.open.xlsx#',
      libreOfficeLockFile('李四', 'lisi', 'KJJ-PC07'),
      'LibreOffice (by 李四 on KJJ-PC07 since 29.11.2026 13:02',
    ],
  ])(
    '%s: run refuses with exit 2 naming the user; --ignore-lock-file overrides',
    (_, name, bytes, says) => {
      const book = copy('open.xlsx');
      const owner = path.join(dir, name);
      fs.writeFileSync(owner, bytes);
      try {
        const before = sha(book);
        const r = runCli(['run', book, '--period', '2019Q3']);
        expect(r.code).toBe(2);
        expect(oneLine(r)).toContain(`target-desk run: ${book}: the book is open in ${says}`);
        expect(r.stderr).toContain('--ignore-lock-file');
        expect(sha(book)).toBe(before);
        expect(runCli(['run', book, '--period', '2019Q3', '--ignore-lock-file']).code).toBe(0);
        expect(sha(book)).not.toBe(before);
      } finally {
        fs.rmSync(owner);
      }
    },
  );
});

describe('existing outputs', () => {
  it('run --out EXISTING refuses without --force and replaces with it', () => {
    const out = path.join(dir, 'existing-out.xlsx');
    fs.writeFileSync(out, 'somebody’s file');
    const r = runCli(['run', plan, '--period', '2019Q3', '--out', out]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe(
      `target-desk run: ${out}: the file already exists; choose another --out, or add --force to replace it`,
    );
    expect(fs.readFileSync(out, 'utf8')).toBe('somebody’s file');
    expect(runCli(['run', plan, '--period', '2019Q3', '--out', out, '--force']).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('templates: identical files are skipped and named, a filled return is never overwritten', async () => {
    const book = copy('tpl.xlsx');
    const out = path.join(dir, 'tpl-out');
    expect(runCli(['templates', book, '--period', '2019Q3', '--out-dir', out]).code).toBe(0);
    const again = runCli(['templates', book, '--period', '2019Q3', '--out-dir', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      `${path.join(out, '2019Q3-武林街道-季度报表.xlsx')}  exists with the same content, skipped\n`,
    );
    expect(again.stdout).toMatch(/\n4 quarterly return templates \(季度报表\) written\n$/);
    const zh = runCli(['templates', book, '--period', '2019Q3', '--out-dir', out], '', undefined, {
      LANG: 'zh_CN.UTF-8',
    });
    expect(zh.stdout).toContain(
      `${path.join(out, '2019Q3-武林街道-季度报表.xlsx')}  已存在且内容相同，跳过\n`,
    );
    expect(zh.stdout).toMatch(/\n生成 4 份季度报表模板\n$/);
    const filled = path.join(out, '2019Q3-武林街道-季度报表.xlsx');
    fs.copyFileSync(path.join(dir, 'wulin.xlsx'), filled);
    const before = sha(filled);
    const bookBefore = sha(book);
    const r = runCli(['templates', book, '--period', '2019Q3', '--out-dir', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `target-desk templates: ${filled}: a different file of this name is already there (perhaps a return filled in); move it away, choose another --out-dir, or add --force to replace it; nothing written\n`,
    );
    expect(sha(filled)).toBe(before);
    expect(sha(book)).toBe(bookBefore);
    expect(
      runCli(['templates', book, '--period', '2019Q3', '--out-dir', out, '--force']).code,
    ).toBe(0);
    expect(sha(filled)).not.toBe(before);
  });
});

describe('a replaced book keeps its identity', () => {
  it('keeps mode 600', () => {
    const book = copy('private.xlsx');
    fs.chmodSync(book, 0o600);
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);
    expect(fs.statSync(book).mode & 0o777).toBe(0o600);
  });

  it('keeps its owner and group when the process may (root)', () => {
    if (process.getuid?.() !== 0) return expect(process.getuid?.()).not.toBe(0);
    const book = copy('owned.xlsx');
    fs.chownSync(book, 65534, 65534);
    expect(runCli(['run', book, '--period', '2019Q3']).code).toBe(0);
    const st = fs.statSync(book);
    expect([st.uid, st.gid]).toEqual([65534, 65534]);
  });

  it('writes through a symlink, which stays a link', async () => {
    const real = copy('real.xlsx');
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(real, link);
    const before = sha(real);
    expect(runCli(['run', link, '--period', '2019Q3']).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(sha(real)).not.toBe(before);
    expect(readSnapshot(await loadBook(real)).sheetNames).toContain('通报 2019Q3');
  });
});

describe('every OS error is exit 2 with one line naming the path and the cause', () => {
  it('run in a read-only folder (EACCES)', () => {
    const ro = path.join(dir, 'ro');
    fs.mkdirSync(ro);
    const book = path.join(ro, 'plan.xlsx');
    fs.copyFileSync(plan, book);
    fs.chmodSync(book, 0o644);
    fs.chmodSync(ro, 0o555);
    const before = sha(book);
    const r = runAsNobody(['run', book, '--period', '2019Q3']);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe(`target-desk run: ${book}: cannot write (permission denied, EACCES)`);
    expect(sha(book)).toBe(before);
  });

  it('init --out DIR --force (EISDIR)', () => {
    const r = runCli(['init', '--sample', '--out', dir, '--force']);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe(
      `target-desk init: ${dir}: cannot write (it is a folder, not a file, EISDIR)`,
    );
  });

  it('templates --out-dir FILE', () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    const r = runCli(['templates', copy('t2.xlsx'), '--period', '2019Q3', '--out-dir', file]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe(
      `target-desk templates: ${file}: cannot create the folder (a file of that name is in the way, EEXIST)`,
    );
  });

  it('templates into an unwritable folder', () => {
    const locked = path.join(dir, 'locked-out');
    fs.mkdirSync(locked, { mode: 0o555 });
    fs.chmodSync(locked, 0o555);
    const book = path.join(dir, 'shared', 'plan.xlsx');
    fs.mkdirSync(path.dirname(book), { mode: 0o777 });
    fs.chmodSync(path.dirname(book), 0o777);
    fs.copyFileSync(plan, book);
    fs.chmodSync(book, 0o666);
    const r = runAsNobody(['templates', book, '--period', '2019Q3', '--out-dir', locked]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(
      new RegExp(
        `^target-desk templates: ${locked}/2019Q3-[^/]+\\.xlsx: cannot write \\(permission denied, EACCES\\)$`,
      ),
    );
    expect(fs.readdirSync(locked)).toEqual([]);
  });

  it('export > /dev/full (ENOSPC) and export into a closed pipe (EPIPE, quiet)', () => {
    const full = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" export "${plan}" > /dev/full`],
      {
        encoding: 'utf8',
      },
    );
    expect(full.status).toBe(2);
    expect(oneLine({ code: 2, stdout: '', stderr: full.stderr })).toBe(
      'target-desk: standard output: cannot write (no space left on the disk, ENOSPC)',
    );
    const pipe = spawnSync(
      'bash',
      [
        '-c',
        // `true` has exited long before the CLI writes, so the write meets a closed pipe.
        `"${process.execPath}" "${BIN}" export "${plan}" | true; echo "\${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8' },
    );
    expect(pipe.stdout).toBe('2\n');
    expect(pipe.stderr).toBe('');
  });
});

describe('options are parsed in one place', () => {
  it('names an unknown option and suggests the misspelled one', () => {
    const r = runCli(['run', plan, '--perod', '2019Q3']);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe(
      'target-desk run: unknown option --perod (did you mean --period?) (usage: target-desk run BOOK.xlsx --period P [--out OUT.xlsx] [--date YYYY-MM-DD] [--force] [--ignore-lock-file])',
    );
    const u = runCli(['export', plan, '--verbose']);
    expect(u.stderr).toBe(
      'target-desk export: unknown option --verbose (usage: target-desk export BOOK.xlsx)\n',
    );
    expect(runCli(['templates', plan, '--period']).stderr).toContain(
      'option --period needs a value',
    );
    expect(runCli(['init', '--sample=yes', '--out', 'x.xlsx']).stderr).toContain(
      'option --sample takes no value',
    );
  });

  it('--help aligns its columns', () => {
    const top = runCli(['--help']).stdout.split('\n');
    const commands = top.slice(
      top.indexOf('Commands:') + 1,
      top.indexOf('', top.indexOf('Commands:')),
    );
    // Each command's usage on its own line, its summary below it, indented alike.
    expect(commands).toHaveLength(18);
    expect(commands.filter((l, i) => i % 2 === 0 && /^ {2}[a-z]/.test(l))).toHaveLength(9);
    expect(commands.filter((l, i) => i % 2 === 1 && /^ {6}\S/.test(l))).toHaveLength(9);
    expect(commands[6]).toBe(
      '  run BOOK.xlsx --period P [--out OUT.xlsx] [--date YYYY-MM-DD] [--force] [--ignore-lock-file]',
    );
    const run = runCli(['run', '--help']).stdout.split('\n');
    const options = run.slice(run.indexOf('Options:') + 1).filter((l) => l);
    expect(options[0]).toBe('  --period P          the period: 2019Q3, or 2019 for the year');
    expect(options).toHaveLength(6);
    expect(options[5]).toMatch(/^ {2}--lang zh-CN\|en-US {2}/);
    expect(new Set(options.map((l) => /^ {2}--\S+( \S+)?\s+/.exec(l)![0].length)).size).toBe(1);
  });
});
