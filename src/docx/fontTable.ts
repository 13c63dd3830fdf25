/**
 * word/fontTable.xml written from the model's fonts: `docx` writes only embedded fonts there. Each
 * entry names the face Word and WPS substitute when the GB/T 9704 face (方正小标宋简体, 仿宋_GB2312,
 * 楷体_GB2312) is not installed: w:altName, and the PANOSE and GB2312 charset (86) they match on.
 */
import type { FontSpec } from '../plan/bulletinDocumentModel';

export function fontTableXml(fonts: readonly FontSpec[]): string {
  const entries = fonts.map(
    (f) =>
      `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.altName)}"/>` +
      `<w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/>` +
      `<w:pitch w:val="variable"/></w:font>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${entries.join('')}</w:fonts>`
  );
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
