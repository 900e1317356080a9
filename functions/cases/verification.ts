import { nowIso } from '../../shared/adapters/clock.ts';
import { verify } from '../../shared/domain/cases/commitment.ts';
import { CaseError } from '../../shared/domain/cases/errors.ts';
import { maskName } from '../../shared/domain/masking.ts';
import { forbidden, HttpError } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath, VerificationBody } from '../../shared/http/schemas/cases.ts';
import { caseForStaff } from './staff-access.ts';
import { asConflict, cases, caseView, creditTable } from './store.ts';

/**
 * POST /api/cases/{id}/verification: a reviewer of the handling department records what the verification of
 * a commitment found. True closes it; false revokes the decision, records the applicant in the credit records
 * and tells the regulators (审管协同) — all in the transaction that revokes, so none happens without the others.
 */
export const handler = httpHandler(async (request) => {
  const reviewer = requireRole(request, 'reviewer');
  const { id } = CaseIdPath.parse(request.pathParameters ?? {});
  const { truthful, note } = VerificationBody.parse(request.json ?? {});
  const current = await caseForStaff(cases, id, reviewer);
  let result: ReturnType<typeof verify>;
  try {
    result = verify(current, { truthful, note, reviewer, at: nowIso() });
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    if (error.code === 'NOT_PERMITTED') throw forbidden();
    throw new HttpError(409, error.code, error.zh, error.en);
  }
  const also =
    result.outcome === 'false'
      ? [
          {
            Put: {
              TableName: creditTable,
              Item: {
                pk: `CREDIT#${result.creditRecord.party.idHash}`,
                sk: `RECORD#${result.creditRecord.recordedAt}#${id}`,
                record: result.creditRecord,
                outbox: {
                  source: 'tongban.credit',
                  detailType: 'False Commitment Recorded',
                  detail: {
                    ...result.regulatorNotice,
                    applicant: {
                      ...result.regulatorNotice.applicant,
                      name: maskName(result.regulatorNotice.applicant.name),
                    },
                    handlingRegion: current.handling.region,
                  },
                },
              },
            },
          },
        ]
      : [];
  try {
    await cases.transition(current, result.case, result.records, { also });
  } catch (error) {
    throw asConflict(error);
  }
  return caseView(result.case);
});
