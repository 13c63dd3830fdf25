/**
 * Compresses a zip package's parts with Node's native zlib: jszip's JavaScript deflate takes
 * several times as long on a big book (reading goes through src/xlsx/openPackage.ts). The CRC-32 of each entry is that
 * of its content, so it is carried over and never recomputed. Node only (the browser build maps
 * zlib to nothing; the task pane uses jszip alone).
 */
import * as zlib from 'zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General-purpose flag bit 3: sizes and CRC follow the data, in a data descriptor. */
const DATA_DESCRIPTOR = 0x0008;

function endRecord(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (zip.readUInt32LE(i) === END) return i;
  throw new Error('rezip: not a zip package (no end of central directory)');
}

/** A stored (uncompressed) package with its parts deflated. */
export function deflateStoredZip(zip: Buffer, level = 6): Buffer {
  return rezip(zip, STORED, (content) => zlib.deflateRawSync(content, { level }), DEFLATED);
}

/** The package with each non-empty part in method `from` converted by `convert` to method `to`. */
function rezip(
  zip: Buffer,
  from: number,
  convert: (content: Buffer) => Buffer,
  to: number,
): Buffer {
  const end = endRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error('rezip: damaged central directory');
    const central = Buffer.from(
      zip.subarray(
        at,
        at + 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32),
      ),
    );
    at += central.length;
    const method = central.readUInt16LE(10);
    const size = central.readUInt32LE(20); // as stored in the package, compressed or not
    const header = central.readUInt32LE(42);
    if (zip.readUInt32LE(header) !== LOCAL) throw new Error('rezip: damaged local header');
    const localHeader = Buffer.from(
      zip.subarray(
        header,
        header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28),
      ),
    );
    const content = zip.subarray(header + localHeader.length, header + localHeader.length + size);
    const converted = method === from && size > 0;
    const data = converted ? convert(content) : content;
    const newMethod = converted ? to : method;
    const flags = central.readUInt16LE(8) & ~DATA_DESCRIPTOR;
    for (const [h, base] of [
      [localHeader, 4],
      [central, 6],
    ] as const) {
      h.writeUInt16LE(Math.max(h.readUInt16LE(base), 20), base); // version needed to extract: 2.0 for deflate
      h.writeUInt16LE(flags, base + 2);
      h.writeUInt16LE(newMethod, base + 4);
      h.writeUInt32LE(central.readUInt32LE(16), base + 10); // CRC-32, also where a data descriptor held it
      h.writeUInt32LE(data.length, base + 14);
      h.writeUInt32LE(central.readUInt32LE(24), base + 18);
    }
    central.writeUInt32LE(offset, 42);
    locals.push(localHeader, data);
    centrals.push(central);
    offset += localHeader.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const tail = Buffer.from(zip.subarray(end, end + 22 + zip.readUInt16LE(end + 20)));
  tail.writeUInt32LE(directory.length, 12);
  tail.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, tail]);
}
