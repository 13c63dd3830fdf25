import { InputError, inputError } from './errors';

/** An exact decimal: value = int / 10^scale. */
export interface Decimal {
  int: bigint;
  scale: number;
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The exact decimal a JSON number or numeric string denotes. A JS number is read through its
 * shortest round-trip representation, so 0.07 is exactly 7/100, not the nearest binary double.
 */
export function parseDecimal(x: number | string, where = ''): Decimal {
  if (typeof x !== 'number' && typeof x !== 'string') throw notANumber(x, where);
  if (typeof x === 'number' && !Number.isFinite(x))
    throw inputError('number.notFinite', where, { got: x });
  const m = DECIMAL_RE.exec(typeof x === 'number' ? String(x) : x.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw notANumber(x, where);
  const frac = m[3] ?? '';
  const exp = m[4] ? parseInt(m[4], 10) : 0;
  let int = BigInt((m[2] || '0') + frac);
  let scale = frac.length - exp;
  if (scale < 0) {
    int *= 10n ** BigInt(-scale);
    scale = 0;
  }
  if (m[1] === '-') int = -int;
  return normalize({ int, scale });
}

function notANumber(x: unknown, where: string): InputError {
  return inputError('number.notNumber', where, { got: x });
}

/** Strips trailing zeros so that scale is the number of significant decimal places. */
export function normalize(d: Decimal): Decimal {
  let { int, scale } = d;
  while (scale > 0 && int % 10n === 0n) {
    int /= 10n;
    scale--;
  }
  return { int, scale };
}

/** The integer d · 10^scale, or null when d has more decimal places than that. */
export function toScaledInt(d: Decimal, scale: number): bigint | null {
  if (d.scale > scale) return null;
  return d.int * 10n ** BigInt(scale - d.scale);
}

/** The JS number closest to int / 10^scale (exact for values a user can type). */
export function scaledToNumber(int: bigint, scale: number): number {
  if (scale === 0) return Number(int);
  const neg = int < 0n;
  const digits = (neg ? -int : int).toString().padStart(scale + 1, '0');
  return Number(`${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

/** The exact decimal text of int / 10^scale, without trailing zeros (for messages). */
export function formatScaled(int: bigint, scale: number): string {
  const d = normalize({ int, scale });
  if (d.scale === 0) return d.int.toString();
  const neg = d.int < 0n;
  const digits = (neg ? -d.int : d.int).toString().padStart(d.scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
}
