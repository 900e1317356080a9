import { expect } from 'vitest';
import { statusBecomes, submit, supplement, uploadPdf } from '../../support/cases.ts';
import { call, eventually } from '../../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../../support/matters.ts';

/** 食品经营许可 in Xi'an (market regulation): its food-safety rules may follow after acceptance (容缺). */
export const FOOD_BUSINESS = '000109005000610100';
/** 个体工商户设立登记 in Xi'an (market regulation): the premises proof may be replaced by the commitment. */
export const SOLE_TRADER = '000109004000610100';

/** A 食品经营许可 application with 容缺 and no files yet: its one-time notice asks for the two core files. */
export async function foodBusinessNotified(citizen: string): Promise<string> {
  const id = await submit(citizen, {
    implementationCode: FOOD_BUSINESS,
    form: { phone: '13800138000', address: '西安市雁塔区科技路 1 号' },
    tolerance: true,
    materials: [],
  });
  await statusBecomes(citizen, id, 'correction-requested');
  return id;
}

/** An 8×8 white PNG: a scanned page as a picture, which staff view in a dialog rather than a new tab. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAD0lEQVR4nGP4jwMwDC0JALoev0Ewkwr8AAAAAElFTkSuQmCC',
  'base64',
);

/** Uploads a PNG for a material of the case through its presigned URL; the declared material to send on. */
export async function uploadPng(token: string, caseId: string, materialId: string) {
  const asked = await call(`/api/cases/${caseId}/materials`, {
    method: 'POST',
    token,
    body: JSON.stringify({
      materialId,
      fileName: `${materialId}.png`,
      contentType: 'image/png',
      size: PNG.length,
    }),
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(201);
  const { url, method, headers } = asked.body.upload;
  expect((await fetch(url, { method, headers, body: PNG })).status).toBe(200);
  return { materialId, by: 'upload', fileKey: asked.body.fileKey as string };
}

/**
 * The same with its files uploaded and supplied (the layout as a picture when asked): accepted, the food-safety
 * rules owed (容缺), under review.
 */
export async function foodBusinessOwing(citizen: string, { layoutAsPicture = false } = {}): Promise<string> {
  const id = await foodBusinessNotified(citizen);
  // The business licence is uploaded too: none of the demo citizens holds its e-licence.
  const uploads = [
    await uploadPdf(citizen, id, 'application-form'),
    await uploadPdf(citizen, id, 'business-licence'),
    layoutAsPicture ? await uploadPng(citizen, id, 'layout') : await uploadPdf(citizen, id, 'layout'),
  ];
  for (const u of uploads) {
    // Checked after upload and attached, as the pre-check reads it.
    await eventually(async () => {
      const { status } = await call(`/api/cases/${id}/materials/${u.materialId}`, { token: citizen });
      return status === 200 ? true : undefined;
    });
  }
  expect((await supplement(citizen, id, uploads)).status).toBe(200);
  await statusBecomes(citizen, id, 'under-review');
  return id;
}

/** 出生登记 with every certificate from the e-licence library: accepted at once, reviewed by the police. */
export const birthRegistration = (citizen: string) =>
  submit(citizen, {
    implementationCode: BIRTH_REGISTRATION,
    form: { phone: '13800138000', address: '西安市新城区解放路 3 号' },
    materials: E_LICENCES,
  });
