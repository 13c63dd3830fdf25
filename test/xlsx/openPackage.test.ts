import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { bookBuffer, loadBook, readSnapshot } from '../../src/xlsx';
import { openPackage } from '../../src/xlsx/openPackage';
import { readGridFile } from '../../src/xlsx/returnFile';
import { PACKAGE_LIMITS, readPackage } from '../../src/xlsx/zipPackage';
import { initBook } from '../plan/books';
import { xiachengSample } from '../../src/sample/xiacheng';
import { runCli } from '../support/cli';
import { BombPart, craftPackage, zerosDeflated } from '../support/zipBomb';

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'td-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let book: string;
let template: string;

beforeAll(async () => {
  book = join(dir, 'plan.xlsx');
  writeFileSync(book, await bookBuffer(initBook(xiachengSample())));
  expect(runCli(['templates', book, '--period', '2019Q3', '--out-dir', join(dir, 't')]).code).toBe(
    0,
  );
  template = join(dir, 't', '2019Q3-武林街道-季度报表.xlsx');
});

/** Every file of a package with its bytes, CRC-32 checked on reading. */
async function contents(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer, { checkCRC32: true });
  const out: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files))
    if (!file.dir) out[name] = Buffer.from(await file.async('uint8array')).toString('hex');
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

/** The real return template with its sheet replaced by `bomb`, other parts stored as they are. */
function returnWith(bomb: Omit<BombPart, 'name'>, name = 'xl/worksheets/sheet1.xml'): Buffer {
  const parts = readPackage(readFileSync(template), template);
  const crafted: BombPart[] = [...parts]
    .filter(([n]) => n !== name)
    .map(([n, content]) => ({ name: n, content, declaredSize: content.length, stored: true }));
  return craftPackage([...crafted, { name, ...bomb }]);
}

/** Runs `read` and returns its error, the time it took and the memory it added. */
async function refusal(
  read: () => Promise<unknown>,
): Promise<{ error: Error; ms: number; mb: number }> {
  global.gc?.();
  const before = process.memoryUsage();
  const start = process.hrtime.bigint();
  let error: Error | undefined;
  try {
    await read();
  } catch (e) {
    error = e as Error;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const after = process.memoryUsage();
  const mb = Math.max(after.rss - before.rss, after.arrayBuffers - before.arrayBuffers) / MB;
  if (!error) throw new Error('read without refusal');
  return { error, ms, mb };
}

describe('openPackage', () => {
  it('stores every part of a deflated package uncompressed, data descriptors included', async () => {
    const zip = new JSZip();
    zip.file('xl/sharedStrings.xml', '<sst>'.padEnd(20000, '下城区目标分解') + '</sst>');
    zip.file('xl/media/image1.bin', Buffer.from([0, 1, 2, 255, 254, 0, 0, 7]));
    zip.file('empty.txt', '');
    for (const streamFiles of [false, true]) {
      const deflated = await zip.generateAsync({
        type: 'nodebuffer',
        compression: 'DEFLATE',
        streamFiles,
      });
      const stored = await openPackage(deflated, 'x.xlsx');
      expect(await contents(stored)).toEqual(await contents(deflated));
      expect(methods(stored)).toEqual([0, 0, 0]);
    }
  });

  it('refuses a part that does not expand to its recorded size', async () => {
    const deflated = readFileSync(template);
    const central = deflated.lastIndexOf('xl/sharedStrings.xml') - 46;
    const damaged = Buffer.from(deflated);
    damaged.writeUInt32LE(damaged.readUInt32LE(central + 24) + 1, central + 24);
    await expect(openPackage(damaged, 'r.xlsx')).rejects.toThrow(
      'r.xlsx: not an xlsx workbook (not a zip package: part xl/sharedStrings.xml is not its declared size)',
    );
  });

  it('loadBook reads a book as before, and still names a file that is no workbook', async () => {
    expect(readSnapshot(await loadBook(book)).tables.TD_Units.rows).toHaveLength(16);
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'PK not really');
    await expect(loadBook(bad)).rejects.toThrow('not an xlsx workbook');
  });
});

