/**
 * Replacing a file so that no reader ever sees half of it and the file keeps its identity:
 * a temporary file in the target's own folder (so the rename is atomic), flushed, checked to
 * read back as a zip package, then renamed over the target. A symlink is written through to its
 * target and stays a link; a replaced file keeps its permission bits and, when the process may,
 * its owner and group. `beforeRename` runs last, so a caller can refuse at the final moment.
 * Only fs, path and JSZip: the ExcelJS adapter (also bundled for the task pane) calls it.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { inputError } from '../engine/errors';
import { CANNOT_WRITE, osFailure } from './osError';

/** The file a path writes to: itself, or the end of its chain of symlinks (even a dangling one). */
export function writeTarget(file: string): string {
  let at = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!fs.lstatSync(at).isSymbolicLink()) return at;
      link = fs.readlinkSync(at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return at;
      throw osFailure(e, file, CANNOT_WRITE);
    }
    at = path.resolve(path.dirname(at), link);
  }
  throw inputError('file.symlinkLoop', file, {});
}

export async function replaceFile(
  file: string,
  bytes: Uint8Array,
  beforeRename: () => void = () => {},
): Promise<void> {
  const target = writeTarget(file);
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw osFailure(e, file, CANNOT_WRITE);
  }
  if (existing?.isDirectory())
    throw inputError('os.failed', file, { action: 'write', code: 'EISDIR', message: '' });
  const tmp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`,
  );
  try {
    writeTemp(tmp, bytes, existing);
    await verifyPackage(tmp, file);
    beforeRename();
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw osFailure(e, file, CANNOT_WRITE);
  }
}

function writeTemp(tmp: string, bytes: Uint8Array, existing: fs.Stats | undefined): void {
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, bytes);
    // A new file gets the usual mode (0666 less the umask); a replaced one keeps its own.
    const mode = existing ? existing.mode & 0o7777 : 0o666 & ~process.umask();
    if (existing && (existing.uid !== process.getuid?.() || existing.gid !== process.getgid?.())) {
      try {
        fs.fchownSync(fd, existing.uid, existing.gid);
      } catch (e) {
        // Only root may give a file away; anyone else keeps the book as their own.
        if ((e as NodeJS.ErrnoException).code !== 'EPERM') throw e;
      }
    }
    // After chown, which clears set-id bits.
    fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The temporary file, read back from disk, must open as a zip package with a content-types part. */
async function verifyPackage(tmp: string, file: string): Promise<void> {
  let ok = false;
  try {
    const zip = await JSZip.loadAsync(fs.readFileSync(tmp));
    ok = zip.file('[Content_Types].xml') !== null;
  } catch {
    ok = false;
  }
  if (!ok) throw inputError('file.notReadBack', file, {});
}
