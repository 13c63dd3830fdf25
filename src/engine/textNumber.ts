/**
 * Numbers typed as text in a return or list (SPEC §8): accepted when only one reading is possible —
 * full-width digits `１２`, thousands separators `1,234`, surrounding spaces — and refused when a
 * person could mean two things (`1,23`, `1.234,5`, `1 234`) or wrote words (`十二`, `12家`).
 */

export type TextNumber =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; text: string }
  /** Why not: commas where thousands separators do not go, two readings, or not digits at all. */
  | { kind: 'invalid'; reason: 'grouping' | 'ambiguous' | 'notNumber' };

const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

export function parseTextNumber(raw: string): TextNumber {
  // NFKC maps full-width digits, comma, period, minus and the ideographic space to ASCII.
  const text = raw
    .normalize('NFKC')
    .replace(/[\u2212\uff0d]/g, '-')
    .trim();
  if (text === '') return { kind: 'blank' };
  if (PLAIN.test(text)) return { kind: 'number', value: Number(text), text };
  if (GROUPED.test(text)) return { kind: 'number', value: Number(text.replace(/,/g, '')), text };
  if (/^[+-]?[\d,]+(?:\.\d+)?$/.test(text)) {
    return { kind: 'invalid', reason: 'grouping' };
  }
  if (/^[+-]?[\d.,\s]+$/.test(text)) return { kind: 'invalid', reason: 'ambiguous' };
  return { kind: 'invalid', reason: 'notNumber' };
}
