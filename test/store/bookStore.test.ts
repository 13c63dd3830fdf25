import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { commitBook, readBookForUpdate, updateBook } from '../../src/store/bookStore';
import { excelOwnerFile } from '../support/ownerFiles';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'td-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function pkg(text: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('x.txt', text);
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function text(file: string): Promise<string> {
  return (await JSZip.loadAsync(fs.readFileSync(file))).file('x.txt')!.async('string');
}

describe('book store', () => {
  it('refuses to commit over a book changed after it was read, and writes nothing', async () => {
    const book = path.join(dir, 'plan.xlsx');
    fs.writeFileSync(book, await pkg('v1'));
    const read = await readBookForUpdate(book);
    try {
      const other = await pkg('changed elsewhere');
      fs.writeFileSync(book, other);
      await expect(commitBook(book, read.identity, await pkg('mine'), {})).rejects.toThrow(
        `${book}: changed by another program since it was read; nothing written`,
      );
      expect(fs.readFileSync(book).equals(other)).toBe(true);
    } finally {
      read.release();
    }
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  it('commits when only the mtime changed, and holds the lock file only while working', async () => {
    const book = path.join(dir, 'plan.xlsx');
    fs.writeFileSync(book, await pkg('v1'));
    await updateBook(book, {}, async (bytes) => {
      expect(fs.readdirSync(dir).sort()).toEqual(['.plan.xlsx.target-desk-lock', 'plan.xlsx']);
      fs.utimesSync(book, new Date(2020, 0, 1), new Date(2020, 0, 1));
      expect(await text(book)).toBe('v1');
      return { bytes: await pkg(`${bytes.length > 0 ? 'v2' : ''}`), result: null };
    });
    expect(await text(book)).toBe('v2');
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  it('refuses bytes that are not a package and leaves the book and no temporary file', async () => {
    const book = path.join(dir, 'plan.xlsx');
    fs.writeFileSync(book, await pkg('v1'));
    await expect(commitBook(book, null, Buffer.from('not a zip'), { force: true })).rejects.toThrow(
      'the file written did not read back as a package; nothing written',
    );
    expect(await text(book)).toBe('v1');
    expect(fs.readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  it('refuses a new output over an existing file unless force', async () => {
    const out = path.join(dir, 'out.xlsx');
    fs.writeFileSync(out, 'keep');
    await expect(commitBook(out, null, await pkg('new'), {})).rejects.toThrow(
      `${out}: the file already exists; choose another name, or add --force to replace it`,
    );
    expect(fs.readFileSync(out, 'utf8')).toBe('keep');
    await commitBook(out, null, await pkg('new'), { force: true });
    expect(await text(out)).toBe('new');
  });

  it('makes the folder of a new output', async () => {
    const out = path.join(dir, 'a', 'b', 'new.xlsx');
    await commitBook(out, null, await pkg('new'));
    expect(await text(out)).toBe('new');
  });

  it('refuses a commit when an owner file appeared after the read', async () => {
    const book = path.join(dir, 'plan.xlsx');
    fs.writeFileSync(book, await pkg('v1'));
    const read = await readBookForUpdate(book);
    fs.writeFileSync(path.join(dir, '~$plan.xlsx'), excelOwnerFile('Li Wei'));
    await expect(commitBook(book, read.identity, await pkg('v2'))).rejects.toThrow(
      /the book is open in Excel or WPS \(by Li Wei, owner file .*~\$plan\.xlsx\)/,
    );
    read.release();
    expect(await text(book)).toBe('v1');
    await commitBook(book, read.identity, await pkg('v2'), { ignoreLockFile: true });
    expect(await text(book)).toBe('v2');
  });
});
