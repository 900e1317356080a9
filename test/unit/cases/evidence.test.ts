import { describe, expect, it } from 'vitest';
import type { DeclaredMaterial } from '../../../shared/domain/cases/application.ts';
import { checkClaim, type EvidenceSources, suppliedFrom } from '../../../shared/domain/cases/evidence.ts';
import { precheck } from '../../../shared/domain/cases/precheck.ts';
import type { MaterialUpload } from '../../../shared/domain/materials/uploads.ts';
import { foodBusinessLicence } from './fixtures.ts';

const CASE = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const OTHER = '0a1b2c3d-4e5f-4061-8728-394a5b6c7d8e';
const upload = (
  caseId: string,
  materialId: string,
  status: 'accepted' | 'pending' = 'accepted',
): MaterialUpload => {
  const uploadId = `${materialId.length.toString(16).padStart(8, '0')}-1111-4111-8111-111111111111`;
  const base = {
    caseId,
    materialId,
    uploadId,
    key: `cases/${caseId}/${materialId}/${uploadId}`,
    fileName: `${materialId}.pdf`,
    contentType: 'application/pdf',
    declaredSize: 100,
    requestedBy: 'citizen-zhang',
    requestedAt: '2026-12-01T10:00:00+08:00',
  };
  return status === 'pending'
    ? { ...base, status }
    : {
        ...base,
        status,
        size: 100,
        checkedAt: '2026-12-01T10:01:00+08:00',
        type: 'pdf',
        sha256: 'ab'.repeat(32),
      };
};

const sources = (over: Partial<EvidenceSources> = {}): EvidenceSources => ({
  caseId: CASE,
  matter: foodBusinessLicence(),
  uploads: [
    upload(CASE, 'application'),
    upload(CASE, 'floor-plan', 'pending'),
    upload(OTHER, 'equipment-layout'),
  ],
  licences: [{ id: 'licence-bl', type: '营业执照', revoked: false }],
  standing: { badCredit: false, falseCommitmentRecord: false, missedTolerance: false },
  commitmentSigned: true,
  today: '2026-12-07',
  ...over,
});
const codes = (claim: DeclaredMaterial, s = sources()) => checkClaim(claim, s).problems.map((p) => p.code);
const file = (caseId: string, materialId: string) => upload(caseId, materialId).key;

describe('the evidence a claim of a material needs', () => {
  it("counts a checked upload of this case for this material, with the file's hash", () => {
    const check = checkClaim(
      { materialId: 'application', by: 'upload', fileKey: file(CASE, 'application') },
      sources(),
    );
    expect(check.evidence).toMatchObject({
      by: 'upload',
      materialId: 'application',
      sha256: 'ab'.repeat(32),
    });
  });

  it("refuses another material's file, another case's file, a file that does not exist, one not yet checked", () => {
    expect(
      codes({ materialId: 'equipment-layout', by: 'upload', fileKey: file(CASE, 'application') }),
    ).toEqual(['EVIDENCE_OTHER_MATERIAL']);
    expect(
      codes({ materialId: 'equipment-layout', by: 'upload', fileKey: file(OTHER, 'equipment-layout') }),
    ).toEqual(['EVIDENCE_NO_SUCH_FILE']);
    expect(codes({ materialId: 'equipment-layout', by: 'upload', fileKey: 'cases/x/layout/y' })).toEqual([
      'EVIDENCE_NO_SUCH_FILE',
    ]);
    expect(
      codes({ materialId: 'floor-plan', by: 'upload', fileKey: upload(CASE, 'floor-plan').key }),
    ).toEqual(['MATERIAL_UNCHECKED']);
  });

  it('counts an e-licence the applicant holds of the type the material needs, and refuses any other', () => {
    expect(
      checkClaim({ materialId: 'business-licence', by: 'e-licence', licenceId: 'licence-bl' }, sources())
        .evidence,
    ).toMatchObject({ by: 'e-licence' });
    expect(codes({ materialId: 'business-licence', by: 'e-licence', licenceId: 'made-up' })).toEqual([
      'EVIDENCE_LICENCE_NOT_FOUND',
    ]);
    expect(
      codes(
        { materialId: 'business-licence', by: 'e-licence', licenceId: 'licence-bl' },
        sources({ licences: [] }),
      ),
    ).toEqual(['EVIDENCE_LICENCE_NOT_FOUND']);
    const revoked = sources({ licences: [{ id: 'licence-bl', type: '营业执照', revoked: true }] });
    expect(
      codes({ materialId: 'business-licence', by: 'e-licence', licenceId: 'licence-bl' }, revoked),
    ).toEqual(['EVIDENCE_LICENCE_REVOKED']);
    const expired = sources({
      licences: [{ id: 'licence-bl', type: '营业执照', revoked: false, validUntil: '2026-01-01' }],
    });
    expect(
      codes({ materialId: 'business-licence', by: 'e-licence', licenceId: 'licence-bl' }, expired),
    ).toEqual(['EVIDENCE_LICENCE_EXPIRED']);
    // The application form is the applicant's own: no licence stands in for it.
    expect(codes({ materialId: 'application', by: 'e-licence', licenceId: 'licence-bl' })).toEqual([
      'LICENCE_NOT_APPLICABLE',
    ]);
  });

  it('counts a signed commitment where the material may be replaced, and refuses it otherwise', () => {
    expect(checkClaim({ materialId: 'safety-rules', by: 'commitment' }, sources()).evidence).toEqual({
      materialId: 'safety-rules',
      by: 'commitment',
    });
    expect(codes({ materialId: 'application', by: 'commitment' })).toEqual(['COMMITMENT_NOT_REPLACEABLE']);
    expect(
      codes({ materialId: 'safety-rules', by: 'commitment' }, sources({ commitmentSigned: false })),
    ).toEqual(['COMMITMENT_NOT_SIGNED']);
    const recorded = sources({
      standing: { badCredit: true, falseCommitmentRecord: true, missedTolerance: false },
    });
    expect(codes({ materialId: 'safety-rules', by: 'commitment' }, recorded)).toEqual([
      'COMMITMENT_FALSE_RECORD',
      'COMMITMENT_BAD_CREDIT',
    ]);
  });

  it('puts what proved nothing into the one-time notice, with its reasons', () => {
    const claims = [
      { materialId: 'equipment-layout', by: 'upload' as const, fileKey: file(CASE, 'application') },
    ].map((c) => checkClaim(c, sources()));
    const result = precheck({
      matter: foodBusinessLicence(),
      situations: [],
      supplied: suppliedFrom(claims),
      standing: { badCredit: false, falseCommitmentRecord: false },
      toleranceRequested: false,
    });
    const layout = result.notice.items.find((i) => i.materialId === 'equipment-layout');
    expect(layout?.problems.map((p) => p.code)).toEqual(['EVIDENCE_OTHER_MATERIAL']);
  });
});
