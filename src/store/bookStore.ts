/**
 * The one write path for plan books and every other file the CLI writes (SPEC §12).
 *
 *   const book = await readBookForUpdate(path, options);   // lock, owner files, bytes, identity
 *   try { …job on book.bytes… ; await commitBook(path, book.identity, newBytes, options); }
 *   finally { book.release(); }
 *
 * or `updateBook(path, options, job)`, which does exactly that. `commitBook(path, null, bytes,
 * {force})` writes a new output (refused when the file exists, unless `force`).
 *
 * - Serialised: an advisory lock file `.NAME.target-desk-lock` beside the book's real file, made
 *   with O_EXCL, holding pid, host, user and command. Another command waits for it (bounded, then
 *   refuses naming the holder); a lock whose process on this host is gone is stale and replaced.
 * - Compare-and-swap: the identity (size, mtime, SHA-256) taken at the read must still hold at the
 *   commit, for writers that do not take the lock (Excel saving, a copy, an older target-desk):
 *   otherwise "changed by another program since it was read; nothing written".
 * - Open elsewhere: an Excel/WPS or LibreOffice owner file beside the book refuses the read and the
 *   commit, naming the user in it, unless `ignoreLockFile` (the user's explicit override).
 * - The write itself is replaceFile: temp file, verified, renamed, mode/owner kept, links followed.
 * All failures are InputErrors (exit 2) with the path and the cause.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { inputError } from '../engine/errors';
import { CANNOT_MAKE_FOLDER, CANNOT_READ, CANNOT_WRITE, osFailure } from './osError';
import { ownerFileNames, parseOwnerFile } from './ownerFiles';
import { replaceFile, writeTarget } from './replaceFile';

export interface BookIdentity {
  size: number;
  mtimeMs: number;
  /** SHA-256 of the bytes, hex. */
  hash: string;
}

export interface StoreOptions {
  /** Replace an existing output (commitBook with a null identity). */
  force?: boolean;
  /** Write although an owner file says the book is open elsewhere (the user says it is stale). */
  ignoreLockFile?: boolean;
  /** Named in the lock file, for whoever has to wait. */
  command?: string;
  /** How long to wait for another target-desk's lock; default TARGET_DESK_LOCK_WAIT_MS or 60 s. */
  lockWaitMs?: number;
}

export interface BookForUpdate {
  bytes: Buffer;
  identity: BookIdentity;
  /** Gives the lock back; safe to call twice. */
  release(): void;
}

export async function readBookForUpdate(
  file: string,
  options: StoreOptions = {},
): Promise<BookForUpdate> {
  // A missing or unreadable book is reported as such, not as a lock that could not be made.
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch (e) {
    throw osFailure(e, file, CANNOT_READ);
  }
  const release = await acquireLock(file, options);
  try {
    refuseIfOpenElsewhere(file, options);
    const { bytes, identity } = readWithIdentity(file);
    return { bytes, identity, release };
  } catch (e) {
    release();
    throw e;
  }
}

export async function commitBook(
  file: string,
  identity: BookIdentity | null,
  bytes: Uint8Array,
  options: StoreOptions = {},
): Promise<void> {
  // A new output may name a folder still to be made (`init --out demo/plan.xlsx`).
  if (identity === null) ensureFolder(path.dirname(writeTarget(file)));
  const release = await acquireLock(file, options);
  try {
    if (identity === null) refuseExistingOutput(file, options.force ?? false);
    refuseIfOpenElsewhere(file, options);
    await replaceFile(file, bytes, () => {
      if (identity) refuseIfChanged(file, identity);
      refuseIfOpenElsewhere(file, options);
    });
  } finally {
    release();
  }
}

/** Read, run `job`, and commit the bytes it returns (none: nothing is written), under one lock. */
export async function updateBook<T>(
  file: string,
  options: StoreOptions,
  job: (bytes: Buffer) => Promise<{ bytes?: Uint8Array; result: T }>,
): Promise<T> {
  const book = await readBookForUpdate(file, options);
  try {
    const { bytes, result } = await job(book.bytes);
    if (bytes) await commitBook(file, book.identity, bytes, options);
    return result;
  } finally {
    book.release();
  }
}

/**
 * A new output must not replace an existing file unless the user said --force. `option` names
 * the option that chose the file, for the message.
 */
export function refuseExistingOutput(file: string, force: boolean, option = 'name'): void {
  if (!force && exists(file)) throw inputError('file.exists', file, { option });
}

