import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { LocalScheduler } from './scheduler/scheduler.ts';
import type { LocalStepFunctions } from './stepfunctions/local-stepfunctions.ts';

const Body = z.union([
  z.object({ schedule: z.object({ group: z.string().optional(), name: z.string().min(1) }) }),
  z.object({ timeOut: z.object({ executionArn: z.string().min(1) }) }),
]);

/**
 * `POST /local/fast-forward`, never deployed: lets time pass for one thing — a pending schedule fires now
 * (`{"schedule": {"group", "name"}}`), or the running task states of an execution with a TimeoutSeconds time
 * out now (`{"timeOut": {"executionArn"}}`). What follows is the platform's own code path, as if the day had
 * come: a demo or a test of a 5-working-day deadline need not wait five working days.
 */
export async function handleFastForward(
  engines: { scheduler: LocalScheduler; stepFunctions: LocalStepFunctions },
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): Promise<void> {
  const reply = (status: number, payload: unknown) =>
    void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  if (req.method !== 'POST') return reply(405, { code: 'METHOD_NOT_ALLOWED', message: 'Use POST' });
  let parsed: z.infer<typeof Body>;
  try {
    parsed = Body.parse(JSON.parse(body.toString('utf8') || 'null'));
  } catch {
    return reply(400, {
      code: 'INVALID_REQUEST',
      message: 'Send {"schedule": {"group", "name"}} or {"timeOut": {"executionArn"}}',
    });
  }
  try {
    if ('schedule' in parsed) {
      engines.scheduler.runNow({ GroupName: parsed.schedule.group, Name: parsed.schedule.name });
      return reply(202, { fired: parsed.schedule });
    }
    const timedOut = engines.stepFunctions.timeOutTasks(parsed.timeOut.executionArn);
    return reply(202, { timedOut });
  } catch (error) {
    const { name, message } = error as Error;
    const status = name === 'ConflictException' ? 409 : 404;
    return reply(status, { code: name, message });
  }
}
