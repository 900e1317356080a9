import { nowIso } from '../../shared/adapters/clock.ts';
import { verify } from '../../shared/domain/cases/commitment.ts';
import { maskName } from '../../shared/domain/masking.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { requireRole } from '../../shared/http/identity.ts';
import { CaseIdPath, VerificationBody } from '../../shared/http/schemas/cases.ts';
import { caseForStaff } from './staff-access.ts';
import { cases, caseView, creditTable } from './store.ts';

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
  const result = verify(current, { truthful, note, reviewer, at: nowIso() });
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
  await cases.transition(current, result.case, result.records, { also });
  return caseView(result.case);
});
