import { describe, expect, it } from 'vitest';
import {
  generateUscc,
  organisationCodeCheck,
  REGISTRATION_PREFIX,
  usccCheckCharacter,
} from '../../../infra/seed/catalog/uscc.ts';
import { isValidUscc } from '../../../shared/domain/id-numbers.ts';

// A code published on a business licence: its organisation code 19220382-1 and its check character 6.
const PUBLISHED = '914403001922038216';

describe('the seed 统一社会信用代码 generator', () => {
  it('computes the GB 11714 check character of a published organisation code', () => {
    expect(organisationCodeCheck(PUBLISHED.slice(8, 16))).toBe(PUBLISHED[16]);
  });

  it('computes the GB 32100 check character of a published code', () => {
    expect(usccCheckCharacter(PUBLISHED.slice(0, 17))).toBe(PUBLISHED[17]);
  });

  it('maps the two special GB 11714 results to X and 0', () => {
    // Σ ≡ 1 (mod 11) gives 10 → X; Σ ≡ 0 gives 11 → 0.
    expect(organisationCodeCheck('00009000')).toBe('X');
    expect(organisationCodeCheck('00000000')).toBe('0');
  });

  it('builds codes that pass the check, with the registration prefix, region and body prefix in place', () => {
    for (const kind of Object.keys(REGISTRATION_PREFIX) as (keyof typeof REGISTRATION_PREFIX)[]) {
      for (const [region, bodyPrefix] of [
        ['610000', 'MB'],
        ['610403', '0'],
        ['611000', '7'],
      ] as const) {
        const code = generateUscc({ kind, region, bodyPrefix, seed: `${region}:${kind}` });
        expect(isValidUscc(code), code).toBe(true);
        expect(code.slice(0, 2)).toBe(REGISTRATION_PREFIX[kind]);
        expect(code.slice(2, 8)).toBe(region);
        expect(code.slice(8, 8 + bodyPrefix.length)).toBe(bodyPrefix);
        expect(organisationCodeCheck(code.slice(8, 16))).toBe(code[16]);
      }
    }
  });

  it('gives the same body the same code on every run', () => {
    const spec = {
      kind: 'organ',
      region: '610100',
      bodyPrefix: 'MB',
      seed: '610100:market-regulation',
    } as const;
    expect(generateUscc(spec)).toBe(generateUscc({ ...spec }));
    expect(generateUscc(spec)).not.toBe(generateUscc({ ...spec, seed: '610100:health' }));
  });
});
