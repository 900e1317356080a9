import { describe, expect, it } from 'vitest';
import { uploadView } from '../../../functions/materials/view.ts';
import { UploadCheck } from '../../../shared/domain/cases/precheck.ts';
import { attachmentDisposition, cleanFileName } from '../../../shared/domain/materials/file-names.ts';
import {
  acceptsUploads,
  afterSettled,
  type MaterialUpload,
  objectKey,
  parseObjectKey,
  toUploadCheck,
} from '../../../shared/domain/materials/uploads.ts';

const CASE = '0b9c6a8e-2f0e-4a57-9a8e-3c1f2d4b5a6c';
const UPLOAD = '7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6';

const requested = {
  caseId: CASE,
  materialId: 'floor-plan',
  uploadId: UPLOAD,
  key: objectKey(CASE, 'floor-plan', UPLOAD),
  fileName: '平面图.pdf',
  contentType: 'application/pdf',
  declaredSize: 100,
  requestedBy: 'citizen-zhang',
  requestedAt: '2026-03-02T01:00:00.000Z',
};
const checked = { ...requested, size: 100, checkedAt: '2026-03-02T01:00:05.000Z', versionId: 'v1' };
const accepted: MaterialUpload = { ...checked, status: 'accepted', type: 'pdf', sha256: 'ab' };
const rejected: MaterialUpload = {
  ...checked,
  status: 'rejected',
  reasons: [{ code: 'TYPE_MISMATCH', zh: '不符', en: 'mismatch' }],
};

describe('object keys of uploads', () => {
  it('carry the case, the material and the upload, and are read back', () => {
    expect(objectKey(CASE, 'floor-plan', UPLOAD)).toBe(`cases/${CASE}/floor-plan/${UPLOAD}`);
    expect(parseObjectKey(`cases/${CASE}/floor-plan/${UPLOAD}`)).toEqual({
      caseId: CASE,
      materialId: 'floor-plan',
      uploadId: UPLOAD,
    });
  });

  it.each([
    'catalog/search-index.json.gz',
    `cases/${CASE}/floor-plan`,
    `cases/${CASE}/floor-plan/${UPLOAD}/extra`,
    `cases/not-a-case/floor-plan/${UPLOAD}`,
    `cases/${CASE}/Floor_Plan/${UPLOAD}`,
  ])('are not found in %s', (key) => {
    expect(parseObjectKey(key)).toBeUndefined();
  });
});

describe('which cases take uploads', () => {
  it('takes them until a decision, including after a tolerant acceptance', () => {
    expect(acceptsUploads('submitted')).toBe(true);
    expect(acceptsUploads('correction-requested')).toBe(true);
    expect(acceptsUploads('accepted')).toBe(true);
  });
  it('takes none once decided or closed', () => {
    for (const status of ['approved', 'denied', 'concluded', 'withdrawn', 'terminated'] as const) {
      expect(acceptsUploads(status)).toBe(false);
    }
  });
});

describe('uploads as the pre-check takes them', () => {
  it('an accepted upload has no problem; a pending one is unchecked; a rejected one says why', () => {
    expect(UploadCheck.parse(toUploadCheck(accepted))).toEqual({ materialId: 'floor-plan', problems: [] });
    expect(toUploadCheck({ ...requested, status: 'pending' }).problems).toEqual([{ kind: 'unchecked' }]);
    expect(UploadCheck.parse(toUploadCheck(rejected)).problems).toEqual([
      { kind: 'wrong-type', detail: 'TYPE_MISMATCH' },
    ]);
  });
});

describe('an event for an upload already checked', () => {
  it('changes nothing when it is the same accepted version again, or the bucket keeps no versions', () => {
    expect(afterSettled(accepted, 'v1')).toBe('none');
    expect(afterSettled({ ...accepted, versionId: undefined }, undefined)).toBe('none');
  });
  it('deletes a later version written with the same URL: it was never checked', () => {
    expect(afterSettled(accepted, 'v2')).toBe('delete');
  });
  it('deletes what is left of a rejected upload', () => {
    expect(afterSettled(rejected, 'v1')).toBe('delete');
  });
});

describe('file names', () => {
  it('keep only the last segment of a path, without control characters', () => {
    expect(cleanFileName('C:\\fakepath\\营业执照.pdf')).toBe('营业执照.pdf');
    expect(cleanFileName('scans/2026/平面图.png')).toBe('平面图.png');
    expect(cleanFileName(' a\u0000b\n.pdf ')).toBe('ab.pdf');
    expect(cleanFileName('folder/')).toBe('');
  });

  it('are sent as an attachment that keeps Chinese names, with an ASCII fallback', () => {
    expect(attachmentDisposition('营业执照 (副本).pdf')).toBe(
      `attachment; filename="____ (__).pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%28%E5%89%AF%E6%9C%AC%29.pdf`,
    );
    expect(attachmentDisposition('a"b.pdf')).toContain('filename="a_b.pdf"');
  });
});

describe('uploads as the applicant sees them on the case', () => {
  it('a rejected upload says why in both languages; keys, hashes and versions stay internal', () => {
    expect(uploadView(rejected)).toEqual({
      materialId: 'floor-plan',
      uploadId: UPLOAD,
      fileName: '平面图.pdf',
      status: 'rejected',
      size: 100,
      requestedAt: '2026-03-02T01:00:00.000Z',
      checkedAt: '2026-03-02T01:00:05.000Z',
      reasons: [{ code: 'TYPE_MISMATCH', message: { 'zh-CN': '不符', en: 'mismatch' } }],
    });
    expect(uploadView(accepted)).not.toHaveProperty('sha256');
    expect(uploadView({ ...requested, status: 'pending' })).toMatchObject({ status: 'pending', size: 100 });
  });
});
