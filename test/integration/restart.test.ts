import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalPlatform } from '../../infra/local/platform.ts';
import { seedDemoData } from '../../infra/local/seed.ts';
import { approvalExecutionArn, stepFunctions } from '../support/assembly.ts';
import { approveAll, decide, statusBecomes, submit, supplement, taskFor } from '../support/cases.ts';
import { call, tokenFor, usePlatform } from '../support/local.ts';
import { BIRTH_REGISTRATION, E_LICENCES } from '../support/matters.ts';
import { stuckCases } from '../support/stuck.ts';

// `npm start` stopped (Ctrl-C) and started again on the same data, in the middle of workflows: every execution
// goes on where it was, as AWS's would have, and no case is stranded. A platform of this file's own, since it is
// stopped and started.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUN_DIR = `${ROOT}.local/test/restart-${process.pid}`;
const STEPS = ['review', 'decision', 'issuance'];

const logs: string[] = [];
let platform: LocalPlatform | undefined;

async function start(fresh: boolean): Promise<void> {
  platform = await LocalPlatform.start({
    assemblyDir: inject('assemblyDir'),
    dataDir: `${RUN_DIR}/data`,
    fresh,
    port: 0,
    log: (line) => logs.push(line),
  });
  if (fresh) await seedDemoData(platform.model, platform.dynamodb, platform.idHash);
  await platform.idle();
  usePlatform({ url: platform.url, endpoints: platform.endpoints });
}

/** Ctrl-C, then `npm start` again on the same data directory. */
async function restart(): Promise<void> {
  usePlatform(undefined);
  await platform?.stop();
  platform = undefined;
  logs.length = 0;
  await start(false);
}

async function execution(caseId: string) {
  const arn = approvalExecutionArn(caseId);
  const described = await stepFunctions().send(new DescribeExecutionCommand({ executionArn: arn }));
  // Local mode's own history entries, which name the state (the SDK keeps only AWS's event fields).
  const { events } = platform!.stepFunctions.getExecutionHistory(arn);
  return { status: described.status, name: described.name, history: events };
}

const birthRegistration = (materials: object[]) => ({ implementationCode: BIRTH_REGISTRATION, materials });

describe('a restart of npm start in the middle of workflows', () => {
  beforeAll(() => start(true), 240_000);

  afterAll(async () => {
    usePlatform(undefined);
    await platform?.stop();
    rmSync(RUN_DIR, { recursive: true, force: true });
  }, 120_000);

  it('takes up a case waiting for its reviewer and one waiting for a supplement, and both go on to conclude', async () => {
    // Given a case whose first review task is open, and a case waiting for the applicant's supplement
    let citizen = await tokenFor('citizen');
    let reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const reviewed = await submit(citizen, birthRegistration(E_LICENCES));
    const openTask = await taskFor(reviewer, reviewed, 'review');
    const waiting = await submit(citizen, birthRegistration([]));
    await statusBecomes(citizen, waiting, 'correction-requested');
    await call('/local/idle');

    // When npm start is stopped and started again on the same data
    await restart();
    citizen = await tokenFor('citizen');
    reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });

    // Then both executions run on under their names, each from the state it was waiting in
    expect(logs).toContain('workflows: 2 running executions taken up where they were');
    for (const [caseId, state] of [
      [reviewed, 'Review'],
      [waiting, 'AwaitSupplement'],
    ] as const) {
      const { status, name, history } = await execution(caseId);
      expect({ status, name }).toEqual({ status: 'RUNNING', name: caseId });
      expect(history.filter((e) => e.type === 'ExecutionResumed')).toEqual([
        expect.objectContaining({ stateName: state }),
      ]);
    }

    // And the reviewer decides the very task opened before the restart (its token was kept); the case concludes
    const sameTask = await taskFor(reviewer, reviewed, 'review');
    expect(sameTask.id).toBe(openTask.id);
    expect((await decide(reviewer, sameTask.id, 'approve')).status).toBe(200);
    await approveAll(reviewer, reviewed, STEPS.slice(1));
    const concluded = await statusBecomes(citizen, reviewed, 'concluded');
    expect(concluded.timeline.map((r: { to: string }) => r.to)).toEqual([
      'submitted',
      'accepted',
      'under-review',
      'under-review',
      'under-review',
      'approved',
      'concluded',
    ]);

    // And the other case is supplemented, reviewed and concluded
    expect((await supplement(citizen, waiting, E_LICENCES)).status).toBe(200);
    await approveAll(reviewer, waiting, STEPS);
    await statusBecomes(citizen, waiting, 'concluded');
    expect((await execution(waiting)).status).toBe('SUCCEEDED');

    // And no case is left without open work or a final state
    await call('/local/idle');
    expect(await stuckCases()).toEqual([]);
  });

  it('takes a decision forward once, when npm start stops while the workflow is acting on it', async () => {
    // Given a case under review whose reviewer approves the first step
    let citizen = await tokenFor('citizen');
    let reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });
    const id = await submit(citizen, birthRegistration(E_LICENCES));
    const task = await taskFor(reviewer, id, 'review');
    expect((await decide(reviewer, task.id, 'approve')).status).toBe(200);

    // When npm start is stopped at once, while the workflow records the decision and opens the next step
    await restart();
    citizen = await tokenFor('citizen');
    reviewer = await tokenFor('reviewer', { user: 'reviewer-xian-police' });

    // Then the next step opens (at least once, never twice) and the case concludes with each change recorded once
    const next = await taskFor(reviewer, id, 'decision');
    expect((await decide(reviewer, next.id, 'approve')).status).toBe(200);
    await approveAll(reviewer, id, STEPS.slice(2));
    const concluded = await statusBecomes(citizen, id, 'concluded');
    expect(concluded.timeline.map((r: { to: string }) => r.to)).toEqual([
      'submitted',
      'accepted',
      'under-review',
      'under-review',
      'under-review',
      'approved',
      'concluded',
    ]);
    // And the decision taken as it stopped was recorded by the workflow once, not again after the restart
    const { history } = await execution(id);
    const recorded = history.filter((e) => e.type === 'StateEntered' && e.stateName === 'RecordDecision');
    expect(recorded).toHaveLength(STEPS.length);
    await call('/local/idle');
    expect(await stuckCases()).toEqual([]);
  });
});
