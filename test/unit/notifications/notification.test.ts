import { describe, expect, it } from 'vitest';
import { acceptFromPrecheck, requestCorrection } from '../../../shared/domain/cases/acceptance.ts';
import { caseEventDetail, detailTypeOf } from '../../../shared/domain/cases/events.ts';
import { transition } from '../../../shared/domain/cases/lifecycle.ts';
import type { TransitionResult } from '../../../shared/domain/cases/model.ts';
import { terminateOverdue } from '../../../shared/domain/cases/obligations.ts';
import { precheck } from '../../../shared/domain/cases/precheck.ts';
import {
  type CaseEvent,
  NOTIFIED_DETAIL_TYPES,
  notificationOf,
} from '../../../shared/domain/notifications/notification.ts';
import { MissingPlaceholderError } from '../../../shared/domain/notifications/templates.ts';
import {
  APPLICANT,
  addWeekdays,
  at,
  caseIn,
  foodBusinessLicence,
  REVIEWER,
  WINDOW,
} from '../cases/fixtures.ts';

const MATTER = foodBusinessLicence();
const CLEAN = { badCredit: false, falseCommitmentRecord: false };
const ALL_SUPPLIED = {
  uploaded: [
    { materialId: 'application', problems: [] },
    { materialId: 'floor-plan', problems: [] },
    { materialId: 'equipment-layout', problems: [] },
    { materialId: 'safety-rules', problems: [] },
  ],
  eLicences: ['business-licence', 'legal-rep-id'],
  commitments: [],
};
/** The drawings are missing; 容缺 was asked for. */
const DRAWINGS_DEFERRED = {
  uploaded: [
    { materialId: 'application', problems: [] },
    { materialId: 'safety-rules', problems: [] },
  ],
  eLicences: ['business-licence', 'legal-rep-id'],
  commitments: [],
};
const check = (supplied: typeof ALL_SUPPLIED, toleranceRequested = false) =>
  precheck({ matter: MATTER, situations: [], supplied, standing: CLEAN, toleranceRequested });

/** The event a transition publishes, as the outbox writes it, and the case as the notifier reads it. */
function published({ case: c, record }: TransitionResult): [CaseEvent, TransitionResult['case']] {
  return [{ detailType: detailTypeOf(record), ...caseEventDetail(c, record, `EVENT#${record.at}#1`) }, c];
}

const accepted = (supplied = ALL_SUPPLIED, tolerance = false) =>
  acceptFromPrecheck(
    caseIn('submitted'),
    MATTER,
    check(supplied, tolerance),
    { actor: WINDOW, at: at('2025-09-04', '10:00') },
    addWeekdays,
  );
const byReviewer = (from: Parameters<typeof caseIn>[0], to: Parameters<typeof caseIn>[0], options = {}) =>
  transition(caseIn(from), to, { actor: REVIEWER, at: at('2025-09-08'), ...options });
/** A decision made on a commitment (告知承诺) found false afterwards. */
const revoked = () =>
  transition(
    caseIn('approved', { commitment: { materialIds: ['safety-rules'], signedAt: at('2025-09-01') } }),
    'revoked',
    { actor: REVIEWER, at: at('2025-09-20'), reason: '承诺内容不实' },
  );

