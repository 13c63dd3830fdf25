/**
 * The reading front door for zip packages (SPEC §12 "Hostile files"): the central directory is read
 * and its declared sizes checked before anything is inflated, and inflating is bounded again by the
 * declared sizes, since a header can lie. A zip bomb is refused in milliseconds, with no more memory
 * than the compressed file.
 */
import * as zlib from 'zlib';
import { InputError, inputError, problem } from '../engine/errors';
import type { PackageDamage } from '../engine/messages/en/io';

const MB = 1024 * 1024;
export const PACKAGE_LIMITS = {
  /** All parts together, uncompressed. */
  totalBytes: 100 * MB,
  /** A part above `ratioFrom` bytes uncompressed may be at most this many times its compressed size. */
  ratio: 100,
  ratioFrom: 10 * MB,
};

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const STORED = 0;
const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  crc: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A file that is not a readable zip package at all (as opposed to one refused by the limits). */
export class NotAPackage extends InputError {}

function damaged(file: string, what: PackageDamage, part = ''): InputError {
  return new NotAPackage([problem('package.damaged', file, { what, part })]);
}

function endRecord(zip: Buffer, file: string): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (zip.readUInt32LE(i) === END) return i;
  throw damaged(file, 'noEnd');
}

/** Sizes of 0xFFFFFFFF mean "in the zip64 extra field", in the order size, compressed, offset. */
function zip64Fields(extra: Buffer, wanted: boolean[]): number[] {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const len = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      const out: number[] = [];
      let at = i + 4;
      for (const w of wanted) {
        if (!w) continue;
        out.push(at + 8 <= i + 4 + len ? Number(extra.readBigUInt64LE(at)) : NaN);
        at += 8;
      }
      return out;
    }
    i += 4 + len;
  }
  return wanted.filter(Boolean).map(() => NaN);
}

/** The package's parts as its central directory declares them, refused when over the limits. */
export function zipDirectory(zip: Buffer, file: string): ZipEntry[] {
  if (zip.length < 22) throw damaged(file, 'tooShort');
  const end = endRecord(zip, file);
  let count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const locator = end - 20;
  if (locator >= 0 && zip.readUInt32LE(locator) === ZIP64_LOCATOR) {
    const z64 = Number(zip.readBigUInt64LE(locator + 8));
    if (z64 + 56 > zip.length || zip.readUInt32LE(z64) !== ZIP64_END) throw damaged(file, 'zip64');
    count = Number(zip.readBigUInt64LE(z64 + 32));
    at = Number(zip.readBigUInt64LE(z64 + 48));
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw damaged(file, 'directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    let size = zip.readUInt32LE(at + 24);
    let compressedSize = zip.readUInt32LE(at + 20);
    let localOffset = zip.readUInt32LE(at + 42);
    const wide = [size, compressedSize, localOffset].map((v) => v === 0xffffffff);
    if (wide.some(Boolean)) {
      const extra = zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
      const values = zip64Fields(extra, wide);
      if (wide[0]) size = values.shift() ?? NaN;
      if (wide[1]) compressedSize = values.shift() ?? NaN;
      if (wide[2]) localOffset = values.shift() ?? NaN;
    }
    const entry = {
      name,
      crc: zip.readUInt32LE(at + 16),
      method: zip.readUInt16LE(at + 10),
      compressedSize,
      size,
      localOffset,
    };
    checkEntry(entry, file);
    total += size;
    if (total > PACKAGE_LIMITS.totalBytes) throw tooLarge(file, name, total);
    entries.push(entry);
    at += 46 + nameLength + extraLength + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function tooLarge(file: string, part: string, bytes: number): InputError {
  const mb = Math.ceil(bytes / MB);
  const limit = PACKAGE_LIMITS.totalBytes / MB;
  return inputError('package.tooLarge', file, { limit, mb, part });
}

function checkEntry(e: ZipEntry, file: string): void {
  if (
    !Number.isFinite(e.size) ||
    !Number.isFinite(e.compressedSize) ||
    !Number.isFinite(e.localOffset)
  )
    throw damaged(file, 'sizes', e.name);
  if (e.method !== STORED && e.method !== DEFLATED)
    throw inputError('package.badMethod', file, { part: e.name, method: e.method });
  if (e.size > PACKAGE_LIMITS.totalBytes) throw tooLarge(file, e.name, e.size);
  if (e.size > PACKAGE_LIMITS.ratioFrom && e.size > PACKAGE_LIMITS.ratio * e.compressedSize)
    throw inputError('package.ratio', file, {
      part: e.name,
      times: Math.round(e.size / Math.max(1, e.compressedSize)),
      ratio: PACKAGE_LIMITS.ratio,
      fromMb: PACKAGE_LIMITS.ratioFrom / MB,
    });
}

/** The compressed bytes of one part, as its local header places them. */
function rawContent(zip: Buffer, e: ZipEntry, file: string): Buffer {
  const h = e.localOffset;
  if (h + 30 > zip.length || zip.readUInt32LE(h) !== LOCAL)
    throw damaged(file, 'localHeader', e.name);
  const start = h + 30 + zip.readUInt16LE(h + 26) + zip.readUInt16LE(h + 28);
  if (start + e.compressedSize > zip.length) throw damaged(file, 'cutShort', e.name);
  return zip.subarray(start, start + e.compressedSize);
}

/**
 * One part, inflated. The output may not exceed the declared size: a header that understates it
 * stops the inflater at that size rather than letting it fill memory.
 */
export function readEntry(zip: Buffer, e: ZipEntry, file: string): Buffer {
  const content = rawContent(zip, e, file);
  if (e.method === STORED) {
    if (content.length !== e.size) throw damaged(file, 'wrongSize', e.name);
    return content;
  }
  let data: Buffer;
  try {
    data = zlib.inflateRawSync(content, { maxOutputLength: Math.max(1, e.size) });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE')
      throw inputError('package.beyondDeclared', file, { part: e.name, size: e.size });
    throw damaged(file, 'noInflate', e.name);
  }
  if (data.length !== e.size) throw damaged(file, 'wrongSize', e.name);
  return data;
}

/** Whether this build can inflate by itself (Node); the browser build maps zlib to nothing. */
export function canInflate(): boolean {
  return typeof zlib.inflateRawSync === 'function';
}

/** Every part of a package, checked and inflated (Node only). Directories are left out. */
export function readPackage(zip: Buffer, file: string): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  for (const e of zipDirectory(zip, file))
    if (!e.name.endsWith('/')) parts.set(e.name, readEntry(zip, e, file));
  return parts;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data);
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A package of `parts` stored uncompressed, which ExcelJS reads without inflating anything, or with
 * each non-empty part compressed by `deflate` (raw deflate, Node's zlib) when given.
 * `crcs` gives the CRC-32 of parts already known (from the package read); the others are computed.
 */
export function storedPackage(
  parts: Map<string, Buffer>,
  crcs: Map<string, number>,
  deflate?: (content: Buffer) => Buffer,
): Buffer {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = crcs.get(name) ?? crc32(content);
    const method = deflate && content.length ? DEFLATED : STORED;
    const data = method === DEFLATED && deflate ? deflate(content) : content;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed to extract: 2.0
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
