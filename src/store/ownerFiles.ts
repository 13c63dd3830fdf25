/**
 * Owner ("lock") files that office programs leave beside a document while it is open, and who
 * they name. Pure: the store passes in the book's file name and the bytes it found.
 *
 * - Excel, WPS: `~$NAME`. Word cuts the first two characters of longer names (`~$an.docx` for
 *   `plan.docx`); WPS and older Excel versions do it for spreadsheets too, so both names count.
 *   The file starts with the user name's length in one byte and the name in the Windows ANSI code
 *   page, then (at byte 54 for Word, 55 for Excel and PowerPoint) the length again as a 16-bit
 *   word and the name in UTF-16LE; 162 or 165 bytes in all, padded with spaces or zeros.
 * - LibreOffice: `.~lock.NAME#`, one CSV entry `office user,system user,host,date,profile URL;`
 *   in UTF-8 with `\` escaping `,` `;` and `\`.
 */

export type OwnerFileKind = 'office' | 'libreoffice';

export interface OwnerFileName {
  name: string;
  kind: OwnerFileKind;
}

export interface Owner {
  /** The user the file names, when it names one. */
  user?: string;
  host?: string;
  since?: string;
}

/** The owner-file names to look for beside a book called `bookName`. */
export function ownerFileNames(bookName: string): OwnerFileName[] {
  const names: OwnerFileName[] = [{ name: `~$${bookName}`, kind: 'office' }];
  if (bookName.length > 2) names.push({ name: `~$${bookName.slice(2)}`, kind: 'office' });
  names.push({ name: `.~lock.${bookName}#`, kind: 'libreoffice' });
  return names;
}

export function parseOwnerFile(kind: OwnerFileKind, bytes: Uint8Array): Owner {
  return kind === 'office' ? officeOwner(bytes) : libreOfficeOwner(bytes);
}

const MAX_NAME = 52;

function officeOwner(b: Uint8Array): Owner {
  const ansiLength = b[0];
  if (!ansiLength || ansiLength > MAX_NAME || b.length < 1 + ansiLength) return {};
  // Word puts the UTF-16 length at 54 after zero padding; Excel at 55 after space padding, so a
  // 0x20 at 54 preceded by a non-zero byte is Excel's padding, not a length.
  let at = 54;
  if (b[at] === 0x20 && (b[at - 1] !== 0 || b[at - 2] !== 0)) at = 55;
  const utf16Length = b[at];
  if (utf16Length > 0 && utf16Length <= MAX_NAME && b[at + 1] === 0) {
    const end = at + 2 + 2 * utf16Length;
    if (end <= b.length) {
      const user = Buffer.from(b.subarray(at + 2, end)).toString('utf16le');
      return { user };
    }
  }
  // No UTF-16 copy: the ANSI name (its code page unknown; ASCII names read right).
  return { user: Buffer.from(b.subarray(1, 1 + ansiLength)).toString('latin1') };
}

function libreOfficeOwner(b: Uint8Array): Owner {
  const fields: string[] = [];
  let field = '';
  const text = Buffer.from(b).toString('utf8');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) field += text[++i];
    else if (c === ',' || c === ';') {
      fields.push(field);
      field = '';
      if (c === ';') break;
    } else field += c;
  }
  if (field) fields.push(field);
  const [officeUser, systemUser, host, since] = fields.map((f) => f.trim());
  const user = officeUser || systemUser;
  return {
    ...(user ? { user } : {}),
    ...(host ? { host } : {}),
    ...(since ? { since } : {}),
  };
}
