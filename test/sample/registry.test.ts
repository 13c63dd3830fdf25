import { buildMatcher, normalizeName } from '../../src/engine/matching';
import {
  creditCodeCheckChar,
  isValidCreditCode,
  orgCodeCheckChar,
} from '../../src/sample/creditCode';
import { SAMPLE_REGISTRY_SIZE, sampleRegistry } from '../../src/sample/registry';
import { xiachengSample } from '../../src/sample/xiacheng';

const registry = sampleRegistry();

describe('credit code check characters', () => {
  test('accept a valid code and reject altered ones', () => {
    // A code widely quoted as a valid example.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M00O100Y43')).toBe(false);
    expect(() => creditCodeCheckChar('9135010')).toThrow('17 characters');
  });

  test('organization code check digits follow GB 11714 (10 → X, 11 → 0)', () => {
    // Worked by hand with weights 3 7 9 10 5 8 4 2: the check is 11 − (sum mod 11).
    expect(orgCodeCheckChar('12345678')).toBe('8'); // sum 201, mod 11 = 3
    expect(orgCodeCheckChar('00000006')).toBe('X'); // sum 12, mod 11 = 1 → 10
    expect(orgCodeCheckChar('00000000')).toBe('0'); // sum 0 → 11
    expect(orgCodeCheckChar('M000100Y')).toBe('4'); // M = 22, Y = 34: sum 139, mod 11 = 7
    expect(() => orgCodeCheckChar('m000100Y')).toThrow('8 digits or capitals');
  });
});

describe('sampleRegistry', () => {
  test('is deterministic and is the registry of the sample scenario', () => {
    expect(sampleRegistry()).toEqual(registry);
    expect(xiachengSample().registry).toEqual(registry);
  });

  test('has at least 200 enterprises with unique names and codes, spread over streets and platforms', () => {
    expect(registry.length).toBe(SAMPLE_REGISTRY_SIZE);
    expect(registry.length).toBeGreaterThanOrEqual(200);
    expect(new Set(registry.map((r) => normalizeName(r.name))).size).toBe(registry.length);
    const codes = registry.flatMap((r) => (r.creditCode ? [r.creditCode] : []));
    expect(new Set(codes).size).toBe(codes.length);
    const units = xiachengSample().units.filter((u) => u.type !== 'department');
    for (const u of units)
      expect(registry.filter((r) => r.unit === u.id).length).toBeGreaterThanOrEqual(5);
    expect(new Set(registry.map((r) => r.unit))).toEqual(new Set(units.map((u) => u.id)));
  });

  test('most enterprises have a valid credit code; a few have none', () => {
    const withCode = registry.filter((r) => r.creditCode !== undefined);
    expect(withCode.length).toBeGreaterThan(registry.length * 0.85);
    expect(withCode.length).toBeLessThan(registry.length);
    for (const r of withCode) {
      const code = r.creditCode!;
      expect(isValidCreditCode(code)).toBe(true);
      expect(code).toMatch(/^91(330103|330100|330000)/);
      expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
    }
  });

  test('names come in the styles real recognition lists use', () => {
    const names = registry.map((r) => r.name);
    const count = (re: RegExp) => names.filter((n) => re.test(n)).length;
    for (const n of names) expect(n).toMatch(/(有限公司|分公司)$/);
    expect(count(/^杭州[^A-Za-z\s]+有限公司$/)).toBeGreaterThan(50);
    expect(count(/（杭州）/)).toBeGreaterThan(5);
    expect(count(/（集团）/)).toBeGreaterThan(5);
    expect(count(/分公司$/)).toBeGreaterThan(5);
    expect(count(/[A-Z]{2}/)).toBeGreaterThan(10);
    expect(count(/\s/)).toBeGreaterThan(5);
    expect(count(/股份有限公司$/)).toBeGreaterThan(5);
    // Brackets are full-width, as on official lists.
    expect(count(/[()]/)).toBe(0);
  });

  test('every enterprise is found by list matching, by code and by its name as lists print it', () => {
    const matcher = buildMatcher(registry);
    registry.forEach((r, i) => {
      // Half-width brackets, no spaces, lower-case Latin letters: still the same enterprise.
      const printed = r.name
        .replace(/（/g, '(')
        .replace(/）/g, ')')
        .replace(/\s+/g, '')
        .toLowerCase();
      expect(matcher.match(printed)).toEqual({
        status: 'matched',
        unit: r.unit,
        by: 'name',
        registryIndex: i,
      });
      if (r.creditCode) {
        expect(matcher.match('某个改了名的企业', r.creditCode)).toEqual({
          status: 'matched',
          unit: r.unit,
          by: 'code',
          registryIndex: i,
        });
      }
    });
  });
});
