import { describe, expect, it } from 'vitest';
import { isOwnCase, staffMayRead, takeInRefusal } from '../../../shared/domain/cases/access.ts';
import { draftCase, transition } from '../../../shared/domain/cases/lifecycle.ts';
import type { Actor, Case } from '../../../shared/domain/cases/model.ts';
import {
  APPLICANT,
  at,
  caseIn,
  foodBusinessLicence,
  OTHER_CITY_SUPERVISOR,
  OTHER_DEPARTMENT_REVIEWER,
  REVIEWER,
  STRANGER,
  SUPERVISOR,
} from '../cases/fixtures.ts';

/** Window staff of Xi'an (610100): like every window, of no department (一窗受理). */
const XIAN_WINDOW: Actor = { subject: 'window-wang', roles: ['window'], region: '610100' };
const BAOJI_WINDOW: Actor = { subject: 'window-ma', roles: ['window'], region: '610300' };
const ADMIN: Actor = { subject: 'admin-zhou', roles: ['admin'], region: '610000' };
const REGULATOR: Actor = { subject: 'regulator-he', roles: ['regulator'], region: '610100' };

/** 张三's case of 食品经营许可 in Baoji, which the Xi'an window took in (全省通办). */
const takenInAtXian = (): Case =>
  caseIn('submitted', {
    handling: { department: 'market-regulation', region: '610300' },
    applicant: { kind: 'person', name: '张三', idHash: 'hash-of-id' },
    assisted: true,
    intake: { channel: 'window', staff: XIAN_WINDOW.subject, region: '610100' },
  });

describe('which window may take a matter in (通办范围)', () => {
  const matter = (region: string, crossRegionScope: 'none' | 'city' | 'province' | 'national') => ({
    region,
    crossRegionScope,
  });

  it('lets a window take in any matter of its own region, even one without cross-region handling', () => {
    expect(takeInRefusal('610100', matter('610100', 'none'))).toBeUndefined();
  });

  it('refuses a matter of another region that is handled only at home, naming its scope and region', () => {
    expect(takeInRefusal('610100', matter('610300', 'none'))).toMatchObject({
      code: 'OUTSIDE_CROSS_REGION_SCOPE',
      zh: expect.stringContaining('610300'),
      en: expect.stringContaining('only in its own region'),
    });
  });

  it('lets a county window of the city take in a 市域通办 matter of the city, but not a window of another city', () => {
    expect(takeInRefusal('610113', matter('610100', 'city'))).toBeUndefined();
    expect(takeInRefusal('610302', matter('610100', 'city'))?.code).toBe('OUTSIDE_CROSS_REGION_SCOPE');
  });

  it('lets any window of the province take in a 全省通办 matter, and any window at all a 跨省通办 one', () => {
    expect(takeInRefusal('610300', matter('610100', 'province'))).toBeUndefined();
    expect(takeInRefusal('620100', matter('610100', 'province'))?.code).toBe('OUTSIDE_CROSS_REGION_SCOPE');
    expect(takeInRefusal('620100', matter('610100', 'national'))).toBeUndefined();
  });
});

describe('which staff may read a case', () => {
  it("lets reviewers of the handling department in the handling region read it, and no other department's", () => {
    const c = caseIn('submitted');
    expect(staffMayRead(c, REVIEWER)).toBe(true);
    expect(staffMayRead(c, OTHER_DEPARTMENT_REVIEWER)).toBe(false);
    expect(staffMayRead(c, { ...REVIEWER, region: '610300' })).toBe(false);
  });

  it('lets window staff of the handling region read it, of whatever department, but not those of another city', () => {
    const c = caseIn('submitted');
    expect(staffMayRead(c, XIAN_WINDOW)).toBe(true);
    expect(staffMayRead(c, BAOJI_WINDOW)).toBe(false);
  });

  it('lets the window staff member who took a case in read it wherever it is handled', () => {
    const c = takenInAtXian();
    expect(staffMayRead(c, XIAN_WINDOW)).toBe(true);
    expect(staffMayRead(c, { ...XIAN_WINDOW, subject: 'window-li' })).toBe(false);
  });

  it('lets supervisors over the handling region and admins read it; not a regulator, nor a supervisor elsewhere', () => {
    const c = caseIn('submitted');
    expect(staffMayRead(c, SUPERVISOR)).toBe(true);
    expect(staffMayRead(c, ADMIN)).toBe(true);
    expect(staffMayRead(c, OTHER_CITY_SUPERVISOR)).toBe(false);
    expect(staffMayRead(c, REGULATOR)).toBe(false);
  });
});

describe("an applicant's own cases", () => {
  it('are those filed from their account', () => {
    expect(isOwnCase(caseIn('submitted'), { subject: APPLICANT.subject })).toBe(true);
  });

  it('are those a window filed for their ID hash, which has no account on it', () => {
    expect(isOwnCase(takenInAtXian(), { subject: 'citizen-zhang', idHash: 'hash-of-id' })).toBe(true);
  });

  it("are never another person's, whose subject and ID hash differ", () => {
    expect(isOwnCase(takenInAtXian(), { subject: STRANGER.subject, idHash: 'hash-of-li' })).toBe(false);
    expect(isOwnCase(takenInAtXian(), { subject: STRANGER.subject })).toBe(false);
  });
});

describe('the window that took a case in acts for the applicant (帮办代办)', () => {
  const draft = (staff: string): Case => ({
    ...draftCase({
      id: 'case-0002',
      matter: foodBusinessLicence({ region: '610300' }),
      applicant: { kind: 'person', name: '张三', idHash: 'hash-of-id' },
      assisted: true,
      at: at('2025-09-01', '08:00'),
    }),
    intake: { channel: 'window', staff, region: '610100' },
  });

  it('submits a case it took in, though the matter is of another department and region', () => {
    const { case: submitted, record } = transition(draft(XIAN_WINDOW.subject), 'submitted', {
      actor: XIAN_WINDOW,
      at: at('2025-09-01'),
    });
    expect(submitted.status).toBe('submitted');
    expect(record.actor.subject).toBe(XIAN_WINDOW.subject);
  });

  it('may not submit a case another window staff member took in', () => {
    expect(() =>
      transition(draft('window-li'), 'submitted', { actor: XIAN_WINDOW, at: at('2025-09-01') }),
    ).toThrow(/only the applicant/);
  });
});