describe('zip bombs (SPEC §12: refused before inflating, in well under a second, a few MB)', () => {
  it('the limits are those of the SPEC', () => {
    expect(PACKAGE_LIMITS).toEqual({ totalBytes: 100 * MB, ratio: 100, ratioFrom: 10 * MB });
  });

  it('refuses a 1.5 MB return that says it expands to 1.5 GB, from its directory', async () => {
    const file = join(dir, 'bomb-return.xlsx');
    const content = zerosDeflated(1536);
    writeFileSync(file, returnWith({ content, declaredSize: 1536 * MB }));
    expect(readFileSync(file).length).toBeLessThan(2 * MB);
    for (const read of [() => readGridFile(file), () => loadBook(file)]) {
      const { error, ms, mb } = await refusal(read);
      expect(error.message).toMatch(
        /bomb-return\.xlsx: refused: the package expands to more than 100 MB \(at least 1536 MB by part xl\/worksheets\/sheet1\.xml\)/,
      );
      expect(ms).toBeLessThan(500);
      expect(mb).toBeLessThan(10);
    }
  });

  it('stops inflating a part whose header understates its size (headers can lie)', async () => {
    const file = join(dir, 'liar.xlsx');
    writeFileSync(file, returnWith({ content: zerosDeflated(1536), declaredSize: 5000 }));
    const { error, ms, mb } = await refusal(() => readGridFile(file));
    expect(error.message).toBe(
      'liar.xlsx: refused: part xl/worksheets/sheet1.xml expands beyond the size its header declares (5000 bytes), as a zip bomb does; nothing read',
    );
    expect(ms).toBeLessThan(500);
    expect(mb).toBeLessThan(10);
  });

  it('refuses a part above 10 MB compressed more than 100:1, and takes 100:1 or one under 10 MB', async () => {
    const file = join(dir, 'ratio.xlsx');
    writeFileSync(file, returnWith({ content: zerosDeflated(20), declaredSize: 20 * MB }));
    await expect(loadBook(file)).rejects.toThrow(
      /ratio\.xlsx: refused: part xl\/worksheets\/sheet1\.xml expands \d+ times \(more than 100:1 above 10 MB\)/,
    );
    // 9 MB of zeros in 9 KB is a ratio of 1000, but under 10 MB: read.
    writeFileSync(
      file,
      returnWith({ content: zerosDeflated(9), declaredSize: 9 * MB }, 'xl/media/zeros.bin'),
    );
    const zeros = (await JSZip.loadAsync(await openPackage(readFileSync(file), 'ratio.xlsx')))
      .file('xl/media/zeros.bin')!
      .async('nodebuffer');
    expect((await zeros).equals(Buffer.alloc(9 * MB))).toBe(true);
  });

  it('refuses parts that together expand to more than 100 MB, naming the part that passes the limit', async () => {
    const parts: BombPart[] = [1, 2, 3].map((n) => ({
      name: `xl/media/big${n}.bin`,
      content: Buffer.alloc(MB / 2), // 40 MB declared from 0.5 MB: 80:1, under the ratio
      declaredSize: 40 * MB,
    }));
    await expect(openPackage(craftPackage(parts), 'many.xlsx')).rejects.toThrow(
      'many.xlsx: refused: the package expands to more than 100 MB (at least 120 MB by part xl/media/big3.bin); nothing read',
    );
  });

  it('the CLI refuses a bomb as a return, a list and a book, naming the file and the part', () => {
    const bombReturn = join(dir, 'bomb-return.xlsx');
    writeFileSync(
      bombReturn,
      returnWith({ content: zerosDeflated(1536), declaredSize: 1536 * MB }),
    );
    const r = runCli(['import-returns', book, bombReturn]);
    expect(r.stdout + r.stderr).toContain('bomb-return.xlsx');
    expect(r.stdout + r.stderr).toContain('xl/worksheets/sheet1.xml');
    expect(r.code).toBe(2);
    const l = runCli(['import-list', book, bombReturn, '--indicator', 'gqq_new']);
    expect([l.code, l.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(l.stderr).toMatch(/bomb-return\.xlsx: refused: .*xl\/worksheets\/sheet1\.xml/);
    const e = runCli(['export', bombReturn]);
    expect(e.code).toBe(2);
    expect(e.stderr.trim().split('\n')).toHaveLength(1);
    expect(e.stderr).toMatch(/bomb-return\.xlsx: refused: .*xl\/worksheets\/sheet1\.xml/);
  });
});
