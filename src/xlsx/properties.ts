/**
 * Custom document properties (docProps/custom.xml): ExcelJS neither writes nor keeps them, so they
 * are written into the saved package with jszip. Values are text (vt:lpwstr).
 */
import JSZip from 'jszip';
import type { PartStore } from './partStore';

const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

/** The package's custom properties as name → text. */
export async function readCustomProperties(zip: JSZip): Promise<Record<string, string>> {
  const part = zip.file(CUSTOM_PART);
  return part ? customProperties(await part.async('string')) : {};
}

/** The custom properties of a package's parts, as name → text. */
export function partsCustomProperties(parts: Map<string, Buffer>): Record<string, string> {
  const part = parts.get(CUSTOM_PART);
  return part ? customProperties(part.toString('utf8')) : {};
}

function customProperties(xml: string): Record<string, string> {
  const props: Record<string, string> = {};
  for (const m of xml.matchAll(
    /<(?:\w+:)?property\b[^>]*?\bname="([^"]*)"[^>]*>([\s\S]*?)<\/(?:\w+:)?property>/g,
  )) {
    const value = /<(?:\w+:)?\w+>([\s\S]*?)<\/(?:\w+:)?\w+>/.exec(m[2]);
    props[unescapeXml(m[1])] = value ? unescapeXml(value[1]) : '';
  }
  return props;
}

function customXml(props: Record<string, string>): string {
  const items = Object.entries(props)
    .map(
      ([name, value], i) =>
        `<property fmtid="${FMTID}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items}</Properties>`
  );
}

/** Replaces the package's custom properties by `props` (adding the part, its content type and relationship). */
export async function writeCustomProperties(
  zip: PartStore,
  props: Record<string, string>,
): Promise<void> {
  zip.file(CUSTOM_PART, customXml(props));
  const typesFile = zip.file('[Content_Types].xml');
  if (typesFile) {
    const types = await typesFile.async('string');
    if (!types.includes(`PartName="/${CUSTOM_PART}"`)) {
      zip.file(
        '[Content_Types].xml',
        types.replace(
          '</Types>',
          `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`,
        ),
      );
    }
  }
  const relsFile = zip.file('_rels/.rels');
  if (relsFile) {
    const rels = await relsFile.async('string');
    if (!rels.includes(`Target="${CUSTOM_PART}"`) && !rels.includes(`Target="/${CUSTOM_PART}"`)) {
      const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
      const id = `rId${Math.max(0, ...ids) + 1}`;
      zip.file(
        '_rels/.rels',
        rels.replace(
          '</Relationships>',
          `<Relationship Id="${id}" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`,
        ),
      );
    }
  }
}

/** An xlsx package with its custom properties set to `props`. */
export async function withCustomProperties(
  xlsx: Buffer,
  props: Record<string, string>,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  await writeCustomProperties(zip, props);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
