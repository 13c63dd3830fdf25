/**
 * The parts of a package being finished after ExcelJS wrote it (lean sheets spliced in, charts
 * drawn, custom properties set): jszip in the browser, or, in Node, the parts of ExcelJS's stored
 * package held as they are and deflated once by Node's zlib into the saved package, without jszip
 * reading and writing the whole package a second time. Node only: the browser saves through jszip.
 */
import * as zlib from 'zlib';
import { readEntry, storedPackage, zipDirectory } from './zipPackage';

/**
 * What the finishing steps use of a package: jszip's `file` for reading and writing a part (as text,
 * or as UTF-8 bytes: big rendered sheets).
 */
export interface PartStore {
  file(name: string): { async(type: 'string'): Promise<string> } | null;
  file(name: string, data: string | Uint8Array): unknown;
}

/** A stored package's parts, read in place; parts written are kept as given until zipped. */
export class StoredParts implements PartStore {
  private readonly parts = new Map<string, Uint8Array | string>();
  private readonly crcs = new Map<string, number>();

  constructor(stored: Buffer) {
    // Folder entries too: the saved package keeps every entry ExcelJS wrote.
    for (const e of zipDirectory(stored, 'book.xlsx')) {
      this.parts.set(e.name, readEntry(stored, e, 'book.xlsx'));
      this.crcs.set(e.name, e.crc);
    }
  }

  file(name: string): { async(type: 'string'): Promise<string> } | null;
  file(name: string, data: string | Uint8Array): unknown;
  file(name: string, data?: string | Uint8Array): unknown {
    if (data !== undefined) {
      this.parts.set(name, data);
      this.crcs.delete(name);
      return this;
    }
    const part = this.parts.get(name);
    if (part === undefined) return null;
    return { async: async () => (typeof part === 'string' ? part : bytes(part).toString('utf8')) };
  }

  /** The package, its parts deflated. */
  deflated(): Buffer {
    const buffers = new Map<string, Buffer>();
    for (const [name, part] of this.parts)
      buffers.set(name, typeof part === 'string' ? Buffer.from(part, 'utf8') : bytes(part));
    this.parts.clear();
    // Level 4: on a big book 2.5 times as fast as zlib's default 6, for 5–10 % more bytes.
    return storedPackage(buffers, this.crcs, (content) =>
      zlib.deflateRawSync(content, { level: 4 }),
    );
  }
}

/** A Buffer over the same memory (no copy). */
const bytes = (part: Uint8Array) => Buffer.from(part.buffer, part.byteOffset, part.byteLength);
