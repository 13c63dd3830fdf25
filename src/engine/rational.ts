import { parseDecimal } from './decimal';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** ⌊a / b⌋ for b > 0 (BigInt division truncates toward zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

function bitLength(a: bigint): number {
  return a.toString(2).length;
}

/**
 * An exact rational number n/d (d > 0, in lowest terms). Scores, rates and totals are computed in
 * these so that a rank or a grade never depends on binary floating-point noise (SPEC §5).
 */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  static of(n: bigint | number, d: bigint | number = 1n): Rational {
    let nn = BigInt(n);
    let dd = BigInt(d);
    if (dd === 0n) throw new RangeError('Rational: zero denominator');
    if (dd < 0n) {
      nn = -nn;
      dd = -dd;
    }
    if (dd === 1n) return new Rational(nn, dd);
    const g = gcd(nn, dd);
    return g === 1n ? new Rational(nn, dd) : new Rational(nn / g, dd / g);
  }

  /** The exact decimal a JSON number denotes (0.1 is 1/10, not the nearest binary double). */
  static fromNumber(x: number): Rational {
    if (Number.isSafeInteger(x)) return new Rational(BigInt(x), 1n);
    const { int, scale } = parseDecimal(x);
    return Rational.of(int, 10n ** BigInt(scale));
  }

  add(o: Rational): Rational {
    if (this.d === o.d) return Rational.of(this.n + o.n, this.d);
    return Rational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }

  sub(o: Rational): Rational {
    return this.add(o.neg());
  }

  neg(): Rational {
    return new Rational(-this.n, this.d);
  }

  mul(o: Rational): Rational {
    return Rational.of(this.n * o.n, this.d * o.d);
  }

  /** Throws RangeError when o is zero: callers decide what "undefined" means (e.g. 无任务). */
  div(o: Rational): Rational {
    return Rational.of(this.n * o.d, this.d * o.n);
  }

  cmp(o: Rational): number {
    const a = this.n * o.d;
    const b = o.n * this.d;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(o: Rational): boolean {
    return this.n === o.n && this.d === o.d;
  }

  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }

  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }

  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }

  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }

  isZero(): boolean {
    return this.n === 0n;
  }

  isPositive(): boolean {
    return this.n > 0n;
  }

  min(o: Rational): Rational {
    return this.le(o) ? this : o;
  }

  max(o: Rational): Rational {
    return this.ge(o) ? this : o;
  }

  /**
   * Rounded half up (toward +∞ at exactly half) to `places` decimals, as an exact rational:
   * 80.125 → 80.13, 80.1249999… → 80.12.
   */
  roundHalfUp(places: number): Rational {
    const scale = 10n ** BigInt(places);
    return Rational.of(floorDiv(2n * this.n * scale + this.d, 2n * this.d), scale);
  }

  /** roundHalfUp(places) as a fixed-point string: "80.13", "-0.50", "7". */
  toFixed(places: number): string {
    const scale = 10n ** BigInt(places);
    const scaled = floorDiv(2n * this.n * scale + this.d, 2n * this.d);
    const neg = scaled < 0n;
    const digits = (neg ? -scaled : scaled).toString().padStart(places + 1, '0');
    const int = digits.slice(0, digits.length - places);
    const text = places > 0 ? `${int}.${digits.slice(-places)}` : int;
    return neg ? `-${text}` : text;
  }

  /** The double nearest to n/d (correctly rounded for the magnitudes a scenario produces). */
  toNumber(): number {
    const { n, d } = this;
    const neg = n < 0n;
    const a = neg ? -n : n;
    // Both operands exact doubles: IEEE division is correctly rounded.
    if (a <= MAX_SAFE && d <= MAX_SAFE) return Number(n) / Number(d);
    // A quotient of at least 66 significant bits with a sticky bit for the remainder, so that the
    // one rounding in Number(q) is the correct rounding of n/d.
    const shift = 66 - (bitLength(a) - bitLength(d));
    let q: bigint;
    let r: bigint;
    if (shift >= 0) {
      const num = a << BigInt(shift);
      q = num / d;
      r = num % d;
    } else {
      const den = d << BigInt(-shift);
      q = a / den;
      r = a % den;
    }
    if (r !== 0n) q |= 1n;
    const x = Number(q) * 2 ** -shift;
    return neg ? -x : x;
  }

  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

/** Σ of the values, exactly. */
export function sum(values: Iterable<Rational>): Rational {
  let s = Rational.ZERO;
  for (const v of values) s = s.add(v);
  return s;
}
