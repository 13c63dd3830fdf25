/**
 * Operating-system failures as user errors (SPEC §12): one line naming the path and the cause,
 * exit 2, never a stack trace. `what` says what was being done (CANNOT_WRITE).
 */
import { InputError, inputError } from '../engine/errors';
import type { OsAction } from '../engine/messages/en/io';

export function isOsError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  const code = e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

export function osFailure(e: unknown, file: string, what: OsAction): InputError {
  if (e instanceof InputError) return e;
  if (!isOsError(e)) throw e;
  return inputError('os.failed', file, { action: what, code: e.code, message: e.message });
}

export const CANNOT_READ: OsAction = 'read';
export const CANNOT_WRITE: OsAction = 'write';
export const CANNOT_MAKE_FOLDER: OsAction = 'makeFolder';
