import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import * as zlib from 'zlib';
import { StoredParts } from '../../src/xlsx/partStore';
import { readPackage, storedPackage } from '../../src/xlsx/zipPackage';
import { bookBuffer, saveBookAtomic } from '../../src/xlsx';
import { initBook } from '../plan/books';
import { xiachengSample } from '../../src/sample/xiacheng';

const dir = mkdtempSync(join(tmpdir(), 'td-deflate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file of a package with its bytes, CRC-32 checked on reading. */
async function contents(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer, { checkCRC32: true });
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files))
    out[name] = file.dir ? '(folder)' : Buffer.from(await file.async('uint8array')).toString('hex');
  return out;
}

/** The compression method of each local header, in order. */
function methods(buffer: Buffer): number[] {
  const out: number[] = [];
  for (let at = 0; buffer.readUInt32LE(at) === 0x04034b50;) {
    out.push(buffer.readUInt16LE(at + 8));
    at +=
      30 +
      buffer.readUInt16LE(at + 26) +
      buffer.readUInt16LE(at + 28) +
      buffer.readUInt32LE(at + 18);
  }
  return out;
}

function sample(): JSZip {
  const zip = new JSZip();
  zip.file('xl/sharedStrings.xml', '<sst>'.padEnd(20000, '下城区目标分解') + '</sst>');
  zip.file('xl/media/image1.bin', Buffer.from([0, 1, 2, 255, 254, 0, 0, 7]));
  zip.file('empty.txt', '');
  return zip;
}

describe('saved packages deflated by zlib', () => {
  it('storedPackage deflates every non-empty part, keeping names, bytes and CRCs', async () => {
    const stored = await sample().generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    const parts = readPackage(stored, 'sample.zip');
    const deflated = storedPackage(parts, new Map(), (b) => zlib.deflateRawSync(b));
    const files = async (b: Buffer) =>
      Object.fromEntries(Object.entries(await contents(b)).filter(([n]) => !n.endsWith('/')));
    expect(await files(deflated)).toEqual(await files(stored));
    expect(deflated.length).toBeLessThan(stored.length / 10);
    expect(methods(stored).every((m) => m === 0)).toBe(true);
    // The empty file stays stored; the two parts with content are deflated.
    expect(methods(deflated)).toEqual([8, 8, 0]);
  });

  it('StoredParts: parts read in place, rewritten as text, deflated once', async () => {
    const stored = await sample().generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    const parts = new StoredParts(stored);
    expect(await parts.file('empty.txt')!.async('string')).toBe('');
    expect(parts.file('missing.xml')).toBeNull();
    parts.file('empty.txt', '下城区 & <写入>');
    const back = await JSZip.loadAsync(parts.deflated(), { checkCRC32: true });
    expect(await back.file('empty.txt')!.async('string')).toBe('下城区 & <写入>');
    expect(await back.file('xl/media/image1.bin')!.async('nodebuffer')).toEqual(
      Buffer.from([0, 1, 2, 255, 254, 0, 0, 7]),
    );
  });

  it('saveBookAtomic writes the same parts as bookBuffer', async () => {
    const wb = initBook(xiachengSample());
    const file = join(dir, 'book.xlsx');
    await saveBookAtomic(wb, file, { properties: { 'td.kind': 'plan' } });
    const saved = await contents(readFileSync(file));
    const buffered = await contents(await bookBuffer(wb, { properties: { 'td.kind': 'plan' } }));
    const withoutTimes = (c: Record<string, string>) => ({ ...c, 'docProps/core.xml': '' });
    expect(withoutTimes(saved)).toEqual(withoutTimes(buffered));
    expect(Buffer.from(saved['docProps/custom.xml'], 'hex').toString()).toContain('name="td.kind"');
  });
});
