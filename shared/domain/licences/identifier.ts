/**
 * The e-licence identifier of GB/T 36903 (电子证照标识): `1.2.156.3005.2.{type code}.{issuer code}.{serial}.
 * {version}.{check}`, the check character by ISO/IEC 7064 MOD 37,36 over the characters of the segments after
 * the root (dots removed). A wrong check character means a mistyped or forged identifier.
 */
export const LICENCE_ROOT = '1.2.156.3005.2';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

/** ISO/IEC 7064 MOD 37,36 (hybrid system): the check character for digits and capital letters. */
export function mod3736(text: string): string {
  let p = M;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new RangeError(`not a digit or capital letter: ${ch}`);
    const s = (p + v) % M || M;
    p = (s * 2) % (M + 1);
  }
  return ALPHABET[(M + 1 - p) % M]!;
}

export function licenceIdentifier(parts: {
  typeCode: string;
  issuerCode: string;
  serial: string;
  version: number;
}): string {
  const body = [parts.typeCode, parts.issuerCode, parts.serial, String(parts.version)];
  return `${LICENCE_ROOT}.${body.join('.')}.${mod3736(body.join(''))}`;
}

/** Whether an identifier has the root, its five segments and the right check character. */
export function isLicenceIdentifier(id: string): boolean {
  if (!id.startsWith(`${LICENCE_ROOT}.`)) return false;
  const segments = id.slice(LICENCE_ROOT.length + 1).split('.');
  if (segments.length !== 5 || segments.some((s) => !/^[0-9A-Z]+$/.test(s))) return false;
  const check = segments.pop()!;
  return check.length === 1 && mod3736(segments.join('')) === check;
}
