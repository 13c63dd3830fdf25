import * as zlib from 'zlib';
import { storedPackage } from '../../src/xlsx/zipPackage';

const MB = 1024 * 1024;

/**
 * A raw deflate stream of `mb` MB of zeros, built without inflating anything: one megabyte
 * compressed with a full flush is self-contained and byte-aligned, so the same bytes repeated `mb`
 * times and closed by an empty final block expand to `mb` MB (about 1000:1).
 */
export function zerosDeflated(mb: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(MB), { finishFlush: zlib.constants.Z_FULL_FLUSH });
  const chunks: Buffer[] = Array.from({ length: mb }, () => block);
  chunks.push(Buffer.from([0x03, 0x00])); // an empty final block
  return Buffer.concat(chunks);
}

export interface BombPart {
  name: string;
  /** The bytes stored for the part (deflated unless `stored`). */
  content: Buffer;
  /** The uncompressed size the directory declares. */
  declaredSize: number;
  stored?: boolean;
}

/**
 * An xlsx-looking package whose parts are given as raw content with the sizes the central
 * directory and local headers should claim (true or not).
 */
export function craftPackage(parts: BombPart[]): Buffer {
  const zip = storedPackage(new Map(parts.map((p) => [p.name, p.content])), new Map());
  // storedPackage wrote each part stored with its true length: patch method and declared size.
  const out = Buffer.from(zip);
  let at = 0;
  const locals: number[] = [];
  for (const p of parts) {
    locals.push(at);
    out.writeUInt16LE(p.stored ? 0 : 8, at + 8);
    out.writeUInt32LE(p.declaredSize, at + 22);
    at += 30 + Buffer.byteLength(p.name) + p.content.length;
  }
  for (const p of parts) {
    out.writeUInt16LE(p.stored ? 0 : 8, at + 10);
    out.writeUInt32LE(p.declaredSize, at + 24);
    at += 46 + Buffer.byteLength(p.name);
  }
  return out;
}
