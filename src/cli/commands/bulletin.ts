import * as fs from 'fs';
import * as path from 'path';
import { chineseDate } from '../../engine/bulletin';
import { InputError } from '../../engine/errors';
import { localDate, parsePeriod } from '../../engine/period';
import { planBulletinDocument } from '../../plan/bulletinDocument';
import { writeDocument } from '../../docx/writeDocument';
import { loadBook, readSnapshot } from '../../xlsx';
import { CliIO, Command, EXIT_BAD_INPUT, EXIT_OK, parseArgs, requireOption } from '../io';

const USAGE = 'bulletin BOOK.xlsx --period P --docx OUT.docx [--date YYYY-MM-DD] [--force]';

/**
 * `target-desk bulletin` (SPEC §10): the period's bulletin as an official document (公文) in the
 * GB/T 9704-2012 layout. Reads the book, never writes it; an existing OUT needs --force.
 */
export const bulletinCommand: Command = {
  name: 'bulletin',
  usage: USAGE,
  summary: 'the bulletin (通报) of period P as a Word document in the 公文 layout (GB/T 9704)',
  async run(argv: string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, ['force']);
    const unknown = [
      ...args.positional.slice(1),
      ...Object.keys(args.options)
        .filter((o) => !['period', 'docx', 'date', 'force'].includes(o))
        .map((o) => `--${o}`),
    ];
    if (args.positional.length < 1 || unknown.length)
      throw new InputError(`usage: target-desk ${USAGE}`);
    const [book] = args.positional;
    const period = requireOption(args, 'period');
    parsePeriod(period, '--period');
    const out = requireOption(args, 'docx');
    const issuedOn =
      typeof args.options.date === 'string' ? args.options.date : localDate(new Date());
    try {
      chineseDate(issuedOn);
    } catch {
      throw new InputError(`not a date: ${JSON.stringify(issuedOn)} (write YYYY-MM-DD)`, '--date');
    }
    const force = args.options.force === true;
    if (!force && fs.existsSync(out)) {
      throw new InputError(
        'the file already exists; choose another --docx, or add --force to replace it',
        out,
      );
    }
    let bytes: Uint8Array;
    try {
      const wb = await loadBook(book);
      bytes = await writeDocument(planBulletinDocument(readSnapshot(wb), period, { issuedOn }));
    } catch (e) {
      if (e instanceof InputError || !isOsError(e)) throw e;
      io.err(`target-desk bulletin: ${osErrorLine(e, book)}\n`);
      return EXIT_BAD_INPUT;
    }
    try {
      writeAtomic(out, bytes, force);
    } catch (e) {
      if (!isOsError(e)) throw e;
      io.err(`target-desk bulletin: ${osErrorLine(e, out)}\n`);
      return EXIT_BAD_INPUT;
    }
    io.out(`${out}: 已生成公文「${path.basename(out)}」（${period}）\n`);
    return EXIT_OK;
  },
};

/**
 * Writes a temporary file beside `file` and moves it into place. Without `force` the move is a
 * hard link, which fails if `file` appeared meanwhile, so a file is never replaced unasked.
 */
function writeAtomic(file: string, data: Uint8Array, force: boolean): void {
  const tmp = path.join(
    path.dirname(path.resolve(file)),
    `.${path.basename(file)}.${process.pid}.tmp`,
  );
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    if (force) {
      fs.renameSync(tmp, file);
    } else {
      fs.linkSync(tmp, file);
      fs.rmSync(tmp);
    }
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function isOsError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && 'code' in e && typeof e.code === 'string';
}

/** `EACCES: permission denied, open '/x/.y.docx.tmp'` → `y.docx: permission denied (EACCES，没有权限)`. */
function osErrorLine(e: NodeJS.ErrnoException, where: string): string {
  const zh: Record<string, string> = {
    EEXIST: '文件已存在',
    EACCES: '没有权限',
    EPERM: '不允许的操作',
    ENOENT: '文件或目录不存在',
    ENOTDIR: '路径中有一段不是目录',
    EISDIR: '是一个目录',
    ENOSPC: '磁盘空间不足',
    EROFS: '只读文件系统',
  };
  const cause = e.message.split(',')[0].replace(/^\w+: /, '');
  const code = e.code ?? '';
  return `${where}: ${cause} (${code}${zh[code] ? `，${zh[code]}` : ''})`;
}
