import { z } from 'zod';
import type { ImplementationItem, Material } from '../catalog/model.ts';
import { mayReplaceByCommitment } from './commitment.ts';
import { CaseError } from './errors.ts';
import {
  licenceNotApplicable,
  materialMissing,
  toleranceBadCredit,
  toleranceMissedBefore,
  toleranceNotDeferrable,
  toleranceNotOffered,
  toleranceNotRequested,
  UPLOAD_PROBLEMS,
  uploadProblem,
} from './messages.ts';
import { Message, type Notice, type NoticeItem, type Standing } from './model.ts';

/**
 * The pre-check before acceptance: everything missing or wrong goes into ONE notice (一次性告知, 行政许可法
 * Art. 32), so the applicant never has to come back twice for the same application.
 */

/** An uploaded file as the upload checks left it; no problems means it passed. */
export const UploadCheck = z.object({
  materialId: z.string().min(1),
  problems: z.array(z.object({ kind: z.enum(UPLOAD_PROBLEMS), detail: z.string().optional() })).default([]),
});
export type UploadCheck = z.infer<typeof UploadCheck>;

export const Supplied = z.object({
  uploaded: z.array(UploadCheck).default([]),
  /** Materials found among the applicant's e-licences (免证办). */
  eLicences: z.array(z.string()).default([]),
  /** Materials the applicant asks to replace by the signed commitment (告知承诺). */
  commitments: z.array(z.string()).default([]),
  /** Claims that proved nothing (evidence.ts), with why: they go into the notice. */
  refused: z.array(z.object({ materialId: z.string(), problems: z.array(Message) })).optional(),
});
export type Supplied = z.infer<typeof Supplied>;

export interface PrecheckInput {
  matter: ImplementationItem;
  /** The 办理情形 that apply to this applicant. */
  situations: string[];
  supplied: Supplied;
  /** Looked up by the caller; there is deliberately no default that would pass an unknown applicant. */
  standing: Standing;
  /** The applicant asked for 容缺 and signed the undertaking. */
  toleranceRequested: boolean;
}

export type PrecheckOutcome = 'complete' | 'tolerable' | 'correction';

export interface PrecheckResult {
  /** complete → accept; tolerable → accept with obligations; correction → send the notice. */
  outcome: PrecheckOutcome;
  matterCode: string;
  notice: Notice;
  satisfied: { materialId: string; by: 'upload' | 'e-licence' | 'commitment' }[];
  /** Materials the commitment stands in for: verified after approval. */
  replacedByCommitment: string[];
  /** Why tolerance does not apply, when something is missing (empty when it applies or nothing is missing). */
  toleranceRefusals: Message[];
}

/** Required materials always count; conditional ones only when one of their situations applies. */
export const applicableMaterials = (matter: ImplementationItem, situations: readonly string[]): Material[] =>
  matter.materials.filter((m) => m.required || m.situations.some((s) => situations.includes(s)));

export function precheck(input: PrecheckInput): PrecheckResult {
  const { matter, situations, supplied, standing } = input;
  const unknown = situations.filter((s) => !matter.situations.some((x) => x.id === s));
  if (unknown.length > 0) {
    throw new CaseError(
      'SITUATION_UNKNOWN',
      `事项没有办理情形：${unknown.join('、')}`,
      `the matter has no such situation: ${unknown.join(', ')}`,
    );
  }
  const items: NoticeItem[] = [];
  const satisfied: PrecheckResult['satisfied'] = [];
  for (const material of applicableMaterials(matter, situations)) {
    const uploads = supplied.uploaded.filter((u) => u.materialId === material.id);
    if (uploads.some((u) => u.problems.length === 0)) {
      satisfied.push({ materialId: material.id, by: 'upload' });
      continue;
    }
    // Only a certificate a government body issues can come from the e-licence library.
    const licenceOffered = supplied.eLicences.includes(material.id);
    if (licenceOffered && material.source === 'government') {
      satisfied.push({ materialId: material.id, by: 'e-licence' });
      continue;
    }
    const commitmentOffered = supplied.commitments.includes(material.id);
    const commitment = commitmentOffered ? mayReplaceByCommitment(matter, material, standing) : undefined;
    if (commitment?.eligible) {
      satisfied.push({ materialId: material.id, by: 'commitment' });
      continue;
    }
    const found = [
      ...uploads.flatMap((u) => u.problems.map((p) => uploadProblem(p.kind, material.name, p.detail))),
      ...(supplied.refused ?? []).filter((r) => r.materialId === material.id).flatMap((r) => r.problems),
    ];
    const problems = [
      ...(found.length > 0 ? found : [materialMissing(material.name)]),
      ...(licenceOffered ? [licenceNotApplicable(material.name)] : []),
      ...(commitment?.reasons ?? []),
    ];
    items.push({
      materialId: material.id,
      name: material.name,
      core: material.core,
      deferrable: material.deferrable && !material.core,
      problems,
    });
  }

  const toleranceRefusals = items.length === 0 ? [] : toleranceRefused(input, items);
  const outcome: PrecheckOutcome =
    items.length === 0 ? 'complete' : toleranceRefusals.length === 0 ? 'tolerable' : 'correction';
  return {
    outcome,
    matterCode: matter.implementationCode,
    notice: { matterCode: matter.implementationCode, matterName: matter.name, items },
    satisfied,
    replacedByCommitment: satisfied.filter((s) => s.by === 'commitment').map((s) => s.materialId),
    toleranceRefusals,
  };
}

/** 容缺: only deferrable, non-core materials missing; offered by the matter; asked for; clean credit. */
function toleranceRefused(input: PrecheckInput, items: NoticeItem[]): Message[] {
  const reasons: Message[] = items.filter((i) => !i.deferrable).map((i) => toleranceNotDeferrable(i.name));
  if (!input.matter.tolerance.offered) reasons.push(toleranceNotOffered());
  if (input.standing.badCredit) reasons.push(toleranceBadCredit());
  if (input.standing.missedTolerance) reasons.push(toleranceMissedBefore());
  if (!input.toleranceRequested) reasons.push(toleranceNotRequested());
  return reasons;
}

/** One line for the audit trail and the SMS: how many materials, which ones. */
export function summarize(notice: Notice): { zh: string; en: string } {
  const names = notice.items.map((i) => i.name);
  return {
    zh: `一次性告知：需补正${names.length}项材料：${names.join('、')}`,
    en: `One-time notice: ${names.length} material(s) to supply or correct: ${names.join(', ')}`,
  };
}
