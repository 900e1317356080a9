import { SupervisionRecorded } from '../../events/regulators.ts';
import { documents } from '../../shared/adapters/dynamodb.ts';
import { requiredEnv } from '../../shared/adapters/env.ts';
import { eventHandler } from '../../shared/adapters/event-handler.ts';
import { SupervisionStore } from '../../shared/adapters/supervision-store.ts';
import { ForeignEvent, misfit, reject } from './rejections.ts';

const records = new SupervisionStore(documents, requiredEnv('CASES_TABLE'));

/**
 * 审管协同, the way back: a regulator's supervision record (inspection, penalty …) is kept with the licence
 * holder, once, and shown to the approving body on the holder's later cases. A record that does not fit the
 * contract is kept out and listed with its reason.
 */
export const handler = eventHandler({ input: ForeignEvent }, async (event) => {
  const parsed = SupervisionRecorded.safeParse(event.detail);
  if (!parsed.success) {
    await reject(
      event,
      misfit('RECORD_INVALID', { zh: '监管记录', en: 'the supervision record' }, parsed.error),
    );
    return { kept: false };
  }
  return { kept: await records.keep(parsed.data) };
});
