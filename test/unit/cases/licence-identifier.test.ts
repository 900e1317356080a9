import { describe, expect, it } from 'vitest';
import {
  isLicenceIdentifier,
  licenceIdentifier,
  mod3736,
} from '../../../shared/domain/licences/identifier.ts';

describe('the e-licence identifier', () => {
  it('takes ISO/IEC 7064 MOD 37,36 check characters that catch every single mistyped character', () => {
    const body = '11100000000013127D00111610100MB2961374G00000011';
    const check = mod3736(body);
    for (let i = 0; i < body.length; i++) {
      const typo = body.slice(0, i) + (body[i] === '0' ? '1' : '0') + body.slice(i + 1);
      expect(mod3736(typo), `position ${i}`).not.toBe(check);
    }
  });

  it('is built from its segments and recognised again, and a changed character makes it a forgery', () => {
    const id = licenceIdentifier({
      typeCode: '11100000000013127D001',
      issuerCode: '11610100MB2961374G',
      serial: '0000001',
      version: 1,
    });
    expect(id).toMatch(
      /^1\.2\.156\.3005\.2\.11100000000013127D001\.11610100MB2961374G\.0000001\.1\.[0-9A-Z]$/,
    );
    expect(isLicenceIdentifier(id)).toBe(true);
    expect(isLicenceIdentifier(id.replace('0000001', '0000002'))).toBe(false);
    expect(isLicenceIdentifier('1.2.156.3005.2.birth-certificate')).toBe(false);
    expect(isLicenceIdentifier('licence-id-card')).toBe(false);
  });
});
