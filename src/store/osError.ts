/**
 * Operating-system failures as user errors (SPEC §12): one line naming the path and the cause,
 * exit 2, never a stack trace. `what` says what was being done ("cannot write").
 */
import { InputError } from '../engine/errors';

const CAUSES: Record<string, [string, string]> = {
  EACCES: ['permission denied', '没有权限'],
  EPERM: ['operation not permitted', '操作不被允许'],
  EISDIR: ['it is a folder, not a file', '这是文件夹，不是文件'],
  ENOTDIR: ['a file stands where a folder is expected', '路径中应为文件夹处是一个文件'],
  EEXIST: ['a file of that name is in the way', '已有同名文件'],
  ENOENT: ['no such file or folder', '文件或文件夹不存在'],
  ENOSPC: ['no space left on the disk', '磁盘空间已满'],
  EDQUOT: ['disk quota exceeded', '超出磁盘配额'],
  EROFS: ['read-only file system', '只读文件系统'],
  EBUSY: ['the file is busy', '文件正被占用'],
  EMFILE: ['too many open files', '打开的文件过多'],
  EIO: ['input/output error', '读写错误'],
  EPIPE: ['the reading end of the pipe was closed', '管道的读取端已关闭'],
};

export function isOsError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  const code = e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/** The cause of an OS error in words, English and Chinese, with its code. */
export function osCause(e: NodeJS.ErrnoException): { en: string; zh: string } {
  const code = e.code ?? '';
  const [en, zh] = CAUSES[code] ?? [e.message.replace(/^[A-Z]+: /, '').split(',')[0], e.message];
  return { en: `${en}, ${code}`, zh: `${zh}，${code}` };
}

export function osFailure(e: unknown, file: string, what: { en: string; zh: string }): InputError {
  if (e instanceof InputError) return e;
  if (!isOsError(e)) throw e;
  const cause = osCause(e);
  return new InputError(`${what.en} (${cause.en})`, file, `${what.zh}（${cause.zh}）`);
}

export const CANNOT_READ = { en: 'cannot read', zh: '无法读取' };
export const CANNOT_WRITE = { en: 'cannot write', zh: '无法写入' };
export const CANNOT_MAKE_FOLDER = { en: 'cannot create the folder', zh: '无法创建文件夹' };
