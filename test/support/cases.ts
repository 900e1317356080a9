import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { call, eventually } from './local.ts';

/** Steps of a case on the running local platform, as the web app or a department system would take them. */

export async function submit(token: string, application: object): Promise<string> {
  const { status, body } = await call('/api/cases', {
    method: 'POST',
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: JSON.stringify(application),
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.id as string;
}

/** A window takes in a case for 张伟 (citizen-zhang) by his ID number (一窗受理); its id. */
export async function takeInForZhang(windowToken: string, implementationCode: string, materials: object[]) {
  const { status, body } = await call('/api/window/cases', {
    method: 'POST',
    token: windowToken,
    headers: { 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      implementationCode,
      materials,
      onBehalfOf: { kind: 'person', name: '张伟', idNumber: '610104199003071230' },
    }),
  });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.id as string;
}

export const caseOf = async (token: string, id: string) => (await call(`/api/cases/${id}`, { token })).body;

export async function statusBecomes(token: string, id: string, status: string) {
  return eventually(async () => {
    const c = await caseOf(token, id);
    return c.status === status ? c : undefined;
  });
}

/** The open task of a case in the reviewer's inbox, looking through every page (other tests fill it too). */
export async function taskFor(reviewer: string, caseId: string, step?: string) {
  return eventually(async () => {
    let cursor: string | undefined;
    do {
      const { body } = await call(`/api/tasks?limit=50${cursor ? `&cursor=${cursor}` : ''}`, {
        token: reviewer,
      });
      const task = body.items.find(
        (t: { caseId: string; step: string }) => t.caseId === caseId && (!step || t.step === step),
      );
      if (task) return task;
      cursor = body.nextCursor;
    } while (cursor);
    return undefined;
  });
}

export async function decide(
  reviewer: string,
  taskId: string,
  outcome: 'approve' | 'deny' | 'return',
  reason?: string,
) {
  return call(`/api/tasks/${taskId}/decision`, {
    method: 'POST',
    token: reviewer,
    body: JSON.stringify({ outcome, reason }),
  });
}

/** Approves each step in turn, waiting for the workflow to open the next task. */
export async function approveAll(reviewer: string, caseId: string, steps: string[]) {
  for (const step of steps) {
    const task = await taskFor(reviewer, caseId, step);
    const decided = await decide(reviewer, task.id, 'approve');
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  }
}

export const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** Uploads a PDF for a material of the case through its presigned URL; the declared material to send on. */
export async function uploadPdf(token: string, caseId: string, materialId: string, bytes = PDF) {
  const asked = await call(`/api/cases/${caseId}/materials`, {
    method: 'POST',
    token,
    body: JSON.stringify({
      materialId,
      fileName: `${materialId}.pdf`,
      contentType: 'application/pdf',
      size: bytes.length,
    }),
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const { url, method, headers } = asked.body.upload;
  expect((await fetch(url, { method, headers, body: bytes })).status).toBe(200);
  return { materialId, by: 'upload', fileKey: asked.body.fileKey as string };
}

export async function supplement(token: string, caseId: string, materials: object[]) {
  return call(`/api/cases/${caseId}/supplements`, {
    method: 'POST',
    token,
    body: JSON.stringify({ materials }),
  });
}

/** Local mode's fast-forward: lets the time of a schedule or of a task's timeout come now. */
export async function fastForward(body: object) {
  const { status, body: answer } = await call('/local/fast-forward', {
    method: 'POST',
    body: JSON.stringify(body),
  });
  expect(status, JSON.stringify(answer)).toBe(202);
  return answer;
}

/** Applies, answers the one-time notice with a PDF for each material it names, and waits for review. */
export async function underReview(
  citizen: string,
  application: { implementationCode: string; tolerance?: boolean; [field: string]: unknown },
) {
  const id = await submit(citizen, application);
  const notified = await statusBecomes(citizen, id, 'correction-requested');
  const asked = (notified.notices.at(-1).items as { materialId: string; deferrable: boolean }[]).filter(
    (i) => !(i.deferrable && application.tolerance),
  );
  const uploads = [];
  for (const item of asked) uploads.push(await uploadPdf(citizen, id, item.materialId));
  await eventually(async () => {
    const c = await caseOf(citizen, id);
    const accepted = c.uploads.filter((u: { status: string }) => u.status === 'accepted').length;
    return accepted === asked.length ? true : undefined;
  });
  expect((await supplement(citizen, id, uploads)).status).toBe(200);
  return { id, reviewing: await statusBecomes(citizen, id, 'under-review') };
}

/** Approves every review step until the case concludes. */
export async function approveToTheEnd(reviewer: string, citizen: string, id: string) {
  for (;;) {
    const c = await caseOf(citizen, id);
    if (c.status === 'concluded') return c;
    const task = await taskFor(reviewer, id).catch(() => undefined);
    if (task) expect((await decide(reviewer, task.id, 'approve')).status).toBe(200);
  }
}
