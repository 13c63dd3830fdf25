/**
 * The one way packages come in (books, returns, lists): checked against the size limits before
 * anything is inflated (src/xlsx/zipPackage.ts), rewritten where ExcelJS could not read a valid
 * package (src/xlsx/normalisePackage.ts), and handed on stored, so ExcelJS inflates nothing.
 */
import JSZip from 'jszip';
import { canInflate, readEntry, storedPackage, zipDirectory } from './zipPackage';
import { normaliseParts } from './normalisePackage';

/** `buffer` (an xlsx read from `file`) as a stored package ExcelJS reads; InputError when refused. */
export async function openPackage(buffer: Buffer, file: string): Promise<Buffer> {
  const { parts, crcs } = await openParts(buffer, file);
  return storedPackage(parts, crcs);
}

/**
 * The parts of `buffer`, checked and normalised, and the CRC-32 of those unchanged (for
 * storedPackage). A caller that changes a part deletes its CRC.
 */
export async function openParts(
  buffer: Buffer,
  file: string,
): Promise<{ parts: Map<string, Buffer>; crcs: Map<string, number> }> {
  const entries = zipDirectory(buffer, file).filter((e) => !e.name.endsWith('/'));
  const parts = new Map<string, Buffer>();
  const crcs = new Map<string, number>();
  if (canInflate()) {
    for (const e of entries) {
      parts.set(e.name, readEntry(buffer, e, file));
      crcs.set(e.name, e.crc);
    }
  } else {
    // The browser build has no zlib: jszip inflates, after the directory passed the limits.
    const zip = await JSZip.loadAsync(buffer);
    for (const e of entries) {
      const part = zip.file(e.name);
      if (part) parts.set(e.name, Buffer.from(await part.async('uint8array')));
    }
  }
  for (const name of normaliseParts(parts, file)) crcs.delete(name);
  return { parts, crcs };
}
