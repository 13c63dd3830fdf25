import { ChildProcess, spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseOwnerFile } from '../../src/store/ownerFiles';
import { runCli } from '../support/cli';

/**
 * Owner files written by a real program: LibreOffice holds the book open (headless) and, with
 * CreateMSOLockFiles on, writes Excel's `~$NAME` as well as its own `.~lock.NAME#`.
 */
let dir: string;
let book: string;
let office: ChildProcess | undefined;
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const excelOwner = () => path.join(dir, '~$open.xlsx');
const loLock = () => path.join(dir, '.~lock.open.xlsx#');

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Filter/Microsoft/Import"><prop oor:name="CreateMSOLockFiles" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.UserProfile/Data"><prop oor:name="givenname" oor:op="fuse"><value>张</value></prop></item>
<item oor:path="/org.openoffice.UserProfile/Data"><prop oor:name="sn" oor:op="fuse"><value>三</value></prop></item>
</oor:items>
`;

async function waitFor(files: string[], ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!files.every((f) => fs.existsSync(f) && fs.statSync(f).size > 0)) {
    if (Date.now() > deadline) throw new Error(`LibreOffice wrote no ${files.join(', ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stopOffice(): Promise<void> {
  const p = office;
  office = undefined;
  if (!p || p.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.on('exit', () => resolve());
    p.kill();
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-lolock-'));
  book = path.join(dir, 'open.xlsx');
  expect(runCli(['init', '--sample', '--out', book]).code).toBe(0);
  const profile = path.join(dir, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
  office = spawn(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', book],
    { stdio: 'ignore' },
  );
  await waitFor([excelOwner(), loLock()], 90000);
});

afterAll(async () => {
  await stopOffice();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a book LibreOffice has open', () => {
  it('writes owner files whose user the store reads', () => {
    const excel = fs.readFileSync(excelOwner());
    expect(excel.length).toBe(165);
    expect(parseOwnerFile('office', excel)).toEqual({ user: '张 三' });
    const lo = parseOwnerFile('libreoffice', fs.readFileSync(loLock()));
    expect(lo).toEqual({ user: '张 三', host: os.hostname(), since: expect.any(String) });
    expect(lo.since).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);
  });

  it('run refuses with exit 2 naming the user, the book unchanged', () => {
    const before = sha(book);
    const r = runCli(['run', book, '--period', '2019Q3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `target-desk run: ${book}: the book is open in Excel or WPS (by 张 三, owner file ${excelOwner()}); close it there first, or add --ignore-lock-file if that file is left over; nothing written\n`,
    );
    expect(sha(book)).toBe(before);
  });

  it('after LibreOffice is killed its lock is left over: refused until --ignore-lock-file', async () => {
    await stopOffice();
    fs.rmSync(excelOwner(), { force: true });
    expect(fs.existsSync(loLock())).toBe(true);
    const r = runCli(['import-returns', book, path.join(dir, 'none.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`the book is open in LibreOffice \\(by 张 三 on ${os.hostname()} since `),
    );
    const before = sha(book);
    expect(runCli(['run', book, '--period', '2019Q3', '--ignore-lock-file']).code).toBe(0);
    expect(sha(book)).not.toBe(before);
  });
});
