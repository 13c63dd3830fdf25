/**
 * Check characters of China's enterprise identifiers, used to generate valid-looking fictional
 * codes for the sample registry (and usable to check a code's shape).
 *
 * - 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet; the 18th is a
 *   mod-31 check over the first 17 with weights 3^(i) mod 31.
 * - 组织机构代码 (GB 11714-1997): characters 9–17 of the credit code; 8 body characters and a
 *   mod-11 check digit (10 → X, 11 → 0).
 */

/** The GB 32100 alphabet: digits and capitals without I, O, S, V, Z. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character of a credit code whose first 17 characters are `body`. */
export function creditCodeCheckChar(body: string): string {
  if (body.length !== 17)
    throw new Error(`a credit code body has 17 characters, got ${body.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(body[i]);
    if (v < 0)
      throw new Error(`character ${JSON.stringify(body[i])} is not allowed in a credit code`);
    sum += v * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** The 9th character of an organization code whose first 8 characters are `body` (digits, A–Z). */
export function orgCodeCheckChar(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body))
    throw new Error(
      `an organization code body is 8 digits or capitals, got ${JSON.stringify(body)}`,
    );
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i], 36) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** True when `code` is 18 characters of the GB 32100 alphabet with a correct check character. */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18 || [...code].some((ch) => !CREDIT_CODE_ALPHABET.includes(ch)))
    return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
