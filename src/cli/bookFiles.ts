/** How CLI commands reach the book store (src/store/bookStore.ts), and the options they share. */
import type ExcelJS from 'exceljs';
import { StoreOptions, updateBook } from '../store/bookStore';
import { LoadOptions, bookFileBytes, loadBookBuffer } from '../xlsx';
import { CommandArgs, OptionSpec, flag } from './args';

export const IGNORE_LOCK_FILE: OptionSpec = {
  type: 'boolean',
  help: 'write although an Excel/WPS/LibreOffice owner file says the book is open (a left-over one)',
};

export function storeOptions(args: CommandArgs, command: string, force = false): StoreOptions {
  return { command, force, ignoreLockFile: flag(args, 'ignore-lock-file') };
}

export interface BookEdit<T> {
  result: T;
  /** Write the book back (false: leave it untouched). */
  save: boolean;
  properties?: Record<string, string>;
}

/** Loads a plan book under the store's lock, runs `job` on it and commits it if the job says so. */
export function editBook<T>(
  file: string,
  options: StoreOptions,
  job: (wb: ExcelJS.Workbook) => Promise<BookEdit<T>>,
  load: LoadOptions = {},
): Promise<T> {
  return updateBook(file, options, async (bytes) => {
    const wb = await loadBookBuffer(bytes, file, load);
    const edit = await job(wb);
    if (!edit.save) return { result: edit.result };
    const saved = await bookFileBytes(wb, edit.properties ? { properties: edit.properties } : {});
    return { result: edit.result, bytes: saved };
  });
}
