import { Rational, sum } from '../../src/engine/rational';

const q = (n: number | bigint, d: number | bigint = 1) => Rational.of(BigInt(n), BigInt(d));

describe('Rational', () => {
  it('keeps lowest terms with a positive denominator', () => {
    expect(q(2, 4).toString()).toBe('1/2');
    expect(q(1, -2).toString()).toBe('-1/2');
    expect(q(0, -5).toString()).toBe('0');
    expect(() => q(1, 0)).toThrow(RangeError);
  });

  it('reads JSON numbers as the decimals they denote', () => {
    expect(Rational.fromNumber(0.1).toString()).toBe('1/10');
    expect(
      Rational.fromNumber(0.1).add(Rational.fromNumber(0.2)).eq(Rational.fromNumber(0.3)),
    ).toBe(true);
    expect(Rational.fromNumber(1e-7).toString()).toBe('1/10000000');
    expect(Rational.fromNumber(-83.9).toString()).toBe('-839/10');
  });

  it('adds, subtracts, multiplies, divides and compares exactly', () => {
    expect(q(1, 3).add(q(1, 6)).toString()).toBe('1/2');
    expect(q(1, 3).sub(q(1, 2)).toString()).toBe('-1/6');
    expect(q(2, 3).mul(q(9, 4)).toString()).toBe('3/2');
    expect(q(2, 3).div(q(4, 9)).toString()).toBe('3/2');
    expect(() => q(1).div(Rational.ZERO)).toThrow(RangeError);
    expect(q(1, 3).cmp(q(2, 6))).toBe(0);
    expect(
      q(1, 3).lt(q(1, 2)) && q(1, 2).gt(q(1, 3)) && q(1, 3).le(q(1, 3)) && q(1, 3).ge(q(1, 3)),
    ).toBe(true);
    expect(q(1, 3).min(q(1, 4)).toString()).toBe('1/4');
    expect(q(1, 3).max(q(1, 4)).toString()).toBe('1/3');
    expect(sum([q(1, 2), q(1, 3), q(1, 6)]).toString()).toBe('1');
  });

  it('rounds half up to 2 decimals exactly: 80.125 → 80.13, just below → 80.12', () => {
    expect(q(80125, 1000).toFixed(2)).toBe('80.13');
    expect(q(80125, 1000).roundHalfUp(2).toString()).toBe('8013/100');
    expect(
      q(80125, 1000)
        .sub(q(1, 10n ** 18n))
        .toFixed(2),
    ).toBe('80.12');
    expect(q(1, 3).toFixed(2)).toBe('0.33');
    expect(q(2, 3).toFixed(2)).toBe('0.67');
    expect(q(1, 200).toFixed(2)).toBe('0.01');
    expect(q(7).toFixed(2)).toBe('7.00');
    expect(q(7, 2).toFixed(0)).toBe('4');
    expect(q(-1, 8).toFixed(2)).toBe('-0.12'); // half up is toward +∞
    expect(q(-1, 6).toFixed(2)).toBe('-0.17');
  });

  it('converts to the nearest double', () => {
    expect(q(1, 3).toNumber()).toBe(1 / 3);
    expect(q(-7, 10).toNumber()).toBe(-0.7);
    expect(q(10n ** 30n, 3n * 10n ** 30n).toNumber()).toBe(1 / 3);
    expect(q(2n ** 53n + 1n).toNumber()).toBe(2 ** 53); // tie to even
    expect(q(2n ** 53n + 3n).toNumber()).toBe(2 ** 53 + 4);
    // 1 + 2^-53 + 2^-80 is just above the midpoint between 1 and 1 + 2^-52: the sticky bit rounds it up
    expect(q(2n ** 80n + 2n ** 27n + 1n, 2n ** 80n).toNumber()).toBe(1 + 2 ** -52);
    expect(q(2n ** 80n + 2n ** 27n, 2n ** 80n).toNumber()).toBe(1);
    expect(q(8013n * 3n ** 40n, 100n * 3n ** 40n).toNumber()).toBe(80.13);
  });
});
