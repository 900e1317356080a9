import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvalExecutionArn, stepFunctions } from '../support/assembly.ts';
import { caseOf, statusBecomes, uploadPdf } from '../support/cases.ts';
import { call, eventually, tokenFor } from '../support/local.ts';

/**
 * Apply as a draft, submit once (issue 21): the files are uploaded to a draft and checked before it is
 * submitted, so the pre-check sees what the applicant really provided and a one-time notice names only what
 * is truly missing. A draft is its applicant's own until then: no workflow, no event, no staff.
 */

// 食品经营许可 in Xi'an: every material is the applicant's to upload; the food-safety rules may follow (容缺).
const FOOD_BUSINESS = '000109005000610100';
const HUB = 'tongban-dev-hub';

interface Guide {
  materials: { id: string; required: boolean; situation?: string }[];
}

const post = (path: string, token: string, body: object, key: string | undefined = randomUUID()) =>
  call(path, {
    method: 'POST',
    token,
    headers: key ? { 'idempotency-key': key } : {},
    body: JSON.stringify(body),
  });

/** The materials every applicant of the matter must provide (no 办理情形 chosen). */
async function requiredMaterials(code: string): Promise<string[]> {
  const { body } = await call(`/api/matters/${code}`);
  return (body as Guide).materials.filter((m) => m.required && !m.situation).map((m) => m.id);
}

async function draftWithUploads(token: string, materialIds: string[]) {
  const created = await post('/api/cases', token, { implementationCode: FOOD_BUSINESS, draft: true });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  const declared = [];
  for (const materialId of materialIds) declared.push(await uploadPdf(token, id, materialId));
  await eventually(async () => {
    const c = await caseOf(token, id);
    const accepted = c.uploads.filter((u: { status: string }) => u.status === 'accepted');
    return accepted.length === materialIds.length ? true : undefined;
  });
  return { id, declared };
}

const hubEventsOf = async (caseId: string) => {
  await call('/local/idle');
  const { body } = await call(`/local/events?bus=${HUB}`);
  return (body.events as { detailType: string; detail: { caseId?: string } }[]).filter(
    (e) => e.detail.caseId === caseId,
  );
};

