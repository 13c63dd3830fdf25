/**
 * The project's own OOXML schema check: every XML part of an .xlsx or .docx validated with xmllint
 * against the ECMA-376 transitional schemas in test/schemas/ooxml, after markup compatibility is
 * applied as Office applies it (ISO/IEC 29500-3): what mc:Ignorable names is dropped and
 * mc:AlternateContent becomes its mc:Fallback; xml:space is allowed anywhere. docProps/core.xml is
 * skipped (its schema imports Dublin Core from the web). It reports what ../shared/tools/ooxml-check
 * reports, line for line (test/schema/ooxmlCheck.test.ts holds the two side by side), so it needs no
 * folder outside the project.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DOMParser, XMLSerializer, Node as XNode, Element as XElement } from '@xmldom/xmldom';
import { readPackage } from '../../src/xlsx/zipPackage';

const XSD = path.resolve(__dirname, '../schemas/ooxml');
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const SCHEMAS: Record<string, string> = {
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': 'sml.xsd',
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'wml.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing':
    'dml-spreadsheetDrawing.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'dml-chart.xsd',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'dml-main.xsd',
  'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties':
    'shared-documentPropertiesCustom.xsd',
  'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties':
    'shared-documentPropertiesExtended.xsd',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'opc-xsd/opc-contentTypes.xsd',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'opc-xsd/opc-relationships.xsd',
};

/** One schema importing every namespace checked, so xmllint picks each part's root by namespace. */
function wrapperSchema(dir: string): string {
  const pairs: [string, string][] = [[XML_NS, 'xml.xsd'], ...Object.entries(SCHEMAS)];
  const imports = pairs
    .map(([ns, f]) => `<xsd:import namespace="${ns}" schemaLocation="${path.join(XSD, f)}"/>`)
    .join('');
  const file = path.join(dir, 'all.xsd');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">${imports}</xsd:schema>`,
  );
  return file;
}

class NotWellFormed extends Error {}

/** The nodes that stay beside an element: the text up to the next element (a "tail"). */
function tail(node: XNode): XNode[] {
  const out: XNode[] = [];
  for (let n = node.nextSibling; n && n.nodeType !== n.ELEMENT_NODE; n = n.nextSibling) out.push(n);
  return out;
}

/**
 * The part with markup compatibility applied, serialised as ElementTree does (no declaration, the
 * root on line 1), and the root's
 * namespace. Elements that go take the text after them along, so line numbers stay those of the
 * Python tool (ElementTree drops an element with its tail).
 */
function applyMarkupCompatibility(xml: Buffer): { data: string; rootNs: string } {
  const errors: string[] = [];
  let root: XElement | null;
  try {
    root = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') errors.push(msg);
      },
    }).parseFromString(xml.toString('utf8'), 'text/xml').documentElement;
  } catch (e) {
    throw new NotWellFormed((e as Error).message);
  }
  if (errors.length || !root) throw new NotWellFormed(errors[0] ?? 'no root element');
  // Ignorable prefixes resolve to the first declaration of that prefix anywhere in the part.
  const prefixes = new Map<string, string>();
  const collect = (el: XElement) => {
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes[i];
      if (a.namespaceURI !== XMLNS_NS) continue;
      const prefix = a.prefix === 'xmlns' ? (a.localName ?? '') : '';
      if (!prefixes.has(prefix)) prefixes.set(prefix, a.value ?? '');
    }
    for (let c = el.firstChild; c; c = c.nextSibling)
      if (c.nodeType === c.ELEMENT_NODE) collect(c as XElement);
  };
  collect(root);
  const ignorable = new Set(
    (root.getAttributeNS(MC, 'Ignorable') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((p) => prefixes.get(p))
      .filter((ns): ns is string => ns !== undefined),
  );
  const clean = (el: XElement) => {
    for (const a of Array.from({ length: el.attributes.length }, (_, i) => el.attributes[i])) {
      const ns = a.namespaceURI ?? '';
      if (ns !== XMLNS_NS && (ignorable.has(ns) || ns === MC || ns === XML_NS))
        el.removeAttributeNode(a);
    }
    for (const child of Array.from(el.childNodes)) {
      if (child.parentNode !== el) continue; // already moved away with a tail
      if (
        child.nodeType === child.COMMENT_NODE ||
        child.nodeType === child.PROCESSING_INSTRUCTION_NODE
      ) {
        el.removeChild(child);
        continue;
      }
      if (child.nodeType !== child.ELEMENT_NODE) continue;
      const c = child as XElement;
      const drop = [c, ...tail(c)];
      if (c.namespaceURI === MC && c.localName === 'AlternateContent') {
        const fallback = Array.from(c.childNodes).find(
          (n): n is XElement =>
            n.nodeType === n.ELEMENT_NODE &&
            (n as XElement).namespaceURI === MC &&
            (n as XElement).localName === 'Fallback',
        );
        const kept: XNode[] = [];
        if (fallback)
          for (const n of Array.from(fallback.childNodes))
            if (n.nodeType === n.ELEMENT_NODE) kept.push(clean(n as XElement), ...tail(n));
        for (const n of kept) el.insertBefore(n, c);
        for (const n of drop) el.removeChild(n);
      } else if (ignorable.has(c.namespaceURI ?? '')) {
        for (const n of drop) el.removeChild(n);
      } else clean(c);
    }
    return el;
  };
  clean(root);
  return {
    data: new XMLSerializer().serializeToString(root),
    rootNs: root.namespaceURI ?? '',
  };
}

/** Problems of one package, each `file › part:line: message`; empty when it is valid. */
export function ooxmlProblems(file: string): string[] {
  let parts: Map<string, Buffer>;
  try {
    parts = readPackage(fs.readFileSync(file), file);
  } catch (e) {
    return [`${file}: not a zip package (${(e as Error).message})`];
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ooxml-check-'));
  try {
    const problems: string[] = [];
    const files = new Map<string, string>(); // temp file -> part name
    for (const [name, xml] of parts) {
      if (!(name.endsWith('.xml') || name.endsWith('.rels')) || name === 'docProps/core.xml')
        continue;
      let cleaned: { data: string; rootNs: string };
      try {
        cleaned = applyMarkupCompatibility(xml);
      } catch (e) {
        if (!(e instanceof NotWellFormed)) throw e;
        problems.push(`${file} › ${name}: not well-formed XML (${e.message})`);
        continue;
      }
      if (!(cleaned.rootNs in SCHEMAS)) continue;
      const part = path.join(dir, `part${files.size}.xml`);
      fs.writeFileSync(part, cleaned.data);
      files.set(part, name);
    }
    if (!files.size) return problems;
    const r = spawnSync('xmllint', ['--noout', '--schema', wrapperSchema(dir), ...files.keys()], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    for (const line of r.stderr.split('\n')) {
      if (!line.trim() || line.endsWith('validates') || line.endsWith('fails to validate'))
        continue;
      const where = [...files.keys()].find((f) => line.startsWith(`${f}:`));
      problems.push(
        where
          ? `${file} › ${files.get(where)}:${line.slice(where.length + 1)}`
          : `${file}: ${line}`,
      );
    }
    return problems;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