/** A folder for outputs, made if missing. */
export function ensureFolder(dir: string): void {
  try {
    // A file in the way is EEXIST (or ENOTDIR further down the path).
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw osFailure(e, dir, CANNOT_MAKE_FOLDER);
  }
}

/** Whether two paths name the same file (after links); false when either is missing. */
export function sameFile(a: string, b: string): boolean {
  return writeTarget(a) === writeTarget(b);
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function readWithIdentity(file: string): { bytes: Buffer; identity: BookIdentity } {
  try {
    const bytes = fs.readFileSync(file);
    const { size, mtimeMs } = fs.statSync(file);
    return { bytes, identity: { size, mtimeMs, hash: sha256(bytes) } };
  } catch (e) {
    throw osFailure(e, file, CANNOT_READ);
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The content decides: a touch that changes only the mtime is not a change. */
function refuseIfChanged(file: string, identity: BookIdentity): void {
  let now: Buffer | undefined;
  try {
    now = fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw osFailure(e, file, CANNOT_READ);
  }
  if (!now || now.length !== identity.size || sha256(now) !== identity.hash)
    throw inputError('book.changed', file, {});
}

function refuseIfOpenElsewhere(file: string, options: StoreOptions): void {
  if (options.ignoreLockFile) return;
  const target = writeTarget(file);
  // The owner file sits beside the path the program opened: the link's or the target's.
  for (const at of new Set([path.resolve(file), target])) {
    for (const o of ownerFileNames(path.basename(at))) {
      const ownerFile = path.join(path.dirname(at), o.name);
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(ownerFile);
      } catch {
        continue;
      }
      const owner = parseOwnerFile(o.kind, bytes);
      throw inputError('book.openElsewhere', file, {
        program: o.kind,
        user: owner.user || null,
        host: owner.host || null,
        since: owner.since || null,
        ownerFile,
      });
    }
  }
}

interface LockHolder {
  pid: number;
  host: string;
  user?: string;
  command?: string;
  since?: string;
}

/** Locks this process holds, with a count, so commitBook inside updateBook does not wait on itself. */
const held = new Map<string, number>();

function lockPath(file: string): string {
  const target = writeTarget(file);
  return path.join(path.dirname(target), `.${path.basename(target)}.target-desk-lock`);
}

async function acquireLock(file: string, options: StoreOptions): Promise<() => void> {
  const lock = lockPath(file);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const n = held.get(lock)! - 1;
    if (n > 0) held.set(lock, n);
    else {
      held.delete(lock);
      fs.rmSync(lock, { force: true });
    }
  };
  if (held.has(lock)) {
    held.set(lock, held.get(lock)! + 1);
    return release;
  }
  const wait = options.lockWaitMs ?? (Number(process.env.TARGET_DESK_LOCK_WAIT_MS) || 60000);
  const deadline = Date.now() + wait;
  const user = userName();
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    ...(user ? { user } : {}),
    ...(options.command ? { command: options.command } : {}),
    since: new Date().toISOString(),
  };
  for (;;) {
    try {
      fs.writeFileSync(lock, JSON.stringify(me), { flag: 'wx' });
      held.set(lock, 1);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw osFailure(e, file, CANNOT_WRITE);
    }
    const holder = readHolder(lock);
    if (holder && isStale(holder)) {
      removeIfUnchanged(lock, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder
        ? `pid ${holder.pid} on ${holder.host}${holder.command ? `, ${holder.command}` : ''}${holder.since ? `, since ${holder.since}` : ''}`
        : 'unknown';
      throw inputError('book.locked', file, { who, lock });
    }
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
  }
}

/** os.userInfo throws for a uid without a passwd entry (some containers). */
function userName(): string | undefined {
  try {
    return os.userInfo().username;
  } catch {
    return undefined;
  }
}

function readHolder(lock: string): LockHolder | undefined {
  try {
    const h = JSON.parse(fs.readFileSync(lock, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : undefined;
  } catch {
    // Gone meanwhile, or caught between create and write: try again.
    return undefined;
  }
}

/** Only a lock from this host can be judged: its process no longer exists. */
function isStale(h: LockHolder): boolean {
  if (h.host !== os.hostname()) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes a stale lock only if it is still the same one (another waiter may have replaced it). */
function removeIfUnchanged(lock: string, stale: LockHolder): void {
  const now = readHolder(lock);
  if (now && now.pid === stale.pid && now.since === stale.since) fs.rmSync(lock, { force: true });
}