describe('an application kept as a draft, its files uploaded, then submitted once', () => {
  let zhang: string;
  let li: string;
  let reviewer: string;
  let required: string[];

  beforeAll(async () => {
    zhang = await tokenFor('citizen', { user: 'citizen-zhang' });
    li = await tokenFor('citizen', { user: 'citizen-li' });
    reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-market' });
    required = await requiredMaterials(FOOD_BUSINESS);
    expect(required.length).toBeGreaterThan(1);
  });

  it('is accepted without any correction notice when every file was uploaded before submission', async () => {
    // Given a draft with every required material uploaded and checked
    const { id, declared } = await draftWithUploads(zhang, required);
    expect((await caseOf(zhang, id)).status).toBe('draft');

    // When it is submitted with those files
    const submitted = await post(`/api/cases/${id}/submission`, zhang, {
      implementationCode: FOOD_BUSINESS,
      form: { phone: '13800138000', address: '西安市雁塔区科技路1号' },
      materials: declared,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ id, status: 'submitted' });

    // Then the pre-check accepts it and review begins: no notice, no request for correction, ever
    const reviewing = await statusBecomes(zhang, id, 'under-review');
    expect(reviewing.notices).toEqual([]);
    const actions = reviewing.timeline.map((r: { action: string }) => r.action);
    expect(actions).not.toContain('request-correction');
    expect(actions[0]).toBe('submit');
    const events = (await hubEventsOf(id)).map((e) => e.detailType);
    expect(events).toContain('Case Submitted');
    expect(events).not.toContain('Case Correction Requested');
  });

  it('names exactly the one material left out, and nothing else, in the one-time notice', async () => {
    const [missing, ...uploaded] = required;
    const { id, declared } = await draftWithUploads(zhang, uploaded);
    const submitted = await post(`/api/cases/${id}/submission`, zhang, {
      implementationCode: FOOD_BUSINESS,
      materials: declared,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const notified = await statusBecomes(zhang, id, 'correction-requested');
    expect(notified.notices).toHaveLength(1);
    expect(notified.notices[0].items.map((i: { materialId: string }) => i.materialId)).toEqual([missing]);
  });

  it('is nobody else’s business until it is submitted: no workflow, no event, no staff, no other citizen', async () => {
    const created = await post('/api/cases', zhang, { implementationCode: FOOD_BUSINESS, draft: true });
    const id = created.body.id as string;
    await uploadPdf(zhang, id, required[0]!);

    expect(await hubEventsOf(id)).toEqual([]);
    expect((await call(`/api/staff/cases/${id}`, { token: reviewer })).status).toBe(404);
    expect((await call(`/api/cases/${id}`, { token: li })).status).toBe(404);
    const foreign = await post(`/api/cases/${id}/submission`, li, { implementationCode: FOOD_BUSINESS });
    expect(foreign.status).toBe(404);
    const executionArn = approvalExecutionArn(id);
    await expect(stepFunctions().send(new DescribeExecutionCommand({ executionArn }))).rejects.toMatchObject({
      name: 'ExecutionDoesNotExist',
    });

    // And it is listed among the applicant's cases, to go on with
    const { body: mine } = await call('/api/cases?limit=50', { token: zhang });
    expect(mine.items.find((c: { id: string }) => c.id === id)).toMatchObject({ status: 'draft' });
  });

  it('keeps what was filled in, shows it without the phone number, and takes no change once submitted', async () => {
    const created = await post('/api/cases', zhang, { implementationCode: FOOD_BUSINESS, draft: true });
    const id = created.body.id as string;
    const kept = await call(`/api/cases/${id}/draft`, {
      method: 'PUT',
      token: zhang,
      body: JSON.stringify({
        implementationCode: FOOD_BUSINESS,
        situations: ['vending-machine'],
        form: { phone: '13800138000', address: '西安市碑林区东大街2号' },
        tolerance: true,
      }),
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    const read = await caseOf(zhang, id);
    expect(read.draft).toMatchObject({
      situations: ['vending-machine'],
      form: { address: '西安市碑林区东大街2号' },
      tolerance: true,
    });
    expect(JSON.stringify(read)).not.toContain('13800138000');

    // Another matter's application is not this draft's
    const other = await call(`/api/cases/${id}/draft`, {
      method: 'PUT',
      token: zhang,
      body: JSON.stringify({ implementationCode: '000109004000610100' }),
    });
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('MATTER_MISMATCH');
  });

  it('refuses at submission a file that was never uploaded to the draft', async () => {
    const { id, declared } = await draftWithUploads(zhang, required.slice(1));
    const forged = { materialId: required[0], by: 'upload', fileKey: `cases/${id}/${required[0]}/made-up` };
    const refused = await post(`/api/cases/${id}/submission`, zhang, {
      implementationCode: FOOD_BUSINESS,
      materials: [...declared, forged],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('EVIDENCE_REFUSED');
    // The draft stays a draft, to be put right
    expect((await caseOf(zhang, id)).status).toBe('draft');
  });

  it('is submitted once: the same request again answers the same case, another is refused', async () => {
    const { id, declared } = await draftWithUploads(zhang, required);
    const key = randomUUID();
    const body = { implementationCode: FOOD_BUSINESS, materials: declared };
    const [first, again] = await Promise.all([
      post(`/api/cases/${id}/submission`, zhang, body, key),
      post(`/api/cases/${id}/submission`, zhang, body, key),
    ]);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.id).toBe(id);
    const another = await post(`/api/cases/${id}/submission`, zhang, body);
    expect(another.status).toBe(409);
    expect(another.body.error.code).toBe('CASE_SUBMITTED');
    const edit = await call(`/api/cases/${id}/draft`, {
      method: 'PUT',
      token: zhang,
      body: JSON.stringify(body),
    });
    expect(edit.status).toBe(409);
    const submits = (await statusBecomes(zhang, id, 'under-review')).timeline.filter(
      (r: { action: string }) => r.action === 'submit',
    );
    expect(submits).toHaveLength(1);
  });

  it('is discarded by its applicant without a word to any department', async () => {
    const created = await post('/api/cases', zhang, { implementationCode: FOOD_BUSINESS, draft: true });
    const id = created.body.id as string;
    const discarded = await call(`/api/cases/${id}/withdraw`, {
      method: 'POST',
      token: zhang,
      body: JSON.stringify({ reason: '不再申请' }),
    });
    expect(discarded.status).toBe(200);
    expect(discarded.body.status).toBe('withdrawn');
    expect(await hubEventsOf(id)).toEqual([]);
    const { body: mine } = await call('/api/cases?limit=50', { token: zhang });
    expect(mine.items.map((c: { id: string }) => c.id)).not.toContain(id);
  });
});
