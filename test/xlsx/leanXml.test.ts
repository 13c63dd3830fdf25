/**
 * xmlText (src/xlsx/leanXml.ts), which the lean scanner applies to every value, formula and
 * attribute it reads, reads text as saxes (the parser under ExcelJS) hands it on, and ill-formed
 * text (which saxes refuses) as the released reading did.
 */
import { SaxesParser } from 'saxes';
import { xmlText } from '../../src/xlsx/leanXml';
import { seededRandom } from '../../src/sample/seededRandom';

/** The text saxes reads in `<a>raw</a>`, or null when it finds the text ill-formed. */
function saxesText(raw: string): string | null {
  const parser = new SaxesParser();
  let text = '';
  let failed = false;
  parser.on('text', (t) => (text += t));
  parser.on('error', () => (failed = true));
  parser.write(`<a>${raw}</a>`).close();
  return failed ? null : text;
}

/** xmlText as released until 2026-11-29: two regular-expression passes. */
function releasedXmlText(raw: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
  if (!raw.includes('&') && !raw.includes('\r')) return raw;
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (all, e: string) => {
      if (e[0] !== '#') return named[e] ?? all;
      return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    });
}

const PIECES = [
  'IF(G2',
  '&gt;',
  '&lt;',
  '&amp;',
  '&quot;',
  '&apos;',
  '&#10;',
  '&#x4E2D;',
  '&foo;',
  '&',
  ';',
  'amp;',
  '\r\n',
  '\r',
  '\n',
  '考核',
  ' ',
  '0,J2/G2,',
];

const random = (seed: number) => seededRandom(seed).next;

it('reads 20,000 generated texts as saxes does, and ill-formed ones as before', () => {
  const differ: string[] = [];
  let wellFormed = 0;
  for (let seed = 1; seed <= 20_000; seed++) {
    const next = random(seed);
    const raw = Array.from(
      { length: Math.floor(next() * 8) },
      () => PIECES[Math.floor(next() * PIECES.length)],
    ).join('');
    const sax = saxesText(raw);
    if (sax !== null) wellFormed++;
    if (xmlText(raw) !== (sax ?? releasedXmlText(raw))) differ.push(raw);
    if (xmlText(raw) !== releasedXmlText(raw)) differ.push(raw);
  }
  expect(differ).toEqual([]);
  expect(wellFormed).toBeGreaterThan(3000);
  expect(xmlText('IF(G2&gt;0,J2/G2,&quot;&quot;)')).toBe('IF(G2>0,J2/G2,"")');
});
