import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { documents, localModel, physicalName } from '../support/assembly.ts';
import { call, eventually } from '../support/local.ts';

const eventsOn = async (bus: string, caseId: string) => {
  const { body } = await call(`/local/events?bus=${bus}`);
  const found = body.events.filter((e: { detail: { caseId?: string } }) => e.detail?.caseId === caseId);
  return found.length ? found : undefined;
};

/** Writes what a case change writes: an item with an outbox record, as if in the change's transaction. */
async function writeOutbox(caseId: string, detail: object) {
  const table = physicalName(localModel(), 'AWS::DynamoDB::Table', 'CasesTable');
  await documents().send(
    new PutCommand({
      TableName: table,
      Item: {
        pk: `CASE#${caseId}`,
        sk: `EVENT#${new Date().toISOString()}`,
        outbox: { source: 'tongban.cases', detailType: 'Case Submitted', detail: { caseId, ...detail } },
      },
    }),
  );
}

describe("the outbox: cases table stream → hub bus → the handling region's bus", () => {
  it('publishes an audit record written with a case change and routes it to its handling region only', async () => {
    const caseId = randomUUID();
    await writeOutbox(caseId, { handlingRegion: '610100', receivingRegion: '610100' });

    const onHub = await eventually(() => eventsOn('tongban-dev-hub', caseId));
    expect(onHub[0]).toMatchObject({ source: 'tongban.cases', detailType: 'Case Submitted' });
    const onXian = await eventually(() => eventsOn('tongban-dev-610100', caseId));
    expect(onXian).toHaveLength(1);
    expect(await eventsOn('tongban-dev-610300', caseId)).toBeUndefined();
  });

  it('also routes a case received in another region (异地代收) to the bus of the region that received it', async () => {
    const caseId = randomUUID();
    await writeOutbox(caseId, { handlingRegion: '610100', receivingRegion: '610300' });
    expect(await eventually(() => eventsOn('tongban-dev-610300', caseId))).toHaveLength(1);
    expect(await eventually(() => eventsOn('tongban-dev-610100', caseId))).toHaveLength(1);
    await call('/local/idle');
    for (const other of ['610200', '610400', '610500', '610600', '610700', '610800', '610900', '611000']) {
      expect(await eventsOn(`tongban-dev-${other}`, caseId), other).toBeUndefined();
    }
  });

  it('publishes nothing for a write that carries no outbox record', async () => {
    const model = localModel();
    const table = physicalName(model, 'AWS::DynamoDB::Table', 'CasesTable');
    const caseId = randomUUID();
    await documents().send(
      new PutCommand({ TableName: table, Item: { pk: `CASE#${caseId}`, sk: 'CASE', caseId } }),
    );
    const marker = randomUUID();
    await documents().send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: `CASE#${marker}`,
          sk: 'EVENT#marker',
          outbox: {
            source: 'tongban.cases',
            detailType: 'Case Submitted',
            detail: { caseId: marker, handlingRegion: '610100' },
          },
        },
      }),
    );
    // Stream order: once the later marker is on the hub, the earlier plain write has been passed over.
    await eventually(() => eventsOn('tongban-dev-hub', marker));
    expect(await eventsOn('tongban-dev-hub', caseId)).toBeUndefined();
  });
});
