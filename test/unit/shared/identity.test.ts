import { describe, expect, it } from 'vitest';
import { isValidIdNumber, isValidUscc } from '../../../shared/domain/id-numbers.ts';
import { identityFromClaims, isStaff, readList } from '../../../shared/domain/identity.ts';
import { maskIdNumber, maskName, maskPhone } from '../../../shared/domain/masking.ts';

describe('identity from verified claims', () => {
  it('reads the groups list in the form HTTP APIs pass it ([a b])', () => {
    expect(readList('[reviewer supervisor]')).toEqual(['reviewer', 'supervisor']);
    expect(readList(['admin'])).toEqual(['admin']);
    expect(readList(undefined)).toEqual([]);
  });

  it('makes a staff member of the staff groups and keeps region and department', () => {
    const id = identityFromClaims({
      sub: 's1',
      'cognito:groups': '[reviewer]',
      'custom:region': '610100',
      'custom:department': 'market-regulation',
    });
    expect(id).toMatchObject({
      subject: 's1',
      roles: ['reviewer'],
      region: '610100',
      department: 'market-regulation',
    });
    expect(isStaff(id!)).toBe(true);
  });

  it('makes a citizen or an enterprise of a member of the citizens pool', () => {
    expect(identityFromClaims({ sub: 'c1' })?.roles).toEqual(['citizen']);
    expect(identityFromClaims({ sub: 'e1', 'custom:subjectType': 'enterprise' })?.roles).toEqual([
      'enterprise',
    ]);
  });

  it('ignores groups that are not roles of the platform', () => {
    expect(identityFromClaims({ sub: 'x', 'cognito:groups': '[us-east-1_Google]' })?.roles).toEqual([
      'citizen',
    ]);
  });

  it('has no identity without a subject', () => {
    expect(identityFromClaims({})).toBeUndefined();
    expect(identityFromClaims(undefined)).toBeUndefined();
  });
});

describe('masking personal data', () => {
  it('shows the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('610104199003071230')).toBe('610104********1230');
  });
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
  it('keeps the surname, and two characters of a four-character name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
  });
});

describe('identity numbers', () => {
  /** The day a number is checked on, in China: the caller's, as the rule reads no clock. */
  const TODAY = '2025-06-01';
  it('accepts an ID number with the right check character and a real date', () => {
    expect(isValidIdNumber('610104199003071230', TODAY)).toBe(true);
    expect(isValidIdNumber('61030219881125002X', TODAY)).toBe(true);
  });
  it('rejects an ID number whose check character is wrong', () => {
    expect(isValidIdNumber('610104199003071231', TODAY)).toBe(false);
  });
  it('accepts a birth date up to today, and not one after it', () => {
    expect(isValidIdNumber('610104202506011234', TODAY)).toBe(true);
    expect(isValidIdNumber('61010420250602123X', TODAY)).toBe(false);
    expect(isValidIdNumber('61010420250602123X', '2025-06-02')).toBe(true);
  });
  it('rejects an ID number with an impossible birth date or a lower-case x', () => {
    expect(isValidIdNumber('610104199002301234', TODAY)).toBe(false);
    expect(isValidIdNumber('61030219881125002x', TODAY)).toBe(false);
  });
  it('checks the check character of a 统一社会信用代码', () => {
    expect(isValidUscc('91610131MA6TXQ8K5U')).toBe(true);
    expect(isValidUscc('91610131MA6TXQ8K5B')).toBe(false);
    expect(isValidUscc('91610131MA6TXQ8KIU')).toBe(false);
  });
});