describe('which notification a case event makes', () => {
  it('tells of an acceptance with nothing left to supply, in both languages', () => {
    const n = notificationOf(...published(accepted()));
    expect(n?.template).toBe('accepted');
    expect(n?.message['zh-CN']).toEqual({
      title: '申请已受理',
      body: '您申请的「食品经营许可」（办件 case-000）已受理，将在承诺时限内办结。',
    });
    expect(n?.message.en.body).toBe(
      'Your application for 食品经营许可 (case case-000) has been accepted and will be decided within the promised time limit.',
    );
    expect(n?.channels).toEqual(['in-app']);
  });

  it('tells of an acceptance under 容缺 which materials are due, and by which day', () => {
    const n = notificationOf(...published(accepted(DRAWINGS_DEFERRED, true)));
    expect(n?.template).toBe('accepted-with-obligations');
    expect(n?.message['zh-CN'].body).toContain(
      '请于 2025-09-11（含当日）前补交：经营场所平面图、设备布局和工艺流程图',
    );
    expect(n?.message.en.body).toContain('by 2025-09-11 (inclusive): 经营场所平面图, 设备布局和工艺流程图');
    expect(n?.channels).toContain('sms');
  });

  it("lists everything the pre-check's one-time notice asks for", () => {
    const missing = check({ ...ALL_SUPPLIED, uploaded: [{ materialId: 'application', problems: [] }] });
    const notice = requestCorrection(caseIn('submitted'), missing, {
      actor: WINDOW,
      at: at('2025-09-02'),
    });
    const n = notificationOf(...published(notice));
    expect(n?.template).toBe('correction-requested');
    expect(n?.message['zh-CN'].body).toContain('经营场所平面图、设备布局和工艺流程图、食品安全管理制度');
  });

  it("gives a reviewer's reason when the case is returned for correction during review", () => {
    const returned = byReviewer('under-review', 'correction-requested', {
      action: 'return',
      reason: '平面图比例不符',
    });
    const n = notificationOf(...published(returned));
    expect(n?.template).toBe('returned-for-correction');
    expect(n?.message.en.body).toContain('平面图比例不符');
  });

  it('gives the reason of a denial', () => {
    const n = notificationOf(
      ...published(byReviewer('under-review', 'denied', { reason: '经营场所不符合要求' })),
    );
    expect(n?.template).toBe('denied');
    expect(n?.message['zh-CN'].body).toContain('理由：经营场所不符合要求');
  });

  it('tells the outcome when a case concludes, in each language', () => {
    const concluded = transition(caseIn('approved'), 'concluded', { actor: REVIEWER, at: at('2025-09-09') });
    const n = notificationOf(...published(concluded));
    expect(n?.template).toBe('concluded');
    expect(n?.message['zh-CN'].body).toContain('结果：准予许可');
    expect(n?.message.en.body).toContain('is concluded: approved.');
  });

  it('names the missed materials and their deadline when a case ends for them', () => {
    const ended = terminateOverdue(accepted(DRAWINGS_DEFERRED, true).case, at('2025-09-12', '00:00'));
    const n = notificationOf(...published(ended));
    expect(n?.template).toBe('terminated');
    expect(n?.message['zh-CN'].body).toContain('2025-09-11');
    expect(n?.message.en.body).toContain('经营场所平面图, 设备布局和工艺流程图');
  });

  it.each([
    ['approved', () => byReviewer('under-review', 'approved')],
    ['not-accepted', () => byReviewer('submitted', 'not-accepted', { reason: '不属于本部门职权范围' })],
    ['revoked', revoked],
    [
      'withdrawn',
      () => transition(caseIn('submitted'), 'withdrawn', { actor: APPLICANT, at: at('2025-09-03') }),
    ],
  ] as const)('tells of a case %s', (template, made) => {
    expect(notificationOf(...published(made()))?.template).toBe(template);
  });

  it('has a template for every detail-type its rule delivers', () => {
    const made = [
      accepted(),
      byReviewer('under-review', 'approved'),
      byReviewer('under-review', 'denied', { reason: 'r' }),
      byReviewer('under-review', 'correction-requested', { action: 'return', reason: 'r' }),
      byReviewer('submitted', 'not-accepted', { reason: 'r' }),
      revoked(),
      transition(caseIn('denied'), 'concluded', { actor: REVIEWER, at: at('2025-09-09') }),
      transition(caseIn('submitted'), 'withdrawn', { actor: APPLICANT, at: at('2025-09-03') }),
      terminateOverdue(accepted(DRAWINGS_DEFERRED, true).case, at('2025-09-12', '00:00')),
    ].map((t) => published(t));
    expect(new Set(made.map(([e]) => e.detailType))).toEqual(new Set(NOTIFIED_DETAIL_TYPES));
    for (const [event, c] of made) expect(notificationOf(event, c), event.detailType).toBeDefined();
  });

  it('makes none for a change the applicant need not hear of', () => {
    const review = transition(accepted().case, 'under-review', {
      actor: REVIEWER,
      at: at('2025-09-05'),
      step: 'review',
    });
    expect(notificationOf(...published(review))).toBeUndefined();
  });

  it('is for the applicant by ID hash, keyed by its event, and carries no name or number', () => {
    const [event, c] = published(byReviewer('under-review', 'denied', { reason: '经营场所不符合要求' }));
    const n = notificationOf(event, c)!;
    expect(n).toMatchObject({
      schemaVersion: '1.0',
      idempotencyKey: event.idempotencyKey,
      recipient: { idHash: 'hash-of-id' },
      caseId: 'case-0001',
      occurredAt: event.occurredAt,
    });
    expect(JSON.stringify(n.message)).not.toContain(c.applicant.name);
    expect(JSON.stringify(n.message)).not.toContain('hash-of-id');
  });

  it('refuses an event that lacks what its template needs, rather than sending a blank', () => {
    const [event, c] = published(byReviewer('under-review', 'denied', { reason: 'r' }));
    expect(() => notificationOf({ ...event, reason: undefined }, c)).toThrow(MissingPlaceholderError);
  });
});
