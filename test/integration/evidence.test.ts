import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documents, localModel, physicalName } from '../support/assembly.ts';
import {
  caseOf,
  decide,
  statusBecomes,
  submit,
  supplement,
  taskFor,
  underReview,
  uploadPdf,
} from '../support/cases.ts';
import { call, eventually, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, licenceOf } from '../support/matters.ts';

/**
 * What a dishonest applicant tries first: a claim without evidence behind it. For every way of claiming a
 * material (a file, an e-licence, a commitment) the honest claim counts and the false one is refused — at the
 * submission, the window's intake, the supplement and the decision — with the reason.
 */

// 食品经营许可 in Xi'an: the food-safety rules may follow under 容缺; no commitment is offered.
const FOOD_BUSINESS = '000109005000610100';
// 个体工商户设立登记 in Xi'an and in Baoji: the premises may be replaced by a commitment.
const SOLE_TRADER = '000109004000610100';
// 企业设立登记 in Xi'an: an enterprise may commit to its premises.
const ENTERPRISE_REGISTRATION = '000109001000610100';

const apply = (token: string, application: object) =>
  call('/api/cases', {
    method: 'POST',
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: JSON.stringify(application),
  });

const reasons = (body: { error: { details?: unknown } }) => JSON.stringify(body.error.details ?? []);

