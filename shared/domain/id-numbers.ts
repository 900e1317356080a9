/** Check characters of the two identity numbers applicants present (DOMAIN.md, "Identity numbers"). */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * 居民身份证号 (GB 11643): 18 characters, a real birth date no later than `today` (YYYY-MM-DD in China, from the
 * caller: a rule reads no clock), and the right check character (uppercase X).
 */
export function isValidIdNumber(id: string, today: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number) as [
    number,
    number,
    number,
  ];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  if (y < 1900 || `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + Number(id[i]) * w, 0);
  return ID_CHECK[sum % 11] === id[17];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100): 18 characters from its alphabet and the right check character. */
export function isValidUscc(code: string): boolean {
  if (code.length !== 18 || [...code].some((c) => !USCC_CHARS.includes(c))) return false;
  const sum = USCC_WEIGHTS.reduce((acc, w, i) => acc + USCC_CHARS.indexOf(code[i]!) * w, 0);
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === code[17];
}

/**
 * A number as it is hashed (ID hashes): trimmed and upper-case, so that the window's typing and real-name
 * verification's record of one number give one hash.
 */
export const canonicalIdNumber = (number: string): string => number.trim().toUpperCase();
