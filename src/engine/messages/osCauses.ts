import type { Lang } from './catalogue';

/** Operating-system failures in words (SPEC §12), by their error code: English, Chinese. */
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

/**
 * The cause of an OS error with its code (`permission denied, EACCES`); an error code not listed
 * is said by the system's own message.
 */
export function osCauseText(code: string, message: string, lang: Lang): string {
  const known = CAUSES[code];
  if (lang === 'zh-CN') return `${known?.[1] ?? message}，${code}`;
  return `${known?.[0] ?? message.replace(/^[A-Z]+: /, '').split(',')[0]}, ${code}`;
}
