/**
 * What people type, as the API takes it. Chinese input methods give full-width digits and letters (１３８, Ｘ);
 * people group a phone number as they say it ("138 0013 8000", "138-0013-8000") and copy ID numbers with spaces.
 * The fields keep what was typed until the user leaves them; what is checked and sent is normalised.
 */

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space as their ASCII forms. */
export const halfWidth = (text: string): string =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');

/** Spaces, dashes of every kind, dots and brackets that people put between groups of digits. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212.()]/g;

/** A mobile number: its digits, without a +86 or 0086 country code. */
export function normalisePhone(text: string): string {
  const digits = halfWidth(text).replace(SEPARATORS, '');
  return digits.replace(/^(?:\+|00)?86(?=1\d{10}$)/, '');
}

/** An ID number (居民身份证号码) or a 统一社会信用代码: no spaces or dashes, capital letters (the check X). */
export const normaliseCode = (text: string): string => halfWidth(text).replace(SEPARATORS, '').toUpperCase();
