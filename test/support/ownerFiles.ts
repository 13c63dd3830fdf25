/**
 * Owner files built byte for byte as Excel, Word and LibreOffice write them: Excel's 165 bytes are
 * the name's length, the name in the ANSI code page padded with spaces to byte 55, the length as a
 * 16-bit word, the name in UTF-16LE, then space/zero pairs; Word's 162 pad with zeros to byte 54.
 */
export function excelOwnerFile(user: string, ansi: Buffer = Buffer.from(user, 'latin1')): Buffer {
  const b = Buffer.alloc(165, 0);
  b[0] = user.length;
  ansi.copy(b, 1);
  b.fill(0x20, 1 + ansi.length, 55);
  b.writeUInt16LE(user.length, 55);
  const utf16 = Buffer.from(user, 'utf16le');
  utf16.copy(b, 57);
  for (let i = 57 + utf16.length; i < 165; i += 2) b[i] = 0x20;
  return b;
}

export function wordOwnerFile(user: string): Buffer {
  const b = Buffer.alloc(162, 0);
  b[0] = user.length;
  Buffer.from(user, 'latin1').copy(b, 1);
  b.writeUInt16LE(user.length, 54);
  Buffer.from(user, 'utf16le').copy(b, 56);
  return b;
}

/** LibreOffice's `.~lock.NAME#`: office user, system user, host, date, profile URL; in UTF-8. */
export function libreOfficeLockFile(officeUser: string, systemUser: string, host: string): Buffer {
  return Buffer.from(
    `${officeUser},${systemUser},${host},29.11.2026 13:02,file:///home/${systemUser}/.config/libreoffice/4;`,
    'utf8',
  );
}
