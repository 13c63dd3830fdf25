/**
 * Rewrites a valid OOXML package into the shape ExcelJS can read. ExcelJS matches elements by
 * their prefixed names (`xdr:wsDr`, `a:blip`, `worksheet`) and relationship targets by their
 * relative form (`../tables/table1.xml`), while the standard lets a writer choose any prefix and
 * absolute targets: openpyxl writes `<wsDr xmlns="…spreadsheetDrawing">` and `/xl/tables/table1.xml`,
 * and ExcelJS then fails with "Cannot read properties of undefined". The rewrite changes names only,
 * never content, and leaves parts already in that shape byte for byte as they were.
 */
import { SaxesParser, SaxesTagNS } from 'saxes';
import { InputError, inputError } from '../engine/errors';

/** The prefix ExcelJS expects for each namespace it reads ('' = the default namespace). */
const CANONICAL: Record<string, string> = {
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': '',
  'http://schemas.openxmlformats.org/package/2006/relationships': '',
  'http://schemas.openxmlformats.org/package/2006/content-types': '',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties': '',
  'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties': '',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes': 'vt',
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing': 'xdr',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'c',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://www.w3.org/2001/XMLSchema-instance': 'xsi',
};
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Whether some namespace ExcelJS reads is bound to another prefix than the one it expects. */
function needsCanonicalPrefixes(xml: string): boolean {
  for (const m of xml.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const expected = CANONICAL[m[2] ?? m[3]];
    if (expected !== undefined && expected !== (m[1] ?? '')) return true;
  }
  return false;
}

const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) =>
  escapeText(s)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');

/** The part with every namespace ExcelJS reads on its expected prefix; other namespaces keep theirs. */
function canonicalPrefixes(xml: string, where: string): string {
  const prefixOf = (uri: string, prefix: string) => CANONICAL[uri] ?? prefix;
  const qname = (uri: string, prefix: string, local: string) => {
    const p = uri === XML_NS ? 'xml' : prefixOf(uri, prefix);
    return p ? `${p}:${local}` : local;
  };
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'];
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | undefined;
  let depth = 0;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    let s = `<${qname(tag.uri, tag.prefix, tag.local)}`;
    const declared = new Set<string>();
    for (const [prefix, uri] of Object.entries(tag.ns ?? {})) {
      const p = prefixOf(uri, prefix);
      if (declared.has(p)) continue;
      declared.add(p);
      s += p ? ` xmlns:${p}="${escapeAttr(uri)}"` : ` xmlns="${escapeAttr(uri)}"`;
    }
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === XMLNS_NS || a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      s += ` ${a.prefix ? qname(a.uri, a.prefix, a.local) : a.local}="${escapeAttr(a.value)}"`;
    }
    if (!tag.isSelfClosing) depth++;
    out.push(tag.isSelfClosing ? `${s}/>` : `${s}>`);
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (tag.isSelfClosing) return;
    depth--;
    out.push(`</${qname(tag.uri, tag.prefix, tag.local)}>`);
  });
  parser.on('text', (t) => {
    if (depth > 0) out.push(escapeText(t)); // not the whitespace around the root
  });
  parser.on('cdata', (t) => out.push(escapeText(t)));
  parser.write(xml).close();
  if (failure) throw inputError('package.badXml', '', { part: where, detail: failure.message });
  return out.join('');
}

/** `target` (absolute in the package) relative to the folder `from`. */
function relativeTo(from: string, target: string): string {
  const base = from ? from.split('/') : [];
  const to = target.replace(/^\/+/, '').split('/');
  let common = 0;
  while (common < base.length && common < to.length - 1 && base[common] === to[common]) common++;
  return [...base.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** A relationships part with its absolute internal targets made relative to its source part. */
function relativeTargets(relsName: string, xml: string): string {
  const folder = relsName.replace(/(^|\/)_rels\/[^/]*$/, '');
  return xml.replace(/<Relationship\b[^>]*>/g, (rel) =>
    /\bTargetMode\s*=\s*["']External["']/.test(rel)
      ? rel
      : rel.replace(
          /\bTarget\s*=\s*(["'])\/([^"']*)\1/,
          (_, q: string, t: string) => `Target=${q}${relativeTo(folder, t)}${q}`,
        ),
  );
}

/**
 * Rewrites the parts of `parts` ExcelJS could not read, in place. Returns the names of the parts
 * changed. `file` names the package in messages.
 */
export function normaliseParts(parts: Map<string, Buffer>, file: string): string[] {
  const changed: string[] = [];
  for (const [name, data] of parts) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const original = data.toString('utf8');
    let xml = original;
    try {
      if (needsCanonicalPrefixes(xml)) xml = canonicalPrefixes(xml, name);
    } catch (e) {
      if (e instanceof InputError)
        throw new InputError(e.problems.map((p) => ({ ...p, where: file })));
      throw e;
    }
    if (name.endsWith('.rels')) xml = relativeTargets(name, xml);
    if (xml !== original) {
      parts.set(name, Buffer.from(xml, 'utf8'));
      changed.push(name);
    }
  }
  return changed;
}
