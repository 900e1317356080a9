import type { ImplementationItem, Material } from '../catalog/model.ts';
import type { MaterialUpload } from '../materials/uploads.ts';
import { toUploadCheck } from '../materials/uploads.ts';
import type { DeclaredMaterial } from './application.ts';
import { mayReplaceByCommitment } from './commitment.ts';
import { licenceNotApplicable, uploadProblem } from './messages.ts';
import type { Evidence, Message, Standing } from './model.ts';
import type { Supplied } from './precheck.ts';

/**
 * The one evidence check (used by the pre-check, the supplement, the window's intake and the decision): a
 * material counts as supplied only by what the platform itself holds, never by what an application says —
 * (a) an upload of THIS case for THIS material that passed its check, (b) an e-licence the applicant holds, of
 * a type the material accepts, valid and not revoked, or (c) the applicant's signed commitment, for a material
 * the matter lets them replace by one, with a clean record.
 */

/** An e-licence as the licence store finds it among those the applicant holds. */
export interface HeldLicence {
  id: string;
  type: string;
  /** Last day it is valid; absent for no end. */
  validUntil?: string;
  revoked: boolean;
}

export interface EvidenceSources {
  caseId: string;
  matter: ImplementationItem;
  /** The case's own uploads. */
  uploads: readonly MaterialUpload[];
  /** The e-licences the applicant holds: none until e-licences are issued, so every licence claim fails. */
  licences: readonly HeldLicence[];
  standing: Required<Standing>;
  /** The applicant signed the matter's commitment text. */
  commitmentSigned: boolean;
  today: string;
}

export interface ClaimCheck {
  claim: DeclaredMaterial;
  evidence?: Evidence;
  /** Why the claim proves nothing; empty when it is evidence. */
  problems: Message[];
}

const m = (code: string, zh: string, en: string): Message => ({ code, zh, en });

export function checkClaim(claim: DeclaredMaterial, sources: EvidenceSources): ClaimCheck {
  const material = sources.matter.materials.find((x) => x.id === claim.materialId);
  if (!material) {
    return {
      claim,
      problems: [
        m('MATERIAL_UNKNOWN', `没有申请材料「${claim.materialId}」`, `No material "${claim.materialId}"`),
      ],
    };
  }
  const problems =
    claim.by === 'upload'
      ? uploadProblems(claim, material, sources)
      : claim.by === 'e-licence'
        ? licenceProblems(claim, material, sources)
        : commitmentProblems(material, sources);
  if (problems.length > 0) return { claim, problems };
  return { claim, evidence: evidenceOf(claim, sources), problems: [] };
}

export const checkClaims = (claims: readonly DeclaredMaterial[], sources: EvidenceSources): ClaimCheck[] =>
  claims.map((c) => checkClaim(c, sources));

function uploadProblems(
  claim: Extract<DeclaredMaterial, { by: 'upload' }>,
  material: Material,
  sources: EvidenceSources,
): Message[] {
  const upload = sources.uploads.find((u) => u.key === claim.fileKey && u.caseId === sources.caseId);
  if (!upload) {
    return [
      m(
        'EVIDENCE_NO_SUCH_FILE',
        `「${material.name}」所指的文件不是本办件上传的文件`,
        `The file given for "${material.name}" is not an upload of this case`,
      ),
    ];
  }
  if (upload.materialId !== material.id) {
    const other = sources.matter.materials.find((x) => x.id === upload.materialId)?.name ?? upload.materialId;
    return [
      m(
        'EVIDENCE_OTHER_MATERIAL',
        `「${material.name}」所指的文件是作为「${other}」上传的`,
        `The file given for "${material.name}" was uploaded as "${other}"`,
      ),
    ];
  }
  return toUploadCheck(upload).problems.map((p) => uploadProblem(p.kind, material.name, p.detail));
}

function licenceProblems(
  claim: Extract<DeclaredMaterial, { by: 'e-licence' }>,
  material: Material,
  sources: EvidenceSources,
): Message[] {
  if (material.source !== 'government') return [licenceNotApplicable(material.name)];
  const licence = sources.licences.find((l) => l.id === claim.licenceId);
  if (!licence) {
    return [
      m(
        'EVIDENCE_LICENCE_NOT_FOUND',
        `没有找到您持有的、可代替「${material.name}」的该电子证照`,
        `No e-licence with that identifier is held by the applicant to stand in for "${material.name}"`,
      ),
    ];
  }
  const problems: Message[] = [];
  if (material.licenceType && licence.type !== material.licenceType) {
    problems.push(
      m(
        'EVIDENCE_LICENCE_TYPE',
        `该电子证照不是「${material.name}」所需的证照类型`,
        `That e-licence is not of the type "${material.name}" needs`,
      ),
    );
  }
  if (licence.revoked) {
    problems.push(
      m('EVIDENCE_LICENCE_REVOKED', '该电子证照已被注销或撤销', 'That e-licence has been revoked'),
    );
  } else if (licence.validUntil && licence.validUntil < sources.today) {
    problems.push(
      m(
        'EVIDENCE_LICENCE_EXPIRED',
        `该电子证照已于 ${licence.validUntil} 过期`,
        `That e-licence expired on ${licence.validUntil}`,
      ),
    );
  }
  return problems;
}

function commitmentProblems(material: Material, sources: EvidenceSources): Message[] {
  if (!sources.commitmentSigned) {
    return [
      m(
        'COMMITMENT_NOT_SIGNED',
        '以承诺代替材料须先签署承诺书',
        'Replacing a material by commitment needs the signed commitment',
      ),
    ];
  }
  return mayReplaceByCommitment(sources.matter, material, sources.standing).reasons;
}

function evidenceOf(claim: DeclaredMaterial, sources: EvidenceSources): Evidence {
  if (claim.by === 'upload') {
    const upload = sources.uploads.find((u) => u.key === claim.fileKey)!;
    const sha256 = upload.status === 'accepted' ? upload.sha256 : '';
    return {
      materialId: claim.materialId,
      by: 'upload',
      uploadId: upload.uploadId,
      fileKey: upload.key,
      sha256,
    };
  }
  if (claim.by === 'e-licence') {
    const licence = sources.licences.find((l) => l.id === claim.licenceId)!;
    return {
      materialId: claim.materialId,
      by: 'e-licence',
      licenceId: licence.id,
      licenceType: licence.type,
    };
  }
  return { materialId: claim.materialId, by: 'commitment' };
}

/**
 * The pre-check's view of what was supplied: only what the checks found to be evidence counts; every other
 * claim goes into the one-time notice with its reasons (a file of another case or material, a licence not
 * held, a commitment not allowed, a file still being checked).
 */
export function suppliedFrom(checks: readonly ClaimCheck[]): Supplied {
  const proven = (by: Evidence['by']) =>
    checks.flatMap((c) => (c.evidence?.by === by ? [c.evidence.materialId] : []));
  return {
    uploaded: proven('upload').map((materialId) => ({ materialId, problems: [] })),
    eLicences: proven('e-licence'),
    commitments: proven('commitment'),
    refused: checks
      .filter((c) => !c.evidence)
      .map((c) => ({ materialId: c.claim.materialId, problems: c.problems })),
  };
}
