/**
 * A package's structure read from its XML: relationships, and which part holds which sheet. Used
 * where parts are handled as text (native charts, sheets loaded as values only).
 */
import { xmlText } from './leanXml';

/** An attribute's raw (still escaped) value in a start tag. */
export function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** A relationships part as Id → Target. */
export function parseRels(xml: string): Map<string, string> {
  const rels = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g))
    rels.set(attr(m[0], 'Id') ?? '', attr(m[0], 'Target') ?? '');
  return rels;
}

/** Resolves a relationship target against the directory of its source part. */
export function resolvePath(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = dir.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Each sheet's part, by sheet name, from xl/workbook.xml and its relationships. */
export function sheetPartPaths(workbookXml: string, relsXml: string): Map<string, string> {
  const rels = parseRels(relsXml);
  const paths = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const target = rels.get(attr(m[0], 'r:id') ?? '');
    if (target) paths.set(xmlText(attr(m[0], 'name') ?? ''), resolvePath('xl/', target));
  }
  return paths;
}
