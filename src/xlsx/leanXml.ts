/** XML text as lean sheets read and write it, matching what ExcelJS reads and writes. */

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Text or an attribute value as an XML parser (saxes, under ExcelJS) hands it on. */
export function xmlText(raw: string): string {
  const amp = raw.indexOf('&');
  if (amp < 0 && !raw.includes('\r')) return raw;
  return (amp < 0 ? null : namedEntitiesOnly(raw, amp)) ?? anyText(raw);
}

/** The common case, text with only the five named entities (formulas' `&gt;` and `&quot;`). */
function namedEntitiesOnly(raw: string, amp: number): string | null {
  if (raw.includes('\r')) return null;
  let out = '';
  let from = 0;
  for (let at = amp; at >= 0; at = raw.indexOf('&', from)) {
    const end = raw.indexOf(';', at);
    const decoded = end < 0 ? undefined : ENTITY_TEXT.get(raw.slice(at, end + 1));
    if (decoded === undefined) return null;
    out += raw.slice(from, at) + decoded;
    from = end + 1;
  }
  return out + raw.slice(from);
}

const ENTITY_TEXT = new Map(Object.entries(ENTITIES).map(([name, text]) => [`&${name};`, text]));

function anyText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (all, e: string) => {
      if (e[0] !== '#') return ENTITIES[e] ?? all;
      return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    });
}

/**
 * ExcelJS's utils.xmlEncode: the five markup characters escaped, control characters XML 1.0 cannot
 * hold dropped (a lean sheet writes what ExcelJS would have written for the same value).
 */
export function xmlEscape(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[<>&'"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/.test(text)) return text;
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // eslint-disable-next-line no-control-regex
      .replace(/[\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g, '')
  );
}

/**
 * The strings of a sharedStrings part by index, as ExcelJS's shared-string xform reads them: a plain
 * entry's `<t>` text with `_xHHHH_` escapes decoded; null for rich text and entries without text,
 * which lean sheets do not carry.
 */
export function readSharedStrings(xml: string): (string | null)[] {
  const out: (string | null)[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) {
    const inner = m[1] ?? '';
    if (/<r\b/.test(inner)) {
      out.push(null);
      continue;
    }
    const t = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/.exec(inner);
    out.push(
      t
        ? xmlText(t[1] ?? '').replace(/_x([0-9A-F]{4})_/g, (_, h: string) =>
            String.fromCharCode(parseInt(h, 16)),
          )
        : null,
    );
  }
  return out;
}

/** A `<si>` entry as ExcelJS's text xform writes it. */
export function sharedStringXml(s: string): string {
  const space = /^\s|\n|\s$/.test(s) ? ' xml:space="preserve"' : '';
  return `<si><t${space}>${xmlEscape(s)}</t></si>`;
}