describe('claims of materials need evidence the platform holds', () => {
  let zhang: string;
  let reviewer: string;

  beforeAll(async () => {
    zhang = await tokenFor('citizen', { user: 'citizen-zhang' });
    reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-market' });
  });

  it('takes an e-licence the applicant holds, and refuses one nobody issued, another type, or another holder', async () => {
    const honest = await apply(zhang, {
      implementationCode: BIRTH_REGISTRATION,
      materials: [{ materialId: 'birth-certificate', by: 'e-licence', licenceId: licenceOf('出生医学证明') }],
    });
    expect(honest.status).toBe(201);
    for (const licenceId of [
      '1.2.156.3005.2.forged',
      licenceOf('居民户口簿'),
      licenceOf('居民身份证', '61030219881125002X'),
    ]) {
      const refused = await apply(zhang, {
        implementationCode: BIRTH_REGISTRATION,
        materials: [{ materialId: 'birth-certificate', by: 'e-licence', licenceId }],
      });
      expect(refused.status, licenceId).toBe(400);
      expect(refused.body.error.code).toBe('EVIDENCE_REFUSED');
    }
  });

  it('takes a commitment where the matter allows it, and refuses one where it does not', async () => {
    const allowed = await apply(zhang, {
      implementationCode: SOLE_TRADER,
      commitment: true,
      materials: [{ materialId: 'premises', by: 'commitment' }],
    });
    expect(allowed.status).toBe(201);
    const notReplaceable = await apply(zhang, {
      implementationCode: SOLE_TRADER,
      commitment: true,
      materials: [{ materialId: 'application-form', by: 'commitment' }],
    });
    expect(notReplaceable.status).toBe(400);
    expect(reasons(notReplaceable.body)).toContain('COMMITMENT_NOT_REPLACEABLE');
    const notOffered = await apply(zhang, {
      implementationCode: FOOD_BUSINESS,
      commitment: true,
      materials: [{ materialId: 'safety-rules', by: 'commitment' }],
    });
    expect(notOffered.status).toBe(400);
    expect(reasons(notOffered.body)).toContain('COMMITMENT_NOT_OFFERED');
  });

  it('refuses at the window a licence the walk-in does not hold, and takes the one they do', async () => {
    const window = await tokenFor('window', { user: 'window-xian' });
    const forZhang = (licenceId: string) =>
      call('/api/window/cases', {
        method: 'POST',
        token: window,
        headers: { 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          implementationCode: BIRTH_REGISTRATION,
          materials: [{ materialId: 'birth-certificate', by: 'e-licence', licenceId }],
          onBehalfOf: { kind: 'person', name: '张伟', idNumber: '610104199003071230' },
        }),
      });
    expect((await forZhang('1.2.156.3005.2.made-up')).status).toBe(400);
    expect((await forZhang(licenceOf('出生医学证明'))).status).toBe(201);
  });

  it("refuses, in a supplement, another material's file, another case's file and a file that does not exist", async () => {
    const id = await submit(zhang, { implementationCode: FOOD_BUSINESS });
    await statusBecomes(zhang, id, 'correction-requested');
    const layout = await uploadPdf(zhang, id, 'layout');
    const other = await submit(zhang, { implementationCode: FOOD_BUSINESS });
    const elsewhere = await uploadPdf(zhang, other, 'application-form');
    await eventually(async () => {
      const [a, b] = [await caseOf(zhang, id), await caseOf(zhang, other)];
      const done = (c: { uploads: { status: string }[] }) => c.uploads.every((u) => u.status === 'accepted');
      return done(a) && done(b) && a.uploads.length === 1 && b.uploads.length === 1 ? true : undefined;
    });
    for (const [what, claim, code] of [
      ['another material', { ...layout, materialId: 'application-form' }, 'EVIDENCE_OTHER_MATERIAL'],
      ["another case's file", { ...elsewhere }, 'EVIDENCE_NO_SUCH_FILE'],
      [
        'no file',
        {
          materialId: 'application-form',
          by: 'upload',
          fileKey: `cases/${id}/application-form/${randomUUID()}`,
        },
        'EVIDENCE_NO_SUCH_FILE',
      ],
    ] as const) {
      const refused = await supplement(zhang, id, [claim]);
      expect(refused.status, what).toBe(400);
      expect(reasons(refused.body), what).toContain(code);
    }
    expect((await caseOf(zhang, id)).status).toBe('correction-requested');
    expect((await supplement(zhang, id, [layout])).status).toBe(200);
  });

  it('does not approve a 容缺 case until real evidence of the deferred material arrives, and shows the reviewer what counted', async () => {
    const { id, reviewing } = await underReview(zhang, {
      implementationCode: FOOD_BUSINESS,
      tolerance: true,
    });
    expect(reviewing.obligations).toEqual([
      expect.objectContaining({ materialId: 'safety-rules', status: 'open' }),
    ]);
    // A claim without a file closes nothing.
    const empty = await supplement(zhang, id, [
      { materialId: 'safety-rules', by: 'upload', fileKey: `cases/${id}/safety-rules/${randomUUID()}` },
    ]);
    expect(empty.status).toBe(400);
    // Every step passes, but the last: the result waits for the deferred material.
    for (;;) {
      const task = await taskFor(reviewer, id);
      const decided = await decide(reviewer, task.id, 'approve');
      if (decided.status === 409) {
        expect(decided.body.error.code).toBe('OBLIGATIONS_OPEN');
        expect((await caseOf(zhang, id)).status).toBe('under-review');
        break;
      }
      expect(decided.status).toBe(200);
    }
    const rules = await uploadPdf(zhang, id, 'safety-rules');
    await eventually(async () =>
      (await caseOf(zhang, id)).uploads.some(
        (u: { materialId: string; status: string }) =>
          u.materialId === 'safety-rules' && u.status === 'accepted',
      )
        ? true
        : undefined,
    );
    expect((await supplement(zhang, id, [rules])).status).toBe(200);
    const task = await taskFor(reviewer, id);
    expect((await decide(reviewer, task.id, 'approve')).status).toBe(200);
    const staffView = await call(`/api/staff/cases/${id}`, { token: reviewer });
    const materials = staffView.body.evidence.map(
      (e: { materialId: string; by: string }) => `${e.materialId}:${e.by}`,
    );
    expect(materials).toEqual(
      expect.arrayContaining(['application-form:upload', 'layout:upload', 'safety-rules:upload']),
    );
    expect(staffView.body.standing).toEqual({
      badCredit: false,
      falseCommitmentRecord: false,
      missedTolerance: false,
    });
  }, 120_000);

  it('refuses 容缺 and 告知承诺 to an applicant with a false commitment on record, saying why', async () => {
    // The enterprise of the demo: no other test applies for it, so its record troubles nobody else.
    const firm = await tokenFor('enterprise', { user: 'enterprise-qinchuan' });
    const firmHash = JSON.parse(Buffer.from(firm.split('.')[1]!, 'base64url').toString())['custom:idHash'];
    const table = physicalName(localModel(), 'AWS::DynamoDB::Table', 'CasesTable');
    await documents().send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: `CREDIT#${firmHash}`,
          sk: `RECORD#2026-01-05T10:00:00.000Z#${randomUUID()}`,
          record: { kind: 'false-commitment', recordedAt: '2026-01-05T10:00:00.000Z' },
        },
      }),
    );
    const commitment = await apply(firm, {
      implementationCode: ENTERPRISE_REGISTRATION,
      commitment: true,
      materials: [{ materialId: 'premises', by: 'commitment' }],
    });
    expect(commitment.status).toBe(400);
    expect(reasons(commitment.body)).toContain('COMMITMENT_FALSE_RECORD');

    const id = await submit(firm, { implementationCode: FOOD_BUSINESS, tolerance: true });
    const notice = (await statusBecomes(firm, id, 'correction-requested')).notices.at(-1);
    expect(notice.toleranceRefused.map((r: { code: string }) => r.code)).toContain('TOLERANCE_BAD_CREDIT');
    const badCredit = notice.toleranceRefused.find(
      (r: { code: string }) => r.code === 'TOLERANCE_BAD_CREDIT',
    );
    expect(badCredit.zh).toContain('失信');
    const staff = await tokenFor('reviewer', { user: 'reviewer-xian-market' });
    const seen = await call(`/api/staff/cases/${id}`, { token: staff });
    expect(seen.status).toBe(200);
    await call(`/api/cases/${id}/withdraw`, { method: 'POST', token: firm, body: '{"reason":"测试结束"}' });
  });
});
