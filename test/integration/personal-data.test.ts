import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { today } from '../../shared/adapters/clock.ts';
import { isValidIdNumber } from '../../shared/domain/id-numbers.ts';
import { documents } from '../support/assembly.ts';
import { approveToTheEnd, caseOf, submit, taskFor } from '../support/cases.ts';
import { call, tokenFor } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';

/**
 * Personal data stays where it must be and nowhere else. A full scenario — an online application with a phone
 * number, a window's intake by ID number and phone, review, decision, messages — then every response, event,
 * stored item and log line of the platform (this scenario's and every other test's so far) is searched for
 * raw ID numbers, credit codes and mobile numbers. The one place that holds them is the case itself (the
 * applicant's contact number, the application as submitted), whose views mask them.
 */

// The demo users' numbers (infra/local/identity/demo-users.ts) and the numbers this scenario types in.
const ID_NUMBERS = ['610104199003071230', '61030219881125002X', '610103199708150020'];
const CREDIT_CODES = ['91610131MA6TXQ8K5U'];
const MOBILES = ['13812345678', '13998765432', '13700001111', '13600136000', '13500135000'];
const ANY_ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/g;

function leaks(text: string): string[] {
  const found = [...ID_NUMBERS, ...CREDIT_CODES, ...MOBILES].filter((n) => text.includes(n));
  for (const candidate of text.match(ANY_ID_NUMBER) ?? [])
    if (isValidIdNumber(candidate, today())) found.push(candidate);
  return [...new Set(found)];
}

describe('personal data', () => {
  it('appears in no response, event, stored item or log line but the case that must hold it', async () => {
    const responses: string[] = [];
    const keep = async (path: string, init: Parameters<typeof call>[1] = {}) => {
      const answer = await call(path, init);
      responses.push(`${path} ${JSON.stringify(answer.body)}`);
      return answer;
    };

    // An online application with a contact number, decided.
    const zhang = await tokenFor('citizen', { user: 'citizen-zhang' });
    const police = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const online = await submit(zhang, {
      implementationCode: BIRTH_REGISTRATION,
      materials: E_LICENCES,
      form: { phone: '13600136000', address: '西安市新城区解放路 3 号' },
    });
    await approveToTheEnd(police, zhang, online);
    // A window's intake by ID number and phone, for the same person.
    const window = await tokenFor('window', { user: 'window-xian' });
    const intake = await keep('/api/window/cases', {
      method: 'POST',
      token: window,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({
        implementationCode: BIRTH_REGISTRATION,
        materials: E_LICENCES,
        onBehalfOf: { kind: 'person', name: '张伟', idNumber: ID_NUMBERS[0], phone: '13500135000' },
      }),
    });
    expect(intake.status).toBe(201);
    await taskFor(police, intake.body.id);
    for (const [path, token] of [
      [`/api/cases/${online}`, zhang],
      ['/api/cases', zhang],
      ['/api/messages?limit=50', zhang],
      [`/api/staff/cases/${intake.body.id}`, police],
      ['/api/window/cases', window],
      ['/api/tasks', police],
      ['/api/me', zhang],
    ] as const) {
      expect((await keep(path, { token })).status, path).toBe(200);
    }
    expect((await caseOf(zhang, intake.body.id)).status).toBe('under-review');
    await call('/local/idle');

    const found: string[] = [];
    const held = new Set<string>();
    for (const text of responses)
      for (const leak of leaks(text)) found.push(`response ${text.slice(0, 60)}: ${leak}`);

    const { body: buses } = await call('/local/events');
    for (const event of buses.events ?? []) {
      for (const leak of leaks(JSON.stringify(event))) found.push(`event ${event.detailType}: ${leak}`);
    }

    const db = documents();
    const { TableNames = [] } = await db.send(new ListTablesCommand({}));
    for (const table of TableNames) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        for (const item of page.Items ?? []) {
          // The case itself holds the applicant's contact and the application as submitted (masked in views).
          if (item.sk === 'CASE' && String(item.pk).startsWith('CASE#')) {
            for (const leak of leaks(JSON.stringify(item))) held.add(leak);
            continue;
          }
          for (const leak of leaks(JSON.stringify(item)))
            found.push(`${table} ${item.pk} / ${item.sk}: ${leak}`);
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }

    const log = join(dirname(inject('assemblyDir')), 'data', 'logs', 'functions.log');
    expect(existsSync(log)).toBe(true);
    const lines = readFileSync(log, 'utf8').split('\n');
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines)
      for (const leak of leaks(line)) found.push(`log: ${line.slice(0, 80)}: ${leak}`);

    expect(found).toEqual([]);
    // The search would have seen them: the one place that must hold them does.
    expect([...held]).toEqual(expect.arrayContaining(['13600136000', '13500135000']));
  }, 240_000);
});
