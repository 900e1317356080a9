import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../shared/domain/cases/actors.ts';
import { IllegalTransitionError } from '../../../shared/domain/cases/errors.ts';
import {
  CASE_STATUSES,
  rulesBetween,
  TRANSITIONS,
  transition,
} from '../../../shared/domain/cases/lifecycle.ts';
import type { Actor, Case, CaseStatus } from '../../../shared/domain/cases/model.ts';
import {
  APPLICANT,
  at,
  caseIn,
  OTHER_CITY_SUPERVISOR,
  OTHER_DEPARTMENT_REVIEWER,
  REVIEWER,
  STRANGER,
  SUPERVISOR,
  WINDOW,
} from './fixtures.ts';

const thrown = (fn: () => unknown): IllegalTransitionError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof IllegalTransitionError) return e;
    throw e;
  }
  throw new Error('expected an IllegalTransitionError');
};

/** Window, reviewer, supervisor and system at once, on an assisted case: every kind of actor. */
const EVERYONE: Actor = {
  subject: 'everyone',
  roles: ['window', 'reviewer', 'supervisor', 'system'],
  department: 'market-regulation',
  region: '610100',
};

describe('the case lifecycle', () => {
  it('given a draft, when the applicant submits, then it is submitted, received then, and audited', () => {
    const draft = caseIn('draft');
    const { case: next, record } = transition(draft, 'submitted', { actor: APPLICANT, at: at('2025-09-01') });
    expect(next).toMatchObject({
      status: 'submitted',
      receivedAt: at('2025-09-01'),
      updatedAt: at('2025-09-01'),
    });
    expect(record).toEqual({
      caseId: 'case-0001',
      at: at('2025-09-01'),
      actor: { subject: APPLICANT.subject, roles: ['citizen'] },
      action: 'submit',
      from: 'draft',
      to: 'submitted',
      reason: undefined,
      step: undefined,
    });
    expect(draft.status).toBe('draft');
  });

  it('walks a case from draft to concluded, one audit record per change', () => {
    const steps: [CaseStatus, Actor, string?][] = [
      ['submitted', APPLICANT],
      ['accepted', WINDOW],
      ['under-review', REVIEWER, 'review'],
      ['under-review', REVIEWER, 'decide'],
      ['approved', REVIEWER],
      ['concluded', SYSTEM_ACTOR],
    ];
    let c = caseIn('draft');
    const trail = steps.map(([to, actor, step], i) => {
      const moved = transition(c, to, { actor, at: at('2025-09-02', `1${i}:00`), step });
      c = moved.case;
      return `${moved.record.action}:${moved.record.to}`;
    });
    expect(trail).toEqual([
      'submit:submitted',
      'accept:accepted',
      'start-review:under-review',
      'next-step:under-review',
      'approve:approved',
      'conclude:concluded',
    ]);
    expect(c).toMatchObject({
      status: 'concluded',
      step: 'decide',
      acceptedAt: at('2025-09-02', '11:00'),
      decidedAt: at('2025-09-02', '14:00'),
      concludedAt: at('2025-09-02', '15:00'),
    });
  });

  it('refuses every pair of statuses the table does not list, whoever asks, naming both statuses', () => {
    let illegal = 0;
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        if (rulesBetween(from, to).length > 0) continue;
        illegal++;
        const c = caseIn(from, { assisted: true, obligations: [] });
        const error = thrown(() =>
          transition(c, to, { actor: EVERYONE, at: at('2025-09-03'), reason: 'r', step: 'review' }),
        );
        expect(error).toMatchObject({ code: 'NOT_IN_TABLE', from, to });
        expect(error.message).toContain(`"${from}"`);
        expect(error.message).toContain(`"${to}"`);
      }
    }
    expect(illegal).toBeGreaterThan(130);
  });

  it('refuses each listed change to every kind of actor its rule does not name', () => {
    const representative: Record<string, Actor> = {
      applicant: APPLICANT,
      handler: REVIEWER,
      supervisor: SUPERVISOR,
      system: SYSTEM_ACTOR,
    };
    for (const rule of TRANSITIONS) {
      for (const [kind, actor] of Object.entries(representative)) {
        if (rule.by.includes(kind as never)) continue;
        for (const from of rule.from) {
          const to = rule.to === 'same' ? from : rule.to;
          const error = thrown(() =>
            transition(caseIn(from), to, {
              actor,
              at: at('2025-09-03'),
              reason: 'r',
              step: 'review',
              action: rule.action,
            }),
          );
          expect(error.code, `${rule.action} by ${kind} from ${from}`).toBe('NOT_PERMITTED');
        }
      }
    }
  });

  it('refuses a withdrawal after the decision, naming both statuses in both languages', () => {
    const error = thrown(() =>
      transition(caseIn('approved'), 'withdrawn', { actor: APPLICANT, at: at('2025-09-03') }),
    );
    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect(error.message).toContain('"approved"');
    expect(error.message).toContain('"withdrawn"');
    expect(error.zh).toContain('准予许可');
    expect(error.zh).toContain('已撤回');
    expect(error.en).toContain('reachable only from');
  });

  it('lets the applicant withdraw while the case is still under review', () => {
    const { case: next } = transition(caseIn('under-review', { step: 'review' }), 'withdrawn', {
      actor: APPLICANT,
      at: at('2025-09-03'),
    });
    expect(next).toMatchObject({ status: 'withdrawn', closedAt: at('2025-09-03') });
  });

  it('lets only the applicant withdraw, not another citizen nor the department', () => {
    for (const actor of [STRANGER, WINDOW, REVIEWER]) {
      expect(
        thrown(() => transition(caseIn('submitted'), 'withdrawn', { actor, at: at('2025-09-03') })).code,
      ).toBe('NOT_PERMITTED');
    }
  });

  it('lets only staff of the handling department accept, never those of another department', () => {
    const error = thrown(() =>
      transition(caseIn('submitted'), 'accepted', { actor: OTHER_DEPARTMENT_REVIEWER, at: at('2025-09-03') }),
    );
    expect(error.code).toBe('NOT_PERMITTED');
    expect(error.en).toContain("handling department's window or reviewers");
  });

  it('does not let staff handle their own application (回避)', () => {
    const own = caseIn('submitted', {
      applicant: { subject: WINDOW.subject, kind: 'person', name: '王五', idHash: 'h' },
    });
    expect(thrown(() => transition(own, 'accepted', { actor: WINDOW, at: at('2025-09-03') })).code).toBe(
      'NOT_PERMITTED',
    );
  });

  it('lets the window that filed for a walk-in submit and withdraw for them (帮办代办)', () => {
    const walkIn = caseIn('draft', {
      assisted: true,
      applicant: { kind: 'person', name: '赵六', idHash: 'h' },
    });
    const submitted = transition(walkIn, 'submitted', { actor: WINDOW, at: at('2025-09-02') }).case;
    expect(transition(submitted, 'withdrawn', { actor: WINDOW, at: at('2025-09-03') }).case.status).toBe(
      'withdrawn',
    );
  });

  it('asks for a written reason to refuse acceptance, deny, terminate, revoke or escalate', () => {
    const cases: [Case, CaseStatus, Actor][] = [
      [caseIn('submitted'), 'not-accepted', WINDOW],
      [caseIn('under-review', { step: 'review' }), 'denied', REVIEWER],
      [caseIn('under-review', { step: 'review' }), 'under-review', SUPERVISOR],
      [caseIn('submitted'), 'correction-requested', WINDOW],
    ];
    for (const [c, to, actor] of cases) {
      expect(thrown(() => transition(c, to, { actor, at: at('2025-09-03'), reason: '  ' })).code).toBe(
        'REASON_REQUIRED',
      );
    }
    const refused = transition(caseIn('submitted'), 'not-accepted', {
      actor: WINDOW,
      at: at('2025-09-03'),
      reason: '不属于本机关职权范围',
    });
    expect(refused.record.reason).toBe('不属于本机关职权范围');
  });

  it("moves a review only through the matter's own steps", () => {
    expect(
      thrown(() => transition(caseIn('accepted'), 'under-review', { actor: REVIEWER, at: at('2025-09-03') }))
        .code,
    ).toBe('STEP_REQUIRED');
    expect(
      thrown(() =>
        transition(caseIn('accepted'), 'under-review', {
          actor: REVIEWER,
          at: at('2025-09-03'),
          step: 'lunch',
        }),
      ).code,
    ).toBe('STEP_UNKNOWN');
  });

  it('lets a supervisor of the city escalate a case without changing its status, but not one of another city', () => {
    const c = caseIn('under-review', { step: 'review' });
    const { case: next, record } = transition(c, 'under-review', {
      actor: SUPERVISOR,
      at: at('2025-09-03'),
      reason: '即将超期，督办',
    });
    expect(next).toMatchObject({ status: 'under-review', step: 'review', escalatedAt: at('2025-09-03') });
    expect(record).toMatchObject({ action: 'escalate', from: 'under-review', to: 'under-review' });
    const province = { ...SUPERVISOR, region: '610000' };
    expect(
      transition(c, 'under-review', { actor: province, at: at('2025-09-03'), reason: '督办' }).record.action,
    ).toBe('escalate');
    expect(
      thrown(() =>
        transition(c, 'under-review', { actor: OTHER_CITY_SUPERVISOR, at: at('2025-09-03'), reason: 'x' }),
      ).code,
    ).toBe('NOT_PERMITTED');
  });

  it('refuses approval while deferred materials are still awaited, and names them', () => {
    const c = caseIn('under-review', {
      step: 'decide',
      obligations: [
        {
          kind: 'material',
          materialId: 'floor-plan',
          name: '经营场所平面图',
          deadline: '2025-09-08',
          status: 'open',
        },
      ],
    });
    const error = thrown(() => transition(c, 'approved', { actor: REVIEWER, at: at('2025-09-03') }));
    expect(error.code).toBe('OBLIGATIONS_OPEN');
    expect(error.zh).toContain('经营场所平面图');
    // A denial is not held back by missing materials.
    expect(
      transition(c, 'denied', { actor: REVIEWER, at: at('2025-09-03'), reason: '场所不符合要求' }).case
        .status,
    ).toBe('denied');
  });

  it('counts an acceptance by the system (lapse) as made at receipt', () => {
    const { case: next } = transition(caseIn('submitted'), 'accepted', {
      actor: SYSTEM_ACTOR,
      at: at('2025-09-09'),
      action: 'auto-accept',
    });
    expect(next.acceptedAt).toBe(at('2025-09-01'));
  });

  it("dates the pre-check's acceptance of a complete application when it happens", () => {
    const { case: next, record } = transition(caseIn('submitted'), 'accepted', {
      actor: SYSTEM_ACTOR,
      at: at('2025-09-02'),
    });
    expect(record.action).toBe('accept');
    expect(next.acceptedAt).toBe(at('2025-09-02'));
  });

  it('refuses to terminate a case with nothing overdue, and to revoke one not decided on a commitment', () => {
    const terminate = () =>
      transition(caseIn('accepted'), 'terminated', {
        actor: SYSTEM_ACTOR,
        at: at('2025-09-03'),
        reason: 'x',
      });
    expect(thrown(terminate).code).toBe('NO_OVERDUE_OBLIGATION');
    const revoke = () =>
      transition(caseIn('approved'), 'revoked', { actor: REVIEWER, at: at('2025-09-03'), reason: 'x' });
    expect(thrown(revoke).code).toBe('NO_COMMITMENT');
  });

  it('refuses a change dated before the last one, since the trail only grows', () => {
    const c = caseIn('submitted', { updatedAt: at('2025-09-05') });
    expect(thrown(() => transition(c, 'accepted', { actor: WINDOW, at: at('2025-09-04') })).code).toBe(
      'TIME_REVERSED',
    );
  });

  it('leaves the case it was given unchanged', () => {
    const c = caseIn('submitted');
    const copy = structuredClone(c);
    transition(c, 'accepted', { actor: WINDOW, at: at('2025-09-03') });
    expect(c).toEqual(copy);
  });
});
