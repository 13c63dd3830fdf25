/**
 * Where the 网页版's book comes from and goes back to: a File System Access handle where the
 * browser has one (Chromium: save in place), else a file chosen or dropped and a download. The
 * browser's share of SPEC §12: a file changed on disk since the page opened (or last saved) it is
 * not overwritten without asking, and the write is the browser's atomic one (a swap file, then a
 * rename on close).
 */

/** The parts of the File System Access API that TypeScript's DOM library does not have yet. */
interface WritableHandle extends FileSystemFileHandle {
  queryPermission?(o: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(o: { mode: 'readwrite' }): Promise<PermissionState>;
}
interface PickerWindow {
  showOpenFilePicker?(o: object): Promise<WritableHandle[]>;
  showSaveFilePicker?(o: object): Promise<WritableHandle>;
}
const picker = () => window as unknown as PickerWindow;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PICKER_TYPES = [{ description: 'Excel 工作簿', accept: { [XLSX_TYPE]: ['.xlsx'] } }];

/** A file as it was when read or written: what "changed on disk since" is measured against. */
export interface FileStamp {
  lastModified: number;
  size: number;
}

export interface BookFile {
  name: string;
  handle?: FileSystemFileHandle;
  stamp?: FileStamp;
}

export const stampOf = (f: File): FileStamp => ({ lastModified: f.lastModified, size: f.size });

export function changedSince(seen: FileStamp, now: FileStamp): boolean {
  return seen.lastModified !== now.lastModified || seen.size !== now.size;
}

export const isXlsx = (name: string) => /\.xlsx$/i.test(name);

const aborted = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

/** Lets the user choose a workbook: the File System Access picker if present (keeps a handle). */
export async function pickBook(
  fallback: () => void,
): Promise<{ file: File; handle?: FileSystemFileHandle } | undefined> {
  const open = picker().showOpenFilePicker;
  if (!open) {
    fallback();
    return undefined;
  }
  try {
    const [handle] = await open.call(window, { types: PICKER_TYPES, multiple: false });
    return { file: await handle.getFile(), handle };
  } catch (e) {
    if (aborted(e)) return undefined;
    throw e;
  }
}

/** The handle of a dropped file, where the browser gives one (Chromium). */
export async function droppedHandle(
  item: DataTransferItem | undefined,
): Promise<FileSystemFileHandle | undefined> {
  const get = (item as { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> })
    ?.getAsFileSystemHandle;
  if (!item || !get) return undefined;
  const h = await get.call(item);
  return h && h.kind === 'file' ? (h as FileSystemFileHandle) : undefined;
}

export type SaveOutcome =
  | { kind: 'saved'; file: BookFile }
  | { kind: 'downloaded'; file: BookFile }
  | { kind: 'refused' }
  | { kind: 'cancelled' };

async function writeTo(handle: WritableHandle, data: Uint8Array): Promise<BookFile> {
  const w = await handle.createWritable();
  await w.write(data as BlobPart);
  await w.close();
  return { name: handle.name, handle, stamp: stampOf(await handle.getFile()) };
}

function download(data: Uint8Array, name: string): BookFile {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: XLSX_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name };
}

/**
 * Saves over the book's own file when there is a handle (asking first, through `confirmOverwrite`,
 * when the file changed since it was stamped); with no handle, like saveBookAs.
 */
export async function saveBook(
  data: Uint8Array,
  file: BookFile,
  confirmOverwrite: () => boolean,
): Promise<SaveOutcome> {
  const handle: WritableHandle | undefined = file.handle;
  if (!handle) return saveBookAs(data, file.name);
  if (
    handle.queryPermission &&
    (await handle.queryPermission({ mode: 'readwrite' })) !== 'granted'
  ) {
    const granted = await handle.requestPermission?.({ mode: 'readwrite' });
    if (granted !== 'granted') return { kind: 'cancelled' };
  }
  const now = stampOf(await handle.getFile());
  if (file.stamp && changedSince(file.stamp, now) && !confirmOverwrite())
    return { kind: 'refused' };
  return { kind: 'saved', file: await writeTo(handle, data) };
}

/** A new file chosen in the save picker where the browser has one, else a download. */
export async function saveBookAs(data: Uint8Array, name: string): Promise<SaveOutcome> {
  const save = picker().showSaveFilePicker;
  if (!save) return { kind: 'downloaded', file: download(data, name) };
  try {
    const handle = await save.call(window, { suggestedName: name, types: PICKER_TYPES });
    return { kind: 'saved', file: await writeTo(handle, data) };
  } catch (e) {
    if (aborted(e)) return { kind: 'cancelled' };
    throw e;
  }
}
